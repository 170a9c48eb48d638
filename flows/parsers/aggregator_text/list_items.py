"""meddatax lists of names (conditions, countries) as a copied or printed page may give them: each item after a list
mark the site does not show ('• Scleroderma', '▪ Bangladesh', '1. Asthma'). A name is loaded without its mark."""
from __future__ import annotations

import re

# A bullet of a copied list (a bullet, a middle dot, a square, a star or a dash) and the space after it.
_BULLET = re.compile(r"^[\u2022\u00b7\u25aa\u25cf\u25e6\u2023\u2043*\-\u2013]\s+(?=\S)")
# A list number ('1.', '2)') and the space after it: a mark only where the lines count 1, 2, 3... in order.
_NUMBER = re.compile(r"^(\d{1,3})[.)]\s+(?=\S)")


def list_items(lines: list[str]) -> list[str]:
    """The names of a list (non-blank lines, stripped), each without its bullet, or its number when every line is
    numbered in order from 1 ('1. Asthma' alone is a name that may start with a number: '22q11 deletion')."""
    items = [_BULLET.sub("", line) for line in lines]
    numbers = [_NUMBER.match(item) for item in items]
    if len(items) > 1 and all(match and int(match.group(1)) == at for at, match in enumerate(numbers, 1)):
        return [item[match.end():] for item, match in zip(items, numbers)]
    return items
