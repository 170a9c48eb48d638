"""Typed reads of ClinicalTrials.gov API v2 JSON fields: a text or list of the wrong type reads as missing; a
boolean, or a studies text column (`column_text`), of the wrong type is refused (kept raw and flagged)."""
from __future__ import annotations

import json

from flows.parsers import labels
from flows.parsers.model import Refused


def section(node: object, *keys: str) -> dict:
    """The object at `keys` under `node`, or {} when any step is missing or not an object."""
    for key in keys:
        node = node.get(key) if isinstance(node, dict) else None
    return node if isinstance(node, dict) else {}


def items(value: object) -> list:
    """A JSON array as a list; a lone value as a one-item list; nothing as []."""
    if isinstance(value, list):
        return value
    return [] if value is None or isinstance(value, dict) else [value]


def objects(value: object) -> list[dict]:
    """The objects of a JSON array of objects, skipping anything else (a lone value is no array of objects)."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def text(value: object) -> str | None:
    """A non-blank string as given; numbers as their text; anything else None."""
    if type(value) is str:
        return value if value and not value.isspace() else None
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def texts(value: object) -> list[str]:
    """The non-blank strings of a JSON array."""
    found = []
    for item in items(value):
        if type(item) is str and item and not item.isspace():  # the usual case, without a call
            found.append(item)
        elif (item := text(item)) is not None:
            found.append(item)
    return found


def integer(value: object) -> object:
    """An integer, or a string of digits, as int; other text or numbers as given, for validation to
    refuse and keep (enrollment 'abc'); nothing as None."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return text(value) if isinstance(value, (str, float)) else None


def column_text(value: object) -> str | Refused | None:
    """`text`, for a value that goes straight into a column: an object, a list or a boolean is refused as given
    (kept raw and flagged by validation) instead of read as missing."""
    if isinstance(value, (dict, list, bool)):
        return Refused(json.dumps(value, ensure_ascii=False), "text")
    return text(value)


def boolean(value: object) -> bool | Refused | None:
    """A JSON boolean, or 'Yes'/'No' text, as bool; any other value is refused as given (kept raw and flagged
    by validation), never read as missing."""
    if isinstance(value, bool):
        return value
    if value is None:
        return None
    if isinstance(value, str):
        return labels.yes_no(value, BOOLEAN)
    return Refused(json.dumps(value, ensure_ascii=False), BOOLEAN)


BOOLEAN = "a JSON boolean, true or false"
