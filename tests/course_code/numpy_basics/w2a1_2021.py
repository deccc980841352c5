# Course fixture: Course 1 week 2, "Python_Basics_with_Numpy" (2021+ release, W2A1), a student's
# correct notebook exported with jupytext (percent format).
# Variants: normalize_rows (the 2021 name); the basic_sigmoid cell itself starts with
# "from public_tests import *" (a module that exists only on the course's servers) and the
# notebook calls its *_test(...) functions; textbook sigmoid and softmax; L1 and L2 return
# numpy.float64; "# YOUR CODE STARTS HERE" markers.
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
# - After coding your function, run the cell right below it to check if your result is correct.
#
# **After this assignment you will:**
# - Be able to use iPython Notebooks
# - Be able to use numpy functions and numpy matrix/vector operations
# - Understand the concept of "broadcasting"
# - Be able to vectorize code

# %% [markdown]
# <a name='0'></a>
# ### Exercise 0
# Set test to `"Hello World"` in the cell below to print "Hello World" and run the two cells
# below.

# %%
# (≈ 1 line of code)
# test =
# YOUR CODE STARTS HERE
test = "Hello World"

# YOUR CODE ENDS HERE

# %%
print ("test: " + test)

# %% [markdown]
# <a name='1'></a>
# ## 1 - Building basic functions with numpy ##
#
# <a name='ex-1'></a>
# ### Exercise 1 - basic_sigmoid
# Build a function that returns the sigmoid of a real number x. Use `math.exp(x)` for the
# exponential function.

# %%
# GRADED FUNCTION: basic_sigmoid

import math
from public_tests import *

def basic_sigmoid(x):
    """
    Compute sigmoid of x.

    Arguments:
    x -- A scalar

    Return:
    s -- sigmoid(x)
    """
    # (≈ 1 line of code)
    # s =
    # YOUR CODE STARTS HERE
    s = 1 / (1 + math.exp(-x))

    # YOUR CODE ENDS HERE

    return s

# %%
print("basic_sigmoid(1) = " + str(basic_sigmoid(1)))

basic_sigmoid_test(basic_sigmoid)

# %% [markdown]
# Actually, we rarely use the "math" library in deep learning because the inputs of the
# functions are real numbers. In deep learning we mostly use matrices and vectors.

# %%
import numpy as np

# example of np.exp
t_x = np.array([1, 2, 3])
print(np.exp(t_x)) # result is (exp(1), exp(2), exp(3))

# %% [markdown]
# <a name='ex-2'></a>
# ### Exercise 2 - sigmoid
# Implement the sigmoid function using numpy.

# %%
# GRADED FUNCTION: sigmoid

def sigmoid(x):
    """
    Compute the sigmoid of x

    Arguments:
    x -- A scalar or numpy array of any size

    Return:
    s -- sigmoid(x)
    """

    # (≈ 1 line of code)
    # s =
    # YOUR CODE STARTS HERE
    s = 1 / (1 + np.exp(-x))

    # YOUR CODE ENDS HERE

    return s

# %%
t_x = np.array([1, 2, 3])
print("sigmoid(t_x) = " + str(sigmoid(t_x)))

sigmoid_test(sigmoid)

# %% [markdown]
# <a name='ex-3'></a>
# ### Exercise 3 - sigmoid_derivative
# Implement the function sigmoid_grad() to compute the gradient of the sigmoid function with
# respect to its input x. The formula is:
#
# $$sigmoid\_derivative(x) = \sigma'(x) = \sigma(x) (1 - \sigma(x))\tag{2}$$

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

    #(≈ 2 lines of code)
    # s =
    # ds =
    # YOUR CODE STARTS HERE
    s = sigmoid(x)
    ds = s * (1 - s)

    # YOUR CODE ENDS HERE

    return ds

# %%
t_x = np.array([1, 2, 3])
print ("sigmoid_derivative(t_x) = " + str(sigmoid_derivative(t_x)))

sigmoid_derivative_test(sigmoid_derivative)

# %% [markdown]
# <a name='ex-4'></a>
# ### Exercise 4 - image2vector
# Implement `image2vector()` that takes an input of shape (length, height, 3) and returns a
# vector of shape (length\*height\*3, 1).

# %%
# GRADED FUNCTION:image2vector

def image2vector(image):
    """
    Argument:
    image -- a numpy array of shape (length, height, depth)

    Returns:
    v -- a vector of shape (length*height*depth, 1)
    """

    # (≈ 1 line of code)
    # v =
    # YOUR CODE STARTS HERE
    v = image.reshape(image.shape[0] * image.shape[1] * image.shape[2], 1)

    # YOUR CODE ENDS HERE

    return v

# %%
# This is a 3 by 3 by 2 array, typically images will be (num_px_x, num_px_y,3) where 3 represents the RGB values
t_image = np.array([[[ 0.67826139,  0.29380381],
                     [ 0.90714982,  0.52835647],
                     [ 0.4215251 ,  0.45017551]],

                   [[ 0.92814219,  0.96677647],
                    [ 0.85304703,  0.52351845],
                    [ 0.19981397,  0.27417313]],

                   [[ 0.60659855,  0.00533165],
                    [ 0.10820313,  0.49978937],
                    [ 0.34144279,  0.94630077]]])

print ("image2vector(image) = " + str(image2vector(t_image)))

image2vector_test(image2vector)

# %% [markdown]
# <a name='ex-5'></a>
# ### Exercise 5 - normalize_rows
# Implement normalize_rows() to normalize the rows of a matrix. After applying this function
# to an input matrix x, each row of x should be a vector of unit length (meaning length 1).

# %%
# GRADED FUNCTION: normalize_rows

def normalize_rows(x):
    """
    Implement a function that normalizes each row of the matrix x (to have unit length).

    Argument:
    x -- A numpy matrix of shape (n, m)

    Returns:
    x -- The normalized (by row) numpy matrix. You are allowed to modify x.
    """

    #(≈ 2 lines of code)
    # Compute x_norm as the norm 2 of x. Use np.linalg.norm(..., ord = 2, axis = ..., keepdims = True)
    # x_norm =
    # Divide x by its norm.
    # x =
    # YOUR CODE STARTS HERE
    x_norm = np.linalg.norm(x, ord=2, axis=1, keepdims=True)
    x = x / x_norm

    # YOUR CODE ENDS HERE

    return x

# %%
x = np.array([[0., 3., 4.],
              [1., 6., 4.]])
print("normalizeRows(x) = " + str(normalize_rows(x)))

normalizeRows_test(normalize_rows)

# %% [markdown]
# <a name='ex-6'></a>
# ### Exercise 6 - softmax
# Implement a softmax function using numpy.

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

    #(≈ 3 lines of code)
    # Apply exp() element-wise to x. Use np.exp(...).
    # x_exp = ...

    # Create a vector x_sum that sums each row of x_exp. Use np.sum(..., axis = 1, keepdims = True).
    # x_sum = ...

    # Compute softmax(x) by dividing x_exp by x_sum. It should automatically use numpy broadcasting.
    # s = ...

    # YOUR CODE STARTS HERE
    x_exp = np.exp(x)
    x_sum = np.sum(x_exp, axis=1, keepdims=True)
    s = x_exp / x_sum

    # YOUR CODE ENDS HERE

    return s

# %%
t_x = np.array([[9, 2, 5, 0, 0],
                [7, 5, 0, 0 ,0]])
print("softmax(x) = " + str(softmax(t_x)))

softmax_test(softmax)

# %% [markdown]
# <a name='2'></a>
# ## 2 - Vectorization
#
# <a name='ex-7'></a>
# ### Exercise 7 - L1
# Implement the numpy vectorized version of the L1 loss.

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

    #(≈ 1 line of code)
    # loss =
    # YOUR CODE STARTS HERE
    loss = np.sum(np.abs(yhat - y))

    # YOUR CODE ENDS HERE

    return loss

# %%
yhat = np.array([.9, 0.2, 0.1, .4, .9])
y = np.array([1, 0, 0, 1, 1])
print("L1 = " + str(L1(yhat, y)))

L1_test(L1)

# %% [markdown]
# <a name='ex-8'></a>
# ### Exercise 8 - L2
# Implement the numpy vectorized version of the L2 loss. There are several ways of
# implementing the L2 loss but you may find the function np.dot() useful.

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

    #(≈ 1 line of code)
    # loss = ...
    # YOUR CODE STARTS HERE
    loss = np.dot(y - yhat, y - yhat)

    # YOUR CODE ENDS HERE

    return loss

# %%
yhat = np.array([.9, 0.2, 0.1, .4, .9])
y = np.array([1, 0, 0, 1, 1])

print("L2 = " + str(L2(yhat, y)))

L2_test(L2)
