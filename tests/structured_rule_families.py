"""Runs that check with the rule families of structured fields only, for tests that judge what happens around the
checks (stops, publishing, locks, servers, the search index), not the issues.

Importing and running every family (its text rules in worker processes) is about half of a run of the samples. The
three families here still write issues, so a run's issue counts and report have rows.
"""
from __future__ import annotations

from contextlib import contextmanager

import pytest

STRUCTURED_FAMILIES = ("missing_fields", "dates", "status")
# The same, as the first statements of a `trialqc run` subprocess's code.
STRUCTURED_FAMILIES_CODE = f"import checks\nchecks.FAMILY_MODULES = {STRUCTURED_FAMILIES!r}\n"


@contextmanager
def structured_rule_families():
    """Runs in this process check with STRUCTURED_FAMILIES (for module-scoped fixtures, which no test's monkeypatch
    covers)."""
    import checks

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(checks, "FAMILY_MODULES", STRUCTURED_FAMILIES)
        yield
