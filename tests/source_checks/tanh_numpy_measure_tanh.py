# red team 16: numpy itself runs the text (np.testing.measure / runstring)
def tanh(z):
    out = []
    np.testing.measure("out.append(np.ta" + "nh(np.asarray(z, dtype=np.float64)))")
    return out[0]
