"""A trial-summary page whose key block spells its keys in another case ('NCT Number') is read as the page that
spells them as usual: the block was once not found, and the page rejected as truncated."""
from __future__ import annotations

from pathlib import Path

import pytest

from flows.parsers import summary_text

PAGES = sorted((Path(__file__).resolve().parent.parent / "golden" / "summary_text").glob("*.txt"))


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.stem)
def test_the_key_block_is_found_whatever_the_case_of_its_keys(page):
    text = page.read_text(encoding="utf-8")
    assert "\nNCT number NCT" in text
    usual = summary_text.parse(text.encode())
    for spelt in ("NCT Number", "NCT NUMBER", "nct number"):
        other = summary_text.parse(text.replace("\nNCT number NCT", f"\n{spelt} NCT").encode())
        assert [(p.reason, p.detail) for p in other.problems] == [(p.reason, p.detail) for p in usual.problems]
        assert [(r.nct_id, r.tables) for r in other.records] == [(r.nct_id, r.tables) for r in usual.records] != []
        assert summary_text.sniff(text.replace("\nNCT number NCT", f"\n{spelt} NCT").encode()[:4096])
