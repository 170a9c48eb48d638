"""The phases a title names of this study or of its parts, in order (`title_mentions`): those it writes
(`title_phase_written`) that the words around them leave this study's (`title_phase_context`)."""
from __future__ import annotations

import re
from typing import NamedTuple

from checks.title_phase_context import (DOSE_AFTER, DOSE_CHOSEN_BEFORE, DOSE_FINDING_JOINED_BEFORE,
                                        EXTENDED_INTO_BEFORE, EXTENSION, JOINED_TO_ANOTHER, LATER_PART_BEFORE,
                                        NO_TRIAL_PHASE_AFTER, NO_TRIAL_PHASE_BEFORE, PART_AFTER, PART_BEFORE,
                                        PART_OF_BEFORE, PART_OF_CHARS, labelled_parts, of_another_study)
from checks.title_phase_written import SPELT_INITIALS, phases_written, read_phases, spelt_phase_of_a_study

# Where the words about a phase begin: a title's clauses part at a colon, a semicolon, a full stop or a dash.
_CLAUSE_BREAK = re.compile(r"[:;|]|\.\s|\s[-\u2013\u2014]\s")
# The words that make a phase a study's ("Phase III ... Study", "Phase 2 Trial"), and what may close a title after
# its phase ("(Phase 2).").
_STUDY_WORD = re.compile(r"\b(?:stud(?:y|ies)|trials?|rcts?|ct|investigations?|evaluations?|protocols?|experiments?"
                         r"|research|extension|sub-?study|comparison|assessment|concept|surveillance)\b", re.I)
# A study word of a Spanish, Portuguese, French or Italian title, which comes before the phase it has ("Estudio Fase
# II de ...", "Étude de phase III", "Ensayo clínico fase 3", "Studio di fase II"), up to three words before it; not
# a study the title's study belongs to or follows ("Estudio de extensión del ensayo fase III": "del", "do", "du"
# before the word make the phase that study's).
_ROMANCE_STUDY_BEFORE = re.compile(
    r"(?<!\bdel\s)(?<!\bdo\s)(?<!\bda\s)(?<!\bdu\s)(?<!\bla\s)(?<!\bdes\s)(?<!\bdello\s)(?<!\bdella\s)"
    r"(?<!\bdell')\b(?:estudios?|estudos?|ensayos?|ensaios?|[e\u00e9]tudes?|essais?|studio|sperimentazione)"
    r"(?:\s+[^\W\d][\w'-]*){0,3}?\s*[-:,]?\s*\Z", re.I)
_CLOSING = " \t.,;:)]"
_ARTICLE = re.compile(r"\s*(?:(?:an?|the)\s+)?", re.I)


class Mention(NamedTuple):
    """A phase a title names: its phases (0 for Early Phase 1), subphases as (phase, letter), where it stands,
    whether it is a part's (a dose escalation, a portion), and whether it is the phase of a whole study that the
    title names a part of ("Phase 2 Part of a Phase 1/2 Study": the record may be that part) or the later phase the
    trial was extended to ("Phase II Trial ..., Extended to Phase III": the record may give the first, the later or
    both)."""

    phases: frozenset[int]
    subphases: frozenset[tuple[int, str]]
    start: int
    end: int
    part: bool
    parent: bool = False


def _clause_before(title: str, start: int) -> str:
    """The words of the title's clause before `start` (from the last colon, semicolon, full stop or dash)."""
    before = title[:start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    return before[breaks[-1].end():] if breaks else before


def _of_a_study(title: str, m: re.Match) -> bool:
    """Whether the phase is a study's as the title writes it: a study word in the words after it ("Phase III,
    Randomized, Double-blind Study", "Phase 2 Trial"), in the next clause where the phase ends its own ("Phase 2: A
    Randomized Trial"), or the phase opens or ends the title ("Phase I FOLFOX Combination", "..., PHASE III"). A
    phase that names a stage of a project ("Development (Phase 1) and Pilot Testing of an App") is none."""
    rest = title[m.end():]
    if not rest.strip(_CLOSING) or _ROMANCE_STUDY_BEFORE.search(_clause_before(title, m.start())):
        return True
    brk = _CLAUSE_BREAK.search(title, m.end())
    end = brk.start() if brk else len(title)
    if _STUDY_WORD.search(title, m.end(), end):
        return True
    if brk is None or title[m.end():end].strip(_CLOSING):
        return _ARTICLE.fullmatch(title, 0, m.start()) is not None
    following = _CLAUSE_BREAK.search(title, brk.end())
    return _STUDY_WORD.search(title, brk.end(), following.start() if following else len(title)) is not None


def _extended_into(clause: str, m: re.Match, mentions: list[Mention]) -> bool:
    """Whether the phase `m` after the words `clause` is the later phase the title's trial was extended to ("A
    Randomized Phase II Trial ...: Extension to a Randomized Phase III Trial"): the title has named the trial's own
    phase before, and a trial grows into a later phase only, never an earlier one."""
    own = [p for mention in mentions if not mention.parent for p in mention.phases]
    if not own or not EXTENDED_INTO_BEFORE.search(clause):
        return False
    phases = read_phases(m)[0]
    return bool(phases) and max(own) < min(phases)


def _dose_finding_part(title: str, start: int, phases: frozenset[int]) -> Mention | None:
    """The Phase 1 part that a dose-finding part joined to a Phase 2 at `start` names ("Dose Finding and Phase II
    Study"), or None."""
    joined = DOSE_FINDING_JOINED_BEFORE.search(title, 0, start) if phases == {2} else None
    return Mention(frozenset({1}), frozenset(), joined.start(), joined.end(), True) if joined else None


def title_mentions(title: str, follows_another: bool = False) -> list[Mention]:
    """The phases the title names of this study or its parts, in order; those of other studies, of a project's stage
    and those no trial's are left out. Where the study `follows_another` (an observational study of a trial's
    participants or samples), a phase after "of", "in", "to" or "for" is the other study's, as in an extension's.
    A title that lists two or more labelled parts with their phases ("Part A (Phase 1b) and Part B (Phase 2)", "Phase 2
    (Part A) Followed by Phase 3 (Part B)") names the study's parts, so each is read, study word or not, as is a later
    part joined to a phase read before ("... Followed by Phase 2 Expansion"); a phase joined to another study's ("From
    a Phase 2 and Phase 3 Study") is that study's too. A later phase the trial was extended to ("Phase II Trial of X,
    Extended to Phase III") is read as a whole study's phase beside its part's (`Mention.parent`). A dose-finding part
    joined to a Phase 2 ("Dose Finding and Phase II Study") is a Phase 1 part."""
    mentions = []
    extension = True if follows_another else None
    another_end = None  # where the last phase read as another study's ends
    found = phases_written(title)
    labelled = labelled_parts(title, found)
    listed_parts = sum(labelled) >= 2
    for m, in_part in zip(found, labelled):
        if NO_TRIAL_PHASE_AFTER.match(title, m.end()) or NO_TRIAL_PHASE_BEFORE.search(title, 0, m.start()):
            continue
        if DOSE_AFTER.match(title, m.end()) and DOSE_CHOSEN_BEFORE.search(title, 0, m.start()):
            continue
        if m.group("phases")[0] in SPELT_INITIALS and not spelt_phase_of_a_study(title, m):
            continue
        if extension is None:
            extension = EXTENSION.search(title) is not None
        clause = _clause_before(title, m.start())
        parent = (PART_OF_BEFORE.search(clause, max(0, len(clause) - PART_OF_CHARS)) is not None
                  or _extended_into(clause, m, mentions))
        part = (in_part or PART_AFTER.match(title, m.end()) is not None
                or PART_BEFORE.search(title, 0, m.start()) is not None)
        if not parent and (of_another_study(title, m, clause, extension) or another_end is not None
                           and JOINED_TO_ANOTHER.fullmatch(title, another_end, m.start())):
            another_end = m.end()
            continue
        if not (in_part and listed_parts or _of_a_study(title, m)
                or part and mentions and LATER_PART_BEFORE.search(clause)):
            continue
        phases, subphases = read_phases(m)
        if not parent and (dose_finding := _dose_finding_part(title, m.start(), phases)):
            mentions.append(dose_finding)
        mentions.append(Mention(phases, subphases, m.start(), m.end(), part, parent))
    return mentions
