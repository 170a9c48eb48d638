"""What a record's own design fields say of an interventional study its text calls observational: a trial, where the
allocation is RANDOMIZED or a masked design gives an arm a placebo or sham ("Randomized. Double blind. In this
observational study, subjects were assigned to calcium or to placebo"). The record's type is then the one its design
bears out, and the text's word is the likely slip."""
from __future__ import annotations

import duckdb

from checks.design_masked_parts import placebo_given
from checks.rule import CheckScope
from checks.study_text import rows_by_study

_MASKED = ("SINGLE", "DOUBLE", "TRIPLE", "QUADRUPLE")


def trial_by_design(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> dict[str, tuple[str, str]]:
    """The scoped studies whose design fields show a trial, each with the field that shows it and how the message
    says it: ("designs.allocation = 'RANDOMIZED'", "its allocation is RANDOMIZED"), or, for a masked design whose arm
    is given a placebo or sham, ("designs.masking = 'DOUBLE'", "it is masked (DOUBLE) and gives an arm a placebo or
    sham")."""
    designs = {nct_id: rows[0] for nct_id, rows in rows_by_study(con, scope, "designs", ("allocation", "masking"))
               .items()}
    found = {nct_id: ("designs.allocation = 'RANDOMIZED'", "its allocation is RANDOMIZED")
             for nct_id, (allocation, _masking) in designs.items() if allocation == "RANDOMIZED"}
    masked = {nct_id for nct_id, (_allocation, masking) in designs.items() if masking in _MASKED} - found.keys()
    for nct_id in placebo_given(con, scope.of(masked)) & masked if masked else ():  # it reads the run's whole scope
        masking = designs[nct_id][1]
        found[nct_id] = (f"designs.masking = '{masking}'",
                         f"it is masked ({masking}) and gives an arm a placebo or sham")
    return found


def observational_message(label: str, phrase: str, trial: tuple[str, str] | None) -> tuple[str, str]:
    """The message and the stated fields of an interventional record whose `label` text says `phrase`: where the
    record's design shows a trial (`trial`, from trial_by_design), the message names the text's word as the likely
    slip, and the field that shows the trial is stated beside the type."""
    message = f"Study type is INTERVENTIONAL but the {label} says '{phrase}'"
    stated = "studies.study_type = 'INTERVENTIONAL'"
    if trial is None:
        return f"{message}.", stated
    return (f"{message}, while the record's own design is a trial's ({trial[1]}): the text's word is the likely slip, "
            "not the study type.", f"{stated}; {trial[0]}")
