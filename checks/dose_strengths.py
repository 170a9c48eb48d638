"""A unit strength, not a dose ("50 mg/capsule", "capsules containing 100 mg", "available as 10 mg tablets"), strengths
listed together ("tablets containing 50 and 20 mg", "50 mg and 20 mg tablets"), and an amount naming its unit form in
a text that doses in counts of that form ("Azithromycin 250 mg capsules")."""
from __future__ import annotations

import re

from checks.dose_context import COUNT, FORMS, clause_before, count

# A unit strength, not a dose: "50 mg/capsule", "capsules containing 100 mg",
# "a tablet with a dose strength of 250 mg", "available as 10 mg tablets".
STRENGTH_AFTER = (
    re.compile(rf"\s*(?:/|per\s+|a\s+|each\s+|in\s+(?:each|one|a|every)\s+){FORMS}", re.I),
    # A syrup's or a suspension's strength in a spoonful or a vial's in its volume: "250 mg/5 mL", "8 mg per 2 mL"
    # (a bag's volume, "4 mg/100 mL", is not one).
    re.compile(r"\s*(?:/|per\s+)\s*(?:[1-5](?:\.\d+)?|0?\.\d+)\s*(?:ml|cc)\b", re.I),
    # A strength so called after its amount ("Oral MK-6096 tablets (5 mg strength)", "10 and 50 mg strengths"), or a
    # syringe's size or fill ("a 1.0-ml syringe", "0.67 mL prefilled syringe").
    re.compile(r"\s*(?:strengths?|(?:-\s*)?(?:pre-?filled\s+|glass\s+|disposable\s+)?syringes?)\b", re.I),
)
STRENGTH_BEFORE = (
    re.compile(r"\bcontain(?:s|ing)?\s+(?:up\s+to\s+|approximately\s+|about\s+)?(?:[a-z][\w-]*\s+){0,2}$", re.I),
    # "a dose strength of 250 mg", "supplied as tablets in 3 different dosage strengths, 2.5, 5, and 10 mg"
    re.compile(r"\bstrengths?\s*(?:of|:|=|is|are|,)?\s*$", re.I),
    # How a product is made or supplied: "available as 10 mg tablets", "produced in a 750 mg sustained release tablet".
    re.compile(r"\b(?:available|supplied|provided|formulated|presented|produced|manufactured|packaged|marketed)\s+"
               r"(?:as|in)\s+(?:[\w-]+\s+){0,4}$", re.I),
    re.compile(rf"\b(?:each|per|one|a|1)\s+{FORMS}\s+(?:of|contains|containing|has|with|=)?\s*$", re.I),
    # A device's scale: "a 1.0-ml syringe, sub-graduated into hundredths of ml (1/100 ml)".
    re.compile(r"\bgraduat(?:ed|ions?)\b[^.;]*$", re.I),
    # A salt's or a vial's equivalence: "equivalent to 100 mg pacritinib free base", "equivalent to 20 mg or 80 mg".
    re.compile(r"\bequivalent\s+(?:to|of)\s+(?:about\s+|approximately\s+)?"
               r"(?:[\d.,]+\s*[a-zµμ]+(?:/[a-z\d]+)?\s*(?:,|or|and|/)\s*)*$", re.I),
)

# What one unit of a product holds, said of every amount after it in its sentence ("Each mL contains dexamethasone
# sodium phosphate equivalent to dexamethasone phosphate 4 mg or dexamethasone 3.33 mg", NCT04640168): a make-up, not a
# dose, unless the sentence goes on to say what is given ("each tablet contains 5 mg; take two tablets (10 mg) daily").
# A spray's unit is one actuation of a volume ("Each 100 ul actuation contains 27 mg THC and 25 mg CBD", NCT00678795).
_UNIT_CONTENTS = re.compile(rf"\b(?:each|every|per|one|1)\s+(?:\d*\.?\d+\s*(?:ml|[\u00b5\u03bcu]l|mcl)\s+)?"
                            rf"(?:pre-?filled\s+)?(?:ml|millilit(?:er|re)|cc|syringes?|pens?|cartridges?|actuations?"
                            rf"|{FORMS})\s+"
                            r"(?:contains|containing|provides|has)\b(?P<rest>(?:[^.]|\.(?=\d))*)$", re.I)
_GIVING = re.compile(r"\b(?:take[sn]?|given|gives?|administer\w*|receiv\w*|inject\w*|infus\w*|appl(?:y|ied|ies)"
                     r"|dos(?:e|es|ed|ing)|daily|times|twice|once|per\s+day|a\s+day)\b", re.I)
# How far back in its sentence a unit's contents may be said.
CONTENTS_LOOKBACK = 200
# A make-up's list may run on past semicolons ("44 mcg of interferon beta-1a, 4 mg human albumin, USP; 27.3 mg
# mannitol, USP; 0.4 mg sodium acetate").
_SENTENCE_END = re.compile(r"\.\s|\n")


def _unit_contents(text: str, start: int) -> bool:
    """Whether the amount at `start` follows, in its sentence, a statement of what one unit holds ("Each mL
    contains")."""
    before = text[max(0, start - CONTENTS_LOOKBACK):start]
    cuts = list(_SENTENCE_END.finditer(before))
    contents = _UNIT_CONTENTS.search(before[cuts[-1].end():] if cuts else before)
    return contents is not None and not _GIVING.search(contents.group("rest"))


# What a unit form's name may say of it first: "film-coated tablets", "extended-release capsules".
_RELEASE = (r"(?:(?:film|enteric|sugar)[\s-]?coated|coated|(?:extended|modified|delayed|prolonged|sustained"
            r"|controlled|immediate)[\s-]release|er|xr|sr|ir|oral|dispersible|orodispersible|chewable|hard|soft)")
# An amount naming its unit form ("Azithromycin 250 mg capsules") is the product's strength when the text
# doses in counts of that form other than one ("2 capsules on day one, then 1 capsule daily"): the dose is
# the count of units. Given as "one tablet twice daily", the amount is the dose.
_FORM_NAMED = re.compile(rf"\s*(?:{_RELEASE}\s+){{0,2}}(?P<form>{FORMS})\b", re.I)
_FORM_NAMED_PLAINLY = re.compile(rf"\s*(?P<form>{FORMS})\b", re.I)
# The first words of what a unit form's name may say of it first, and the word after an amount.
_RELEASE_WORDS = frozenset({"film", "enteric", "sugar", "coated", "extended", "modified", "delayed", "prolonged",
                            "sustained", "controlled", "immediate", "er", "xr", "sr", "ir", "oral", "dispersible",
                            "orodispersible", "chewable", "hard", "soft", "film-coated", "enteric-coated",
                            "sugar-coated", "extended-release", "modified-release", "delayed-release",
                            "prolonged-release", "sustained-release", "controlled-release", "immediate-release"})
_WORD_AFTER = re.compile(r"\s*([a-z][a-z-]*)", re.I)
# A unit's look described after its amount and form ("100 mg capsule with a blue opaque cap", "a capsule of 100 mg,
# white and opaque", "25 mg tablets: round, yellow"): the text describes the product, and the amount is one unit's.
_LOOK = re.compile(r"\s*(?:[,:(]\s*|\s+(?:with|having|that\s+(?:is|are)|which\s+(?:is|are))\s+(?:an?\s+)?)?"
                   r"(?:(?:light|dark|pale)[\s-]+)?(?:white|off-white|blue|pink|yellow|red|green|orange|brown|purple"
                   r"|gr[ae]y|black|beige|opaque|transparent|translucent|round|oval|oblong|biconvex|scored|imprinted"
                   r"|debossed|embossed|engraved)\b", re.I)
_FORM_OF = re.compile(rf"\b{FORMS}\s+of\s+$", re.I)
_COUNTED_FORM = re.compile(rf"(?<![\w.,/]){COUNT}\s+(?P<form>{FORMS})\b", re.I)


def _form_stem(form: str) -> str:
    """'Capsules' -> 'cap', 'tablet' -> 'tab': a unit form without number or spelling."""
    return form.lower()[:3]


# Amounts listed together ("50 and 20 mg", "50 mg, 20 mg and 10 mg"): a product's strengths where the list is said of
# its units ("tablets containing 50 and 20 mg", "tablets of 50 mg and 20 mg", "50 mg and 20 mg tablets"), each a
# unit's amount, not doses to choose from: two tablets of 50 and 20 mg make one 70 mg dose. A list joined by "or"
# before a unit form may be doses to choose from ("10 or 20 mg tablets daily").
_LISTED_AMOUNT = r"\d+(?:[.,]\d+)?\s*(?:(?:mgs?|mcgs?|µg|μg|ug|g|gm|iu|units?)\b)?"
_LIST_JOIN = r"(?:\s*,\s*(?:and\s+|or\s+|&\s*)?|\s+and\s+|\s+or\s+|\s*&\s*)"
_LISTED_BEFORE = re.compile(rf"(?<![\w.,/])(?:{_LISTED_AMOUNT}{_LIST_JOIN})+$", re.I)
_LISTED_AFTER = re.compile(rf"(?:{_LIST_JOIN}{_LISTED_AMOUNT})+", re.I)
_SOLID_UNITS_OF = re.compile(r"\b(?:tablets?|tabs?|capsules?|caps?|pills?|softgels?|caplets?)\s+of\s+$", re.I)
# A word of a product's name or make-up between an amount and its unit form ("film-coated active olanzapine"), not a
# word of a schedule or a list.
_NAME_WORD = (r"(?!(?:or|and|to|of|in|as|at|per|a|an|the|for|with|plus|then|daily|once|twice|every|each|times)\b)"
              r"[a-z][\w-]*")
_SOLID_FORMS = r"(?:tablets?|tabs?|capsules?|caps?|pills?|softgels?|caplets?)"
_SOLID_UNIT_AFTER = re.compile(rf"\s*(?:{_NAME_WORD}\s+){{0,3}}?{_SOLID_FORMS}\b", re.I)
_OR = re.compile(r"\bor\b", re.I)


def _listed_strengths(text: str, start: int, end: int) -> bool:
    """Whether the amount at start..end is one of amounts listed together that are said of a product's units."""
    before = _LISTED_BEFORE.search(clause_before(text, start))
    after = _LISTED_AFTER.match(text, end)
    if before is None and after is None:
        return False
    first = start - len(before.group(0)) if before else start
    lead = clause_before(text, first)
    if _SOLID_UNITS_OF.search(lead) or any(p.search(lead) for p in STRENGTH_BEFORE):
        return True
    last = after.end() if after else end
    return _SOLID_UNIT_AFTER.match(text, last) is not None and not _OR.search(text, first, last)


# A text that names a product by its unit's strength and says nothing of how much is given, when or for how long
# ("200 mg coated tablets", NCT04434248; "150mg chloroquine diphosphate tablets.", NCT04323527; "Hydroxychloroquine;
# 200mg tablet; oral", NCT04328467): the amount is one unit's, whatever an arm gives of it. "1 mg tablet for 12
# months" is a regimen.
_SOLID_UNIT_NAMED = re.compile(rf"\s*(?:{_NAME_WORD}\s+){{0,3}}?(?:{_SOLID_FORMS}|sachets?|lozenges?)\b", re.I)
_AN_AMOUNT = re.compile(r"\d(?:[\d.,]*\d)?\s*(?:mg|mcg|µg|μg|ug|g|gm|grams?|iu|units?|ml|mmol|%)(?![a-z])", re.I)
_SCHEDULE = re.compile(r"\b(?:daily|once|twice|thrice|times|every|hourly|weekly|monthly|nightly|bedtime|b\.?i\.?d"
                       r"|t\.?i\.?d|q\.?i\.?d|q\.?d|o\.?d|qhs|q\d+h|per\s+day|a\s+day|doses?|dosing|dosed|dosages?"
                       r"|regimens?|administ\w*|given|taken|takes?|receiv\w*|infus\w*|inject\w*|titrat\w*"
                       r"|x\s*\d+|\d+\s*x|for\s+\d+|during|until|\d+\s*(?:days?|weeks?|months?|years?))\b"
                       r"|/\s*(?:day|d|kg|m2)\b", re.I)


def _product_named_by_strength(text: str, end: int) -> bool:
    """Whether the amount ending at `end` names a solid unit form after it in a text that states no other amount
    ("100 mg or 300 mg tablets" are doses to choose from; "1 g capsule (EPA 460 mg, DHA 380 mg)" is read by its
    parts), no schedule and no count of units ("2 tablets (Avanafil 100mg tablet + Placebo 200mg tablet)")."""
    return _SOLID_UNIT_NAMED.match(text, end) is not None and len(_AN_AMOUNT.findall(text)) == 1 \
        and _SCHEDULE.search(text) is None and _COUNTED_FORM.search(text) is None


def unit_strength(text: str, start: int, end: int) -> bool:
    """Whether the amount at start..end is the strength of one unit rather than a dose."""
    if any(p.match(text, end) for p in STRENGTH_AFTER):
        return True
    before = clause_before(text, start)
    if any(p.search(before) for p in STRENGTH_BEFORE) or _listed_strengths(text, start, end) \
            or _unit_contents(text, start):
        return True
    if _FORM_OF.search(before) and _LOOK.match(text, end) or _product_named_by_strength(text, end):
        return True
    word = _WORD_AFTER.match(text, end)
    if word is None:
        return False
    named = (_FORM_NAMED if word.group(1).lower() in _RELEASE_WORDS else _FORM_NAMED_PLAINLY).match(text, end)
    if not named:
        return False
    if _LOOK.match(text, named.end()):
        return True
    form = _form_stem(named.group("form"))
    counted = (m for m in _COUNTED_FORM.finditer(text, end) if _form_stem(m.group("form")) == form)
    return any(count(m.group("n")) != 1 for m in counted)
