"""A block of criteria written again: consecutive criteria stated twice in the same order (an old ACTG record's
exclusions under 'Co-existing Condition:' written again under 'Patients with the following are excluded:'), one
copy error, said once for the whole block."""
from __future__ import annotations

import re

from checks.criteria_headings import block_of
from checks.criteria_items import ITEM_MARK_AT, Item, items, words_of
from checks.criteria_sections import COLONS

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


def repeated_blocks(text: str, repeats: list[Repeat], memo: dict | None = None) -> list[list[Repeat]]:
    """The (first, repeat) pairs in runs, in the order of the repeats: a pair goes on the run before it where its
    first follows that run's last first as its repeat follows the last repeat, with the same words between the two
    (none, or a criterion too short to be compared, written alike), and its first ends before the run's first
    repeat starts. A pair an "OR" ending a criterion stands between (`_OR_ENDING_A_CRITERION`) is of two groups'
    lists offered as alternatives, and left out. A block (a run of two pairs or more) takes in the criteria next to
    its two copies that are written alike too, though not compared (`_widened`)."""
    runs: list[list[Repeat]] = []
    kept = [pair for pair in repeats if _OR_ENDING_A_CRITERION.search(text, pair[0].start, pair[1].start) is None]
    for pair in sorted(kept, key=lambda pair: pair[1].start):
        if runs and _goes_on(text, runs[-1], pair):
            runs[-1].append(pair)
        else:
            runs.append([pair])
    if not any(len(run) > 1 for run in runs):
        return runs
    listed = list(items(text, memo, 1))
    compared = {item.start for pair in repeats for item in pair}
    return [_widened(text, run, listed, compared) if len(run) > 1 else run for run in runs]


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


# A word that ends a criterion of a list before the next ("...; and", "... or"): the last of a block's copies may end
# without it.
_LIST_JOINS = (b"and", b"or")
# Where a criterion's own words end inside its item: at a blank line, or before a line that ends in a colon (a
# heading that an item runs on into where lines end in a carriage return and a line feed, "Preexisting antibodies to
# rCD4.", then "Concurrent Medication:").
_OWN_END = re.compile(r"\r?\n[ \t\r]*\n|\r?\n[^\n]*[:\uff1a][ \t\r]*(?=\r?\n|\Z)")


def _own(text: str, item: Item) -> tuple[int, list[bytes]]:
    """Where the item's criterion ends (`_OWN_END`), and its words but for a word that joins it to the next
    (`_LIST_JOINS`); no words for a heading (a criterion ending in a colon)."""
    mark_end = ITEM_MARK_AT.match(text, item.start, item.end).end()
    cut = _OWN_END.search(text, mark_end, item.end)
    end = item.end if cut is None else cut.start()
    said = text[mark_end:end].rstrip()
    words = words_of(said) if not said.endswith(COLONS) else []
    return end, words[:-1] if words and words[-1] in _LIST_JOINS else words


def _between(text: str, start: int, end: int) -> list[bytes]:
    """The words between two criteria, without their list marks, white space or signs."""
    return words_of(_LINE_MARK.sub(" ", text[start:end]))


def _widened(text: str, run: list[Repeat], listed: list[Item], compared: set[int]) -> list[Repeat]:
    """The run with the criteria next to both its copies that are written alike (`_own`) though too short to be
    compared where groups are named ("Preexisting antibodies to rCD4." after a block of three), the words between
    them alike too, in the same sections, the first copy ending before the repeat starts: the block's exact size. A
    criterion compared is a pair of its own, and ends the widening."""
    at = {item.start: n for n, item in enumerate(listed)}
    if any(item.start not in at for pair in (run[0], run[-1]) for item in pair):
        return run
    run = list(run)
    while True:  # forward from the last pair
        n, m = at[run[-1][0].start] + 1, at[run[-1][1].start] + 1
        if m >= len(listed) or listed[n].end > run[0][1].start or \
                not _goes_on_alike(text, run[-1], (listed[n], listed[m]), compared):
            break
        run.append((listed[n], listed[m]))
    while True:  # back from the first pair
        n, m = at[run[0][0].start] - 1, at[run[0][1].start] - 1
        if n < 0 or listed[m].start < run[-1][0].end or \
                not _goes_on_alike(text, (listed[n], listed[m]), run[0], compared, new_first=True):
            break
        run.insert(0, (listed[n], listed[m]))
    return run


def _goes_on_alike(text: str, earlier: Repeat, later: Repeat, compared: set[int], new_first: bool = False) -> bool:
    """Whether two pairs of neighbouring criteria (each the first copy's and the repeat's) go on alike, the later
    pair (the earlier where `new_first`) not yet in the block: in the same sections, not compared, written alike,
    with the same words between them."""
    new = earlier if new_first else later
    if any(item.start in compared for item in new) or earlier[0].section != later[0].section or \
            earlier[1].section != later[1].section:
        return False
    words, other_words = _own(text, new[0])[1], _own(text, new[1])[1]
    if not words or words != other_words:
        return False
    end, other_end = _own(text, earlier[0])[0], _own(text, earlier[1])[0]
    return _between(text, end, later[0].start) == _between(text, other_end, later[1].start)


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
