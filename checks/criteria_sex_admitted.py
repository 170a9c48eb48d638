"""The inclusion criteria's first statement of who is admitted by sex (`admitted_sex`), where it is everyone's: one
group's criteria that name no person of the other sex, nobody else and no gender identity; a sex's label over its own
criteria; or the PDQ form's "Sex: Women only"."""
from __future__ import annotations

import re
from typing import NamedTuple

from checks.criteria_age_criterion import LIST_MARK
from checks.criteria_age_groups import GROUP_HEADING, GROUP_LABEL_LINE, GROUP_WORDS, LABEL_LINE
from checks.criteria_age_statement import criteria_pieces
from checks.criteria_inclusion import CRITERION_WIDTH, inclusion_sections, lowered_part, section_heading
from checks.criteria_sections import Section
from checks.criteria_sex_named import (BOTH, FEMALE, FEMALE_NOUN, MALE, MALE_NOUN, SEX_WORD, Named, each_sex_word,
                                       named_sex, sex_words)

# The labels a criterion may be of its own criteria: over a sub-list, or a line in a flat list.
SUB_LIST, FLAT = "sub-list", "flat"


# How far after a criterion the line below it is looked for.
SUB_LIST_REACH = 400


# People other than the participants, two people taken together, or another group (controls, donors) of a sex not
# stated: the sex of the statement is not everyone's.
_OTHER_PEOPLE = re.compile(
    r"\b(?:partners?|spouses?|husbands?|wives|wife|couples?|infants?|newborns?|neonates?|babies|baby|child|"
    r"children|offspring|fet(?:us|al)|foet(?:us|al)|dyads?|mothers?|fathers?|parents?|caregivers?|carers?|"
    r"sons?|daughters?|famil(?:y|ies)|siblings?|twins?|donors?|controls|(?:healthy|matched|normal)\s+control|"
    r"control\s+(?:group|subjects?|participants?))\b")
# Words of gender identity: a Sex of 'ALL' may be meant for such participants.
_GENDER_IDENTITY = re.compile(
    r"\b(?:transgender|transsexual|trans\s+(?:wom[ae]n|m[ae]n|males?|females?|people|persons?|individuals?)|"
    r"cisgender|cis\s+(?:wom[ae]n|m[ae]n)|gender\s+identity|identif(?:y|ies|ied)\s+as|assigned\s+(?:fe)?male|"
    r"(?:sex|gender)\s+(?:assigned\s+)?at\s+birth|non-?\s?binary|gender[- ]?(?:diverse|queer|fluid)|intersex|msm|"
    r"(?:have|had|having)\s+sex\s+with)\b")
# A criterion that admits both sexes in words the sex statements do not read ("All genders", "Both sexes are
# eligible", "Adults of either sex", "Regardless of gender"): a one-sex statement elsewhere in the same criteria is
# then not everyone's.
_BOTH_SEXES = re.compile(r"\b(?:(?:all|both)\s+(?:genders|sexes)|of\s+(?:either|any)\s+(?:gender|sex)(?!\w)|"
                         r"(?:regardless|irrespective)\s+of\s+(?:their\s+)?(?:gender|sex)(?!\w))")
# A woman's state that rules out childbearing, before the sex it qualifies ("Postmenopausal or surgically sterile
# females only", "Non-childbearing women"): a requirement of which women may join, beside men, not that only women
# may ("Postmenopausal women only" names the study's population and stays a statement).
# Not being pregnant or nursing is such a state too ("Non-pregnant females", "Non-lactating women"), and so is being
# unable to conceive ("- non-fertile females" below the diagnosis everyone has).
_NO_CHILDBEARING = re.compile(r"\b(?:steril(?:e|i[sz]ed)|infertile|non-?\s?fertile|non-?\s?child-?\s?bearing|"
                              r"non-?\s?(?:pregnant|lactating|nursing|breast-?\s?feeding))\b")
# A woman's menopausal state before the noun ("post-menopausal females"): alone, below other criteria, it says which
# women may join; opening the list ("Postmenopausal women") it names the study's population.
_MENOPAUSAL = re.compile(r"\b(?:pre|peri|post)-?\s?menopausal\b")
_ONLY = re.compile(r"\bonly\b")  # "Postmenopausal women only" names the study's population wherever it stands
_FEMALE_NOUN = re.compile(rf"\b(?:{FEMALE_NOUN})\b")

# The PDQ form of older records: "PATIENT CHARACTERISTICS: Age: 18 and over Sex: Women only Menopausal status: ...".
_PDQ_HEADING = "patient characteristics"
# Its "Sex:" label opens a word, looked behind from after its first letter (a search skips to an "s" rather than
# trying the look-behind at every character).
_PDQ_SEX = re.compile(r"s(?<![\w-]s)ex\s*:\s*(?:[-*\u2022]\s+)?")
_PDQ_SEX_VALUE = re.compile(rf"(?:(?P<female>{FEMALE_NOUN})|(?P<male>{MALE_NOUN}))(?:\s+only)?\b"
                            r"(?!\s*(?:and|or|&|/|,|\())")


class Admitted(NamedTuple):
    """Who one statement of the criteria admits (FEMALE, MALE or ALL for both), where it stands, and what part of
    the criteria states it."""

    sex: str
    start: int
    end: int
    source: str = "inclusion criteria"


# A line of a few words ending in a colon that names a topic or a condition of the criteria below it, not a group of
# people: one that opens with a time's word ("- After primary radiotherapy:", "Prior concurrent therapy:") or ends in
# a topic's noun ("- Serum PSA levels:", "Disease characteristics:", "Concomitant medications:"), or "Miscellaneous:"
# (NCT00558363, whose "Males <85 years of age" is everyone's).
_TOPIC_LABEL = re.compile(
    r"[ \t]*(?:[-*\u2022][ \t]*)?(?:(?i:after|before|during|following|prior|previous)\b[^\n]*"
    r"|[^\n]*\b(?i:levels?|values?|characteristics|histor(?:y|ies)|therap(?:y|ies)|medications?|tests?|results?"
    r"|findings|requirements?|function)[ \t]*:[ \t]*|(?i:miscellaneous|general|other)[ \t]*:[ \t]*)")


def _for_groups(text: str, body: str, lowered_body: str, section: Section) -> bool:
    """Whether the inclusion criteria are those of several groups or of one group their heading names (a sex
    among them: "Inclusion Criteria for Women"): a cohort's or a part's label, a line that only names whom the
    criteria below it are for; a line that only names a sex ("Female") is read as a criterion."""
    heading = section_heading(text, section)
    if GROUP_HEADING.search(heading) or SEX_WORD.search(heading.lower()) or GROUP_WORDS.search(lowered_body) or \
            any(_TOPIC_LABEL.fullmatch(m.group(0)) is None for m in LABEL_LINE.finditer(body)):
        return True
    return any(SEX_WORD.search(m.group(0).lower()) is None for m in GROUP_LABEL_LINE.finditer(body))


def _heads_sub_list(text: str, end: int) -> bool:
    """Whether the next line with text after a criterion ending at `end` is more indented: the criterion labels a
    list of its own ("* Female" above "  * Not pregnant")."""
    line = text[text.rfind("\n", 0, end) + 1:end]
    following = next((ln for ln in text[end:end + SUB_LIST_REACH].split("\n")[1:] if ln.strip()), None)
    if following is None:
        return False
    return len(following) - len(following.lstrip(" \t")) > len(line) - len(line.lstrip(" \t"))


def _label(text: str, named: Named, end: int) -> str | None:
    """Which label of its own criteria the criterion (whom it names: `named`; ending at text offset `end`) is, if
    any: SUB_LIST, a sex over a list of its own ("* Female" above "  * Not pregnant"), or FLAT, a sex and people alone
    in a flat list ("Female participants"). Else None: a statement of who is admitted."""
    if not named.alone or named.sex == BOTH:
        return None
    if _heads_sub_list(text, end):
        return SUB_LIST
    return FLAT if named.label else None


def _opens_list(text: str, list_start: int, start: int) -> bool:
    """Whether the criterion at `start` opens the list that begins at `list_start`: only blank lines, lead-ins and
    its own list mark stand before it. A lead-in ends with a colon and bears no list mark ("Participants must meet
    all of the following:"; not "* Adequate contraception:", an item over a sub-list of its own)."""
    lines = text[list_start:start].split("\n")
    return all(not line.strip() or line.rstrip().endswith((":", "\uff1a")) and not LIST_MARK.match(line).group().strip()
               for line in lines[:-1]) and LIST_MARK.fullmatch(lines[-1]) is not None


def _labels_other_sex(text: str, list_start: int, start: int, sex: str, settled: str | None) -> bool:
    """Whether a sex's label in a flat list ("* Female patients", at `start`) opens the list that begins at
    `list_start` while the record's Sex (`settled`) is the other sex alone: the criteria below it are that sex's
    either way, so the label is their statement of who is admitted."""
    return settled in (FEMALE, MALE) and sex != settled and _opens_list(text, list_start, start)


def _pdq_sex(text: str, lowered: str) -> Admitted | None:
    """The sex a PDQ block's "Sex:" gives ("PATIENT CHARACTERISTICS: ... Sex: Women only"), or None where the text
    has no such block, several "Sex:" labels, or a value that is no one sex ("Not specified", "Male or female")."""
    if lowered.count(_PDQ_HEADING) != 1:
        return None
    after = lowered.find(_PDQ_HEADING)
    labels = list(_PDQ_SEX.finditer(lowered, after))
    if len(labels) != 1:
        return None
    value = _PDQ_SEX_VALUE.match(lowered, labels[0].end())
    if value is None:
        return None
    return Admitted(FEMALE if value.group("female") else MALE, labels[0].start(), value.end(),
                    "criteria's patient characteristics")


def admitted_sex(text: str, lowered: str | None = None, memo: dict | None = None,
                 settled: str | None = None, shortcut: bool = True) -> Admitted | None:
    """The first statement of the inclusion criteria of who is admitted by sex, or None where they state none that
    can be read as one for everyone (several groups, the other sex or other people named, gender identity).
    `lowered`: text.lower(), and `memo`: the text's readings by other rules (a StudyText's), if at hand.
    `settled`: the record's Sex. Where it is one sex, a label of the other that opens the list is its statement
    (`_labels_other_sex`), if it is everyone's; else a label is read past. With `shortcut`, where only a statement
    that disagrees with it matters, a statement that admits that sex is returned as it is, as whether it is everyone's
    leaves nothing to find either way (without it: the full reading, which gives the same findings)."""
    lowered = text.lower() if lowered is None else lowered
    inclusion = inclusion_sections(text, lowered, memo)
    if inclusion is None:
        return _pdq_sex(text, lowered)
    if len(inclusion) != 1:
        return None  # none, or one list for each group
    section = inclusion[0]
    body_lowered = lowered_part(text, lowered, section.start, section.end)
    words = each_sex_word(body_lowered)
    word = next(words, None)
    if word is None:
        return None
    for start, end in criteria_pieces(text, section.start, section.end):
        while word is not None and section.start + word.start() < start:
            word = next(words, None)
        if word is None:
            return None
        if section.start + word.start() >= end:
            continue
        piece_end = min(end, start + CRITERION_WIDTH)
        piece = lowered_part(text, lowered, start, piece_end)
        named = named_sex(piece)
        if named is None:
            continue
        if named.sex == FEMALE and (_restricts_women(piece) or _women_among_others(text, piece, named, section, start)):
            continue  # which women may join ("Postmenopausal or surgically sterile females only")
        if named.sex != BOTH and _an_option_below(text, section, start):
            continue  # one of the options some of which a criterion asks for ("1 FACTOR to qualify: - Female Sex")
        admitted, label = Admitted(named.sex, start, end), _label(text, named, piece_end)
        if label == FLAT and _labels_other_sex(text, section.start, start, named.sex, settled):
            found = _for_everyone(text, body_lowered, section, sex_words(body_lowered), admitted)
            if found is not None:
                return found
        if label is not None:
            continue  # a sex's label over its own criteria ("Female participants" above theirs)
        if named.sex == settled and shortcut:
            return admitted  # agrees with the record, whomever it is for
        return _for_everyone(text, body_lowered, section, sex_words(body_lowered), admitted)
    return None


# A lead-in that asks for some of the options listed below it ("Patient must have 1 FACTOR to qualify", "At least one
# of the following risk factors:", "any of the following"): a sex among them is one option (NCT00659737: "Female Sex",
# "History of PONV", "Motion Sickness", "Non-Smoker", the Apfel risk factors), not who is admitted.
_SOME_OF_THE_OPTIONS = re.compile(
    r"\b(?:(?:at\s+least|a\s+minimum\s+of)\s+)?(?:one|1|two|2|three|3)\s+(?:or\s+more\s+)?(?:of\s+the\s+following"
    r"|(?:risk\s+)?factors?)\b|\bany\s+(?:one\s+)?of\s+the\s+following\b")
_MARKED_LINE = re.compile(r"[ \t]*(?:[-*\u2022\u00b7]|\(?\d{1,2}[.)]|\(?[a-z][.)][ \t])")


def _indent(line: str) -> int:
    """How far a line is indented."""
    return len(line) - len(line.lstrip(" \t"))


def _an_option_below(text: str, section: Section, start: int) -> bool:
    """Whether the criterion at `start` is a sub-item below a criterion that asks for some of the options listed
    under it (`_SOME_OF_THE_OPTIONS`, in that criterion's lines down to this one): the nearest line above with a list
    mark and less indentation."""
    line_start = text.rfind("\n", section.start, start) + 1
    indent = _indent(text[line_start:start] + "x")
    at = line_start
    while at > section.start:
        above = max(section.start, text.rfind("\n", section.start, at - 1) + 1)
        line = text[above:at - 1]
        if line.strip() and _indent(line) < indent and _MARKED_LINE.match(line):
            return _SOME_OF_THE_OPTIONS.search(text[above:start].lower()) is not None
        at = above
    return False


def _restricts_women(piece: str) -> bool:
    """Whether the criterion `piece` (lower case) names a woman's state that rules out childbearing before its
    first noun of a woman (`_NO_CHILDBEARING`): it says which women may join."""
    noun = _FEMALE_NOUN.search(piece)
    return noun is not None and _NO_CHILDBEARING.search(piece, 0, noun.start()) is not None


def _women_among_others(text: str, piece: str, named: Named, section: Section, start: int) -> bool:
    """Whether the criterion `piece` (lower case, at `start`) is only a woman's menopausal state and the noun
    ("post-menopausal females", not "... only") below other criteria of its list (`_MENOPAUSAL`): a requirement of
    the women among the participants ("Mild to moderate COPD", "Smokers or ex-smokers", then "post-menopausal
    females")."""
    noun = _FEMALE_NOUN.search(piece)
    return named.alone and noun is not None and _MENOPAUSAL.search(piece, 0, noun.start()) is not None and \
        _ONLY.search(piece, noun.end()) is None and not _opens_list(text, section.start, start)


def _for_everyone(text: str, body_lowered: str, section: Section, words: list[re.Match],
                  admitted: Admitted) -> Admitted | None:
    """The statement where the inclusion criteria are one group's and name only the sex it admits, nobody else, no
    gender identity and, for one sex, no words that admit both (`_BOTH_SEXES`); else None."""
    if admitted.sex != BOTH:
        other = MALE.lower() if admitted.sex == FEMALE else FEMALE.lower()
        if any(w.group(other) for w in words):
            return None
    if _OTHER_PEOPLE.search(body_lowered) or _GENDER_IDENTITY.search(body_lowered) or \
            admitted.sex != BOTH and _BOTH_SEXES.search(body_lowered):
        return None
    if _for_groups(text, text[section.start:section.end], body_lowered, section):
        return None
    return admitted
