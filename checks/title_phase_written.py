"""How a title writes a phase ("Phase III", "Phase 1b/2", "Fase II", "Ph 2", "Phase Three", "II Phase Clinical
Trial", "Phase I-III") and the phases and subphases each names."""
from __future__ import annotations

import re

# Every phase a title names holds one of these words once folded ("Phase II"; "Fase II", as Spanish, Italian and
# Portuguese sponsors' English titles keep it): the titles without one are never read.
PHASE_WORDS = ("phase", "fase")
_NUMERALS = {"0": 0, "1": 1, "2": 2, "3": 3, "4": 4, "i": 1, "ii": 2, "iii": 3, "iv": 4,
             "\u2170": 1, "\u2171": 2, "\u2172": 3, "\u2173": 4, "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4}
# A phase's numeral (Arabic, Roman, the Unicode Roman numerals "Ⅲ", spelt out) and its subphase letter: "3", "IIb",
# "Ⅳ", "1B", "Three".
_ROMAN = r"(?:iv|iii|ii|i|[\u2160-\u2163\u2170-\u2173])"
_SPELT = r"(?:zero|one|two|three|four)"
NUMERAL = rf"(?:[0-4]|{_ROMAN}|{_SPELT})"
# The word for a phase: English, and as Spanish, Italian and Portuguese titles keep it ("Fase III").
_PHASE_NOUN = r"(?:ph|f)ases?"
# A number joined to a phase that counts something else: "Phase 3, 4-Week", "Phase 2 and 3 Arms", "Phase 2, 3 Arm",
# "Phase III, 2-center", "3-Armed". A number before one arm, centre, site or country counts them, never a phase's.
_COUNTED = (r"(?!\s*-\s*(?:week|day|month|year|hour|arm|way|dose|part|period|stage|cohort|group|sequence|treatment"
            r"|visit|cent(?:er|re)|site|countr(?:y|ie)|nation)s?\b|\s*-\s*armed\b"
            r"|\s+(?:weeks|days|months|years|hours|arms|ways|doses|parts|periods|stages|cohorts|groups"
            r"|sequences|treatments|visits)\b|\s+(?:arm|cent(?:er|re)|site|countr(?:y|ie)|nation)s?\b)")
# "II" typed as two small L's after "Phase I-" or "Phase I/" ("Phase I-ll", "Phase I/lla"): read so only there, where
# no word may follow.
_ELLS_FOR_II = r"(?<=\bi)\s*[-/]\s*(?-i:ll)[abc]?(?![a-z0-9])"
# A comma joins a numeral, not a spelt number, that counts no length ("Phase II ,III Randomized Trial", "Phase 2, 3
# Study", not "Phase 3, 1 Year Study").
_COMMA_JOINED = (rf"\s*,\s*(?:[0-4]|{_ROMAN})[abc]?(?![a-z0-9]){_COUNTED}"
                 r"(?!\s*-?\s*(?:year|month|week|day|hour)\b)")
_JOINED = (rf"(?:\s*(?:/|-|\u2013|\u2014|&|\+|\band\b|\bto\b|\bthrough\b)\s*(?:{_PHASE_NOUN}\s*-?\s*)?{NUMERAL}[abc]?"
           rf"(?![a-z0-9]){_COUNTED}|{_COMMA_JOINED}|\s*/\s*[abc](?![a-z0-9])|-[abc](?![a-z0-9])|{_ELLS_FOR_II})")
# The word abbreviated, with a capital P and a small h, before an Arabic or a capital Roman numeral ("Ph 2", "Ph. II",
# "Ph2", "Ph 1b/2"): not "pH 2", "PhD", "Phi", nor the Philadelphia chromosome ("Ph+ ALL", "Ph-negative", and after
# the numeral `_NOT_PH1`: "Ph1-positive", "Ph1+ leukaemia", "Ph1 chromosome", "Ph1 (Philadelphia)").
_PHASE_ABBREVIATED = r"(?-i:Ph)\.?(?=\s?-?\s?(?:[0-4]|(?-i:[IV])))"
_NOT_PH1 = r"(?!\s*(?:\+|[-\s]?\s*(?:positive|negative|pos\b|neg\b|chromosome|like\b|\()))"
# A phase as a title writes it: "Phase III", "phase IIb", "Phase II-b", "Phase 1b/2", "Phase I-II", "Phase 1/Phase 2",
# "Phases 2 and 3", "Early Phase 1", "Phase-II", "PhaseⅣ", "Fase III", "Phase Three", "Ph 2".
_MENTION = re.compile(rf"(?<![a-z])(?=[epf])(?P<early>early\s*-?\s*)?(?:{_PHASE_NOUN}|(?P<ph>{_PHASE_ABBREVIATED}))"
                      rf"\s*[-:]?\s*(?P<phases>{NUMERAL}[abc]?(?![a-z0-9]|\.\d)(?:{_JOINED})*)(?(ph){_NOT_PH1})", re.I)
# A phase spelt out ("Phase Three") is a trial's only where a study word follows it at once ("Phase Three,
# Randomized Study", "Phase Two Trial"): a project's stages are more often so written ("Phase One: Development").
# Nor where the number counts something ("Maintenance Phase Two-Year Follow-up Trial") or the phase is a period of
# the study or of a cycle ("Luteal Phase Two ...", "Induction Phase One ...").
SPELT_INITIALS = "zotfZOTF"
_STUDY_WORD_AFTER = re.compile(r"\s*,?\s*(?:[\w-]+,?\s+){0,3}?(?:stud(?:y|ies)|trials?|rcts?)\b", re.I)
_SPELT_COUNTS = re.compile(r"(?:\s*-\s*|\s+)(?:weeks?|days?|months?|years?|hours?|minutes?|arms?|ways?|doses?|parts?"
                           r"|periods?|stages?|steps?|levels?|cohorts?|groups?|sessions?|visits?)\b", re.I)
_PERIOD_BEFORE = re.compile(r"\b(?:luteal|follicular|ovulatory|menstrual|acute|chronic|subacute|maintenance|induction"
                            r"|consolidation|treatment|extension|titration|washout|recovery|run-in|dosing"
                            r"|intervention|blast|accelerated|rest|next|final|last|this|each)\s*\Z", re.I)
# A Roman numeral before the word, as some sponsors write it ("A Randomized, II Phase Clinical Trial", "III Phase
# Study"), read only where a study word follows: an Arabic number or a word before it counts the study's periods ("a
# two-phase study", "Three Phase Design"), and a numeral that numbers something else ("Stage II", "Type II") is
# no phase's.
_NUMERAL_FIRST = re.compile(
    rf"(?<![\w/.-])(?P<early>(?!))?(?P<phases>{_ROMAN}[abc]?(?:\s*/\s*{_ROMAN}[abc]?)?)\s*-?\s*{_PHASE_NOUN}"
    rf"(?![a-z]|\s*[-:]?\s*{NUMERAL}(?![a-z]))(?={_STUDY_WORD_AFTER.pattern})", re.I)
# A Roman numeral's last letter (lower case), a subphase's, and blanks or a hyphen just before the phase's word:
# the titles that may write a phase so.
ROMAN_END_CHARS = 4
_ROMAN_ENDS = re.compile(r"[iv\u2170-\u2173][abc]?[\s-]*\Z")
_NUMBERED_BEFORE = re.compile(r"\b(?:stages?|types?|class(?:es)?|grades?|parts?|periods?|cycles?|steps?|levels?|tiers?"
                              r"|categor(?:y|ies)|arms?|groups?|cohorts?|sections?|modules?|nyha|gold|figo|ajcc|tnm"
                              r"|who|tanner|ckd|war|sbir|sttr|stud(?:y|ies)|trials?|protocols?)\s*[-,:]?\s*\Z",
                              re.I)
# What joins the ends of a range of phases: "Phase I-III", "Phase 1 through 3".
_RANGE = re.compile(rf"\s*(?:-|\u2013|\u2014|\bto\b|\bthrough\b)\s*(?:{_PHASE_NOUN}\s*-?\s*)?", re.I)
_ONE_DESIGNATOR = re.compile(rf"(?<![a-z]){NUMERAL}(?P<sub>[abc])?(?![a-z0-9])|(?:(?<=/)\s*|(?<=-))(?P<lone>[abc])"
                             r"(?![a-z0-9])", re.I)


def read_phases(m: re.Match) -> tuple[frozenset[int], frozenset[tuple[int, str]]]:
    """The phases and subphases a mention writes: "Phase Ib/II" gives {1, 2} and {(1, 'b')}; "Early Phase 1" {0};
    a range "Phase I-III" or "Phase 1 through 3" the phases between too."""
    phases: list[int] = []
    subphases: set[tuple[int, str]] = set()
    written = m.group("phases").replace("ll", "ii")  # "Phase I-ll": the only small L's a mention holds
    last_end = 0
    for d in _ONE_DESIGNATOR.finditer(written):
        before_end, last_end = last_end, d.end()
        if d.group("lone"):  # "Phase IIa/b", "Phase II-b": the letter is the last phase's
            if phases:
                subphases.add((phases[-1], d.group("lone").lower()))
            continue
        numeral = _NUMERALS[d.group(0)[:len(d.group(0)) - (1 if d.group("sub") else 0)].lower()]
        if phases and numeral > phases[-1] + 1 and _RANGE.fullmatch(written, before_end, d.start()):
            phases.extend(range(phases[-1] + 1, numeral))
        phases.append(numeral)
        if d.group("sub"):
            subphases.add((phases[-1], d.group("sub").lower()))
    if m.group("early") and phases == [1]:
        return frozenset({0}), frozenset()
    return frozenset(phases), frozenset(subphases)


def names_a_phase(title: str) -> bool:
    """Whether the title holds a word for a phase ("phase", "fase") or its abbreviation before a number ("Ph 2"): only
    such titles are read."""
    lowered = title.lower()
    if any(word in lowered for word in PHASE_WORDS):
        return True
    return "ph" in lowered and _ABBREVIATED_AT.search(title) is not None


# Where a title may abbreviate the word before a phase's number ("Ph 2", "Ph. II", "Ph1b").
_ABBREVIATED_AT = re.compile(_PHASE_ABBREVIATED)


def phases_written(title: str) -> list[re.Match]:
    """The phases the title writes, in order: "Phase III", "Fase II", and a Roman numeral before the word before a
    study word ("II Phase Clinical Trial"), but not one that numbers a stage or a type ("Stage II Phase ...")."""
    found = list(_MENTION.finditer(title))
    numeral_first = [m for m in _numerals_before_the_word(title) if not _NUMBERED_BEFORE.search(title, 0, m.start())]
    if not numeral_first:
        return found
    return sorted(found + numeral_first, key=lambda m: m.start())


def _numerals_before_the_word(title: str) -> list[re.Match]:
    """The phases written with a Roman numeral before the word ("II Phase Clinical Trial"): only a title with such a
    numeral before "phase" or "fase" is searched for them (most titles write "Phase II")."""
    lowered = title.lower()
    for word in PHASE_WORDS:
        at = lowered.find(word)
        while at > 0:
            if _ROMAN_ENDS.search(lowered, max(0, at - ROMAN_END_CHARS), at):
                return list(_NUMERAL_FIRST.finditer(title))
            at = lowered.find(word, at + len(word))
    return []


def spelt_phase_of_a_study(title: str, m: re.Match) -> bool:
    """Whether a phase spelt out ("Phase Three") is a trial's: a study word follows it at once, its number counts
    nothing ("Phase Two-Year ...") and no period of a study or a cycle owns it ("Luteal Phase Two ...")."""
    return (_STUDY_WORD_AFTER.match(title, m.end()) is not None and not _SPELT_COUNTS.match(title, m.end())
            and not _PERIOD_BEFORE.search(title, 0, m.start()))
