"""Files in memory (tmpfs) that a run shares with its worker processes, and the sweep of a killed run's.

Each is named `<prefix><pid>-...` after the run's process, so that the next run can tell the files
of a run that is gone (kill -9 leaves no time to clean up) from those of one still going.
"""
from __future__ import annotations

import os
import shutil

# Memory-backed files, where the system has them.
MEMORY = "/dev/shm"


def sweep(memory: str, prefix: str) -> None:
    """Remove the files and folders named `<prefix><pid>-...` in `memory` whose process no longer exists."""
    try:
        names = [name for name in os.listdir(memory) if name.startswith(prefix)]
    except OSError:
        return
    for name in names:
        pid = name[len(prefix):].partition("-")[0]
        if pid.isdigit() and not alive(int(pid)):
            path = os.path.join(memory, name)
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path, ignore_errors=True)
            else:
                try:
                    os.unlink(path)
                except OSError:
                    pass


def alive(pid: int) -> bool:
    """Whether a process of this id exists (another user's counts as existing)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process
        return True
    return True
