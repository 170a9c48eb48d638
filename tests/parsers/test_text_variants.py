"""Variants a real text page has beyond the seeds: each heuristic with cases that fire and cases that stay quiet."""
from __future__ import annotations

import pytest

from flows.parsers import HEAD_BYTES, aggregator_text, ctgov_classic_text, labels, summary_text
from flows.parsers.aggregator_text.design import compact_groups
from flows.parsers.ctgov_classic_text.design import arms_and_interventions, study_design
from flows.parsers.ctgov_classic_text.header import read_header
from flows.parsers.page_encodings import head_text
from flows.parsers.summary_text import design as summary_design
from tests.parsers.golden import GOLDEN_DIR
from tests.shared_corpus import CORPUS

SEED_001 = (GOLDEN_DIR / "ctgov_classic_text" / "001_NCT05792462.txt").read_text(encoding="utf-8")
SEED_003 = (GOLDEN_DIR / "summary_text" / "003_NCT04966884.txt").read_text(encoding="utf-8")


def _arms(pairs: list[tuple[str, str]], interventions: list[tuple[str, str]]) -> list[tuple[str, list[str]]]:
    lines = [line for pair in pairs for line in pair]
    known = [{"name": name, "description": text} for name, text in interventions]
    return [(group["title"], names) for group, names in compact_groups(lines, known)]


# meddatax compact Study Groups ------------------------------------------------------------------

DRUG_X, DRUG_Y = ("Drug X", "X 10 mg daily"), ("Drug Y", "Y 5 mg daily")


@pytest.mark.parametrize("pairs, expected", [
    ([("Arm A", "X alone"), DRUG_X, ("Arm B", "X with Y"), DRUG_X, DRUG_Y],
     [("Arm A", ["Drug X"]), ("Arm B", ["Drug X", "Drug Y"])]),
    # an arm titled and described exactly like its intervention (seed 002's Cyclophosphamide arm)
    ([("Arm A", "X alone"), DRUG_X, DRUG_Y, DRUG_Y], [("Arm A", ["Drug X"]), ("Drug Y", ["Drug Y"])]),
    ([("Arm A", "X alone"), DRUG_X, ("Observation", "no treatment")],
     [("Arm A", ["Drug X"]), ("Observation", [])]),
    ([("Arm A", "X alone"), ("Arm B", "Y alone")], [("Arm A", []), ("Arm B", [])]),
    ([], []),
], ids=["shared-and-two", "arm-like-its-drug", "arm-without-intervention", "no-intervention-pairs", "empty"])
def test_compact_study_groups_link_each_arm_to_the_interventions_after_it(pairs, expected):
    assert _arms(pairs, [DRUG_X, DRUG_Y]) == expected


def test_a_pair_that_differs_from_every_intervention_entry_is_an_arm():
    # same name, other description: not the listed intervention, so an arm of its own
    assert _arms([("Arm A", "X alone"), ("Drug X", "a different text")], [DRUG_X]) == [
        ("Arm A", []), ("Drug X", [])]


# clincosm header numbers ------------------------------------------------------------------------


@pytest.mark.parametrize("values, known, expected", [
    ([12, 1, 1, 18.1, 0.7], {"enrollment": 12}, {"enrollment": 12, "sites": 1, "arms": 1, "duration_months": 18.1,
                                                "patients_per_site": None, "patients_per_site_per_month": 0.7}),
    ([120, 3, 2, 40.0], {"enrollment": 120, "arms": 2, "sites": 3},
     {"enrollment": 120, "sites": 3, "arms": 2, "duration_months": None, "patients_per_site": 40.0,
      "patients_per_site_per_month": None}),
    ([3, 2, 24.0], {"arms": 2, "sites": 3}, {"enrollment": None, "sites": 3, "arms": 2, "duration_months": 24.0,
                                             "patients_per_site": None, "patients_per_site_per_month": None}),
], ids=["five-one-site", "four-no-dates", "three-no-enrollment"])
def test_a_shorter_header_is_read_by_what_its_numbers_agree_with(values, known, expected):
    row, problems = read_header(values, known)
    assert (row, problems) == (expected, [])


def test_a_header_that_fits_several_readings_keeps_only_what_they_agree_on():
    # 12 participants, then 1 site or 1 arm, then a duration: the page cannot tell which
    row, problems = read_header([12, 1, 0.7], {"enrollment": 12, "sites": 1, "arms": 1})
    assert [p.reason for p in problems] == ["clincosm header numbers ambiguous"]
    assert row == {"enrollment": 12, "sites": None, "arms": None, "duration_months": 0.7,
                   "patients_per_site": None, "patients_per_site_per_month": None}


@pytest.mark.parametrize("values, reason", [
    ([1, 2, 3, 4, 5, 6, 7], "clincosm header numbers unreadable"),
    ([0.5, 0.0], "clincosm header numbers unreadable"),  # no whole count to read first: fits no reading
    ([11, 1, 1, 14.3, 11, 0.8], "clincosm header numbers inconsistent"),
])
def test_impossible_headers_are_problems(values, reason):
    assert reason in [p.reason for p in read_header(values, {})[1]]


def test_a_page_whose_header_numbers_fit_no_reading_keeps_its_study():
    page = (GOLDEN_DIR / "ctgov_classic_text" / "000_NCT04916756.txt").read_text(encoding="utf-8")
    page = page.replace("(none)\n11\n1\n1\n14.3\n0.8\n", "(none)\n0.5\n0.0\n", 1)
    assert "(none)\n0.5\n0.0\n" in page
    parsed = ctgov_classic_text.parse(page.encode())
    (record,) = parsed.records
    assert record.nct_id == "NCT04916756" and "page_header_metrics" not in record.tables
    assert [(p.reason, p.nct_id) for p in parsed.problems if "header" in p.reason] == [
        ("clincosm header numbers unreadable", "NCT04916756")]


def test_no_header_numbers_is_no_row_and_no_problem():
    assert read_header([], {"enrollment": 5}) == (None, [])


# clincosm design block and arms table -----------------------------------------------------------


def test_a_date_label_without_actual_or_anticipated_has_an_unknown_type():
    study, _, unknown = study_design(["Study Start Date :", "Jan 2024", "Actual Primary Completion Date :",
                                      "Mar 3, 2025"])
    assert (study["start_date_type"], study["start_date_precision"]) == (None, "month")
    assert study["primary_completion_date_type"] == "ACTUAL" and unknown == []


def test_a_label_without_value_is_missing_not_the_next_label():
    study, design, unknown = study_design(["Enrollment :", "Allocation:", "Randomized", "Official Title:"])
    assert (study["enrollment"], study["enrollment_type"], study["official_title"]) == (None, None, None)
    assert design["allocation"] == "RANDOMIZED" and unknown == []


def test_observational_design_lines_and_an_unknown_label():
    _, design, unknown = study_design(["Observational Model:", "Case-Only", "Time Perspective:", "Cross-Sectional",
                                       "Funding Route:", "Grant"])
    assert (design["observational_model"], design["time_perspective"]) == ("CASE_ONLY", "CROSS_SECTIONAL")
    assert unknown == ["Funding Route"]


def test_group_cohort_table_reads_untyped_groups_and_their_interventions():
    lines = ["Group/Cohort Intervention/Treatment", "Cases", "", "Adults with the disease.", "",
             "Other: Questionnaire", "Filled in once.", "", "Controls", "", "Adults without it.", ""]
    tables = arms_and_interventions(lines, [])
    assert [(g["group_type"], g["title"], g["description"]) for g in tables["design_groups"]] == [
        (None, "Cases", "Adults with the disease."), (None, "Controls", "Adults without it.")]
    assert tables["design_group_interventions"] == [{"design_group": "Cases", "intervention": "Questionnaire"}]


def test_an_arm_table_with_typed_arms_reads_no_untyped_group():
    lines = ["Arm Intervention/Treatment", "Experimental: A", "", "Arm text.", "", "Drug: X", "X text.", "",
             "More about X."]
    assert [g["title"] for g in arms_and_interventions(lines, [])["design_groups"]] == ["A"]


# Detection: the title line never decides -------------------------------------------------------


@pytest.mark.parametrize("head, is_text", [
    ("[Trial of device that is not approved or cleared by the U.S. FDA]\n\nSponsor\n", True),
    ("[Study of X]\nSponsor\n", True),
    ('[{"protocolSection": {}}]', False), ("[\n  {\n", False), ("[]", False), ('["NCT01"]', False),
    ("<clinical_study>", False), ('{"a": 1}', False),
])
def test_a_bracketed_title_is_page_text_and_a_json_array_is_not(head, is_text):
    assert (head_text(head.encode()) is not None) is is_text


def test_a_bracketed_title_page_is_detected_and_keeps_its_title():
    page = SEED_001.replace("Efficacy and Safety of Baricitinib in Neuromyelitis Optica Spectrum Disorders\n",
                            "[Study of a device not cleared by the FDA]\n", 1)
    assert ctgov_classic_text.sniff(page.encode())
    (record,) = ctgov_classic_text.parse(page.encode()).records
    assert record.study["brief_title"] == "[Study of a device not cleared by the FDA]"


# Trial-summary labelled values ------------------------------------------------------------------


@pytest.mark.parametrize("line, field, value", [
    ("Allocation: Randomized", "allocation", "Randomized"), ("Intervention model: Crossover Assignment",
                                                             "intervention_model", "Crossover Assignment"),
    ("ENROLLMENT: 50 (Anticipated)", "enrollment", "50 (Anticipated)"), ("Primary purpose:", "primary_purpose", ""),
    ("Ages eligible for study: 18 Years and older", "ages", "18 Years and older"),
])
def test_summary_design_labels_are_read_whatever_their_case(line, field, value):
    assert summary_design.labelled_lines([line]) == ({field: value}, [])


@pytest.mark.parametrize("line, unknown", [
    ("Recruitment sites: 12", "Recruitment sites"),
    ("Randomized, open label", "(a line without 'Label:')"),
])
def test_summary_design_lines_it_does_not_know_are_named(line, unknown):
    assert summary_design.labelled_lines([line]) == ({}, [unknown])


@pytest.mark.parametrize("text, expected", [
    ("50 (Anticipated)", ("50", "ESTIMATED")), ("300 (Actual)", ("300", "ACTUAL")), ("50", ("50", None)),
    ("(Anticipated)", (None, "ESTIMATED")), ("", (None, None)),
])
def test_a_value_with_its_type_in_brackets(text, expected):
    assert summary_design.typed(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("18 Years to 65 Years", ("18 Years", "65 Years")), ("18 Years and older", ("18 Years", None)),
    ("up to 17 Years", (None, "17 Years")), ("6 Months - 5 Years", ("6 Months", "5 Years")),
    ("Child, Adult, Older Adult", (None, None)), ("", (None, None)),
])
def test_summary_ages(text, expected):
    assert summary_design.ages(text) == expected


def test_summary_key_block_lines_past_the_seed_keys_are_read_and_unknown_ones_named():
    page = SEED_003.replace("Completion date December 30, 2021\n", "Completion date December 30, 2021\n"
                            "Enrollment 40 (Actual)\nSex Female\nFunding Jane Roe\n")
    parsed = summary_text.parse(page.encode())
    (record,) = parsed.records
    assert (record.study["enrollment"], record.study["enrollment_type"]) == (40, "ACTUAL")
    assert record.tables["eligibilities"][0]["gender"] == "FEMALE"
    assert [(p.reason, p.detail) for p in parsed.problems] == [("unknown label", "key block line starting 'Funding'")]
    assert "Jane" not in repr(parsed.problems)


def test_an_empty_study_design_heading_is_no_design_row():
    (record,) = summary_text.parse(SEED_003.encode()).records
    assert "designs" not in record.tables and "eligibilities" not in record.tables


# Labels the parsers do not know are kept as shown -----------------------------------------------


@pytest.mark.parametrize("call, expected", [
    (lambda: labels.lookup("study_type", "N/A"), "N/A"), (lambda: labels.overall_status("Withheld"), "WITHHELD"),
    (lambda: labels.overall_status("Temporarily halted"), "Temporarily halted"),
    (lambda: labels.phase("Phase 5"), "Phase 5"), (lambda: labels.phase("Phase 1/Phase 2"), "PHASE1/PHASE2"),
    (lambda: labels.lookup("allocation", "Randomised by cluster"), "Randomised by cluster"),
    (lambda: labels.intervention_type("Procedure/Surgery"), "PROCEDURE"),
    (lambda: labels.lookup("primary_purpose", "Educational/Counseling/Training"), "ECT"),
    (lambda: labels.lookup("masking", "DOUBLE"), "DOUBLE"), (lambda: labels.lookup("sex", "  "), None),
])
def test_an_unknown_display_label_passes_through_raw_never_as_null(call, expected):
    assert call() == expected


def test_a_raw_study_type_reaches_the_record_for_validation_to_refuse():
    page = SEED_003.replace("Study type Interventional", "Study type N/A")
    (record,) = summary_text.parse(page.encode()).records
    assert record.study["study_type"] == "N/A"


def test_meddatax_sniffing_ignores_the_title_line():
    raw = (GOLDEN_DIR / "aggregator_text" / "002_NCT05300932.txt").read_bytes()
    assert aggregator_text.sniff(b"[Study title in brackets]\n" + raw.split(b"\n", 1)[1])


def test_a_meddatax_page_without_last_updated_is_still_recognised():
    page = (GOLDEN_DIR / "aggregator_text" / "002_NCT05300932.txt").read_bytes()
    raw = page.replace(b"Last Updated: 2026-01-27\n", b"")
    assert aggregator_text.sniff(raw)
    (record,) = aggregator_text.parse(raw).records
    assert record.study["last_update_posted_date"] is None


def test_the_meddatax_results_sub_page_is_not_a_study_page():
    """Its site's layout claims it only to reject it for what it is: no study is read from it."""
    page = b"Trial Outcomes\nNCT ID: NCT02258152\nLast Updated: 2019-04-19\nResults Overview\nCOMPLETED\n"
    excerpts = (CORPUS / "text_pages" / "pages_corpus_excerpts").glob("*meddatax*")
    pages = [page] + [path.read_bytes() for path in excerpts]
    for raw in pages:
        parsed = aggregator_text.parse(raw)
        assert aggregator_text.sniff(raw) and parsed.records == []
        assert [problem.reason for problem in parsed.problems] == ["meddatax results page"]


def test_a_summary_page_without_logo_or_description_is_recognised_by_its_key_block():
    page = SEED_003.replace("Clinical Trials Logo\n", "").replace("Clinical Trial Description\n", "")
    assert summary_text.sniff(page.encode())
    assert not summary_text.sniff(page.replace("NCT number NCT", "NCT number: NCT").encode())


# Line endings and spaces of a page saved another way ----------------------------------------------

SEED_PAGES = sorted(GOLDEN_DIR.glob("*_text/*.txt"))
PAGE_LAYOUTS = {"ctgov_classic_text": ctgov_classic_text, "aggregator_text": aggregator_text,
                "summary_text": summary_text}


def _read(layout: str, page: str) -> list:
    parsed = PAGE_LAYOUTS[layout].parse(page.encode("utf-8"))
    return [(r.nct_id, {table: [dict(row) for row in rows] for table, rows in r.tables.items()})
            for r in parsed.records] + [(p.reason, p.detail) for p in parsed.problems]


@pytest.mark.parametrize("saved", [
    lambda page: page.replace("\n", "\r"),  # an old Mac's lone CR
    lambda page: page.replace("\n", "\r\n"),
    lambda page: page.replace(" ", "\u00a0"),  # every space copied from the browser as a no-break space
    lambda page: page.replace(" ", "\u202f", 40).replace(" ", "\u2007", 40),
], ids=["cr", "crlf", "no-break-spaces", "narrow-and-figure-spaces"])
@pytest.mark.parametrize("page", SEED_PAGES, ids=lambda p: p.stem)
def test_a_page_saved_with_other_line_ends_or_no_break_spaces_reads_the_same(page, saved):
    layout, text = page.parent.name, page.read_text(encoding="utf-8")
    variant = saved(text)
    assert head_text(variant.encode("utf-8")[:HEAD_BYTES]) is not None
    assert PAGE_LAYOUTS[layout].sniff(variant.encode("utf-8")[:HEAD_BYTES])
    expected = text.replace("\u00a0", " ")  # the seeds' own no-break spaces read as spaces
    assert _read(layout, variant) == _read(layout, expected)


def test_a_no_break_space_inside_a_word_run_is_a_space_in_the_text_read():
    page = SEED_003.replace("Start date April 2, 2020", "Start\u00a0date\u00a0April\u00a02,\u00a02020")
    [(nct_id, tables)] = _read("summary_text", page)
    assert str(tables["studies"][0]["start_date"]) == "2020-04-02"


# An enrollment a page gives as something else than a count --------------------------------------

SEED_000 = (GOLDEN_DIR / "ctgov_classic_text" / "000_NCT04916756.txt").read_text(encoding="utf-8")
SEED_004 = (GOLDEN_DIR / "aggregator_text" / "004_NCT06936215.txt").read_text(encoding="utf-8")


def _enrollment(layout: str, shown: str) -> object:
    if layout == "summary_text":
        return summary_design.study_columns({"enrollment": shown}).get("enrollment")
    page, count = {"ctgov_classic_text": (SEED_000, "11 participants"),
                   "aggregator_text": (SEED_004, "24 participants")}[layout]
    assert count in page
    [(nct_id, tables), *problems] = _read(layout, page.replace(count, shown, 1))
    return tables["studies"][0]["enrollment"]


@pytest.mark.parametrize("layout", ["ctgov_classic_text", "aggregator_text", "summary_text"])
@pytest.mark.parametrize("shown, read", [
    ("1,200 participants", 1200), ("60", 60),
    ("TBD", "TBD"), ("-5 participants", "-5 participants"), ("about 40 participants", "about 40 participants"),
    ("N/A", None), ("Not Provided", None),
])
def test_an_enrollment_that_is_no_count_is_kept_for_validation_to_refuse_and_no_count_is_missing(layout, shown,
                                                                                                read):
    assert _enrollment(layout, shown) == read
