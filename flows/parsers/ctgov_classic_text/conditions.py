"""clincosm study page, the 'Condition or Disease Intervention/Treatment Phase' table: conditions, the interventions
it lists, the phase."""
from __future__ import annotations

import re

from flows.parsers import labels
from flows.parsers.ctgov_classic_text.typed_lines import INTERVENTION_LABELS, typed_line
from flows.parsers.page_text import nonblank, unbullet

# The table's Phase column: one phase or several on a line ('Phase 1 Phase 2', 'Phase 2, Phase 3', 'Phase II'), read
# as labels.written_phase reads a phase once the gaps between them are slashes; or no phase.
_NO_PHASE = frozenset({"n/a", "not applicable"})
_PHASE_GAP = re.compile(r"(?<!Early)\s+(?=(?:Early\s+)?Phase)", re.I)


def phase_line(line: str) -> str | None:
    """The line as one phase label ('Phase 1/Phase 2') when it holds only phases (or no phase), else None."""
    joined = _PHASE_GAP.sub("/", line.strip())
    return joined if line.strip().casefold() in _NO_PHASE or labels.written_phase(joined) else None


def condition_table(lines: list[str]) -> tuple[list[str], list[tuple[str, str]], str | None]:
    """The 'Condition or Disease Intervention/Treatment Phase' table: conditions, interventions, phase. A row copied
    with its cells parted by tabs ('Dry Eye<TAB>Drug: X<TAB>Phase 2') is read cell by cell."""
    conditions, interventions, phases = [], [], []
    for line in nonblank([cell for line in lines for cell in line.split("\t")] if "\t" in "".join(lines) else lines):
        typed = typed_line(line, INTERVENTION_LABELS)
        if typed:
            interventions.append(typed)
        elif (phase := phase_line(line)) is not None:
            phases.append(phase)
        else:
            conditions.append(unbullet(line))
    return conditions, interventions, labels.phase("/".join(phases)) if phases else None

