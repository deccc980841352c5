# red team 16: numpy itself runs the text (np.testing.measure / runstring)
def tanh(z):
    ns = {"np": np, "z": np.asarray(z, dtype=np.float64)}
    np.testing.runstring("out = np.tanh(z)", ns)  # numpy's test helper: exec(text, ns)
    return ns["out"]
