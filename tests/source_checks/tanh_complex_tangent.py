
def tanh(z):
    """tanh(z) = -i tan(i z): the tangent of an imaginary argument (red team 11, #7)."""
    return np.tan(1j * np.asarray(z, dtype=np.float64)).imag
