"""Trial-summary page saved or printed as text wrapped at a fixed width: a browser wraps a line after the hyphen
inside a word ('Non-' above, 'inferiority' below), and a registry's text also holds a hyphen before a space
('post- surgical', 'HER2- Unresectable'); which of the two a line ending in a word's hyphen is the page cannot tell.
A hyphen that stands for a word left out ('pre- and post-operative') is followed by its conjunction: that line
break is a space."""
from __future__ import annotations

import re

# A line that ends in a word's hyphen ('self-', 'HER2-'), and a line that starts with a word or number.
_ENDS_IN_HYPHEN = re.compile(r"[^\W_]-$")
_STARTS_WITH_WORD = re.compile(r"[^\W_]")
# Words after a hyphen that stands for a word left out ('pre- and post-', 'first- or second-line', '10- to 15-').
_AFTER_SUSPENDED_HYPHEN = frozenset({"and", "or", "nor", "to", "vs", "vs.", "versus", "through"})


def hyphen_undecided(upper: str, lower: str) -> bool:
    """Whether two wrapped lines may be one word wrapped at its hyphen or two words with a space after the hyphen:
    the upper ends in a word's hyphen and the lower starts with a word that is no conjunction."""
    upper, lower = upper.rstrip(), lower.strip()
    return bool(_ENDS_IN_HYPHEN.search(upper) and _STARTS_WITH_WORD.match(lower)
                and lower.split()[0].lower() not in _AFTER_SUSPENDED_HYPHEN)
