"""meddatax pages copied from a browser: the cells of one row of the page on one line, parted by tabs. A label and
its value ('Recruitment Status<TAB>RECRUITING') are the label's line and the value's; values the page shows bare
('ACTIVE_NOT_RECRUITING<TAB>PHASE4', '18 Years<TAB>ALL<TAB>No') are one line each. Any other line with a tab (a
criterion '1.<TAB>Age 18 or over') is text, kept as it is."""
from __future__ import annotations

from flows.parsers.aggregator_text.basic_information import _BASIC_LABELS, _basic_field
from flows.parsers.aggregator_text.design import _DESIGN_COLUMN, _DESIGN_LABELS
from flows.parsers.aggregator_text.eligibility import _AGE, _ELIGIBILITY_LABELS, _NO_AGE
from flows.parsers.aggregator_text.labelled_fields import FIELDS
from schemas.enums import SEX

# The labels of the page's value blocks, in any case, with or without a colon after them.
_LABELS = frozenset(label.casefold() for label in (*_BASIC_LABELS, *_DESIGN_LABELS, *_ELIGIBILITY_LABELS, *FIELDS))
_BARE_ELIGIBILITY = frozenset(SEX) | {"Yes", "No"} | _NO_AGE


def cell_lines(line: str) -> tuple[str, ...]:
    """The lines a tab-parted line stands for: a label's line and its value's, or one line per bare value; the line
    itself when its cells are neither."""
    cells = [cell.strip() for cell in line.split("\t") if cell.strip()]
    if len(cells) == 2 and cells[0].rstrip(":").strip().casefold() in _LABELS:
        return cells[0].rstrip(":").strip(), cells[1]
    if len(cells) > 1 and all(map(is_bare_value, cells)):
        return tuple(cells)
    return (line,)


def is_bare_value(cell: str) -> bool:
    """Whether a cell is a value a compact page shows bare: a status, phase, enrollment, study type or date, a
    design value, an age, a sex or a yes or no."""
    return (_basic_field(cell) is not None or cell in _DESIGN_COLUMN or cell in _BARE_ELIGIBILITY
            or _AGE.match(cell) is not None)
