"""A page saved as UTF-8 after a Windows-1252 reading is told from its bytes: whatever character such a reading makes
of a letter's second byte ('Ã©' for 'é', 'â€“' for an en dash, 'Äƒ' for 'ă', 'ÄŒ' for 'Č', 'È˜' for 'Ș', 'ÄŸ'
for 'ğ'), the page is still read back; a page whose accented letters and signs are its own is read as it is."""
from __future__ import annotations

import pytest

from flows.parsers.copied_text import MIS_DECODED, copied_page

# Lines as the site shows them, each with characters of one kind only: their second byte Windows-1252 reads as a
# character whose UTF-8 begins with another byte than the other lines'.
SHOWN = [
    ("Hôpital Européen Georges-Pompidou, Paris", "a sign U+00A0-U+00BF ('Ã´' for 'ô')"),
    ("Phase 2 – open-label extension", "the euro sign ('â€“' for an en dash)"),
    ("Spitalul Judetean Brăila", "the florin sign ('Äƒ' for 'ă')"),
    ("Fakultni nemocnice Olomouc, Česko", "a ligature ('ÄŒ' for 'Č')"),
    ("Institutul Clinic Fundeni, Ștefan cel Mare", "a small tilde ('È˜' for 'Ș')"),
    ("Ankara Universitesi, Dr. Tuğba Kaya", "a letter with a diaeresis ('ÄŸ' for 'ğ')"),
    ("Ozempic™ once weekly, ‘single’ quotes, „Studie“ … €5", "the trade mark, quotes, an ellipsis, the euro"),
]


def _page(lines: list[str]) -> bytes:
    return "\n".join(["Title of the study", "", *lines, ""]).encode("utf-8")


@pytest.mark.parametrize("line, kind", SHOWN, ids=[kind for _, kind in SHOWN])
def test_mis_decoded_page_is_read_back(line, kind):
    mis_decoded = line.encode("utf-8").decode("cp1252").encode("utf-8")
    lines, problems = copied_page("aggregator_text", _page([mis_decoded.decode("utf-8")]), lambda raw: True)
    assert line in lines
    assert [problem.reason for problem in problems] == [MIS_DECODED]


@pytest.mark.parametrize("line", [line for line, _ in SHOWN] + ["Genève – Hôpitaux Universitaires (HUG)",
                                                                  "São Paulo, Brazil Ã"])
def test_page_with_its_own_accents_is_read_as_it_is(line):
    lines, problems = copied_page("aggregator_text", _page([line]), lambda raw: True)
    assert line in lines
    assert problems == []
