"""meddatax compact pages: Study Groups and Interventions without type labels, where a description may be absent.

Under Interventions each intervention is its name, then its description when the registry has one; under Study
Groups each arm is its title, then its description when it has one, then its interventions as the Interventions
section shows them. Which line is a name and which a description is read from the two sections together.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import product

from flows.parsers.aggregator_text.name_lines import (  # noqa: F401 (read here)
    alike, begins_as_text, begins_joined, begins_mid_sentence, breaks_off, is_long_name, is_sentence, is_short)
from flows.parsers.aggregator_text.wrapped_lines import fills_sheet, wrap_may_go_on
from flows.parsers.model import Problem, StudyRecord
from flows.parsers.page_values import add_rows
from flows.parsers.printed_pages import rejoined

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
    go on in the next line or end above a title or a name: what every possible reading says is read."""
    printed = wrap_may_go_on(group_lines, width) or wrap_may_go_on(intervention_lines, width)
    decided = (read_printed(group_lines, intervention_lines, width) if printed
               else read_sections(group_lines, intervention_lines))
    if decided is None:
        detail = ("'Study Groups', 'Interventions': a line fills the printed line, and the line below it may go on "
                  "with it or be a title or a name; arms, interventions and their links not read")
        return [Problem(UNDECIDED, detail, record.nct_id)]
    if decided.heads is not None:
        add_rows(record, "design_groups", [{"group_type": None, "title": title, "description": text}
                                           for title, text in decided.heads])
    if decided.arms is not None:
        add_rows(record, "design_group_interventions", [{"design_group": title, "intervention": name}
                                                        for title, _, names in decided.arms for name in names])
    if decided.entries is not None:
        add_rows(record, "interventions", [{"intervention_type": None, "name": name, "description": text}
                                           for name, text in decided.entries])
    if None not in (decided.entries, decided.heads, decided.arms):
        return []
    unread = " and ".join(name for name, part in (("arms", decided.heads), ("interventions", decided.entries),
                                                   ("their links", decided.arms)) if part is None)
    why = ("a line fills the printed line, and the readings that join it with the line below and that do not differ"
           if printed else "the lines read as titles, names and descriptions more than one way (a description the "
           "record lacks shifts them)")
    return [Problem(UNDECIDED, f"'Study Groups', 'Interventions': {why}; {unread} not read", record.nct_id)]


def read_sections(group_lines: list[str], intervention_lines: list[str]) -> Decided:
    """The interventions and arms of compact Study Groups and Interventions lines (non-blank, stripped). The
    interventions and their links are undecided where a name without a description, below one with a description, has
    more words than a name (is_long_name: as likely that description's next line, which the page shows on its own);
    the arms where a reading's arm has a description that may as well be the next arm's title or the rest of a
    description above (_doubtful_head)."""
    decided = _read_sections(group_lines, intervention_lines)
    if decided.entries is not None and any(text is None and above is not None and is_long_name(name)
                                           for (_, above), (name, text) in zip(decided.entries, decided.entries[1:])):
        decided = Decided(None, decided.heads, None)
    if decided.entries is not None and any(_goes_on(text) for _, text in decided.entries[:-1]):
        decided = Decided(None, decided.heads, None)
    if decided.entries is not None and any(_field_goes_on(text, name) for (_, text), (name, _) in
                                           zip(decided.entries, decided.entries[1:])):
        decided = Decided(None, decided.heads, None)
    if decided.heads is not None and any(text is not None and _doubtful_head(title, text)
                                         for title, text in decided.heads):
        return Decided(decided.entries, None, None)
    if decided.arms is not None and _description_goes_on(decided.arms):
        return Decided(decided.entries, None, None)
    return decided


def _description_goes_on(arms: tuple[Arm, ...]) -> bool:
    """Whether a reading's arm that lists no intervention is followed by one that lists some, and one of the two has
    a description: the line between them may as well be the first arm's description going on, or its description,
    as the second arm's title (the page shows each line of a description on its own: 'If MPR - adjuvant therapy' /
    'Major Pathological Response (MPR)'), the two lines one arm's with its interventions."""
    return any(not names and next_names and (text is None) != (next_text is None)
               for (_, text, names), (_, next_text, next_names) in zip(arms, arms[1:]))


def _goes_on(text: str | None) -> bool:
    """Whether an intervention's description, as a reading takes it, stops at a colon ('Other Names:', 'Dosing:'): the
    registry's text goes on in the line below, which the reading took for the next name."""
    return text is not None and text.rstrip().endswith(":")


# A line of a description set out as labelled fields ('Active Substance: Certolizumab Pegol', 'Pharmaceutical form:
# Solution for injection', 'Route of administration: oral'): a label of one to four words, a colon, then its value.
_FIELD_LINE = re.compile(r"^[A-Z][\w\-/]*(?: [\w\-/()]+){0,3}: \S")


def _field_goes_on(text: str | None, name: str) -> bool:
    """Whether a name, as a reading takes it, may as well be the next line of the description above it: both are
    labelled fields ('Active Substance: Certolizumab Pegol' above 'Pharmaceutical form: Solution for injection'), as
    a description the registry sets out one field a line is shown, each line on its own."""
    return text is not None and _FIELD_LINE.match(text) is not None and _FIELD_LINE.match(name) is not None


def _doubtful_head(title: str, text: str) -> bool:
    """Whether an arm's title and description, as a reading takes them, may as well be lines of one description
    (the page shows each of its lines on its own): the description begins at a joining word in lower case ('between
    L1 and S1 ...', the rest of the line above; an article aside), or the two are named alike as items of one list
    ('Cohort 1: ...', 'Cohort 2: ...'), which a description lists and a group's title is one of."""
    return begins_mid_sentence(text) or alike(title, text)


def _read_sections(group_lines: list[str], intervention_lines: list[str]) -> Decided:
    """read_sections' reading, before its doubts."""
    paired = _paired(intervention_lines)
    if paired is not None:
        readings = readings_of(group_lines, paired)
        if (group_lines and len(readings) == 1 and readings[0].key[:2] == (0, 0) and readings[0].key[3] == 0
                and not _titled_as_shown(readings[0])):
            # every intervention listed, every line where the page's pairs put it (a page without arms is weighed
            # below: see _as_likely)
            if not paired and any(text is not None and is_short(text) for _, text, _ in readings[0].arms):
                # no intervention anchors the groups: 'Healthy volunteers', 'Patients' may be one group and its
                # description or two groups without one
                return Decided(paired, None, None)
            if _names_as_well(group_lines, paired):
                # 'carboplatin' then 'paclitaxel' under every arm: one intervention and its description, or two
                # interventions listed together; the arms' titles and descriptions read alike either way
                return Decided(None, _heads(readings[0].arms), None)
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


def _names_as_well(group_lines: list[str], paired: tuple[Entry, ...]) -> bool:
    """Whether the page reads as well with the short descriptions of the paired reading taken for names of their own
    ('docetaxel', 'estramustine': a drug described by one word, or two drugs each arm lists together): every arm
    lists the two lines together either way, so the reading that splits them is as likely when it too lists every
    intervention under an arm, reads no sentence as a name or a title and leaves no arm without an intervention."""
    split = tuple(entry for name, text in paired for entry in (
        ((name, None), (text, None)) if text is not None and _may_be_name(text) else ((name, text),)))
    if split == paired or len({name for name, _ in split}) < len(split):
        return False
    return any(reading.key[:3] == (0, 0, 0) for reading in readings_of(group_lines, split))


def _titled_as_shown(reading: Reading) -> bool:
    """Whether a reading takes for an arm's title, with no intervention under it, a line it reads as an intervention's
    description ('prednisone' as AZD7624's description, and as the title of an arm above 'oral prednisone 20 mg'):
    Study Groups shows that line where an arm lists an intervention, so it may as well be that intervention's name
    (the Interventions section then lists a name without a description), and the pairs as shown are no proof."""
    shown = {text for _, text in reading.entries if text is not None}
    return any(title in shown and not names for title, _, names in reading.arms)


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
            end, names, sentence = start + head, [], is_sentence(title) or begins_as_text(title)
            while True:  # the arm ends after any of the interventions that follow it
                cut = not names and end < len(lines) and continues(lines[start:end], lines[end])
                for (sentences, empty, missing, count), rest in best[end]:
                    options.append(((sentences + sentence + cut, empty + (not names), missing + (head == 1),
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
    """The readings of Interventions lines as (name, description or None) entries of distinct names (a name may come
    again as it came before: _sizes) that are no sentences, each as Study Groups could list it (an intervention's
    lines one after the other there), that leave at most _SLACK more descriptions missing than the fewest any does;
    None when there are over _MOST_READINGS."""
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
        else:
            for size in _sizes(lines, at, steps[at], entries):
                if least[at + size] + (size == 1) <= allowed:
                    entry = (lines[at], lines[at + 1] if size == 2 else None)
                    stack.append((at + size, entries + (entry,), allowed - (size == 1)))
    return readings


def _sizes(lines: list[str], at: int, sizes: list[int], entries: tuple[Entry, ...]) -> list[int]:
    """The sizes (a name alone, a name and its description) an entry at lines[at] may have after `entries`. A name
    read already comes again only as it came before, alone or with the same description: the registry may list
    interventions of one name apart ('BMS-986036' for each arm that gives it) and the page then shows their lines
    again. A name coming with a description it had not, or without the one it had, is read no further; so is a line
    read again that is as likely a description's (longer than a list's item, or beginning as a description's text:
    the same last line of two descriptions a print wrapped alike, 'schedule.')."""
    named = {text for name, text in entries if name == lines[at]}
    if not named:
        return sizes
    if is_long_name(lines[at]) or begins_as_text(lines[at]):
        return []
    return [size for size in sizes if (lines[at + 1] if size == 2 else None) in named]


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
    the best reads as descriptions for names (or titles) is as likely: nothing tells such a line apart. So it is on
    a page that lists no arm (older records register interventions without arm groups, often without descriptions):
    no arm repeats an intervention's lines, and a short line below a name ('Corticosteroid') may be the next name."""
    if (best.key[3] == 0 and best.arms) or other.key[:3] != best.key[:3]:
        return False
    taken = _descriptions(best) - _descriptions(other)
    return bool(taken) and all(map(_may_be_name, taken))


def _may_be_name(line: str) -> bool:
    """Whether a line the best reading takes for a description is as likely a name: short ('Corticosteroid'), and
    ending no sentence ('A pill.' describes)."""
    return is_short(line) and not _ends_sentence(line)


def _descriptions(reading: Reading) -> set[str]:
    return {text for _, text in reading.entries if text} | {text for _, text, _ in reading.arms if text}


# A print wraps a line between words where the next word would not fit: where a line fills the sheet, the two readings
# (joined with the line below or not) of every such place are weighed, up to this many distinct places (each doubles
# the readings: on the corpus's 300 compact pages printed narrow, 8 places took a page up to 0.8 s, 5 up to 0.23 s,
# and left 9 more pages' arms unread).
_MOST_WRAPS = 5
# A line that ends a sentence may end the registry's own line (a description keeps its line breaks).
_SENTENCE_END = tuple(".!?:;")
_CLOSING = ")]\"'\u201d\u2019"

Wrap = tuple[str, str]  # a line that fills the sheet and the line below it


def read_printed(group_lines: list[str], intervention_lines: list[str], width: int | None) -> Decided | None:
    """What every possible reading of a print's Study Groups and Interventions says (None: too many places to weigh).

    At each place where a line fills the sheet, the line below either goes on with it or starts a line of its own.
    The same two lines wrap the same way wherever the page repeats them (Study Groups repeats each intervention as
    Interventions shows it). A reading that keeps the line below on its own needs it to start a title or a name,
    unless the line above ends a sentence (a description's own line break), and never begins at a joining word in
    lower case ('and keep a diary'). Of the readings alike in where a line ending a sentence is joined, those with
    the fewest interventions listed under no arm and sentences read as names or titles remain possible (fewer arms
    or descriptions missing tell no wrap: a title may as well end a description); what they all read alike is read."""
    wraps = sorted({pair for lines in (group_lines, intervention_lines) for pair in zip(lines, lines[1:])
                    if fills_sheet(*pair, width)})
    if len(wraps) > _MOST_WRAPS:
        return None
    weighed: dict[tuple[bool, ...], list[tuple[tuple[int, ...], Decided]]] = {}
    for choice in product((False, True), repeat=len(wraps)):
        joins = {wrap for wrap, join in zip(wraps, choice) if join}
        if any(begins_joined(below) for (_, below), join in zip(wraps, choice) if not join):
            continue
        (groups, group_starts), (interventions, starts) = (_joined(lines, wraps, joins)
                                                            for lines in (group_lines, intervention_lines))
        costs = [reading.key[:2] for reading in _scored(groups, interventions)
                 if _starts_entries(reading, group_starts, starts)]
        if costs:
            free = tuple(join for wrap, join in zip(wraps, choice) if _ends_sentence(wrap[0]))
            weighed.setdefault(free, []).append((min(costs), read_sections(groups, interventions)))
    possible = [decided for alike in weighed.values() for cost, decided in alike if cost == min(c for c, _ in alike)]
    return _agreed(possible)


def _ends_sentence(line: str) -> bool:
    """Whether a line ends a sentence ('... twelve weeks.', '... as follows:'), where the registry's line may end."""
    return line.rstrip().rstrip(_CLOSING).endswith(_SENTENCE_END)


def _joined(lines: list[str], wraps: list[Wrap], joins: set[Wrap]) -> tuple[list[str], set[int]]:
    """The lines with each joined place one line again, and where (in them) a line below a place left unjoined
    must start a title or a name (the line above ends no sentence)."""
    joined: list[str] = []
    starts: set[int] = set()
    for above, line in zip([None, *lines], lines):
        if above is not None and (above, line) in joins:
            joined[-1] = rejoined(joined[-1], line)
            continue
        if above is not None and (above, line) in wraps and not _ends_sentence(above):
            starts.add(len(joined))
        joined.append(line)
    return joined, starts


def _scored(group_lines: list[str], intervention_lines: list[str]) -> list[Reading]:
    """The readings read_sections weighs: each reading of the Interventions lines with its likeliest arms."""
    paired = _paired(intervention_lines)
    candidates = entry_readings(intervention_lines, group_lines) or ([paired] if paired is not None else [])
    return [reading for entries in candidates for reading in readings_of(group_lines, entries)]


def _starts_entries(reading: Reading, group_starts: set[int], starts: set[int]) -> bool:
    """Whether a reading reads each of the lines at `group_starts` (Study Groups) as an arm's title or an
    intervention's name, and each at `starts` (Interventions) as a name."""
    shown = {name: 1 + (text is not None) for name, text in reading.entries}
    titles_names, at = set(), 0
    for _, text, names in reading.arms:
        titles_names.add(at)
        at += 1 + (text is not None)
        for name in names:
            titles_names.add(at)
            at += shown[name]
    names_at, at = set(), 0
    for _, text in reading.entries:
        names_at.add(at)
        at += 1 + (text is not None)
    return group_starts <= titles_names and starts <= names_at


def _agreed(possible: list[Decided]) -> Decided:
    """What every possible reading reads alike: interventions, arms and links, each None where two differ."""
    def alike(part: str) -> tuple | None:
        values = {getattr(decided, part) for decided in possible}
        return values.pop() if len(values) == 1 else None
    return Decided(alike("entries"), alike("heads"), alike("arms"))
