"""Inclusion items that are alternative ways into a study, one of which states an age: an item whose people have not
had something another item requires ("Women younger than 50 years who had not undergone prior mammography" beside
"Past prior screening mammography interpreted as negative"), or items that each open by naming people of another time
of life ("- Children who have ..." beside "- Adolescents between the ages of 15-17 years who have ..."). No participant
meets both items, so the age is that way's, not everyone's."""
from __future__ import annotations

import re

from checks.criteria_age_bounds import Statement

# How far after the statement its item is read.
ITEM_REACH = 300
# A list item's mark opening a line, and where an item ends: a blank line or the next marked line.
_MARKED_LINE = re.compile(r"^[ \t]*(?:[-*\u2022]|\(?\d{1,2}[.)])[ \t]", re.M)
_ITEM_END = re.compile(r"\n[ \t]*\n|\n[ \t]*(?:[-*\u2022]|\(?\d{1,2}[.)])[ \t]")

# Something the item says its people have not had before ("who had not undergone prior mammography", "with less than
# two prior treatment regimens", "without prior chemotherapy"): the first word of 4 letters or more after "prior" names
# it. Searched in the text's lower case.
_NONE_BEFORE = re.compile(r"\b(?:not|never|no|without|(?:less|fewer)\s+than\s+(?:one|two|three|[1-3]))\s+"
                          r"(?:[a-z]+\s+){0,2}?prior\s+([a-z][a-z-]{3,})")
# A negation or a bound just before "prior" in another item, which then does not require the thing either ("No prior
# chemotherapy", "at most one prior regimen").
_NEGATED_BEFORE = re.compile(r"\b(?:not|never|no|without|than|nor|any|most|maximum|max)\s+(?:[a-z]+\s+){0,2}?$")
# How far before "prior" such a negation is read.
NEGATION_REACH = 40

# An item that opens by naming people of one time of life, then who they are or their ages ("- Children who have
# ...", "- Adolescents between the ages of 15-17 years", "* Infants aged 2-6 months"). Searched in the text's lower
# case.
_LIFE_STAGE_ITEM = re.compile(
    r"^[ \t]*(?:[-*\u2022]|\(?\d{1,2}[.)])[ \t]+(?P<who>(?:young\s+|older\s+)?adults?|child(?:ren)?|adolescents?"
    r"|teen(?:ager)?s?|infants?|toddlers?|neonates?|new-?borns?|elderly|boys?|girls?|bab(?:y|ies)|youths?)"
    r"[ \t]+(?:who|with|between|aged?|ages|from|of)\b", re.M)
_ONE_OF = {"children": "child", "babies": "baby", "teenager": "teen", "teenagers": "teen", "newborn": "new-born",
           "newborns": "new-born"}


def _item_span(lowered: str, statement: Statement, start: int, end: int) -> tuple[int, int]:
    """Where the statement's list item starts (its marked line, or the statement where none is above it in
    lowered[start:end]) and ends (a blank line, the next marked line, or ITEM_REACH after the statement)."""
    marks = [m.start() for m in _MARKED_LINE.finditer(lowered, start, statement.end) if m.start() <= statement.start]
    item_start = marks[-1] if marks and _ITEM_END.search(lowered, marks[-1] + 1, statement.start) is None \
        else statement.start
    limit = min(end, statement.end + ITEM_REACH)
    item_end = _ITEM_END.search(lowered, statement.end, limit)
    return item_start, item_end.start() if item_end else limit


def rules_out_another_item(lowered: str, statement: Statement, start: int, end: int) -> bool:
    """Whether the statement's item says its people have not had something before (`_NONE_BEFORE`) that another
    inclusion item of lowered[start:end] requires, with no negation before it (`_NEGATED_BEFORE`)."""
    item_start, item_end = _item_span(lowered, statement, start, end)
    for m in _NONE_BEFORE.finditer(lowered, item_start, item_end):
        required = re.compile(rf"\bprior\s+(?:[a-z-]+\s+){{0,2}}?{re.escape(m[1])}\b")
        for other in required.finditer(lowered, start, end):
            if item_start <= other.start() < item_end:
                continue  # the statement's own item
            if _NEGATED_BEFORE.search(lowered, max(start, other.start() - NEGATION_REACH), other.start()) is None:
                return True
    return False


def _time_of_life(who: str) -> str:
    """People of one time of life as one word: 'children' and 'child' alike, 'adults' as 'adult'."""
    who = " ".join(who.split())
    return _ONE_OF.get(who, who[:-1] if who.endswith("s") else who)


def among_life_stage_groups(lowered: str, statement: Statement, start: int, end: int) -> bool:
    """Whether the statement's item opens by naming people of one time of life (`_LIFE_STAGE_ITEM`) and another
    inclusion item of lowered[start:end] opens so by naming people of another."""
    item_start, _ = _item_span(lowered, statement, start, end)
    items = {m.start(): _time_of_life(m["who"]) for m in _LIFE_STAGE_ITEM.finditer(lowered, start, end)}
    own = items.get(item_start)
    return own is not None and any(who != own for who in items.values())
