"""Contact details written into free text, masked wherever trialqc quotes a record: issue messages and evidence,
reject and load-problem details.

The personal-data columns (warehouse.tables.PERSONAL_COLUMNS) are never quoted at all. A record may still give a
contact's email or phone where no contact belongs: in a description ("questions to j.roe@example.org"), an id,
or a count a page mistyped ("Enrollment: +8801811237435"). An email address is always masked; a phone number when
it is written as one (led by '+', by a word that names a phone, or with its area code in brackets), holds 9 to 15
digits (7 after such a word) and no decimal, so that a dose range, a statistic, a date or a EudraCT number is
quoted as it stands.
"""
from __future__ import annotations

import re

import pyarrow as pa
import pyarrow.compute as pc

EMAIL_SHOWN = "<email>"
PHONE_SHOWN = "<phone>"
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_NUMBER = r"\d[\d ()./-]{6,24}\d"
_PHONE = re.compile(
    rf"(?<![\w+])(\+{_NUMBER})"  # +8801811237435, +1 (713) 563-3534
    rf"|(?i:\b(?:phone|telephone|tel|mobile|cell|fax|call)\b\.?(?:[ \t]*(?:no\.?|number|#))?[ \t]*:?[ \t]*)"
    rf"(\(?{_NUMBER})"  # Tel: 020 7946 0958
    r"|(?<!\w)(\(\d{3}\)[ \t]?\d{3}[ .-]\d{4})(?!\d)")  # (713) 563-3534
# What a text must hold to hold either (RE2, over a whole column at once): most texts hold neither.
_MAY_HOLD = r"@|\+\d|\(\d{3}\)|(?i:phone|tel|mobile|cell|fax|call)"
# Digits a phone number holds: 9 to 15 (E.164's most); 7 after a word that names a phone (a local "555-0100").
_DIGITS = {1: range(9, 16), 2: range(7, 16), 3: range(10, 11)}
# A decimal (a point before one or two digits that end a group): a statistic, "+12.5 (10.3-14.7)", not a phone.
_DECIMAL = re.compile(r"\d\.\d{1,2}(?!\d)")


def _phone(match: re.Match) -> str:
    group = match.lastindex
    number = match.group(group)
    if (sum(c.isdigit() for c in number) not in _DIGITS[group] or number.count("(") != number.count(")")
            or _DECIMAL.search(number)):
        return match.group(0)
    return match.group(0)[: match.start(group) - match.start()] + PHONE_SHOWN


def masked(text: str | None) -> str | None:
    """The text with every email address and every phone number written as one masked."""
    if not text:
        return text
    if "@" in text:
        text = _EMAIL.sub(EMAIL_SHOWN, text)
    return _PHONE.sub(_phone, text)


def masked_column(values: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """`masked` over a string column; the column itself when no value may hold a contact detail."""
    if len(values) == 0:
        return values
    may_hold = pc.fill_null(pc.match_substring_regex(values, _MAY_HOLD), False)
    if not pc.any(may_hold).as_py():
        return values
    return pa.array([masked(value) if hit else value for value, hit in zip(values.to_pylist(), may_hold.to_pylist())],
                    values.type)
