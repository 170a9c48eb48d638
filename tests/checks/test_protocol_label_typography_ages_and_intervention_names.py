"""The protocol family's structure rules on records as the registry writes them, read by the registry parsers and
linked as a load links them: arm labels and their links set apart only by typography (dashes, curly quotes, accents,
invisible characters), observational cohorts never given a placebo, ages one age in two units, time frames that
point elsewhere, and interventions named only by an arm's label. All records share one warehouse."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

import checks
from checks.check_scope import set_scope
from checks.rule_findings import findings_of
from flows.parsers import ctgov_json_v2, ctgov_xml
from tests.checks import harness

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
API_RECORD = json.loads((GOLDEN / "ctgov_json_v2" / "year_only_start_mesh_terms.json").read_text(encoding="utf-8"))
LEGACY_RECORD = (GOLDEN / "ctgov_xml" / "interventional_masked_arms.xml").read_text(encoding="utf-8")
PARALLEL = {"allocation": "RANDOMIZED", "interventionModel": "PARALLEL", "primaryPurpose": "TREATMENT",
            "maskingInfo": {"masking": "DOUBLE", "whoMasked": ["PARTICIPANT", "INVESTIGATOR"]}}


def _present(**values) -> dict:
    """The values that are not None."""
    return {key: value for key, value in values.items() if value is not None}


def api_record(arms=None, interventions=(), study_type="INTERVENTIONAL", ages=("18 Years", "65 Years"),
               outcomes=None, design=PARALLEL) -> tuple[str, bytes]:
    """An API v2 record: arms as (label, type, description), interventions as (type, name, description, arm labels),
    ages as (minimum, maximum), outcomes as (measure, time frame, description) primary outcomes."""
    record = copy.deepcopy(API_RECORD)
    protocol = record["protocolSection"]
    module = protocol["designModule"]
    module["studyType"] = study_type
    if study_type == "OBSERVATIONAL":
        module.pop("phases", None)
        design = {"observationalModel": "COHORT", "timePerspective": "PROSPECTIVE"}
    if study_type == "EXPANDED_ACCESS":
        protocol["designModule"] = {"studyType": study_type, "expandedAccessTypes": {"individual": True}}
    elif design is not None:
        module["designInfo"] = design
    else:
        module.pop("designInfo", None)
    if arms is not None:
        protocol["armsInterventionsModule"] = _present(
            armGroups=[_present(label=label, type=kind, description=text) for label, kind, text in arms] or None,
            interventions=[_present(type=kind, name=name, description=text, armGroupLabels=labels)
                           for kind, name, text, labels in interventions])
    eligibility = protocol["eligibilityModule"]
    eligibility.pop("minimumAge", None)
    eligibility.pop("maximumAge", None)
    eligibility.update(_present(minimumAge=ages[0], maximumAge=ages[1]))
    if outcomes is not None:
        protocol["outcomesModule"] = {"primaryOutcomes": [_present(measure=measure, timeFrame=frame, description=text)
                                                          for measure, frame, text in outcomes]}
    return "json", json.dumps(record).encode()


def legacy_record(arms=None, interventions=(), ages=None, outcomes=None) -> tuple[str, bytes]:
    """The legacy XML record (first submitted 1999), its arms, interventions ((type, name, description, arm
    labels)), ages or outcomes ((measure, time frame)) replaced; labels are written as XML text."""
    text = LEGACY_RECORD
    if arms is not None:
        block = "".join(f"  <arm_group>\n    <arm_group_label>{label}</arm_group_label>\n"
                        f"    <arm_group_type>{kind}</arm_group_type>\n    <description>{about}</description>\n"
                        f"  </arm_group>\n" for label, kind, about in arms)
        block += "".join(f"  <intervention>\n    <intervention_type>{kind}</intervention_type>\n"
                         f"    <intervention_name>{name}</intervention_name>\n    <description>{about}</description>\n"
                         + "".join(f"    <arm_group_label>{label}</arm_group_label>\n" for label in labels)
                         + "  </intervention>\n" for kind, name, about, labels in interventions)
        text = text[:text.index("  <arm_group>")] + block + text[text.index("  <eligibility>"):]
    if ages is not None:
        text = text.replace("<minimum_age>18 Years</minimum_age>", f"<minimum_age>{ages[0]}</minimum_age>")
        text = text.replace("<maximum_age>N/A</maximum_age>", f"<maximum_age>{ages[1]}</maximum_age>")
    if outcomes is not None:
        block = "".join(f"  <primary_outcome>\n    <measure>{measure}</measure>\n"
                        f"    <time_frame>{frame}</time_frame>\n  </primary_outcome>\n" for measure, frame in outcomes)
        text = text[:text.index("  <primary_outcome>")] + block + text[text.index("  <number_of_arms>"):]
    return "xml", text.encode()


def _tables(raw: bytes, suffix: str, nct_id: str) -> dict[str, list[dict]]:
    """The warehouse rows of a record as a load gives them: parsed by its layout's parser, its links given the ids
    of the arm and intervention they name (the intervention's by its place in the record)."""
    parser = ctgov_json_v2 if suffix == "json" else ctgov_xml
    raw = raw.replace(b"NCT00004154", nct_id.encode()).replace(b"NCT02466334", nct_id.encode())
    (record,) = parser.parse(raw).records
    return harness.loaded_tables(record, parser.LAYOUT)


def loaded_findings(tmp_path: Path, records: dict[str, tuple[str, bytes]], rule_ids) -> dict[str, list[tuple]]:
    """(rule id, severity, message) of each finding of the rules `rule_ids` on each record (by its name), all
    records in one warehouse."""
    names, studies = {}, {}
    for n, (name, (suffix, raw)) in enumerate(records.items()):
        nct_id = f"NCT{9600001 + n:08d}"
        names[nct_id], studies[nct_id] = name, _tables(raw, suffix, nct_id)
    con = harness.warehouse_with(tmp_path, studies)
    try:
        scope = set_scope(con, None, harness.AS_OF)
        found: dict[str, list[tuple]] = {name: [] for name in records}
        for rule in [rule for rule in checks.all_rules() if rule.id in set(rule_ids)]:
            for f in findings_of(con, rule, scope):
                found[names[f.nct_id]].append((rule.id, f.severity or rule.severity, f.message))
        return found
    finally:
        con.close()


def two_arms(label: str, link: str) -> tuple[str, bytes]:
    """An API v2 record whose Drug X arm is titled `label` and linked by the label `link`, beside a placebo arm."""
    return api_record([(label, "EXPERIMENTAL", "Drug X 10 mg daily"), ("Placebo", "PLACEBO_COMPARATOR", "Placebo")],
                      [("DRUG", "Drug X", "Drug X 10 mg tablet", [link]),
                       ("DRUG", "Placebo", "Matching placebo tablet", ["Placebo"])])


def legacy_arms(label: str, link: str) -> tuple[str, bytes]:
    """A legacy XML record whose fenretinide arm is titled `label` and linked by the label `link`."""
    return legacy_record([(label, "Experimental", "Fenretinide 200 mg"), ("Placebo", "Placebo Comparator", "Placebo")],
                         [("Drug", "Fenretinide", "200 mg/day", [link]), ("Other", "Placebo", "Capsules", ["Placebo"])])


def cohorts(second: tuple[str, str]) -> tuple[str, bytes]:
    """An API v2 observational record: a cohort linked to its exposure, and a cohort (title, description) linked to
    nothing."""
    return api_record([("Exposed", None, "Patients on Drug X"), (*second[:1], None, second[1])],
                      [("DRUG", "Drug X", "Exposure", ["Exposed"])], study_type="OBSERVATIONAL")


UNLISTED_ARM = "protocol.link_to_unlisted_arm"
NO_INTERVENTION = "protocol.arm_without_intervention"
NO_ARM = "protocol.intervention_in_no_arm"
AGES = "protocol.minimum_age_above_maximum"
DESIGN = "protocol.interventional_design_missing"
TIME_FRAME = "protocol.outcome_without_time_frame"
NOT_NAMED = "protocol.intervention_not_named"

# Labels and their links set apart only by how they are typed: one label (each fired link_to_unlisted_arm before).
RETYPED_LABELS = {
    "en dash for a hyphen": two_arms("Arm A – Drug X", "Arm A - Drug X"),
    "em dash for a hyphen": two_arms("Arm A — Drug X", "Arm A - Drug X"),
    "minus sign for a hyphen": two_arms("Dose level −1", "Dose level -1"),
    "curly apostrophe": two_arms("Crohn’s disease patients", "Crohn's disease patients"),
    "curly double quotes": two_arms("“Fast” titration", '"Fast" titration'),
    "accent decomposed": two_arms("Caf\u00e9 au lait spots", "Cafe\u0301 au lait spots"),
    "zero-width space": two_arms("Cohort 1\u200b", "Cohort 1"),
    "legacy en dash": legacy_arms("Arm I – fenretinide", "Arm I - fenretinide"),
}
# Labels a run matched before as one: case, spacing, a closing full stop, a no-break space, an XML entity.
SAME_LABELS = {
    "case": two_arms("Arm A: Drug X", "arm a: drug x"),
    "trailing space": two_arms("Cohort 1 ", "Cohort 1"),
    "trailing full stop": two_arms("Drug X 10 mg.", "Drug X 10 mg"),
    "double space": two_arms("Arm  A", "Arm A"),
    "no-break space": two_arms("Arm\u00a0A", "Arm A"),
    "legacy case": legacy_arms("Fenretinide", "FENRETINIDE"),
    "legacy full stop": legacy_arms("Arm I.", "Arm I"),
    "legacy entity": legacy_arms("Fenretinide &amp; diet", "Fenretinide &amp; diet"),
}
# Links that name another arm: a broken link, however its label is typed.
OTHER_LABELS = {
    "another letter": (two_arms("Arm A", "Arm C"), "Arm C"),
    "another cohort number": (two_arms("Cohort 1", "Cohort 2"), "Cohort 2"),
    "a comma left out": (two_arms("Drug X, 10 mg", "Drug X 10 mg"), "Drug X 10 mg"),
    "dash typed, drug renamed": (two_arms("Arm A – Drug X", "Arm A - Drug Y"), "Arm A - Drug Y"),
    "legacy arm renamed": (legacy_arms("Arm I", "Arm II"), "Arm II"),
}

# Groups and arms no link names: (record, the rule's severity there, or None where it must stay quiet).
UNLINKED = {
    "cohort never given placebo": (cohorts(("Placebo-naive patients", "Patients not yet exposed to study medication")),
                                   None),
    "cohort sham-naive": (cohorts(("Sham-naïve controls", "Controls who never underwent a procedure")), None),
    "cohort given placebo here": (cohorts(("Placebo group", "Participants receiving placebo capsules daily")),
                                  "warning"),
    "cohort of healthy controls": (cohorts(("Healthy controls", "Age-matched controls")), None),
    "no-intervention arm": (api_record([("Drug X", "EXPERIMENTAL", "x"), ("Usual care", "NO_INTERVENTION", "Usual")],
                                       [("DRUG", "Drug X", "d", ["Drug X"])]), None),
    "active comparator given nothing": (
        api_record([("Drug X", "EXPERIMENTAL", "x"), ("Standard chemotherapy", "ACTIVE_COMPARATOR", "Cisplatin")],
                   [("DRUG", "Drug X", "d", ["Drug X"])]), "warning"),
    "healthy volunteers typed Other": (
        api_record([("Drug X", "EXPERIMENTAL", "x"), ("Healthy volunteers", "OTHER", "No intervention, reference")],
                   [("DRUG", "Drug X", "d", ["Drug X"])]), "warning"),
    "arm linked by a retyped label": (two_arms("Arm A – Drug X", "Arm A - Drug X"), None),
}
# Interventions no link names: (record, severity or None).
UNGIVEN = {
    "questionnaire in a trial": (
        api_record([("Drug X", "EXPERIMENTAL", "x"), ("Placebo", "PLACEBO_COMPARATOR", "p")],
                   [("DRUG", "Drug X", "d", ["Drug X"]), ("DRUG", "Placebo", "p", ["Placebo"]),
                    ("OTHER", "Questionnaire", "Quality of life", None)]), "warning"),
    "questionnaire in a cohort study": (
        api_record([("Cases", None, "Patients"), ("Controls", None, "Healthy")],
                   [("OTHER", "Blood draw", "Blood sample", ["Cases", "Controls"]),
                    ("OTHER", "Questionnaire", "Quality of life", None)], study_type="OBSERVATIONAL"), "info"),
    "cohort study linking nothing": (
        api_record([("Cases", None, "Sepsis"), ("Controls", None, "Healthy")],
                   [("OTHER", "Blood draw", "Blood sample", None)], study_type="OBSERVATIONAL"), None),
    "expanded access": (api_record([], [("DRUG", "Drug X", "Compassionate use", None)], study_type="EXPANDED_ACCESS",
                                   ages=("18 Years", None), design=None), None),
}

# Ages one age in two units as writers convert them (a year is 52 weeks, a month 4 weeks or 30 days): an error
# before, a warning now.
ONE_AGE = {("6 Months", "180 Days"), ("1 Year", "52 Weeks"), ("2 Years", "104 Weeks"), ("2 Months", "8 Weeks"),
           ("3 Months", "12 Weeks"), ("12 Months", "360 Days")}
# A minimum plainly above the maximum: errors.
ABOVE = {("65 Years", "64 Years"), ("28 Days", "1 Day"), ("13 Months", "1 Year"), ("18 Years", "17 Years"),
         ("18 years", "16 Years"), ("5 Weeks", "1 Month"), ("4 Days", "72 Hours"), ("100 Years", "99 Years"),
         ("7 Months", "6 Months"), ("2 Years", "23 Months"), ("10 Weeks", "2 Months")}
# Ages that are a range, or that cannot be read: quiet.
IN_ORDER = {("18 Years", "N/A"), ("1 Day", "28 Days"), ("12 Months", "1 Year"), ("99 Years", "99 Years"),
            ("0.5 Years", "6 Months"), ("72 Hours", "3 Days"), ("18 Years", "Child, Adult"), ("1 Month", "4 Weeks"),
            ("1 Month", "30 Days"), ("6 Weeks", "6 Months"), ("18 Years", None), (None, "65 Years")}
LEGACY_AGES = {"legacy 65 to 64 years": (("65 Years", "64 Years"), "error"),
               "legacy no limits": (("N/A", "N/A"), None),
               "legacy 3 months to 12 weeks": (("3 Months", "12 Weeks"), "warning")}

# Interventional designs: (record, severity or None).
DESIGNS = {
    "no masking": (api_record(design={"allocation": "RANDOMIZED", "interventionModel": "PARALLEL"}), "warning"),
    "single group, no allocation": (
        api_record(design={"interventionModel": "SINGLE_GROUP", "maskingInfo": {"masking": "NONE"}}), None),
    "no design at all": (api_record(design=None), "warning"),
    "cohort study": (api_record(study_type="OBSERVATIONAL"), None),
    "expanded access": (api_record(study_type="EXPANDED_ACCESS", design=None), None),
}

# Time frames that give no time: a placeholder, or a pointer to the outcome's other words (new: they gave none
# before), and the placeholders read before.
POINTERS = ("See description", "See above", "See outcome description", "Pending", "Not reported", "xx", "TBC",
            "To be confirmed", "Not yet known", "x")
PLACEHOLDERS = ("N/A", "NA", "n.a.", "Not applicable", "Not Applicable.", "TBD", "TBA", "To be determined", "-", "--",
                "Not Provided", "none", "Not specified", "?", "Unknown")
TIMES = ("Baseline", "Day 1", "1 year", "Week 12", "Up to 24 weeks", "At delivery", "Ongoing", "Continuous",
         "Through study completion, an average of 1 year", "N/A (single time point at discharge)",
         "Baseline and 6 months", "Day 0 (pre-dose) to Day 28")

# Intervention names that are only an arm's label or a word for any medicine (new: they passed before).
LABEL_NAMES = ("Arm 1", "Arm A", "Group B", "Cohort 1", "Arm I", "Treatment A", "Arm 2.", "Group 1", "Cohort II",
               "Grupo A", "Medication", "Therapy", "Active drug", "Vaccine", "Reference")
# Names flagged before.
KIND_OR_ROLE_NAMES = ("Drug", "Treatment", "Intervention", "Control", "Control group", "Study drug",
                      "Experimental group", "Intervention group", "Investigational Product")
# Names that say what is given.
NAMES = ("Placebo", "Group A Streptococcus vaccine", "Arm A (Drug X 10 mg)", "Standard of care", "Surgery",
         "Exercise", "Sham", "Usual care", "Arm sling", "Group therapy", "Treatment as usual", "Cohort-specific diet",
         "Arm ergometer training", "Vaccine adjuvant AS01", "Therapy dog visits")


def _named(name: str) -> tuple[str, bytes]:
    """An API v2 record whose Arm A is given an intervention named `name`."""
    return api_record([("Arm A", "EXPERIMENTAL", "x"), ("Arm B", "PLACEBO_COMPARATOR", "Placebo")],
                      [("OTHER", name, "What the arm is given", ["Arm A"]),
                       ("DRUG", "Placebo", "Matching placebo", ["Arm B"])])


def _records() -> dict[str, tuple[str, bytes]]:
    records = {}
    records.update({f"link {k}": v for k, v in {**RETYPED_LABELS, **SAME_LABELS}.items()})
    records.update({f"link {k}": v for k, (v, _label) in OTHER_LABELS.items()})
    records.update({f"arm {k}": v for k, (v, _s) in UNLINKED.items()})
    records.update({f"intervention {k}": v for k, (v, _s) in UNGIVEN.items()})
    records.update({f"ages {lo} / {hi}": api_record(ages=(lo, hi)) for lo, hi in ONE_AGE | ABOVE | IN_ORDER})
    records.update({k: legacy_record(ages=ages) for k, (ages, _s) in LEGACY_AGES.items()})
    records.update({f"design {k}": v for k, (v, _s) in DESIGNS.items()})
    records.update({f"time frame {t}": api_record(outcomes=[("Change in HbA1c", t, "HbA1c from baseline to week 12")])
                    for t in POINTERS + PLACEHOLDERS + TIMES})
    records["legacy time frame N/A"] = legacy_record(outcomes=[("Recurrence", "N/A")])
    records["legacy time frame See above"] = legacy_record(outcomes=[("Recurrence", "See above")])
    records.update({f"named {name}": _named(name) for name in LABEL_NAMES + KIND_OR_ROLE_NAMES + NAMES})
    return records


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple]]:
    rules = (UNLISTED_ARM, NO_INTERVENTION, NO_ARM, AGES, DESIGN, TIME_FRAME, NOT_NAMED)
    return loaded_findings(tmp_path_factory.mktemp("protocol_labels"), _records(), rules)


def _of(found, name: str, rule_id: str) -> list[tuple]:
    return [(severity, message) for rule, severity, message in found[name] if rule == rule_id]


@pytest.mark.parametrize("name", list(RETYPED_LABELS))
def test_a_label_typed_another_way_is_the_same_arm(found, name):
    assert _of(found, f"link {name}", UNLISTED_ARM) == []
    assert _of(found, f"link {name}", NO_INTERVENTION) == []


@pytest.mark.parametrize("name", list(SAME_LABELS))
def test_labels_differing_in_case_spacing_or_a_full_stop_are_one(found, name):
    assert _of(found, f"link {name}", UNLISTED_ARM) == []


@pytest.mark.parametrize("name", list(OTHER_LABELS))
def test_a_link_naming_another_arm_is_broken(found, name):
    label = OTHER_LABELS[name][1]
    (finding,) = _of(found, f"link {name}", UNLISTED_ARM)
    assert finding[0] == "warning" and f'names the arm "{label}"' in finding[1]


@pytest.mark.parametrize("name", list(UNLINKED))
def test_an_arm_or_cohort_given_nothing(found, name):
    assert [s for s, _m in _of(found, f"arm {name}", NO_INTERVENTION)] == [s for s in [UNLINKED[name][1]] if s]


@pytest.mark.parametrize("name", list(UNGIVEN))
def test_an_intervention_given_in_no_arm(found, name):
    assert [s for s, _m in _of(found, f"intervention {name}", NO_ARM)] == [s for s in [UNGIVEN[name][1]] if s]


@pytest.mark.parametrize("ages", sorted(ONE_AGE))
def test_one_age_written_in_two_units_is_a_warning(found, ages):
    assert [s for s, _m in _of(found, "ages {} / {}".format(*ages), AGES)] == ["warning"]


@pytest.mark.parametrize("ages", sorted(ABOVE))
def test_a_minimum_plainly_above_the_maximum_is_an_error(found, ages):
    assert _of(found, "ages {} / {}".format(*ages), AGES) == [
        ("error", "The minimum age {} is above the maximum age {}.".format(*ages))]


@pytest.mark.parametrize("ages", sorted(IN_ORDER, key=str))
def test_ages_in_order_or_unread_are_quiet(found, ages):
    assert _of(found, "ages {} / {}".format(*ages), AGES) == []


@pytest.mark.parametrize("name", list(LEGACY_AGES))
def test_legacy_ages(found, name):
    assert [s for s, _m in _of(found, name, AGES)] == [s for s in [LEGACY_AGES[name][1]] if s]


@pytest.mark.parametrize("name", list(DESIGNS))
def test_an_interventional_design_missing(found, name):
    assert [s for s, _m in _of(found, f"design {name}", DESIGN)] == [s for s in [DESIGNS[name][1]] if s]


@pytest.mark.parametrize("frame", POINTERS)
def test_a_time_frame_pointing_elsewhere_is_none(found, frame):
    assert _of(found, f"time frame {frame}", TIME_FRAME) == [
        ("warning", "The outcome 'Change in HbA1c' (primary) gives no time frame; only its description says when it "
                    "is assessed.")]


@pytest.mark.parametrize("frame", PLACEHOLDERS)
def test_a_placeholder_time_frame_is_none(found, frame):
    assert [s for s, _m in _of(found, f"time frame {frame}", TIME_FRAME)] == ["warning"]


@pytest.mark.parametrize("frame", TIMES)
def test_a_time_frame_giving_a_time_is_quiet(found, frame):
    assert _of(found, f"time frame {frame}", TIME_FRAME) == []


def test_a_legacy_time_frame_before_fdaaa_is_info(found):
    assert [s for s, _m in _of(found, "legacy time frame N/A", TIME_FRAME)] == ["info"]
    assert [s for s, _m in _of(found, "legacy time frame See above", TIME_FRAME)] == ["info"]


@pytest.mark.parametrize("name", LABEL_NAMES)
def test_an_intervention_named_by_an_arm_label_or_any_medicine_is_not_named(found, name):
    assert [s for s, _m in _of(found, f"named {name}", NOT_NAMED)] == ["warning"]


@pytest.mark.parametrize("name", KIND_OR_ROLE_NAMES)
def test_an_intervention_named_by_its_kind_or_role_is_not_named(found, name):
    assert [s for s, _m in _of(found, f"named {name}", NOT_NAMED)] == ["warning"]


@pytest.mark.parametrize("name", NAMES)
def test_an_intervention_named_for_what_it_is(found, name):
    assert _of(found, f"named {name}", NOT_NAMED) == []


def test_an_arm_label_name_says_which_arm_not_what(found):
    assert _of(found, "named Arm 1", NOT_NAMED) == [
        ("warning", 'An intervention of type OTHER is named only "Arm 1", which says which arm receives it but not '
                    'what it is.')]
