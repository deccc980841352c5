"""A throw-away PostgreSQL server for tests: initdb in a temporary folder, a private socket.

The binaries come from ``PATH``, ``/usr/local/bin`` or Debian's
``/usr/lib/postgresql/<version>/bin`` (``apt-get install postgresql``; ``.ci/run`` installs
it). ``initdb`` refuses to run as root, so as root the server runs as the ``postgres`` account
(Debian's package creates it) or else a system account made for the purpose.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROLE = "grader"


def binaries() -> Path:
    """The folder holding ``initdb`` and ``pg_ctl``.

    Raises:
        FileNotFoundError: PostgreSQL is not installed (``apt-get install postgresql``).
    """
    candidates = [shutil.which("initdb"), "/usr/local/bin/initdb"]
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    for c in candidates:
        if c and os.access(c, os.X_OK) and Path(c).with_name("pg_ctl").exists():
            return Path(c).parent
    raise FileNotFoundError("PostgreSQL server binaries not found: apt-get install postgresql")


def _account() -> str | None:
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "ag-grader"):
        if subprocess.run(["id", "-u", name], capture_output=True).returncode == 0:
            return name
    subprocess.run(
        ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "ag-grader"],
        check=True,
    )
    return "ag-grader"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_postgres() -> Iterator[dict[str, str]]:
    """Start a server; yield ``{"host": socket dir, "port", "user"}``; stop it at the end."""
    bindir = binaries()
    user = _account()
    base = Path(tempfile.mkdtemp(prefix="ag-postgres-"))
    data, sock = base / "data", base / "sock"
    sock.mkdir()
    os.chmod(base, 0o755)
    prefix: list[str] = []
    if user:
        runuser = shutil.which("runuser") or "/usr/sbin/runuser"
        prefix = [runuser, "-u", user, "--"]
        for p in (base, sock):
            shutil.chown(p, user)
    port = str(_free_port())

    def run(*cmd: str) -> None:
        proc = subprocess.run(
            [*prefix, *cmd], capture_output=True, text=True, timeout=120, cwd=base
        )
        if proc.returncode != 0:
            raise RuntimeError(f"{cmd[0]} failed: {proc.stdout[-1500:]} {proc.stderr[-1500:]}")

    run(str(bindir / "initdb"), "-D", str(data), "-U", ROLE, "--auth=trust", "-E", "UTF8")
    options = f"-k {sock} -p {port} -c listen_addresses='' -c fsync=off"
    run(
        str(bindir / "pg_ctl"),
        "-D",
        str(data),
        "-o",
        options,
        "-l",
        str(base / "log"),
        "-w",
        "start",
    )
    try:
        yield {"host": str(sock), "port": port, "user": ROLE}
    finally:
        with contextlib.suppress(Exception):
            run(str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(base, ignore_errors=True)


def create_database(server: dict[str, str], name: str) -> str:
    """Create a database; return its SQLAlchemy URL (psycopg2, over the private socket)."""
    import psycopg2

    con = psycopg2.connect(
        dbname="postgres", user=server["user"], host=server["host"], port=server["port"]
    )
    con.autocommit = True
    with con.cursor() as cur:
        cur.execute(f'CREATE DATABASE "{name}"')
    con.close()
    return (
        f"postgresql+psycopg2://{server['user']}@/{name}"
        f"?host={server['host']}&port={server['port']}"
    )
