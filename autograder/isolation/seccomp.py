"""A seccomp filter for the sandbox: system calls student code never needs fail with EPERM.

Namespaces already keep the worker away from the grader; this narrows what of the kernel it
can reach at all: tracing (``ptrace``, ``process_vm_readv``...), the kernel's more exotic
interfaces often used in exploits (``bpf``, ``io_uring``, ``userfaultfd``,
``perf_event_open``, ``keyctl``), and what rebuilds namespaces or mounts (``unshare``,
``setns``, ``mount``, ``pivot_root``...). The filter is compiled in the grader with
`pyseccomp <https://pypi.org/project/pyseccomp/>`_ (libseccomp) and handed to bubblewrap
(``--seccomp FD``), which applies it to the sandbox's processes after setting up; nothing
inside the sandbox needs libseccomp. Where pyseccomp or libseccomp is missing, the sandbox
runs without the filter and the report does not mention it.
"""

from __future__ import annotations

import errno
import functools
import os
from typing import Any

#: ``clone``'s flag for a thread of the calling process.
CLONE_THREAD = 0x00010000

#: Denied system calls (those unknown to this kernel's architecture are skipped).
DENIED = (
    "ptrace",
    "process_vm_readv",
    "process_vm_writev",
    "kcmp",
    "pidfd_getfd",
    "bpf",
    "perf_event_open",
    "userfaultfd",
    "io_uring_setup",
    "io_uring_enter",
    "io_uring_register",
    "keyctl",
    "add_key",
    "request_key",
    "kexec_load",
    "kexec_file_load",
    "init_module",
    "finit_module",
    "delete_module",
    "mount",
    "umount2",
    "pivot_root",
    "chroot",
    "move_mount",
    "open_tree",
    "fsopen",
    "fsmount",
    "fsconfig",
    "swapon",
    "swapoff",
    "reboot",
    "setns",
    "unshare",
    "open_by_handle_at",
    "name_to_handle_at",
    "acct",
    "quotactl",
    "syslog",
    "personality",
)


@functools.cache
def program() -> bytes | None:
    """The compiled filter (classic BPF), or None where it cannot be built here."""
    try:
        import pyseccomp as sc

        flt = sc.SyscallFilter(sc.ALLOW)
        for name in DENIED:
            try:
                flt.add_rule(sc.ERRNO(errno.EPERM), name)
            except (ValueError, RuntimeError, OSError):
                continue  # not a system call of this architecture
        return _export(flt)
    except Exception:  # noqa: BLE001 - no pyseccomp, no libseccomp: no filter
        return None


@functools.cache
def no_new_process_program() -> bytes | None:
    """A filter for the student's own process: threads yes, another process or memory file never.

    Each process of the sandbox has its own memory limit, so processes multiplied it (six
    children of 850 MB each under a 1 GB limit). ``fork``, ``vfork`` and a ``clone`` without
    ``CLONE_THREAD`` fail with EPERM; ``clone3``, whose flags a filter cannot read, fails with
    ENOSYS, so that the C library starts threads with ``clone``. ``memfd_create`` fails too:
    a memory file's pages count against no limit of the process (188 of them held 3 GB under a
    1 GB limit; the supervisor makes the memory files that hand arguments over). None where it
    cannot be built.
    """
    try:
        import pyseccomp as sc

        flt = sc.SyscallFilter(sc.ALLOW)
        for name in ("fork", "vfork", "memfd_create"):
            try:
                flt.add_rule(sc.ERRNO(errno.EPERM), name)
            except (ValueError, RuntimeError, OSError):
                continue  # not a system call of this architecture
        flt.add_rule(sc.ERRNO(errno.ENOSYS), "clone3")
        flt.add_rule(sc.ERRNO(errno.EPERM), "clone", sc.Arg(0, sc.MASKED_EQ, CLONE_THREAD, 0))
        return _export(flt)
    except Exception:  # noqa: BLE001 - no pyseccomp, no libseccomp: no filter
        return None


def _export(flt: Any) -> bytes | None:
    """A pyseccomp filter as classic BPF bytes."""
    read, write = os.pipe()
    try:
        with open(write, "wb") as fh:
            flt.export_bpf(fh)
        chunks = []
        while chunk := os.read(read, 1 << 16):
            chunks.append(chunk)
    finally:
        os.close(read)
    return b"".join(chunks) or None


def filter_fd() -> int | None:
    """A descriptor to read the filter from (for ``bwrap --seccomp``), or None."""
    data = program()
    if data is None:
        return None
    fd = os.memfd_create("seccomp", os.MFD_CLOEXEC)
    os.write(fd, data)
    os.lseek(fd, 0, os.SEEK_SET)
    return fd
