"""Rule family protocol: the design elements an interventional record must describe, and
whether its arms, interventions and ages fit together.
"""
from __future__ import annotations

from checks.arm_types import RULES as ARM_TYPE_RULES
from checks.arm_wrong_links import wrong_link_rule
from checks.date_columns import before_fdaaa, rule, select
from checks.protocol_intervention_names import RULES as INTERVENTION_RULES
from checks.protocol_outcomes import RULES as OUTCOME_RULES
from checks.sql_text import literal, sql_text, title_key

FAMILY = "protocol"
_BEFORE_FDAAA = before_fdaaa()
# What 42 CFR 11.10(b) asks an interventional record to describe, as (label, SQL: it is absent).
# A single-group study has no allocation to describe: the registry's answer is N/A, which legacy XML
# records of later years leave out rather than state; a record that lists one arm only is such a study, whatever
# it says of its model.
DESIGN_ELEMENTS = (
    ("arms", "a.arms IS NULL"),
    ("allocation", "d.allocation IS NULL AND d.intervention_model IS DISTINCT FROM 'SINGLE_GROUP' "
                   "AND a.arms IS DISTINCT FROM 1"),
    ("intervention model", "d.intervention_model IS NULL"),
    ("masking", "d.masking IS NULL"),
)


def _design_missing_sql() -> str:
    absent = "concat_ws(', ', " + ", ".join(
        f"CASE WHEN {test} THEN '{label}' END" for label, test in DESIGN_ELEMENTS) + ")"
    return select(
        sql_text("Interventional study does not describe its {absent}.", absent=absent),
        sql_text("study_type=INTERVENTIONAL; missing: {absent}", absent=absent),
        "s.study_type = 'INTERVENTIONAL' AND s.source_layout IN ('ctgov_json_v2', 'ctgov_xml') AND ("
        + " OR ".join(test for _label, test in DESIGN_ELEMENTS) + ")",
        joins="LEFT JOIN (SELECT nct_id, any_value(allocation) AS allocation, "
              "any_value(intervention_model) AS intervention_model, any_value(masking) AS masking "
              "FROM designs GROUP BY nct_id) d ON d.nct_id = s.nct_id "
              "LEFT JOIN (SELECT nct_id, count(*) AS arms FROM design_groups GROUP BY nct_id) a ON a.nct_id = s.nct_id",
        severity=f"CASE WHEN {_BEFORE_FDAAA} THEN 'info' END")


def _age_slack_days(age: str) -> str:
    """SQL: how far the age `age` (SQL text, '6 Months') may lie from its mean length in days (age_in_days) as a
    calendar length: a month is 28 to 31 days, a year 365 or 366; days, weeks and hours are exact."""
    unit = f"lower(regexp_extract({age}, '[A-Za-z]+'))"  # the one unit of an age age_in_days reads
    return f"(CASE WHEN {unit} IN ('month', 'months') THEN 2.5 WHEN {unit} IN ('year', 'years') THEN 0.75 ELSE 0 END)"


# An age's unit's length in days as writers convert it to the other age's unit, where that is finer (a year is 52
# weeks or 365 days, a month 4 weeks or 30 days): '2 Months' to '8 Weeks' and '6 Months' to '180 Days' are one age so
# written, a range of one age whose units disagree by days, which needs a person (a warning) but is not a minimum
# plainly above the maximum. Otherwise the unit's mean length.
CONVENTIONAL_DAYS = {
    "year": (("week", 364), ("day", 365), ("hour", 365), ("minute", 365)),
    "month": (("week", 28), ("day", 30), ("hour", 30), ("minute", 30)),
}
MEAN_DAYS = {"year": 365.25, "month": 30.4375, "week": 7, "day": 1, "hour": 1 / 24, "minute": 1 / 1440}


def _unit(age: str) -> str:
    """SQL: the unit of the age `age` in the singular ('year' of '18 Years')."""
    return f"rtrim(lower(regexp_extract({age}, '[A-Za-z]+')), 's')"


def _conventional_days(age: str, other: str) -> str:
    """SQL: the age `age` in days, its unit converted as writers convert it to the unit of the age `other`."""
    unit, other_unit = _unit(age), _unit(other)
    lengths = " ".join(f"WHEN {unit} = {literal(coarse)} AND {other_unit} = {literal(fine)} THEN {days}"
                       for coarse, conversions in CONVENTIONAL_DAYS.items() for fine, days in conversions)
    means = " ".join(f"WHEN {unit} = {literal(name)} THEN {days}" for name, days in MEAN_DAYS.items())
    return f"(age_in_days({age}) / (CASE {means} END) * (CASE {lengths} {means} END))"


# Ages in units of fractions that floating point cannot hold ('60 Minutes' and '1 Hour' are 1/24 day each, as two
# sums that differ in the last bit): a difference below this is none.
AGE_ROUNDING_DAYS = 1e-9


def _ages_sql() -> str:
    texts = {"lo": "e.minimum_age", "hi": "e.maximum_age"}
    # Ages in different units are compared as calendar lengths: '1 Year' is not above '365 Days', nor '1 Month'
    # above '28 Days'; where they are one age as writers convert units ('1 Year' to '52 Weeks'), a warning.
    lo, hi = texts["lo"], texts["hi"]
    return select(
        sql_text("The minimum age {lo} is above the maximum age {hi}.", **texts),
        sql_text("eligibilities.minimum_age={lo}; eligibilities.maximum_age={hi}", **texts),
        f"age_in_days({lo}) - age_in_days({hi}) "
        f"> {_age_slack_days(lo)} + {_age_slack_days(hi)} + {AGE_ROUNDING_DAYS}",
        joins="JOIN eligibilities e ON e.nct_id = s.nct_id",
        severity=f"CASE WHEN {_conventional_days(lo, hi)} - {_conventional_days(hi, lo)} <= {AGE_ROUNDING_DAYS} "
                 f"THEN 'warning' END")


# The source links arms to interventions when the study has any design_group_interventions
# row; links match arm titles and intervention names without regard to case, spacing or a closing full stop
# ("Arm  A" and "arm a." are one label), nor to how a retyped or pasted label is set: any dash is a hyphen ("Arm A –
# Drug X" is "Arm A - Drug X"), curly quotes are straight ("Crohn’s"), accents are composed one way (NFC) and
# invisible format characters (a zero-width space) are none.
REGISTRY_LAYOUTS = ("ctgov_json_v2", "ctgov_xml")
# What each typographic variant is read as: (regular expression, replacement).
TYPOGRAPHY = ((r"[\x{2010}-\x{2015}\x{2212}]", "-"), (r"[\x{2018}\x{2019}\x{201B}\x{2032}]", "'"),
              (r"[\x{201C}\x{201D}\x{201E}]", '"'), (r"\p{Cf}", ""))


def link_key(expr: str) -> str:
    """SQL: an arm title or intervention name as links match it (title_key, typography aside). Only a label with a
    character beyond ASCII (more bytes than characters) is set anew: on every label it would slow the rules. Such a
    label is keyed in a one-item list's lambda, so that title_key, which reads its text eight times, reads a name:
    written out, the typography's regular expressions were planned and compiled eight times over."""
    plain = f"nfc_normalize({expr})"
    for pattern, replacement in TYPOGRAPHY:
        plain = f"regexp_replace({plain}, {literal(pattern)}, {literal(replacement)}, 'g')"
    return (f"(CASE WHEN strlen({expr}) <> length({expr}) "
            f"THEN list_transform([{plain}], link_label -> {title_key('link_label')})[1] ELSE {title_key(expr)} END)")


def _misnamed(column: str, table: str, name: str) -> str:
    """SQL: the studies whose links name an arm (or intervention, as `column` of the links says) that none of its
    `table` rows has by `name`. Which row such a link meant cannot be told: on a registry record the broken link is
    link_to_unlisted_arm's (or _intervention's) finding, and a republished page names them its own way."""
    return (f"SELECT DISTINCT l.nct_id FROM design_group_interventions l "
            f"ANTI JOIN (SELECT DISTINCT nct_id, {link_key(name)} AS k FROM {table}) t "
            f"ON t.nct_id = l.nct_id AND t.k = {link_key(f'l.{column}')} WHERE l.{column} IS NOT NULL")


def _unlinked(alias: str, key: str, link_column: str, table: str, name: str) -> str:
    """SQL join: keep only rows of `alias` of a linked study that no link names (an anti join on the
    study and `key`, as NOT EXISTS would say, but one pass over the links, not one per row); not in a study whose
    links name a row of `table` it does not have."""
    return (f"SEMI JOIN (SELECT DISTINCT nct_id FROM design_group_interventions) linked ON linked.nct_id = s.nct_id "
            f"ANTI JOIN ({_misnamed(link_column, table, name)}) misnamed ON misnamed.nct_id = s.nct_id "
            f"ANTI JOIN (SELECT DISTINCT nct_id, {link_key(link_column)} AS linked_key "
            f"FROM design_group_interventions) l "
            f"ON l.nct_id = {alias}.nct_id AND l.linked_key = {key}")


# An observational study's groups are cohorts, and a comparison cohort is exposed to nothing; one given a
# placebo or sham is an arm all the same. A cohort of another study's placebo group, followed up now ("participants
# who received placebo in the parent study", "placebo-treated patients from Study JAHN-301", "patients on placebo in
# the ORAL trial": an observational study is no trial), is given nothing in this one: its words of an earlier study
# or of what was given before say so. So do its words of having been placed in a placebo group before ("former
# placebo recipients", not "former smokers"; "participants who were assigned to placebo", "who took part in the
# placebo arm of the malaria vaccine study", "placebo recipients in a previous vaccine study") and a study named by
# a code before the word ("in the P301 study"; not "in the 12-week study", this one), by its year ("from the sham arm
# of the 2019 pilot") or as a pilot study ("of the pilot study"; not "in the pilot phase", this study's own).
_COHORT_TEXT = "coalesce(g.title, '') || ' ' || coalesce(g.description, '')"
_EARLIER_STUDY = (r"\b(?:received|were\s+given|had\s+been\s+given|previously|formerly|parent|prior|original|core"
                  r"|preceding|earlier|feeder|lead-in|index|randomi[sz]ed\s+to|trials?|double-blind|nct\d{8}"
                  r"|former\s+(?:placebo|sham)|previous\s+(?:[\w-]+\s+){0,2}?(?:study|studies|protocol)"
                  r"|(?:were|was|had\s+been)\s+(?:assigned|allocated)\s+to"
                  r"|(?:were|was|had\s+been)\s+enrolled\s+in|participated\s+in|took\s+part\s+in"
                  r"|(?:from|of|in)\s+(?:the\s+)?(?:study|protocol)\s+[\w-]*\d[\w-]*"
                  r"|(?:from|of|in)\s+(?:the\s+)?[a-z][\w-]*\d[\w-]*\s+(?:study|protocol)"
                  r"|(?:from|of|in)\s+(?:the\s+)?(?:19|20)\d\d\s+(?:pilot|study|trial)"
                  r"|(?:from|of)\s+(?:the|a)\s+pilot\s+study"
                  r")\b")
# A cohort said not to be given one ("Healthy volunteers who will not receive placebo", "Women not exposed to the
# vaccine or placebo", "Placebo-naive patients") is a comparison cohort all the same.
_NOT_GIVEN = (r"\b(?:no|not|never|without|nor)\s+(?:[\w-]+\s+){0,5}?(?:placebo|sham)\b"
              r"|\b(?:placebo|sham)[-\s]na[iï]ve\b")
_GIVEN_SOMETHING = (rf"(regexp_matches({_COHORT_TEXT}, '\b(?:placebo|sham)\b', 'i') "
                    rf"AND NOT regexp_matches({_COHORT_TEXT}, '{_EARLIER_STUDY}|{_NOT_GIVEN}', 'i'))")


# An arm's type says whether it is a no-intervention arm. A registry record types an interventional study's arms; a
# republished page may show no type at all (meddatax's compact page lists each group's title and description only),
# and in an interventional record that types none of its arms an arm such as "Untreated observation" cannot be told
# from one whose intervention is missing. An observational study's cohorts are never typed: one is judged by whether
# its own words give it a placebo or sham (_GIVEN_SOMETHING).
_SOME_ARM_TYPED = ("(s.study_type = 'OBSERVATIONAL' OR s.nct_id IN "
                   "(SELECT nct_id FROM design_groups WHERE group_type IS NOT NULL))")


def _arm_without_intervention_sql() -> str:
    """An arm no link gives an intervention; an observational study's cohort is called a group, as it is one."""
    group = "CASE WHEN s.study_type = 'OBSERVATIONAL' THEN 'group' ELSE 'arm' END"
    texts = {"arm": "g.title", "type": "coalesce(g.group_type, 'no type')", "groups": group,
             "named": "CASE WHEN coalesce(trim(g.title), '') = '' THEN CASE WHEN s.study_type = 'OBSERVATIONAL' "
                      "THEN 'A group without a title' ELSE 'An arm without a title' END "
                      f"ELSE concat('The ', {group}, ' \"', g.title, '\"') END"}
    return select(
        sql_text("{named} receives no intervention, though the record links {groups}s to interventions.", **texts),
        sql_text("design_groups.title={arm}; group_type={type}; no design_group_interventions row", **texts),
        f"coalesce(g.group_type, '') <> 'NO_INTERVENTION' AND (s.study_type IS DISTINCT FROM 'OBSERVATIONAL' "
        f"OR {_GIVEN_SOMETHING}) AND {_SOME_ARM_TYPED}",
        joins=f"JOIN design_groups g ON g.nct_id = s.nct_id "
              f"{_unlinked('g', link_key('g.title'), 'design_group', 'design_groups', 'title')}")


# An observational study assigns no intervention: its groups are cohorts, and its record may list an exposure or a
# procedure every participant has (a questionnaire, a blood draw) without linking it to any one cohort. An
# expanded-access record has no arms either (the registry asks it for none). Neither is held to 42 CFR 11.10(b)'s
# arms, so an intervention such a record links to no group is worth knowing (info), not a likely error; the message
# calls its groups what they are.
_GROUPS_NOT_ARMS = "s.study_type IN ('OBSERVATIONAL', 'EXPANDED_ACCESS')"
_LINKED_TO_NO_GROUP = ("CASE s.study_type WHEN 'OBSERVATIONAL' THEN ' is linked to no group or cohort, though the "
                       "record links its groups to interventions.' WHEN 'EXPANDED_ACCESS' THEN ' is linked to no "
                       "group, though the record links its groups to interventions.' ELSE ' is given in no arm, "
                       "though the record links arms to interventions.' END")


# A registry record says which intervention each link belongs to (its armGroupLabels), which the link keeps as
# intervention_id: an intervention a link holds so is linked, whatever its name (one without a name has no name to
# match; intervention_not_named says it has none).
_LINKED_BY_ID = ("ANTI JOIN (SELECT DISTINCT nct_id, intervention_id FROM design_group_interventions "
                 "WHERE intervention_id IS NOT NULL) by_id ON by_id.nct_id = i.nct_id AND by_id.intervention_id = i.id")


def _intervention_in_no_arm_sql() -> str:
    """An intervention that no link of the record holds, by the intervention it belongs to or by name: given in no
    arm (a group or cohort of an observational or expanded-access record)."""
    texts = {"name": "i.name", "type": "coalesce(i.intervention_type, 'no type')",
             "named": "CASE WHEN coalesce(trim(i.name), '') = '' THEN 'An intervention without a name' "
                      "ELSE concat('The intervention \"', i.name, '\"') END"}
    return select(
        sql_text("{named}{linked}", linked=_LINKED_TO_NO_GROUP, **texts),
        sql_text("interventions.name={name}; intervention_type={type}; no design_group_interventions row",
                 **texts),
        "TRUE",
        joins=f"JOIN interventions i ON i.nct_id = s.nct_id "
              f"{_unlinked('i', link_key('i.name'), 'intervention', 'interventions', 'name')} {_LINKED_BY_ID}",
        severity=f"CASE WHEN {_GROUPS_NOT_ARMS} THEN 'info' END")


_EMPTY = "''"  # SQL: the empty text
# What a link names: (its column in design_group_interventions, the table of what it names, that table's name
# column, the word for them).
_LINKED = {
    "arm": ("design_group", "design_groups", "title", "arms"),
    "intervention": ("intervention", "interventions", "name", "interventions"),
}


def _link_to_unlisted_sql(kind: str) -> str:
    """One finding per name a registry record's links give that none of its arms (or interventions) has,
    matched as the links are read: without regard to case or surrounding spaces."""
    column, table, name, listed = _LINKED[kind]
    other_column = "intervention" if kind == "arm" else "design_group"
    quoted = f"'\"' || l.{other_column} || '\"'"
    texts = {"label": "l.label", "others": "coalesce(l.others, 'no name')", "listed": "coalesce(t.listed, 'none')"}
    # The links whose name no row has (one anti join over all links), then only those grouped and described.
    unmatched = (f"SELECT l.nct_id, l.{column} AS label, {quoted} AS other FROM design_group_interventions l "
                 f"ANTI JOIN (SELECT DISTINCT nct_id, {link_key(f'coalesce({name}, {_EMPTY})')} AS k FROM {table}) g "
                 f"ON g.nct_id = l.nct_id AND g.k = {link_key(f'coalesce(l.{column}, {_EMPTY})')}")
    links = (f"SELECT nct_id, label, string_agg(DISTINCT other, ', ' ORDER BY other) AS others "
             f"FROM ({unmatched}) GROUP BY nct_id, label")
    return select(
        sql_text(f"A link of the record names the {kind} \"{{label}}\" (for {{others}}), which is not among its "
                 f"{listed}.", **texts),
        sql_text(f"design_group_interventions.{column}={{label}}; {table}.{name}: {{listed}}", **texts),
        f"s.source_layout IN ({', '.join(literal(layout) for layout in REGISTRY_LAYOUTS)})",
        joins=f"JOIN ({links}) l ON l.nct_id = s.nct_id "
              f"LEFT JOIN (SELECT nct_id, string_agg({name}, '; ' ORDER BY {name}) AS listed FROM {table} "
              f"SEMI JOIN ({links}) u USING (nct_id) GROUP BY nct_id) t ON t.nct_id = s.nct_id")


RULES = (
    rule("interventional_design_missing", "warning",
         "42 CFR 11.10(b) requires an interventional record to give its arms, allocation (N/A for a "
         "single group), intervention model and masking; without them the design cannot be judged. "
         "Records first posted before FDAAA (2007-09-27), or first submitted before it where a legacy XML "
         "record gives no posted date: info.",
         ("design_groups", "designs.allocation", "designs.intervention_model", "designs.masking"),
         _design_missing_sql(), family=FAMILY, category="missing_field"),
    rule("minimum_age_above_maximum", "error",
         "No participant can be older than the minimum age and younger than the maximum age at "
         "once when the minimum is above the maximum; one of the ages is wrong. Ages in different units are "
         "compared as calendar lengths (a month is 28 to 31 days, a year 365 or 366), so '1 Year' to '365 Days' "
         "is one age, not a contradiction; ages that are one age as writers convert units (a year is 52 weeks or 365 "
         "days, a month 4 weeks or 30 days: '3 Months' to '12 Weeks', '1 Year' to '52 Weeks') are a warning.",
         ("eligibilities.minimum_age", "eligibilities.maximum_age"), _ages_sql(),
         family=FAMILY, category="contradiction"),
    rule("arm_without_intervention", "warning",
         "Every arm other than a no-intervention arm receives an intervention (42 CFR 11.10(b) "
         "links them); an arm with none is a broken link or a missing intervention. An observational "
         "study's groups are cohorts, and a comparison cohort is exposed to nothing (unless it is given a "
         "placebo or sham). Not judged where a link names an arm the record does not list: which arm it meant "
         "cannot be told (on a registry record that broken link is link_to_unlisted_arm's finding); nor in a "
         "record that types none of its arms (a republished page that shows no arm types): any of them may be a "
         "no-intervention arm.",
         ("design_groups.title", "design_group_interventions"), _arm_without_intervention_sql(),
         family=FAMILY, category="missing_field"),
    rule("intervention_in_no_arm", "warning",
         "Every intervention is given in at least one arm (42 CFR 11.10(b)); one given in none is "
         "a broken link or a stray intervention. An intervention the record's links hold as its own (a registry "
         "record's arm group labels) is linked, named or not. Not judged where a link names an intervention the "
         "record does not list: which one it meant cannot be told. An observational study's groups are cohorts "
         "assigned nothing, and an expanded-access record has no arms: an intervention such a record links to no "
         "group is info.",
         ("interventions.name", "design_group_interventions"), _intervention_in_no_arm_sql(),
         family=FAMILY, category="missing_field"),
    rule("link_to_unlisted_arm", "warning",
         "A registry record links each intervention to arms by their labels (42 CFR 11.10(b)); a label that no "
         "arm of the record has is a broken link: an arm renamed or removed, or a typo, so which participants "
         "receive the intervention cannot be told. Judged on ClinicalTrials.gov's own layouts only.",
         ("design_group_interventions.design_group", "design_groups.title"), _link_to_unlisted_sql("arm"),
         family=FAMILY, category="contradiction", judges_absence=True),
    rule("link_to_unlisted_intervention", "warning",
         "A registry record links arms to its interventions by name; a name that no intervention of the record "
         "has is a broken link, so what the arm receives cannot be told. Judged on ClinicalTrials.gov's own "
         "layouts only.",
         ("design_group_interventions.intervention", "interventions.name"), _link_to_unlisted_sql("intervention"),
         family=FAMILY, category="contradiction", judges_absence=True),
) + OUTCOME_RULES + INTERVENTION_RULES + ARM_TYPE_RULES + (wrong_link_rule(),)
