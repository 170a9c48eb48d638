"""Lines and headings that name a group of participants or other people ("Cohort B", "* Female participants",
"Healthy controls:", "Inclusion Criteria for Donors") or offer another set of criteria ("OR"): the criteria below
them are that group's."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import chain

from checks.criteria_sections import HEADING, line_starts

_COLON = re.compile("[:\uff1a]")


# A line that only names a group of participants, with or without a list mark or a colon: a cohort's, a part's or
# an arm's letter or number ("Cohort B", "* Part A (dose escalation)", "Group 2 - adolescents"), a sex or an age
# group ("* Male participants", "* Females", "Women of childbearing potential", "* Girls", "* Children (Cohort 2)"),
# healthy volunteers, controls, a dose-escalation or dose-expansion phase, other people than the patients
# ("* Caregivers", "Sibling donors", "**Mothers**", "* Relatives", "* Clinicians", "* Nurses", "* Staff"), or a label
# in brackets ("\\[Expansion Part\\]"). The criteria below it are that group's: the same criterion under two such
# lines is stated once for each group, and their ages and sex are theirs. (Not a step of the study, "* STEP 2
# RANDOMIZATION": the patients of each step are the same people; checks.criteria_headings reads such lines for the
# duplicate rule.)
GROUP_LABEL = re.compile(
    r"[ \t]*(?:[-*•][ \t]*|\(?\d{1,2}[ \t]?(?:\\?\.|\))[ \t]*)?[*_]*(?:"
    r"\\?\[[^\]\n]{1,60}\\?\]"
    r"|(?i:cohorts?|parts?|arms?|groups?|phases?|periods?|modules?|strat(?:um|a)|sub-?stud(?:y|ies)|segments?|panels?)"
    r"[ \t]+(?:[A-Z]{1,2}|\d{1,2}[A-Za-z]?|[IVX]{1,4})\b"
    r"(?:[ \t]*(?:\([^)\n]{1,60}\)|[-\u2013\u2014,][ \t]*[^\n.;:\uff1a]{0,60}))?"
    r"|(?i:(?:males?|females?|men|women|boys|girls|adults?|adolescents?|children|infants?|toddlers?|neonates?"
    r"|p(?:a)?ediatric"
    r"|elderly)(?:[ \t]+(?:(?:not[ \t]+)?of[ \t]+(?:non-?)?(?:child-?bearing|reproductive)[ \t]+potential"
    r"|participants?|subjects?|patients?|volunteers?))?)(?:[ \t]*\([^)\n]{1,60}\))?"
    r"|(?i:(?:healthy|normal)[ \t]+(?:volunteers?|controls?|subjects|participants|individuals|adults)"
    r"|(?:healthy[ \t]+)?controls?(?:[ \t]+group)?"
    r"|dose[ \t-](?:escalation|expansion)(?:[ \t]+(?:phase|part|cohorts?|stage|portion))?)"
    r"|(?i:(?:(?:study|family|related|unrelated|sibling|living|healthy|potential|matched|hla-?(?:matched|identical)"
    r"|haplo-?identical)[ \t]+)?(?:caregivers?|carers?|parents?(?:[ \t]*(?:/|and|or)[ \t]*(?:legal[ \t]+)?guardians?)?"
    r"|guardians?|mothers?|fathers?|partners?|spouses?|siblings?|donors?|recipients?|informants?|family[ \t]+members?"
    r"|household[ \t]+contacts?|index[ \t]+(?:cases?|patients?)|relatives?|dyads?|clinicians?|physicians?|nurses?"
    r"|teachers?|staff(?:[ \t]+members?)?|(?:health[ \t-]?care[ \t]+)?(?:providers?|workers?|professionals?)))"
    r"(?:[ \t]*\([^)\n]{1,60}\))?)"
    r"(?:[ \t]+(?i:only|patients|participants|subjects))?[*_]*[ \t]*[:\uff1a]?[*_]*[ \t]*"
)
# A group's label with its colon inside a line of page text ("... Cohort 2: 1. Age 18 ..."): its criteria follow.
# Searched for before each colon, up to `LABEL_REACH` characters back (the pattern ends at the colon).
_GROUP_LABEL_INLINE = re.compile(
    r"\b(?i:cohort|part|arm|group|phase|period|module|sub-?study)[ \t]+(?:[A-Z]{1,2}|\d{1,2}[A-Za-z]?|[IVX]{1,4})"
    r"(?:[ \t]*\([^)\n]{1,60}\))?[ \t]*[:\uff1a]\Z")
LABEL_REACH = 90
# A line longer than this is no group's label.
LABEL_WIDTH = 120
# A line that only offers another group ("OR", "- Or -", "And/or"): the criteria below it are an alternative set.
_ALTERNATIVE = re.compile(r"[ \t]*(?:[-*•][ \t]*)?(?i:or|and[ \t]*/[ \t]*or)[ \t]*[:\uff1a]?[ \t]*(?:[-*•][ \t]*)?")

# A bulleted line of two to six words in capitals, each of three letters or more, and nothing else, no colon, its
# bullet nested or escaped or not ("* MUCOSAL MELANOMA", "* \\* MERKEL CELL CARCINOMA"): a cohort's label, as a basket
# trial names each cancer above its own copy of the criteria. (A topical heading ends in a colon, "PRIOR THERAPY:";
# a criterion in capitals has a number or a short word, "* ECOG PS 3 OR MORE", "* ASA IV", or is one word.)
_CAPITALS_LABEL = re.compile(r"[ \t]*[-*\u2022][ \t]+(?:\\?[-*][ \t]+)?[*_]*[A-Z][A-Z'&/-]{2,}"
                             r"(?:[ \t]+[A-Z][A-Z'&/-]{2,}){1,5}[*_]*[ \t]*")


def separates(line: str) -> bool:
    """Whether the line only names a group of participants or offers another set of criteria ("OR")."""
    return len(line) <= LABEL_WIDTH and (_ALTERNATIVE.fullmatch(line) is not None
                                         or GROUP_LABEL.fullmatch(line) is not None
                                         or _CAPITALS_LABEL.fullmatch(line) is not None)


@lru_cache(maxsize=4)
def _separator_lines(text: str) -> list[int]:
    """Where the text's lines that `separates` start: read once for every two items compared."""
    starts = line_starts(text)
    ends = starts[1:] + [len(text) + 1]
    return [start for start, end in zip(starts, ends) if separates(text[start:end - 1])]


def separator_between(text: str, start: int, end: int) -> bool:
    """Whether a line that `separates` starts at or after `start` and before `end`."""
    found = _separator_lines(text)
    i = bisect_left(found, start)
    return i < len(found) and found[i] < end


# A word that names a group of participants ("2. Additional criteria for the expansion cohort:"; "Healthy volunteers
# only:"): a line that holds one heads that group's criteria.
GROUP_WORD = re.compile(r"\b(?:cohorts?|parts?|arms?|groups?|phases?|periods?|modules?|sub-?stud(?:y|ies)|"
                         r"volunteers?|controls?|populations?|only)\b", re.I)


# The people a criteria heading may name, whose criteria are listed apart from the others' ("Inclusion Criteria for
# Partners", "Donor Inclusion Criteria", "Exclusion Criteria (Caregivers)").
_PEOPLE_WORD = re.compile(r"\b(?:donors?|recipients?|caregivers?|carers?|parents?|guardians?|mothers?|fathers?|"
                          r"partners?|spouses?|siblings?|infants?|neonates?|newborns?|children|child|adolescents?|"
                          r"adults?|patients?|participants?|subjects?|index|contacts?|households?|famil(?:y|ies)|"
                          r"dyads?|teachers?|students?|clinicians?|physicians?|nurses?|providers?|staff)\b", re.I)


# A group's heading run on into a list item's line, the group after it there or wrapped onto the next line ("...
# follow instructions Inclusion criteria for able-bodied" then "     subjects").
_RUN_IN_GROUP_HEADING = re.compile(r"(?<=\S[ \t])(?:Inclusion|Exclusion|INCLUSION|EXCLUSION)[ \t]+(?i:criteria)[ \t]+"
                                   r"(?i:for)\b[^\n]*(?:\n[^\n]*)?")


def group_heading_between(text: str, start: int, end: int) -> bool:
    """Whether a criteria heading that names a group of participants stands in text[start:end] ("Inclusion criteria
    for cohort B", "Exclusion Criteria - Healthy Volunteers", "Inclusion Criteria for Partners", also run on into a
    list item's line, `_RUN_IN_GROUP_HEADING`): the criteria below it are that group's, though the heading opens a
    section of the same name as the one above (which a heading written again would continue)."""
    between = text[start:end]
    if between.isascii() and "criteria" not in between.lower():
        return False  # every heading says "criteria" (in any case; a letter beyond ASCII may stand for one of its own)
    return any(GROUP_WORD.search(m[0]) is not None or _PEOPLE_WORD.search(m[0]) is not None
               for m in chain(HEADING.finditer(text, start, end), _RUN_IN_GROUP_HEADING.finditer(text, start, end)))


def group_label_inline(text: str, start: int, end: int) -> bool:
    """Whether a group's label and its colon stand in text[start:end] (`_GROUP_LABEL_INLINE`), looked for from
    each colon."""
    for colon in _COLON.finditer(text, start, end):
        at = colon.start()
        if _GROUP_LABEL_INLINE.search(text, max(start, at - LABEL_REACH), at + 1):
            return True
    return False


# A line that labels the criteria below it with a colon, in at most six words, and names a group or people in them
# ("For healthy volunteers:", "Patients with COPD:", "Healthy control subjects:"; not a lead-in that says what they
# must meet: "All participants must meet the following:").
_LABEL_WITH_COLON = re.compile(r"^[ \t]*(?:[-*\u2022][ \t]*)?[*_]*(?:[^\s:\uff1a]+[ \t]+){0,5}[^\s:\uff1a]+[*_]*[ \t]*"
                               r"[:\uff1a][*_]*[ \t]*$", re.M)
_LEAD_IN_WORD = re.compile(r"\b(?:must|should|shall|will|meet|following)\b", re.I)


def names_groups(text: str) -> bool:
    """Whether the criteria name a group of participants or other people anywhere, as a label of their own or in a
    line's label with a colon ("Cohort 2: 1. Age ..."), or in a criteria heading ("Inclusion Criteria for Donors"):
    the same short criterion may then be each group's."""
    return bool(_separator_lines(text)) or group_heading_between(text, 0, len(text)) or \
        group_label_inline(text, 0, len(text)) or \
        any((GROUP_WORD.search(m[0]) or _PEOPLE_WORD.search(m[0])) and _LEAD_IN_WORD.search(m[0]) is None
            for m in _LABEL_WITH_COLON.finditer(text))
