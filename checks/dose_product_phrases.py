"""The product an amount is of, as the words right after it name it ("33 grams gluten-free pasta", "5 g wheat
pasta"): a product said to lack what the study gives, one named with another qualifier than the other text's, and
the amounts of one serving's parts that together make the other text's amount."""
from __future__ import annotations

import re
from typing import Iterable, Mapping, NamedTuple

from checks.dose_agreement import Dose
from checks.dose_text import parse_doses
from checks.drug_names import FORM_WORDS
from checks.drug_other_amounts import LEAD_INS, LIST_LEAD_INS, OF_NOT_A_SUBSTANCE


class Product(NamedTuple):
    """The words naming what an amount is of: a qualifier (None when the noun stands alone) and a noun."""

    qualifier: str | None
    noun: str


# Words that name no product after an amount: forms, routes, frequencies and the words that lead into a dose ("33
# grams daily", "5 mg tablets", "10 mg per day").
_NOT_A_PRODUCT = FORM_WORDS | LEAD_INS | LIST_LEAD_INS | OF_NOT_A_SUBSTANCE | frozenset({
    "per", "a", "an", "every", "times", "bid", "tid", "qid", "qd", "od", "daily", "nightly", "morning", "evening",
    "bedtime", "containing", "contains", "which", "that", "in", "on", "for", "with", "without", "or", "and", "to",
    "serving", "servings", "portion", "portions",
})
# The words of a product's form: "sugar-free chewable tablets" is the drug's own product.
_FORM_NOUNS = frozenset({
    "tab", "tabs", "tablet", "tablets", "capsule", "capsules", "cap", "caps", "injection", "infusion", "solution",
    "suspension", "cream", "gel", "patch", "powder", "inhaler", "spray", "drops", "syrup", "liquid", "chewable",
    "lozenge", "lozenges", "gum", "ointment", "lotion", "formulation", "preparation", "version", "elixir", "film",
})
# The words right after an amount, after "of" or "of the" ("33 grams of gluten-free pasta"), up to the first mark
# that is no letter, hyphen or blank.
_WORDS_AFTER = re.compile(r"[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?([a-z][a-z \t-]{0,60})", re.I)
_WORD = re.compile(r"[a-z][a-z-]*[a-z]|[a-z]", re.I)


def _words_after(text: str, end: int) -> list[str]:
    """The lower-case words right after offset `end`, up to the first mark that is no letter, hyphen or blank."""
    m = _WORDS_AFTER.match(text, end)
    return [w.lower() for w in _WORD.findall(m.group(1))] if m else []


def _singular(noun: str) -> str:
    """The noun without a plural's final s ("servings": "serving"; not "glass")."""
    return noun[:-1] if len(noun) > 3 and noun.endswith("s") and not noun.endswith("ss") else noun


def product_after(text: str, end: int) -> Product | None:
    """The product named right after an amount ending at `end`: a qualifier and a noun ("gluten-free pasta"), or a
    noun alone ("pasta daily"); None where the words after it name none ("daily", "tablets", "of X" a form)."""
    words = _words_after(text, end)[:2]
    if not words or words[0] in _NOT_A_PRODUCT:
        return None
    if len(words) == 1 or words[1] in _NOT_A_PRODUCT:
        return Product(None, _singular(words[0]))
    return Product(words[0], _singular(words[1]))


def _name_words(drugs: Mapping[str, str]) -> frozenset[str]:
    """The words of the study's drug names and drug words, hyphenated ones split too, less forms and routes."""
    words = {w for text in (*drugs, *drugs.values()) for w in re.findall(r"[a-z][a-z-]*[a-z]", text.lower())}
    words |= {part for w in words for part in w.split("-")}
    return frozenset(w for w in words if len(w) > 2 and w not in FORM_WORDS)


# A product said to lack something, right after an amount: "33 grams gluten-free pasta", "non-wheat pasta".
_FREE = re.compile(r"[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?(?:(?P<free>[a-z]+)[ \t-]free|non-(?P<non>[a-z]+))\b", re.I)
# A product said to be made without something: "33 grams pasta without wheat", "bread free of gluten".
_WITHOUT = re.compile(r"[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?(?P<noun>[a-z][a-z-]*)[ \t]+(?:without|free[ \t]+(?:of|from)"
                      r"|devoid[ \t]+of)[ \t]+(?P<word>[a-z]+)", re.I)


def lacking_product(text: str, dose: Dose, drugs: Mapping[str, str]) -> bool:
    """Whether the amount is of a product said to lack something, not of the study's drug: free of a word of the
    drug's name or made without it ("33 g wheat-free pasta", "non-wheat pasta", "pasta without wheat" in a study of
    wheat-containing food), or free of anything when no drug or form of it is named after ("33 grams gluten-free
    pasta"; not "5 mg preservative-free morphine" nor "400 mg sugar-free chewable tablets")."""
    if (free := _FREE.match(text, dose.end)) is not None:
        lacked = (free["free"] or free["non"]).lower()
        if (f"{lacked}-free" if free["free"] else f"non-{lacked}") in drugs:
            return False  # the study's own product ("Gluten-free diet": "200 g gluten-free bread")
        if lacked in _name_words(drugs):
            return True
        following = _words_after(text, free.end())[:3]
        return free["free"] is not None and bool(following) and following[0] not in _NOT_A_PRODUCT \
            and not any(w in drugs or w in _FORM_NOUNS for w in following)
    if (without := _WITHOUT.match(text, dose.end)) is not None:
        noun = without["noun"].lower()
        return noun not in drugs and noun not in _NOT_A_PRODUCT and without["word"].lower() in _name_words(drugs)
    return False


def otherwise_qualified(text: str, dose: Dose, others: Iterable[str | None], drugs: Mapping[str, str]) -> bool:
    """Whether the amount is of a product the other texts' amounts name with the same noun but another qualifier,
    none sharing a word with it ("33 grams rice pasta" against "38 grams wheat-containing pasta"; not "5 grams
    wheat pasta"): another product than theirs. Not where an other text names the noun alone or the words are the
    study's drug words."""
    own = product_after(text, dose.end)
    if own is None or own.qualifier is None or own.qualifier in drugs or own.noun in drugs:
        return False
    qualifiers = [p.qualifier for other in others if other for d in parse_doses(other)
                  if (p := product_after(other, d.end)) is not None and p.noun == own.noun]
    own_words = set(own.qualifier.split("-"))
    return bool(qualifiers) and all(q is not None and not own_words & set(q.split("-")) for q in qualifiers)


# What joins the amounts of one serving's parts: "5 grams wheat pasta and 33 grams gluten-free pasta".
_PART_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|plus\s+)?|and\s+|plus\s+|\+\s*)", re.I)


def serving_parts(text: str, dose: Dose) -> list[Dose]:
    """The amounts of one serving's parts the amount is listed among: amounts of one unit, each right before a
    product of the same noun, joined by "and", "plus" or commas ("5 grams wheat pasta and 33 grams gluten-free
    pasta"); none where the amount is listed with no other so."""
    own = product_after(text, dose.end)
    if own is None:
        return []
    run: list[Dose] = []
    for d in parse_doses(text):
        product = product_after(text, d.end)
        if d.unit != dose.unit or product is None or product.noun != own.noun:
            if any(p.end == dose.end for p in run):
                break
            run = []
            continue
        if run and not _joined(text, run[-1], d):
            if any(p.end == dose.end for p in run):
                break
            run = []
        run.append(d)
    return run if len(run) > 1 and any(p.end == dose.end for p in run) else []


def _joined(text: str, before: Dose, after: Dose) -> bool:
    """Whether the amount `after` follows the product named after `before` with only a joining word between."""
    product, words = product_after(text, before.end), _WORDS_AFTER.match(text, before.end)
    if product is None or words is None:
        return False
    count = 1 if product.qualifier is None else 2
    named = [m.end() for m in _WORD.finditer(text, words.start(1), after.start)][:count]
    return len(named) == count and _PART_JOIN.fullmatch(text, named[-1], after.start) is not None
