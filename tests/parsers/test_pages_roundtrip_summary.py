"""Trial-summary pages of real registry records (API v2) as the site shows them and as users save them: each page
reads as the registry's own record of the study, field by field for every field the page shows; and the shapes
those records show that a page read otherwise: a contact whose name ends in a degree or a web address, the
site's footer closing a saved page, values and titles a page saved wrapped at a fixed width broke over lines
(a short summary, Study Design descriptions, conditions broken inside their brackets, a title's last word that
spells a menu item)."""
from __future__ import annotations

import json
import textwrap
from functools import cache

import pytest

from flows.parsers import PARSERS, ctgov_json_v2
from flows.parsers.model import Refused
from tests.parsers import summary_render
from tests.shared_corpus import CORPUS, needs_corpus

SUMMARY_TEXT = next(entry.module for entry in PARSERS if entry.layout == "summary_text")

TITLE = "Droperidol Versus Metoclopramide + Diphenhydramine for the Treatment of Primary Headaches"
SHORT_SUMMARY = ("The purpose of this study is to determine if droperidol is equally as effective as metoclopramide "
                 "for the treatment of primary headaches in the emergency department.")
KEYS = ["NCT number NCT01406860", "Study type Interventional", "Source University of Iowa", "Status Terminated",
        "Why stopped lack of enrollment/drug shortages", "Phase N/A", "Start date July 2011",
        "Completion date July 2012", "Ages 18 Years to 64 Years", "Sex All", "Accepts healthy volunteers No"]
ROW = "Completed NCT03529955 - Apremilast in Dermatomyositis Phase 2"
FOOTER = ["About us | Contact | Privacy policy | Terms of use", "\u00a9 2026 Clinical Trials Summary"]


def _page(title=TITLE, summary=SHORT_SUMMARY, design=(), conditions=("Headache",), keys=KEYS, rows=(ROW,),
          below=(), width: int | None = None) -> bytes:
    """A page as the site shows it (two blank lines below each section), each line wrapped at `width` as a browser
    saves it at a fixed width."""
    body = ["Clinical Trials Logo", "", title, "", "Clinical Trial Summary", "", summary, "", "",
            "Clinical Trial Description", "", "", "Study Design", "", *design, "", "",
            "Related Conditions & MeSH terms", "", *conditions, "", "", *keys, "", "See also",
            "  Status Clinical Trial Phase", *rows, *below]
    if width:
        body = [line if "\n" in line else textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False)
                for line in body]
    return ("\n".join(body) + "\n").encode()


def _read(page: bytes):
    parsed = SUMMARY_TEXT.parse(page)
    (record,) = parsed.records
    return record, [(problem.reason, problem.detail) for problem in parsed.problems]


def _contacts(record) -> list[tuple]:
    return [(row["name"], row["phone"], row["email"]) for row in record.tables.get("central_contacts", [])]


# A contact's name that ends in a degree or a web address ---------------------------------------------------------


@pytest.mark.parametrize("name", [
    "Jane Roe, DO",  # a doctor of osteopathic medicine
    "Maria Souza, MD, DO",
    "Reference Study ID Number: WO43571 https://forpatients.roche.com/",  # a sponsor's study locator
    "Study Locator Service www.example.org/trials/",
])
def test_a_contact_whose_name_ends_in_a_degree_or_an_address_is_read_with_no_problem(name):
    keys = [*KEYS[:3], f"Contact {name}", "Phone 888-662-6728", "Email global.rochegenentechtrials@roche.com",
            *KEYS[3:]]
    record, problems = _read(_page(keys=keys))
    assert _contacts(record) == [(name, "888-662-6728", "global.rochegenentechtrials@roche.com")]
    assert problems == []


@pytest.mark.parametrize("name", ["Instituto do", "Hospital Universitario de", "Centre for", "HOSPITAL DE CLINICAS DE"])
def test_a_contact_whose_name_plainly_goes_on_above_a_key_line_stays_a_problem(name):
    keys = [*KEYS[:3], f"Contact {name}", "Phone 888-662-6728", *KEYS[3:]]
    record, problems = _read(_page(keys=keys))
    assert _contacts(record) == [(name, "888-662-6728", None)]
    assert [reason for reason, _ in problems] == ["unreadable value"] and "'Contact' goes on" in problems[0][1]


# The site's footer below 'See also' -----------------------------------------------------------------------------


@pytest.mark.parametrize("below", [
    FOOTER,
    ["", "Privacy Policy", "Terms of Use", "Disclaimer", "", "Copyright 2026 Example Trials Ltd. All rights reserved."],
    ["Home | Trials | Contact", "(c) 2026 Example Trials"],
    ["All rights reserved."],
])
def test_the_site_s_footer_closing_a_saved_page_is_no_see_also_row(below):
    record, problems = _read(_page(below=below))
    assert [row["related_nct_id"] for row in record.tables["related_studies"]] == ["NCT03529955"]
    assert problems == []


@pytest.mark.parametrize("below", [
    ["Terms of use"],  # a link without the copyright line that closes a page: either page's, in a file of several
    ["Privacy Policy", "\u00a9 2026 Clinical Trials Summary", "Recruiting NCT05375435 - A second trial"],
    ["A note on the trials above", "\u00a9 2026 Clinical Trials Summary"],
    ["We use cookies to improve your experience on our site.", "Accept all cookies"],  # no footer closes them
])
def test_a_line_below_the_rows_that_no_footer_closes_is_still_counted(below):
    _, problems = _read(_page(below=below))
    assert problems and all(reason == "unreadable value" and "under 'See also'" in detail
                            for reason, detail in problems)


def test_two_saved_pages_in_one_file_each_with_the_site_s_footer_and_cookie_notice_load_both():
    cookie_notice = ["We use cookies to improve your experience on our site.", "Accept all cookies", ""]
    second = [line.replace("NCT01406860", "NCT01406861") for line in KEYS]
    pages = [*cookie_notice, _page(below=FOOTER).decode(), *cookie_notice, _page(keys=second, below=FOOTER).decode()]
    parsed = SUMMARY_TEXT.parse("\n".join(pages).encode())
    assert [record.nct_id for record in parsed.records] == ["NCT01406860", "NCT01406861"] and parsed.problems == []
    assert [record.study["brief_title"] for record in parsed.records] == [TITLE, TITLE]


# A page saved wrapped whose summary is too short to show its width ------------------------------------------------


@pytest.mark.parametrize("width", [72, 80])
def test_a_wrapped_title_above_a_short_summary_is_read_whole(width):
    # the summary wraps once or twice: the title and a Study Design line show the page's width as well
    design = ["Allocation: Randomized", "Intervention model: Parallel Assignment",
              "Intervention model description: Patients are randomized to droperidol or to metoclopramide with "
              "diphenhydramine, given intravenously over two minutes", "Masking: None (Open Label)",
              "Primary purpose: Treatment", "Enrollment: 38 (Actual)"]
    record, problems = _read(_page(design=design, width=width))
    assert record.study["brief_title"] == TITLE and problems == []
    assert record.tables["designs"][0]["intervention_model_description"] == design[2].split(": ", 1)[1]


def test_a_wrapped_contact_below_a_short_summary_is_read_whole():
    name = "There may be multiple sites in this clinical trial. 1-877-CTLILLY (1-877-285-4559) or"
    keys = [*KEYS[:3], f"Contact {name}", "Phone 1-317-615-4559", "Email ClinicalTrials.gov@lilly.com", *KEYS[3:]]
    title = ("A Study of Orforglipron (LY3502970) in Adult Participants With Obesity or Overweight With "
             "Weight-Related Comorbidities")
    record, problems = _read(_page(title=title, keys=keys, width=80))
    assert _contacts(record) == [(name, "1-317-615-4559", "ClinicalTrials.gov@lilly.com")]
    assert record.study["brief_title"] == title and problems == []


def test_a_short_page_not_wrapped_keeps_two_lines_above_the_summary_undecided():
    # nothing on the page is wrapped: whether the line above the title is the site's or the title's cannot be told
    record, problems = _read(_page(title="Clinical Trials Database\nA Study of Tofacitinib"))
    assert isinstance(record.study["brief_title"], Refused)
    assert [reason for reason, _ in problems] == ["unreadable title: its lines undecided"]


# Study Design values a wrapped page broke over lines -----------------------------------------------------------


LONG_SUMMARY = " ".join([SHORT_SUMMARY] * 4)
MASKING_DESCRIPTION = ("The following individuals should be blinded in the ASCEND Clinical Trial: Participants, who "
                       "consent to be blinded to the treatment they receive; Outcome Assessors, the Clinicians "
                       "completing the neurological examination; and the Study Statistician until Database Lock.")
MODEL_DESCRIPTION = ("We will use a 3 center, 3-arm, parallel group, open label, stratified randomized controlled "
                     "trial design with a 1:1:1 allocation ratio and blinding of outcome assessors.")
BIOSPECIMENS = ("Tumor DNA of index case will be extracted from 10 ml of PB collected at diagnosis in EDTA tubes. "
                "Mononuclear cells from PB (PBMC) will be separated and isolated by Ficoll gradient. Tumor DNA will be "
                "extracted soon after the isolation. Germline DNA of affected relatives will be extracted from Saliva "
                "Samples collected at Home.")


@pytest.mark.parametrize("width", [60, 72, 80, 100])
def test_study_design_descriptions_wrapped_over_lines_are_read_whole(width):
    design = ["Allocation: Randomized", "Intervention model: Parallel Assignment",
              f"Intervention model description: {MODEL_DESCRIPTION}", "Masking: Single (Outcomes Assessor)",
              f"Masking description: {MASKING_DESCRIPTION}", "Primary purpose: Treatment", "Enrollment: 60 (Actual)"]
    record, problems = _read(_page(summary=LONG_SUMMARY, design=design, width=width))
    row = record.tables["designs"][0]
    assert (row["allocation"], row["intervention_model"], row["masking"], row["primary_purpose"]) == (
        "RANDOMIZED", "PARALLEL", "SINGLE", "TREATMENT")
    assert (row["intervention_model_description"], row["masking_description"]) == (MODEL_DESCRIPTION,
                                                                                   MASKING_DESCRIPTION)
    assert (record.study["enrollment"], record.study["enrollment_type"]) == (60, "ACTUAL") and problems == []


@pytest.mark.parametrize("width", [64, 72, 80])
def test_an_observational_design_s_biospecimen_description_wrapped_is_read_whole(width):
    design = ["Observational model: Case-Control", "Time perspective: Prospective", "Enrollment: 120 (Anticipated)",
              "Biospecimen retention: Samples With DNA", f"Biospecimen description: {BIOSPECIMENS}"]
    keys = [line for line in KEYS if not line.startswith(("Phase", "Why", "Status"))] + ["Status Recruiting"]
    record, problems = _read(_page(summary=LONG_SUMMARY, design=design, keys=keys, width=width))
    assert (record.study["biospec_retention"], record.study["biospec_description"]) == ("SAMPLES_WITH_DNA",
                                                                                        BIOSPECIMENS)
    assert record.tables["designs"][0]["observational_model"] == "CASE_CONTROL" and problems == []


def test_a_full_study_design_line_above_a_labelled_line_leaves_that_line_its_own():
    # the description's line is full, yet the line below starts with a label: it is the next value
    description = "Participants are randomized to one of two arms and receive the study drug for"
    design = [f"Intervention model description: {description}", "Masking: None (Open Label)",
              "Primary purpose: Treatment"]
    record, problems = _read(_page(summary=LONG_SUMMARY, design=design, width=len(design[0])))
    row = record.tables["designs"][0]
    assert (row["intervention_model_description"], row["masking"], row["primary_purpose"]) == (
        description, "NONE", "TREATMENT")


def test_a_study_design_line_on_a_page_not_wrapped_stays_as_shown():
    # no width: a line with no label below a description is an unknown line, never joined by its length
    design = ["Masking description: Outcome assessors are blinded", "Kegel arm on a 1 to 1 ratio"]
    record, problems = _read(_page(design=design))
    assert record.tables["designs"][0]["masking_description"] == "Outcome assessors are blinded"
    assert ("unknown label", "'(a line without 'Label:')' under 'Study Design'") in problems


# Conditions a wrapped page broke inside their brackets -----------------------------------------------------------


CONDITIONS = ("Acute Lymphoblastic Leukemia, in Relapse",
              "Lymphoblastic Lymphoma (Precursor B-Lymphoblastic Lymphoma/Leukaemia) Recurrent",
              "Primary Headaches (Includes Migraines, Tension, Cluster Headaches)", "Hydration")


@pytest.mark.parametrize("width", [56, 60, 64])
def test_conditions_broken_inside_their_brackets_are_one_condition_each(width):
    record, problems = _read(_page(summary=LONG_SUMMARY, conditions=CONDITIONS, width=width))
    assert [row["name"] for row in record.tables["conditions"]] == list(CONDITIONS) and problems == []


def test_a_condition_that_fills_the_width_outside_brackets_stays_undecided():
    conditions = ("Nightmares Associated With Chronic Post-Traumatic Stress Disorder", "Nightmare")
    record, problems = _read(_page(summary=LONG_SUMMARY, conditions=conditions, width=60))
    assert [row["name"] for row in record.tables["conditions"]] == [
        "Nightmares Associated With Chronic Post-Traumatic Stress", "Disorder", "Nightmare"]
    assert [reason for reason, _ in problems] == ["unreadable value"] and "condition line(s)" in problems[0][1]


def test_a_condition_with_an_open_bracket_on_a_page_not_wrapped_is_as_shown():
    conditions = ("Primary Headaches (Includes Migraines", "Tension)")
    record, problems = _read(_page(conditions=conditions))
    assert [row["name"] for row in record.tables["conditions"]] == list(conditions) and problems == []


# A title wrapped before a word that spells a menu item ---------------------------------------------------------


def test_a_title_whose_wrapped_last_word_spells_a_menu_item_is_read_whole():
    title = "Efficacy of Ultrasound Versus Short Wave Diathermy in the Treatment of a Slipped Disc of the Lower Back"
    record, problems = _read(_page(title=title, summary=LONG_SUMMARY, width=100))
    assert record.study["brief_title"] == title and problems == []
    title = "A Study of Pain Relief for Patients Who Are Going Home"
    record, problems = _read(_page(title=title, summary=LONG_SUMMARY, width=len(title) - 1))
    assert record.study["brief_title"] == title and problems == []


def test_a_menu_item_set_apart_below_the_title_is_no_part_of_it():
    title = "Efficacy of Ultrasound Versus Short Wave Diathermy in the Treatment of a Slipped Disc of the Lower"
    record, problems = _read(_page(title=f"{title}\n\nBack", summary=LONG_SUMMARY, width=100))
    assert record.study["brief_title"] == title and problems == []
    record, problems = _read(_page(title="A Study of Tofacitinib\nBack"))  # not full: the site's link
    assert record.study["brief_title"] == "A Study of Tofacitinib" and problems == []


# Real records round-tripped through the page -------------------------------------------------------------------


_STUDY = ("brief_title", "overall_status", "phase", "study_type", "enrollment", "enrollment_type", "start_date",
          "start_date_precision", "primary_completion_date", "primary_completion_date_precision", "completion_date",
          "completion_date_precision", "why_stopped", "source", "biospec_retention", "biospec_description")
_DESIGN = ("allocation", "intervention_model", "intervention_model_description", "observational_model",
           "time_perspective", "primary_purpose", "masking", "masking_description", "subject_masked",
           "caregiver_masked", "investigator_masked", "outcomes_assessor_masked")
_ELIGIBILITY = ("gender", "minimum_age", "maximum_age", "healthy_volunteers")
# Every seventh record of the corpus in file order: 43 studies of every status, type and phase.
_EVERY = 7


def _shown(value):
    """A value as a page can show it: text with its line breaks and runs of spaces as single spaces."""
    return " ".join(value.split()) if isinstance(value, str) else value


def _fields(record) -> dict[str, object]:
    """The fields a trial-summary page shows, of one study as read."""
    tables = record.tables
    study, design = (tables.get("studies") or [{}])[0], (tables.get("designs") or [{}])[0]
    eligibility = (tables.get("eligibilities") or [{}])[0]
    return {
        **{f"studies.{column}": _shown(study.get(column)) for column in _STUDY},
        **{f"designs.{column}": _shown(design.get(column)) for column in _DESIGN},
        **{f"eligibilities.{column}": eligibility.get(column) for column in _ELIGIBILITY},
        "conditions": [_shown(row["name"]) for row in tables.get("conditions", [])],
        "sponsors": sorted((row["lead_or_collaborator"], _shown(row["name"])) for row in tables.get("sponsors", [])),
        "central_contacts": [(row["name"], row["phone"], row["email"]) for row in tables.get("central_contacts", [])],
        "brief_summaries": [_shown(row["description"]) for row in tables.get("brief_summaries", [])],
        "detailed_descriptions": [text for row in tables.get("detailed_descriptions", [])
                                  if (text := _shown(row["description"]))],
    }


@cache
def _sample() -> tuple[tuple[dict, dict], ...]:
    """(API v2 record, its fields as the registry's reader reads them) of the sampled corpus records."""
    paths = sorted((CORPUS / "json_v2").glob("*.json"))[::_EVERY]
    return tuple((json.loads(path.read_bytes()), _fields(ctgov_json_v2.parse(path.read_bytes()).records[0]))
                 for path in paths)


_SAVED = {
    "as shown": summary_render.render,
    "wrapped at 80 columns": lambda record: summary_render.wrapped(summary_render.render(record)),
    "with Windows line ends": lambda record: summary_render.crlf(summary_render.render(record)),
    "copied with tabs": summary_render.tabbed,
    "with bulleted conditions": summary_render.bulleted,
    "with the site's cookie notice and footer": summary_render.with_site_text,
    "with a stopped study's reason beside its status": summary_render.reason_beside_status,
}


# What the pages cannot tell: conditions exactly 80 characters long, each but the last followed by a line that may be
# its wrapped rest or the next condition, on a page wrapped at 80 columns (each line loaded, and the problem said).
_UNDECIDABLE = {"NCT05751044 wrapped at 80 columns": ["problem: unreadable value"]}


@needs_corpus
def test_real_records_read_from_their_pages_as_the_registry_gives_them():
    differing: dict[str, list[str]] = {}
    for record, expected in _sample():
        nct_id = record["protocolSection"]["identificationModule"]["nctId"]
        for saved, page_of in _SAVED.items():
            parsed = SUMMARY_TEXT.parse(page_of(record).encode("utf-8"))
            got = _fields(parsed.records[0]) if parsed.records else {}
            wrong = [field for field in expected if got.get(field) != expected[field]]
            wrong += [f"problem: {problem.reason}" for problem in parsed.problems]
            if wrong:
                differing[f"{nct_id} {saved}"] = wrong
    assert len(_sample()) == 43 and differing == _UNDECIDABLE
