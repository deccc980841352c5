"""Your exercises. Fill in the functions in each unit module, then run ``pytest exercises``.

Shape convention: examples are **columns**; a data matrix ``X`` has shape ``(n_x, m)``.
"""
