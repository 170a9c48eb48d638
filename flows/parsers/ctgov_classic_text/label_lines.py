"""clincosm study page, a labelled value shown on its label's line ('Study Type : Interventional', 'First
Posted:<TAB>Jun 8, 2021'), as a copy of the site's two-column tables may save it: read as the label with its value
on the next line."""
from __future__ import annotations

from collections.abc import Callable


def values_below_labels(lines: list[str], is_label: Callable[[str], bool]) -> list[str]:
    """The lines with each 'Label: value' line, whose label `is_label` knows, split into 'Label:' and 'value'."""
    split: list[str] = []
    for line in lines:
        if ":" not in line:  # most lines: no label on them
            split.append(line)
            continue
        label, colon, value = line.partition(":")
        if colon and value.strip() and is_label(label.strip()):
            split += [f"{label.rstrip()}:", value.strip()]
        else:
            split.append(line)
    return split
