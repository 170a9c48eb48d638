"""A project's stage that a title names like a phase: a numbered study of a stage ("Phase II - 4"), a stage of
something ("Phase II of the MOMENTUM Program"), a project's stage after its name ("(FAR Phase 2)"), one labelled in
brackets as a pilot, a feasibility or a development stage ("Phase 2 (SMART Pilot) and Phase 3 (Efficacy Trial
Development)"), or one after a dash at the title's end ("... - Phase 2") or heading it before a colon ("Phase 2: Using
Biomarkers for ...")."""
from __future__ import annotations

import re

from checks.title_phase_disagreement import TitlePhase, phases_of, stated_mentions
from checks.title_phase_mentions import title_mentions
from checks.title_phase_written import NUMERAL, phases_written, read_phases

# A numbered study of a project's stage, as legacy NIDA records title them ("Alternate-Day Buprenorphine
# Administration. Phase II - 4", beside the official title "... Administration. Phase II"): a record with such a title
# names its series' stage in every title, not a trial phase.
SERIES_STAGE = re.compile(rf"(?<![a-z])phase\s*{NUMERAL}\s+-\s+\d+\s*$", re.I)
# A programme's stages listed under the plural, three or more, each numeral with its own study's name in capitals
# ("Childhood Asthma Management Program (CAMP) Phases I (Trial), II (CAMPCS), III (CAMPCS/2), and IV (CAMPCS/3)"): the
# trial and the studies that continued it, named as the programme's stages, not trial phases ("Phases I (dose
# finding) and II (expansion)" are a trial's).
_STAGE_NAMED = rf"{NUMERAL}\s*\((?-i:[A-Z])[^()]{{0,39}}\)"
PROGRAMME_STAGES = re.compile(
    rf"(?<![a-z])phases\s+{_STAGE_NAMED}\s*,\s*{_STAGE_NAMED}\s*,?\s*(?:and\s+)?{NUMERAL}\s*\(", re.I)


def names_project_stages(title: str) -> bool:
    """Whether a title names its project's stages rather than a trial phase: a numbered study of a stage ("Phase II -
    4") or a programme's stages each named ("Phases I (Trial), II (CAMPCS), ..."); a record with such a title names
    no trial phase in any title."""
    return SERIES_STAGE.search(title) is not None or PROGRAMME_STAGES.search(title) is not None
# After a phase, the "of" that makes it a stage of something ("Phase II of the MOMENTUM Program").
_STAGE_OF_AFTER = re.compile(r"\s*-?\s*of\b", re.I)
# A project's name in capitals and its stage in a parenthesis, as a title gives its short name ("... Following Time
# Restricted Eating - Phase 2 (FAR Phase 2)", "(TREAT Phase II)"): the project's stage, where no drug is listed.
_ACRONYM_BEFORE = re.compile(r"\(\s*(?!RCT\b)[A-Z][A-Z0-9&-]*[A-Z0-9]\s*\Z")
_PARENTHESIS_CLOSES = re.compile(r"\s*\)")
# The same name given in its own parenthesis right before the stage, as a short title gives it ("The Fuel and Rhythm
# (FAR) Phase 2 Study", where the official title says "(FAR Phase 2)"): a page may show only that title.
_NAMED_BEFORE = re.compile(r"\(\s*(?!RCT\b)[A-Z][A-Z0-9&-]*[A-Z0-9]\s*\)\s*\Z")
# How far before its phase a project's name in a parenthesis may begin.
ACRONYM_CHARS = 24


# A label in brackets right after a phase that names a project's stage, not a trial: its last words a pilot, a
# feasibility, acceptability or development stage, its refinement or planning ("Phase 2 (SMART Pilot)", "Phase 3
# (Efficacy Trial Development)", "Phase 1 (Feasibility)"; not "Phase 2 (Pilot RCT)", "Phase 1 (Dose Finding)").
_STAGE_LABEL = re.compile(
    r"\s*[(\[][^()\[\]]{0,60}?\b(?:pilot(?:ing|s)?|feasibility|acceptability|development|refinement|planning"
    r"|(?:pilot|feasibility|usability)\s+test(?:ing|s)?)\s*[)\]]", re.I)
# A study word that the label and its phase may name instead ("Phase 2 (Feasibility) Trial of ...": a trial's phase).
_STUDY_FOLLOWS = re.compile(r"\s*,?\s*(?:[\w-]+,?\s+){0,2}?(?:stud(?:y|ies)|trials?|rcts?)\b", re.I)


def stages_named(titles: list[tuple[str, str]], drug_listed: bool = True) -> frozenset[int]:
    """The phases a record's titles name as a stage of something ("Phase II of the MOMENTUM Program"), and, where it
    lists no drug, as a project's stage after its name in a parenthesis ("(FAR Phase 2)", "(FAR) Phase 2 Study") or
    before a label in brackets that names a pilot, a feasibility or a development stage ("Phase 2 (SMART Pilot)")."""
    return frozenset().union(*(read_phases(m)[0] for _field, text in titles for m in phases_written(text)
                               if _STAGE_OF_AFTER.match(text, m.end())
                               or not drug_listed and (_in_a_name(text, m) or _labelled_stage(text, m))))


def _labelled_stage(title: str, m: re.Match) -> bool:
    """Whether the phase is followed by a label in brackets that names a project's stage ("Phase 2 (SMART Pilot)"),
    and no study word follows the label ("Phase 2 (Feasibility) Trial of ..." names the trial's phase)."""
    label = _STAGE_LABEL.match(title, m.end())
    return label is not None and _STUDY_FOLLOWS.match(title, label.end()) is None


def _in_a_name(title: str, m: re.Match) -> bool:
    """Whether the phase closes a parenthesis that opens with a name in capitals ("(FAR Phase 2)"), or follows such a
    name in a parenthesis of its own ("(FAR) Phase 2 Study")."""
    begin = max(0, m.start() - ACRONYM_CHARS)
    return (_PARENTHESIS_CLOSES.match(title, m.end()) is not None
            and _ACRONYM_BEFORE.search(title, begin, m.start()) is not None
            or _NAMED_BEFORE.search(title, begin, m.start()) is not None)


# A phase alone after a dash or a colon that ends the title, but for a parenthesis or a full stop ("Fuel Utilization
# After Time Restricted Eating - Phase 2", "... – Phase II.", "Wheelchair Skills (EPIC WheelS): Phase 2"): the way a
# project's stage is appended to a study's name.
_DASH_BEFORE = re.compile(r"(?:\s[-\u2013\u2014]|:)\s*\Z")
_ENDS_TITLE = re.compile(r"\s*(?:\([^()]*\))?[\s.]*\Z")


def appended_stage(title: str, found: TitlePhase) -> bool:
    """Whether the phases a title states stand alone after a dash or a colon at its end ("... - Phase 2", "...:
    Phase 2")."""
    return (_DASH_BEFORE.search(title, 0, found.start) is not None
            and _ENDS_TITLE.match(title, found.end) is not None)


def names_a_stage(title: str, stages: frozenset[int]) -> bool:
    """Whether the phases a title states are stages the record's other title names as such: "MOMENTUM Phase II: A
    Stepped-wedge Trial" beside "Phase II of the MOMENTUM Program" names the project's stage, not a trial phase (read
    so only where the record gives no phase: a title that names a trial phase beside a record's phase is one)."""
    return bool(stages) and phases_of(stated_mentions(title_mentions(title)))[0] <= stages


# A phase alone that heads the title before a colon or a dash ("Phase 2: Using Biomarkers for Diagnosis ..."), where the
# words after it name no study or trial: the way a project's stage heads the name of its work. "Phase 2: A Randomized
# Trial of ..." names a trial's phase.
_HEADING_BREAK = re.compile(r"\s*(?::|[-\u2013\u2014]\s)")
_TRIAL_NAMED = re.compile(r"\b(?:stud(?:y|ies)|trials?|rcts?)\b", re.I)


def heading_stage(title: str, found: TitlePhase) -> bool:
    """Whether the phases a title states stand alone at its start before a colon or a dash, and the words after them
    name no study or trial ("Phase 2: Using Biomarkers for ...")."""
    if title[:found.start].strip():
        return False
    heading = _HEADING_BREAK.match(title, found.end)
    return heading is not None and _TRIAL_NAMED.search(title, heading.end()) is None
