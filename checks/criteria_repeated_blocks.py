"""A block of criteria written again: consecutive criteria stated twice in the same order (an old ACTG record's
exclusions under 'Co-existing Condition:' written again under 'Patients with the following are excluded:'), one
copy error, said once for the whole block."""
from __future__ import annotations

import re

from checks.criteria_headings import block_of
from checks.criteria_items import ITEM_MARK_AT, Item, items

Repeat = tuple[Item, Item]

# A list mark opening a line: a bullet or a list number, which differ between the two copies of a numbered block.
_LINE_MARK = re.compile(r"(?m)^[ \t]*(?:[-*\u2022]|\(?\d{1,2}[.)])")
# The longest opening of a block's first criterion a message quotes.
OPENING_CHARS = 60


# An "OR" in capitals that ends a criterion, before the next one's list mark: the criteria after it are another
# group's list, offered as the alternative ("- Signed informed consent and HIPAA authorization OR" / "- Subjects with
# subarachnoid hemorrhage (SAH)" / "- Hemodynamically stable ..."), where the criteria both groups share stand again.
# Not a small "or" ending one of a criterion's sub-items ("* history of daily oral steroid dosing ... or").
_OR_ENDING_A_CRITERION = re.compile(r"(?m)\bOR[ \t]*\n(?:[ \t]*\n)*[ \t]*(?:[-*\u2022]|\(?\d{1,2}[.)])")


def repeated_blocks(text: str, repeats: list[Repeat]) -> list[list[Repeat]]:
    """The (first, repeat) pairs in runs, in the order of the repeats: a pair goes on the run before it where its
    first follows that run's last first as its repeat follows the last repeat, with the same words between the two
    (none, or a criterion too short to be compared, written alike), and its first ends before the run's first
    repeat starts. A pair an "OR" ending a criterion stands between (`_OR_ENDING_A_CRITERION`) is of two groups'
    lists offered as alternatives, and left out."""
    runs: list[list[Repeat]] = []
    kept = [pair for pair in repeats if _OR_ENDING_A_CRITERION.search(text, pair[0].start, pair[1].start) is None]
    for pair in sorted(kept, key=lambda pair: pair[1].start):
        if runs and _goes_on(text, runs[-1], pair):
            runs[-1].append(pair)
        else:
            runs.append([pair])
    return runs


def _goes_on(text: str, run: list[Repeat], pair: Repeat) -> bool:
    """Whether the pair continues the run (`repeated_blocks`)."""
    last_first, last_repeat = run[-1]
    first, repeat = pair
    return first.section == last_first.section and repeat.section == last_repeat.section and \
        last_first.end <= first.start and first.end <= run[0][1].start and last_repeat.end <= repeat.start and \
        _words_between(text, last_first.end, first.start) == _words_between(text, last_repeat.end, repeat.start)


def _words_between(text: str, start: int, end: int) -> list[str]:
    """The words between two criteria, without the list marks that open their lines."""
    return _LINE_MARK.sub(" ", text[start:end]).split()


def criteria_in_block(text: str, run: list[Repeat], memo: dict | None) -> int:
    """How many criteria the run's first copy holds: its pairs, and the short criteria between them, written alike
    in both copies, that were not compared."""
    firsts = [first for first, _ in run]
    if all(a.end == b.start for a, b in zip(firsts, firsts[1:])):
        return len(run)
    return sum(1 for item in items(text, memo, 1) if firsts[0].start <= item.start < firsts[-1].end)


def _opening(text: str, item: Item) -> str:
    """The criterion's words on one line, without its list mark, cut to `OPENING_CHARS` at a word."""
    mark_end = ITEM_MARK_AT.match(text, item.start, item.end).end()
    said = " ".join(text[mark_end:item.end].rstrip(" \t\r\n-*\u2022").split())
    return said if len(said) <= OPENING_CHARS else said[:said.rfind(" ", 0, OPENING_CHARS - 3)] + "..."


def block_message(text: str, run: list[Repeat], count: int) -> str:
    """One sentence for a block of `count` criteria written twice: where it stands again, from its first criterion."""
    (first, repeat), (last_first, last_repeat) = run[0], run[-1]
    if first.section != repeat.section:
        return (f"A block of {count} criteria, from '{_opening(text, first)}' on, stands among both the "
                f"{first.section} and the {repeat.section} criteria.")
    kind = "criteria" if first.section == "criteria" else f"{first.section} criteria"
    said = f"A block of {count} {kind}, from '{_opening(text, first)}' on, is written twice"
    if None not in (first.number, repeat.number, last_first.number, last_repeat.number):
        return (f"{said}, word for word: {kind} {repeat.number} to {last_repeat.number} repeat "
                f"{first.number} to {last_first.number}.")
    above, again = block_of(text, first.start), block_of(text, repeat.start)
    if above is not None and again is not None and above.headings != again.headings:
        return f"{said}, under '{above.headings}' and again under '{again.headings}'."
    return f"{said}."
