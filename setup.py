"""Build hook: the reference solutions and the mistake catalogue become private data.

``pyproject.toml`` holds the project's metadata. This hook only changes what the wheel
holds: ``solutions/<unit>.py`` (the repository's source of truth, not a package of the
installation) and ``autograder/mistakes/<unit>.py`` are copied to
``autograder/_private/{solutions,mistakes}/``, which only :mod:`autograder.private` loads, by
path; the catalogue's unit modules are left out of the ``autograder.mistakes`` package.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
PRIVATE = {"solutions": ROOT / "solutions", "mistakes": ROOT / "autograder" / "mistakes"}


class BuildPy(build_py):
    """``build_py`` that ships the private files as data (see the module docstring)."""

    def find_package_modules(self, package, package_dir):  # noqa: D102
        modules = super().find_package_modules(package, package_dir)
        if package == "autograder.mistakes":
            modules = [m for m in modules if m[1] == "__init__"]
        return modules

    def run(self):  # noqa: D102
        super().run()
        if self.editable_mode:
            return
        for kind, source in PRIVATE.items():
            target = Path(self.build_lib) / "autograder" / "_private" / kind
            target.mkdir(parents=True, exist_ok=True)
            for f in sorted(source.glob("*.py")):
                if f.name != "__init__.py":
                    shutil.copy(f, target / f.name)


setup(cmdclass={"build_py": BuildPy})
