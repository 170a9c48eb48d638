"""The hyphens records write inside a word, and patterns that read every one of them."""
from __future__ import annotations

# The hyphens records write inside a word ("non-randomized"): the ASCII one, and the hyphen, non-breaking hyphen,
# figure dash, en dash, em dash, minus sign and soft hyphen that text pasted from a word processor carries
# ("non\u2010randomized", "double\u2013blind", "Double\u2014Blind", "double\u00adblind"), joined or spaced ("Open \u2014
# Label").
HYPHENS = "\\-\u2010\u2011\u2012\u2013\u2014\u2212\u00ad"
# A space or one of those hyphens, as a character class.
_SPACE_OR_HYPHEN = f"[\\s{HYPHENS}]"


# Each of those hyphens as the ASCII one, character for character (offsets stay): what the patterns of a sentence's
# context (checks.study_context: "Single\u2010arm study of drug X" opens with the study) read.
_TO_ASCII_HYPHEN = str.maketrans({c: "-" for c in HYPHENS if not c.isascii()})


def ascii_hyphens(text: str) -> str:
    """The text with every hyphen of HYPHENS written as the ASCII one, at the same offsets."""
    return text if text.isascii() else text.translate(_TO_ASCII_HYPHEN)


def hyphens_wide(pattern: str) -> str:
    """The pattern with each class of a space or an ASCII hyphen (`[\\s-]`) reading every hyphen of HYPHENS too."""
    return pattern.replace(r"[\s-]", _SPACE_OR_HYPHEN)
