"""Contradictions between a study's arms and its interventions: doses, arms listed twice.

What each text states and how two doses are compared are read in the modules beside this one: `arm_stated_doses`
(the doses an arm's and its interventions' texts state, by drug), `arm_loading_doses` (an opening amount read as a
loading dose), `arm_dose_agreement` (doses that agree, and agreement that leaves a disagreement unsure),
`arm_regimen_steps` (a regimen's steps against the other text's dose), `arm_salts` (a salt's amount against its
active part's) and `arm_strengths` (an arm's dose below the strength of its products).
"""
from __future__ import annotations

from typing import Callable, Iterator

import duckdb

from checks.arm_dose_agreement import agree, agreeing_doses, hides
from checks.arm_regimen_steps import at_same_times, goes_on_at, split_whole, steps_up_to
from checks.arm_salts import salt_and_base
from checks.arm_stated_doses import StatedDose, intervention_doses, read_arms, states_dose, vocabulary
from checks.arm_strengths import below_strength, name_strengths
from checks.arm_unit_multiples import units_of
from checks.dose_conditions import conditional
from checks.drug_doses import not_given_here
from checks.rule import CheckScope, Finding, Rule
from checks.sql_text import title_key
from checks.study_text import rows_by_study


def _conflict(arm_doses: list[StatedDose], iv_doses: list[StatedDose],
              others_level: Callable[[StatedDose], bool] = lambda _: False,
              not_given: Callable[[StatedDose], bool] = lambda _: False) -> tuple[StatedDose, StatedDose] | None:
    """A pair showing the doses disagree, when comparable doses exist and none of their kind agree (`hides`); an
    intervention's dose that is another arm's level (`others_level`) shows no disagreement, nor does an amount that
    is no dose given (`not_given`), though either may agree."""
    pairs = [(a, i) for a in arm_doses for i in iv_doses
             if a.dose.comparable(i.dose) or goes_on_at(a, i, arm_doses, iv_doses)
             or goes_on_at(i, a, iv_doses, arm_doses) or at_same_times(a, i)]
    if not pairs:
        return None
    agreeing = agreeing_doses(arm_doses, iv_doses)
    if not agreeing:
        differing = pairs
    else:
        both_ceilings = any(a.dose.ceiling for a in arm_doses) and any(i.dose.ceiling for i in iv_doses)
        differing = [(a, i) for a, i in pairs if not any(hides(agreed, (a.dose, i.dose), both_ceilings)
                                                         for agreed in agreeing) and not agree(a.dose, i.dose)]
    return next((pair for pair in differing if not others_level(pair[1]) and not any(map(not_given, pair))
                 and not split_whole(pair[0], pair[1], arm_doses) and not split_whole(pair[1], pair[0], iv_doses)
                 and not salt_and_base(*pair) and not _one_of_several(*pair)), None)


def _one_of_several(a: StatedDose, i: StatedDose) -> bool:
    """Whether one amount of the pair is a part of the other's dose: one unit's strength of a dose of several units
    (`units_of`), or an earlier step of a titration that goes on to the other's dose (`steps_up_to`)."""
    return units_of(a, i) or units_of(i, a) or steps_up_to(a, i) or steps_up_to(i, a)


# How close a ratio of two amounts must be to 10, 100 or 1,000 to be a slip of a decimal point or of a unit's prefix
# ("200 mg/m2" against "20 mg/m2", "6 mg" against "6 mcg", "0.9%" against "09%").
SLIP_TOLERANCE = 0.02


def plainly_differ(a: StatedDose, i: StatedDose) -> bool:
    """Whether two doses plainly contradict: both state the same frequency, each as an amount a time ("2 mg once daily"
    against "4 mg once daily", a concentration against a concentration) or once a day against a day's total, or they
    differ by a power of ten alone (a slipped decimal point or unit prefix). Any other difference, with no frequency
    or another, may be a per-day total, another phase, a titration step or a misreading of free text."""
    x, y = a.dose, i.dose
    # once a day (or a week) and a day's (a week's) total are one schedule: "400 mg qd" against "800 mg per day"
    if x.per_day is not None and x.per_day == y.per_day and (x.per_time == y.per_time or x.per_day <= 1):
        return True
    return slipped(a, i)


def slipped(a: StatedDose, i: StatedDose) -> bool:
    """Whether two doses differ by a power of ten alone: the same frequency (or none stated) and amounts a factor of
    10, 100 or 1,000 apart, a decimal point or a unit's prefix slipped."""
    x, y = a.dose, i.dose
    if x.per_day != y.per_day and None not in (x.per_day, y.per_day) or min(x.low, y.low) <= 0:
        return False
    ratio = max(x.low, y.low) / min(x.low, y.low)
    return any(abs(ratio / factor - 1) <= SLIP_TOLERANCE for factor in (10, 100, 1000))


def _not_given(stated: StatedDose, drugs: dict[str, str]) -> bool:
    """Whether the amount is no dose its text gives of the drug: none at all ("0 mg"), a placebo's, a drug's taken
    before or gone without, or a combination's (`not_given_here`), or one for some participants only ("3 g for
    patients weighing 120 kg or more", "2 mg if eGFR < 60"), as others may get another dose. Read only of doses that
    would disagree."""
    # "tablets (n=3) 0 mg twice daily": a blinded count's matching placebo units, no dose of the drug
    return stated.dose.high == 0 or conditional(stated.text, stated.dose.start, stated.dose.end) \
        or not_given_here(stated.text, stated.dose, drugs)


def _other_arms_level(dose: StatedDose, drug: str, arm: tuple, read: dict) -> bool:
    """Whether another arm receiving the intervention that states `dose` gives the drug at that dose: an
    intervention shared by arms may state one arm's dose level, and another arm's level is not a contradiction."""
    for other, (linked, doses) in read.items():
        if other is arm or other == arm or not any(name == dose.owner for name, _ in linked):
            continue
        if any(d.dose.matches(dose.dose) for d in doses.get(drug, ())):
            return True
    return False


def _strength_findings(nct_id: str, title: str, arm_doses: dict[str, list[StatedDose]],
                       strengths: dict[str, list[StatedDose]], iv_doses: dict[str, list[StatedDose]],
                       conflicts: dict, drugs: dict[str, str]) -> Iterator[Finding]:
    """Findings of an arm giving a drug below the strength its linked products are named for, where the
    interventions' descriptions state no dose of it that the arm's agrees with and no other finding names it."""
    reported = {drug for found in conflicts.values() for drug, _, _ in found}
    for drug in sorted(arm_doses.keys() & strengths.keys() - reported):
        if agreeing_doses(arm_doses[drug], iv_doses.get(drug, [])):
            continue
        if pair := below_strength(arm_doses[drug], strengths[drug], lambda stated: _not_given(stated, drugs)):
            a, i = pair
            message = (f"Arm '{title}' gives {drug} as {a.dose.label}, less than the {i.dose.text} its intervention "
                       f"'{i.owner}' is named for.")
            yield Finding(nct_id, message, f"{a.quote()}; {i.quote()}", (a.field, i.field), "info")


def _arm_findings(nct_id: str, arm: tuple, read: dict, drugs: dict[str, str],
                  given: dict[tuple, dict[str, list[StatedDose]]], named_linked: list[tuple] = ()) -> Iterator[Finding]:
    """Findings of one arm stating an amount; `read` holds the linked interventions and doses of the study's
    arms that state one, `given` keeps the doses of each set of interventions, and `named_linked` the
    interventions the record links the arm to by name (none where it links the arm to none it lists)."""
    title = arm[0]
    linked, arm_doses = read[arm]
    iv_doses = given.get(tuple(linked))
    if iv_doses is None:
        iv_doses = given[tuple(linked)] = intervention_doses(linked, drugs)
    # one finding per pair of texts: a combination's ratio ("400/100 mg" against "800/200 mg") disagrees for each
    # of its drugs, from the same two quotes
    conflicts: dict[str, list[tuple[str, StatedDose, StatedDose]]] = {}
    for drug in sorted(arm_doses.keys() & iv_doses.keys()):
        if pair := _conflict(arm_doses[drug], iv_doses[drug], lambda i: _other_arms_level(i, drug, arm, read),
                             lambda stated: _not_given(stated, drugs)):
            a, i = pair
            conflicts.setdefault(f"{a.quote()}; {i.quote()}", []).append((drug, a, i))
    if named_linked:
        yield from _strength_findings(nct_id, title, arm_doses, name_strengths(named_linked, drugs), iv_doses,
                                      conflicts, drugs)
    for evidence, found in conflicts.items():
        _, a, i = found[0]
        if len({(arm_dose.dose.label, iv_dose.dose.label) for _, arm_dose, iv_dose in found}) == 1:
            # the ratio read for each drug: "lopinavir/ritonavir as 400/100 mg"
            gives, says = f"{'/'.join(drug for drug, _, _ in found)} as {a.dose.label}", i.dose.label
        else:
            gives = " and ".join(f"{drug} as {arm_dose.dose.label}" for drug, arm_dose, _ in found)
            says = " and ".join(iv_dose.dose.label for _, _, iv_dose in found)
        message = f"Arm '{title}' gives {gives} but its intervention '{i.owner}' says {says}."
        yield Finding(nct_id, message, evidence, (a.field, i.field), None if plainly_differ(a, i) else "info")


def arm_dose_differs(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """An arm states a dose of a drug that its intervention states differently."""
    arms = rows_by_study(con, scope, "design_groups", ("title", "description"))
    interventions = rows_by_study(con, scope, "interventions", ("name", "description"))
    links = rows_by_study(con, scope, "design_group_interventions", ("design_group", "intervention"))
    for nct_id, study_arms in arms.items():
        yield from study_dose_findings(nct_id, study_arms, interventions.get(nct_id, []), links.get(nct_id, []))


def study_dose_findings(nct_id: str, arms: list[tuple], interventions: list[tuple],
                        links: list[tuple]) -> Iterator[Finding]:
    """The findings of one study's arms (title, description) against its interventions (name, description).

    Only arms stating a dose are read, and none when no intervention states one: the same findings as
    reading every arm, since a finding compares an arm's dose with an intervention's.
    """
    dosed = [arm for arm in arms if states_dose(arm)]
    if not dosed or not any(states_dose(iv) for iv in interventions):
        return
    drugs, given = vocabulary(arms, interventions), {}
    read = read_arms(dosed, interventions, links, drugs)
    for arm in dosed:
        yield from _arm_findings(nct_id, arm, read, drugs, given, _named_links(arm[0], interventions, links))


def _named_links(title: str, interventions: list[tuple], links: list[tuple]) -> list[tuple]:
    """The interventions the record links an arm to by name; none where it links the arm to none it lists."""
    names = {(i or "").strip().lower() for g, i in links if (g or "").strip().lower() == (title or "").strip().lower()}
    return [iv for iv in interventions if (iv[0] or "").strip().lower() in names] if names else []


# Titles compared as links match them (case, runs of white space, a final full stop: "Placebo" and "Placebo." are one
# arm); the message shows the title with its white space made single. Rows that share a description too (or have
# none) are one arm listed again; rows whose descriptions differ may be arms of their own given one title ("Cohort 1"
# of Part A and of Part B): titles must be unique, as links name arms by them, but no arm is counted twice.
# Descriptions are compared as titles are (case, runs of white space, a final full stop): "Matching  placebo" and
# "Matching placebo." describe one arm. Only the few repeated titles whose descriptions differ as stored are read
# again to compare them so.
_DESCRIPTION_KEY = "coalesce(rtrim(lower(trim(regexp_replace(g.description, '[\\s\\x{00A0}]+', ' ', 'g'))), '. '), '')"
DUPLICATE_ARM = f"""
    WITH repeated AS (
        SELECT nct_id, {title_key('title')} AS key, any_value(title) AS title, count(*) AS n,
               min(description) AS description, count(DISTINCT coalesce(lower(trim(description)), '')) AS descriptions
        FROM design_groups
        WHERE title IS NOT NULL AND {title_key('title')} <> ''
        GROUP BY nct_id, {title_key('title')}
        HAVING count(*) > 1
    ), told AS (
        SELECT g.nct_id, {title_key('g.title')} AS key, count(DISTINCT {_DESCRIPTION_KEY}) AS descriptions
        FROM (SELECT * FROM design_groups
              WHERE title IS NOT NULL AND nct_id IN (SELECT nct_id FROM repeated WHERE descriptions > 1)) g
        GROUP BY g.nct_id, {title_key('g.title')}
    ), shown AS (
        SELECT r.nct_id, r.title, r.n, r.description, coalesce(t.descriptions, r.descriptions) AS descriptions,
               trim(regexp_replace(r.title, '[\\s\\x{{00A0}}]+', ' ', 'g')) AS shown
        FROM repeated r LEFT JOIN told t ON t.nct_id = r.nct_id AND t.key = r.key
    )
    SELECT nct_id,
           CASE WHEN descriptions = 1 THEN 'The arm ''' || shown || ''' is listed ' || n || ' times.'
                ELSE 'The title ''' || shown || ''' is given to ' || n || ' arms.' END AS message,
           'design_groups.title = ''' || shown || ''' in ' || n || ' rows; '
             || CASE WHEN descriptions = 1 AND coalesce(trim(description), '') = '' THEN 'no descriptions'
                     ELSE 'descriptions ' || CASE WHEN descriptions = 1 THEN 'identical' ELSE 'differ' END
                          || ': ''' || left(coalesce(description, ''), 120)
                          || CASE WHEN length(description) > 120 THEN '...' ELSE '' END || '''' END AS evidence
    FROM shown
"""

RULES = (
    Rule("contradictions.arm_dose_differs", "contradiction", "warning",
         "An arm and its intervention giving different doses of one drug leave the real dose unknown. A warning where "
         "both state the same frequency ('2 mg once daily' against '4 mg once daily') or the two differ by a power of "
         "ten alone (200 against 20 mg/m2, 6 mg against 6 mcg); info otherwise, as a per-day total, another phase, a "
         "titration step or a misread free text differs too; so is an arm's dose below its products' strength.",
         ("design_groups.description", "interventions.description"), func=arm_dose_differs, in_worker=True),
    Rule("contradictions.duplicate_arm", "contradiction", "warning",
         "An arm listed twice inflates the arm count and duplicates its interventions; arms sharing one title "
         "leave unclear which of them the record's links name.",
         ("design_groups.title",), sql=DUPLICATE_ARM),
)
