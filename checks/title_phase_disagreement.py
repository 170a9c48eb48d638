"""How far the phases a title states of this study disagree with the phases the record gives (`title_phase`):
a warning, info, or none; and the record's value as read (`registry_phases`) and said (`phase_said`)."""
from __future__ import annotations

from typing import NamedTuple

from checks.title_phase_mentions import Mention, title_mentions
from checks.title_phase_written import names_a_phase

# The phases each API v2 value gives (0 is Early Phase 1, the former Phase 0); 'NA' gives none.
REGISTRY_PHASES = {"EARLY_PHASE1": 0, "PHASE1": 1, "PHASE2": 2, "PHASE3": 3, "PHASE4": 4}
NO_PHASE = "NA"
# The combinations the registry can give; a title's other combinations ("Phase 1/3") it cannot.
COMBINATIONS = (frozenset({1, 2}), frozenset({2, 3}))
# How a person reads each value in a message.
PHASE_SAID = {"EARLY_PHASE1": "Early Phase 1", "PHASE1": "Phase 1", "PHASE2": "Phase 2", "PHASE3": "Phase 3",
              "PHASE4": "Phase 4", "NA": "N/A (a trial without phases)"}
# A subphase that bridges the two phases of a combination, as sponsors register it: "Phase 1b" as Phase 1/Phase 2.
BRIDGING = {(1, "b"): frozenset({1, 2}), (2, "a"): frozenset({1, 2}), (2, "b"): frozenset({2, 3})}
INFO = "info"
WARNING = "warning"


def registry_phases(value: str | None) -> frozenset[int] | None:
    """The phases a record's value gives ('PHASE1/PHASE2': {1, 2}; 'NA': none), or None when it gives no phase or
    one this rule does not know."""
    if value is None or not value.strip():
        return None
    if value == NO_PHASE:
        return frozenset()
    parts = value.split("/")
    if any(p not in REGISTRY_PHASES for p in parts):
        return None
    return frozenset(REGISTRY_PHASES[p] for p in parts)


def _as_phase_one(phases: frozenset[int]) -> frozenset[int]:
    """The phases with Early Phase 1 read as Phase 1."""
    return frozenset(1 if p == 0 else p for p in phases)


def disagreement(stated: frozenset[int], subphases: frozenset[tuple[int, str]],
                 given: frozenset[int]) -> str | None:
    """How far the title's phases (`stated`, with their `subphases`) disagree with the record's (`given`): WARNING,
    INFO, or None where they agree or the registry cannot say better."""
    if stated == given:
        return None
    if not given:
        return WARNING  # a phase in the title, N/A in the record
    stated_one, given_one = _as_phase_one(stated), _as_phase_one(given)
    if stated_one == given_one:
        return INFO  # Phase 1 and Early Phase 1 (the former Phase 0)
    if len(stated) > 1 and stated_one not in COMBINATIONS:
        return None if stated_one & given_one else WARNING  # "Phase Ib/III": the registry cannot give it
    if len(stated_one) == 1 and stated_one < given_one:
        (phase,) = stated_one
        if any(BRIDGING.get((phase, letter)) == given_one for p, letter in subphases if p == phase):
            return None
        return INFO  # "Phase II" with Phase 2/Phase 3
    return WARNING


def stated_mentions(mentions: list[Mention]) -> list[Mention]:
    """The mentions that state the study's phase: those of the whole study, or else those of its parts (not the
    phase of a whole study the title names a part of)."""
    own = [m for m in mentions if not m.parent]
    whole = [m for m in own if not m.part]
    return whole or own


def phases_of(mentions: list[Mention]) -> tuple[frozenset[int], frozenset[tuple[int, str]]]:
    """The phases and subphases the mentions name together."""
    return (frozenset().union(*(m.phases for m in mentions)),
            frozenset().union(*(m.subphases for m in mentions)))


# How far apart each severity puts a title and a record: the least of several readings is kept.
_SEVERITY_ORDER = {None: 0, INFO: 1, WARNING: 2}


def _least_disagreement(stated: list[Mention], parents: list[Mention], given: frozenset[int]) -> str | None:
    """How far the title disagrees with the record's phases `given` where it names a part's phase (`stated`) and the
    phase of the whole study it is a part of (`parents`): the record may give the part's phase, the whole's or both
    ("Phase 2 Part of a Phase 1/2 Study" agrees with 'PHASE2' and 'PHASE1/PHASE2'), so the closest reading counts."""
    if not parents:
        return disagreement(*phases_of(stated), given)
    readings = [stated, parents, stated + parents]
    return min((disagreement(*phases_of(reading), given) for reading in readings), key=_SEVERITY_ORDER.__getitem__)


def phase_said(value: str) -> str:
    """A record's phase as a person reads it: 'PHASE2/PHASE3' is "Phase 2/Phase 3"."""
    return "/".join(PHASE_SAID.get(p, p) for p in value.split("/"))


class TitlePhase(NamedTuple):
    """The phase a title states of this study against the record's: the severity of their disagreement (None where
    they agree or the registry cannot say better), the title's phrases, the span they cover and, for a warning, the
    phases they name together."""

    severity: str | None
    phrases: tuple[str, ...]
    start: int
    end: int
    phases: frozenset[int] = frozenset()


def title_phase(title: str, given: frozenset[int]) -> TitlePhase | None:
    """The phases the title states of this study against the record's phases `given` (`registry_phases`), or None
    where the title states none."""
    if not names_a_phase(title):
        return None
    mentions = title_mentions(title)
    stated = stated_mentions(mentions)
    if not stated:
        return None
    severity = _least_disagreement(stated, [m for m in mentions if m.parent], given)
    if severity == INFO and disagreement(*phases_of([m for m in mentions if not m.parent]), given) is None:
        severity = None  # "A Phase 1 Study Followed by Phase 2 Expansion": its parts name the record's other phase
    phrases = tuple(dict.fromkeys(" ".join(title[m.start:m.end].split()) for m in stated))
    phases = phases_of(stated)[0] if severity == WARNING else frozenset()
    return TitlePhase(severity, phrases, stated[0].start, stated[-1].end, phases)


def combination_given_in_part(stated: frozenset[int], given: frozenset[int]) -> str | None:
    """The registry's combined value ("Phase 1/Phase 2") where the title names a combination the registry gives
    ("Phase 1b/2", "Phase II/III") and the record gives one of its two phases alone ('PHASE2'); else None."""
    stated_one = _as_phase_one(stated)
    if stated_one not in COMBINATIONS or len(given) != 1 or not given < stated_one:
        return None
    return "/".join(f"Phase {p}" for p in sorted(stated_one))
