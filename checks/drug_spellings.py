"""One drug's name spelt otherwise: as other languages write it, without its accents, misspelt (a letter or two
apart), or with an enantiomer's prefix."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from checks.drug_names import MEMO

# How the registries of other languages write an INN: French adds an "e" (metformine), Spanish, Italian and Portuguese
# an "a" or an "o" (metformina, paracetamolo, ciprofloxacino), dropping an "h" after a "t" or a "p" (claritromicina,
# fenitoina), writing "i" for "y" and one letter for two (amoxicilina); German drops a final "e" (Dexamethason). A word
# and a known drug's name that are one spelling after these are one drug.
_OTHER_SPELLINGS = (("th", "t"), ("ph", "f"), ("y", "i"))
_DOUBLED = re.compile(r"(.)\1")
_ADDED_ENDINGS = ("a", "e", "o")
# The fewest letters a name has for its other languages' spellings to be read: shorter names differ by too little.
SPELLINGS_LEAST = 6


@lru_cache(maxsize=MEMO)
def language_folded(word: str) -> str:
    """A lower-case drug name as its spellings in other languages fold to: 'clarithromycin' and 'claritromicina'
    are 'claritromicin', 'dexamethasone' and 'Dexamethason' 'dexametason'."""
    for spelt, other in _OTHER_SPELLINGS:
        word = word.replace(spelt, other)
    word = _DOUBLED.sub(r"\1", word)
    return word[:-1] if word.endswith(_ADDED_ENDINGS) else word


@lru_cache(maxsize=MEMO)
def accents_folded(text: str | None) -> str | None:
    """The text with its letters' accents left off ('Métformine' -> 'Metformine', 'Ibuprofène' -> 'Ibuprofene'), as
    a name is compared across languages; a text without any is returned as is."""
    if not text or text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


# Prefixes that name one enantiomer of a drug: levobupivacaine is bupivacaine's, esomeprazole omeprazole's.
ENANTIOMER_PREFIXES = ("levo", "lev", "dextro", "dex", "es", "ar")


def same_start(word: str, drug: str) -> bool:
    """Whether two words start alike, or one is the other with a letter before it ('oestradiol'): a misspelling
    keeps a name's first letter (but for two letters swapped, `letters_swapped`), while drugs of one stem differ there
    ('ropivacaine' and 'bupivacaine', 'rituximab' and 'cetuximab')."""
    return word[0] == drug[0] or word[1:] == drug or drug[1:] == word


def letters_swapped(word: str, drug: str) -> bool:
    """Whether `word` is `drug` with two neighbouring letters swapped, the first two too ('elpirudin' for
    'lepirudin', 'metfromin' for 'metformin'): a slip of typing that keeps every letter, where drugs of one stem
    differ in their letters ('desirudin' and 'lepirudin')."""
    if len(word) != len(drug):
        return False
    apart = [i for i, (a, b) in enumerate(zip(word, drug)) if a != b]
    return (len(apart) == 2 and apart[1] == apart[0] + 1
            and word[apart[0]] == drug[apart[1]] and word[apart[1]] == drug[apart[0]])


def enantiomer_of(word: str, drug: str) -> bool:
    """Whether `word` is `drug` with an enantiomer's prefix ('levobupivacaine', 'bupivacaine')."""
    return len(word) > len(drug) >= 6 and word.endswith(drug) and word[:-len(drug)] in ENANTIOMER_PREFIXES


def within(a: str, b: str, limit: int) -> bool:
    """Whether the edit distance between a and b is at most `limit`."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit
