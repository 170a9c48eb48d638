"""Who the inclusion criteria admit against the record's Sex and Healthy Volunteers.

ClinicalTrials.gov records give as data who may take part: `eligibilities.gender` ('ALL', 'FEMALE', 'MALE') and
`eligibilities.healthy_volunteers`, beside the free-text criteria. The registry's review asks that they agree, and a
data team that filters by sex or by healthy volunteers gets the wrong trials when they do not.

Sex: the inclusion list's first statement of who is admitted that names a sex ("Postmenopausal women aged 50-75",
"Female", "Men aged 40 and older", "Male or female, 18-65 years"; or the PDQ form's "Sex: Women only") against Sex;
two nouns of one sex ("Girls and women", "Men and boys") admit that sex alone. A line of a sex and people alone
("* Female patients", "Male volunteers") labels the criteria below it: against a Sex of the other sex alone, the
list's opening label is read as its statement (its criteria are that sex's either way); against 'ALL' or its own sex,
and further down the list (where it opens that sex's own conditions) or over a sub-list, it states nobody.
A statement of one sex counts only where the inclusion criteria name no person of the other sex anywhere, nobody
else (partners, infants, couples) and no gender identity, and where they are one group's; a criterion that asks
something of a sex ("Women of childbearing potential must use contraception", "Female patients must not be
pregnant") admits nobody. A disease of one sex alone ("prostate cancer") is no statement: records that admit
transgender participants give Sex 'ALL' for it. A record whose eligibility is based on gender identity
(`gender_based`) is not compared.

Healthy Volunteers: by the registry's definition a study accepts healthy volunteers when people without the
condition studied may take part, healthy controls among them. An inclusion criterion, a group's label or an
inclusion heading that admits healthy people ("Healthy adult subjects", "Healthy male and female volunteers",
"Healthy controls:") disagrees with Healthy Volunteers 'No'. "Healthy" of an organ or a state ("healthy skin",
"otherwise healthy", "systemically healthy", "in good general health", "healthy" by the ASA physical status of surgical
patients), healthy people who have a condition, are about to be treated for one, or are a case's contacts or at
risk of it ("healthy volunteers with asthma", "Healthy adults who are household contacts of a person with TB",
"healthy men aged 50-70 with elevated PSA", "Healthy subjects who are candidates for knee arthroplasty", "Healthy
adult patients undergoing third molar extraction"), a criterion that only says the participant is healthy ("Healthy,
as determined by medical history") beside one that requires a condition ("Diagnosis of plaque psoriasis"), the form's
answer copied into the criteria ("Healthy Volunteers: No") and a negation ("Healthy volunteers are not eligible")
admit no healthy volunteer. The reverse (Healthy Volunteers 'Yes' while every criterion requires a disease) is not
read: whether a criterion requires the condition studied cannot be told from its words.

An absent Sex or Healthy Volunteers is unknown in every layout (a republished page may not show it) and not compared.
As for the ages (checks/criteria_ages.py), criteria without an inclusion heading are read only in the PDQ's form.
"""
from __future__ import annotations

import re
from typing import Iterator, NamedTuple

import duckdb

from checks.criteria_age_criterion import LIST_MARK
from checks.criteria_age_groups import GROUP_HEADING, GROUP_LABEL_LINE, GROUP_WORDS, LABEL_LINE
from checks.criteria_age_statement import criteria_pieces
from checks.criteria_text import Section, text_sections
from checks.rule import CheckScope, Finding, Rule
from checks.study_text import excerpt, rows_by_study, texts_by_study

SEX_RULE_ID = "contradictions.criteria_sex_differs"
HEALTHY_RULE_ID = "contradictions.criteria_healthy_volunteers_differs"
FEMALE, MALE, BOTH = "FEMALE", "MALE", "ALL"
# The labels a criterion may be of its own criteria: over a sub-list, or a line in a flat list.
SUB_LIST, FLAT = "sub-list", "flat"
# How long a criterion read is (a longer one describes more than who is admitted).
CRITERION_WIDTH = 240
# How far after a criterion the line below it is looked for.
SUB_LIST_REACH = 400

# The words that name a person's sex, and adjectives that only a woman's state takes. Searched in lower case.
_FEMALE_NOUN = r"wom[ae]n|females?|girls?|lady|ladies"
_MALE_NOUN = r"m[ae]n|males?|boys?|gentlemen"
_SEX_WORD = re.compile(rf"\b(?:(?P<female>{_FEMALE_NOUN}|(?:pre|peri|post)-?\s?menopausal|pregnant)|"
                       rf"(?P<male>{_MALE_NOUN}))\b")
# The same words' letters without the word boundaries, which a search finds several times faster: each place found
# is then matched by _SEX_WORD (`_sex_words`).
_SEX_LETTERS = re.compile(rf"{_FEMALE_NOUN}|{_MALE_NOUN}|(?:pre|peri|post)-?\s?menopausal|pregnant")
_PEOPLE = r"patients?|subjects?|participants?|volunteers?|individuals?|persons?|people|adults?|adolescents?|" \
          r"children|veterans?|athletes?|students?|workers?|residents?|employees?|smokers?|inpatients?|outpatients?"
# "Participants must be", "Sex:", "Is a": words before the person that state who is admitted.
_SUBJECT = (r"(?:(?:biological\s+)?(?:sex|gender)\s*(?::|-|=|is\b)\s*"
            rf"|(?:all\s+)?(?:{_PEOPLE})\s+(?:must|should|shall|will|need\s+to|have\s+to)\s+be\s+(?:an?\s+)?"
            r"|(?:be|is|are|being)\s+(?:an?\s+)?)?")
# Up to four words before the person ("Adult", "Healthy postmenopausal", "Generally healthy, ambulatory").
_ADJECTIVES = r"(?P<adjectives>(?:[a-z][a-z'/-]*,?\s+){0,4}?)"
_BOTH_NOUNS = (rf"(?:{_FEMALE_NOUN}|{_MALE_NOUN})\s*(?:and/or|and|or|&|/|,)\s*(?:non-?\s?pregnant\s+|"
               rf"non-?\s?lactating\s+|adult\s+|(?:pre|post)-?menopausal\s+)?(?:{_FEMALE_NOUN}|{_MALE_NOUN})"
               r"|both\s+(?:sexes|genders)|(?:either|any)\s+(?:sex|gender)")
# The opening of a criterion that names who is admitted: both sexes, one sex's noun, or a woman's state and a person.
_ADMITTED = re.compile(
    rf"{_SUBJECT}{_ADJECTIVES}(?:(?P<both>{_BOTH_NOUNS})|(?P<noun>{_FEMALE_NOUN}|{_MALE_NOUN})"
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
# How far after the person a requirement of that sex is looked for ("Women aged 18-45 who are willing to use ...");
# a condition further on ("... breast cancer if the tumour is larger than 2 cm") is the disease's.
REQUIREMENT_REACH = 80
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

# The PDQ form of older records: "PATIENT CHARACTERISTICS: Age: 18 and over Sex: Women only Menopausal status: ...".
_PDQ_HEADING = "patient characteristics"
# Its "Sex:" label opens a word, looked behind from after its first letter (a search skips to an "s" rather than
# trying the look-behind at every character).
_PDQ_SEX = re.compile(r"s(?<![\w-]s)ex\s*:\s*(?:[-*\u2022]\s+)?")
_PDQ_SEX_VALUE = re.compile(rf"(?:(?P<female>{_FEMALE_NOUN})|(?P<male>{_MALE_NOUN}))(?:\s+only)?\b"
                            r"(?!\s*(?:and|or|&|/|,|\())")

# "Healthy" or "normal" of people: "Healthy adult subjects", "Healthy male and female volunteers", "Normal
# volunteers", "Healthy, non-smoking men"; or a criterion that only says the participant is healthy ("Healthy", "Healthy
# as determined by medical history, physical examination and laboratory tests").
# The word boundary before each is looked behind from after its first letter, so a search skips to an "h" or an "n"
# rather than trying the pattern at every character.
_HEALTHY_WORD = re.compile(r"(?:h(?<!\wh)ealthy|n(?<!\wn)ormal\s+(?:volunteers?|controls?|subjects?))\b")
# Words one of which every admission of healthy people holds, found by str.find before any pattern is tried.
HEALTHY_NEEDLES = ("healthy", "normal volunteer", "normal control", "normal subject")
_HEALTHY_PEOPLE = (r"volunteers?|subjects?|participants?|adults?|individuals?|persons?|people|men|women|males?|"
                   r"females?|controls?|children|infants?|newborns?|neonates?|adolescents?|elderly|population|"
                   r"boys|girls|(?:term\s+)?babies|non-?\s?smokers")
# The words between "healthy" and the people: sexes, ages, habits, nationalities ("Japanese", "Chinese").
_HEALTHY_BETWEEN = (r"(?:(?:male|female|men|women|adult|young|older|elderly|non-?\s?smok\w*|smok\w*|pre-?menopausal|"
                    r"post-?menopausal|ambulatory|normal|human|lean|overweight|obese|right-handed|term|full-term|"
                    r"english-speaking|volunteer|research|adolescent|pediatric|paediatric|[a-z]+(?:an|ese|ish))"
                    r"\s*,?\s*(?:and\s+|or\s+|and/or\s+|/\s*)?){0,4}")
_HEALTHY_ADMITTED = re.compile(
    rf"{_SUBJECT}{_ADJECTIVES}(?:(?:normal|healthy)\s*,?\s*)?(?:healthy\s*,?\s*{_HEALTHY_BETWEEN}"
    rf"(?:{_HEALTHY_PEOPLE})\b|normal\s+(?:volunteers?|controls?|subjects?)\b"
    r"|(?P<alone>healthy)\s*,?\s*(?=(?:as|based\s+on|according\s+to|by\s+medical|on\s+the\s+basis|determined"
    r"|defined|per)\b|[.;]?\s*\Z))")
# Words before "healthy" that make it no admission ("Otherwise healthy", "No healthy volunteers", "For healthy";
# "Systemically healthy", said of dental patients who have the oral disease studied).
_NOT_HEALTHY_ADJECTIVES = frozenset((
    "otherwise", "no", "not", "non", "if", "for", "except", "excluding", "without", "of", "in", "from", "with",
    "than", "and", "or", "patients", "patient", "systemically"))
# The anaesthetists' physical status ("Healthy, as defined by ASA class I or II"): a criterion that says only
# "healthy" by it is said of patients about to have surgery.
_ASA_CLASS = re.compile(r"\basa\b|american\s+society\s+of\s+an(?:a)?esthesiologists")
# What makes healthy people patients when it follows them ("Healthy volunteers with asthma", "Healthy subjects
# diagnosed with ...", "Healthy subjects, but with mild hypertension", "Healthy subjects who are candidates for knee
# arthroplasty", "Healthy subjects awaiting elective surgery", "Healthy men ... who are seropositive for HSV-2",
# "Healthy adults who are household contacts of a person with TB", "... who are at increased risk of ...", "Healthy
# infants of mothers with HIV", as "born to" says), or
# names them patients ("Healthy adult patients undergoing third molar extraction"): they have the condition studied, or
# are about to be treated for one, and "healthy" is their general health. "With no history", "with normal", "with a
# BMI", "with a birth weight" keep them healthy.
_PATIENTS_OF_A_CONDITION = (
    r"(?:with(?!\s+(?:no|normal|an?\s+(?:normal|bmi|body|birth\s*weight|gestational|weight)|bmi|body"
    r"|birth\s*weight|gestational|weight|good|negative|clear|healthy|regular|stable\s+weight)\b)"
    r"|who\s+(?:have|has|had|are\s+(?:diagnosed|infected|scheduled|undergoing|suffering|candidates|awaiting"
    r"|eligible\s+for|referred|(?:sero)?positive|exposed|at\s+(?:high\s+|increased\s+)?risk"
    r"|(?:household\s+|close\s+)?contacts))|"
    r"having|diagnos\w*|suffer\w*|infected|(?:sero)?positive|at\s+(?:high\s+|increased\s+)?risk|undergoing|scheduled|"
    r"requiring|presenting|affected|exposed|born\s+to|of\s+(?:mothers?|wom[ae]n|parents?)\s+(?:with|who)|living\s+with"
    r"|candidates?\s+for|awaiting|eligible\s+for"
    r"|referred\s+(?:for|to)|patients?)\b")
# The same after the healthy people's ages ("Healthy men aged 50-70 years with elevated PSA", "Healthy children aged 2-5
# years undergoing dental treatment", "Healthy women aged 18-45 years who are scheduled for IVF", "Healthy adults 18-64
# years who are household contacts of ..."); not "who have", said
# after the ages of what healthy people have had ("Healthy adults aged 18-64 years who have received 2 doses of an mRNA
# vaccine"), nor "scheduled" without "for" ("aged 18-64 years, scheduled to receive routine vaccination").
_AGES_THEN_CONDITION = (
    r"\s*,?\s*(?:(?:aged?|between)\s+|(?=\d))[^,;()]{0,30}?\b(?:years?|months?|weeks?|days?)"
    r"(?:\s+(?:old|of\s+age|inclusive|(?:or|and)\s+(?:older|above|over|more)))?"
    r"(?=[\s,]+(?:with|who\s+are\s+(?!willing|able)|diagnos\w*|suffer\w*|infected|(?:sero)?positive|undergoing"
    r"|scheduled\s+for|requiring|presenting|affected|exposed|at\s+(?:high\s+|increased\s+)?risk|candidates?\s+for"
    r"|awaiting|eligible\s+for|referred\s+for)\b)")
_HEALTHY_WITH_CONDITION = re.compile(
    rf"(?:{_AGES_THEN_CONDITION})?[\s,]*(?:(?:but|yet)\s+)?(?:{_PATIENTS_OF_A_CONDITION})")
# A form's answer copied into the criteria ("Healthy Volunteers: No", "Accepts Healthy Volunteers: No"): the record's
# own answer, no admission.
_ANSWERED_NO = re.compile(r"\s*[:=\-\u2013]\s*(?:no|none|n/?a|not\s+accepted)\b")
# Words anywhere in the criterion that say the healthy people are not admitted, or that "healthy" has exceptions.
_NOT_HEALTHY = re.compile(
    r"\b(?:not\s+(?:be\s+)?(?:eligible|accepted|enrolled|included|allowed|permitted|recruited|applicable)|"
    r"ineligible|excluded|n/a|none|except\w*|other\s+than|apart\s+from|aside\s+from|besides|excluding|otherwise|"
    r"beyond)\b")
# An inclusion heading that names healthy people ("Inclusion Criteria for Healthy Volunteers").
_HEALTHY_HEADING = re.compile(r"(?<!non-)(?<!non )\b(?:healthy|normal)\s+(?:volunteers?|controls?|subjects?|"
                              r"participants?|individuals?|adults?)\b")


class Admitted(NamedTuple):
    """Who one statement of the criteria admits (FEMALE, MALE or ALL for both), where it stands, and what part of
    the criteria states it."""

    sex: str
    start: int
    end: int
    source: str = "inclusion criteria"


def _lowered_part(text: str, lowered: str, start: int, end: int) -> str:
    """text[start:end] in lower case, from `lowered` where lower-casing kept the text's offsets."""
    return lowered[start:end] if len(lowered) == len(text) else text[start:end].lower()


def _inclusion(text: str, lowered: str, memo: dict | None) -> list[Section] | None:
    """The inclusion sections of the criteria; None where the text has no inclusion or exclusion heading."""
    parts = text_sections(text, lowered, memo)
    inclusion = [s for s in parts if s.name == "inclusion"]
    if not inclusion and not any(s.name == "exclusion" for s in parts):
        return None
    return inclusion


def _heading(text: str, section: Section) -> str:
    """The heading line of a section ("Inclusion Criteria for Healthy Volunteers:")."""
    return text[text.rfind("\n", 0, section.start) + 1:section.start]


def _for_groups(text: str, body: str, lowered_body: str, section: Section) -> bool:
    """Whether the inclusion criteria are those of several groups or of one group their heading names (a sex
    among them: "Inclusion Criteria for Women"): a cohort's or a part's label, a line that only names whom the
    criteria below it are for; a line that only names a sex ("Female") is read as a criterion."""
    heading = _heading(text, section)
    if GROUP_HEADING.search(heading) or _SEX_WORD.search(heading.lower()) or GROUP_WORDS.search(lowered_body) or \
            LABEL_LINE.search(body):
        return True
    return any(_SEX_WORD.search(m.group(0).lower()) is None for m in GROUP_LABEL_LINE.finditer(body))


def _heads_sub_list(text: str, end: int) -> bool:
    """Whether the next line with text after a criterion ending at `end` is more indented: the criterion labels a
    list of its own ("* Female" above "  * Not pregnant")."""
    line = text[text.rfind("\n", 0, end) + 1:end]
    following = next((ln for ln in text[end:end + SUB_LIST_REACH].split("\n")[1:] if ln.strip()), None)
    if following is None:
        return False
    return len(following) - len(following.lstrip(" \t")) > len(line) - len(line.lstrip(" \t"))


def _adjectives_admit(adjectives: str | None, refused: frozenset[str]) -> bool:
    """Whether the words before the person leave the statement one of who is admitted."""
    return not adjectives or not any(w.strip(",") in refused for w in adjectives.split())


class _Named(NamedTuple):
    """Whom a criterion names as admitted: FEMALE, MALE or ALL, whether nothing follows the person, and whether it is
    a sex and people alone ("Female participants"), the words of a label."""

    sex: str
    alone: bool
    label: bool


def _named_sex(piece: str) -> _Named | None:
    """Whom the criterion `piece` (lower case) names as admitted, or None where it states nobody ("Female patients
    must not be pregnant", "If female, ...", "Male participants:")."""
    mark = LIST_MARK.match(piece).end()
    m = _ADMITTED.match(piece, mark)
    if m is None or not _adjectives_admit(m.group("adjectives"), _NOT_ADMITTING_ADJECTIVES):
        return None
    rest = piece[m.end():]
    if rest.lstrip().startswith(":") or _REQUIREMENT.search(rest, 0, REQUIREMENT_REACH) or \
            _ADMITTING_REST.match(rest) is None:
        return None
    named = _sex_of_nouns(m.group("both")) if m.group("both") else None
    if named == BOTH:
        return _Named(BOTH, False, False)
    sex = named if named is not None else \
        FEMALE if m.group("noun") is None or _SEX_WORD.match(m.group("noun")).group("female") else MALE
    alone = rest.strip(" \t.;,") == ""
    return _Named(sex, alone, alone and bool(m.group("people")) and not m.group("adjectives"))


def _label(text: str, named: _Named, end: int) -> str | None:
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


def _sex_of_nouns(nouns: str) -> str:
    """Who two nouns joined ("Men and women", "Girls and women", "Men and boys", "Females/women") or "both sexes"
    admit: one sex when both nouns name it (girls and women are all female), else both."""
    found = {"female" if word.group("female") else "male" for word in _SEX_WORD.finditer(nouns)}
    return FEMALE if found == {"female"} else MALE if found == {"male"} else BOTH


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


def _sex_words(lowered: str) -> list[re.Match]:
    """Every word of `lowered` that names a sex (as _SEX_WORD.finditer finds them)."""
    return list(_each_sex_word(lowered))


def _each_sex_word(lowered: str) -> Iterator[re.Match]:
    """`_sex_words`, found one at a time: the first statement of who is admitted mostly stands among the first
    criteria, and the words after it are then never read."""
    at = 0
    for m in _SEX_LETTERS.finditer(lowered):
        if m.start() < at:
            continue
        word = _SEX_WORD.match(lowered, m.start())
        if word is not None:
            yield word
            at = word.end()


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
    inclusion = _inclusion(text, lowered, memo)
    if inclusion is None:
        return _pdq_sex(text, lowered)
    if len(inclusion) != 1:
        return None  # none, or one list for each group
    section = inclusion[0]
    body_lowered = _lowered_part(text, lowered, section.start, section.end)
    words = _each_sex_word(body_lowered)
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
        named = _named_sex(_lowered_part(text, lowered, start, piece_end))
        if named is None:
            continue
        admitted, label = Admitted(named.sex, start, end), _label(text, named, piece_end)
        if label == FLAT and _labels_other_sex(text, section.start, start, named.sex, settled):
            found = _for_everyone(text, body_lowered, section, _sex_words(body_lowered), admitted)
            if found is not None:
                return found
        if label is not None:
            continue  # a sex's label over its own criteria ("Female participants" above theirs)
        if named.sex == settled and shortcut:
            return admitted  # agrees with the record, whomever it is for
        return _for_everyone(text, body_lowered, section, _sex_words(body_lowered), admitted)
    return None


def _for_everyone(text: str, body_lowered: str, section: Section, words: list[re.Match],
                  admitted: Admitted) -> Admitted | None:
    """The statement where the inclusion criteria are one group's and name only the sex it admits, nobody else and
    no gender identity; else None."""
    if admitted.sex != BOTH:
        other = MALE.lower() if admitted.sex == FEMALE else FEMALE.lower()
        if any(w.group(other) for w in words):
            return None
    if _OTHER_PEOPLE.search(body_lowered) or _GENDER_IDENTITY.search(body_lowered):
        return None
    if _for_groups(text, text[section.start:section.end], body_lowered, section):
        return None
    return admitted


def _healthy_admission(piece: str) -> re.Match | None:
    """How the criterion `piece` (lower case) admits healthy people, if it does: it opens with them, with no
    condition after them and no negation or exception; "healthy" alone by the ASA physical status is said of
    surgical patients."""
    mark = LIST_MARK.match(piece).end()
    m = _HEALTHY_ADMITTED.match(piece, mark)
    if m is None or not _adjectives_admit(m.group("adjectives"), _NOT_HEALTHY_ADJECTIVES):
        return None
    if m.group("alone") and _ASA_CLASS.search(piece) or _ANSWERED_NO.match(piece, m.end()):
        return None
    if _HEALTHY_WITH_CONDITION.match(piece, m.end()) is not None or _NOT_HEALTHY.search(piece) is not None:
        return None
    return m


# A criterion that opens by requiring a condition ("Diagnosis of moderate plaque psoriasis", "Moderate to severe acne
# vulgaris", "Patients with mild Alzheimer's disease", "Histologically confirmed adenocarcinoma", "Subjects with a
# diagnosis of COPD"): whoever the criteria admit has it.
_CONDITION_REQUIRED = re.compile(
    r"(?:(?:a\s+)?(?:clinical|confirmed|documented|established|definite|probable|primary)\s+)?diagnos(?:is|ed)\b"
    r"(?!\s+(?:as\s+)?(?:healthy|normal)\b)"
    r"|(?:histologically|cytologically|pathologically|radiologically|clinically)\s+(?:confirmed|documented|proven)\b"
    r"|(?:mild|moderate)(?:[\s-]*(?:to|or|-|/)[\s-]*)(?:moderate|severe)\b"
    r"|patients?\s+(?:with|diagnosed|suffering|who\s+(?:have|has|are|were))\b"
    r"|(?:subjects?|participants?|adults?|children|individuals?|men|women)\s+(?:with|who\s+(?:have|has))\s+(?:an?\s+)?"
    r"(?:(?:clinical|confirmed|documented|established)\s+)?diagnosis\b")


def _condition_required(text: str, lowered: str, section: Section) -> bool:
    """Whether an inclusion criterion of the section opens by requiring a condition (`_CONDITION_REQUIRED`): then a
    criterion that only says the participant is healthy ("Healthy, as determined by medical history") speaks of a
    patient's general health beside that condition, not of a healthy volunteer."""
    for start, end in criteria_pieces(text, section.start, section.end):
        piece = _lowered_part(text, lowered, start, min(end, start + CRITERION_WIDTH))
        if _CONDITION_REQUIRED.match(piece, LIST_MARK.match(piece).end()):
            return True
    return False


def admitted_healthy(text: str, lowered: str | None = None, memo: dict | None = None) -> tuple[int, int] | None:
    """Where the inclusion criteria first admit healthy people (a criterion, a group's label or an inclusion
    heading), or None (`lowered`, `memo`: as `admitted_sex` takes them)."""
    lowered = text.lower() if lowered is None else lowered
    if not any(needle in lowered for needle in HEALTHY_NEEDLES):
        return None
    for section in _inclusion(text, lowered, memo) or ():
        heading = _heading(text, section)
        named = _HEALTHY_HEADING.search(heading.lower())
        if named is not None and _NOT_HEALTHY.search(heading.lower()) is None:
            head_start = section.start - len(heading)
            return head_start, section.start
        body_lowered = _lowered_part(text, lowered, section.start, section.end)
        places = [section.start + w.start() for w in _HEALTHY_WORD.finditer(body_lowered)]
        at = 0
        for start, end in criteria_pieces(text, section.start, section.end) if places else ():
            while at < len(places) and places[at] < start:
                at += 1
            if at == len(places):
                break
            if places[at] >= end:
                continue
            admission = _healthy_admission(_lowered_part(text, lowered, start, min(end, start + CRITERION_WIDTH)))
            if admission is not None and not (admission.group("alone") and _condition_required(text, lowered,
                                                                                                 section)):
                return start, end
            label = next((found for place in places[at:] if place < end
                          and (found := _healthy_label_at(text, lowered, start, place)) is not None), None)
            if label is not None:
                return label
    return None


def _healthy_label_at(text: str, lowered: str, start: int, place: int) -> tuple[int, int] | None:
    """The line at `place`, inside the criterion that starts at `start`, when it is a group's label of its own that
    admits healthy people ("Healthy controls:" right below the patients' last criterion, which runs on into it in a
    list without blank lines); else None."""
    line_start = text.rfind("\n", 0, place) + 1
    if line_start <= start or text[line_start:place].strip(" \t"):
        return None
    label = LABEL_LINE.match(text, line_start)
    if label is None or _healthy_admission(_lowered_part(text, lowered, line_start, label.end())) is None:
        return None
    return line_start, label.end()


# Who a statement admits, in words.
SAID_SEX = {FEMALE: "female participants only", MALE: "male participants only", BOTH: "male and female participants"}


def study_sex_findings(nct_id: str, criteria: str, gender: str | None, gender_based: bool | None,
                       lowered: str | None = None, memo: dict | None = None) -> Iterator[Finding]:
    """A finding when the inclusion criteria's statement of who is admitted by sex disagrees with the record's Sex
    (`gender`: 'ALL', 'FEMALE', 'MALE'; absent is unknown; a record whose eligibility is gender-based is not
    compared)."""
    if gender not in (FEMALE, MALE, BOTH) or gender_based:
        return
    admitted = admitted_sex(criteria, lowered, memo, gender)
    if admitted is None or admitted.sex == gender:
        return
    message = (f"The {admitted.source} admit {SAID_SEX[admitted.sex]}, which disagrees with the record's Sex "
               f"'{gender}'.")
    evidence = f"eligibilities.criteria: '{excerpt(criteria, admitted.start, admitted.end, 0)}'; " \
               f"eligibilities.gender='{gender}'"
    yield Finding(nct_id, message, evidence)


def study_healthy_findings(nct_id: str, criteria: str, healthy_volunteers: bool | None,
                           lowered: str | None = None, memo: dict | None = None) -> Iterator[Finding]:
    """A finding when the inclusion criteria admit healthy people while the record's Healthy Volunteers is 'No'
    (absent is unknown)."""
    if healthy_volunteers is not False:
        return
    found = admitted_healthy(criteria, lowered, memo)
    if found is None:
        return
    message = "The inclusion criteria admit healthy volunteers, which disagrees with the record's Healthy Volunteers " \
              "'No'."
    evidence = f"eligibilities.criteria: '{excerpt(criteria, found[0], found[1], 0)}'; " \
               f"eligibilities.healthy_volunteers=false"
    yield Finding(nct_id, message, evidence)


def criteria_sex_differs(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """The inclusion criteria admit one sex (or both) that the record's Sex does not give."""
    # Every read is made, even with no text to judge: the run's process makes them for its workers (checks/engine.py).
    texts = texts_by_study(con, scope, ("eligibilities.criteria",))
    rows = rows_by_study(con, scope, "eligibilities", ("gender", "gender_based"))
    for nct_id, found in texts.items():
        given = rows.get(nct_id)
        if not given or len(given) != 1 or len(found) != 1:
            continue  # one criteria text beside one Sex
        gender, gender_based = given[0]
        yield from study_sex_findings(nct_id, found[0].text, gender, gender_based, found[0].lowered, found[0].memo)


def criteria_healthy_volunteers_differs(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """The inclusion criteria admit healthy volunteers while the record's Healthy Volunteers is 'No'."""
    texts = texts_by_study(con, scope, ("eligibilities.criteria",))
    rows = rows_by_study(con, scope, "eligibilities", ("healthy_volunteers",))
    for nct_id, found in texts.items():
        given = rows.get(nct_id)
        if not given or len(given) != 1 or len(found) != 1:
            continue
        yield from study_healthy_findings(nct_id, found[0].text, given[0][0], found[0].lowered, found[0].memo)


RULES = (
    Rule(SEX_RULE_ID, "contradiction", "warning",
         "ClinicalTrials.gov's review asks that the criteria agree with the record's Sex: a data team filtering by "
         "sex gets the wrong trials when the inclusion criteria admit one sex ('Postmenopausal women aged 50-75') "
         "and Sex says 'ALL', or admit both and Sex names one. Read from text, so a warning, and only where the "
         "inclusion criteria name no other sex, no other people and no gender identity.",
         ("eligibilities.criteria", "eligibilities.gender"), func=criteria_sex_differs, in_worker=True),
    Rule(HEALTHY_RULE_ID, "contradiction", "warning",
         "By the registry's definition a study accepts healthy volunteers when people without the condition "
         "studied may take part, healthy controls among them: inclusion criteria that admit 'Healthy adult "
         "subjects' disagree with Healthy Volunteers 'No'. Read from text, so a warning.",
         ("eligibilities.criteria", "eligibilities.healthy_volunteers"),
         func=criteria_healthy_volunteers_differs, in_worker=True),
)
