"""Amounts a text ties to another substance than its product: a constituent listed after the product's own amount
("750 mg/d cocoa extract, including 75 mg (-)-epicatechin, and 90 mg theobromine") or a background drug the
product is given with ("RVT-101 adjunct to 5 mg or 10 mg donepezil")."""
from __future__ import annotations

import re
from typing import Mapping

from checks.dose_agreement import Dose
from checks.drug_other_amounts import LIST_LEAD_INS

# Words that lead into amounts of other substances: a product's constituents, or the drug it is added to ("each of
# which contains 600 mg" is each unit's strength, not a constituent's).
_LEAD = re.compile(r"\b(?:including|includes|incl\.|(?<!each\s)(?<!all\s)of\s+which|adjunct(?:ive)?\s+to"
                   r"|add[\s-]?on\s+to|added\s+to|in\s+addition\s+to|on\s+top\s+of|on\s+(?:a\s+)?background\s+of)\s",
                   re.I)
# How far before the amount the lead may stand (other items of its list between), and what ends its reach.
LEAD_WINDOW = 60
_BREAK = re.compile(r"[.;!?](?:\s|$)|\n")
# Amounts listed after the amount ("5 mg or 10 mg donepezil"), then the name they are of.
_AMOUNT = r"\d+(?:[.,]\d+)?\s*(?:mg|g|mcg|µg|μg|ug|iu|units?|ml|mmol)\b"
_NAME_AFTER = re.compile(
    rf"(?:\s*(?:,|/|-|\bor\b|\band\b|\bto\b)\s*{_AMOUNT})*\s*(?:of\s+)?[(+\-)]*(?P<name>[a-z][\w-]*)", re.I)
# Words after an amount that name no substance: its unit form, route, frequency, phase or period.
_NOT_NAMES = LIST_LEAD_INS | frozenset({"per", "a", "an", "every", "day", "bid", "tid", "qid", "qd", "od", "x",
                                        "on", "for", "in", "at", "up", "morning", "evening", "night", "bedtime"})


# A substance joined on to the product with its amount in brackets: "Letrozole 2.5 daily plus calcium (1000-1200 mg)
# and vitamin D (400-800 IU)".
_JOINED_IN_BRACKETS = re.compile(r"(?:\bplus|\bwith|\band|\+)\s+(?P<name>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s*\(\s*$",
                                 re.I)


def of_other_substance(text: str, dose: Dose, drugs: Mapping[str, str]) -> bool:
    """Whether an amount, after a word that leads into another substance's ("including", "adjunct to"), names a
    substance that is none of the study's drugs: a constituent's or a background drug's, not the product's dose; or
    is in brackets after such a substance joined on ("plus calcium (1000-1200 mg)")."""
    before = text[max(0, dose.start - LEAD_WINDOW):dose.start]
    joined = _JOINED_IN_BRACKETS.search(before)
    if joined and not any(w in drugs or w in _NOT_NAMES for w in joined.group("name").lower().split()):
        return True
    leads = list(_LEAD.finditer(before))
    if not leads or _BREAK.search(before, leads[-1].end()):
        return False
    named = _NAME_AFTER.match(text, dose.end)
    if named is None:
        return False
    word = named.group("name").lower()
    return word not in drugs and word not in _NOT_NAMES
