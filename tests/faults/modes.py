"""The three ways a grader runs: as root, as an ordinary user, as root without CAP_SYS_ADMIN.

As root, :func:`make` builds each mode for real: ``root`` is this interpreter and this
checkout (an editable install); ``nosysadmin`` the same under ``setpriv`` with
``CAP_SYS_ADMIN`` out of the bounding set (what a default container leaves root); ``user``
an ordinary user created for the tests (``agtest``) running its own copy of everything it
needs: an interpreter it can read, a fresh virtual environment with the kit installed from a
regular wheel, and copies of the third-party packages grading imports. Not as root, the only
mode is ``user``: this process's own user and installation.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEST_USER = "agtest"
PATH = "/usr/bin:/bin:/usr/sbin:/sbin"
#: Runs a command as root without CAP_SYS_ADMIN (what a default container leaves root).
NOSYSADMIN = ["setpriv", "--bounding-set=-sys_admin", "--inh-caps=-sys_admin", "--"]


def as_user(user: str) -> list[str]:
    """The command prefix that runs a command as ``user`` (its uid and gid, no other groups)."""
    return ["setpriv", "--reuid", user, "--regid", user, "--clear-groups", "--"]


@dataclass
class Mode:
    """How to run a Python script as one kind of grader.

    Attributes:
        name: ``root``, ``user`` or ``nosysadmin``.
        prefix: command prefix (``setpriv ...``) before the interpreter.
        python: the interpreter.
        kit: the ``autograder`` package folder this grader imports.
        work: a folder the grader's user owns (submissions, spec files).
        uid: the grader's uid.
        env: the grader's environment.
    """

    name: str
    prefix: list[str]
    python: str
    kit: Path
    work: Path
    uid: int
    env: dict[str, str] = field(default_factory=dict)

    def run(self, args: list[str], timeout: float) -> subprocess.CompletedProcess:
        """Run ``python -B ARGS`` as this grader, in :attr:`work`."""
        return subprocess.run(
            [*self.prefix, self.python, "-B", *args],
            cwd=self.work,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def own(self, path: Path) -> None:
        """Give ``path`` to this grader's user."""
        os.chown(path, self.uid, -1)


def available() -> list[str]:
    """The modes this process can run."""
    return ["root", "user", "nosysadmin"] if os.geteuid() == 0 else ["user"]


def build_wheel(folder: Path) -> Path:
    """Build the kit's regular wheel (offline: no build isolation) into ``folder``."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation"]
        + ["-w", str(folder), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return next(folder.glob("*.whl"))


def make_venv(python: str, folder: Path, wheel: Path, deps: Path | None) -> Path:
    """A fresh virtual environment with the wheel installed; returns its interpreter.

    Args:
        python: the interpreter to base it on.
        folder: where to create it.
        wheel: the kit's wheel.
        deps: a folder of third-party packages to add to its path (None: none).
    """
    subprocess.run([python, "-m", "venv", "--without-pip", str(folder)], check=True, timeout=120)
    venv_python = str(folder / "bin" / "python")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", venv_python, "install", "-q"]
        + ["--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    if deps is not None:
        site = subprocess.run(
            [venv_python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        Path(site, "zz_test_deps.pth").write_text(str(deps) + "\n")
    return venv_python


def copy_third_party(folder: Path, probe: str = "") -> Path:
    """Copy the third-party packages grading imports (numpy, nbformat...) into ``folder``.

    Args:
        folder: where to copy them.
        probe: more code to run before listing what was imported (what a course flow
            imports only while it runs: nbgrader's apps, SQLAlchemy's dialect...).
    """
    site = sysconfig.get_paths()["purelib"]
    code = (
        "import json, sys\n"
        "import autograder.engine, autograder.submission, autograder.isolation, nbformat\n"
        "import autograder.isolation.seccomp as s; s.program()\n"
        f"{probe}\n"
        f"site = {site!r}\n"
        "print(json.dumps(sorted({getattr(m, '__file__', None) or '' for m in "
        "list(sys.modules.values())})))\n"
    )
    files = json.loads(
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd="/"
        ).stdout.splitlines()[-1]
    )
    tops = set()
    for f in files:
        if f.startswith(site + "/"):
            tops.add(f[len(site) + 1 :].split("/")[0])
    tops = {t for t in tops if not t.startswith(("__editable__", "autograder", "_distutils"))}
    folder.mkdir(parents=True, exist_ok=True)
    owners = metadata.packages_distributions()  # {"zmq": ["pyzmq"], ...}
    names = set(tops)
    for top in tops:
        for dist in owners.get(top.removesuffix(".py"), []):
            for f in metadata.distribution(dist).files or []:
                if f.parts[0].endswith((".libs", ".dist-info")):  # bundled shared libraries
                    names.add(f.parts[0])
    for name in sorted(names):
        src = Path(site, name)
        if src.is_dir():
            shutil.copytree(src, folder / name, ignore=shutil.ignore_patterns("tests"))
        elif src.is_file():
            shutil.copy(src, folder / name)
    return folder


def runs_as(user: str, python: str) -> bool:
    """True when ``user`` can run ``python`` itself (of this one's minor version)."""
    code = "import sys; print(sys.version, sys.base_prefix)"
    mine = subprocess.run([python, "-I", "-c", code], capture_output=True, text=True, check=False)
    theirs = subprocess.run(
        as_user(user) + [python, "-I", "-c", code],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": PATH},
    )
    same_minor = mine.stdout.startswith(f"{sys.version_info[0]}.{sys.version_info[1]}.")
    return theirs.returncode == 0 and theirs.stdout == mine.stdout and same_minor


def user_python(user: str, base: Path) -> str:
    """An interpreter ``user`` can run: this one, a system one, or a copy of this one."""
    minor = f"python{sys.version_info[0]}.{sys.version_info[1]}"
    real = os.path.realpath(getattr(sys, "_base_executable", None) or sys.executable)
    for candidate in (real, f"/usr/bin/{minor}", f"/usr/local/bin/{minor}"):
        if os.path.isfile(candidate) and runs_as(user, candidate):
            return candidate
    prefix = Path(sys.base_prefix)  # copy this interpreter and its standard library
    target = base / "python"
    shutil.copytree(
        prefix / "lib" / minor,
        target / "lib" / minor,
        ignore=shutil.ignore_patterns("site-packages", "test", "__pycache__"),
    )
    for lib in (prefix / "lib").glob("libpython*"):
        shutil.copy(lib, target / "lib" / lib.name)
    (target / "bin").mkdir(parents=True)
    shutil.copy(real, target / "bin" / minor)
    return str(target / "bin" / minor)


def ensure_user() -> int:
    """Create the tests' ordinary user if needed; return its uid."""
    try:
        return pwd.getpwnam(TEST_USER).pw_uid
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--home-dir", "/nonexistent"]
            + ["--shell", "/usr/sbin/nologin", "--user-group", TEST_USER],
            check=True,
            timeout=60,
        )
        return pwd.getpwnam(TEST_USER).pw_uid


def make(name: str, base: Path, wheel: Path, secret: str) -> Mode:
    """Build mode ``name`` under ``base`` (readable by everyone, like an installation).

    Args:
        name: see :func:`available`.
        base: a folder of this run, mode 0755.
        wheel: the kit's wheel (for ``user`` as root).
        secret: a value put in the grader's environment (no student may see it).
    """
    env = {"PATH": PATH, "LANG": "C.UTF-8", "AG_TEST_SECRET": secret}
    work = base / f"work-{name}"
    work.mkdir()
    if name in ("root", "nosysadmin"):
        prefix = []
        if name == "nosysadmin":
            prefix = list(NOSYSADMIN)
        env["HOME"] = str(work)
        env["PYTHONPATH"] = str(ROOT)  # this tree's kit, wherever the interpreter's points
        return Mode(name, prefix, sys.executable, ROOT / "autograder", work, 0, env)
    if os.geteuid() != 0:
        env["HOME"] = str(work)
        import autograder

        kit = Path(autograder.__file__).parent
        env["PYTHONPATH"] = str(kit.parent)
        return Mode(name, [], sys.executable, kit, work, os.getuid(), env)
    uid = ensure_user()
    python = user_python(TEST_USER, base)
    deps = copy_third_party(base / "deps")
    venv_python = make_venv(python, base / "venv", wheel, deps)
    kit = Path(
        subprocess.run(
            [
                venv_python,
                "-c",
                "import autograder, os; print(os.path.dirname(autograder.__file__))",
            ],
            capture_output=True,
            text=True,
            check=True,
            cwd="/",
        ).stdout.strip()
    )
    subprocess.run(["chmod", "-R", "a+rX", str(base)], check=True)
    os.chown(work, uid, -1)
    os.chmod(work, 0o700)
    env["HOME"] = str(work)
    prefix = as_user(TEST_USER)
    return Mode(name, prefix, venv_python, kit, work, uid, env)
