"""The course's helper modules, under the course's names (``dnn_utils``, ``planar_utils``...).

Students never wrote these: the course's notebooks import them. Graded code that uses them
(``from dnn_utils import sigmoid_backward``) must run in the grader too, so this folder is on
the import path of every submission (:func:`autograder.codeload.ensure_helpers_importable`)
and its functions are never graded as the student's own (:func:`autograder.codeload.is_helper`).
They depend on numpy only (matplotlib and scikit-learn are imported where a plotting or data
helper needs them), because the grader's sandbox has nothing else.
"""
