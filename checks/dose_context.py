"""What the words around a stated amount say about it: a unit strength, a count of units,
the regimen phase it belongs to, or doses that vary by design. Tables of small patterns."""
from __future__ import annotations

import re
from functools import lru_cache

_FORMS = (r"(?:tablets?|tabs?|capsules?|caps?|pills?|softgels?|caplets?|sachets?|vials?|ampoules?"
          r"|puffs?|inhalations?|sprays?|drops?|patch(?:es)?|suppositor(?:y|ies)|injections?|lozenges?"
          r"|films?(?![\w-]))")
COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
               "nine": 9, "ten": 10, "single": 1}
_COUNT = r"(?P<n>\d{1,2}|" + "|".join(COUNT_WORDS) + r")"
# How far back a count or a strength phrase may stand from the amount it qualifies.
LOOKBACK = 60

# A count of units before the amount: "two tablets (alendronate 10 mg)", "2 capsules containing
# 100 mg", "2 x 10 mg", "two 10 mg tablets" (the last needs the form word after the amount), "two puffs of
# budesonide/formoterol 160/4.5 µg" (a combination's names joined).
# "N x amount" may also be N administrations of the amount ("3 x 100 µg in three weeks").
TIMES_BEFORE = re.compile(r"\d{1,2}\s*[x×*]", re.I)
COUNTS_BEFORE = (
    re.compile(rf"(?<![\w.,])(?P<n>\d{{1,2}})\s*[x×*]\s*$", re.I),
    re.compile(rf"(?<![\w.,/]){_COUNT}\s+{_FORMS}\s*(?:\(|,|:|of|each|containing|with|contains)?\s*"
               r"(?:(?:each\s+)?(?:containing|contains|of|with)\s+)?(?:[a-z][\w/+-]*\s+){0,2}\(?$", re.I),
)
_COUNT_WORD_BEFORE = re.compile(rf"\b(?P<n>{'|'.join(COUNT_WORDS)})\s+$", re.I)
_FORM_AFTER = re.compile(rf"\s*{_FORMS}\b", re.I)

# A unit strength, not a dose: "50 mg/capsule", "capsules containing 100 mg",
# "a tablet with a dose strength of 250 mg", "available as 10 mg tablets".
STRENGTH_AFTER = (
    re.compile(rf"\s*(?:/|per\s+|a\s+|each\s+|in\s+(?:each|one|a|every)\s+){_FORMS}", re.I),
    # A syrup's or a suspension's strength in a spoonful or a vial's in its volume: "250 mg/5 mL", "8 mg per 2 mL"
    # (a bag's volume, "4 mg/100 mL", is not one).
    re.compile(r"\s*(?:/|per\s+)\s*(?:[1-5](?:\.\d+)?|0?\.\d+)\s*(?:ml|cc)\b", re.I),
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
# ... and the role of a dose given after a graft (as GVHD prophylaxis), apart from the same drug's conditioning dose
# ("post-transplant cyclophosphamide 50 mg/kg" against "cyclophosphamide 14.5 mg/kg" of a conditioning regimen).
POST_TRANSPLANT = "post_transplant"
_POST_TRANSPLANT_WORDS = r"post[\s-]?(?:transplant(?:ation)?|hct|hsct|sct|asct|bmt|grafting)|ptcy|pt[\s-]cy"
_PHASE_BEFORE = re.compile(
    r"\b(?:" + "|".join(f"(?P<{name}>{words})" for name, words in (*PHASES, (POST_TRANSPLANT, _POST_TRANSPLANT_WORDS)))
    + r")\b", re.I)
# ... or right after it as a kind of dose: "400 mg loading dose", "200 mg as maintenance".
PHASES_AFTER = (
    ("loading", r"loading|load|starting|initial|priming"),
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
# A part of every word or sign VARIABLE_DOSING reads: a text with none of them is read no further.
_VARIABLE_PARTS = ("escalat", "titrat", "taper", "level", "cohort", "increas", "decreas", "reduc", "raise",
                   "adjust", "step", "ramp", "ascen", "+", "starting")
_NUMBER_CLUES = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|single)\b", re.I)


@lru_cache(maxsize=256)  # each amount's clause is read for its count, strength, phase, condition and totals
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


# A count of units after the amount: "(150 mg) x 2", "140 mg capsule x 3" (N units at once, or N administrations),
# not a duration ("x 6 cycles", "x 3 days") or a rate ("x 2/day").
TIMES_AFTER = re.compile(
    rf"\s*\)?\s*(?:{_FORMS}\s*)?[x×*]\s*(?P<n>\d{{1,2}})\b(?!\s*(?:[.,/-]|(?:days?|d|weeks?|wks?|w|months?|cycles?"
    r"|courses?|hours?|hrs?|h|min(?:utes?)?|years?|per|a|daily|weekly)\b))", re.I)
# ... or a count of units that the amount may be each of or all of: "100 µg, 2 puffs" (two puffs of 100 µg, or
# 100 µg as two puffs), "2.5 mg, three tablets per day", "160/4.5 mcg two inhalations twice daily".
LISTED_COUNT_AFTER = re.compile(rf"\s*[,(]?\s*{_COUNT}\s+{_FORMS}\b", re.I)


# A count right after the amount, with no comma or parenthesis before it ("4.5 mcg two inhalations"), and the
# characters it may start with.
_COUNT_FIRST = re.compile(rf"\s*{_COUNT}\s", re.I)
_COUNT_INITIALS = frozenset("0123456789" + "".join(w[0] + w[0].upper() for w in COUNT_WORDS))
# How far after the amount a count of units may end.
COUNT_AFTER = 40


def count_after(text: str, end: int) -> tuple[int, int, bool] | None:
    """(count, where the count ends, whether it surely multiplies) when a number of units follows the amount
    ending at `end`: "x 2" multiplies it, ", 2 puffs" may."""
    after = text[end:end + COUNT_AFTER]
    if ("x" in after or "×" in after or "*" in after) and (m := TIMES_AFTER.match(text, end)):
        return int(m.group("n")), m.end(), True
    first = after.lstrip()[:1]
    if (first in (",", "(") or first and first in _COUNT_INITIALS and _COUNT_FIRST.match(after)) \
            and (m := LISTED_COUNT_AFTER.match(text, end)):
        return _count(m.group("n")), m.end(), False
    return None


# The amount is a day's or a week's total, said before it ("a total daily dose of 1200 mg", "at daily doses of
# 2 µg/kg", "weekly dose of 15 mg") or after it ("900mg in two divided doses", "400 mg divided into two doses").
PERIOD_TOTAL_BEFORE = re.compile(
    r"\b(?P<period>daily|weekly)\s+(?:oral\s+|total\s+)?(?:doses?|dosages?|amount)\s*(?:of|:|=|is|was|will\s+be)?\s*$",
    re.I)
DIVIDED_AFTER = re.compile(
    r"[^.;\d]{0,30}?\b(?:(?:in|as|into)\s+(?:\w+\s+){0,2}?(?:divided|split|separate|equal)\s+doses"
    r"|(?:divided|split)\s+(?:in|into)\s+(?:\w+\s+)?doses)\b", re.I)


# The words one of which DIVIDED_AFTER reads ("Divided", "split"...), and how far after the amount it may stand.
_DIVIDED_WORDS = ("ivided", "plit", "eparate", "qual")
DIVIDED_WINDOW = 90


def period_total_before(text: str, start: int) -> float | None:
    """Administrations a day of the period whose total the amount at `start` is said to be (1 daily, 1/7 weekly)."""
    before = _clause_before(text, start)
    lower = before.lower()
    m = PERIOD_TOTAL_BEFORE.search(before) if "daily" in lower or "weekly" in lower else None
    if m is None:
        return None
    return 1.0 if m.group("period").lower() == "daily" else 1 / 7


def divided_after(text: str, end: int, limit: int) -> bool:
    """Whether the amount ending at `end` is said to be given in divided doses (before `limit`)."""
    after = text[end:min(limit, end + DIVIDED_WINDOW)]
    return any(word in after for word in _DIVIDED_WORDS) and DIVIDED_AFTER.match(text, end, limit) is not None


# The whole of several administrations or sites: "1500 mg in total", "total dose: 1500 mg", "a cumulative dose of",
# and a cycle's or a course's amount ("100 mg/m2 per cycle", "per course"), given on one or several of its days.
WHOLE_AFTER = re.compile(r"\s*\(?\s*(?:(?:in\s+)?total\b|(?:per|each|/)\s*(?:treatment\s+)?(?:cycle|course)\b)", re.I)
# A part of each word WHOLE_AFTER reads a whole by ("total", "cycle", "course"): most amounts have none after them.
_WHOLE_AFTER_PARTS = ("otal", "ycle", "ourse")
# How far after an amount the words of its whole end ("per treatment cycle").
WHOLE_AFTER_WINDOW = 28
_WHOLE_WORDS = ("total", "cumulative", "overall")
WHOLE_BEFORE = re.compile(
    r"\b(?:total|cumulative|overall)\s*(?:dose|amount|volume)?\s*(?:of|:|=)?\s*(?:up\s+to\s+)?$", re.I)


def whole_amount(text: str, start: int, end: int) -> bool:
    """Whether the amount at start..end is a whole made of several administrations or sites."""
    after = text[end:end + WHOLE_AFTER_WINDOW]
    if any(part in after for part in _WHOLE_AFTER_PARTS) and WHOLE_AFTER.match(text, end):
        return True
    before = _clause_before(text, start).lower()
    return any(word in before for word in _WHOLE_WORDS) and WHOLE_BEFORE.search(before) is not None


# The most that may be given, not the dose ("up to 10 mg", "maximum of 40 IU", "max. 4 g/day", "not to exceed
# 2 g", "no more than 8 mg", "≤ 10 mg", "titrated to a maximum of 8 mg", "a maximum daily dose of 4 g"): any dose
# within it agrees with it (titration, as-needed dosing, a ceiling).
_DOSE_WORD = r"(?:(?:tolerated|total|daily|cumulative|single|weekly|recommended|allowed|permitted)\s+)*"
CEILING_BEFORE = re.compile(
    r"(?:\bup\s+to(?:\s+(?:a\s+)?max(?:imum|imal)?\.?)?|\b(?:max(?:imum|imal)?|max\.)|\bnot\s+to\s+exceed"
    r"|\bnot\s+exceeding|\b(?:no|not)\s+more\s+than|\bat\s+(?:the\s+)?most|\btitrated\s+(?:up\s+)?to"
    r"|≤|<=|=<)"
    rf"\s*{_DOSE_WORD}(?:(?:doses?|dosages?|amount)\s*)?(?:\s(?:of|is|was|will\s+be)\b)?\s*[:=]?\s*\(?\s*$", re.I)
# ... or after it: "10 mg maximum", "4 g/day (max)", but not "2 mg (maximum 10 mg)", whose maximum is the next amount.
CEILING_AFTER = re.compile(r"\s*[(,]?\s*(?:max(?:imum|imal)?\b|max\.)(?![^\d.;)]{0,25}\d)", re.I)
_CEILING_WORDS = ("up to", "max", "exceed", "more than", "most", "titrated", "≤", "<=", "=<")
# How far before an amount its ceiling's words may start ("up to a maximum total daily dose of").
CEILING_BEFORE_WINDOW = 60


def ceiling(text: str, start: int, end: int) -> bool:
    """Whether the amount at start..end is the most that may be given rather than the dose."""
    after = text[end:end + 12].lower()
    if "max" in after and CEILING_AFTER.match(text, end):
        return True
    before = text[max(0, start - CEILING_BEFORE_WINDOW):start]
    lower = before.lower()
    return any(word in lower for word in _CEILING_WORDS) and CEILING_BEFORE.search(before) is not None


# The least that is given, not the dose ("at least 150 mg", "a minimum of 2 g", "no less than 10 mg", "≥ 5 mg"): it
# states no amount another dose could contradict.
FLOOR_BEFORE = re.compile(r"(?:\bat\s+least|\bminimum|\bmin\.|\b(?:no|not)\s+(?:less|fewer)\s+than|≥|>=)"
                          r"\s*(?:(?:dose|of)\s*)*[:=]?\s*$", re.I)
_FLOOR_WORDS = ("least", "minim", "min.", "less than", "fewer than", "≥", ">=")


def floor(text: str, start: int) -> bool:
    """Whether the amount at `start` is the least that is given rather than the dose."""
    before = text[max(0, start - CEILING_BEFORE_WINDOW):start]
    lower = before.lower()
    return any(word in lower for word in _FLOOR_WORDS) and FLOOR_BEFORE.search(before) is not None


# A schedule that changes later with no new amount ("2 mg every 4 weeks for 5 doses, then every 8 weeks", "0.5 mg
# monthly for 3 months, then as needed"): the amount is given at more than one frequency.
LATER_SCHEDULE = re.compile(
    r"\b(?:then|thereafter|followed\s+by|afterwards)\b[\s,]*(?:(?:given|administered|dosed|injected|continued"
    r"|extended|reduced)\s+(?:to\s+)?)?(?:every|each|weekly|monthly|daily|twice|once|q\d|as\s+needed|prn"
    r"|on\s+demand|bi-?weekly)\b", re.I)


_LATER_WORDS = ("then", "thereafter", "followed", "afterwards")
# How far after the amount its later schedule may stand.
LATER_WINDOW = 120


def later_schedule(text: str, end: int, limit: int) -> bool:
    """Whether the schedule of the amount ending at `end` changes later in its sentence (before `limit`), or
    another is given to some participants ("0.5 mg once daily (twice daily if weight > 75 kg)")."""
    after = text[end:min(limit, end + LATER_WINDOW)].lower()
    if any(word in after for word in _LATER_WORDS) and LATER_SCHEDULE.search(after) is not None:
        return True
    return any(word in after for word in _IF_WORDS) and OTHER_SCHEDULE_IF.search(after) is not None



# A dose for some participants only ("3 g for patients weighing 120 kg or more", "2 mg if eGFR < 60", "weight < 50
# kg: 15 mg/kg"): other participants may get another dose, so it contradicts nothing, though it may agree.
_WHO = r"(?:patients|participants|subjects|children|adults|those|women|men|infants|neonates|people|individuals)"
_MEASURE = (r"(?:weight|body\s*weight|bw|e?gfr|crcl|creatinine\s+clearance|age|bmi|bsa|platelets?|anc|renal"
            r"|hepatic|kidney|liver)")
_COMPARED = r"(?:[<>≤≥]|=<|>=|<=|(?:less|more|greater|lower|higher)\s+than|under|over|above|below|at\s+least)"
CONDITION_AFTER = re.compile(
    rf"\s*[(,;]?\s*(?:[\w.]+\s+){{0,2}}?(?:(?:for|in)\s+{_WHO}\s+(?:weighing|aged|older|younger|{_COMPARED}"
    rf"|with\s+(?:an?\s+)?(?:{_MEASURE}|moderate|severe|mild)\b)|(?:if|when|where|for)\s+(?:the\s+)?{_MEASURE}\b"
    rf"|(?:if|when)\s+{_WHO}\s+(?:weigh|are|is)\b"
    # "2.5 mg twice daily in patients meeting 2 of 3 dose-reduction criteria, otherwise 5 mg twice daily"
    rf"|(?:for|in)\s+{_WHO}\s+(?:who\s+)?(?:meet|meets|meeting|fulfil\w*|satisf\w*)\b[^.;]{{0,40}}?"
    r"\b(?:reduction|adjustment|modification)\b)", re.I)
# An amount given only where something holds, another otherwise, in its sentence: "2.5 mg if 2 of: age >= 80,
# creatinine >= 1.5; otherwise 5 mg" (a decimal point ends no sentence).
OTHERWISE_AFTER = re.compile(r"(?:[^.]|(?<=\d)\.(?=\d)){0,100}?[,;(]\s*otherwise\b", re.I)
OTHERWISE_WINDOW = 120
# Before the amount, a weight or an organ's function that sets it apart ("if eGFR < 60, 2 mg", "patients weighing
# 120 kg or more: 3 g"); an age or a BMI there is more often the arm's whole population ("Patients with BMI >= 30
# receive 2.4 mg").
_SETS_APART = r"(?:weight|body\s*weight|bw|e?gfr|crcl|creatinine\s+clearance|renal|hepatic|kidney|liver)"
CONDITION_BEFORE = re.compile(
    rf"(?:\b(?:if|when|for)\s+(?:the\s+)?{_MEASURE}\b|\b{_WHO}\s+(?:weighing|with\s+(?:an?\s+)?{_SETS_APART}\b)"
    rf"|\b{_SETS_APART}\s*{_COMPARED})[^.;]*$", re.I)

# Another schedule for some participants, after the amount's: "(twice daily if weight > 75 kg)", "or every 48 hours
# in patients with CrCl < 30", "(once daily for eGFR < 30)".
OTHER_SCHEDULE_IF = re.compile(
    r"(?:\(|\bor\b)\s*(?:once|twice|thrice|three\s+times|four\s+times|\d+\s*(?:times|x)|every|q\.?\d+\s*h|bid|tid"
    rf"|qid|daily|weekly)\b[^.;)]{{0,50}}?\b(?:(?:if|when)\b|(?:for|in)\s+(?:{_WHO}|(?:the\s+)?{_MEASURE})\b)", re.I)
_IF_WORDS = ("if ", "when ", "for ", "in ")


# A band of body weight, as pediatric doses are given by weight: "20 to <25 kg", "5-<15 kg", "≥ 40 kg", "40 kg or
# more" (not an amount per kg: "15 mg/kg").
_KG = r"\d+(?:\.\d+)?\s*kg\b"
_WEIGHT_BAND = (rf"(?:(?:[<>≤≥]|=<|>=|<=)\s*{_KG}|\d+(?:\.\d+)?\s*(?:kg\s*)?(?:-|–|to)\s*(?:[<>≤≥]|<=)?\s*{_KG}"
                rf"|{_KG}\s+(?:or|and)\s+(?:more|above|over|less|below|under)\b)(?!\s*/)")
# The band after the amount: "25 mg once daily for children 20 to <25 kg", "75 mg twice daily (14 to < 25 kg)".
WEIGHT_BAND_AFTER = re.compile(
    rf"[^.;\d]{{0,30}}?(?:\(|\b(?:for|in)\s+(?:{_WHO}\s+)?(?:weighing\s+)?|\b(?:weight|body\s*weight|bw|wt)\s*:?)\s*"
    rf"(?:weight|body\s*weight|bw|wt)?\s*:?\s*{_WEIGHT_BAND}", re.I)
# ... or before it in its clause: "15-24 kg: 2 tablets", "Weight 14 to <20 kg: abacavir 300 mg".
WEIGHT_BAND_BEFORE = re.compile(rf"{_WEIGHT_BAND}\s*\)?\s*[:=,]?[^.;:]*$", re.I)


def conditional(text: str, start: int, end: int) -> bool:
    """Whether the amount at start..end is given only to participants of some weight, age or organ function, or of
    a band of body weight ("25 mg for children 20 to <25 kg", "15-24 kg: 2 tablets")."""
    if CONDITION_AFTER.match(text, end):
        return True
    if "otherwise" in text[end:end + OTHERWISE_WINDOW].lower() and OTHERWISE_AFTER.match(text, end):
        return True
    before = _clause_before(text, start)
    if CONDITION_BEFORE.search(before) is not None:
        return True
    if "kg" not in text:
        return False
    return WEIGHT_BAND_AFTER.match(text, end) is not None or WEIGHT_BAND_BEFORE.search(before) is not None


# An amount of the element a salt carries, or of a salt's free base: "325 mg (65 mg elemental iron)", "500 mg
# elemental calcium", "40 mg free base". It is compared only with amounts stated the same way.
ELEMENT_AFTER = re.compile(r"\s*(?:of\s+)?(?:elemental|free[\s-]+base)\b", re.I)
ELEMENT_BEFORE = re.compile(r"\belemental\s+[a-z]+\s*[:=,]?\s*(?:of\s+)?$", re.I)


def of_the_element(text: str, start: int, end: int) -> bool:
    """Whether the amount at start..end is said of the element or free base a salt carries."""
    after = text[end:end + 20].lower()
    if ("elemental" in after or "base" in after) and ELEMENT_AFTER.match(text, end):
        return True
    before = _clause_before(text, start)
    return "lemental" in before.lower() and ELEMENT_BEFORE.search(before) is not None


# The same amount said again of the active part ("43.4 mg atorvastatin calcium, equivalent to 40 mg atorvastatin"):
# the second amount is another reading of the first.
EQUIVALENT_BETWEEN = re.compile(
    r"(?:\s+[a-z][\w-]*){0,3}\s*[(,]?\s*(?:which\s+is\s+|i\.e\.\s*)?(?:equivalent|equiv\.?|corresponding|equal)"
    r"\s+(?:to|of|with)\s+(?:about\s+|approximately\s+|~\s*)?", re.I)


_EQUIVALENT_WORDS = ("quiv", "orrespond", "qual")


def equivalent_between(text: str, end: int, start: int) -> bool:
    """Whether the amount ending at `end` is said to be equivalent to the amount starting at `start`."""
    return any(text.find(word, end, start) >= 0 for word in _EQUIVALENT_WORDS) \
        and EQUIVALENT_BETWEEN.fullmatch(text, end, start) is not None


# What a unit form's name may say of it first: "film-coated tablets", "extended-release capsules".
_RELEASE = (r"(?:(?:film|enteric|sugar)[\s-]?coated|coated|(?:extended|modified|delayed|prolonged|sustained"
            r"|controlled|immediate)[\s-]release|er|xr|sr|ir|oral|dispersible|orodispersible|chewable|hard|soft)")
# An amount naming its unit form ("Azithromycin 250 mg capsules") is the product's strength when the text
# doses in counts of that form other than one ("2 capsules on day one, then 1 capsule daily"): the dose is
# the count of units. Given as "one tablet twice daily", the amount is the dose.
_FORM_NAMED = re.compile(rf"\s*(?:{_RELEASE}\s+){{0,2}}(?P<form>{_FORMS})\b", re.I)
_FORM_NAMED_PLAINLY = re.compile(rf"\s*(?P<form>{_FORMS})\b", re.I)
# The first words of what a unit form's name may say of it first, and the word after an amount.
_RELEASE_WORDS = frozenset({"film", "enteric", "sugar", "coated", "extended", "modified", "delayed", "prolonged",
                            "sustained", "controlled", "immediate", "er", "xr", "sr", "ir", "oral", "dispersible",
                            "orodispersible", "chewable", "hard", "soft", "film-coated", "enteric-coated",
                            "sugar-coated", "extended-release", "modified-release", "delayed-release",
                            "prolonged-release", "sustained-release", "controlled-release", "immediate-release"})
_WORD_AFTER = re.compile(r"\s*([a-z][a-z-]*)", re.I)
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
    word = _WORD_AFTER.match(text, end)
    if word is None:
        return False
    named = (_FORM_NAMED if word.group(1).lower() in _RELEASE_WORDS else _FORM_NAMED_PLAINLY).match(text, end)
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


# An amount given as a bolus: "0.5 mg/kg bolus", "1 mcg/kg IV bolus", "as a bolus", "a bolus of 80 U/kg", "bolus
# dose: 10 mg/kg". Before an infusion's rate it is the infusion's loading dose.
_BOLUS_WAY = r"(?:(?:iv|i\.v\.?|intravenous(?:ly)?|single)\s+)?"
BOLUS_AFTER = re.compile(rf"\s*{_BOLUS_WAY}(?:as\s+an?\s+)?{_BOLUS_WAY}bolus\b", re.I)
BOLUS_BEFORE = re.compile(r"\bbolus(?:\s+(?:dose|injection))?\s*(?:of|:|=)?\s*(?:(?:iv|intravenous)\s+)?$", re.I)


def bolus(text: str, start: int, end: int) -> bool:
    """Whether the amount at start..end is said to be given as a bolus."""
    if "olus" not in text:
        return False
    return BOLUS_AFTER.match(text, end) is not None or BOLUS_BEFORE.search(_clause_before(text, start)) is not None


# A role named later in the amount's clause, before the next amount or step: "at weeks 0, 2 and 6 (induction)",
# "every 8 weeks as maintenance therapy", "on days 3 and 4 post-transplant", or the days counted from a graft's day 0
# ("on days +3 and +4" after it; "on days -6 and -5" before it, the conditioning, though not "from day -3", where a
# dose given on goes on past the graft). The induction of anaesthesia or of labour is no role.
ROLES_AFTER = (
    ("loading", r"loading"),
    ("maintenance", r"maintenance"),
    ("induction", r"(?<!labor\s)(?<!labour\s)(?:re-?)?induction(?!\s+of\b)"),
    ("consolidation", r"consolidation|intensification"),
    ("conditioning", r"(?<!ischemic\s)(?<!ischaemic\s)conditioning|myeloablat\w*|lymphodeplet\w*"
                     r"|pre[\s-]?transplant(?:ation)?|preparative"
                     r"|days?\s+[-−–]\s*\d"),
    ("mobilization", r"mobili[sz]ation"),
    (POST_TRANSPLANT, _POST_TRANSPLANT_WORDS + r"|days?\s*\+\s*\d"
                      r"|after\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}?(?:transplant(?:ation)?|hct|hsct|sct|bmt)"),
)
_ROLE_AFTER = re.compile(r"(?<![\w-])(?:" + "|".join(f"(?P<{name}>{words})" for name, words in ROLES_AFTER)
                         + r")(?![\w-])", re.I)
# The words that start the next step of a regimen: a role after them is that step's. So is a role on the next line
# that opens a list item or a paragraph ("Erlotinib 225mg D8-21 q3wks\n* Maintenance phase: Erlotinib 150mg").
_NEXT_STEP = re.compile(r"\b(?:then|followed\s+by|thereafter|subsequently|afterwards)\b|;"
                        r"|\n\s*(?:[*•·▪-]|\d{1,2}[.)]\s|\n)", re.I)
# Days counted on from before a graft ("from day -3", "starting on day -1"): the dose goes on past it, unless it ends
# before the graft ("from day -6 to day -2") or its conditioning is named.
_DAYS_ON_FROM = re.compile(r"\b(?:from|start\w*|begin\w*)\s+(?:on\s+)?days?\s+[-−–]\s*\d+"
                           r"(?!\s*(?:-|–|to|through|thru|until)\s*(?:days?\s*)?[-−–]\s*\d)", re.I)
# A role named as a time, not as the amount's ("0.15 mg/kg IV bolus at induction" of anaesthesia, "10 mg daily after
# induction", "until full mobilization"): the amount is not that role's dose.
_TIME_OF_ROLE = re.compile(r"\b(?:at|after|before|upon|until|till|following|prior\s+to|post|pre)\s+(?:[a-z]+\s+){0,2}$",
                           re.I)
_NAMED_CONDITIONING = re.compile(r"conditioning|myeloablat|lymphodeplet|pre[\s-]?transplant|preparative", re.I)
# A part of every word ROLES_AFTER reads, and how far after the amount its role may stand.
_ROLE_PARTS = ("loading", "mainten", "induc", "consolid", "intensif", "condition", "myeloabl", "lymphodepl", "transpl",
               "prepar", "mobili", "day", "ptcy", "pt-cy", "pt cy", "hct", "sct", "bmt", "graft")
ROLE_WINDOW = 60


def role_after(text: str, end: int, limit: int) -> str | None:
    """The regimen role named after the amount ending at `end` in its clause (before `limit`, the next amount or the
    sentence's end, and before the regimen's next step), or None where none is, or two are ("(induction and
    maintenance)")."""
    window = text[end:min(limit, end + ROLE_WINDOW)]
    lower = window.lower()
    if not any(part in lower for part in _ROLE_PARTS):
        return None
    step = _NEXT_STEP.search(window)
    window = window[:step.start()] if step else window
    roles = {m.lastgroup for m in _ROLE_AFTER.finditer(window) if not _TIME_OF_ROLE.search(window, 0, m.start())}
    if "conditioning" in roles and _DAYS_ON_FROM.search(window) and not _NAMED_CONDITIONING.search(window):
        roles.discard("conditioning")
    return roles.pop() if len(roles) == 1 else None


def phase_named_between(text: str, start: int, end: int) -> bool:
    """Whether a regimen phase is named between two amounts ("4 g IV, then 1 g/h")."""
    return _PHASE_BEFORE.search(text, start, end) is not None


def phase_of(text: str, start: int, end: int) -> str | None:
    """The regimen phase named for the amount at start..end ('loading', 'induction'...), or None."""
    after = _PHASE_AFTER.match(text, end)
    if after:
        return after.lastgroup
    found = list(_PHASE_BEFORE.finditer(_clause_before(text, start)))
    return found[-1].lastgroup if found else None


def variable_dosing(text: str) -> bool:
    """Whether a text describes doses that vary by design (escalation, titration, cohorts)."""
    lower = text.lower()
    return any(part in lower for part in _VARIABLE_PARTS) and _VARIABLE.search(text) is not None


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
    ("vaginal", r"(?:intra)?vaginal(?:ly)?|per\s+vagin(?:am|a)"),
    ("buccal", r"buccal(?:ly)?"),
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


# What ties a frequency stated before an amount to it: "once daily at 150 mg", "twice daily at a dose of 300 mg",
# "every 3 weeks (Q3W) at the dose of 200 mg", "once daily dosing of 0.5 mg", "daily (150 mg)", "once per day, 60 mg",
# with a route or words of how it is taken between ("orally twice daily with or without food at 300 mg"), never
# another name ("once daily, clopidogrel at 75 mg": the frequency may be another drug's). Not "at doses of" (levels),
# "at least 150 mg" or "at week 12".
_HOW_TAKEN = (r"given|administered|self-administered|taken|dosed|infused|injected|delivered|with\s+or\s+without"
              r"|with(?=\s+(?:food|meals?|water|breakfast))|without|food|meals?|water|in|the|morning|evening|before"
              r"|after|breakfast|lunch|dinner|supper|on|an|empty|stomach|fasting")
_TAKEN = r"(?<![\w-])(?:" + "|".join(words for _, words in ROUTES) + "|" + _HOW_TAKEN + r")(?![\w-])"
_DOSE_OF = (r"(?:(?:at|in|with)\s+(?:(?:a|the)\s+)?(?:(?:fixed|flat|single|standard|recommended|usual|oral)\s+)?"
            r"dos(?:e|age)|dosing)\s+(?:of\s+)?")
FREQUENCY_TIE = re.compile(
    rf"\.?[\s,)]*(?:{_TAKEN}[\s,()]*){{0,6}}(?:{_DOSE_OF}|at\s+|(?P<comma>,\s*)|(?P<paren>\(\s*))", re.I)
# How FREQUENCY_TIE ends, right before the amount: most amounts have none of these before them; and the words of
# them that end other words too ("treat", "beta").
_TIE_ENDS = ("(", ",", "dose", "dosage", "dosing", "at", "of")
_TIE_WORD_ENDS = ("at", "of")
TIE_WINDOW = 12
# Only a route or words of how it is taken between an amount and the frequency after it ("100 mg orally, once
# daily"): the frequency is that amount's.
_ONLY_TAKEN = re.compile(rf"[\s,()/]*(?:{_TAKEN}[\s,()/]*)*", re.I)


def may_be_tied(text: str, start: int) -> bool:
    """Whether a word that may tie a frequency before it to the amount at `start` stands right before it: most
    amounts have none."""
    before = text[max(0, start - TIE_WINDOW):start].rstrip().lower()
    if not before.endswith(_TIE_ENDS):
        return False
    return not before.endswith(_TIE_WORD_ENDS) or not before[-3:-2].isalpha()


def frequency_tie(text: str, end: int, start: int) -> str | None:
    """How the frequency ending at `end` is tied to the amount at `start`: '(' for a parenthesis ("daily (150 mg)"),
    ',' for a comma ("once per day, 60 mg"), 'at' for words ("at", "at a dose of"), or None when it is not."""
    m = FREQUENCY_TIE.fullmatch(text, end, start)
    if m is None:
        return None
    return "(" if m.group("paren") else "," if m.group("comma") else "at"


def only_taken_between(text: str, end: int, start: int) -> bool:
    """Whether nothing but a route or words of how it is taken stand between end and start ("100 mg orally, once
    daily")."""
    return _ONLY_TAKEN.fullmatch(text, end, start) is not None


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
