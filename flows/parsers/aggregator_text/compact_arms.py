"""meddatax compact pages: Study Groups and Interventions without type labels, where a description may be absent.

Under Interventions each intervention is its name, then its description when the registry has one; under Study
Groups each arm is its title, then its description when it has one, then its interventions as the Interventions
section shows them. Which line is a name and which a description is read from the two sections together.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from flows.parsers.aggregator_text.name_lines import breaks_off, is_sentence, is_short  # noqa: F401 (read here)
from flows.parsers.aggregator_text.wrapped_lines import wrap_may_go_on
from flows.parsers.model import Problem, StudyRecord
from flows.parsers.page_text import add_rows

Entry = tuple[str, str | None]  # an intervention: name, description
Arm = tuple[str, str | None, tuple[str, ...]]  # an arm: title, description, the names of its interventions
Cost = tuple[int, ...]

# The problem of a page whose lines can be read as names or descriptions more ways than one.
UNDECIDED = "unreadable section: names and descriptions undecided"
# The readings of one Interventions section weighed: those that leave at most this many more descriptions
# missing than the fewest, and no more of them than the most (a page that has more is a load problem).
_SLACK = 4
_MOST_READINGS = 256


@dataclass(frozen=True)
class Reading:
    """One reading of the two sections. Its key, lowest likeliest: interventions no arm lists, sentences read as
    names or titles, arms without an intervention, descriptions missing, arms."""

    key: Cost
    entries: tuple[Entry, ...]
    arms: tuple[Arm, ...]


@dataclass(frozen=True)
class Decided:
    """What the sections say: interventions, arms (title, description) and arms with their interventions, each
    None when the page leaves it undecided."""

    entries: tuple[Entry, ...] | None
    heads: tuple[tuple[str, str | None], ...] | None
    arms: tuple[Arm, ...] | None

    @classmethod
    def of(cls, entries: tuple[Entry, ...], arms: tuple[Arm, ...]) -> Decided:
        """All of one reading."""
        return cls(entries, _heads(arms), arms)


def read_into(record: StudyRecord, group_lines: list[str], intervention_lines: list[str],
              width: int | None = None) -> list[Problem]:
    """Fill design_groups, design_group_interventions and interventions; a problem where the page leaves the
    reading undecided (what it does decide is read). On a print wrapped at `width`, a line that fills the sheet may
    go on in the next line or end above a name, and nothing on a compact page tells which: nothing is read."""
    if wrap_may_go_on(group_lines, width) or wrap_may_go_on(intervention_lines, width):
        detail = ("'Study Groups', 'Interventions': a line fills the printed line, and the line below it may go on "
                  "with it or be a title or a name; arms, interventions and their links not read")
        return [Problem(UNDECIDED, detail, record.nct_id)]
    decided = read_sections(group_lines, intervention_lines)
    if decided.heads is not None:
        add_rows(record, "design_groups", [{"group_type": None, "title": title, "description": text}
                                           for title, text in decided.heads])
    if decided.arms is not None:
        add_rows(record, "design_group_interventions", [{"design_group": title, "intervention": name}
                                                        for title, _, names in decided.arms for name in names])
    if decided.entries is not None:
        add_rows(record, "interventions", [{"intervention_type": None, "name": name, "description": text}
                                           for name, text in decided.entries])
    if decided.arms is not None:
        return []
    unread = " and ".join(name for name, part in (("arms", decided.heads), ("interventions", decided.entries),
                                                   ("their links", decided.arms)) if part is None)
    detail = (f"'Study Groups', 'Interventions': the lines read as titles, names and descriptions more than one "
              f"way (a description the record lacks shifts them); {unread} not read")
    return [Problem(UNDECIDED, detail, record.nct_id)]


def read_sections(group_lines: list[str], intervention_lines: list[str]) -> Decided:
    """The interventions and arms of compact Study Groups and Interventions lines (non-blank, stripped)."""
    paired = _paired(intervention_lines)
    if paired is not None:
        readings = readings_of(group_lines, paired)
        if len(readings) == 1 and readings[0].key[:2] == (0, 0) and readings[0].key[3] == 0:
            # every intervention listed, every line where the page's pairs put it
            if not paired and any(text is not None and is_short(text) for _, text, _ in readings[0].arms):
                # no intervention anchors the groups: 'Healthy volunteers', 'Patients' may be one group and its
                # description or two groups without one
                return Decided(paired, None, None)
            return Decided.of(paired, readings[0].arms)
        if len(readings) == 1 and _only_cut(readings[0]):
            # every intervention listed, but a description's lines go on where an arm would start: the arms are
            # undecided, the interventions as the page pairs them
            return Decided(paired, None, None)
    candidates = entry_readings(intervention_lines, group_lines)
    if candidates == [] and paired is not None:
        candidates = [paired]  # no reading lists every intervention under an arm: the pairs as shown
    if not candidates:
        return Decided(None, None, None)
    return decide([reading for entries in candidates for reading in readings_of(group_lines, entries)])


def _only_cut(reading: Reading) -> bool:
    """Whether a reading of an Interventions section where each name has its description lists every intervention
    under an arm, and its only flaw is an arm's description read as going on below it (no name, no title a sentence)."""
    return reading.key[0] == 0 and reading.key[1] > 0 and reading.key[3] == 0 and _no_sentence(reading)


def _no_sentence(reading: Reading) -> bool:
    """Whether no name and no title of the reading is a sentence (its cost is only descriptions going on)."""
    return not any(map(is_sentence, (name for name, _ in reading.entries))) and not any(
        is_sentence(title) for title, _, _ in reading.arms)


def _paired(lines: list[str]) -> tuple[Entry, ...] | None:
    """The lines as (name, description) pairs, the reading of a page where every intervention has a description."""
    entries = tuple((lines[i], lines[i + 1] if i + 1 < len(lines) else None) for i in range(0, len(lines), 2))
    return entries if len({name for name, _ in entries}) == len(entries) else None


def readings_of(group_lines: list[str], entries: tuple[Entry, ...]) -> list[Reading]:
    """The likeliest readings of the Study Groups lines (two when they tie) given the interventions."""
    own = (sum(map(is_sentence, (name for name, _ in entries))), sum(text is None for _, text in entries))
    readings = []
    for (sentences, empty, missing, count), arms in arm_readings(group_lines, entries):
        listed = {name for *_, names in arms for name in names}
        unlinked = sum(name not in listed for name, _ in entries) if group_lines else 0
        readings.append(Reading((unlinked, own[0] + sentences, empty, own[1] + missing, count), entries, arms))
    return readings


def arm_readings(lines: list[str], entries: tuple[Entry, ...]) -> list[tuple[Cost, tuple[Arm, ...]]]:
    """The likeliest readings of Study Groups lines as arms (two when they tie): the cost (titles that are
    sentences, arms without intervention, arms without description, arms) and the arms."""
    shown = {name: (name,) if text is None else (name, text) for name, text in entries}
    best: list[list[tuple[Cost, tuple[Arm, ...]]]] = [[] for _ in lines] + [[((0, 0, 0, 0), ())]]
    for start in range(len(lines) - 1, -1, -1):  # best[i]: the readings of lines[i:]
        options = []
        for head in (1, 2)[:len(lines) - start]:
            title, text = lines[start], lines[start + 1] if head == 2 else None
            end, names = start + head, []
            while True:  # the arm ends after any of the interventions that follow it
                cut = not names and end < len(lines) and continues(lines[start:end], lines[end])
                for (sentences, empty, missing, count), rest in best[end]:
                    options.append(((sentences + is_sentence(title) + cut, empty + (not names), missing + (head == 1),
                                     count + 1), ((title, text, tuple(names)),) + rest))
                listed = shown.get(lines[end]) if end < len(lines) else None
                if listed is None or lines[end] in names or tuple(lines[end:end + len(listed)]) != listed:
                    break
                names.append(lines[end])
                end += len(listed)
        low = min(cost for cost, _ in options)
        best[start] = list({arms: (cost, arms) for cost, arms in options if cost == low}.values())[:2]
    return best[0]


# A line of a list as a description sets it out ('1. Sensor', '2) App', '* Traction', '- Exercises').
_LIST_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[*\-\u2022])\s+\S")


def continues(above: list[str], line: str) -> bool:
    """Whether a line below an arm that lists no intervention goes on with that arm's description rather than
    starting the next arm: the description stops at a colon ('... consists of:') or the line is an item of a list
    ('1. HeroTracker sensor', '* Traction for 30 minutes'). The registry keeps a description's line breaks and the
    page shows each line on its own: such a line is no arm's title, and reading it as one splits an arm in two."""
    return above[-1].rstrip().endswith(":") or _LIST_ITEM.match(line) is not None


def entry_readings(lines: list[str], group_lines: list[str]) -> list[tuple[Entry, ...]] | None:
    """The readings of Interventions lines as (name, description or None) entries of distinct names that are no
    sentences, each as Study Groups could list it (an intervention's lines one after the other there), that leave
    at most _SLACK more descriptions missing than the fewest any does; None when there are over _MOST_READINGS."""
    singles, pairs = set(group_lines), set(zip(group_lines, group_lines[1:]))
    steps = [[size for size in (1, 2) if at + size <= len(lines) and not is_sentence(lines[at])
              and (not group_lines or (lines[at] in singles if size == 1 else (lines[at], lines[at + 1]) in pairs))]
             for at in range(len(lines))]
    least = [len(lines) + 1] * len(lines) + [0]  # least[i]: the fewest missing descriptions in reading lines[i:]
    for at in range(len(lines) - 1, -1, -1):
        least[at] = min([least[at + size] + (size == 1) for size in steps[at]], default=len(lines) + 1)
    readings, stack = [], [(0, (), least[0] + _SLACK)]
    while stack:
        at, entries, allowed = stack.pop()
        if at == len(lines):
            readings.append(entries)
            if len(readings) > _MOST_READINGS:
                return None
        elif lines[at] not in {name for name, _ in entries}:
            for size in steps[at]:
                if least[at + size] + (size == 1) <= allowed:
                    entry = (lines[at], lines[at + 1] if size == 2 else None)
                    stack.append((at + size, entries + (entry,), allowed - (size == 1)))
    return readings


def decide(readings: list[Reading]) -> Decided:
    """The likeliest reading, or what the readings that could as well be the page's agree on."""
    best = min(readings, key=lambda reading: reading.key)
    if best.key[1] and _no_sentence(best) and all(reading.entries == best.entries for reading in readings
                                                  if reading.key == best.key):
        return Decided(best.entries, None, None)  # only an arm's description goes on below it: arms undecided
    if best.key[1]:  # a sentence (or a line that goes on) as a name or title: lines wrapped as the site never shows
        return Decided(None, None, None)
    rivals = [reading for reading in readings if (reading.entries, reading.arms) != (best.entries, best.arms)
              and (reading.key == best.key or _as_likely(reading, best))]
    if not rivals:
        return Decided.of(best.entries, best.arms)
    heads = _heads(best.arms)
    return Decided(best.entries if all(rival.entries == best.entries for rival in rivals) else None,
                   heads if all(_heads(rival.arms) == heads for rival in rivals) else None, None)


def _heads(arms: tuple[Arm, ...]) -> tuple[tuple[str, str | None], ...]:
    return tuple((title, text) for title, text, _ in arms)


def _as_likely(other: Reading, best: Reading) -> bool:
    """On a page that leaves a description out, a reading that differs from the best only in taking short lines
    the best reads as descriptions for names (or titles) is as likely: nothing tells such a line apart."""
    if best.key[3] == 0 or other.key[:3] != best.key[:3]:
        return False
    taken = _descriptions(best) - _descriptions(other)
    return bool(taken) and all(map(is_short, taken))


def _descriptions(reading: Reading) -> set[str]:
    return {text for _, text in reading.entries if text} | {text for _, text, _ in reading.arms if text}
