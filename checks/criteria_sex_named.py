"""Whom one criterion names as admitted by sex ("Postmenopausal women aged 50-75", "Male or female, 18-65 years",
"Girls and women"), or that it states nobody ("If female, ...", "Female patients must not be pregnant"); the words
that name a person's sex."""
from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from checks.criteria_age_criterion import LIST_MARK

FEMALE, MALE, BOTH = "FEMALE", "MALE", "ALL"


# The words that name a person's sex, and adjectives that only a woman's state takes. Searched in lower case.
FEMALE_NOUN = r"wom[ae]n|females?|girls?|lady|ladies"
MALE_NOUN = r"m[ae]n|males?|boys?|gentlemen"
SEX_WORD = re.compile(rf"\b(?:(?P<female>{FEMALE_NOUN}|(?:pre|peri|post)-?\s?menopausal|pregnant)|"
                       rf"(?P<male>{MALE_NOUN}))\b")
# The same words' letters without the word boundaries, which a search finds several times faster: each place found
# is then matched by SEX_WORD (`sex_words`).
_SEX_LETTERS = re.compile(rf"{FEMALE_NOUN}|{MALE_NOUN}|(?:pre|peri|post)-?\s?menopausal|pregnant")
_PEOPLE = r"patients?|subjects?|participants?|volunteers?|individuals?|persons?|people|adults?|adolescents?|" \
          r"children|veterans?|athletes?|students?|workers?|residents?|employees?|smokers?|inpatients?|outpatients?"
# "Participants must be", "Sex:", "Is a": words before the person that state who is admitted.
SUBJECT = (r"(?:(?:biological\s+)?(?:sex|gender)\s*(?::|-|=|is\b)\s*"
            rf"|(?:all\s+)?(?:{_PEOPLE})\s+(?:must|should|shall|will|need\s+to|have\s+to)\s+be\s+(?:an?\s+)?"
            r"|(?:be|is|are|being)\s+(?:an?\s+)?)?")
# Up to four words before the person ("Adult", "Healthy postmenopausal", "Generally healthy, ambulatory").
ADJECTIVES = r"(?P<adjectives>(?:[a-z][a-z'/-]*,?\s+){0,4}?)"
_BOTH_NOUNS = (rf"(?:{FEMALE_NOUN}|{MALE_NOUN})\s*(?:and/or|and|or|&|/|,)\s*(?:non-?\s?pregnant\s+|"
               rf"non-?\s?lactating\s+|adult\s+|(?:pre|post)-?menopausal\s+)?(?:{FEMALE_NOUN}|{MALE_NOUN})"
               r"|both\s+(?:sexes|genders)|(?:either|any)\s+(?:sex|gender)")
# The opening of a criterion that names who is admitted: both sexes, one sex's noun, or a woman's state and a person.
_ADMITTED = re.compile(
    rf"{SUBJECT}{ADJECTIVES}(?:(?P<both>{_BOTH_NOUNS})|(?P<noun>{FEMALE_NOUN}|{MALE_NOUN})"
    rf"|(?P<state>(?:pre|peri|post)-?\s?menopausal|pregnant)\s+(?:{_PEOPLE}))\b"
    rf"(?:\s+(?P<people>{_PEOPLE})|\s+(?:sex|gender|only))?")
# Words before the person that make it conditional, another's or negated ("If female", "For men:", "No women").
_NOT_ADMITTING_ADJECTIVES = frozenset((
    "if", "for", "when", "where", "whose", "in", "of", "on", "by", "with", "from", "to", "no", "not", "non", "without",
    "each", "either", "their", "his", "her", "other", "than", "except", "excluding", "female", "male",
    "women", "men", "woman", "man", "females", "males", "at", "as", "sexually", "sex", "gender", "including"))
# What may follow the person in a statement of who is admitted: nothing, "only" ("Female patients only"), an age, a
# condition, an event.
_ADMITTING_REST = re.compile(
    r"[,(]?\s*(?:\Z|[.;,]\s*\Z|only\b|aged?\b|ages?\b|between\b|from\s+\d|over\b|older\b|above\b|under\b|younger\b|"
    r"at\s+least\b|\d|[\u2265\u2264<>]|\\[<>]|\(\s*(?:aged?|ages?|\d|[\u2265\u2264<>])|"
    r"(?:who|that)\s+(?:have|has|had|are|were|is|underwent|undergo|received|receive|present|live|attend|plan|seek|"
    r"meet|report)\b|with\b|without\b|diagnosed\b|undergoing\b|scheduled\b|presenting\b|referred\b|having\b|"
    r"suffering\b|at\s+(?:high\s+|increased\s+)?risk\b|receiving\b|treated\b|planning\b|seeking\b|attending\b|"
    r"living\b|hospitali[sz]ed\b|admitted\b|requiring\b|in\s+(?:the\s+)?(?:first|second|third|1st|2nd|3rd)\b|"
    r"at\s+\d|in\s+their\b|of\s+(?:reproductive|child-?bearing)\s+age\b|of\s+\d|of\s+(?:any|all)\s+ages?\b|"
    r"enrolled\b|eligible\s+for\b|participating\b|visiting\b|newly\b|previously\b|currently\b|recently\b|"
    r"in\s+(?:active\s+|spontaneous\s+|established\s+)?labou?r\b|"
    rf"healthy\s+(?:{_PEOPLE})\b)")
# Words after the person that make the criterion a requirement of that sex, not a statement of who is admitted.
_REQUIREMENT = re.compile(
    r"\b(?:must|should|shall|needs?|required?|agrees?|agreeing|willing|use|using|uses|practi[cs]\w*|contracept\w*|"
    r"abstinen\w*|abstain\w*|condoms?|steril\w*|birth\s+control|pregnancy\s+test|barrier|not|cannot|may|if|unless|"
    r"except\w*|capable|potential|lactat\w*|breast-?feed\w*|nursing|donat\w*|sperm|semen|vasectom\w*|pregnan\w*|"
    r"(?:pre|peri|post)-?\s?menopaus\w*|hysterectom\w*|oophorectom\w*|amenorrh\w*|child-?\s?bearing|fertil\w*|"
    r"sexual\w*)\b")
# A therapy that marks out some people of the sex, then what is said of them ("Female patients receiving non-cyclical
# hormone therapy have maintained a stable dose", "Women receiving hormonal therapy, including hormone replacement
# ..., must have been maintained on a stable dose"): a condition on those people, not a statement of who is
# admitted; a relative clause ("... who have") admits them.
_OF_THOSE_TREATED = re.compile(r"\s*(?:receiving|taking|using|on|treated\s+with)\s+(?:(?!who\b|that\b|which\b)[^.;:\s]+"
                               r"\s+){1,20}?(?:(?:must|should|shall)\s+(?:have\s+been|be|remain|continue)\b|"
                               r"(?:have|has)\s+(?:maintained|been\s+(?:on|receiving|taking|using)))\b")
# How far after the person a requirement of that sex is looked for ("Women aged 18-45 who are willing to use ...");
# a condition further on ("... breast cancer if the tumour is larger than 2 cm") is the disease's.
REQUIREMENT_REACH = 80


def adjectives_admit(adjectives: str | None, refused: frozenset[str]) -> bool:
    """Whether the words before the person leave the statement one of who is admitted."""
    return not adjectives or not any(w.strip(",") in refused for w in adjectives.split())


class Named(NamedTuple):
    """Whom a criterion names as admitted: FEMALE, MALE or ALL, whether nothing follows the person, and whether it is
    a sex and people alone ("Female participants"), the words of a label."""

    sex: str
    alone: bool
    label: bool


def named_sex(piece: str) -> Named | None:
    """Whom the criterion `piece` (lower case) names as admitted, or None where it states nobody ("Female patients
    must not be pregnant", "If female, ...", "Male participants:")."""
    mark = LIST_MARK.match(piece).end()
    m = _ADMITTED.match(piece, mark)
    if m is None or not adjectives_admit(m.group("adjectives"), _NOT_ADMITTING_ADJECTIVES):
        return None
    rest = piece[m.end():]
    if rest.lstrip().startswith(":") or _REQUIREMENT.search(rest, 0, REQUIREMENT_REACH) or \
            _ADMITTING_REST.match(rest) is None or _OF_THOSE_TREATED.match(rest):
        return None
    named = _sex_of_nouns(m.group("both")) if m.group("both") else None
    if named == BOTH:
        return Named(BOTH, False, False)
    sex = named if named is not None else \
        FEMALE if m.group("noun") is None or SEX_WORD.match(m.group("noun")).group("female") else MALE
    alone = rest.strip(" \t.;,") == ""
    return Named(sex, alone, alone and bool(m.group("people")) and not m.group("adjectives"))


def _sex_of_nouns(nouns: str) -> str:
    """Who two nouns joined ("Men and women", "Girls and women", "Men and boys", "Females/women") or "both sexes"
    admit: one sex when both nouns name it (girls and women are all female), else both."""
    found = {"female" if word.group("female") else "male" for word in SEX_WORD.finditer(nouns)}
    return FEMALE if found == {"female"} else MALE if found == {"male"} else BOTH


def sex_words(lowered: str) -> list[re.Match]:
    """Every word of `lowered` that names a sex (as SEX_WORD.finditer finds them)."""
    return list(each_sex_word(lowered))


def each_sex_word(lowered: str) -> Iterator[re.Match]:
    """`sex_words`, found one at a time: the first statement of who is admitted mostly stands among the first
    criteria, and the words after it are then never read."""
    at = 0
    for m in _SEX_LETTERS.finditer(lowered):
        if m.start() < at:
            continue
        word = SEX_WORD.match(lowered, m.start())
        if word is not None:
            yield word
            at = word.end()
