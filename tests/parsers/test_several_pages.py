"""A file holding several study pages of one site: each page read as its own study, never the file read as one study
(which lost the others, or mixed them into one). tests/parsers/test_several_pages_split.py holds the boundaries."""
from __future__ import annotations

from pathlib import Path

import pytest

from flows.parsers import aggregator_text, ctgov_classic_text, summary_text
from flows.parsers.several_pages import SEVERAL_PAGES

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
PAIRS = [
    (ctgov_classic_text, "000_NCT04916756.txt", "001_NCT05792462.txt"),
    (aggregator_text, "002_NCT05300932.txt", "004_NCT06936215.txt"),
    (summary_text, "003_NCT04966884.txt", "study_design_filled_NCT09000301.txt"),
]


def _page(module, name: str) -> bytes:
    return (GOLDEN / module.LAYOUT / name).read_bytes()


@pytest.mark.parametrize("module, first, second", PAIRS, ids=[m.LAYOUT for m, _, _ in PAIRS])
def test_two_pages_in_one_file_are_two_studies(module, first, second):
    parsed = module.parse(_page(module, first) + b"\n\n" + _page(module, second))
    expected = module.parse(_page(module, first)).records + module.parse(_page(module, second)).records
    assert parsed.records == expected and len({record.nct_id for record in expected}) == 2
    assert SEVERAL_PAGES not in [problem.reason for problem in parsed.problems]


@pytest.mark.parametrize("module, first, second", PAIRS, ids=[m.LAYOUT for m, _, _ in PAIRS])
def test_the_same_page_twice_is_its_study_twice(module, first, second):
    page = _page(module, first)
    parsed = module.parse(page + b"\n" + page)
    assert parsed.records == module.parse(page).records * 2  # the run keeps the file's first copy
    assert SEVERAL_PAGES not in [problem.reason for problem in parsed.problems]


@pytest.mark.parametrize("module, first, second", PAIRS, ids=[m.LAYOUT for m, _, _ in PAIRS])
def test_one_page_is_one_study(module, first, second):
    parsed = module.parse(_page(module, first))
    assert len(parsed.records) == 1
    assert SEVERAL_PAGES not in [problem.reason for problem in parsed.problems]


def test_a_summary_page_whose_description_quotes_its_heading_is_one_page():
    page = _page(summary_text, "003_NCT04966884.txt").decode()
    quoted = page.replace("Clinical Trial Description\n", "Clinical Trial Description\nClinical Trial Summary\n", 1)
    assert quoted != page
    parsed = summary_text.parse(quoted.encode())
    assert len(parsed.records) == 1
