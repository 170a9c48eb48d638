"""clincosm study page, a labelled value shown on its label's line ('Study Type : Interventional', 'First
Posted:<TAB>Jun 8, 2021'), as a copy of the site's two-column tables may save it: read as the label with its value
on the next line. A label a copy shows without its colon ('Study Type', its value on the next line) is the label."""
from __future__ import annotations

from collections.abc import Callable

# No label of the page is longer than this (a longer line is a value or text, not tried as a label); the longest,
# 'Publications automatically indexed to this study by ClinicalTrials.gov Identifier (NCT Number)', with room.
_LONGEST_LABEL = 110


def values_below_labels(lines: list[str], is_label: Callable[[str], bool]) -> list[str]:
    """The lines with each 'Label: value' line, whose label `is_label` knows, split into 'Label:' and 'value'; and
    each 'Label<TAB>value' line, as a copy of the site's two-column table without the label's colon saves it."""
    split: list[str] = []
    for line in lines:
        if ":" not in line:  # most lines: no label on them, or one a copy parts from its value by a tab alone
            label, tab, value = line.partition("\t") if "\t" in line else (line, "", "")
            split += [f"{label.strip()}:", value.strip()] if value.strip() and is_label(label.strip()) else [line]
            continue
        label, colon, value = line.partition(":")
        if colon and value.strip() and is_label(label.strip()):
            split += [f"{label.rstrip()}:", value.strip()]
        else:
            split.append(line)
    return split


def with_colons(lines: list[str], is_label: Callable[[str], bool]) -> list[str]:
    """The lines with each line that is a label `is_label` knows shown without its colon ('Study Type', its value on
    the next line, as a copy may lose the colon) given it, as the page shows its labels."""
    return [f"{line.strip()}:" if line and len(line) <= _LONGEST_LABEL and ":" not in line and is_label(line.strip())
            else line for line in lines]


def leading_with_colons(lines: list[str], heading: str, is_label: Callable[[str], bool]) -> list[str]:
    """The lines with each label `is_label` knows that a copy shows without its colon given it, among the labelled
    values a section opens with (its `heading` line aside): up to the first line that is no label and follows no
    label, where the section's text begins (a criteria line that spells a label stays as it is)."""
    shown, after_label = lines, False
    for index, line in enumerate(lines):
        key = line.strip()
        if not key or key == heading:
            continue
        if ":" not in key and len(key) <= _LONGEST_LABEL and is_label(key):
            shown = shown if shown is not lines else list(lines)
            shown[index], after_label = f"{key}:", True
        elif key[-1] == ":" and is_label(key[:-1].rstrip()):
            after_label = True
        elif after_label:
            after_label = False
        else:
            break
    return shown
