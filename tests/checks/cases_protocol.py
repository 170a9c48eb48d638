"""Cases for checks.protocol: design elements of an interventional record, ages, and the links
between arms and interventions."""
from __future__ import annotations

from datetime import date as d

from tests.checks.harness import Case, field_selected


def study(**values):
    """A change that sets columns of the `studies` row."""
    return lambda s: s["studies"][0].update(values)


def row(table: str, **values):
    """A change that sets columns of the first row of a table."""
    return lambda s: s[table][0].update(values)


def rows(table: str, new_rows: list[dict]):
    """A change that replaces the rows of one child table."""
    return lambda s: s.__setitem__(table, new_rows)


def both(*changes):
    """A change made of several changes, in order."""
    return lambda s: [change(s) for change in changes]


def _clean(_s) -> None:
    """No change: the clean study."""


def observational_group(title: str, description: str):
    """An observational study whose second group (title, description) is linked to nothing, the first linked."""
    return both(study(study_type="OBSERVATIONAL", phase=None),
                lambda s: s["design_groups"][1].update(group_type=None, title=title, description=description),
                rows("design_group_interventions", [{"design_group": "Baricitinib", "intervention": "Baricitinib"}]))


DESIGN = "protocol.interventional_design_missing"
AGES = "protocol.minimum_age_above_maximum"
ARM = "protocol.arm_without_intervention"
STRAY = "protocol.intervention_in_no_arm"
LINK_ARM = "protocol.link_to_unlisted_arm"
LINK_DRUG = "protocol.link_to_unlisted_intervention"


def links(*pairs: tuple[str, str]):
    """A change: the study's links are these (arm, intervention) pairs."""
    return rows("design_group_interventions", [{"design_group": arm, "intervention": drug} for arm, drug in pairs])

CASES = [
    Case(DESIGN, True, row("designs", masking=None), note="no masking"),
    Case(DESIGN, True, rows("designs", []), note="no design at all"),
    Case(DESIGN, True, rows("design_groups", []), note="no arms"),
    Case(DESIGN, True, both(rows("designs", []), study(study_first_posted_date=d(2005, 9, 13))),
         note="before FDAAA: fires at info"),
    Case(DESIGN, False, row("designs", allocation="NA", intervention_model="SINGLE_GROUP", masking="NONE"),
         note="NA and NONE are answers"),
    Case(DESIGN, False, row("designs", allocation=None, intervention_model="SINGLE_GROUP"),
         note="a single group has no allocation: legacy XML leaves its N/A out"),
    Case(DESIGN, True, row("designs", allocation=None, intervention_model="PARALLEL"),
         note="parallel arms without an allocation"),
    Case(DESIGN, True, row("designs", allocation=None, intervention_model=None),
         note="neither allocation nor model"),
    Case(DESIGN, False, both(rows("designs", []), study(study_type="OBSERVATIONAL", phase=None)),
         note="observational"),
    Case(DESIGN, False, both(rows("designs", []), study(source_layout="summary_text")),
         note="a summary page does not show the design"),
    Case(DESIGN, False, _clean, note="clean"),

    Case(AGES, True, row("eligibilities", minimum_age="65 Years", maximum_age="18 Years")),
    Case(AGES, True, row("eligibilities", minimum_age="2 Years", maximum_age="18 Months"), note="units differ"),
    Case(AGES, False, row("eligibilities", minimum_age="6 Months", maximum_age="2 Years"), note="6 months < 2 years"),
    Case(AGES, False, row("eligibilities", minimum_age="18 Years", maximum_age=None), note="no maximum"),
    Case(AGES, False, row("eligibilities", minimum_age="N/A", maximum_age="17 Years"), note="N/A"),
    Case(AGES, False, row("eligibilities", minimum_age="18 Years", maximum_age="18 Years"), note="equal"),
    Case(AGES, False, _clean, note="clean"),

    Case(ARM, True, rows("design_group_interventions", [{"design_group": "Baricitinib", "intervention": "Baricitinib"}]),
         note="placebo arm unlinked"),
    Case(ARM, False, both(lambda s: s["design_groups"][1].update(group_type="NO_INTERVENTION"),
                                            rows("design_group_interventions",
                               [{"design_group": "Baricitinib", "intervention": "Baricitinib"}])),
         note="a no-intervention arm"),
    Case(ARM, False, rows("design_group_interventions", []), note="the source does not link them"),
    Case(ARM, False, observational_group("Never users", "Adults who never took the drug"),
         note="an observational comparison cohort exposed to nothing"),
    Case(ARM, True, observational_group("Group A pre-diabetic", "Pre-diabetics receiving PLACEBO for 6 weeks"),
         note="an observational study's group given a placebo is an arm all the same"),
    Case(ARM, False, observational_group("Placebos users", "People who use placebos"),
         note="placebo only as part of another word"),
    Case(ARM, False, rows("design_group_interventions", [{"design_group": " baricitinib", "intervention": "Baricitinib"},
                                                         {"design_group": "PLACEBO", "intervention": "Placebo"}]),
         note="case and spacing"),
    Case(ARM, False, _clean, note="clean"),

    Case(STRAY, True, rows("design_group_interventions", [{"design_group": "Baricitinib", "intervention": "Baricitinib"},
                                                          {"design_group": "Placebo", "intervention": "Baricitinib"}]),
         note="placebo given in no arm"),
    Case(STRAY, False, rows("design_group_interventions", []), note="the source does not link them"),
    Case(STRAY, False, _clean, note="clean"),

    Case(LINK_ARM, True, links(("Baricitinib 2 mg", "Baricitinib"), ("Placebo", "Placebo")),
         note="an intervention linked to an arm label no arm has"),
    Case(LINK_ARM, True, both(rows("design_groups", []), links(("Baricitinib", "Baricitinib"))),
         note="links to arms the record does not list at all"),
    Case(LINK_ARM, False, links((" baricitinib ", "Baricitinib"), ("PLACEBO", "Placebo")),
         note="case and surrounding spaces, as links are read"),
    Case(LINK_ARM, False, both(study(source_layout="aggregator_text"),
                               links(("Baricitinib 2 mg", "Baricitinib"), ("Placebo", "Placebo"))),
         note="a republished page's labels are its own"),
    Case(LINK_ARM, False, links(), note="the source does not link them"),
    Case(LINK_ARM, False, _clean, note="clean"),

    Case(LINK_DRUG, True, links(("Baricitinib", "Baricitinib 2 mg tablet"), ("Placebo", "Placebo")),
         note="an arm linked to an intervention name no intervention has"),
    Case(LINK_DRUG, False, links(("Baricitinib", "BARICITINIB"), ("Placebo", "placebo ")),
         note="case and surrounding spaces, as links are read"),
    Case(LINK_DRUG, False, both(study(source_layout="ctgov_classic_text"),
                                links(("Baricitinib", "Baricitinib 2 mg tablet"), ("Placebo", "Placebo"))),
         note="a text page's names are its own"),
    Case(LINK_DRUG, False, _clean, note="clean"),
    Case("protocol.interventional_design_missing", False,
         both(rows("designs", []), rows("design_groups", []), field_selected()),
         note="a field-selected extract without the design module"),
]

# Ages in different units are compared as calendar lengths: a month is 28 to 31 days, a year 365 or 366.
CASES += [
    Case(AGES, True, row("eligibilities", minimum_age="18 Years", maximum_age="6 Months"), note="18 years, 6 months"),
    Case(AGES, False, row("eligibilities", minimum_age="1 Year", maximum_age="365 Days"), note="one year is 365 days"),
    Case(AGES, False, row("eligibilities", minimum_age="1 Month", maximum_age="30 Days"), note="a month of 30 days"),
    Case(AGES, False, row("eligibilities", minimum_age="1 Month", maximum_age="28 Days"), note="a month of 28 days"),
    Case(AGES, False, row("eligibilities", minimum_age="2 Years", maximum_age="730 Days"), note="two years"),
    Case(AGES, False, row("eligibilities", minimum_age="6 Months", maximum_age="26 Weeks"), note="half a year"),
    Case(AGES, False, row("eligibilities", minimum_age="18 Years", maximum_age="216 Months"), note="216 months"),
    Case(AGES, True, row("eligibilities", minimum_age="13 Months", maximum_age="1 Year"), note="13 months, 1 year"),
    Case(AGES, True, row("eligibilities", minimum_age="3 Months", maximum_age="12 Weeks"),
         note="three months are at least 89 days"),
    Case(AGES, True, row("eligibilities", minimum_age="7 Days", maximum_age="6 Days"), note="days are exact"),
    Case(AGES, False, row("eligibilities", minimum_age="0 Days", maximum_age="28 Days"), note="neonates"),
    Case(AGES, False, row("eligibilities", minimum_age="N/A", maximum_age="N/A"), note="no limits"),
]

# Labels that differ in inner spacing or a closing full stop name the same arm or intervention; a republished page
# that names arms or interventions its own way in its links cannot show which ones its links leave out.
CASES += [
    Case(ARM, False, both(rows("design_groups", [
        {"group_type": "EXPERIMENTAL", "title": "Baricitinib  2 mg", "description": None},
        {"group_type": "PLACEBO_COMPARATOR", "title": "Placebo.", "description": None}]),
        links(("Baricitinib 2 mg", "Baricitinib"), ("Placebo", "Placebo"))),
        note="inner spacing and a closing full stop"),
    Case(LINK_ARM, False, both(rows("design_groups", [
        {"group_type": "EXPERIMENTAL", "title": "Baricitinib  2 mg", "description": None},
        {"group_type": "PLACEBO_COMPARATOR", "title": "Placebo.", "description": None}]),
        links(("Baricitinib 2 mg", "Baricitinib"), ("Placebo", "Placebo"))),
        note="inner spacing and a closing full stop"),
    Case(LINK_ARM, True, links(("Baricitinib", "Baricitinib"), ("Placebo arm", "Placebo")),
         note="another word is another label"),
    Case(LINK_DRUG, False, links(("Baricitinib", "Baricitinib."), ("Placebo", "Placebo  ")),
         note="a closing full stop"),
    Case(STRAY, False, links(("Baricitinib", "baricitinib."), ("Placebo", "Placebo")), note="a closing full stop"),
    Case(ARM, False, both(study(source_layout="aggregator_text"),
                          links(("Baricitinib 2 mg", "Baricitinib"), ("Placebo", "Placebo"))),
         note="a republished page whose links name an arm its own way"),
    Case(ARM, True, both(study(source_layout="aggregator_text"), links(("Baricitinib", "Baricitinib"))),
         note="a republished page whose links name its arms, one arm given nothing"),
    Case(STRAY, False, both(study(source_layout="ctgov_classic_text"),
                            links(("Baricitinib", "Baricitinib 2 mg tablet"), ("Placebo", "Placebo"))),
         note="a text page whose links name an intervention its own way"),
    Case(STRAY, True, both(study(source_layout="ctgov_classic_text"), links(("Baricitinib", "Baricitinib"))),
         note="a text page whose links name its interventions, one given in no arm"),
    Case(ARM, True, both(lambda s: s["design_groups"][1].update(group_type="OTHER", title="Usual care"),
                         links(("Baricitinib", "Baricitinib"))),
         note="usual care typed OTHER: the registry asks a no-intervention type"),
    Case(ARM, True, both(lambda s: s["design_groups"][1].update(group_type="ACTIVE_COMPARATOR",
                                                                title="Wait-list control"),
                         links(("Baricitinib", "Baricitinib"))), note="a wait-list control typed as a comparator"),
    Case(ARM, False, both(lambda s: s["design_groups"][1].update(group_type="NO_INTERVENTION", title="Usual care"),
                          rows("interventions", [{"intervention_type": "DRUG", "name": "Baricitinib"}]),
                          links(("Baricitinib", "Baricitinib"))), note="usual care typed NO_INTERVENTION"),
    Case(STRAY, False, both(study(source_layout="ctgov_xml", study_first_posted_date=d(2005, 3, 1)), links()),
         note="a legacy record that links nothing"),
    Case(DESIGN, True, row("designs", intervention_model="SEQUENTIAL", allocation=None),
         note="sequential cohorts without an allocation"),
    Case(DESIGN, True, both(rows("designs", []), study(source_layout="ctgov_xml", study_first_posted_date=None,
                                                       study_first_submitted_date=d(2006, 3, 1))),
         note="legacy record without a posted date, submitted 2006: info"),
]
CASES += [
    Case(ARM, False, links(("Baricitinib 2 mg", "Baricitinib"), ("Placebo", "Placebo")),
         note="a link names an arm the record does not list: one broken link, link_to_unlisted_arm's finding"),
]

# A republished page may show no arm types (meddatax's compact page): in a record that types none of its arms, an
# arm may be the registry's no-intervention arm, so none is judged; an untyped arm beside typed ones is.
_UNTYPED_ARMS = lambda s: [arm.update(group_type=None) for arm in s["design_groups"]]  # noqa: E731
CASES += [
    Case(ARM, False, both(study(source_layout="aggregator_text"), _UNTYPED_ARMS, links(("Baricitinib", "Baricitinib"))),
         note="a page that shows no arm types"),
    Case(ARM, True, both(lambda s: s["design_groups"][1].update(group_type=None),
                         links(("Baricitinib", "Baricitinib"))), note="an untyped arm beside a typed one"),
    Case(ARM, True, both(observational_group("Group A pre-diabetic", "Pre-diabetics receiving PLACEBO for 6 weeks"),
                         _UNTYPED_ARMS),
         note="an observational study's cohorts are never typed: one given a placebo is judged all the same"),
]

# An observational follow-up of another trial: its placebo cohort was given the placebo there, and nothing here.
CASES += [
    Case(ARM, False, observational_group("Placebo", "Participants who received placebo in the parent study"),
         note="the parent study's placebo group, followed up"),
    Case(ARM, False, observational_group("Placebo", "Patients randomized to placebo in the core study"),
         note="randomized to placebo in the core study"),
    Case(ARM, True, observational_group("Sham", "Patients undergoing a sham procedure"),
         note="a sham procedure in this study"),
]
