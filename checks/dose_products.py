"""The product an amount is of, named with it ("nicotine patch 21 mg", "4 mg nicotine gum", "160/4.5 mcg, 2
inhalations"), and the routes each product is given by."""
from __future__ import annotations

import re

# The product an amount is of, named with it: a drug's products ("nicotine patch 21 mg", "nicotine gum 4 mg",
# "testosterone gel 50 mg", "1000 mg injection") are different administrations, whose amounts are not compared.
AMOUNT_FORMS = (
    ("patch", r"patch(?:es)?|plasters?|transdermal\s+system"),
    ("gum", r"(?:chewing\s+)?gums?"),
    ("lozenge", r"lozenges?|pastilles?|troches?"),
    ("inhaler", r"inhalers?|puffs?|inhalations?|actuations?|turbuhaler|diskus|ellipta|handihaler|respimat|breezhaler"
                r"|genuair|(?-i:p?MDI|DPI|HFA)"),
    ("nebulizer", r"nebuli[sz](?:er|ed|ation)s?|nebules?"),
    ("spray", r"sprays?"),
    ("gel", r"gels?"),
    ("cream", r"creams?"),
    ("ointment", r"ointments?"),
    ("suppository", r"suppositor(?:y|ies)"),
    ("enema", r"enemas?"),
    ("implant", r"implants?"),
    ("injection", r"injections?|injectable|depot"),
    ("tablet", r"tablets?|capsules?|pills?|softgels?|caplets?"),
)
_FORM_GROUPS = "|".join(f"(?P<{name}>{words})" for name, words in AMOUNT_FORMS)
# Right after the amount, at most two words on ("21 mg patch", "4 mg nicotine gum", "160/4.5 mcg, 2 inhalations"),
# none of them one that starts another item ("21 mg and nicotine gum 4 mg").
_FORM_RIGHT_AFTER = re.compile(
    r"\s*[,(]?\s*(?:(?:\d{1,2}|one|two|three|four)\s+)?(?:(?!(?:and|or|plus|with|then|vs|versus|followed)\b)"
    rf"[a-z][\w-]*\s+){{0,2}}?(?:{_FORM_GROUPS})(?![\w-])", re.I)
# ... or before it in its item, after the amount before ("Nicotine patch 21 mg", "Testosterone gel 50 mg").
_FORM_BEFORE = re.compile(rf"(?<![\w-])(?:{_FORM_GROUPS})(?![\w-])", re.I)
_FORM_ITEM_START = re.compile(r"[,;(\n]|[.:]\s")
# How far before an amount its product may be named, and after it (two words and a count on).
PRODUCT_BEFORE, PRODUCT_AFTER = 40, 40
# A part of every word AMOUNT_FORMS reads.
_FORM_PARTS = ("patch", "plaster", "transdermal", "gum", "lozeng", "pastille", "troche", "inhal", "puff", "actuation",
               "haler", "diskus", "ellipta", "respimat", "genuair", "mdi", "dpi", "hfa", "nebul", "spray", "gel",
               "cream", "ointment", "suppositor", "enema", "implant", "inject", "depot", "tablet", "capsule", "pill",
               "softgel", "caplet")
# The routes each product is given by: an amount of one product and an amount by a route it is not given by are
# different administrations ("estradiol patch 50 mcg/day" and "estradiol 2 mg orally").
FORM_ROUTES = {
    "patch": frozenset({"transdermal", "topical"}),
    "gum": frozenset({"buccal", "oral", "sublingual"}),
    "lozenge": frozenset({"buccal", "oral", "sublingual"}),
    "inhaler": frozenset({"inhaled", "intranasal"}),
    "nebulizer": frozenset({"inhaled"}),
    "spray": frozenset({"intranasal", "sublingual", "buccal", "topical", "inhaled"}),
    "gel": frozenset({"topical", "transdermal", "vaginal", "rectal", "intranasal"}),
    "cream": frozenset({"topical", "vaginal", "rectal"}),
    "ointment": frozenset({"topical", "rectal"}),
    "suppository": frozenset({"rectal", "vaginal"}),
    "enema": frozenset({"rectal"}),
    "implant": frozenset({"subcutaneous", "intravitreal", "intradermal", "vaginal"}),
    "injection": frozenset({"intravenous", "subcutaneous", "intramuscular", "intrathecal", "intravitreal",
                            "intraperitoneal", "intra-arterial", "intratumoral", "intradermal", "intravesical"}),
    "tablet": frozenset({"oral", "sublingual", "buccal", "vaginal"}),
}


def product_form(text: str, start: int, end: int, previous_end: int) -> str | None:
    """The product the amount at start..end is said to be of ('patch', 'gum', 'inhaler', 'tablet'...), named right
    after it or before it in its item (after the amount before, `previous_end`), or None."""
    before_start = max(previous_end, start - PRODUCT_BEFORE, 0)
    near = text[before_start:end + PRODUCT_AFTER].lower()
    if not any(part in near for part in _FORM_PARTS):  # most amounts name no product
        return None
    after = _FORM_RIGHT_AFTER.match(text, end)
    if after:
        return after.lastgroup
    cuts = list(_FORM_ITEM_START.finditer(text, before_start, start))
    found = list(_FORM_BEFORE.finditer(text, cuts[-1].end() if cuts else before_start, start))
    return found[-1].lastgroup if found else None
