"""Trial-summary pages copied from a browser as users save them: the site's controls ('Show less', 'Back to top', a
'Read more' that folds text away), its header, footer and cookie banner, a Study Design list copied one cell a line,
phases shown by number ('Phase 2-3', 'Phase: II/III'), a description's 'Phase III:' line, a list saying it names no
condition, a description naming its 'Study design:' part on a page without that section, and a short page's wrapped
title; and real registry records read from such pages as the registry gives them."""
from __future__ import annotations

import pytest

from flows.parsers.model import Refused
from tests.parsers import summary_render
from tests.parsers.test_pages_roundtrip_summary import (KEYS, LONG_SUMMARY, ROW, SUMMARY_TEXT, TITLE,
                                                        _fields, _page, _read, _sample)
from tests.shared_corpus import needs_corpus

_DESIGN = ["Allocation: Randomized", "Intervention model: Parallel Assignment", "Masking: None (Open Label)",
           "Primary purpose: Treatment", "Enrollment: 38 (Actual)"]


def _copied(lines: list[str], heading: str, *below: str) -> list[str]:
    """A page's lines with `below` added at the end of the section under `heading`."""
    at = lines.index(heading) + 2
    while at < len(lines) and lines[at]:
        at += 1
    return [*lines[:at], *below, *lines[at:]]


def _text_page(summary: str = LONG_SUMMARY, design=tuple(_DESIGN), conditions=("Headache",)) -> list[str]:
    return _page(summary=summary, design=design, conditions=conditions).decode().split("\n")


def _reasons(problems) -> list[str]:
    return [reason for reason, _ in problems]


# The site's controls a copy keeps --------------------------------------------------------------------------------


@pytest.mark.parametrize("control", ["Show less", "Read less", "SHOW LESS \u25b2", "- Show less"])
def test_a_show_less_button_below_a_text_shown_whole_is_no_part_of_it(control):
    record, problems = _read("\n".join(_copied(_text_page(), "Clinical Trial Summary", control)).encode())
    assert record.tables["brief_summaries"][0]["description"] == LONG_SUMMARY and problems == []


@pytest.mark.parametrize("summary", [f"{LONG_SUMMARY} Read less", f"{LONG_SUMMARY} Show less \u25b2",
                                     f"{LONG_SUMMARY[:-1]} Read less"])  # after the text's last word, no full stop
def test_a_show_less_button_after_the_text_s_last_sentence_is_no_part_of_it(summary):
    record, problems = _read("\n".join(_text_page(summary=summary)).encode())
    assert record.tables["brief_summaries"][0]["description"] in (LONG_SUMMARY, LONG_SUMMARY[:-1])
    assert problems == []


@pytest.mark.parametrize("link", ["Back to top", "\u2191 Back to top", "Back to Top ^", "Return to top",
                                  "Go to top of page", "Top \u2191"])
def test_a_back_to_top_link_below_each_section_is_no_part_of_the_page(link):
    lines = _text_page(conditions=("Headache", "Migraine"))
    for heading in ("Clinical Trial Summary", "Study Design", "Related Conditions & MeSH terms"):
        lines = _copied(lines, heading, "", link)
    lines = _copied(lines, "NCT number NCT01406860", "", link)
    record, problems = _read("\n".join(lines).encode())
    assert [row["name"] for row in record.tables["conditions"]] == ["Headache", "Migraine"]
    assert record.tables["brief_summaries"][0]["description"] == LONG_SUMMARY
    assert record.tables["designs"][0]["allocation"] == "RANDOMIZED" and problems == []


@pytest.mark.parametrize(("heading", "control"), [
    ("Clinical Trial Summary", "Read more"), ("Clinical Trial Summary", "Show more \u25bc"),
    ("Related Conditions & MeSH terms", "+ 12 more"), ("Related Conditions & MeSH terms", "View more"),
])
def test_a_button_that_folds_text_or_names_away_is_said(heading, control):
    record, problems = _read("\n".join(_copied(_text_page(), heading, control)).encode())
    assert _reasons(problems) == ["unreadable value"] and f"'{heading}' shows the site's '{control}'" in problems[0][1]
    assert record.tables["brief_summaries"][0]["description"] == LONG_SUMMARY
    assert [row["name"] for row in record.tables["conditions"]] == ["Headache"]


def test_a_summary_cut_short_by_the_site_s_read_more_is_read_as_shown_and_said():
    shown = LONG_SUMMARY[:120].rsplit(" ", 1)[0] + "\u2026"
    record, problems = _read("\n".join(_text_page(summary=f"{shown} Read more")).encode())
    assert record.tables["brief_summaries"][0]["description"] == shown
    assert _reasons(problems) == ["unreadable value"] and "'Read more'" in problems[0][1]


@pytest.mark.parametrize(("title", "summary"), [
    ("Helping Children Read More", LONG_SUMMARY),  # a title may end in such words
    (TITLE, "Participants who read more than an hour a day are compared with those who read less"),
    (TITLE, "Read more about the study at www.example.org."),
    (TITLE, f"{LONG_SUMMARY}\nTop"),  # 'Top' without its arrow may be text
    (TITLE, f"{LONG_SUMMARY} Read more\nThe second part of the summary."),  # words within a paragraph
])
def test_words_that_spell_a_control_inside_the_text_stay(title, summary):
    record, problems = _read(_page(title=title, summary=summary))
    assert record.study["brief_title"] == title and problems == []
    assert record.tables["brief_summaries"][0]["description"] == summary


# The site's header, footer and cookie banner -----------------------------------------------------------------------


@pytest.mark.parametrize("below", [
    ["Clinical Trials Summary", "About us", "\u00a9 2026 Clinical Trials Summary"],  # the site's name the line names
    ["Follow us", "Facebook", "Twitter", "LinkedIn", "Newsletter", "Copyright 2026 Clinical Trials Summary"],
    ["\u00a9 2026 Clinical Trials Summary", "We use cookies on this site.", "Accept all cookies", "Reject all",
     "Manage preferences", "Necessary cookies only"],
])
def test_the_site_s_footer_and_cookie_banner_below_a_page_are_no_rows(below):
    record, problems = _read(_page(below=below))
    assert [row["related_nct_id"] for row in record.tables["related_studies"]] == ["NCT03529955"]
    assert problems == []


@pytest.mark.parametrize("below", [
    ["Breast Cancer", "\u00a9 2026 Clinical Trials Summary"],  # a row's wrapped rest the copyright line names not
    ["Summary", "\u00a9 2026 Clinical Trials Summary"],  # a word the line names, not as the site's whole name
])
def test_a_line_above_the_copyright_line_that_is_not_the_site_s_is_still_counted(below):
    _, problems = _read(_page(below=below))
    assert _reasons(problems) == ["unreadable value"] and "under 'See also'" in problems[0][1]


# A Study Design list copied one cell a line ----------------------------------------------------------------------


@pytest.mark.parametrize("colon", [":", ""])
def test_study_design_labels_above_their_values_are_read(colon):
    cells = [cell for line in _DESIGN for cell in (line.split(": ")[0] + colon, line.split(": ")[1])]
    record, problems = _read(_page(summary=LONG_SUMMARY, design=cells))
    row = record.tables["designs"][0]
    assert (row["allocation"], row["intervention_model"], row["masking"], row["primary_purpose"]) == (
        "RANDOMIZED", "PARALLEL", "NONE", "TREATMENT")
    assert (record.study["enrollment"], record.study["enrollment_type"]) == (38, "ACTUAL") and problems == []


def test_a_study_design_label_without_a_value_above_another_label_takes_none():
    design = ["Allocation: Randomized", "Masking description:", "Primary purpose: Treatment"]
    record, problems = _read(_page(design=design))
    row = record.tables["designs"][0]
    assert (row["masking_description"], row["primary_purpose"]) == (None, "TREATMENT") and problems == []


# Phases by number, and a description's 'Phase III:' line --------------------------------------------------------


@pytest.mark.parametrize(("shown", "phase"), [
    ("Phase 2-3", "PHASE2/PHASE3"), ("Phase: II/III", "PHASE2/PHASE3"), ("Phase 1/2", "PHASE1/PHASE2"),
    ("Phase: 2", "PHASE2"), ("Phase Phase 1-2", "PHASE1/PHASE2"), ("Phase Phase 2 and Phase 3", "PHASE2/PHASE3"),
    ("Phase Phase 2 & 3", "PHASE2/PHASE3"), ("Phase Phase I \u2013 II", "PHASE1/PHASE2"),
])
def test_phases_shown_by_number_or_parted_by_a_dash_or_and_are_read(shown, phase):
    record, problems = _read(_page(keys=[shown if key == "Phase N/A" else key for key in KEYS]))
    assert record.study["phase"] == phase and problems == []


@pytest.mark.parametrize("shown", ["Phase 1-3", "Phase: 5", "Phase Phase 3 and extension"])
def test_phases_the_registry_has_no_value_for_are_kept_as_shown(shown):
    record, _ = _read(_page(keys=[shown if key == "Phase N/A" else key for key in KEYS]))
    assert record.study["phase"] == shown.split(" ", 1)[1].removeprefix(": ").strip()


def test_a_description_line_starting_phase_and_no_phase_goes_on_the_description():
    description = ["Intervention model description: Phase Ib: open, parallel groups, up to 222 participants.",
                   "Phase III: open-label, randomised, approx. 794 participants."]
    record, problems = _read(_page(design=[*description, "Primary purpose: Treatment"]))
    assert record.tables["designs"][0]["intervention_model_description"] == " ".join(
        [description[0].split(": ", 1)[1], description[1]])
    assert record.study["phase"] == "NA" and problems == []


def test_a_phase_line_under_study_design_below_a_label_of_no_text_stays_a_phase():
    record, problems = _read(_page(design=["Allocation: Randomized", "Phase: 2"]))
    assert record.study["phase"] == "NA"
    assert _reasons(problems) == ["unreadable value"] and "'Phase' is given twice" in problems[0][1]


# A list saying it names no condition ---------------------------------------------------------------------------


@pytest.mark.parametrize("said", ["None provided.", "Not provided.", "None specified", "None given", "N/A", "None."])
def test_a_condition_list_that_says_it_names_none_gives_none(said):
    record, problems = _read(_page(conditions=(said,)))
    assert record.tables.get("conditions", []) == [] and problems == []


@pytest.mark.parametrize("conditions", [("Not Specified Pain",), ("Pain", "Not specified")])
def test_a_condition_that_only_starts_so_or_stands_in_a_list_of_several_is_kept(conditions):
    record, problems = _read(_page(conditions=conditions))
    assert [row["name"] for row in record.tables["conditions"]] == list(conditions) and problems == []


# A description naming its 'Study design:' part on a page without that section -------------------------------------


DESCRIPTION = ["Primary Objective: to evaluate the distribution of lymph node metastases.", "", "Study design:", "",
               "TIGER is a multinational observational cohort study.", "", "Study population:",
               "All patients with resectable esophageal carcinoma.", "", "Follow-up:",
               "Patients will be followed up for 5 years."]


def test_a_study_design_part_of_a_description_on_a_page_without_that_section_stays_in_the_description():
    lines = _page().decode().split("\n")
    at = lines.index("Clinical Trial Description") + 2
    lines = [*lines[:at], *DESCRIPTION, *lines[at:]]
    del lines[lines.index("Study Design"):lines.index("Related Conditions & MeSH terms")]
    record, problems = _read("\n".join(lines).encode())
    assert record.tables["detailed_descriptions"][0]["description"] == "\n".join(DESCRIPTION)
    assert record.tables.get("designs", []) == [] and problems == []


def test_a_study_design_heading_spelt_otherwise_above_its_labels_is_the_section():
    lines = _page(design=_DESIGN).decode().replace("\nStudy Design\n", "\nSTUDY DESIGN:\n").split("\n")
    record, problems = _read("\n".join(lines).encode())
    assert record.tables["designs"][0]["allocation"] == "RANDOMIZED" and problems == []


# A short page's title wrapped ----------------------------------------------------------------------------------


def test_a_wrapped_title_on_a_short_page_whose_text_wraps_once_is_read_whole():
    title = ("Effect of GET73 on MRS Measures of Central Glutamate and GABA in Individuals With Alcohol Use "
             "Disorder")
    summary = ("The purpose of this study is to determine whether GET73, given to individuals with alcohol use "
               "disorder, changes brain glutamate and GABA measured by magnetic resonance spectroscopy.")
    record, problems = _read(_page(title=title, summary=summary, width=100))
    assert record.study["brief_title"] == title and problems == []


def test_two_lines_above_a_short_page_s_summary_that_nothing_else_wraps_stay_undecided():
    record, problems = _read(_page(title="Clinical Trials Database of the Example University Hospital Network\n"
                                         "A Study of Tofacitinib"))
    assert isinstance(record.study["brief_title"], Refused)
    assert _reasons(problems) == ["unreadable title: its lines undecided"]


# Real records read from pages copied from a browser ----------------------------------------------------------------


_COPIED = {
    "copied with the site's controls": summary_render.with_controls,
    "copied with the site's header, footer and cookie banner": summary_render.with_site_frame,
    "copied with its Study Design one cell a line": summary_render.stacked_design,
    "showing phases by number": summary_render.phase_numbers,
    "copied with its blank lines lost": summary_render.unspaced,
    "copied with a blank line after every line": summary_render.spaced,
    "in a browser's reader view": summary_render.reader_view,
    "wrapped at 100 columns": lambda record: summary_render.wrapped(summary_render.render(record), 100),
}


@needs_corpus
def test_real_records_read_from_their_copied_pages_as_the_registry_gives_them():
    differing: dict[str, list[str]] = {}
    for record, expected in _sample():
        nct_id = record["protocolSection"]["identificationModule"]["nctId"]
        for copied, page_of in _COPIED.items():
            parsed = SUMMARY_TEXT.parse(page_of(record).encode("utf-8"))
            got = _fields(parsed.records[0]) if parsed.records else {}
            wrong = [field for field in expected if got.get(field) != expected[field]]
            wrong += [f"problem: {problem.reason}" for problem in parsed.problems]
            if wrong:
                differing[f"{nct_id} {copied}"] = wrong
    assert len(_sample()) == 43 and differing == {}


def test_a_back_to_top_link_below_the_see_also_rows_is_no_row():
    record, problems = _read(_page(rows=(ROW,), below=["Back to top"]))
    assert [row["related_nct_id"] for row in record.tables["related_studies"]] == ["NCT03529955"]
    assert problems == []
