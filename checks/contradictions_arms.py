"""Contradictions between a study's arms, its interventions and its outcomes (doses, drug names)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

import duckdb

from checks.dose_text import Dose
from checks.drug_names import doses_by_drug
from checks.drug_names import drug_vocabulary, stem_drugs, word_at, words_in
from checks.rule import CheckScope, Finding, Rule
from checks.study_text import excerpt, rows_by_study, texts_by_study


@dataclass(frozen=True)
class StatedDose:
    """A dose with where it was stated: the field, the row's name and the text."""

    dose: Dose
    field: str
    owner: str
    text: str

    def quote(self) -> str:
        """`table.column ('owner'): '...excerpt...'`."""
        return f"{self.field} ('{self.owner}'): '{excerpt(self.text, self.dose.start, self.dose.end, 50)}'"


def _vocabulary(arms: list[tuple], interventions: list[tuple]) -> dict[str, str]:
    texts = [d for _, d in interventions] + [t for arm in arms for t in arm]
    return drug_vocabulary((n for n, _ in interventions), texts)


def _drug_named(name: str | None, drugs: dict[str, str]) -> str | None:
    """The one drug an intervention name or arm text names, if exactly one."""
    named = {drugs[w] for w in words_in(name) if w in drugs}
    return next(iter(named)) if len(named) == 1 else None


def _stated(field: str, owner: str, text: str | None, drugs: dict[str, str],
            default: str | None) -> dict[str, list[StatedDose]]:
    """Doses of one text by drug, each kept with where it was stated."""
    return {drug: [StatedDose(d, field, owner, text) for d in doses]
            for drug, doses in doses_by_drug(text, drugs, default).items()}


def _merge(into: dict[str, list[StatedDose]], more: dict[str, list[StatedDose]]) -> None:
    for drug, doses in more.items():
        into.setdefault(drug, []).extend(doses)


def _intervention_doses(interventions: list[tuple], drugs: dict[str, str]) -> dict[str, list[StatedDose]]:
    doses: dict[str, list[StatedDose]] = {}
    for name, description in interventions:
        default = _drug_named(name, drugs)
        # An amount in a product's name with no schedule is its unit strength ("Capmatinib 150 mg").
        named = _stated("interventions.name", name, name, drugs, default)
        _merge(doses, {drug: [s for s in stated if s.dose.per_day is not None] for drug, stated in named.items()})
        _merge(doses, _stated("interventions.description", name, description, drugs, default))
    return doses


def _linked(title: str, interventions: list[tuple], links: list[tuple]) -> list[tuple]:
    """The interventions an arm receives; all of them when the source links none."""
    names = {(i or "").strip().lower() for g, i in links if (g or "").strip().lower() == (title or "").strip().lower()}
    return [iv for iv in interventions if (iv[0] or "").strip().lower() in names] or interventions


def _conflict(arm_doses: list[StatedDose], iv_doses: list[StatedDose]) -> tuple[StatedDose, StatedDose] | None:
    """A pair showing the doses disagree, when comparable doses exist and none agree."""
    pairs = [(a, i) for a in arm_doses for i in iv_doses if a.dose.comparable(i.dose)]
    if not pairs or any(a.dose.matches(i.dose) for a, i in pairs):
        return None
    return pairs[0]


_PLACEBO = re.compile(r"\b(?:placebo|sham|vehicle|dummy)\b", re.I)


def _arm_findings(nct_id: str, arm: tuple, interventions: list[tuple], links: list[tuple],
                  drugs: dict[str, str]) -> Iterator[Finding]:
    title, description = arm
    linked = _linked(title, interventions, links)
    default = _drug_named(" ".join(n or "" for n, _ in linked), drugs) or _drug_named(description, drugs)
    if _PLACEBO.search(f"{title} {description}"):
        default = None  # "matching placebo 4 mg": the amount is not the drug's unless the drug is named
    arm_doses = _stated("design_groups.title", title, title, drugs, None)
    _merge(arm_doses, _stated("design_groups.description", title, description, drugs, default))
    iv_doses = _intervention_doses(linked, drugs)
    for drug in sorted(arm_doses.keys() & iv_doses.keys()):
        if pair := _conflict(arm_doses[drug], iv_doses[drug]):
            a, i = pair
            message = (f"Arm '{title}' gives {drug} as {a.dose.label} but its intervention "
                       f"'{i.owner}' says {i.dose.label}.")
            yield Finding(nct_id, message, f"{a.quote()}; {i.quote()}", (a.field, i.field))


def arm_dose_differs(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """An arm states a dose of a drug that its intervention states differently."""
    arms = rows_by_study(con, scope, "design_groups", ("title", "description"))
    interventions = rows_by_study(con, scope, "interventions", ("name", "description"))
    links = rows_by_study(con, scope, "design_group_interventions", ("design_group", "intervention"))
    for nct_id, study_arms in arms.items():
        ivs = interventions.get(nct_id, [])
        drugs = _vocabulary(study_arms, ivs)
        for arm in study_arms:
            yield from _arm_findings(nct_id, arm, ivs, links.get(nct_id, []), drugs)


_OUTCOME_FIELDS = ("design_outcomes.measure", "design_outcomes.description")
_CONTEXT_FIELDS = ("studies.official_title", "studies.brief_title", "brief_summaries.description",
                   "detailed_descriptions.description", "designs.intervention_model_description")
# An outcome about rescue or concomitant medication names drugs that are not interventions.
_MEDICATION_USE = re.compile(
    r"\b(?:use|usage|uses|consumption|requirements?|need|needs|rescue|concomitant|additional|supplemental"
    r"|cumulative|amount|prior|previous|attack|breakthrough|as-needed|prn)\b[^.;]{0,80}$", re.I)
# Nor does an outcome that measures a substance in the body ("cortisone levels", "serum tacrolimus").
_MEASURED_BEFORE = re.compile(r"\b(?:serum|plasma|blood|urinary|urine|salivary|trough)\s+$", re.I)
_MEASURED_AFTER = re.compile(r"\s+(?:levels?|concentrations?|trough)\b", re.I)


def _study_words(texts: list[str | None]) -> set[str]:
    return set().union(*(words_in(t) for t in texts)) if texts else set()


def _places(row: tuple, fields: tuple[str, ...], drug: str) -> list[tuple[str, str, int]]:
    """(field, text, offset) of each field of a row that names the drug."""
    return [(f, t, word_at(t, drug)) for f, t in zip(fields, row) if drug in stem_drugs(t)]


def _not_given(text: str, at: int, drug: str) -> bool:
    """Whether the drug is named as rescue/concomitant medication or as a measured substance."""
    before, after = text[:at], text[at + len(drug):]
    return bool(_MEDICATION_USE.search(before) or _MEASURED_BEFORE.search(before) or _MEASURED_AFTER.match(after))


def _undeclared(nct_id: str, rows: list[tuple], fields: tuple[str, ...], known: set[str], what: str,
                names: str) -> Iterator[Finding]:
    """Findings for drug words in `rows` (name first) that the study does not otherwise name."""
    reported: set[str] = set()
    for row in rows:
        for drug in sorted(set().union(*(stem_drugs(t) for t in row)) - known - reported):
            places = _places(row, fields, drug)
            if any(_not_given(text, at, drug) for _, text, at in places):
                continue
            reported.add(drug)
            field, text, at = places[0]
            named = f"The {what} '{row[0]}'" if row[0] else f"An untitled {what}"
            message = f"{named} names {drug}, which is not an intervention of this study."
            evidence = f"{field}: '{excerpt(text, at, at + len(drug), 50)}'; interventions.name: {names}"
            yield Finding(nct_id, message, evidence, (field, "interventions.name"))


def _interventional(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> set[str]:
    types = rows_by_study(con, scope, "studies", ("study_type",))
    return {nct_id for nct_id, rows in types.items() if rows[0][0] in ("INTERVENTIONAL", None)}


def drug_not_an_intervention(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """An outcome or an arm title names a drug that is none of the study's interventions."""
    outcomes = rows_by_study(con, scope, "design_outcomes", ("measure", "description"))
    arms = rows_by_study(con, scope, "design_groups", ("title", "description"))
    interventions = rows_by_study(con, scope, "interventions", ("name", "description"))
    links = rows_by_study(con, scope, "design_group_interventions", ("intervention",))
    context = texts_by_study(con, scope, _CONTEXT_FIELDS)
    for nct_id in sorted(_interventional(con, scope) & interventions.keys()):
        ivs = interventions[nct_id]
        known = _study_words([t for row in ivs + links.get(nct_id, []) for t in row]
                             + [t.text for t in context.get(nct_id, [])])
        names = ", ".join(f"'{n}'" for n, _ in ivs if n)
        study_arms = arms.get(nct_id, [])
        arm_words = _study_words([t for row in study_arms for t in row])
        yield from _undeclared(nct_id, outcomes.get(nct_id, []), _OUTCOME_FIELDS, known | arm_words, "outcome", names)
        # Arm descriptions name background and standard-of-care drugs; titles name what is given.
        yield from _undeclared(nct_id, [(t,) for t, _ in study_arms], ("design_groups.title",), known, "arm", names)


DUPLICATE_ARM = """
    SELECT nct_id,
           'The arm ''' || any_value(trim(title)) || ''' is listed ' || count(*) || ' times.' AS message,
           'design_groups.title = ''' || any_value(trim(title)) || ''' in ' || count(*) || ' rows; descriptions '
             || CASE WHEN count(DISTINCT coalesce(lower(trim(description)), '')) = 1 THEN 'identical' ELSE 'differ' END
             || ': ''' || left(coalesce(min(description), ''), 120)
             || CASE WHEN length(min(description)) > 120 THEN '...' ELSE '' END || '''' AS evidence
    FROM design_groups
    WHERE title IS NOT NULL AND trim(title) <> ''
    GROUP BY nct_id, lower(regexp_replace(trim(title), '\\s+', ' ', 'g'))
    HAVING count(*) > 1
"""

RULES = (
    Rule("contradictions.arm_dose_differs", "contradiction", "warning",
         "An arm and its intervention giving different doses of one drug leave the real dose unknown; "
         "free-text doses can be read wrongly, so a person confirms it.",
         ("design_groups.description", "interventions.description"), func=arm_dose_differs),
    Rule("contradictions.drug_not_an_intervention", "contradiction", "warning",
         "An outcome or arm naming a drug the study does not give is usually copied from another record.",
         ("design_outcomes.description", "design_groups.title", "interventions.name"),
         func=drug_not_an_intervention),
    Rule("contradictions.duplicate_arm", "contradiction", "warning",
         "An arm listed twice inflates the arm count and duplicates its interventions.",
         ("design_groups.title",), sql=DUPLICATE_ARM),
)
