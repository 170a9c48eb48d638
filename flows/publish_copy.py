"""How the working copy's bytes reach a file to publish: a whole copy, or only the blocks that changed.

A run that changed little (a re-run over unchanged files changes a few MB of a warehouse of hundreds)
need not write the whole file again: the file published before the current one is kept, and when no
process holds it open any more, only its blocks that differ from the working copy are rewritten.
"""
from __future__ import annotations

import fcntl
import os
from pathlib import Path

BLOCK = 1 << 20


def copy_whole(source: Path, target: Path) -> None:
    """Copy a file (copy_file_range: a reflink where the file system has them), then fsync it."""
    with open(source, "rb") as src, open(target, "wb") as dst:
        remaining = os.fstat(src.fileno()).st_size
        while remaining > 0:
            done = os.copy_file_range(src.fileno(), dst.fileno(), remaining)
            if done == 0:
                break
            remaining -= done
        dst.flush()
        os.fsync(dst.fileno())


def nobody_has_open(path: Path) -> bool:
    """True only when no process, of any user, holds the file open (the kernel grants a write lease only then).

    False too where leases are not available (another OS, a network file system): then it cannot be known.
    """
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.fcntl(fd, fcntl.F_SETLEASE, fcntl.F_WRLCK)
        fcntl.fcntl(fd, fcntl.F_SETLEASE, fcntl.F_UNLCK)
        return True
    except (OSError, AttributeError):
        return False
    finally:
        os.close(fd)


def rewrite_changed(source: Path, target: Path) -> int:
    """Make `target` byte for byte `source`, writing only the blocks that differ, then fsync; the bytes written."""
    written = 0
    with open(source, "rb") as src, open(target, "r+b") as dst:
        size = os.fstat(src.fileno()).st_size
        dst.truncate(size)
        offset = 0
        while offset < size:
            new = src.read(BLOCK)
            if not new:
                raise OSError(f"{source} ended at {offset} bytes of {size} while it was published")
            if os.pread(dst.fileno(), len(new), offset) != new:
                _write_all(dst.fileno(), new, offset)
                written += len(new)
            offset += len(new)
        os.fsync(dst.fileno())
    return written


def _write_all(fd: int, data: bytes, offset: int) -> None:
    view = memoryview(data)
    while view:
        done = os.pwrite(fd, view, offset)
        view, offset = view[done:], offset + done
