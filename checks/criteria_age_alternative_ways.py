"""Inclusion items that are alternative ways into a study, one of which states an age: an item whose people have not
had something another item requires ("Women younger than 50 years who had not undergone prior mammography" beside
"Past prior screening mammography interpreted as negative"), or items that each open by naming people of another time
of life ("- Children who have ..." beside "- Adolescents between the ages of 15-17 years who have ..."). No participant
meets both items, so the age is that way's, not everyone's."""
from __future__ import annotations

import re

from checks.criteria_age_bounds import BOUND, Bound, Statement, bounds_of, spelled
from checks.criteria_age_criterion import OTHER_PERSONS_AGE

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


# Another item's own age, stated inside it after what its people have ("Patients having low risk or no comorbidities
# and having an age of <65 years"): a bound right after "having an age of", "with an age of", "aged" or "age", or a
# bound that says it is an age ("65 years or older", "younger than 65 years", "<65 years of age"). Searched in the
# item's spelled text.
_AGE_CLAUSE_BEFORE = re.compile(r"\b(?:(?:having|with|of)\s+(?:an?\s+)?age|aged?|ages)\s*(?:of\s+|between\s+|:\s*)?\Z")
_SAYS_AGE = re.compile(r"\bold|\bolder\b|\byounger\b|\bages?\b")
_OF_AGE_AFTER = re.compile(r"\s*(?:(?:years?|yrs?)\s*)?(?:old|of\s+age)\b")
# Words before the bound that make the age an event's ("diagnosed at age < 40", "onset before age 12") or another
# person's ("mothers of children aged < 5", "a partner aged 18 or older"), or after it an event's ("< 40 years at
# diagnosis").
_NOT_THE_PEOPLES = re.compile(
    r"\b(?:at|before|after|since|by|until|when)\s+(?:the\s+)?age[sd]?\s*(?:of\s+)?\Z"
    r"|\b(?:onset|diagnos\w*|parents?|mothers?|fathers?|caregivers?|carers?|guardians?|partners?|spouses?"
    r"|child(?:ren)?|sons?|daughters?|siblings?|infants?|bab(?:y|ies)|offspring|relatives?|donors?|recipients?"
    r"|gestation\w*)\b[^.;]{0,25}\Z")
_EVENT_AFTER = re.compile(r"[^.;]{0,25}?\b(?:at|when|since|before|after)\s+(?:the\s+)?(?:time\s+of\s+)?"
                          r"(?:(?:first|initial)\s+)?(?:diagnos|onset|symptom|surgery|transplant|infection|birth)")
# How much of an item is read for its age.
OWN_AGE_REACH = 240


def _items(lowered: str, start: int, end: int) -> list[tuple[int, int]]:
    """The marked items of lowered[start:end]: each from its marked line to a blank line or the next marked line."""
    spans = []
    for m in _MARKED_LINE.finditer(lowered, start, end):
        item_end = _ITEM_END.search(lowered, m.end(), end)
        spans.append((m.start(), item_end.start() if item_end else end))
    return spans


def _own_age(item: str) -> tuple[Bound, ...]:
    """The age the item `item` (spelled) states of its own people, read from its first such bound; () where none is
    (another person's, an event's, one in a bracketed note on the item, or no age)."""
    if OTHER_PERSONS_AGE.search(item):
        return ()
    for m in BOUND.finditer(item):
        before = item[max(0, m.start() - 40):m.start()]
        if _AGE_CLAUSE_BEFORE.search(before) is None and _SAYS_AGE.search(m.group(0)) is None \
                and _OF_AGE_AFTER.match(item, m.end()) is None:
            continue
        if _NOT_THE_PEOPLES.search(before) or _EVENT_AFTER.match(item, m.end()) or \
                item.count("(", 0, m.start()) > item.count(")", 0, m.start()):
            return ()  # an event's, another person's, or a note in brackets ("(only applicable to subjects age < 18)")
        return tuple(bounds_of(m, None))
    return ()


def _ends(bounds: tuple[Bound, ...]) -> tuple[tuple[float, bool], tuple[float, bool]]:
    """The lowest and highest age in days the bounds allow, each with whether it is itself left out (a strict
    bound)."""
    sides = {b.side: (b.age.days, b.kind == "strict") for b in bounds}
    return sides.get("lower", (0.0, False)), sides.get("upper", (float("inf"), False))


def _apart(ours: tuple[Bound, ...], theirs: tuple[Bound, ...]) -> bool:
    """Whether no age meets both sets of bounds ("> 65 years" and "< 65 years", "18 to 64" and "65 or older")."""
    for (low, low_strict), (high, high_strict) in ((_ends(ours)[0], _ends(theirs)[1]),
                                                   (_ends(theirs)[0], _ends(ours)[1])):
        if low > high or low == high and (low_strict or high_strict):
            return True
    return False


def other_ways_ages(lowered: str, statement: Statement, start: int, end: int) -> list[tuple[Bound, ...]]:
    """The ages other inclusion items of lowered[start:end] state of their own people inside them (`_own_age`) that
    no one of the statement's ages meets ("Patients having an age of > 65 years with ..." beside "Patients having low
    risk and having an age of <65 years with ..."): no participant meets both items, so each is one way into the
    study with its own age."""
    found = []
    for item_start, item_end in _items(lowered, start, end):
        if item_start <= statement.start < item_end or statement.start <= item_start < statement.end:
            continue  # the statement's own item
        bounds = _own_age(spelled(lowered[item_start:min(item_end, item_start + OWN_AGE_REACH)]))
        if bounds and _apart(statement.bounds, bounds):
            found.append(bounds)
    return found


def widened(bounds: tuple[Bound, ...], others: list[tuple[Bound, ...]]) -> tuple[Bound, ...]:
    """The ages the statement's bounds and the other ways' together admit: the lowest lower bound and the highest
    upper bound, none on a side where one of them has none."""
    every = [bounds] + others
    lows = [next((b for b in one if b.side == "lower"), None) for one in every]
    highs = [next((b for b in one if b.side == "upper"), None) for one in every]
    widest = []
    if all(lows):
        widest.append(min(lows, key=lambda b: b.age.days))
    if all(highs):
        widest.append(max(highs, key=lambda b: b.age.days))
    return tuple(widest)
