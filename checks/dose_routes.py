"""The route an amount is given by, stated right after it ("8 mg/m2 PO", "140 mg/m2 is given IV") or before it in
its list item ("intrathecal cytarabine 30 mg/m2")."""
from __future__ import annotations

import re

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
