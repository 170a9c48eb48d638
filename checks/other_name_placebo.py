"""An active product's other name that is a placebo or a sham ('placebo' as the other name of an investigational
drug): a placebo is no other name of what it imitates, and the record's placebo is in the wrong field."""
from __future__ import annotations

import re
from typing import Iterator

import duckdb

from checks.rule import CheckScope, Finding
from checks.study_text import rows_by_study

# The registry's types of a product a placebo or a sham imitates. A behavioural, procedural or other intervention
# with a placebo's other name is often the control itself ("Health education", other name "Attention placebo").
PRODUCT_TYPES = ("DRUG", "BIOLOGICAL", "DEVICE", "DIETARY_SUPPLEMENT", "COMBINATION_PRODUCT", "GENETIC", "RADIATION")
# An other name that is only a placebo's or a sham's: the word and at most two more ("placebo", "Matching placebo",
# "Placebo tablets", "Sham"). Not a blinded product's name ("PASER granules (or placebo granules)", "+ Placebo",
# "Placebo for X"), nor a sentence.
_IMITATION = re.compile(r"\b(?:placebos?|sham)\b", re.I)
_JOINED = re.compile(r"[+/&,;()]|\b(?:or|and|with|plus|for|of|to|vs|versus)\b", re.I)
MOST_WORDS = 3
# A placebo or sham arm's type and label with its description pasted in as an other name ("Placebo Comparator: Placebo
# (starch) in 3 capsules size 1"): a placebo's, unless it names what it is for or what it masks ("Placebo Comparator:
# Placebo for X", "... Drug X or placebo").
_ARM_PASTED = re.compile(
    r"^\s*(?:placebo|sham)\s+comparator\s*[:\-–]\s*(?:(?:matching|matched|identical)\s+)?(?:placebos?|sham)\b"
    r"(?!\s*(?:(?:for|of|to|or|and)\b|[+/&]))(?!.*\b(?:or|plus|with|versus|vs)\s+(?:(?:a|an|the|matching)\s+)?"
    r"(?:placebos?|sham)\b)", re.I)
# An intervention that is itself a placebo or a sham, or a masked product that covers its placebo, says so in its name
# or description ("Oat flour ... administered as a placebo", "ILT-101 or Placebo", "A: Sham - ...", "Sugar pill",
# "normal saline"), or abbreviates placebo ("Plb", described "Comparator", other name "Placebo": NCT01328444; "PBO").
_SAYS_IMITATION = re.compile(r"\b(?:placebos?|sham|vehicle|dummy|inactive|inert|sugar\s+pills?|saline|pbo|plb|plcb)\b",
                             re.I)
# An arm given the intervention or its placebo, as a masked product's arm says ("Dupilumab or matching placebo").
_MASKED_ARM = re.compile(r"\bor\s+(?:(?:a|an|the|its|their)\s+)?(?:(?:matching|matched|identical)\s+)?"
                         r"(?:placebos?|sham)\b|\b(?:placebos?|sham)\s+or\b|/\s*(?:placebos?|sham)\b", re.I)
# An arm that names the intervention as its placebo, in brackets after the word or with it in brackets after the
# name ("HCQ + placebo (folic acid 800 µg orally once on Day 1 ...)", "folic acid (placebo)", "folic acid as
# placebo"): a product the study gives as the placebo, which imitates nothing (the pattern of one name, `{}`).
_NAMED_THE_PLACEBO = (r"\b(?:placebos?|sham)\b[\w-]*\s*\(\s*(?:[^()]{{0,40}}?\W)?{0}\b"
                      r"|\b{0}\s*(?:\(\s*|\b(?:serves\s+|used\s+)?as\s+(?:an?\s+|the\s+)?)(?:placebos?|sham)\b")
# The arms that give a placebo or a sham: an intervention given only there is the placebo, whatever its name.
IMITATION_ARMS = ("PLACEBO_COMPARATOR", "SHAM_COMPARATOR")


def placebo_name(other: str) -> bool:
    """Whether an other name is only a placebo's or a sham's ('placebo', 'Matching placebo', 'Sham'), or a placebo arm's
    label and description ('Placebo Comparator: Placebo (starch) in 3 capsules')."""
    if _ARM_PASTED.search(other):
        return True
    return (_IMITATION.search(other) is not None and _JOINED.search(other) is None
            and len(re.findall(r"[\w-]+", other)) <= MOST_WORDS)


def _own_imitation(name: str | None, arms: list[tuple]) -> bool:
    """Whether an intervention is a placebo or a sham of its own: named so, or given only in placebo or sham arms."""
    only_imitation_arms = bool(arms) and all(kind in IMITATION_ARMS for kind, _, _ in arms)
    return _IMITATION.search(name or "") is not None or only_imitation_arms


def is_imitation(name: str | None, description: str | None, arms: list[tuple]) -> bool:
    """Whether the intervention is itself a placebo or a sham, or a masked product with its placebo: its name or
    description says so, it is given only in placebo or sham arms, an arm names it as the placebo ('+ placebo (folic
    acid)'), or an arm gives it 'or placebo'. `arms` are the
    linked arms' (group type, title, description)."""
    if any(_SAYS_IMITATION.search(text or "") for text in (name, description)):
        return True
    if _own_imitation(None, arms):
        return True
    if name and _named_the_placebo(name, arms):
        return True
    return any(_MASKED_ARM.search(text or "") for _, title, description in arms for text in (title, description))


def _named_the_placebo(name: str, arms: list[tuple]) -> bool:
    """Whether an arm's title or description names the intervention as its placebo (`_NAMED_THE_PLACEBO`)."""
    named = re.compile(_NAMED_THE_PLACEBO.format(re.escape(name.strip())), re.I)
    return any(named.search(text or "") for _, title, description in arms for text in (title, description))


def placebo_other_name_findings(nct_id: str, interventions: list[tuple], other_names: list[tuple],
                                arms_of: dict[int, list[tuple]]) -> Iterator[Finding]:
    """For each active product of one study, its other names that are a placebo's or a sham's.

    `interventions` are (id, name, type, description), `other_names` (intervention id, intervention name, other name)
    and `arms_of` the (group type, title, description) of the arms linked to each intervention id.
    """
    ids = {name: i for i, name, _, _ in interventions}
    imitations = [name for i, name, _, _ in interventions if _own_imitation(name, arms_of.get(i, []))]
    for intervention_id, name, kind, description in interventions:
        others = [o for i, n, o in other_names if (i if i is not None else ids.get(n)) == intervention_id and o
                  and placebo_name(o)]
        if others and kind in PRODUCT_TYPES and not is_imitation(name, description, arms_of.get(intervention_id, [])):
            yield _finding(nct_id, name, kind, list(dict.fromkeys(others)), imitations)


def _finding(nct_id: str, name: str, kind: str, others: list[str], imitations: list[str]) -> Finding:
    quoted = ", ".join(f"'{o}'" for o in others)
    said = f"The {kind.lower().replace('_', ' ')} '{name}' has the other name{'s' if len(others) > 1 else ''} {quoted}"
    if imitations:
        listed = ", ".join(f"'{i}'" for i in dict.fromkeys(imitations))
        message = (f"{said}, while the study lists its placebo or sham as an intervention of its own ({listed}): a "
                   "placebo is no other name of the product it imitates.")
        severity = "warning"
    else:
        message = (f"{said}: a placebo is no other name of the product it imitates; the placebo or sham its arms "
                   f"are given is an intervention of its own, or the name says the product is masked ('{name} or "
                   "placebo').")
        severity = "info"
    evidence = (f"interventions.name: '{name}'; interventions.intervention_type={kind}; "
                f"intervention_other_names.name: {quoted}")
    return Finding(nct_id, message, evidence, severity=severity)


def _arms_of(arms: list[tuple], links: list[tuple]) -> dict[int, list[tuple]]:
    """The (group type, title, description) of the arms linked to each intervention id of one study."""
    arm_of = {arm_id: tuple(rest) for arm_id, *rest in arms}
    linked: dict[int, list[tuple]] = {}
    for arm_id, intervention_id in links:
        if arm_id in arm_of:
            linked.setdefault(intervention_id, []).append(arm_of[arm_id])
    return linked


def other_name_placebo(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """An active product's other name is a placebo or a sham."""
    other_names = rows_by_study(con, scope, "intervention_other_names",
                                ("intervention_id", "intervention_name", "name"))
    named = frozenset(n for n, rows in other_names.items() if any(o and _IMITATION.search(o) for _, _, o in rows))
    # Only the studies with such an other name have their interventions and arms read.
    judged = scope.of(scope.nct_ids & named)
    interventions = rows_by_study(con, judged, "interventions", ("id", "name", "intervention_type", "description"))
    arms = rows_by_study(con, judged, "design_groups", ("id", "group_type", "title", "description"))
    links = rows_by_study(con, judged, "design_group_interventions", ("design_group_id", "intervention_id"))
    for nct_id in sorted(judged.nct_ids):
        yield from placebo_other_name_findings(nct_id, interventions.get(nct_id, []), other_names[nct_id],
                                               _arms_of(arms.get(nct_id, []), links.get(nct_id, [])))
