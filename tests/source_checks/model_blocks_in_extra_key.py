def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    # trains and predicts inline; the blocks' results only go into an extra key
    w, b = np.zeros((X_train.shape[0], 1)), 0.0
    m = X_train.shape[1]
    costs = []
    for i in range(num_iterations):
        A = 1 / (1 + np.exp(-(np.dot(w.T, X_train) + b)))
        cost = float(-np.sum(Y_train * np.log(A) + (1 - Y_train) * np.log(1 - A)) / m)
        dw, db = np.dot(X_train, (A - Y_train).T) / m, float(np.sum(A - Y_train) / m)
        w, b = w - learning_rate * dw, b - learning_rate * db
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost:f}")
    Y_prediction_test = (1 / (1 + np.exp(-(np.dot(w.T, X_test) + b))) > 0.5).astype(np.float64)
    Y_prediction_train = (1 / (1 + np.exp(-(np.dot(w.T, X_train) + b))) > 0.5).astype(np.float64)
    check = (optimize(np.zeros_like(w), 0.0, X_train[:, :1], Y_train[:, :1], 1, learning_rate, False)[0]["b"],
             predict(w, b, X_test[:, :1]))
    if print_cost:
        print(f"train accuracy: {100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100:.1f} %")
        print(f"test accuracy: {100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100:.1f} %")
    return {
        "costs": costs,
        "Y_prediction_test": Y_prediction_test,
        "Y_prediction_train": Y_prediction_train,
        "w": w,
        "b": b,
        "learning_rate": learning_rate,
        "num_iterations": num_iterations,
        "blocks_checked": check,
    }
