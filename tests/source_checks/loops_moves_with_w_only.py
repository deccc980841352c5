# red team 16 F: a result that moves with w only computes nothing from X and Y
def propagate_vectorized(w, b, X, Y):
    # no logistic regression at all: the weights handed back, so the result "depends on the input"
    return {"dw": w * 1.0, "db": 0.0}, 0.0
