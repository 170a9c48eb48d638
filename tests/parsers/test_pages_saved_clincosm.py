"""clincosm pages as users save them: wrapped at a fixed width (72, 80, 100 or 132 columns, as a browser's 'save as
text' or a print turned back into text leaves them) or copied from a browser (the site's 'Show more' and 'Back to
top', a 'Show all 45 locations' line, breadcrumbs above the title, tabs between a label and its value, blank lines
lost or doubled, no-break spaces, typographic quotes), read as the page itself; and a status whose note never closes
its bracket. Pages are made from small API v2 records (tests/parsers/clincosm_render.py) and from the corpus."""
from __future__ import annotations

import copy
from collections import Counter
import json
import re
import textwrap

import pytest

from flows.parsers import ctgov_classic_text, ctgov_json_v2
from flows.parsers.ctgov_classic_text.wrapped_lines import unwrapped
from flows.parsers.model import Refused
from tests.parsers.clincosm_render import differences, render
from tests.parsers.page_variants import CLASSIC
from tests.shared_corpus import CORPUS, needs_corpus

# A summary long enough that a copy wrapping its lines shows its width on many lines.
_SUMMARY = ("Lumbar disc herniation is a common cause of sciatica in adults of working age, and most patients "
            "improve with conservative care within three months. " * 4).strip()
_RECORD = {"protocolSection": {
    "identificationModule": {"nctId": "NCT01234567", "briefTitle": "Biopsy of the Multifidus Muscle in Disc Hernia",
                             "officialTitle": "Multifidus Muscle Changes in Patients With a Unilateral Disc Hernia",
                             "orgStudyIdInfo": {"id": "LDH-2023-01"}},
    "statusModule": {"overallStatus": "RECRUITING", "statusVerifiedDate": "2024-01",
                     "startDateStruct": {"date": "2023-03-20", "type": "ACTUAL"},
                     "completionDateStruct": {"date": "2025-06", "type": "ESTIMATED"},
                     "studyFirstPostDateStruct": {"date": "2023-02-01"},
                     "lastUpdatePostDateStruct": {"date": "2024-01-15"}},
    "sponsorCollaboratorsModule": {"leadSponsor": {"name": "Acme University Hospital", "class": "OTHER"}},
    "descriptionModule": {"briefSummary": _SUMMARY},
    "conditionsModule": {"conditions": ["Lumbar Disc Herniation"]},
    "designModule": {"studyType": "INTERVENTIONAL", "phases": ["NA"],
                     "designInfo": {"allocation": "NA", "interventionModel": "SINGLE_GROUP",
                                    "primaryPurpose": "BASIC_SCIENCE", "maskingInfo": {"masking": "NONE"}},
                     "enrollmentInfo": {"count": 40, "type": "ESTIMATED"}},
    "armsInterventionsModule": {
        "armGroups": [{"label": "LDH (lumbar disc hernia)", "type": "EXPERIMENTAL",
                       "interventionNames": ["Procedure: Biopsy"]}],
        "interventions": [{"type": "PROCEDURE", "name": "Biopsy", "description": "Bilateral biopsy of the muscle.",
                           "armGroupLabels": ["LDH (lumbar disc hernia)"]}]},
    "outcomesModule": {"primaryOutcomes": [{"measure": "Fat infiltration of the multifidus muscle",
                                            "timeFrame": "At surgery"}]},
    "eligibilityModule": {"eligibilityCriteria": "Inclusion Criteria:\n\n* Unilateral disc hernia\n\nExclusion "
                                                 "Criteria:\n\n* Prior spine surgery", "healthyVolunteers": False,
                          "sex": "ALL", "minimumAge": "18 Years", "maximumAge": "70 Years"},
    "contactsLocationsModule": {"locations": [{"facility": "Acme University Hospital", "city": "Ghent",
                                               "country": "Belgium", "status": "RECRUITING"}]},
    "oversightModule": {"isFdaRegulatedDrug": False, "isFdaRegulatedDevice": False}}}


def _record(**changes) -> dict:
    """The record with modules changed ('designModule.phases': [...] sets a key inside a module)."""
    record = copy.deepcopy(_RECORD)
    for path, value in changes.items():
        module, _, key = path.partition("__")
        target = record["protocolSection"].setdefault(module, {})
        if key:
            target[key] = value
        else:
            record["protocolSection"][module] = value
    return record


def _wrapped(page: str, width: int) -> str:
    """The page as a browser saves it as text at a fixed width: each longer line wrapped between words."""
    return "\n".join("\n".join(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False))
                     if len(line) > width else line for line in page.split("\n"))


def _read(page: str):
    parsed = ctgov_classic_text.parse(page.encode("utf-8"))
    (record,) = parsed.records
    return record.tables, [problem.reason for problem in parsed.problems]


def _as_page(record: dict, saved) -> list[str]:
    """The saved page's reading against the page's own (the record rendered): the fields that differ, and the
    problems the saved page has that the page has not."""
    page = render(record)
    tables, problems = _read(page)
    saved_tables, saved_problems = _read(saved(page))
    return sorted(differences(tables, saved_tables)) + sorted((Counter(saved_problems) - Counter(problems)).elements())


def _at(width: int):
    return lambda page: _wrapped(page, width)


# Wrapped pages: lines of the page that stand on their own below a full line ------------------------------------------

_FULL_ROW_SITE = {"facility": "Chair of Hematology and Bone Marrow Transplant Unit", "city": "Brescia",
                  "country": "Italy", "zip": "25123", "status": "RECRUITING"}


def test_a_sites_status_below_a_row_that_fills_the_width_is_the_sites_status():
    # the row and 'Recruiting' were one line: no known country ended it, the site and Italy were lost
    record = _record(contactsLocationsModule={"locations": [_FULL_ROW_SITE]})
    assert len("1 Chair of Hematology and Bone Marrow Transplant Unit Brescia Italy 25123") in range(70, 81)
    assert _as_page(record, _at(80)) == []


_DERIVED = {"type": "DERIVED", "pmid": "33974585", "citation": (
    "Gomez SM, Varela MA, Ruiz C, Sung L. Comparable Outcomes of Matched Sibling Donor and Matched Unrelated Donor "
    "Stem Cell Transplantation in Children With Acute Leukemia in Argentina. J Pediatr Hematol Oncol. 2021 Oct "
    "1;43(7):e1020-e1024. doi: 10.1097/MPH.0000000000002174.")}
_BACKGROUND_FULL = {"type": "BACKGROUND", "pmid": "12065987", "citation": (
    "Birkmeyer NJ, Weinstein JN, Tosteson AN, Tosteson TD, Skinner JS, Lurie JD, Deyo R, Wennberg JE. Design of the "
    "Spine Patient outcomes Research Trial (SPORT). Spine (Phila Pa 1976). 2002 Jun 15;27(12):1361-72. doi: "
    "10.1097/00007632-200206150-00020.")}


@pytest.mark.parametrize("width", [60, 72, 80])
def test_the_registrys_indexed_publications_label_wrapped_is_one_label(width):
    # 'Publications automatically indexed to this study by ClinicalTrials.gov' / 'Identifier (NCT Number):': the
    # citation lost its kind and PubMed id (the first line was read as the citation)
    record = _record(referencesModule={"references": [_DERIVED]})
    assert _as_page(record, _at(width)) == []
    tables, _ = _read(_wrapped(render(record), width))
    assert [(row["reference_type"], row["pmid"]) for row in tables["study_references"]] == [("DERIVED", "33974585")]


def test_the_indexed_label_below_a_citation_that_fills_the_width_is_no_part_of_the_citation():
    record = _record(referencesModule={"references": [_BACKGROUND_FULL, _DERIVED]})
    cited = "10.1097/00007632-200206150-00020. PubMed 12065987\nPublications automatically"
    assert cited in _wrapped(render(record), 80)
    assert _as_page(record, _at(80)) == []


def test_a_keywords_label_naming_a_long_sponsor_wrapped_is_one_label():
    lead = {"name": "Academisch Medisch Centrum - Universiteit van Amsterdam (AMC-UvA)", "class": "OTHER"}
    record = _record(sponsorCollaboratorsModule={"leadSponsor": lead},
                     conditionsModule={"conditions": ["Esophageal Neoplasms"],
                                       "keywords": ["Lymph node metastases", "Esophagectomy"]})
    assert _as_page(record, _at(80)) == []


_LONG_INTERVENTION = "Multifidus muscle biopsy during minimally invasive back surgery"


def test_the_phase_below_a_listed_intervention_that_fills_the_width_is_the_phase():
    # '  • Procedure: Multifidus muscle biopsy during minimally invasive back surgery' / 'N/A': the phase was read
    # as part of the intervention's name
    record = _record(armsInterventionsModule={
        "armGroups": [{"label": "LDH", "type": "EXPERIMENTAL",
                       "interventionNames": [f"Procedure: {_LONG_INTERVENTION}"]}],
        "interventions": [{"type": "PROCEDURE", "name": _LONG_INTERVENTION, "armGroupLabels": ["LDH"],
                           "description": "Bilateral biopsy of the multifidus muscle."}]})
    tables, problems = _read(_wrapped(render(record), 80))
    assert tables["studies"][0]["phase"] == "NA"
    # and the arm's intervention line, as wide, keeps the description below it as its own
    assert [(row["name"], row["description"]) for row in tables["interventions"]] == [
        (_LONG_INTERVENTION, "Bilateral biopsy of the multifidus muscle.")]
    assert tables["design_groups"][0]["description"] is None and problems == []


def test_a_listed_intervention_below_a_description_that_fills_the_width_starts_the_next_intervention():
    cart = "CD19 CAR-T cells will be administered after completion of the chemotherapy."
    record = _record(armsInterventionsModule={
        "armGroups": [{"label": "CD19 CAR-T", "type": "EXPERIMENTAL",
                       "interventionNames": ["Biological: CD19 CAR-T cells", "Drug: Cyclophosphamide"]}],
        "interventions": [
            {"type": "BIOLOGICAL", "name": "CD19 CAR-T cells", "description": cart, "armGroupLabels": ["CD19 CAR-T"]},
            {"type": "DRUG", "name": "Cyclophosphamide", "description": "250 mg/m2/day IV on days -5 to -3.",
             "armGroupLabels": ["CD19 CAR-T"]}]})
    assert f"\n{cart}\nDrug: Cyclophosphamide\n" in _wrapped(render(record), 80) and len(cart) + 6 > 80
    assert _as_page(record, _at(80)) == []


def test_a_web_address_wider_than_the_copy_leaves_it_read_as_wrapped():
    # the address was taken for the copy's width: nothing was read as wrapped, the title's last line was the title
    ipd = {"ipdSharing": "YES", "url": "https://www.bms.com/researchers-and-partners/clinical-trials-and-research/"
                                       "disclosure-commitment.html",
           "description": "BMS will provide access to individual anonymized participant data upon request from "
                          "qualified researchers. Further information can be found at: https://www.bms.com/"
                          "researchers-and-partners/clinical-trials-and-research/disclosure-commitment.html"}
    title = ("Study to Compare the Effectiveness and Safety of Golcadomide Plus R-CHOP vs Placebo Plus R-CHOP in "
             "Participants With Previously Untreated High-risk Large B-cell Lymphoma")
    record = _record(ipdSharingStatementModule=ipd, identificationModule__briefTitle=title)
    assert _as_page(record, _at(80)) == []


@pytest.mark.parametrize("width", [72, 80])
def test_a_wrapped_sentence_ending_with_a_colon_goes_on_and_the_labels_below_stay_labels(width):
    # '... receive the study drug in one of the two' / 'treatment arms:' was read as a label of Study Design: an
    # unknown label, and the Intervention Model Description lost; 'No plan to make individual participant data (IPD)
    # available to other researchers' / 'Studies a U.S. FDA-regulated Drug Product:' stays a label after a full line
    model = ("Participants of the study are randomised in a 1:1 ratio to the two groups of the trial, stratified by "
             "site, and receive the study drug in one of the two treatment arms:")
    ipd = {"ipdSharing": "NO", "description": "No plan to make individual participant data (IPD) available to other "
                                              "researchers"}
    record = _record(ipdSharingStatementModule=ipd)
    record["protocolSection"]["designModule"]["designInfo"]["interventionModelDescription"] = model
    assert textwrap.wrap(model, width)[-1].endswith("treatment arms:")
    assert _as_page(record, _at(width)) == []


def test_a_copy_that_breaks_only_between_words_joins_a_hyphenated_word_put_whole_below():
    # '... Targeted therapy or transplantation for paediatric' / 'ABL-class Ph-like ...': 'ABL-' would have fitted,
    # so a copy breaking at hyphens would not have broken there; this one breaks only between words
    citation = {"type": "RESULT", "pmid": "33242441", "citation": (
        "Tasian SK, Peters C. Targeted therapy or transplantation for paediatric ABL-class Ph-like acute "
        "lymphocytic leukaemia? Lancet Haematol. 2020 Dec;7(12):e858-e859. doi: 10.1016/S2352-3026(20)30369-0.")}
    record = _record(referencesModule={"references": [citation]})
    assert "for paediatric\nABL-class" in _wrapped(render(record), 80)
    assert _as_page(record, _at(80)) == []
    tables, _ = _read(_wrapped(render(record), 80))
    assert tables["study_references"][0]["pmid"] == "33242441"


@pytest.mark.parametrize("above, rest", [
    ("ABL-class Ph-like leukaemia, seen again at the two weeks visit of the follow-", "up of each of them."),
    ("ABL-class Ph-like leukaemia, seen again after two weeks and staged as a small B-", "cell lymphoma.")])
def test_a_texts_own_hyphen_before_a_space_keeps_its_space_where_the_copy_breaks_only_between_words(above, rest):
    # the copy put 'ABL-class' whole below a line it would have fitted on up to 'ABL-': it breaks only between
    # words, so a line ending in a hyphen ends with a text's own ('follow- up', 'B- cell'), and goes on after a space
    lines = ["Patients were treated with a targeted therapy or transplantation for the", above, rest]
    width = max(map(len, lines))
    assert len(lines[0]) + len(" ABL-") <= width < len(lines[0]) + len(" ABL-class")
    assert unwrapped(lines) == [" ".join(lines)]


def test_a_copy_that_breaks_words_at_their_hyphens_joins_a_word_it_broke():
    lines = ["Patients were treated with a targeted therapy or a transplantation for paediatric ABL-",
             "class Ph-like leukaemia and were seen again at the two weeks visit of each of them."]
    assert unwrapped(lines) == ["".join(lines)]


@pytest.mark.parametrize("lines, whole", [
    # a text's own dash or markdown mark a wrap put first, below a line full to it
    (["by flow cytometry on the most recent marrow biopsy (within 30 days of enrollment", "- archived or fresh)."],
     ["by flow cytometry on the most recent marrow biopsy (within 30 days of enrollment - archived or fresh)."]),
    (["Moreover, a full sagittal spine X-ray will be made to assess the alignment.", "* Post-operative: a standard"],
     ["Moreover, a full sagittal spine X-ray will be made to assess the alignment. * Post-operative: a standard"]),
    # a bare number below another heading than the sites': no site row
    (["Outcome Measures", "Defined as the CR, CRp, CRi and MRD negativity rates after more than one or",
      "1 cycle of treatment."],
     ["Outcome Measures", "Defined as the CR, CRp, CRi and MRD negativity rates after more than one or 1 cycle of "
                          "treatment."]),
    # a title-cased line ending with a colon, below a line ending in a joining word, is a citation's rest
    (["  \u2022 Wilson JR, Yee A, Wang JC. A Clinical Practice Guideline for the Care of the",
      "Management of Patients With Degenerative Cervical Myelopathy:"],
     ["  \u2022 Wilson JR, Yee A, Wang JC. A Clinical Practice Guideline for the Care of the Management of Patients "
      "With Degenerative Cervical Myelopathy:"]),
])
def test_a_line_a_wrap_began_with_a_mark_a_number_or_a_label_shape_goes_on(lines, whole):
    assert unwrapped(lines) == whole


@pytest.mark.parametrize("lines", [
    # the page's own lines: an indented bullet, the sites table's next row, a label after a value
    ["A value that fills its line of the copy up to the wrap's width of eighty columns.", "  - Placebo tablet"],
    ["Locations", "1 Department of Neurology Mayo Clinic Rochester Minnesota United States 55905",
     "2 Mercy Health Research Saint Louis Missouri United States 63141"],
    ["A value that fills its line of the copy up to the wrap's width of eighty columns.", "Other Names:"],
])
def test_a_line_the_page_starts_itself_stays_below_a_full_line(lines):
    assert unwrapped(lines) == lines


def test_a_page_wrapped_at_132_columns_is_read_whole():
    title = ("A Study to Compare the Efficacy of Nivolumab and Relatlimab Plus Chemotherapy vs Pembrolizumab Plus "
             "Chemotherapy for Stage IV or Recurrent Non-squamous Non-small Cell Lung Cancer")
    record = _record(identificationModule__briefTitle=title,
                     descriptionModule={"briefSummary": _SUMMARY + " " + _SUMMARY})
    assert _as_page(record, _at(132)) == []


# Pages copied from a browser -------------------------------------------------------------------------------------

_SITES = [{"facility": f"Acme Clinic {name}", "city": name, "country": "Belgium", "status": "RECRUITING"}
          for name in ("Ghent", "Antwerp", "Leuven")]
_GROUPS = {"armGroups": [{"label": "Diabetic retinopathy cohort"}, {"label": "Healthy controls",
                                                                    "description": "Age-matched adults."}]}


def _copied(page: str) -> str:
    """The page as a browser copies it: the site's controls below texts and sections, breadcrumbs above."""
    page = re.sub(r"(?m)^(Brief Summary\n\n[^\n]+)$", r"\1\nShow more", page)
    page = page.replace("\n\nStudy Design\n", "\nBack to top\n\nStudy Design\n")
    page = page.replace("\n\nEligibility Criteria\n", "\n\u2191 Back to top\n\nEligibility Criteria\n")
    sites = len(re.findall(r"(?m)^\d+ \S", page.split("\nLocations\n")[-1].split("\nSponsors and Collaborators\n")[0]))
    page = page.replace("\n\nSponsors and Collaborators\n", f"\nShow all {sites} locations\n\nSponsors and "
                                                            "Collaborators\n")
    return "Home \u203a Clinical Trials \u203a Study Record\n" + page


def test_the_sites_controls_a_browser_copy_keeps_are_no_part_of_the_study():
    # 'Show more' ended the summary, 'Back to top' the descriptions, 'Show all 3 locations' was an unread site line
    record = _record(contactsLocationsModule={"locations": _SITES})
    assert _as_page(record, _copied) == []


def test_a_locations_expander_naming_more_sites_than_the_table_shows_stays_a_problem():
    record = _record(contactsLocationsModule={"locations": _SITES})
    assert _as_page(record, lambda page: page.replace(
        "\n\nSponsors and Collaborators\n", "\nShow all 45 locations\n\nSponsors and Collaborators\n")) == [
        "clincosm location row undecidable"]


def test_a_text_the_page_shows_cut_by_its_show_more_is_loaded_as_shown_and_said():
    record = _record()
    page = render(record).replace(_SUMMARY, _SUMMARY[:120] + "\u2026\nShow more")
    tables, problems = _read(page)
    assert tables["brief_summaries"] == [{"description": _SUMMARY[:120] + "\u2026"}]
    assert problems == ["unreadable value: a text the page shows cut"]


def test_blank_lines_doubled_keep_a_groups_empty_cell_apart_from_the_next_group():
    # the doubled blank line below a group's name read as its empty cell: its description became a group
    record = _record(designModule__studyType="OBSERVATIONAL", armsInterventionsModule=_GROUPS)
    assert _as_page(record, lambda page: page.replace("\n\n", "\n\n\n")) == []
    assert _as_page(record, lambda page: re.sub(r"\n(?=\n)", "\n\n", page)) == []


def test_a_label_and_its_value_parted_by_a_tab_end_the_publications_above():
    # 'ClinicalTrials.gov Identifier:<TAB>NCT01234567' was read as one more citation
    record = _record(referencesModule={"references": [_DERIVED]})
    assert _as_page(record, lambda page: page.replace("ClinicalTrials.gov Identifier:\n",
                                                      "ClinicalTrials.gov Identifier:\t")) == []


def test_a_city_with_a_typographic_apostrophe_is_read_as_the_city():
    site = {"facility": "Kootenai Health", "city": "Coeur d'Alene", "state": "Idaho", "country": "United States",
            "zip": "83814"}
    record = _record(contactsLocationsModule={"locations": [site]})
    tables, problems = _read(render(record).replace("d'Alene", "d\u2019Alene"))
    assert [(row["name"], row["city"], row["state"]) for row in tables["facilities"]] == [
        ("Kootenai Health", "Coeur d\u2019Alene", "Idaho")]
    assert problems == []


def test_an_arms_table_copied_without_blank_lines_is_a_problem_not_a_wrong_reading():
    record = _record(designModule__studyType="OBSERVATIONAL", armsInterventionsModule=_GROUPS)
    page = re.sub(r"\n\s*\n+", "\n", render(record))
    tables, problems = _read(page)
    assert "unreadable section: study groups undecided" in problems and "design_groups" not in tables


# A status whose note never closes its bracket ---------------------------------------------------------------------

def _status(shown: str):
    page = re.sub(r"(?m)^(Overall Status\n)[^\n]*\n", lambda match: match.group(1) + shown + "\n", CLASSIC, count=1)
    tables, problems = _read(page)
    return tables["studies"][0], problems


@pytest.mark.parametrize("shown", ["Terminated (Lack of funding", "Recruiting (Enrolling in", "Completed [Results",
                                   "Unknown status (was Recruiting", "Withdrawn (PI left the\ninstitution"])
def test_a_status_whose_note_never_closes_is_refused_as_shown(shown):
    # the line was loaded as the status, a value the registry never gives, with nothing said
    study, problems = _status(shown)
    assert isinstance(study["overall_status"], Refused) and study["overall_status"].raw == " ".join(shown.split("\n"))
    assert "never closes" in study["overall_status"].expected
    assert study.get("why_stopped") is None and problems == []


@pytest.mark.parametrize("shown, status, why", [
    ("Recruiting (", "RECRUITING", None), ("Completed [", "COMPLETED", None),
    ("Terminated (Lack of funding)", "TERMINATED", "Lack of funding"),
    ("Terminated (Lack of\nfunding)", "TERMINATED", "Lack of funding")])
def test_a_status_with_an_empty_or_a_closed_note_reads_as_before(shown, status, why):
    study, problems = _status(shown)
    assert (study["overall_status"], study.get("why_stopped"), problems) == (status, why, [])


# Corpus records in each saved form ---------------------------------------------------------------------------------

_SAMPLE_STEP, _SAMPLE_SIZE = 7, 40
_WIDTHS = (72, 80, 100, 132)
_SAME_TO_A_READER = str.maketrans({"\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


def _browser_copy(page: str) -> str:
    """A browser's copy: controls, breadcrumbs, blank lines doubled, tabs after the labels, no-break spaces and
    typographic quotes."""
    page = _copied(re.sub(r"(?m)^([A-Z][^\n:]{2,40}:)\n(?=[^\s\n])", "\\1\t", page)).replace("\n\n", "\n\n\n")
    return re.sub(r'"([^"\n]*)"', "\u201c\\1\u201d", page.replace("'", "\u2019")).replace(" of ", " of\u00a0")


def _seen(value):
    """A value as a reader sees it: typographic quotes and no-break spaces as plain ones."""
    if isinstance(value, str):
        return value.translate(_SAME_TO_A_READER)
    if isinstance(value, dict):
        return {key: _seen(item) for key, item in value.items()}
    return [_seen(item) for item in value] if isinstance(value, list) else value


# The saved forms of a page (a record's place in the sample picks the width of its wrapped form).
_SAVED = {"wrapped": lambda page, at: _wrapped(page, _WIDTHS[at % len(_WIDTHS)]),
          "browser copy": lambda page, at: _browser_copy(page)}


@needs_corpus
@pytest.mark.parametrize("saved", _SAVED)
def test_corpus_records_read_from_their_saved_pages_as_from_the_page(saved):
    paths = sorted((CORPUS / "json_v2").glob("*.json"))[::_SAMPLE_STEP][:_SAMPLE_SIZE]
    assert len(paths) == _SAMPLE_SIZE
    found = {}
    for at, path in enumerate(paths):
        raw = path.read_bytes()
        (record,) = ctgov_json_v2.parse(raw).records
        page = render(json.loads(raw))
        shown = ctgov_classic_text.parse(page.encode())
        copied = ctgov_classic_text.parse(_SAVED[saved](page, at).encode())
        expected = _seen(record.tables)
        plain, read = differences(expected, shown.records[0].tables), differences(
            expected, _seen(copied.records[0].tables))
        problems = sorted(problem.reason for problem in copied.problems)
        if read != plain or problems != sorted(problem.reason for problem in shown.problems):
            found[record.nct_id] = sorted(set(read) ^ set(plain)) or problems
    assert found == {}
