"""A clincosm page whose Study Design labels are in another case ('Study type:', 'Actual enrollment :') is read as
the page that spells them as usual: they were once unknown labels, and the study type, enrollment, dates and
design were lost."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from flows.parsers import ctgov_classic_text
from flows.parsers.ctgov_classic_text.design import _DESIGN_LABELS

# The golden pages with a Study Design block (not the one cut short before it).
GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "ctgov_classic_text"
PAGES = [page for page in sorted(GOLDEN.glob("*.txt")) if "\nStudy Type:" in page.read_text(encoding="utf-8")]
_LABEL_LINE = re.compile(r"(?m)^([A-Z][A-Za-z/ -]*?)(\s*:)$")


def _recased(text: str, change) -> str:
    """The page with every Study Design label line ('Study Type:', 'Actual Study Start Date :') re-cased."""
    def recase(match):
        label = match.group(1)
        known = label in _DESIGN_LABELS or label.endswith(("Enrollment", "Date"))
        return (change(label) if known else label) + match.group(2)
    return _LABEL_LINE.sub(recase, text)


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.stem)  # (four pages)
@pytest.mark.parametrize("change", [lambda label: label[0] + label[1:].lower(), str.lower, str.upper],
                         ids=["sentence", "lower", "upper"])
def test_study_design_labels_are_read_whatever_their_case(page, change):
    text = page.read_text(encoding="utf-8")
    recased = _recased(text, change)
    assert recased != text
    usual, other = ctgov_classic_text.parse(text.encode()), ctgov_classic_text.parse(recased.encode())
    assert [(p.reason, p.detail) for p in other.problems] == [(p.reason, p.detail) for p in usual.problems]
    assert [(r.nct_id, r.tables) for r in other.records] == [(r.nct_id, r.tables) for r in usual.records] != []
