"""Rule SQL that DuckDB plans once per check: a long condition or text is written once, where writing it per source,
per branch or per reference made planning, not the rows, most of a small check's time. Each rewrite keeps what the
rules find: links still match arm titles typed with other dashes, quotes and spaces; a page that shows no posting date
still says by when its record was made public; a summary or criteria that only point to a detailed description are
judged against the record's own description."""
from __future__ import annotations

import duckdb
import pytest

import checks
from checks import date_columns, identity, placeholder_values, protocol, status
from checks import results_deadline as timeliness
from tests.checks import harness

RULES = {rule.id: rule for rule in checks.all_rules()}
SUMMARY = "missing_fields.no_brief_summary"
CRITERIA = "missing_fields.no_eligibility_criteria"


# ---- Each long piece is written once in the rule's SQL.

def test_a_missing_field_condition_is_written_once_for_both_sources():
    """The registry's own record and the current page are judged by one condition, not one per source."""
    for name, column in (("no_title", "s.brief_title"), ("no_start_date", "s.start_date IS NULL"),
                         ("no_enrollment", "s.enrollment = 0")):
        sql = RULES[f"missing_fields.{name}"].sql
        written = placeholder_values.void(column) if name == "no_title" else column
        assert sql.count(written) == 1, name


def test_a_link_label_is_set_anew_by_one_chain_of_regular_expressions():
    key = protocol.link_key("l.design_group")
    assert key.count(r"\p{Cf}") == 1
    assert key.count("nfc_normalize") == 1


def test_the_year_after_today_is_worked_out_once_for_the_nct_number_ladder():
    sql = RULES["identity.nct_number_not_yet_issued"].sql
    assert sql.count("greatest(CAST($as_of AS DATE), current_date)") == 1
    assert identity._YEAR_AFTER_TODAY in sql


def test_the_results_deadline_is_worked_out_once():
    sql = RULES["timeliness.results_overdue"].sql
    assert sql.count(timeliness._years_after_completion(timeliness.DELAY_YEARS)) == 1


@pytest.mark.parametrize("rule_id", ["timeliness.late_registration", "dates.registered_after_completion"])
def test_whether_a_record_was_registered_by_its_posting_is_worked_out_once(rule_id):
    assert RULES[rule_id].sql.count(date_columns.registered_by_posting()) == 1


def test_a_stopped_study_s_era_is_worked_out_once():
    sql = RULES["status.stopped_without_reason"].sql
    assert sql.count(status._BEFORE_FDAAA) == 1


def test_a_page_s_latest_day_of_publication_names_its_nct_number_s_year_once():
    said = date_columns.first_public_shown()
    assert said.count(date_columns.numbered_by()) == 1


# ---- What the rewritten SQL says, as before.

LINKS = [  # (a link's label, an arm's title, do they name one arm)
    ("Arm A - Drug X", "Arm A – Drug X", True),  # en dash typed for a hyphen
    ("Arm A - Drug X", "ARM A — DRUG X.", True),  # em dash, upper case, a closing full stop
    ("Crohn's disease cohort", "Crohn’s Disease Cohort", True),  # a curly apostrophe
    ('"Low dose"', "“Low dose”", True),
    ("Placebo", "Pla\u200bcebo", True),  # a zero-width space pasted in
    ("Cafe\u0301 au lait group", "Café au lait group", True),  # accents composed one way and the other
    ("Group 1: 10\u00a0mg", "Group 1:  10 mg", True),  # a no-break space, two spaces
    ("Arm A", "Arm B", False),
    ("Drug X 10 mg", "Drug X 10 mg – Drug Y", False),
    ("Ärm Ä", "Arm A", False),  # an accent is a letter of its own
]


@pytest.mark.parametrize("label, title, same", LINKS, ids=[f"{a!r} {b!r}" for a, b, _ in LINKS])
def test_a_link_matches_an_arm_title_set_another_way(label, title, same):
    con = duckdb.connect()
    keys = con.execute(f"SELECT {protocol.link_key('a')}, {protocol.link_key('b')} FROM (SELECT ? AS a, ? AS b)",
                       [label, title]).fetchone()
    assert (keys[0] == keys[1]) is same


PAGES = [  # (nct_id, last update, its precision, the text of when the record was first made public)
    ("NCT00000102", "2005-06-24", "day", "by 2005-06-24 (its last update)"),
    ("NCT00000102", "2012-12-31", "month", "by the end of 2005 (its NCT number)"),  # the number tells the earlier day
    ("NCT01234567", "2010-03-01", "month", "by 2010-03 (its last update)"),
    ("NCT01234567", None, None, "by the end of 2010 (its NCT number)"),
    ("NCT99999999", "2021-05-02", "day", "by 2021-05-02 (its last update)"),  # a number beyond the table
    ("NCT99999999", None, None, None),
    ("EUCTR2004-1", None, None, None),  # not an NCT number
]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    con = harness.warehouse_with(tmp_path_factory.mktemp("planning"), {})
    yield con
    con.close()


def test_a_page_without_a_posting_says_by_when_it_was_made_public(warehouse):
    rows = ", ".join(f"('{n}', {'NULL' if d is None else repr(d)}::DATE, {'NULL' if p is None else repr(p)}, "
                     "NULL::DATE, NULL, NULL::DATE)" for n, d, p, _ in PAGES)
    said = warehouse.execute(
        f"SELECT {date_columns.first_public_shown()} FROM (VALUES {rows}) s(nct_id, last_update_posted_date, "
        "last_update_posted_date_precision, study_first_posted_date, study_first_posted_date_precision, "
        "study_first_submitted_date)").fetchall()
    assert [row[0] for row in said] == [text for *_, text in PAGES]


def _pointing(summary: str, criteria: str, description: str | None) -> dict:
    study = harness.clean_study()
    study["brief_summaries"] = [{"description": text} for text in summary.split("|")]
    study["eligibilities"][0]["criteria"] = criteria
    study["detailed_descriptions"] = [] if description is None else [{"description": description}]
    return study


POINTERS = {  # nct_id: (summary rows split at '|', criteria, detailed description, what is found)
    "NCT05000001": ("See detailed description", "See detailed description.", "Patients get drug X daily.", set()),
    "NCT05000002": ("See detailed description", "See detailed description.", None, {SUMMARY, CRITERIA}),
    "NCT05000003": ("Please see below.", "Please refer to the description", "N/A", {SUMMARY, CRITERIA}),
    "NCT05000004": ("See protocol", "Please contact site", "Patients get drug X daily.", {SUMMARY, CRITERIA}),
    "NCT05000005": ("See detailed description|N/A", "Inclusion Criteria: Exclusion Criteria:",
                    "Patients get drug X daily.", {CRITERIA}),
    "NCT05000006": ("See detailed description|N/A", "Inclusion Criteria: adults aged 18 to 65", None, {SUMMARY}),
    "NCT05000007": ("A pilot of drug X in 40 adults.", "See the detailed description", "  ", {CRITERIA}),
}


def test_a_pointer_to_the_detailed_description_is_judged_against_it(tmp_path):
    studies = {nct_id: _pointing(*case[:3]) for nct_id, case in POINTERS.items()}
    found = harness.flagged_studies(tmp_path, studies, [RULES[SUMMARY], RULES[CRITERIA]])
    assert {nct_id: {rule_id for rule_id, flagged in found.items() if nct_id in flagged} for nct_id in POINTERS} == \
        {nct_id: case[3] for nct_id, case in POINTERS.items()}
