"""How the working copy's bytes reach a file to publish: a whole copy, or only the blocks that changed.

A run that changed little (a re-run over unchanged files changes a few MB of a warehouse of hundreds)
need not write the whole file again: the file published before the current one is kept, and when no
process holds it open any more, only its blocks that differ from the working copy are rewritten.
"""
from __future__ import annotations

import fcntl
import mmap
import os
import threading
from pathlib import Path

BLOCK = 1 << 20


def copy_whole(source: Path, target: Path) -> None:
    """Copy a file (copy_file_range: a reflink where the file system has them), fsync it, and only then give it
    the name `target`: a copy cut short (a full disk, kill -9) is never taken for a whole one (a run takes a
    working copy that exists as its base), and one that failed is removed, not left to take the room."""
    partial = target.with_name(target.name + ".copying")
    try:
        with open(source, "rb") as src, open(partial, "wb") as dst:
            remaining = os.fstat(src.fileno()).st_size
            while remaining > 0:
                done = os.copy_file_range(src.fileno(), dst.fileno(), remaining)
                if done == 0:
                    break
                remaining -= done
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


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


def rewrite_changed(source: Path, target: Path, parts: int | None = None) -> int:
    """Make `target` byte for byte `source`, writing only the blocks that differ, then fsync; the bytes written.

    The file is compared in `parts` ranges side by side (default: two where there are two cores), block by
    block where both files are mapped into memory, with libc's memcmp (no copy of the 99% that is the same,
    and no GIL held); where that cannot be had, by reading both into buffers."""
    parts = parts or min(2, os.cpu_count() or 1)
    memcmp = _memcmp()
    with open(source, "rb") as src, open(target, "r+b") as dst:
        size = os.fstat(src.fileno()).st_size
        had = os.fstat(dst.fileno()).st_size
        dst.truncate(size)
        blocks = -(-size // BLOCK)
        bounds = [blocks * part // parts * BLOCK for part in range(parts)] + [size]
        ranges = [(start, min(end, size)) for start, end in zip(bounds, bounds[1:]) if start < min(end, size)]
        written = [0] * len(ranges)
        errors: list[BaseException] = []

        def compare(index: int) -> None:
            try:
                if memcmp is not None:
                    written[index] = _rewrite_mapped(src.fileno(), dst.fileno(), *ranges[index], memcmp, had)
                else:
                    written[index] = _rewrite_range(src.fileno(), dst.fileno(), *ranges[index], source)
            except BaseException as exc:  # raised in the calling thread below
                errors.append(exc)
        threads = [threading.Thread(target=compare, args=(index,)) for index in range(1, len(ranges))]
        for thread in threads:
            thread.start()
        if ranges:
            compare(0)
        for thread in threads:
            thread.join()
        if errors:
            raise errors[0]
        os.fsync(dst.fileno())
    return sum(written)


def _memcmp():
    """libc's memcmp, through ctypes; None where it cannot be had."""
    try:
        import ctypes

        memcmp = ctypes.CDLL(None).memcmp
    except (ImportError, OSError, AttributeError):
        return None
    memcmp.restype = ctypes.c_int
    memcmp.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t]
    return memcmp


def _rewrite_mapped(src: int, dst: int, offset: int, end: int, memcmp, had: int) -> int:
    """Rewrite the blocks of bytes offset..end of `dst` that differ from `src`, each block of both mapped into
    memory and compared in place; the bytes written. (Mapped block by block: a mapped page counts as memory in
    use while it is mapped.) A block of `dst` past the `had` bytes it held before it was lengthened is written
    without being mapped: on tmpfs, reading a hole through a mapping takes a page, and on a full disk the kernel
    kills the process with SIGBUS instead of failing a write with ENOSPC."""
    import ctypes

    written = 0
    while offset < end:
        want = min(BLOCK, end - offset)
        if offset + want > had:
            with mmap.mmap(src, want, offset=offset, access=mmap.ACCESS_COPY) as new:
                _copy_block(src, dst, offset, want, new)
            written += want
            offset += want
            continue
        # (copy-on-write mappings, never written: ctypes takes the address of a writable buffer only)
        with mmap.mmap(src, want, offset=offset, access=mmap.ACCESS_COPY) as new, \
                mmap.mmap(dst, want, offset=offset, access=mmap.ACCESS_COPY) as old:
            fresh, kept = ctypes.c_char.from_buffer(new), ctypes.c_char.from_buffer(old)
            try:
                same = memcmp(ctypes.addressof(fresh), ctypes.addressof(kept), want) == 0
            finally:
                del fresh, kept  # (a mapping with a buffer taken from it cannot be closed)
            if not same:
                _copy_block(src, dst, offset, want, new)
                written += want
        offset += want
    return written


def _copy_block(src: int, dst: int, offset: int, length: int, mapped: mmap.mmap) -> None:
    """Bytes offset..offset+length of `src` written at the same place in `dst`: copied by the kernel from file
    to file (copy_file_range), no copy of them made here; what it does not copy is written from `mapped` (the
    same bytes of `src`, mapped at `offset`)."""
    done = 0
    try:
        while done < length:
            copied = os.copy_file_range(src, dst, length - done, offset + done, offset + done)
            if not copied:
                break
            done += copied
    except (OSError, AttributeError):  # (no copy_file_range here, or not between these files)
        pass
    if done < length:
        _write_all(dst, mapped[done:length], offset + done)


def _rewrite_range(src: int, dst: int, offset: int, end: int, source: Path) -> int:
    """Rewrite the blocks of bytes offset..end of `dst` that differ from `src`; the bytes written."""
    new, old = bytearray(BLOCK), bytearray(BLOCK)  # reused: a fresh megabyte per block costs page faults
    written = 0
    while offset < end:
        want = min(BLOCK, end - offset)
        fresh, kept = (new, old) if want == BLOCK else (memoryview(new)[:want], memoryview(old)[:want])
        if _read_fully(src, fresh, offset) != want:
            raise OSError(f"{source} ended before {end} bytes while it was published")
        had = _read_fully(dst, kept, offset)  # (dst has src's size: a part it lacked reads as zeros)
        if had != want or ((new != old) if want == BLOCK else (bytes(fresh) != bytes(kept))):
            _write_all(dst, fresh, offset)
            written += want
        offset += want
    return written


def _read_fully(fd: int, buffer: bytearray | memoryview, offset: int) -> int:
    """Fill `buffer` from `offset` of the file, or as much as there is; the bytes read."""
    view, done = memoryview(buffer), 0
    while done < len(view):
        if hasattr(os, "preadv"):
            got = os.preadv(fd, [view[done:]], offset + done)
        else:  # (no preadv on this system: read, then copy)
            data = os.pread(fd, len(view) - done, offset + done)
            got = len(data)
            view[done:done + got] = data
        if not got:
            break
        done += got
    return done


def _write_all(fd: int, data: bytes | memoryview, offset: int) -> None:
    view = memoryview(data)
    while view:
        done = os.pwrite(fd, view, offset)
        view, offset = view[done:], offset + done
