"""Root's way into bubblewrap: a user namespace that maps only root and ``nobody``.

Run by the grader (as root, or as root without ``CAP_SYS_ADMIN``) as
``python -I -S -B userns.py SYNC_FD bwrap ARGS...``:

1. creates a new user namespace (no capability needed) and says ``U`` on ``SYNC_FD``;
2. waits for ``G``: meanwhile the grader, which holds ``CAP_SETUID``/``CAP_SETGID`` in the
   parent namespace, writes the maps ``0 -> 0`` and ``nobody -> nobody``;
3. allows no further user namespace inside this one (``max_user_namespaces = 0``);
4. becomes ``bwrap`` (still root of the new namespace, with its capabilities there only).

bubblewrap then builds the sandbox without a user namespace of its own, and the worker's
supervisor drops to ``nobody`` (so that ``RLIMIT_NPROC``, which never binds uid 0, binds).
This file runs before anything is imported: the standard library only.
"""

import ctypes
import os
import sys

CLONE_NEWUSER = 0x10000000


def main() -> None:
    """See the module docstring."""
    fd = int(sys.argv[1])
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(CLONE_NEWUSER) != 0:
        os.write(fd, b"E" + os.strerror(ctypes.get_errno()).encode())
        os._exit(1)
    os.write(fd, b"U")
    if os.read(fd, 1) != b"G":
        os._exit(1)
    try:
        with open("/proc/sys/user/max_user_namespaces", "w") as f:
            f.write("0")
    except OSError as exc:
        os.write(fd, b"E" + f"max_user_namespaces: {exc}".encode())
        os._exit(1)
    os.write(fd, b"R")
    os.close(fd)
    os.execvp(sys.argv[2], sys.argv[2:])


if __name__ == "__main__":
    main()
