"""Parser test switches: `pytest tests/parsers --regen-golden` rewrites every golden expected file."""
from __future__ import annotations

import os


def pytest_addoption(parser):
    """Add --regen-golden (review the rewritten files as a diff before committing them)."""
    try:
        parser.addoption("--regen-golden", action="store_true", default=False,
                         help="rewrite tests/golden/<layout>/<case>.expected.json from the parsers' output")
    except ValueError:  # a conftest nearer the root already offers it
        pass


def pytest_configure(config):
    """Turn --regen-golden into the switch that tests/parsers/golden.py reads when it is imported."""
    if config.getoption("--regen-golden", default=False):
        os.environ["TRIALQC_REGEN_GOLDEN"] = "1"
