"""What the words around a stated amount say about it: a unit strength, a count of units,
the regimen phase it belongs to, or doses that vary by design. Tables of small patterns."""
from __future__ import annotations

import re

_FORMS = (r"(?:tablets?|tabs?|capsules?|caps?|pills?|softgels?|caplets?|sachets?|vials?|ampoules?"
          r"|puffs?|inhalations?|sprays?|drops?|patch(?:es)?|suppositor(?:y|ies)|injections?|lozenges?)")
COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
               "nine": 9, "ten": 10, "single": 1}
_COUNT = r"(?P<n>\d{1,2}|" + "|".join(COUNT_WORDS) + r")"
# How far back a count or a strength phrase may stand from the amount it qualifies.
LOOKBACK = 60

# A count of units before the amount: "two tablets (alendronate 10 mg)", "2 capsules containing
# 100 mg", "2 x 10 mg", "two 10 mg tablets" (the last needs the form word after the amount).
# "N x amount" may also be N administrations of the amount ("3 x 100 µg in three weeks").
TIMES_BEFORE = re.compile(r"\d{1,2}\s*[x×*]", re.I)
COUNTS_BEFORE = (
    re.compile(rf"(?<![\w.,])(?P<n>\d{{1,2}})\s*[x×*]\s*$", re.I),
    re.compile(rf"(?<![\w.,/]){_COUNT}\s+{_FORMS}\s*(?:\(|,|:|of|each|containing|with|contains)?\s*"
               r"(?:(?:each\s+)?(?:containing|contains|of|with)\s+)?(?:[a-z][\w-]*\s+){0,2}\(?$", re.I),
)
_COUNT_WORD_BEFORE = re.compile(rf"\b(?P<n>{'|'.join(COUNT_WORDS)})\s+$", re.I)
_FORM_AFTER = re.compile(rf"\s*{_FORMS}\b", re.I)

# A unit strength, not a dose: "50 mg/capsule", "capsules containing 100 mg",
# "a tablet with a dose strength of 250 mg", "available as 10 mg tablets".
STRENGTH_AFTER = (
    re.compile(rf"\s*(?:/|per\s+|a\s+|each\s+|in\s+(?:each|one|a|every)\s+){_FORMS}", re.I),
)
STRENGTH_BEFORE = (
    re.compile(r"\bcontain(?:s|ing)?\s+(?:up\s+to\s+|approximately\s+|about\s+)?(?:[a-z][\w-]*\s+){0,2}$", re.I),
    re.compile(r"\bstrengths?\s*(?:of|:|=|is|are)?\s*$", re.I),
    re.compile(r"\b(?:available|supplied|provided|formulated|presented)\s+(?:as|in)\s+(?:[\w-]+\s+){0,4}$", re.I),
    re.compile(rf"\b(?:each|per|one|a|1)\s+{_FORMS}\s+(?:of|contains|containing|has|with|=)?\s*$", re.I),
    # A salt's or a vial's equivalence: "equivalent to 100 mg pacritinib free base", "equivalent to 20 mg or 80 mg".
    re.compile(r"\bequivalent\s+(?:to|of)\s+(?:about\s+|approximately\s+)?"
               r"(?:[\d.,]+\s*[a-zµμ]+(?:/[a-z\d]+)?\s*(?:,|or|and|/)\s*)*$", re.I),
)

# The regimen phase an amount belongs to, named before it in its clause ...
PHASES = (
    ("loading", r"loading|load|starting|initial(?:ly)?|priming|first\s+(?:dose|infusion|injection)|day\s*1"),
    ("maintenance", r"maintenance|maintain(?:ed)?|then|followed\s+by|thereafter|subsequently|afterwards"
                    r"|continu(?:e|ed|ing|ation)|subsequent"),
    ("induction", r"induction|re-?induction"),
    ("consolidation", r"consolidation|intensification"),
    ("conditioning", r"conditioning|myeloablat\w*|lymphodeplet\w*"),
    ("mobilization", r"mobili[sz]ation|mobili[sz]ing"),
    ("booster", r"boost(?:er)?"),
)
_PHASE_BEFORE = re.compile(
    r"\b(?:" + "|".join(f"(?P<{name}>{words})" for name, words in PHASES) + r")\b", re.I)
# ... or right after it as a kind of dose: "400 mg loading dose", "200 mg as maintenance".
PHASES_AFTER = (
    ("loading", r"loading|starting|initial|priming"),
    ("maintenance", r"maintenance"),
    ("induction", r"induction"),
    ("consolidation", r"consolidation"),
    ("conditioning", r"conditioning"),
    ("mobilization", r"mobili[sz]ation"),
    ("booster", r"booster"),
)
_PHASE_AFTER = re.compile(
    r"\s*(?:(?:as|for|during)\s+(?:a|an|the)?\s*)?(?:" + "|".join(
        f"(?P<{name}>{words})" for name, words in PHASES_AFTER) + r")\b", re.I)
_CLAUSE_END = re.compile(r"[.;]\s|\n")

# Text whose doses differ by design: escalation cohorts, titration, tapering, dose levels.
VARIABLE_DOSING = (
    r"\bescalat\w*", r"\bde-?escalat\w*", r"\btitrat\w*", r"\bup-?titrat\w*", r"\btaper\w*",
    r"\bdose[\s-]+levels?\b", r"\bcohorts?\b", r"\b(?:increased?|decreased?|reduced?|raised?|adjusted)\s+"
    r"(?:\w+\s+){0,3}to\b", r"\bstep[\s-]?(?:up|down|wise)\b", r"\bramp[\s-]?up\b",
    r"\bdose[\s-]+ascen\w*", r"\bascending[\s-]+(?:\w+[\s-]+)?doses?\b", r"\b3\s*\+\s*3\b",
    r"\bstarting\s+(?:from|at)\s+(?:a\s+dose\s+of\s+)?[\d.]+\s*(?:mg|mcg|µg|μg|g|iu|units?)\b",
)
_VARIABLE = re.compile("|".join(VARIABLE_DOSING), re.I)
_NUMBER_CLUES = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|single)\b", re.I)


def _clause_before(text: str, start: int) -> str:
    """The words before `start` in its clause (at most LOOKBACK characters)."""
    before = text[max(0, start - LOOKBACK):start]
    cuts = list(_CLAUSE_END.finditer(before))
    return before[cuts[-1].end():] if cuts else before


def count_before(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(count, where the count starts) when a number of units multiplies the amount at start..end."""
    before = _clause_before(text, start)
    if not _NUMBER_CLUES.search(before):
        return None
    for pattern in COUNTS_BEFORE:
        if m := pattern.search(before):
            return _count(m.group("n")), start - len(before) + m.start()
    m = _COUNT_WORD_BEFORE.search(before)
    if m and _FORM_AFTER.match(text, end):
        return _count(m.group("n")), start - len(before) + m.start()
    return None


def _count(n: str) -> int:
    return COUNT_WORDS.get(n.lower()) or int(n)


# An amount naming its unit form ("Azithromycin 250 mg capsules") is the product's strength when the text
# doses in counts of that form other than one ("2 capsules on day one, then 1 capsule daily"): the dose is
# the count of units. Given as "one tablet twice daily", the amount is the dose.
_FORM_NAMED = re.compile(rf"\s*(?P<form>{_FORMS})\b", re.I)
_COUNTED_FORM = re.compile(rf"(?<![\w.,/]){_COUNT}\s+(?P<form>{_FORMS})\b", re.I)


def _form_stem(form: str) -> str:
    """'Capsules' -> 'cap', 'tablet' -> 'tab': a unit form without number or spelling."""
    return form.lower()[:3]


def unit_strength(text: str, start: int, end: int) -> bool:
    """Whether the amount at start..end is the strength of one unit rather than a dose."""
    if any(p.match(text, end) for p in STRENGTH_AFTER):
        return True
    before = _clause_before(text, start)
    if any(p.search(before) for p in STRENGTH_BEFORE):
        return True
    named = _FORM_NAMED.match(text, end)
    if not named:
        return False
    form = _form_stem(named.group("form"))
    counted = (m for m in _COUNTED_FORM.finditer(text, end) if _form_stem(m.group("form")) == form)
    return any(_count(m.group("n")) != 1 for m in counted)


# An amount given at each of several sites ("20 mL on each side", "0.5 mL per eye", "2 units per injection site"):
# the whole dose is a number of them. ("per arm" is not read: an arm is also a study arm.)
PER_SITE_AFTER = re.compile(
    r"\s*[(,]?\s*(?:(?:on|in|into|to|at|for|of)\s+)?(?:each|per|every|either)\s+(?:injection\s+|treated\s+)?"
    r"(?:sides?|eyes?|nostrils?|nares|sites?|points?|lesions?|knees?|joints?|breasts?|limbs?|legs?|feet|foot"
    r"|hands?|quadrants?|muscles?|ears?|teeth|tooth|blocks?)\b", re.I)


def per_site(text: str, end: int) -> bool:
    """Whether the amount ending at `end` is given at each of several sites."""
    return PER_SITE_AFTER.match(text, end) is not None


def phase_of(text: str, start: int, end: int) -> str | None:
    """The regimen phase named for the amount at start..end ('loading', 'induction'...), or None."""
    after = _PHASE_AFTER.match(text, end)
    if after:
        return after.lastgroup
    found = list(_PHASE_BEFORE.finditer(_clause_before(text, start)))
    return found[-1].lastgroup if found else None


def variable_dosing(text: str) -> bool:
    """Whether a text describes doses that vary by design (escalation, titration, cohorts)."""
    return bool(_VARIABLE.search(text))


# The route an amount is given by, stated right after it ("8 mg/m2 PO", "140 mg/m2 is given IV") or before it in
# its list item ("intrathecal cytarabine 30 mg/m2"): doses by different routes are different administrations.
# Upper-case only where the letters are also a word ("IT", "IP"); "IV" after "stage", "part"... is a numeral.
ROUTES = (
    ("intravenous", r"intravenous(?:ly)?|i\.v\b\.?|(?<!stage\s)(?<!grade\s)(?<!phase\s)(?<!type\s)(?<!class\s)"
                    r"(?<!part\s)(?<!arm\s)(?<!group\s)(?<!cohort\s)\biv(?:pb)?\b"),
    ("oral", r"oral(?:ly)?|p\.o\b\.?|\bpo\b|per\s+os|by\s+mouth"),
    ("intrathecal", r"intrathecal(?:ly)?|i\.t\b\.?|(?-i:\bIT\b)"),
    ("subcutaneous", r"sub-?cutaneous(?:ly)?|s\.c\b\.?|\bsc\b|\bsq\b|s\.q\b\.?"),
    ("intramuscular", r"intramuscular(?:ly)?|i\.m\b\.?|\bim\b"),
    ("topical", r"topical(?:ly)?"),
    ("intravitreal", r"intravitreal(?:ly)?|\bivt\b"),
    ("intraperitoneal", r"intraperitoneal(?:ly)?|i\.p\b\.?|(?-i:\bIP\b)|\bhipec\b|\bpipac\b"),
    ("inhaled", r"inhal(?:ed|ation)|nebuli[sz]ed"),
    ("intranasal", r"intranasal(?:ly)?|nasal(?:ly|\s+spray)"),
    ("rectal", r"rectal(?:ly)?|per\s+rectum"),
    ("sublingual", r"sublingual(?:ly)?"),
    ("transdermal", r"transdermal(?:ly)?"),
    ("intravesical", r"intravesical(?:ly)?"),
    ("intra-arterial", r"intra-?arterial(?:ly)?"),
    ("intratumoral", r"intra-?tumou?ral(?:ly)?"),
    ("intradermal", r"intra-?dermal(?:ly)?"),
)
_ROUTE = re.compile(r"(?<![\w-])(?:" + "|".join(f"(?P<{name.replace('-', '_')}>{words})" for name, words in ROUTES)
                    + r")(?![\w-])", re.I)
_ROUTE_OR = re.compile(r"\s*(?:or|/|and/or)\s*$", re.I)
# How far after and before an amount its route may stand.
ROUTE_AFTER = 30
ROUTE_BEFORE = 40
_ITEM_START = re.compile(r"[,;(\n]|[.:]\s")


def route_of(text: str, start: int, end: int, previous_end: int, next_start: int) -> str | None:
    """The route stated for the amount at start..end (between the amounts before and after it), or None
    when none is or two are offered ("40 mg PO or IVPB")."""
    after_end = min(next_start, end + ROUTE_AFTER)
    stop = text.find(";", end, after_end)
    found = list(_ROUTE.finditer(text, end, stop if stop >= 0 else after_end))
    if found:
        first = found[0]
        if len(found) > 1 and _ROUTE_OR.match(text[first.end():found[1].start()]):
            return None
        return first.lastgroup.replace("_", "-")
    before_start = max(previous_end, start - ROUTE_BEFORE, 0)
    cuts = list(_ITEM_START.finditer(text, before_start, start))
    found = list(_ROUTE.finditer(text, cuts[-1].end() if cuts else before_start, start))
    return found[-1].lastgroup.replace("_", "-") if found else None
