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

import sys

# nbformat and nbgrader import jsonschema, which imports the optional ``rfc3987_syntax`` when
# present: it compiles a grammar at import (2-8 s per process on a 2-core machine) and serves
# only jsonschema's "iri" format checks, which no schema nbformat or nbgrader validates uses.
# Marked absent, jsonschema skips it (its import is wrapped in ``suppress(ImportError)``).
sys.modules.setdefault("rfc3987_syntax", None)
