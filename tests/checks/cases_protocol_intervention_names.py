"""Cases for protocol.intervention_not_named: each intervention is named for what it is."""
from __future__ import annotations

from tests.checks.cases_protocol import both, row
from tests.checks.harness import Case, field_selected

RULE = "protocol.intervention_not_named"


def _clean(_s) -> None:
    """No change: the clean study."""


def named(name: str | None, kind: str = "DRUG"):
    """A change: the first intervention is named `name` and typed `kind`."""
    return row("interventions", name=name, intervention_type=kind)


CASES = [
    Case(RULE, True, named("Drug"), note="only its type"),
    Case(RULE, True, named("drug.", "OTHER"), note="a type word, any type, case and full stop aside"),
    Case(RULE, True, named("Intervention", "DEVICE"), note="only the word for any intervention"),
    Case(RULE, True, named("Control", "DEVICE"), note="only its arm's role"),
    Case(RULE, True, named("No  intervention", "OTHER"), note="says nothing is given, spacing aside"),
    Case(RULE, True, named(None), note="no name"),
    Case(RULE, True, named("N/A"), note="a placeholder"),
    Case(RULE, False, named("Placebo"), note="a named comparator"),
    Case(RULE, False, named("Standard of care", "OTHER"), note="what the comparator arm is given"),
    Case(RULE, False, named("Drug-eluting stent", "DEVICE"), note="a type word inside a name"),
    Case(RULE, False, named("Control diet", "DIETARY_SUPPLEMENT"), note="a role word inside a name"),
    Case(RULE, False, named("ALL", "OTHER"), note="an acronym: a program's name"),
    Case(RULE, False, both(named("Drug"), field_selected()), note="a field-selected extract may leave the name out"),
    Case(RULE, False, _clean, note="clean"),
]

# A protocol's word for its product, before it names it, is no name of which product it is.
CASES += [
    Case(RULE, True, named("Study drug"), note="study drug"),
    Case(RULE, True, named("Investigational Product"), note="investigational product"),
    Case(RULE, True, named("Study device", "DEVICE"), note="study device"),
    Case(RULE, False, named("Study drug (baricitinib 2 mg)"), note="the study drug named"),
    Case(RULE, False, named("Investigational product IMP-101"), note="a code names the product"),
]
