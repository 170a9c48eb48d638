"""How a phrase is written and found in a study's text: the marks a phrase's word carries (any letters after it,
two parts, an "s" after it, a number after a hyphen) and the regular expressions that find the phrases (phrase_pattern,
and phrase_prefilter before it)."""
from __future__ import annotations

from warehouse.search_terms import HYPHENS

# After a phrase's last word: any letters may follow it in a study's text (name_phrases).
ENDING = "*"
# Between the two parts of a word a query writes joined ("followup"), where a study writes them apart: a space or a
# hyphen (_word_pattern).
PARTS = "_"


# What may stand between two letters of a query's word in a study's text: the hyphen or the space of a name the
# query writes joined and the text in parts ("PDL1" finds "PD-L1" and "PD L1": those studies' index entries hold
# pdl, written after their text, and this finds the number beside its name).
_IN_A_WORD = f"[{HYPHENS} ]?"


# The characters whose accents, stripped, leave a letter, a digit or other ASCII, a hyphen or nothing (a combining
# mark): Latin letters with accents, the marks of every script, and the few signs whose decomposition is ASCII
# (Greek question mark, Kelvin and Angstrom signs, ≠ ≮ ≯, Greek varia). A text without any is its phrases' text as
# it is: what stripping changes in it (a Cyrillic or Greek letter's accent) stays a character no phrase holds
# (tests/test_search_spelling_variants.py holds this over the code points).
ACCENTED = r"[\x{C0}-\x{24F}\x{1E00}-\x{1EFF}\x{37E}\x{1FEF}\x{212A}\x{212B}\x{2260}\x{226E}\x{226F}\p{M}]"


def phrase_prefilter(phrases: tuple[str, ...]) -> str:
    """What a text holds, before its accents are stripped, where it holds any of the phrases after (phrase_pattern),
    found faster: the phrases without the characters that must stand before and after them (a pattern that begins
    with any character but a letter is tried at every character of a text: ten times the time), or a character
    stripping changes (ACCENTED). A text without it holds none of the phrases."""
    flags, _, core = _phrase_parts(phrases)
    return f"{flags}({core}|{ACCENTED})"


def phrase_pattern(phrases: tuple[str, ...]) -> str:
    """A regular expression finding any of the phrases in a text stripped of accents, in any case but where a phrase
    writes a capital (a single letter of a name written joined: "carT" finds "CART", not "cart"), their words apart
    as the index splits them (words of letters and digits: nothing in them to escape), a hyphen or a space allowed
    between two letters of a word (_IN_A_WORD). A ';' between two words parts them: it also joins a study's texts
    in its document, and no phrase runs from one into the next. Phrases of capitals only (acronyms) are found
    case by case throughout: half the time of a pattern in any case that makes each letter a capital."""
    flags, edge, core = _phrase_parts(phrases)
    return f"{flags}(^|{edge})({core})({edge}|$)"


def _phrase_parts(phrases: tuple[str, ...]) -> tuple[str, str, str]:
    """A phrase pattern's flags, the character that must stand on each side of a phrase (no letter or digit) and
    the phrases as alternatives, anything but a letter, a digit or a ';' between two of their words."""
    if not any(c.islower() for phrase in phrases for c in phrase):
        return "", "[^A-Za-z0-9]", "|".join("[^A-Za-z0-9;]+".join(_word_pattern(w, capitals=True)
                                                                   for w in p.split(" ")) for p in phrases)
    return "(?i)", "[^a-z0-9]", "|".join("[^a-z0-9;]+".join(_word_pattern(w) for w in p.split(" ")) for p in phrases)


def _word_pattern(word: str, capitals: bool = False) -> str:
    """A phrase's word as phrase_pattern finds it: any letters after it where it ends in ENDING, an "s" where it
    ends in PLURAL, and where it writes PARTS, its parts apart (_PARTS_APART); in a pattern of `capitals`, its
    letters as they are."""
    if word.endswith(NUMBERED):
        return _numbered_pattern(word.removesuffix(NUMBERED))
    plural = word.endswith(PLURAL)
    word = word.removesuffix(PLURAL)
    stem = word.removesuffix(ENDING)
    if PARTS in stem:
        core = _PARTS_APART.join(stem.split(PARTS))
    else:
        letters = [f"(?-i:{c})" if c.isupper() and not capitals else c for c in stem]
        core = _IN_A_WORD.join(letters) if stem.isalpha() else "".join(letters)
    return core + ("[a-z]*" if stem != word else "") + (("s?" if capitals else "(?-i:s)?") if plural else "")


# After a phrase's word: an "s" may follow it (the plural of an acronym: "CAR-Ts", "PADs").
PLURAL = "+"
# After a phrase's word: the word in any case with its number after a hyphen ("Covid-19", "Sars-CoV-2":
# _numbered_pattern).
NUMBERED = "#"
# A part of a name between a word and its number, written with a capital after its first letter ("CoV" of
# "Sars-CoV-2"; not "Cause" of "All-Cause 30-day mortality"), then a hyphen or the space the index's text writes
# between letters and digits ("Sars-CoV2" is "Sars-CoV 2").
_CAPITAL_INSIDE = f"[A-Za-z][a-z]*[A-Z][A-Za-z]*[{HYPHENS} ]"


def _numbered_pattern(word: str) -> str:
    """A word of capitals as a pattern finds it in any case with its number after a hyphen, there or after a part
    of a name written with a capital inside (_CAPITAL_INSIDE): "COVID" finds "Covid-19", "covid-19" and
    "COVID-19"; "SARS" finds "Sars-CoV-2"."""
    letters = "".join(f"[{c}{c.lower()}]" for c in word)
    return f"{letters}[{HYPHENS}](?:{_CAPITAL_INSIDE})?[0-9]+"


# What stands between the two parts of a word a study writes apart ("follow up", "follow-up", "follow-\n up"): white
# space, a hyphen, or both; never nothing (a study that writes the word joined holds it as one word).
_PARTS_APART = f"(?:\\s*[{HYPHENS}]\\s*|\\s+)"
