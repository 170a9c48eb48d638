"""Missing-field rules on records worded as real records word a missing value: placeholders for a value still to come
('Pending', 'TBC', 'x'), wrapped in markdown, brackets, no-break spaces or HTML entities, a field's own label given
as its value ('Summary'), a pointer to somewhere else ('See protocol', 'Please contact site'), a summary that only
repeats the title, criteria of their headings alone; and values that look like placeholders but are names ('TBI',
'Pendred Syndrome', 'Pending Therapeutics', 'TBD-1234 in Asthma'), study types and eras that require less, and a
field-selected extract, said once. All shapes share one warehouse; each gets exactly the findings it names."""
from __future__ import annotations

from datetime import date

import pytest

from checks import missing_fields
from tests.checks import harness

TITLE = "missing_fields.no_title"
CONDITIONS = "missing_fields.no_conditions"
PRIMARY = "missing_fields.no_primary_outcome"
SUMMARY = "missing_fields.no_brief_summary"
CRITERIA = "missing_fields.no_eligibility_criteria"
SPONSOR = "missing_fields.no_lead_sponsor"
ENROLLMENT = "missing_fields.no_enrollment"
START = "missing_fields.no_start_date"
COMPLETION = "missing_fields.no_completion_date"
PHASE = "missing_fields.no_phase"
EXTRACT = "missing_fields.field_selected_extract"

BRIEF_TITLE = harness.CLEAN_STUDY["studies"][0]["brief_title"]
OFFICIAL_TITLE = harness.CLEAN_STUDY["studies"][0]["official_title"]
NO_DETAILS = {"detailed_descriptions": []}


def _title(brief: str | None, official: str | None = None) -> tuple[dict, dict]:
    return {"brief_title": brief, "official_title": official}, {}


def _conditions(*names: str) -> tuple[dict, dict]:
    return {}, {"conditions": [{"name": name} for name in names]}


def _outcome(measure: str, description: str | None = None) -> tuple[dict, dict]:
    return {}, {"design_outcomes": [{"outcome_type": "primary", "measure": measure, "time_frame": "12 weeks",
                                     "description": description}]}


def _summary(text: str, **tables: list[dict]) -> tuple[dict, dict]:
    return {}, {"brief_summaries": [{"description": text}], **tables}


def _criteria(text: str, **tables: list[dict]) -> tuple[dict, dict]:
    row = dict(harness.CLEAN_STUDY["eligibilities"][0], criteria=text)
    return {}, {"eligibilities": [row], **tables}


def _sponsor(source: str | None, lead: str | None = None) -> tuple[dict, dict]:
    rows = [] if lead is None else [{"agency_class": "OTHER", "lead_or_collaborator": "lead", "name": lead}]
    return {"source": source}, {"sponsors": rows}


def _no_title(given: str = "") -> dict:
    return {TITLE: ("error", f"Study has no title{given}.")}


def _no_conditions(given: str = "") -> dict:
    return {CONDITIONS: ("warning", f"Study lists no condition or disease{given}.")}


def _no_primary(given: str = "") -> dict:
    return {PRIMARY: ("warning", f"Interventional study lists no primary outcome{given}.")}


def _no_summary(given: str = "") -> dict:
    return {SUMMARY: ("info", f"Study has no brief summary{given}.")}


def _no_criteria(given: str = "") -> dict:
    return {CRITERIA: ("info", f"Study gives no eligibility criteria{given}.")}


def _no_sponsor(given: str = "") -> dict:
    return {SPONSOR: ("warning", f"Study names no lead sponsor{given}.")}


QUIET: dict = {}

# name: ((studies values, tables that replace the clean study's), {rule id: (severity, message)} of every finding)
TITLES = {
    "title 'To be determined'": (_title("To be determined"), _no_title(", only 'To be determined'")),
    "title 'TBA'": (_title("TBA"), _no_title(", only 'TBA'")),
    "title 'Pending'": (_title("Pending"), _no_title(", only 'Pending'")),
    "title 'Not yet known'": (_title("Not yet known"), _no_title(", only 'Not yet known'")),
    "title 'TBC'": (_title("TBC"), _no_title(", only 'TBC'")),
    "title 'N.A.'": (_title("N.A."), _no_title(", only 'N.A.'")),
    "title 'n/a.'": (_title("n/a."), _no_title(", only 'n/a.'")),
    "title '--'": (_title("--"), _no_title(", only '--'")),
    "title '...'": (_title("..."), _no_title(", only '...'")),
    "title 'x' of a template": (_title("x"), _no_title(", only 'x'")),
    "title of a no-break space": (_title("\u00a0"), _no_title()),
    "title 'N/A' and a no-break space": (_title("N/A\u00a0"), _no_title(", only 'N/A'")),
    "title '&nbsp;'": (_title("&nbsp;"), _no_title(", only '&nbsp;'")),
    "title '**' of markdown": (_title("**"), _no_title(", only '**'")),
    "title '**TBD**' of markdown": (_title("**TBD**"), _no_title(", only '**TBD**'")),
    "title 'Title', the form's label": (_title("Title"), _no_title(", only 'Title'")),
    "titles 'TBD' and 'Pending'": (_title("TBD", "Pending"), _no_title(", only 'TBD' and 'Pending'")),
    "title '(none)'": (_title("(none)"), _no_title(", only '(none)'")),
    "title 'Non applicable'": (_title("Non applicable"), _no_title(", only 'Non applicable'")),
    "title 'TBD-1234 in Asthma'": (_title("TBD-1234 in Asthma"), QUIET),
    "title 'TBA-7 in Healthy Volunteers'": (_title("TBA-7 in Healthy Volunteers"), QUIET),
    "title 'X-linked Hypophosphatemia Study'": (_title("X-linked Hypophosphatemia Study"), QUIET),
    "title 'NA-001: Sodium Intake in Heart Failure'": (_title("NA-001: Sodium Intake in Heart Failure"), QUIET),
    "title 'Pending' beside a real official title": (_title("Pending", OFFICIAL_TITLE), QUIET),
    "title 'None' beside a real official title": (_title("None", OFFICIAL_TITLE), QUIET),
    "title 'Summary of Safety Data for Drug X'": (_title("Summary of Safety Data for Drug X"), QUIET),
    "title 'X4P-001 in WHIM Syndrome'": (_title("X4P-001 in WHIM Syndrome"), QUIET),
}

CONDITION_SHAPES = {
    "condition 'To be determined'": (_conditions("To be determined"), _no_conditions(", only 'To be determined'")),
    "condition 'Pending'": (_conditions("Pending"), _no_conditions(", only 'Pending'")),
    "condition 'TBC'": (_conditions("TBC"), _no_conditions(", only 'TBC'")),
    "condition 'N.A.'": (_conditions("N.A."), _no_conditions(", only 'N.A.'")),
    "condition 'NA'": (_conditions("NA"), _no_conditions(", only 'NA'")),
    "condition '--'": (_conditions("--"), _no_conditions(", only '--'")),
    "condition 'x'": (_conditions("x"), _no_conditions(", only 'x'")),
    "condition of a no-break space": (_conditions("\u00a0"), _no_conditions()),
    "condition 'N/A' and a no-break space": (_conditions("N/A\u00a0"), _no_conditions(", only 'N/A'")),
    "condition '&nbsp;'": (_conditions("&nbsp;"), _no_conditions(", only '&nbsp;'")),
    "condition '* ' of a markdown list": (_conditions("* "), _no_conditions(", only '*'")),
    "condition '**N/A**'": (_conditions("**N/A**"), _no_conditions(", only '**N/A**'")),
    "condition '- TBD'": (_conditions("- TBD"), _no_conditions(", only '- TBD'")),
    "condition 'See description'": (_conditions("See description"), _no_conditions(", only 'See description'")),
    "condition 'See Detailed Description'":
        (_conditions("See Detailed Description"), _no_conditions(", only 'See Detailed Description'")),
    "condition 'Please see below.'": (_conditions("Please see below."), _no_conditions(", only 'Please see below.'")),
    "condition 'See protocol'": (_conditions("See protocol"), _no_conditions(", only 'See protocol'")),
    "condition 'Condition', the form's label": (_conditions("Condition"), _no_conditions(", only 'Condition'")),
    "condition 'Ninguno'": (_conditions("Ninguno"), _no_conditions(", only 'Ninguno'")),
    "condition 'Not aplicable', misspelt": (_conditions("Not aplicable"), _no_conditions(", only 'Not aplicable'")),
    "conditions 'TBD' and '&nbsp;'": (_conditions("TBD", "&nbsp;"), _no_conditions(", only '&nbsp;', 'TBD'")),
    "condition 'None'": (_conditions("None"), _no_conditions(", only 'None'")),
    "condition 'Healthy'": (_conditions("Healthy"), QUIET),
    "condition 'Healthy Volunteers'": (_conditions("Healthy Volunteers"), QUIET),
    "condition 'Healthy Volunteer (HV)'": (_conditions("Healthy Volunteer (HV)"), QUIET),
    "condition 'NA' beside 'Asthma'": (_conditions("NA", "Asthma"), QUIET),
    "condition 'TBI'": (_conditions("TBI"), QUIET),
    "condition 'TB'": (_conditions("TB"), QUIET),
    "condition 'Pendred Syndrome'": (_conditions("Pendred Syndrome"), QUIET),
    "condition 'X-Linked Adrenoleukodystrophy'": (_conditions("X-Linked Adrenoleukodystrophy"), QUIET),
    "condition '46,XX Testicular DSD'": (_conditions("46,XX Testicular DSD"), QUIET),
    "condition 'Fever of Unknown Origin'": (_conditions("Fever of Unknown Origin"), QUIET),
    "condition 'Nil Lesion Nephropathy'": (_conditions("Nil Lesion Nephropathy"), QUIET),
    "condition 'Ocular Hypertension (see description)'":
        (_conditions("Ocular Hypertension (see description)"), QUIET),
    "condition 'Description of Cough in Asthma'": (_conditions("Description of Cough in Asthma"), QUIET),
    "condition 'NAFLD'": (_conditions("NAFLD"), QUIET),
}

OUTCOMES = {
    "primary outcome 'Pending'": (_outcome("Pending"), _no_primary(", only 'Pending'")),
    "primary outcome 'TBC.'": (_outcome("TBC."), _no_primary(", only 'TBC.'")),
    "primary outcome 'x'": (_outcome("x"), _no_primary(", only 'x'")),
    "primary outcome '&nbsp;'": (_outcome("&nbsp;"), _no_primary(", only '&nbsp;'")),
    "primary outcome 'N/A' and a no-break space": (_outcome("N/A\u00a0"), _no_primary(", only 'N/A'")),
    "primary outcome '(TBD)'": (_outcome("(TBD)"), _no_primary(", only '(TBD)'")),
    "primary outcome 'Primary outcome:', the form's label":
        (_outcome("Primary outcome:"), _no_primary(", only 'Primary outcome:'")),
    "primary outcome 'Not yet decided'": (_outcome("Not yet decided"), _no_primary(", only 'Not yet decided'")),
    "primary outcome 'To be determined'": (_outcome("To be determined"), _no_primary(", only 'To be determined'")),
    "primary outcome '...'": (_outcome("..."), _no_primary(", only '...'")),
    "primary outcome 'See description' without one":
        (_outcome("See description"), _no_primary(", only 'See description'")),
    "primary outcome 'Please see below' without a description":
        (_outcome("Please see below", " "), _no_primary(", only 'Please see below'")),
    "primary outcome 'See protocol'": (_outcome("See protocol"), _no_primary(", only 'See protocol'")),
    "primary outcome 'See description' whose description is 'N/A'":
        (_outcome("See description", "N/A"), _no_primary(", only 'See description'")),
    "primary outcome 'See description' whose description is a line break":
        (_outcome("See description", "\n"), _no_primary(", only 'See description'")),
    "primary outcome 'See description' that its description gives":
        (_outcome("See description", "Change in HbA1c from baseline to week 24"), QUIET),
    "primary outcome 'TBARS level'": (_outcome("TBARS level"), QUIET),
    "primary outcome 'X-ray healing at 12 weeks'": (_outcome("X-ray healing at 12 weeks"), QUIET),
    "primary outcome 'Description of adverse events'": (_outcome("Description of adverse events"), QUIET),
    "primary outcome 'Pending discharge time'": (_outcome("Pending discharge time"), QUIET),
    "primary outcome 'NA+ level'": (_outcome("NA+ level"), QUIET),
    "primary outcome 'Summary score of the SF-36'": (_outcome("Summary score of the SF-36"), QUIET),
}

SUMMARIES = {
    "summary 'Summary'": (_summary("Summary"), _no_summary(", only 'Summary'")),
    "summary 'Brief Summary:'": (_summary("Brief Summary:"), _no_summary(", only 'Brief Summary:'")),
    "summary 'TBC'": (_summary("TBC"), _no_summary(", only 'TBC'")),
    "summary 'Pending'": (_summary("Pending"), _no_summary(", only 'Pending'")),
    "summary 'To be determined'": (_summary("To be determined"), _no_summary(", only 'To be determined'")),
    "summary 'NA'": (_summary("NA"), _no_summary(", only 'NA'")),
    "summary '&nbsp;'": (_summary("&nbsp;"), _no_summary(", only '&nbsp;'")),
    "summary of no-break spaces": (_summary("\u00a0\u00a0"), _no_summary()),
    "summary of a line break and a tab": (_summary("\n\t"), _no_summary()),
    "summary the brief title again": (_summary(BRIEF_TITLE), _no_summary(", only its title again")),
    "summary the brief title again, lower case with a full stop":
        (_summary(BRIEF_TITLE.lower() + "."), _no_summary(", only its title again")),
    "summary the official title again": (_summary(OFFICIAL_TITLE), _no_summary(", only its title again")),
    "summary 'See detailed description' where the record gives none":
        (_summary("See detailed description", **NO_DETAILS), _no_summary(", only 'See detailed description'")),
    "summary 'Please see below.' where the record gives no description":
        (_summary("Please see below.", **NO_DETAILS), _no_summary(", only 'Please see below.'")),
    "summary 'See protocol'": (_summary("See protocol"), _no_summary(", only 'See protocol'")),
    "summary 'Please contact site for more information'":
        (_summary("Please contact site for more information"),
         _no_summary(", only 'Please contact site for more information'")),
    "summary 'See detailed description.' that the record gives": (_summary("See detailed description."), QUIET),
    "summary 'Please see below.' that the record gives": (_summary("Please see below."), QUIET),
    "summary 'Refer to the study description' that the record gives":
        (_summary("Refer to the study description"), QUIET),
    "summary that begins with the title and goes on":
        (_summary(BRIEF_TITLE + ": a 24-week pilot of baricitinib 2 mg in 40 adults."), QUIET),
    "summary that begins 'Pending FDA approval'":
        (_summary("Pending FDA approval, this trial tests drug X in adults with asthma."), QUIET),
    "summary that begins 'Summary:'": (_summary("Summary: 40 adults get drug X."), QUIET),
    "summary 'See the protocol synopsis for ...' that goes on":
        (_summary("See the protocol synopsis: a phase 2 study of baricitinib in 40 adults with pSS."), QUIET),
    "summary 'Pilot study of TENS.'": (_summary("Pilot study of TENS."), QUIET),
    "summary 'None'": (_summary("None"), _no_summary(", only 'None'")),
}

CRITERIA_SHAPES = {
    "criteria 'N/A'": (_criteria("N/A"), _no_criteria(", only 'N/A'")),
    "criteria 'None'": (_criteria("None"), _no_criteria(", only 'None'")),
    "criteria 'TBD'": (_criteria("TBD"), _no_criteria(", only 'TBD'")),
    "criteria '-'": (_criteria("-"), _no_criteria(", only '-'")),
    "criteria '&nbsp;'": (_criteria("&nbsp;"), _no_criteria(", only '&nbsp;'")),
    "criteria 'Please contact site'": (_criteria("Please contact site"), _no_criteria(", only 'Please contact site'")),
    "criteria 'See protocol'": (_criteria("See protocol"), _no_criteria(", only 'See protocol'")),
    "criteria 'Please contact the study site for details.'":
        (_criteria("Please contact the study site for details."),
         _no_criteria(", only 'Please contact the study site for details.'")),
    "criteria 'Refer to protocol'": (_criteria("Refer to protocol"), _no_criteria(", only 'Refer to protocol'")),
    "criteria 'Contact sponsor'": (_criteria("Contact sponsor"), _no_criteria(", only 'Contact sponsor'")),
    "criteria of line breaks": (_criteria("\n\n"), _no_criteria()),
    "criteria of a tab": (_criteria("\t"), _no_criteria()),
    "criteria of a no-break space": (_criteria("\u00a0"), _no_criteria()),
    "criteria of their headings alone":
        (_criteria("Inclusion Criteria:\n\nExclusion Criteria:"),
         _no_criteria(", only 'Inclusion Criteria: Exclusion Criteria:'")),
    "criteria of their headings and dashes":
        (_criteria("Inclusion criteria:\n-\nExclusion criteria:\n-"),
         _no_criteria(", only 'Inclusion criteria: - Exclusion criteria: -'")),
    "criteria of key headings alone":
        (_criteria("Key Inclusion Criteria:\n\nKey Exclusion Criteria:"),
         _no_criteria(", only 'Key Inclusion Criteria: Key Exclusion Criteria:'")),
    "criteria 'See detailed description' where the record gives none":
        (_criteria("See detailed description", **NO_DETAILS), _no_criteria(", only 'See detailed description'")),
    "criteria 'Please contact site for information.', as legacy records give it":
        (_criteria("Please contact site for information."),
         _no_criteria(", only 'Please contact site for information.'")),
    "criteria 'No eligibility criteria', a legacy record's answer for data already gathered":
        (_criteria("No eligibility criteria"), QUIET),
    "criteria 'See \"Detailed Description\"' where the record gives none":
        (_criteria('See "Detailed Description"', **NO_DETAILS), _no_criteria(", only 'See \"Detailed Description\"'")),
    "criteria 'See \"Detailed Description\"' that the record gives": (_criteria('See "Detailed Description"'), QUIET),
    "criteria 'No eligibility criteria beyond age 18 or older'":
        (_criteria("No eligibility criteria beyond age 18 or older"), QUIET),
    "criteria 'See detailed description' that the record gives": (_criteria("See detailed description"), QUIET),
    "criteria 'Inclusion Criteria: 1. Male participants...'":
        (_criteria("Inclusion Criteria:\n\n1. Male participants..."), QUIET),
    "criteria of one healthy line and none excluded":
        (_criteria("Inclusion Criteria:\n* Healthy\nExclusion Criteria:\n* None"), QUIET),
    "criteria 'Healthy volunteers aged 18-45'": (_criteria("Healthy volunteers aged 18-45"), QUIET),
    "criteria 'Inclusion: all patients. Exclusion: none'": (_criteria("Inclusion: all patients. Exclusion: none"),
                                                            QUIET),
    "criteria 'Please contact site to confirm eligibility: adults 18-75 with pSS'":
        (_criteria("Please contact site to confirm eligibility: adults 18-75 with pSS"), QUIET),
    "criteria 'Age >= 18'": (_criteria("Age >= 18"), QUIET),
    "criteria opening with a line break": (_criteria("\nInclusion Criteria:\n- Adults with pSS"), QUIET),
    "criteria opening with a no-break space": (_criteria("\u00a0Inclusion Criteria: adults with pSS"), QUIET),
    "criteria '18 years or older'": (_criteria("18 years or older"), QUIET),
}

SPONSORS = {
    "sponsor 'N/A' both in studies and sponsors": (_sponsor("N/A", "N/A"), _no_sponsor(", only 'N/A'")),
    "sponsor 'Unknown' and no sponsors row": (_sponsor("Unknown"), _no_sponsor(", only 'Unknown'")),
    "sponsor 'TBD'": (_sponsor("TBD", "TBD"), _no_sponsor(", only 'TBD'")),
    "sponsor '&nbsp;'": (_sponsor("&nbsp;"), _no_sponsor(", only '&nbsp;'")),
    "no source, lead sponsor 'Pending'": (_sponsor(None, "Pending"), _no_sponsor(", only 'Pending'")),
    "sponsor of a tab and no sponsors row": (_sponsor("\t"), _no_sponsor()),
    "sponsor 'Sponsor', the form's label": (_sponsor("Sponsor", "Sponsor"), _no_sponsor(", only 'Sponsor'")),
    "sponsor 'Pending Therapeutics'": (_sponsor("Pending Therapeutics", "Pending Therapeutics"), QUIET),
    "sponsor 'Unknown Inc'": (_sponsor("Unknown Inc", "Unknown Inc"), QUIET),
    "sponsor 'NA Biotech'": (_sponsor("NA Biotech", "NA Biotech"), QUIET),
    "sponsor 'X4 Pharmaceuticals'": (_sponsor("X4 Pharmaceuticals", "X4 Pharmaceuticals"), QUIET),
    "sponsor 'TBA Health Inc.'": (_sponsor("TBA Health Inc.", "TBA Health Inc."), QUIET),
    "source 'N/A' beside a lead sponsor named": (_sponsor("N/A", "Novartis"), QUIET),
    "source named, no sponsors row": (_sponsor("Novartis"), QUIET),
    "sponsor of class Other": (({}, {"sponsors": [{"agency_class": "OTHER", "lead_or_collaborator": "lead",
                                                   "name": "Other"}]}), QUIET),
}

LEGACY_2005 = dict(harness.ENDED_BEFORE_FDAAA, study_first_posted_date=date(2005, 9, 13))
_LEGACY_END = "first posted 2005-09-13, before FDAAA required it"
NO_DATES = {"start_date": None, "primary_completion_date": None, "completion_date": None}
NO_TRIAL_VALUES = dict(NO_DATES, enrollment=None, enrollment_type=None, phase=None)
GAPS = {ENROLLMENT: "Study gives no enrollment.", START: "Study gives no start date.",
        COMPLETION: "Study gives neither a primary completion date nor a completion date."}


def _gaps(severity: str, *rules: str) -> dict:
    return {rule: (severity, GAPS[rule]) for rule in rules}


TYPES_AND_ERAS = {
    "withdrawn: no enrollment, dates nor outcomes": (
        (dict(NO_DATES, overall_status="WITHDRAWN", enrollment=None), {"design_outcomes": []}), QUIET),
    "withdrawn with an estimated 0": ((dict(overall_status="WITHDRAWN", enrollment=0, enrollment_type="ESTIMATED"),
                                       {}), QUIET),
    "expanded access: no phase, outcome, start, completion nor enrollment": (
        (dict(NO_TRIAL_VALUES, study_type="EXPANDED_ACCESS", overall_status="AVAILABLE"),
         {"design_outcomes": [], "designs": [], "design_groups": []}), QUIET),
    "expanded access available, its type not shown: no start, completion nor enrollment": (
        (dict(NO_TRIAL_VALUES, study_type=None, overall_status="AVAILABLE", source_layout="aggregator_text"),
         {"design_outcomes": [], "designs": [], "design_groups": []}), QUIET),
    "expanded access no longer available, its type not given: no dates": (
        (dict(NO_DATES, study_type=None, overall_status="NO_LONGER_AVAILABLE"), {}), QUIET),
    "a trial of no given type, recruiting, without dates: warned": (
        (dict(NO_DATES, study_type=None, overall_status="RECRUITING"), {}), _gaps("warning", START, COMPLETION)),
    "observational: no phase nor primary outcome": (
        (dict(study_type="OBSERVATIONAL", phase=None), {"design_outcomes": []}), QUIET),
    "interventional phase NA of a device": (({"phase": "NA"}, {}), QUIET),
    "record of 2005: no enrollment, start or completion, info": (
        (dict(LEGACY_2005, **NO_DATES, enrollment=None), {}), _gaps("info", ENROLLMENT, START, COMPLETION)),
    "record of 2012, after FDAAA: no enrollment, start or completion, warned": (
        (dict(NO_DATES, enrollment=None, study_first_posted_date=date(2012, 4, 2)), {}),
        _gaps("warning", ENROLLMENT, START, COMPLETION)),
    "record of 2018, after the final rule: no enrollment, warned": (
        (dict(enrollment=None, study_first_posted_date=date(2018, 4, 2)), {}), _gaps("warning", ENROLLMENT)),
    "record of 2005 without a condition: warned as any": (
        (LEGACY_2005, {"conditions": [{"name": "TBD"}]}), _no_conditions(", only 'TBD'")),
    "record of 2005, criteria 'N/A': info as any": ((LEGACY_2005, _criteria("N/A")[1]), _no_criteria(", only 'N/A'")),
    "no-intervention arm given the intervention 'None'": (
        ({}, {"design_groups": [*harness.CLEAN_STUDY["design_groups"],
                                {"group_type": "NO_INTERVENTION", "title": "Observation", "description": "None"}],
              "interventions": [*harness.CLEAN_STUDY["interventions"],
                                {"intervention_type": "OTHER", "name": "None", "description": "No intervention"}]}),
        QUIET),
}

EXTRACT_MESSAGE = ("The file holds a field-selected extract of the record (an API answer to fields=...), not the "
                   "whole record: what it leaves out is not judged missing. Load the whole record to judge it.")


def _extract_study() -> tuple[dict, dict]:
    """A field-selected extract that selected the id, title and status and none of the rest."""
    extract: dict[str, list[dict]] = {}
    harness.field_selected()(extract)
    tables = {"conditions": [], "brief_summaries": [], "design_outcomes": [], "eligibilities": [], "sponsors": []}
    return dict(NO_TRIAL_VALUES, source=None, official_title=None), {**tables, **extract}


EXTRACTS = {"a field-selected extract without a dozen fields is said once":
            (_extract_study(), {EXTRACT: ("warning", EXTRACT_MESSAGE)})}

SHAPES: dict[str, tuple[tuple[dict, dict], dict]] = {
    **TITLES, **CONDITION_SHAPES, **OUTCOMES, **SUMMARIES, **CRITERIA_SHAPES, **SPONSORS, **TYPES_AND_ERAS, **EXTRACTS,
}


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple[str, str, str, str]]]:
    shapes = {name: (f"NCT0{n:07d}", values, tables)
              for n, (name, ((values, tables), _)) in enumerate(SHAPES.items(), 1)}
    return harness.shape_findings(tmp_path_factory.mktemp("missing_fields_wordings"), shapes, missing_fields.RULES)


def test_enough_shapes_are_judged():
    assert len(SHAPES) >= 120


@pytest.mark.parametrize("name", list(SHAPES))
def test_what_each_record_is_told(found, name):
    expected = SHAPES[name][1]
    assert {rule_id: (severity, message) for rule_id, severity, message, _evidence in found[name]} == expected


def test_an_old_record_s_gap_says_its_era(found):
    for _rule, _severity, _message, evidence in found["record of 2005: no enrollment, start or completion, info"]:
        assert evidence.endswith(_LEGACY_END), evidence


def test_a_sponsor_placeholder_is_quoted_in_the_evidence(found):
    [(_rule, _severity, _message, evidence)] = found["sponsor 'N/A' both in studies and sponsors"]
    assert evidence == "source=\"N/A\"; sponsors: 1 row(s), none with a lead name but a placeholder: 'N/A'"
