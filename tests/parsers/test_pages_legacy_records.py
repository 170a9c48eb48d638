"""Pages of older registry records (legacy ClinicalTrials.gov XML, registered 1999-2017) on the three sites read as
the registry's XML reader reads the record: officials the registry gives no role (a meddatax page then shows each
official's name above the institution and no 'Role:' line), beside nearby sections that still cannot be told apart;
and a sample of the legacy corpus made into each site's page and read back field by field."""
from __future__ import annotations

import copy
from functools import cache

import pytest

from flows.parsers import PARSERS
from flows.parsers.aggregator_text.single_age import which_limit
from tests.parsers import clincosm_render, meddatax_render, summary_render
from tests.parsers.legacy_as_api import record_of
from tests.parsers.page_variants import AS_SHOWN as _AS_SHOWN, COMPACT as _COMPACT, LABELLED as _LABELLED
from tests.parsers.page_variants import all_but as _but, read_variant as _read
from tests.parsers.test_pages_roundtrip_meddatax import _FIELDS as MEDDATAX_FIELDS, _SITE_UNDECIDED, _rows
from tests.parsers.test_pages_roundtrip_summary import _fields as summary_fields
from tests.shared_corpus import CORPUS, needs_corpus

_READERS = {entry.layout: entry.module for entry in PARSERS}

# Officials the registry gives no role ------------------------------------------------------------------------------

_LABELLED_OFFICIAL = ("Dr MD. Fahad Hossain, MBBS, MD\n\nRole: PRINCIPAL_INVESTIGATOR\n\n"
                      "Bangabandhu Sheikh Mujib Medical University, Dhaka, Bangladesh\n")
_COMPACT_OFFICIAL = "AIHUA DU\nRole: STUDY_CHAIR\nTongji Hospital\n"
_UNROLED = [("Donald Hunninghake", "University of Minnesota"), ("John Crouse", "Bowman Gray School of Medicine"),
            ("Z.I. Sabry", "University of California at Berkeley"), ("George Schreiber", "Westat, Inc."),
            ("Michael Bryer-Ash", "University of California, Los Angeles"),
            ("Thomas O'Brien, MD", "Brigham and Women's Hospital")]


def _officials_page(base: str, official: str, lines: list[str]) -> str:
    gap = "\n\n" if base is _LABELLED else "\n"
    assert official in base
    return base.replace(official, gap.join(lines) + "\n", 1)


@pytest.mark.parametrize("base, official", [(_LABELLED, _LABELLED_OFFICIAL), (_COMPACT, _COMPACT_OFFICIAL)])
@pytest.mark.parametrize("count", [1, 3, len(_UNROLED)])
def test_officials_without_a_role_line_are_read_as_name_and_affiliation(base, official, count):
    # new: every such line was 'unread lines: principal investigators' and no official was read
    page = _officials_page(base, official, [line for pair in _UNROLED[:count] for line in pair])
    officials = _but(page, base, "overall_officials")["overall_officials"]
    assert officials == [{"role": None, "name": name, "affiliation": affiliation}
                         for name, affiliation in _UNROLED[:count]]


@pytest.mark.parametrize("lines", [
    ["Paul Leaverton", "Samuel Shapiro"],  # two names, or a name and an affiliation naming no institution
    ["Paul Stein", "St. Joseph Mercy", "Russell Hull", "University of Calgary"],
    ["Neil Schneiderman"],  # a name without an affiliation, or an affiliation without a name
    ["University of Minnesota", "Donald Hunninghake"],  # an affiliation above a name
    ["Donald Hunninghake", "University of Minnesota", "Ahvie Herskowitz"],
])
def test_officials_without_roles_that_do_not_pair_up_stay_unread(lines):
    tables, problems = _read(_officials_page(_LABELLED, _LABELLED_OFFICIAL, lines), _LABELLED)
    assert tables.get("overall_officials", []) == [] and problems == ["unread lines: principal investigators"]


def test_an_official_with_a_role_line_reads_as_before():
    page = _officials_page(_LABELLED, _LABELLED_OFFICIAL, ["Donald Hunninghake", "Role: STUDY_CHAIR",
                                                           "University of Minnesota"])
    assert _but(page, _LABELLED, "overall_officials")["overall_officials"] == [
        {"role": "STUDY_CHAIR", "name": "Donald Hunninghake", "affiliation": "University of Minnesota"}]
    assert _AS_SHOWN[id(_LABELLED)]["overall_officials"][0]["role"] == "PRINCIPAL_INVESTIGATOR"


# A sample of the legacy corpus round-tripped through each site's page ------------------------------------------------

_EVERY = 7  # every seventh legacy record in file order: 43 studies of 1999-2017


@cache
def _sample() -> tuple[tuple[str, dict, dict], ...]:
    """(NCT id, its API v2 record, its tables as the XML reader reads them, as a page can show them)."""
    sample = []
    for path in sorted((CORPUS / "xml_legacy").glob("*.xml"))[::_EVERY]:
        raw = path.read_bytes()
        sample.append((path.stem, record_of(raw), _showable(_READERS["ctgov_xml"].parse(raw).records[0].tables)))
    return tuple(sample)


def _showable(tables: dict) -> dict:
    """The XML reader's tables as a page can show them: no age for 'N/A' (the pages leave it out), the countries the
    record still lists (not its removed ones), a bibliography reference as the background reference it is."""
    tables = copy.deepcopy(tables)
    for row in tables.get("eligibilities", []):
        row.update({column: None for column in ("minimum_age", "maximum_age") if row.get(column) == "N/A"})
    tables["countries"] = [row for row in tables.get("countries", []) if not row.get("removed")]
    for row in tables.get("study_references", []):
        row["reference_type"] = row["reference_type"] or "BACKGROUND"
    return tables


def _meddatax_differences(record: dict, want: dict) -> tuple[list[str], list[str]]:
    parsed = _READERS["aggregator_text"].parse(meddatax_render.render(record).encode("utf-8"))
    problems = [problem.reason for problem in parsed.problems]
    got = parsed.records[0].tables
    sites = ("name", "country", "status") if _SITE_UNDECIDED in problems else (
        "name", "city", "state", "country", "status")
    fields = {**MEDDATAX_FIELDS, "facilities": sites}
    return sorted(table for table, columns in fields.items()
                  if _rows(want, table, columns) != _rows(got, table, columns)), problems


# Sampled records whose meddatax page the reader says it cannot read whole (each other record reads every field as the
# record gives it): observational groups shown by name only (no type, no description: a name or a description?).
_MEDDATAX_UNDECIDED = {
    "NCT00000265": (["design_groups"], ["unreadable section: names and descriptions undecided"]),
}


@needs_corpus
def test_legacy_records_read_back_from_their_labelled_meddatax_pages():
    differing = {nct_id: found for nct_id, record, want in _sample()
                 if (found := _meddatax_differences(record, want))[0]}
    assert len(_sample()) == 43 and differing == _MEDDATAX_UNDECIDED


@needs_corpus
def test_legacy_records_read_back_from_their_trial_summary_pages():
    differing = {}
    for nct_id, record, want in _sample():
        parsed = _READERS["summary_text"].parse(summary_render.render(record).encode("utf-8"))
        expected, got = summary_fields_of(want), summary_fields(parsed.records[0])
        wrong = [field for field in expected if got[field] != expected[field]]
        if wrong or parsed.problems:
            differing[nct_id] = wrong + [problem.reason for problem in parsed.problems]
    assert differing == {}


def summary_fields_of(tables: dict) -> dict:
    """The trial-summary fields of a study's tables."""
    return summary_fields(type("Read", (), {"tables": tables})())


# A clincosm location row whose name, city and state the page's spacing cannot split (the reader says so): such a
# site may lack, never mis-state, its values.
_CLINCOSM_ROW_UNDECIDED = "clincosm location row undecidable"


@needs_corpus
def test_legacy_records_read_back_from_their_clincosm_pages():
    differing = {}
    for nct_id, record, want in _sample():
        parsed = _READERS["ctgov_classic_text"].parse(clincosm_render.render(record).encode("utf-8"))
        # the page lists officials by their role; the registry's early records give some none
        shown = {**want, "overall_officials": [row for row in want.get("overall_officials", []) if row["role"]]}
        found = clincosm_render.differences(shown, parsed.records[0].tables)
        if any(problem.reason == _CLINCOSM_ROW_UNDECIDED for problem in parsed.problems):
            found = {field: values for field, values in found.items()
                     if not field.startswith("facilities.") or values[1] is not None}
        if found:
            differing[nct_id] = sorted(found)
    assert differing == {}


# One bare age on a compact page, under criteria headed for inclusion and exclusion both ---------------------------

_COMBINED = ("-  INCLUSION/EXCLUSION CRITERIA\nInclusion and exclusion criteria vary with the particular protocol for "
             "which a patient is being screened.\nAll studies require the subject to have a minimum age of 18 years "
             "in both men and women.")


@pytest.mark.parametrize("criteria, limit", [
    (_COMBINED, "minimum_age"),
    ("INCLUSION / EXCLUSION CRITERIA:\n- Aged 18 years or older\n- No prior chemotherapy", "minimum_age"),
    ("Inclusion and Exclusion Criteria\n\nPatients up to 18 years of age with a first seizure.", "maximum_age"),
    ("Inclusion & exclusion criteria: children aged 18 months or younger", "maximum_age"),
])
def test_an_age_under_a_heading_of_inclusion_and_exclusion_both_is_the_limit_it_states(criteria, limit):
    # new: the combined heading was taken for the exclusion criteria's, and the age for the other limit (silently)
    assert which_limit("18 Years" if "years" in criteria else "18 Months", criteria) == limit


@pytest.mark.parametrize("criteria, limit", [
    ("Inclusion Criteria:\n- Adults\nExclusion Criteria:\n- Age < 18 years", "minimum_age"),
    ("Inclusion Criteria:\n- Healthy\n\nExclusion Criteria:\n- Aged 65 years or older", "maximum_age"),
    ("INCLUSION CRITERIA: minimum age of 18 years. EXCLUSION CRITERIA: pregnancy.", "minimum_age"),
])
def test_an_age_below_the_exclusion_criteria_heading_still_bounds_the_other_side(criteria, limit):
    age = "65 Years" if "65" in criteria else "18 Years"
    assert which_limit(age, criteria) == limit


def test_a_compact_page_s_one_age_under_a_combined_heading_is_read_as_the_minimum():
    # new: '18 Years' was read as the maximum age, with no problem
    start = _COMPACT.index("Inclusion Criteria\n2. Diffuse")
    end = _COMPACT.index("18 Years\nALL\nNo\n")
    page = _COMPACT[:start] + _COMPACT_CRITERIA + "\n" + _COMPACT[end:]
    row = _but(page, _COMPACT, "eligibilities")["eligibilities"][0]
    assert row == {**_AS_SHOWN[id(_COMPACT)]["eligibilities"][0], "criteria": _COMPACT_CRITERIA,
                   "minimum_age": "18 Years", "maximum_age": None}


_COMPACT_CRITERIA = ("-  INCLUSION/EXCLUSION CRITERIA\nInclusion and exclusion criteria vary with the particular "
                     "protocol for which a patient is being screened.\nAll studies of retinovascular diseases require "
                     "the subject to have minimum age of 18 years in both men and women.")
