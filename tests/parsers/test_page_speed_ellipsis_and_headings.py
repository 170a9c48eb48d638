"""What the byte screens and the heading lookup read stays what the page shows: a meddatax page's text cut at an
ellipsis by its expander is told in every encoding a page is saved in (an ellipsis of three dots or one character,
in UTF-8, UTF-16 of either byte order and Windows-1252), and a page with none is read without a cut; a clincosm
line spells its heading in capitals, in title case, with a colon, with the count of what the section lists, or with
its table's column names parted by tabs, and a line of text that only holds a heading's words spells none."""
from __future__ import annotations

import pytest

from flows.parsers.aggregator_text.site_controls import may_show_ellipsis
from flows.parsers.ctgov_classic_text.headings import _spelt_headings, heading_spelt

# A description cut by the site's expander, as a copy keeps it.
CUT = "Participants receive the study drug once daily for twelve weeks and then\u2026 Show more"
DOTS = "Participants receive the study drug once daily for twelve weeks and then... Read more"
PLAIN = "Participants receive the study drug once daily for twelve weeks, then stop."

SAVED = [
    (CUT.encode("utf-8"), "an ellipsis character in UTF-8"),
    (CUT.encode("utf-16"), "an ellipsis character in UTF-16 with its byte order mark"),
    (CUT.encode("utf-16-le"), "an ellipsis character in UTF-16, little-endian, no mark"),
    (CUT.encode("utf-16-be"), "an ellipsis character in UTF-16, big-endian, no mark"),
    (CUT.encode("cp1252"), "an ellipsis character in Windows-1252"),
    (DOTS.encode("utf-8"), "three dots in UTF-8"),
    (DOTS.encode("utf-16-le"), "three dots in UTF-16"),
    # an ampersand beside a space holds the bytes of an ellipsis in UTF-16: its lines are looked at
    ("Children & adolescents".encode("utf-8"), "an ampersand before a space"),
]


@pytest.mark.parametrize("raw, saved", SAVED, ids=[saved for _, saved in SAVED])
def test_a_text_cut_at_an_ellipsis_is_told_in_every_encoding(raw, saved):
    assert may_show_ellipsis(raw)


@pytest.mark.parametrize("raw", [PLAIN.encode("utf-8"),
                                 "Ergebnisse f\u00fcr Kinder und Jugendliche, 2.5 mg".encode("utf-8"),
                                 "Caf\u00e9 au lait spots \u00a6 none".encode("utf-8"), b"R&D unit..no",
                                 PLAIN.encode("utf-16")],
                         ids=["plain text", "accented letters and a decimal point", "a broken bar",
                              "an ampersand between letters and two dots", "plain text in UTF-16"])
def test_a_page_with_no_ellipsis_shows_none(raw):
    assert not may_show_ellipsis(raw)


SPELT = [
    ("ELIGIBILITY CRITERIA", "Eligibility Criteria"),
    ("Sponsors And Collaborators", "Sponsors and Collaborators"),
    ("  Outcome Measures:", "Outcome Measures"),
    ("Contacts and Locations :", "Contacts and Locations"),
    ("Locations (12)", "Locations"),
    ("STUDY DOCUMENTS (FULL-TEXT)", "Study Documents (Full-Text)"),
    ("Condition or Disease\tIntervention/Treatment\tPhase", "Condition or Disease Intervention/Treatment Phase"),
    ("\tStudy Design\t", "Study Design"),
]


@pytest.mark.parametrize("line, heading", SPELT, ids=[line for line, _ in SPELT])
def test_a_line_spelling_a_heading_in_another_case_or_form_is_that_heading(line, heading):
    lines = ["A Study of Something", "", line, "text of the section"]
    assert _spelt_headings(lines) == [(2, heading)] == [(2, heading_spelt(line))]


@pytest.mark.parametrize("line", ["Study design was open-label.", "Eligibility criteria (see protocol)",
                                  "Locations (twelve)", "Outcome Measures were assessed\tweekly", "Sponsor: Acme Ltd"])
def test_a_line_of_text_holding_a_headings_words_spells_none(line):
    assert _spelt_headings(["A Study of Something", "", line]) == []
    assert heading_spelt(line) is None
