"""Numbered criteria below bullets: a list whose first criteria are bullets without numbers and whose later ones keep
the numbers of the protocol they were copied from, on bullet lines ("- 10. Reasonable control of blood glucose") or
run on inside the last bulleted criterion ("- If available, lung infiltrates <50% present 3.\n 12-lead ECG at
rest ..." then "4. The subject provides consent"). The bullets are the criteria the numbers before count."""
from __future__ import annotations

import re

from checks.criteria_list_walk import NumberingGap
from checks.criteria_text import Reading

# A bullet that opens a line without a list number after it ("- Age 18 years", not "- 10. Control of glucose").
_UNNUMBERED_BULLET = re.compile(r"^([ \t]*)[-*\u2022][ \t]+(?!\(?\d{1,2}[ \t]?\\?[.)])", re.M)


def counted_by_bullets(read: Reading, gap: NumberingGap) -> bool:
    """Whether a list that starts after 1 stands on a bullet line ("- 10. Reasonable control of blood glucose") below
    as many bullets of its depth, in its section, without a number as it skips, but one that may be run into another's
    line ("... if required. 9- Adequate arterial blood flow"): a bulleted list whose later items kept the numbers of
    the protocol they were copied from; the bullets are the criteria the numbers count."""
    if gap.expected != 1 or gap.found < 3:
        return False
    text = read.text
    section = next((s for s in read.sections if s.start <= gap.at < s.end), None)
    line_start = text.rfind("\n", 0, gap.at) + 1
    opening = re.fullmatch(r"([ \t]*)[-*\u2022][ \t]*\(?", text[line_start:gap.at])
    if section is None or opening is None:
        return False
    bullets = [m for m in _UNNUMBERED_BULLET.finditer(text, section.start, line_start) if m[1] == opening[1]]
    return len(bullets) >= gap.found - 2


# A list number run on inside a line after a word or a bracket, before its criterion on the same line or the next,
# which opens with a capitalised word or a number joined to a word ("present 3.\n 12-lead ECG", "fever. 3. Signed")
# (the pattern of one number, `{}`).
_RUN_ON = r"(?<=[A-Za-z0-9);,.] ){0}\\?\.(?:[ \t]+|[ \t]*\n[ \t]*)(?:[A-Z][a-z]|\d{{1,3}}-[A-Za-z])"


def run_on_below_bullets(read: Reading, gap: NumberingGap) -> bool:
    """Whether a list that starts after 1 has the number before its first one run on inside the last of the unnumbered
    bullets above it in its section (`_RUN_ON`), and as many such bullets as the numbers before that one: criteria
    written as bullets first, not lost."""
    if gap.expected != 1 or gap.found < 3:
        return False
    text = read.text
    section = next((s for s in read.sections if s.start <= gap.at < s.end), None)
    if section is None:
        return False
    bullets = list(_UNNUMBERED_BULLET.finditer(text, section.start, gap.at))
    if len(bullets) < gap.found - 2:
        return False
    return re.search(_RUN_ON.format(gap.found - 1), text[bullets[-1].end():gap.at]) is not None
