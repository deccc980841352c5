# Course fixture: Course 1 week 2, "Python_Basics_With_Numpy_v3a" (2020 release), a student's
# correct notebook exported with jupytext (percent format). No import cell, no test module.
# Variants: normalizeRows (the 2017-2020 name); basic_sigmoid through np.exp, so it returns
# numpy.float64 (the notebook only printed it); textbook sigmoid and softmax; L1 with the
# builtin abs; L2 with np.power.
# ruff: noqa
# fmt: off

# %% [markdown]
# # Python Basics with Numpy (optional assignment)
#
# Welcome to your first assignment. This exercise gives you a brief introduction to Python.
#
# **Instructions:**
# - You will be using Python 3.
# - Avoid using for-loops and while-loops, unless you are explicitly told to do so.
# - Do not modify the (# GRADED FUNCTION [function name]) comment in some cells. Your work
#   would not be graded if you change this.
#
# **Updates**
# - Some functions now return numpy float instead of a python float (L1, L2).

# %%
### START CODE HERE ### (≈ 1 line of code)
test = "Hello World"
### END CODE HERE ###

# %%
print ("test: " + test)

# %% [markdown]
# ## 1 - Building basic functions with numpy ##
#
# ### 1.1 - sigmoid function, np.exp() ###
#
# **Exercise**: Build a function that returns the sigmoid of a real number x. Use math.exp(x)
# for the exponential function.

# %%
# GRADED FUNCTION: basic_sigmoid

import math
import numpy as np

def basic_sigmoid(x):
    """
    Compute sigmoid of x.

    Arguments:
    x -- A scalar

    Return:
    s -- sigmoid(x)
    """

    ### START CODE HERE ### (≈ 1 line of code)
    s = 1 / (1 + np.exp(-x))
    ### END CODE HERE ###

    return s

# %%
basic_sigmoid(3)

# %%
import numpy as np

# example of np.exp
x = np.array([1, 2, 3])
print(np.exp(x)) # result is (exp(1), exp(2), exp(3))

# %% [markdown]
# **Exercise**: Implement the sigmoid function using numpy.

# %%
# GRADED FUNCTION: sigmoid

import numpy as np # this means you can access numpy functions by writing np.function() instead of numpy.function()

def sigmoid(x):
    """
    Compute the sigmoid of x

    Arguments:
    x -- A scalar or numpy array of any size

    Return:
    s -- sigmoid(x)
    """

    ### START CODE HERE ### (≈ 1 line of code)
    s = 1/(1+np.exp(-x))
    ### END CODE HERE ###

    return s

# %%
x = np.array([1, 2, 3])
sigmoid(x)

# %% [markdown]
# ### 1.2 - Sigmoid gradient
#
# **Exercise**: Implement the function sigmoid_grad() to compute the gradient of the sigmoid
# function with respect to its input x.

# %%
# GRADED FUNCTION: sigmoid_derivative

def sigmoid_derivative(x):
    """
    Compute the gradient (also called the slope or derivative) of the sigmoid function with respect to its input x.
    You can store the output of the sigmoid function into variables and then use it to calculate the gradient.

    Arguments:
    x -- A scalar or numpy array

    Return:
    ds -- Your computed gradient.
    """

    ### START CODE HERE ### (≈ 2 lines of code)
    s = sigmoid(x)
    ds = s*(1-s)
    ### END CODE HERE ###

    return ds

# %%
x = np.array([1, 2, 3])
print ("sigmoid_derivative(x) = " + str(sigmoid_derivative(x)))

# %% [markdown]
# ### 1.3 - Reshaping arrays ###
#
# **Exercise**: Implement `image2vector()` that takes an input of shape (length, height, 3)
# and returns a vector of shape (length\*height\*3, 1).

# %%
# GRADED FUNCTION: image2vector
def image2vector(image):
    """
    Argument:
    image -- a numpy array of shape (length, height, depth)

    Returns:
    v -- a vector of shape (length*height*depth, 1)
    """

    ### START CODE HERE ### (≈ 1 line of code)
    v = image.reshape(image.shape[0]*image.shape[1]*image.shape[2], 1)
    ### END CODE HERE ###

    return v

# %%
# This is a 3 by 3 by 2 array, typically images will be (num_px_x, num_px_y,3) where 3 represents the RGB values
image = np.array([[[ 0.67826139,  0.29380381],
        [ 0.90714982,  0.52835647],
        [ 0.4215251 ,  0.45017551]],

       [[ 0.92814219,  0.96677647],
        [ 0.85304703,  0.52351845],
        [ 0.19981397,  0.27417313]],

       [[ 0.60659855,  0.00533165],
        [ 0.10820313,  0.49978937],
        [ 0.34144279,  0.94630077]]])

print ("image2vector(image) = " + str(image2vector(image)))

# %% [markdown]
# ### 1.4 - Normalizing rows
#
# **Exercise**: Implement normalizeRows() to normalize the rows of a matrix.

# %%
# GRADED FUNCTION: normalizeRows

def normalizeRows(x):
    """
    Implement a function that normalizes each row of the matrix x (to have unit length).

    Argument:
    x -- A numpy matrix of shape (n, m)

    Returns:
    x -- The normalized (by row) numpy matrix. You are allowed to modify x.
    """

    ### START CODE HERE ### (≈ 2 lines of code)
    # Compute x_norm as the norm 2 of x. Use np.linalg.norm(..., ord = 2, axis = ..., keepdims = True)
    x_norm = np.linalg.norm(x, axis=1, keepdims=True)

    # Divide x by its norm.
    x = x/x_norm
    ### END CODE HERE ###

    return x

# %%
x = np.array([
    [0, 3, 4],
    [1, 6, 4]])
print("normalizeRows(x) = " + str(normalizeRows(x)))

# %% [markdown]
# ### 1.5 - Broadcasting and the softmax function ####
#
# **Exercise**: Implement a softmax function using numpy.

# %%
# GRADED FUNCTION: softmax

def softmax(x):
    """Calculates the softmax for each row of the input x.

    Your code should work for a row vector and also for matrices of shape (m,n).

    Argument:
    x -- A numpy matrix of shape (m,n)

    Returns:
    s -- A numpy matrix equal to the softmax of x, of shape (m,n)
    """

    ### START CODE HERE ### (≈ 3 lines of code)
    # Apply exp() element-wise to x. Use np.exp(...).
    x_exp = np.exp(x)

    # Create a vector x_sum that sums each row of x_exp. Use np.sum(..., axis = 1, keepdims = True).
    x_sum = np.sum(x_exp, axis=1, keepdims=True)

    # Compute softmax(x) by dividing x_exp by x_sum. It should automatically use numpy broadcasting.
    s = x_exp/x_sum

    ### END CODE HERE ###

    return s

# %%
x = np.array([
    [9, 2, 5, 0, 0],
    [7, 5, 0, 0 ,0]])
print("softmax(x) = " + str(softmax(x)))

# %% [markdown]
# ## 2) Vectorization
#
# ### 2.1 Implement the L1 and L2 loss functions
#
# **Exercise**: Implement the numpy vectorized version of the L1 loss. You may find the
# function abs(x) (absolute value of x) useful.

# %%
# GRADED FUNCTION: L1

def L1(yhat, y):
    """
    Arguments:
    yhat -- vector of size m (predicted labels)
    y -- vector of size m (true labels)

    Returns:
    loss -- the value of the L1 loss function defined above
    """

    ### START CODE HERE ### (≈ 1 line of code)
    loss = np.sum(abs(y - yhat))
    ### END CODE HERE ###

    return loss

# %%
yhat = np.array([.9, 0.2, 0.1, .4, .9])
y = np.array([1, 0, 0, 1, 1])
print("L1 = " + str(L1(yhat, y)))

# %% [markdown]
# **Exercise**: Implement the numpy vectorized version of the L2 loss.

# %%
# GRADED FUNCTION: L2

def L2(yhat, y):
    """
    Arguments:
    yhat -- vector of size m (predicted labels)
    y -- vector of size m (true labels)

    Returns:
    loss -- the value of the L2 loss function defined above
    """

    ### START CODE HERE ### (≈ 1 line of code)
    loss = np.sum(np.power(y - yhat, 2))
    ### END CODE HERE ###

    return loss

# %%
yhat = np.array([.9, 0.2, 0.1, .4, .9])
y = np.array([1, 0, 0, 1, 1])
print("L2 = " + str(L2(yhat, y)))
