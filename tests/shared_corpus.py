"""Where the real corpus lives (../shared, beside the repo) and the marker for tests that read it.

A developer without ../shared sees those tests skipped; in CI (CI=true), where ../shared is
always present, a missing corpus fails the tests instead of skipping them silently.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
CORPUS = SHARED / "corpus"

needs_corpus = pytest.mark.skipif(
    not CORPUS.is_dir() and os.environ.get("CI", "").lower() not in ("1", "true"),
    reason="../shared/corpus is not present (tests that read the real corpus run in CI)",
)


def criteria_texts() -> list[str]:
    """The eligibility criteria of the corpus's API v2 records, in file order (those that give them)."""
    texts = []
    for path in sorted((CORPUS / "json_v2").glob("*.json")):
        module = json.loads(path.read_bytes()).get("protocolSection", {}).get("eligibilityModule", {})
        texts += [module["eligibilityCriteria"]] if module.get("eligibilityCriteria") else []
    return texts
