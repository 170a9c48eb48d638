"""`trialqc run` whose batch worker is killed outright (SIGKILL, as the out-of-memory killer does) while it
validates the batch holding one chosen study. Usage: python -m tests.worker_loss_run NCT_ID trialqc-run-args..."""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys


def main() -> None:
    from flows import batch_workers, validate
    from flows.cli import app

    victim, run_pid, real = sys.argv[1], os.getpid(), validate.validate_batch

    def dying(parsed):
        if os.getpid() != run_pid and any(r.record.nct_id == victim for r in parsed.records):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(parsed)

    validate.validate_batch = dying
    # workers forked from here, which have the replacement (the fork server never saw it)
    batch_workers.worker_context = lambda **_: multiprocessing.get_context("fork")
    app(sys.argv[2:], prog_name="trialqc")


if __name__ == "__main__":
    main()
