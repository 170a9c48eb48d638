"""A count of units that multiplies an amount, before it ("two tablets (alendronate 10 mg)", "2 x 10 mg") or after it
("(150 mg) x 2", "100 µg, 2 puffs")."""
from __future__ import annotations

import re

from checks.dose_context import COUNT, COUNT_WORDS, FORMS, UNIT_QUALIFIER, clause_before, count

# A count of units before the amount: "two tablets (alendronate 10 mg)", "2 capsules containing
# 100 mg", "2 x 10 mg", "two 10 mg tablets" (the last needs the form word after the amount, its route or release
# before it: "two 5 mg oral tablets"), "2 Oral Capsules (200mg of ...)", "two puffs of
# budesonide/formoterol 160/4.5 µg" (a combination's names joined).
# "N x amount" may also be N administrations of the amount ("3 x 100 µg in three weeks"). An amount the count's units
# are said to equal is their total, not one unit's ("120 mg x 2 injections (equal to 240 mg)").
TIMES_BEFORE = re.compile(r"\d{1,2}\s*[x×*]", re.I)
# A food's or a supplement's servings count like units: "two servings (125 g/serving)" are 250 g.
_COUNTED_FORMS = rf"(?:{FORMS}|servings?|portions?)"
COUNTS_BEFORE = (
    re.compile(rf"(?<![\w.,])(?P<n>\d{{1,2}})\s*[x×*]\s*$", re.I),
    re.compile(rf"(?<![\w.,/]){COUNT}\s+(?:{UNIT_QUALIFIER}\s+){{0,2}}{_COUNTED_FORMS}\s*"
               r"(?:\(|,|:|of|each|containing|with|contains)?\s*"
               r"(?:(?:each\s+)?(?:containing|contains|of|with)\s+)?(?:(?!(?:equal|equals|equivalent|total\w*|i\.?e)\b)"
               r"[a-z][\w/+-]*\s+){0,2}\(?$", re.I),
)
# ... also with the drug's name between the count and the amount or the form ("Two Nitazoxanide 300 mg tablets",
# NCT04343248; "Two 400 mg darunavir (DRV) tablets", NCT00524368), not a time or a word of a schedule.
_NAME_WORD = (r"(?!(?:days?|weeks?|months?|hours?|years?|doses?|times|cycles?|of|per|a|an|the|and|or|to|in|for"
              r"|patients?|participants?|subjects?|people|persons?|children|adults|groups?|arms?|were|are|is|was|will"
              r"|be|receiv\w*|given|take\w*|took|used?)\b)[a-z][\w-]*")
_COUNT_WORD_BEFORE = re.compile(rf"\b(?P<n>{'|'.join(COUNT_WORDS)})\s+(?:{_NAME_WORD}\s+){{0,2}}$", re.I)
# ... the drug's other name or code may follow "ie," or "aka" ("darunavir (DRV) ie, TMC114 tablets").
_ALSO_NAMED = r"(?:i\.?e\.?|aka|a\.k\.a\.)\s*,?\s+"
_FORM_AFTER = re.compile(
    rf"\s*(?:{UNIT_QUALIFIER}\s+|{_NAME_WORD}\s+|\([^()]{{1,12}}\)\s+|{_ALSO_NAMED}){{0,4}}{FORMS}\b", re.I)


_NUMBER_CLUES = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|single)\b", re.I)


# An amount said to be each unit's, after the count and the units' schedule ("2 capsules daily, 100 mg each",
# "(2 capsules once, 100 mg each)"): the units' total is the dose.
_EACH_AFTER = re.compile(rf"\s*(?:each|apiece|per\s+{FORMS})\b", re.I)
_COUNT_THEN_EACH = re.compile(
    rf"(?<![\w.,/]){COUNT}\s+(?:{UNIT_QUALIFIER}\s+){{0,2}}{_COUNTED_FORMS}(?:[\s,]+[a-z]+){{0,3}}\s*[,:]\s*$", re.I)
# A schedule between the units and an amount in brackets ("10 drops daily (4000 IU)"): the amount may be what the
# units give together at each time or each unit's, unless said to be each unit's ("2 tablets daily (500 mg each)").
_SCHEDULE_WORD = re.compile(r"\b(?:daily|weekly|nightly|once|twice|thrice|bid|tid|qid|qd|od|day|week)\b", re.I)


def count_before(text: str, start: int, end: int) -> tuple[int, int, bool] | None:
    """(count, where the count starts, whether it surely multiplies) when a number of units multiplies the amount at
    start..end: "2 tablets (10 mg)" does, "10 drops daily (4000 IU)" may."""
    before = clause_before(text, start)
    if not _NUMBER_CLUES.search(before):
        return None
    each = _EACH_AFTER.match(text, end) is not None
    if each and (m := _COUNT_THEN_EACH.search(before)):
        return count(m.group("n")), start - len(before) + m.start(), True
    for pattern in COUNTS_BEFORE:
        if m := pattern.search(before):
            surely = each or not _SCHEDULE_WORD.search(before, m.end("n"))
            return count(m.group("n")), start - len(before) + m.start(), surely
    m = _COUNT_WORD_BEFORE.search(before)
    if m and _FORM_AFTER.match(text, end):
        return count(m.group("n")), start - len(before) + m.start(), True
    return None


# A count of units after the amount: "(150 mg) x 2", "140 mg capsule x 3" (N units at once, or N administrations),
# not a duration ("x 6 cycles", "x 3 days") or a rate ("x 2/day").
TIMES_AFTER = re.compile(
    rf"\s*\)?\s*(?:{FORMS}\s*)?[x×*]\s*(?P<n>\d{{1,2}})\b(?!\s*(?:[.,/-]|(?:days?|d|weeks?|wks?|w|months?|cycles?"
    r"|courses?|hours?|hrs?|h|min(?:utes?)?|years?|per|a|daily|weekly)\b))", re.I)
# ... or a count of units that the amount may be each of or all of: "100 µg, 2 puffs" (two puffs of 100 µg, or
# 100 µg as two puffs), "2.5 mg, three tablets per day", "160/4.5 mcg two inhalations twice daily", "cp 5mg: 2pills".
LISTED_COUNT_AFTER = re.compile(rf"\s*[,(:]?\s*{COUNT}\s*{FORMS}\b", re.I)


# ... or one unit or a few, each of the amount: "500 mg 1-2 tablets" is 500 or 1000 mg, "10 mg, one or two tablets"
# 10 or 20 mg.
COUNT_RANGE_AFTER = re.compile(rf"\s*[,(:]?\s*(?:1|one)\s*(?:-|–|to|or)\s*{COUNT}\s*{FORMS}\b", re.I)


# A count right after the amount, with no comma or parenthesis before it ("4.5 mcg two inhalations"), and the
# characters it may start with.
_COUNT_FIRST = re.compile(rf"\s*{COUNT}\s", re.I)
_COUNT_INITIALS = frozenset("0123456789" + "".join(w[0] + w[0].upper() for w in COUNT_WORDS))
# How far after the amount a count of units may end.
COUNT_AFTER = 40


def count_after(text: str, end: int) -> tuple[int, int, bool] | None:
    """(count, where the count ends, whether it surely multiplies) when a number of units follows the amount
    ending at `end`: "x 2" multiplies it, ", 2 puffs" and "1-2 tablets" (the most of a range) may."""
    after = text[end:end + COUNT_AFTER]
    if ("x" in after or "×" in after or "*" in after) and (m := TIMES_AFTER.match(text, end)):
        return int(m.group("n")), m.end(), True
    if m := COUNT_RANGE_AFTER.match(text, end):
        return count(m.group("n")), m.end(), False
    first = after.lstrip()[:1]
    if (first in (",", "(", ":") or first and first in _COUNT_INITIALS and _COUNT_FIRST.match(after)) \
            and (m := LISTED_COUNT_AFTER.match(text, end)):
        return count(m.group("n")), m.end(), False
    return None
