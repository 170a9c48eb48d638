"""Cases for checks.missing_fields: each rule fires on a gap and stays quiet where the
study type or status does not require the field."""
from __future__ import annotations

from datetime import date as d

from tests.checks.harness import Case, field_selected, refused


def study(**values):
    """A change that sets columns of the `studies` row."""
    return lambda s: s["studies"][0].update(values)


def rows(table: str, new_rows: list[dict]):
    """A change that replaces the rows of one child table."""
    return lambda s: s.__setitem__(table, new_rows)


def both(*changes):
    """A change made of several changes, in order."""
    return lambda s: [change(s) for change in changes]


def _clean(_s) -> None:
    """No change: the clean study."""


def page(layout: str):
    """The current version is a page of `layout`."""
    return study(source_layout=layout)


def registry_record(**values):
    """The registry's own record of the study was loaded too (an older version, not current)."""
    row = {"sha256": "1" * 64, "layout": "ctgov_json_v2", "last_update_posted_date": None, "enrollment": 40,
           "enrollment_type": "ACTUAL", "overall_status": "COMPLETED", "study_type": "INTERVENTIONAL",
           "brief_title": "Baricitinib in Primary Sjogren's Syndrome", "phase": "PHASE2", **values}
    return rows("meta.source_records", [row])


OBSERVATIONAL = study(study_type="OBSERVATIONAL", phase=None)
EXPANDED = study(study_type="EXPANDED_ACCESS", phase=None)

CASES = [
    Case("missing_fields.no_title", True, study(brief_title=None, official_title=None), note="seed 003"),
    Case("missing_fields.no_title", True, study(brief_title="  ", official_title=""), note="blank titles"),
    Case("missing_fields.no_title", False, study(brief_title=None), note="official title only"),
    Case("missing_fields.no_title", False, _clean, note="clean"),

    Case("missing_fields.no_overall_status", True, study(overall_status=None)),
    Case("missing_fields.no_overall_status", False, _clean, note="clean"),

    Case("missing_fields.no_conditions", True, rows("conditions", []), note="seeds 000 001 002"),
    Case("missing_fields.no_conditions", True, rows("conditions", [{"name": " "}]), note="blank name"),
    Case("missing_fields.no_conditions", False, _clean, note="clean"),

    Case("missing_fields.no_brief_summary", True, rows("brief_summaries", [{"description": ""}]),
         note="seed 002 heading with nothing under it"),
    Case("missing_fields.no_brief_summary", True, rows("brief_summaries", [])),
    Case("missing_fields.no_brief_summary", False, _clean, note="clean"),

    Case("missing_fields.no_enrollment", True, study(enrollment=None, enrollment_type=None), note="seed 003"),
    Case("missing_fields.no_enrollment", True, study(enrollment=0, enrollment_type="ESTIMATED",
                                                     overall_status="RECRUITING"), note="planned 0"),
    Case("missing_fields.no_enrollment", False, study(enrollment=0, overall_status="WITHDRAWN"),
         note="withdrawn enrolls nobody"),
    Case("missing_fields.no_enrollment", False, study(enrollment=0, enrollment_type="ACTUAL",
                                                      overall_status="TERMINATED"), note="stopped early"),
    Case("missing_fields.no_enrollment", False, both(EXPANDED, study(enrollment=None)),
         note="expanded access has no enrollment"),
    Case("missing_fields.no_enrollment", False, _clean, note="clean"),
    # A trial of a device not yet cleared: the registry withholds its record (FDAAA 801).
    *(Case(f"missing_fields.{name}", False, both(study(overall_status="WITHHELD", study_type=None, phase=None,
                                                       enrollment=None, enrollment_type=None, start_date=None,
                                                       primary_completion_date=None, completion_date=None),
                                                 rows("conditions", []), rows("brief_summaries", []),
                                                 rows("eligibilities", []), rows("design_outcomes", [])),
           note="a withheld record shows nothing")
      for name in ("no_conditions", "no_brief_summary", "no_enrollment", "no_start_date", "no_completion_date",
                   "no_eligibility_criteria")),
    Case("missing_fields.no_enrollment", True, study(overall_status="UNKNOWN", enrollment=None),
         note="any other status without an enrollment"),
    # A field the source gave in a form validation refused is not missing: the invalid_value issue quotes it.
    Case("missing_fields.no_enrollment", False,
         both(study(enrollment=None), refused("studies", "enrollment", "abc")), note="enrollment 'abc' refused"),
    Case("missing_fields.no_title", False,
         both(study(brief_title=None, official_title=None), refused("studies", "brief_title", '{"text": "A"}')),
         note="a title given as an object, refused"),
    Case("missing_fields.no_title", True,
         both(study(brief_title=None, official_title=None), refused("studies", "brief_title", "x", sha256="f" * 64)),
         note="refused in a version that is no longer current"),
    Case("missing_fields.no_conditions", False,
         both(rows("conditions", []), refused("conditions", "name", "[1]")), note="a condition refused"),
    Case("missing_fields.no_conditions", True,
         both(rows("conditions", []), refused("studies", "brief_title", "x")), note="another field refused"),

    Case("missing_fields.no_primary_outcome", True,
         rows("design_outcomes", [{"outcome_type": "secondary", "measure": "ESSPRI score"}]),
         note="seeds 002 003 004"),
    Case("missing_fields.no_primary_outcome", True,
         rows("design_outcomes", [{"outcome_type": "primary", "measure": " "}]), note="blank measure"),
    Case("missing_fields.no_primary_outcome", False,
         both(study(overall_status="WITHDRAWN"), rows("design_outcomes", [])), note="withdrawn"),
    Case("missing_fields.no_primary_outcome", False, both(OBSERVATIONAL, rows("design_outcomes", [])),
         note="observational"),
    Case("missing_fields.no_primary_outcome", False, _clean, note="clean"),

    Case("missing_fields.no_start_date", True, study(start_date=None, start_date_precision=None)),
    Case("missing_fields.no_start_date", False, both(EXPANDED, study(start_date=None)), note="expanded access"),
    Case("missing_fields.no_start_date", False, _clean, note="clean"),

    Case("missing_fields.no_completion_date", True,
         study(primary_completion_date=None, completion_date=None)),
    Case("missing_fields.no_completion_date", False, study(completion_date=None),
         note="primary completion only"),
    Case("missing_fields.no_completion_date", False,
         both(EXPANDED, study(primary_completion_date=None, completion_date=None)), note="expanded access"),
    Case("missing_fields.no_completion_date", False, _clean, note="clean"),

    Case("missing_fields.no_study_completion_date", True, study(completion_date=None),
         note="primary completion only"),
    Case("missing_fields.no_study_completion_date", True, both(OBSERVATIONAL, study(completion_date=None)),
         note="observational"),
    Case("missing_fields.no_study_completion_date", False,
         study(primary_completion_date=None, completion_date=None), note="neither: no_completion_date's"),
    Case("missing_fields.no_study_completion_date", False, study(primary_completion_date=None),
         note="completion only"),
    Case("missing_fields.no_study_completion_date", False, both(EXPANDED, study(completion_date=None)),
         note="expanded access"),
    Case("missing_fields.no_study_completion_date", False,
         study(completion_date=None, overall_status="WITHDRAWN"), note="withdrawn"),
    Case("missing_fields.no_study_completion_date", False, _clean, note="clean"),

    Case("missing_fields.no_phase", True, study(phase=None), note="interventional"),
    Case("missing_fields.no_phase", True, study(phase=""), note="blank"),
    Case("missing_fields.no_phase", False, study(phase="NA"), note="NA is a phase"),
    Case("missing_fields.no_phase", False, OBSERVATIONAL, note="observational without phase"),
    Case("missing_fields.no_phase", False, _clean, note="clean"),

    Case("missing_fields.no_lead_sponsor", True, both(study(source=None), rows("sponsors", [
        {"agency_class": "OTHER", "lead_or_collaborator": "collaborator", "name": "A Hospital"}])),
        note="collaborator only"),
    Case("missing_fields.no_lead_sponsor", False, study(source=None), note="sponsors table has the lead"),
    Case("missing_fields.no_lead_sponsor", False, rows("sponsors", []), note="studies.source has the lead"),
    Case("missing_fields.no_lead_sponsor", False, _clean, note="clean"),

    Case("missing_fields.no_eligibility_criteria", True,
         lambda s: s["eligibilities"][0].update(criteria=None)),
    Case("missing_fields.no_eligibility_criteria", True, rows("eligibilities", []), note="no row"),
    Case("missing_fields.no_eligibility_criteria", False, _clean, note="clean"),

    # A source that never shows a field says nothing about it; the richest loaded source is judged.
    Case("missing_fields.no_primary_outcome", False, both(page("summary_text"), rows("design_outcomes", [])),
         note="trial-summary pages show no outcomes"),
    Case("missing_fields.no_primary_outcome", False, both(page("aggregator_text"), rows("design_outcomes", [])),
         note="meddatax study pages show no outcomes"),
    Case("missing_fields.no_primary_outcome", True, both(page("ctgov_classic_text"), rows("design_outcomes", [])),
         note="clincosm pages show outcomes: the record lacks it"),
    Case("missing_fields.no_eligibility_criteria", False, both(page("summary_text"), rows("eligibilities", [])),
         note="trial-summary pages show no criteria"),
    Case("missing_fields.no_eligibility_criteria", True, both(page("aggregator_text"), rows("eligibilities", [])),
         note="meddatax pages show criteria: the record lacks them"),
    Case("missing_fields.no_conditions", True, both(page("summary_text"), rows("conditions", [])),
         note="trial-summary pages show conditions"),
    Case("missing_fields.no_enrollment", False,
         both(page("aggregator_text"), study(enrollment=None, enrollment_type=None), registry_record()),
         note="the page lacks it, the registry's own record loaded beside it has it"),
    Case("missing_fields.no_enrollment", True,
         both(page("aggregator_text"), study(enrollment=None), registry_record(enrollment=None)),
         note="neither the page nor the registry's own record has it"),
    Case("missing_fields.no_enrollment", True, both(page("aggregator_text"), study(enrollment=None)),
         note="a page alone is judged on what it shows"),
    # A field-selected extract (an API answer to fields=...) leaves out what was not selected (NCT05766735 as
    # genomoncology/biomcp's test data holds it): it is said once, and not judged missing field by field.
    Case("missing_fields.field_selected_extract", True, field_selected(), note="the current version is an extract"),
    Case("missing_fields.field_selected_extract", False, field_selected(sha256="f" * 64),
         note="an extract of a version that is no longer current"),
    Case("missing_fields.field_selected_extract", False, _clean, note="clean"),
    Case("missing_fields.no_primary_outcome", False, both(rows("design_outcomes", []), field_selected()),
         note="an extract that did not select the outcomes"),
    Case("missing_fields.no_primary_outcome", True,
         both(rows("design_outcomes", []), field_selected(sha256="f" * 64)),
         note="the current version is whole, an older one was an extract"),
    Case("missing_fields.no_conditions", False, both(rows("conditions", []), field_selected()),
         note="an extract that did not select the conditions"),
]

# A title of tabs and line breaks is blank too; a placeholder where a value belongs gives no value.
CASES += [
    Case("missing_fields.no_title", True, study(brief_title=" \t\n", official_title=None), note="tab and line break"),
    Case("missing_fields.no_title", True, study(brief_title="N/A", official_title="N/A"), note="title N/A"),
    Case("missing_fields.no_title", True, study(brief_title="TBD", official_title=None), note="title TBD"),
    Case("missing_fields.no_title", False, study(brief_title="TBD"), note="a placeholder beside a real title"),
    Case("missing_fields.no_conditions", True, rows("conditions", [{"name": "N/A"}]), note="condition N/A"),
    Case("missing_fields.no_conditions", True, rows("conditions", [{"name": "Not applicable"}, {"name": "-"}]),
         note="conditions 'Not applicable' and '-'"),
    Case("missing_fields.no_conditions", False, rows("conditions", [{"name": "N/A"}, {"name": "Asthma"}]),
         note="a placeholder beside a real condition"),
    Case("missing_fields.no_conditions", False, rows("conditions", [{"name": "Healthy"}]), note="healthy volunteers"),
    Case("missing_fields.no_primary_outcome", True,
         rows("design_outcomes", [{"outcome_type": "primary", "measure": "TBD"}]), note="primary outcome TBD"),
    Case("missing_fields.no_primary_outcome", False,
         rows("design_outcomes", [{"outcome_type": "primary", "measure": "OS"}]), note="an abbreviation is a measure"),
    # A measure that is only its field's label gives the outcome its own description says; with no description, or
    # a placeholder or pointer for one, it gives none.
    Case("missing_fields.no_primary_outcome", False,
         rows("design_outcomes", [{"outcome_type": "primary", "measure": "Primary outcome:", "time_frame": "90 days",
                                   "description": "Change in norepinephrine requirement to maintain the MAP"}]),
         note="a label above a description of what is measured"),
    Case("missing_fields.no_primary_outcome", False,
         rows("design_outcomes", [{"outcome_type": "primary", "measure": "Primary Outcome", "time_frame": "7 days",
                                   "description": "Number of Participants need hospitalization"}]),
         note="the label without its colon, above a description"),
    Case("missing_fields.no_primary_outcome", True,
         rows("design_outcomes", [{"outcome_type": "primary", "measure": "Primary outcome:", "time_frame": "90 days",
                                   "description": None}]), note="a label and no description"),
    Case("missing_fields.no_primary_outcome", True,
         rows("design_outcomes", [{"outcome_type": "primary", "measure": "Primary Outcome", "time_frame": "7 days",
                                   "description": "N/A"}]), note="a label above a placeholder"),
    Case("missing_fields.no_primary_outcome", True,
         rows("design_outcomes", [{"outcome_type": "primary", "measure": "Outcome",
                                   "description": "See protocol"}]), note="a label above a pointer out of the record"),
    Case("missing_fields.no_primary_outcome", True,
         rows("design_outcomes", [{"outcome_type": "primary", "measure": "TBD",
                                   "description": "Mortality at day 28"}]), note="a placeholder is no label"),
    # Study types and statuses that require less.
    Case("missing_fields.no_phase", False,
         both(OBSERVATIONAL, rows("designs", [{"observational_model": "COHORT", "time_perspective": "PROSPECTIVE"}]),
              rows("design_groups", []), study(number_of_arms=None)), note="observational: no phase, arms or masking"),
    Case("missing_fields.no_primary_outcome", False,
         both(EXPANDED, study(overall_status="AVAILABLE"), rows("design_outcomes", [])), note="expanded access"),
    Case("missing_fields.no_enrollment", False,
         both(study(overall_status="WITHDRAWN", enrollment=0, enrollment_type="ACTUAL"), rows("design_outcomes", [])),
         note="withdrawn, 0 actual"),
    Case("missing_fields.no_primary_outcome", True, both(study(study_first_posted_date=d(2005, 9, 13)),
                                                         rows("design_outcomes", [])), note="2005 record: info"),
]
