"""A meddatax page whose labels are in another case ('Primary completion date') is read as the page that spells
them as usual: an unknown label line was once taken for a compact page's bare value, and the date under
'Primary completion date' loaded as the completion date."""
from __future__ import annotations

from pathlib import Path

import pytest

from flows.parsers import aggregator_text
from flows.parsers.aggregator_text.basic_information import _BASIC_LABELS
from flows.parsers.aggregator_text.design import _DESIGN_LABELS, _ELIGIBILITY_LABELS

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "aggregator_text"
LABELS = set(_BASIC_LABELS) | set(_DESIGN_LABELS) | set(_ELIGIBILITY_LABELS)
# The golden pages that label their values (a compact page gives them bare).
PAGES = [page for page in sorted(GOLDEN.glob("*.txt"))
         if any(line.strip() in LABELS for line in page.read_text(encoding="utf-8").splitlines())]


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.stem)
@pytest.mark.parametrize("change", [lambda label: label[0] + label[1:].lower(), str.lower, str.upper],
                         ids=["sentence", "lower", "upper"])
def test_labels_are_read_whatever_their_case(page, change):
    text = page.read_text(encoding="utf-8")
    recased = "\n".join(change(line) if line.strip() in LABELS else line for line in text.split("\n"))
    assert recased != text
    usual, other = aggregator_text.parse(text.encode()), aggregator_text.parse(recased.encode())
    assert [(p.reason, p.detail) for p in other.problems] == [(p.reason, p.detail) for p in usual.problems]
    assert [(r.nct_id, r.tables) for r in other.records] == [(r.nct_id, r.tables) for r in usual.records] != []
