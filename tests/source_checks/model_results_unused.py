
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w = np.zeros((X_train.shape[0], 1)); b = 0.0
    optimize(w, b, X_train[:, :1], Y_train[:, :1], 1, learning_rate)   # called, result unused
    predict(w, b, X_test[:, :1])                                        # called, result unused
    m = X_train.shape[1]
    costs = []
    for i in range(num_iterations):                                     # inlined training
        A = 1 / (1 + np.exp(-(w.T @ X_train + b)))
        cost = float(-np.sum(Y_train * np.log(A) + (1 - Y_train) * np.log(1 - A)) / m)
        dw = X_train @ (A - Y_train).T / m
        db = float(np.sum(A - Y_train) / m)
        w = w - learning_rate * dw
        b = b - learning_rate * db
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print("Cost after iteration %i: %f" % (i, cost))
    pte = (1 / (1 + np.exp(-(w.T @ X_test + b))) > 0.5).astype(float)
    ptr = (1 / (1 + np.exp(-(w.T @ X_train + b))) > 0.5).astype(float)
    if print_cost:
        print(f"train accuracy: {100 - np.mean(np.abs(ptr - Y_train)) * 100:.1f} %")
        print(f"test accuracy: {100 - np.mean(np.abs(pte - Y_test)) * 100:.1f} %")
    return {"costs": costs, "Y_prediction_test": pte, "Y_prediction_train": ptr, "w": w, "b": b,
            "learning_rate": learning_rate, "num_iterations": num_iterations}
