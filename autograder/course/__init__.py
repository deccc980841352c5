"""The nbgrader course: notebooks generated from the units, grading plugin, demo, bundle.

- :mod:`autograder.course.builder` writes ``nbgrader_config.py`` and one source notebook per
  unit, from ``solutions/<unit>.py`` and the unit's checks (``autograder course build``).
- :mod:`autograder.course.nbgrader_plugin` holds the nbgrader preprocessors that grade the
  submitted code with the engine and write its scores into the gradebook.
- :mod:`autograder.course.worker` grades a notebook file as `autograder grade` does.
- :mod:`autograder.course.gradebook` reads per-check grades and messages back.
- :mod:`autograder.course.demo` runs a whole course end to end (``autograder demo``).
- :mod:`autograder.course.bundle` writes the plain-Python student bundle.

Nothing here is imported by the engine; ``nbgrader`` is needed only by the plugin and demo.
"""
