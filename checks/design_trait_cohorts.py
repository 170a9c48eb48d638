"""Arms that are cohorts of participants told apart by a trait they already have, not by what the study assigns them:
"Ambulatory Patients" and "Non-Ambulatory Patients", "People with iPD with freezing of gait" and "People with iPD
without freezing of gait", "Responders" and "Non-responders", "Healthy Controls" and "Patients with COPD"
(contradictions.randomized_trait_cohorts reads them against a randomized allocation).

Two arms are such cohorts when their titles name people (patients, subjects, children, smokers, responders...) and
differ only by a negation of the trait ("Non-", "non", "without" for "with"), or differ so beside one arm of healthy
people, named or not ("Allergic rhinitis", "Non-allergic rhinitis", "Healthy Control"); when one of exactly two arms
names healthy people ("Healthy Volunteers", "Healthy control group") and the other names patients or, beside healthy
controls, anything but healthy people; or when one of exactly two is a control named for its role alone and the other
is of cases ("cases group" and "control group"). A trait negated that names what the arms are given ("Patients with
music" and "Patients without music", given "Music therapy"; "with ultrasound guidance") tells the arms apart by
treatment, not by trait, and is not read. The rule's findings (`randomized_trait_cohorts`) are read here too; the
rule is registered in checks.contradictions_design.
"""
from __future__ import annotations

import re
from typing import Iterator, NamedTuple

import duckdb

from checks.rule import CheckScope, Finding
from checks.study_text import (DESIGN_FIELDS, NARRATIVE_FIELDS, excerpt, rows_by_study, rows_by_study_matching,
                               studies_with, texts_mentioning)

# People a cohort's title names (lower case).
PEOPLE = re.compile(
    r"\b(?:patients?|people|persons?|subjects?|participants?|individuals?|volunteers?|children|adults?|adolescents?"
    r"|infants?|women|men|smokers?|drinkers?|users?|responders?|carriers?|cases)\b")
# Healthy people named as a cohort: "Healthy Volunteers", "Healthy adult subjects", "Healthy control group".
HEALTHY_PEOPLE = re.compile(
    r"\bhealthy\s+(?:[a-z-]+\s+)?(?:volunteers?|subjects?|participants?|individuals?|people|persons?|adults?"
    r"|children|donors?|controls?)\b")
HEALTHY_CONTROLS = re.compile(r"\bhealthy\s+(?:[a-z-]+\s+)?controls?\b")
# What a negated trait names when it is a treatment or its means, not a trait: the arms differ by what they are given.
TREATMENT_WORDS = frozenset((
    "device", "guidance", "guided", "therapy", "treatment", "training", "intervention", "drug", "placebo", "sham",
    "supplement", "supplementation", "support", "stimulation", "injection", "block", "surgery", "music", "exercise",
    "app", "education", "program", "programme", "counselling", "counseling", "dose", "dosing", "premedication",
    "analgesia", "anesthesia", "anaesthesia", "monitoring", "feedback", "reminder", "reminders", "information",
))
# Every title of a cohort pair holds one of these (RE2, in Arrow): a record with none has no such pair.
COHORT_TITLE_SCREEN = r"(?i)\bnon|\bwithout\b|\bhealthy\b|\bcontrols?\b"
_WORD = re.compile(r"[a-z0-9]+")
_SHORT = frozenset(("with", "the", "and", "of", "in", "a", "an", "or", "to", "for", "on", "at", "by"))


class TraitCohorts(NamedTuple):
    """Two arm titles that name cohorts by a trait, the one that has it first, and an excerpt of the description that
    says who the first arm's people are where its title does not ("This group contain cases")."""

    having: str
    lacking: str
    said: str = ""


def _words(title: str) -> list[str]:
    """The title's words, in lower case."""
    return _WORD.findall(title.lower())


def _negated(words: list[str]) -> tuple[list[str], list[str]] | None:
    """The words of a title with its one negation of a trait taken away ("non smokers", "nonsmokers", "without X"
    read as "with X"), and the words the negation bears on; None for a title with no negation or several."""
    edits = [i for i, w in enumerate(words) if w in ("non", "without") or (w.startswith("non") and len(w) > 6)]
    if len(edits) != 1:
        return None
    i = edits[0]
    word = words[i]
    if word == "non":
        return words[:i] + words[i + 1:], words[i + 1:i + 2]
    if word == "without":
        return words[:i] + ["with"] + words[i + 1:], words[i + 1:]
    return words[:i] + [word[3:]] + words[i + 1:], [word[3:]]


def _names_treatment(negated: list[str], given: set[str]) -> bool:
    """Whether the words a negation bears on name what the arms are given (`given`: the words of its name) or a
    treatment."""
    content = {w for w in negated if w not in _SHORT and len(w) > 2}
    return bool(content & given) or bool(content & TREATMENT_WORDS)


def negated_pair(titles: list[str], given: str) -> TraitCohorts | None:
    """Two titles that differ only by a negation of a trait that is not what the arms are given (`given`: the
    intervention's name), where every arm is one of such a pair or, at most one, names healthy people; the titles
    name people unless such an arm stands beside them ("Allergic rhinitis", "Non-allergic rhinitis", "Healthy
    Control"); else None."""
    words = [_words(t) for t in titles]
    given_words = set(_words(given))
    healthy = {i for i, t in enumerate(titles) if HEALTHY_PEOPLE.search(t.lower())}
    pairs, paired = [], set()
    for j, lacking in enumerate(words):
        read = _negated(lacking)
        if read is None or _names_treatment(read[1], given_words):
            continue
        for i, having in enumerate(words):
            if i == j or having != read[0] or _negated(having) is not None:
                continue
            if PEOPLE.search(titles[i].lower()) or healthy - {i, j}:
                pairs.append(TraitCohorts(titles[i], titles[j]))
                paired.update((i, j))
    unpaired = set(range(len(titles))) - paired
    return pairs[0] if pairs and len(unpaired) <= 1 and unpaired <= healthy else None


def healthy_pair(titles: list[str]) -> TraitCohorts | None:
    """Two arms, one of healthy people and one of patients (or, beside healthy controls, of any people but healthy
    ones); else None."""
    if len(titles) != 2:
        return None
    for healthy, other in (titles, titles[::-1]):
        lowered, other_lowered = healthy.lower(), other.lower()
        if not HEALTHY_PEOPLE.search(lowered) or "healthy" in other_lowered:
            continue
        if HEALTHY_CONTROLS.search(lowered) or PEOPLE.search(other_lowered):
            return TraitCohorts(other, healthy)
    return None


# An arm named for its role as control alone ("Control", "Control group", "Controls") beside an arm of cases, named
# so ("Cases group", "Cases") or said to be so in its description ("This group contain cases", "group of cases with
# cholinergic urticaria"): a comparison of people who have a condition with people who do not. Arms whose text says
# what they are given ("Cases: will receive drug X") may be a treatment's arms, named loosely, and are not read.
CONTROL_TITLE = re.compile(r"(?:the\s+)?(?:healthy\s+)?controls?(?:\s+(?:group|arm|cohort|subjects?|participants?))?")
CASES_TITLE = re.compile(r"\bcases\b|\bcase\s+(?:group|arm|cohort)\b")
CASES_SAID = re.compile(r"\b(?:group|cohort|arm)\s+(?:of|contains?|includes?|consists?\s+of|comprises?|composed\s+of)"
                        r"\s+(?:the\s+)?cases\b", re.I)
_SAYS_GIVEN = re.compile(r"\b(?:receiv\w*|given|gets?|administ\w*|treated|treatments?|assigned|allocated"
                         r"|will\s+(?:take|use|undergo|be\s+offered))\b")


def case_control_pair(titles: list[str], descriptions: list[str]) -> TraitCohorts | None:
    """Two arms, one of cases (by its title or description) and one named a control, neither text saying what the
    arm is given; else None."""
    if len(titles) != 2 or any(_SAYS_GIVEN.search(f"{t} {d}".lower()) for t, d in zip(titles, descriptions)):
        return None
    for cases, control in ((0, 1), (1, 0)):
        if not CONTROL_TITLE.fullmatch(" ".join(_words(titles[control]))):
            continue
        if CASES_TITLE.search(titles[cases].lower()):
            return TraitCohorts(titles[cases], titles[control])
        if said := CASES_SAID.search(descriptions[cases]):
            return TraitCohorts(titles[cases], titles[control], excerpt(descriptions[cases], *said.span()))
    return None


def trait_cohorts(titles: list[str], given: str, descriptions: list[str] | None = None) -> TraitCohorts | None:
    """Arms (`titles`, and their `descriptions`) that are cohorts by a trait participants already have, all given one
    intervention (`given`: its name): a negated pair, a healthy pair or cases and controls, else None."""
    return (negated_pair(titles, given) or healthy_pair(titles)
            or case_control_pair(titles, descriptions or [""] * len(titles)))


# Groups whose type says they are given a placebo, a sham or nothing: arms told apart by treatment. An arm typed as an
# active comparator but linked, as every other arm, to the one same intervention is compared by nothing it is given.
_TREATMENT_CONTRASTS = ("PLACEBO_COMPARATOR", "SHAM_COMPARATOR", "NO_INTERVENTION")
# Models that randomize within each participant or between factors: cohorts by a trait may be randomized so.
_WITHIN_MODELS = ("CROSSOVER", "FACTORIAL")
# Any word of randomization or stratification: the text says what is randomized, within the cohorts or besides them.
_RANDOMIZATION_WORDS = ("random", "stratif")
_PLACEBO_NAME = re.compile(r"\b(?:placebo|sham|vehicle|dummy)\b", re.I)


def _one_given(arms: list[tuple], links: list[tuple], names: dict) -> str | None:
    """The name of the one intervention every arm (id, group type, title, description) is linked to, and only to;
    None when the arms are linked to several, to none, to different ones or to a placebo, or one's type is of a
    treatment contrast."""
    if any(group_type in _TREATMENT_CONTRASTS for _id, group_type, *_texts in arms):
        return None
    linked: dict = {}
    for arm, intervention in links:
        linked.setdefault(arm, set()).add(intervention)
    given = {frozenset(linked.get(arm, ())) for arm, _type, *_texts in arms}
    if len(given) != 1 or len(only := next(iter(given))) != 1:
        return None
    name = names.get(next(iter(only)))
    return None if not name or _PLACEBO_NAME.search(name) else name


def _randomized_cohorts(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> dict[str, tuple[TraitCohorts, str]]:
    """The scoped randomized studies, not of a crossover or factorial model, whose arms are cohorts by a trait all
    given one intervention: the cohorts and the intervention's name."""
    # Only the randomized studies with an arm title a cohort's may hold are read further: the scope narrowed to them.
    randomized = scope.of(scope.nct_ids & studies_with(con, scope, "designs", "allocation", ("RANDOMIZED",)))
    titled = scope.of(rows_by_study_matching(con, randomized, "design_groups", ("title",), COHORT_TITLE_SCREEN))
    models = rows_by_study(con, titled, "designs", ("intervention_model",))
    arms = rows_by_study(con, titled, "design_groups", ("id", "group_type", "title", "description"))
    links = rows_by_study(con, titled, "design_group_interventions", ("design_group_id", "intervention_id"))
    interventions = rows_by_study(con, titled, "interventions", ("id", "name"))
    found = {}
    for nct_id, study_arms in sorted(arms.items()):
        if any(model in _WITHIN_MODELS for (model,) in models.get(nct_id, [])) or len(study_arms) < 2:
            continue
        given = _one_given(study_arms, links.get(nct_id, []), dict(interventions.get(nct_id, [])))
        titles = [title for _id, _type, title, _description in study_arms]
        descriptions = [description or "" for *_arm, description in study_arms]
        if given and all(titles) and (cohorts := trait_cohorts(titles, given, descriptions)):
            found[nct_id] = (cohorts, given)
    return found


def randomized_trait_cohorts(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """Allocation RANDOMIZED while the arms are cohorts by a trait participants already have ("Ambulatory Patients"
    and "Non-Ambulatory Patients", "Healthy Volunteers" and "Patients with COPD"), all given one intervention, and no
    text of the record speaks of randomization or stratification."""
    found = _randomized_cohorts(con, scope)
    # Only the candidates' texts are read for a word of randomization: the scope narrowed to them.
    said = texts_mentioning(con, scope.of(found), DESIGN_FIELDS + NARRATIVE_FIELDS, _RANDOMIZATION_WORDS) \
        if found else {}
    for nct_id, (cohorts, given) in sorted(found.items()):
        if nct_id in said:
            continue
        message = (f"Allocation is RANDOMIZED, but the arms '{cohorts.having}' and '{cohorts.lacking}' are groups of "
                   f"participants told apart by a trait they already have, all given '{given}', and no text says "
                   f"what is randomized: a trait cannot be assigned at random, so the allocation or the arms are "
                   f"wrong.")
        evidence = (f"designs.allocation = 'RANDOMIZED'; design_groups.title: '{cohorts.having}', "
                    f"'{cohorts.lacking}'; interventions.name: '{given}'")
        if cohorts.said:
            evidence += f"; design_groups.description of '{cohorts.having}': '{cohorts.said}'"
        yield Finding(nct_id, message, evidence, ("designs.allocation", "design_groups.title"))
