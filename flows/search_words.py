"""The words of a search query, split and stopped as the search index splits documents: which words it searches,
which it leaves out (and says so), the names it writes in parts and their joined spelling, the phrases its numbers
and names must stand in, and whether the index is one an earlier trialqc built."""
from __future__ import annotations

import re
from dataclasses import dataclass

import duckdb

from warehouse.fts import load_fts
from warehouse.search_index import INDEX_SCHEMA, index_exists
from warehouse.search_terms import APART_ONLY, GREEK_LETTERS, HYPHENS, WORDS, apart, greek_named, index_current, \
    last_build_words

# The names of the Greek letters documents write as names (TNF-α is TNF-alpha): after a word, a part of its name.
GREEK_NAMES = frozenset(name for _, name in GREEK_LETTERS)


# A study's own id in a query names that study, as a filter: a study's text may cite other studies' ids.
NCT_ID = re.compile(r"\bNCT\d{8}\b", re.IGNORECASE)


def nct_ids_in(text: str) -> tuple[str, ...]:
    """The NCT ids a query names, upper case, in order of first mention."""
    return tuple(dict.fromkeys(m.upper() for m in NCT_ID.findall(text)))


def _query_text(con: duckdb.DuckDBPyConnection, text: str) -> tuple[str, bool, bool]:
    """A query's text as the index's documents write it before their letters and digits are written apart (NCT ids
    left out; Greek letters as their names where its documents so write them), whether they are written apart (an
    earlier trialqc's were not), and whether the index holds the joined spelling of the names they write in parts
    (one it splits and stops as now, over documents of this form: an earlier trialqc's is searched as it was)."""
    text, form = NCT_ID.sub(" ", text), last_build_words(con)
    joined = form == WORDS and index_current(con)
    return (greek_named(text) if form == WORDS else text), form in (WORDS, APART_ONLY), joined


def _tokens(con: duckdb.DuckDBPyConnection, text: str) -> tuple[list[str], set[str]]:
    """A query's words in order, split by the index's own `tokenize` (NCT ids left out), written as the index's
    documents are (_query_text, letters and digits apart), and its stop words."""
    text, written_apart, _ = _query_text(con, text)
    text = apart(text) if written_apart else text
    if not text.strip():
        return [], set()
    load_fts(con)
    tokens, stop = con.execute(f"SELECT tokens, (SELECT list(sw) FROM {INDEX_SCHEMA}.stopwords WHERE list_contains("
                               f"tokens, sw)) FROM (SELECT list_filter({INDEX_SCHEMA}.tokenize($t), w -> w <> '') "
                               "AS tokens)", {"t": text}).fetchone()
    return list(tokens or ()), set(stop or ())


def query_words(con: duckdb.DuckDBPyConnection, text: str) -> tuple[list[str], list[str]]:
    """(searchable, ignored) words of a query, split as the index splits documents (its own `tokenize`: lower
    case, accents and punctuation dropped); ignored are its stop words, which no document's terms hold.

    The index's `match_bm25` counts every token of a query, stop words and the empty token a leading
    or trailing hyphen or quote leaves, among the words a conjunctive match needs: given them, it
    matches nothing ("cancer of the lung", "(breast) cancer.", a quoted phrase).
    """
    words, stop = _tokens(con, text)
    return [w for w in words if w not in stop], list(dict.fromkeys(w for w in words if w in stop))


# A run of letters and digits as a query writes it ("H1N1", "HER2", "COVID", "19").
_RUN = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class _Reading:
    """A query's words as the index splits them (`words`), the run of letters and digits each was written in
    (`runs`), the names written in parts among them (`names`: first and last word of each), and the stop words."""

    words: list[str]
    runs: list[int]
    names: list[tuple[int, int]]
    stop: set[str]

    def unit(self, at: int) -> tuple[int, int]:
        """The words a phrase takes with the word at `at`: its whole name when it is a part of one."""
        return next(((first, last) for first, last in self.names if first <= at <= last), (at, at))

    def spellings(self, first: int, last: int) -> list[str]:
        """The ways a study's text may write the words first..last: as written apart, and with each name in parts
        among them also joined (NAME_SPELLINGS of them at most, the first ones)."""
        out, at, names = [""], first, 0
        while at <= last:
            start, end = self.unit(at)
            written = " ".join(self.words[start:end + 1])
            ways = [written] if start == end or names >= NAME_SPELLINGS else [written, self._joined(start, end)]
            names += start < end
            out = [f"{head} {way}".strip() for head in out for way in ways]
            at = end + 1
        return out

    def _joined(self, first: int, last: int) -> str:
        """A name's parts written joined. A part of a single letter with no digit after it is a capital: a registry
        writes "CART" for CAR-T and "cart" for a cart, "Tcell" for T-cell; after a digit the run is a name alone
        ("pdl 1" is PD-L1)."""
        return "".join(self._case(at) for at in range(first, last + 1))

    def _case(self, at: int) -> str:
        """The word at `at` as a joined spelling writes it (_joined): a single letter a capital, unless a digit
        follows it in its run."""
        word = self.words[at]
        after = self.words[at + 1] if at + 1 < len(self.words) and self.runs[at + 1] == self.runs[at] else ""
        return word.upper() if len(word) == 1 and not after.isdigit() else word


# After a phrase's last word: any letters may follow it in a study's text (name_phrases).
ENDING = "*"
# At most this many names in parts of one phrase are also searched joined (their spellings multiply).
NAME_SPELLINGS = 4


def _read(con: duckdb.DuckDBPyConnection, text: str) -> _Reading:
    """A query's words, each with the run of letters and digits it was written in (as _tokens splits them), and
    the names it writes in parts where the index's documents write them joined too (`_names`)."""
    text, written_apart, joined = _query_text(con, text)
    found = list(_RUN.finditer(text))
    if not found:
        return _Reading([], [], [], set())
    load_fts(con)
    runs = [apart(m.group()) if written_apart else m.group() for m in found]
    split, stop = con.execute(f"SELECT list_transform($runs, r -> list_filter({INDEX_SCHEMA}.tokenize(r), "
                              f"w -> w <> '')), (SELECT list(sw) FROM {INDEX_SCHEMA}.stopwords)",
                              {"runs": runs}).fetchone()
    words = [word for run in split for word in run]
    runs = [at for at, run in enumerate(split) for _ in run]
    between = [text[a.end():b.start()] for a, b in zip(found, found[1:])]
    stop = set(stop or ())
    return _Reading(words, runs, _names(words, runs, between, stop) if joined else [], stop)


def _names(words: list[str], runs: list[int], between: list[str], stop: set[str]) -> list[tuple[int, int]]:
    """The names a query writes in parts, as (first, last) word: letters on both sides of a hyphen ("PD-L1",
    "CAR-T", "SARS-CoV-2", "non-small"), a single letter after a word and a space ("CAR T", "PD L1", "Hb A1c",
    "hepatitis B") or before one ("T cell"; not a or i, the article and the pronoun), and a Greek letter's name
    after a word ("TNF alpha"). A single letter is a part of one name only: "CAR T cell" is CAR T, then cell."""
    bound = [False] * len(words)
    names: list[tuple[int, int]] = []
    for at in range(len(words) - 1):
        if _joins(words, runs, between, stop, at, bound[at]):
            if bound[at]:
                names[-1] = (names[-1][0], at + 1)
            else:
                names.append((at, at + 1))
            bound[at] = bound[at + 1] = True
    return names


def _joins(words: list[str], runs: list[int], between: list[str], stop: set[str], at: int, bound: bool) -> bool:
    """Whether the word at `at` and the next are parts of one name (_names), written in neighbouring runs."""
    first, second = words[at], words[at + 1]
    if runs[at + 1] != runs[at] + 1 or not (first.isalpha() and second.isalpha()):
        return False
    gap = between[runs[at]]
    if len(gap) == 1 and gap in HYPHENS:
        return True
    if gap.strip() or first in stop or second in stop:
        return False
    if len(first) > 1 and (len(second) == 1 or second in GREEK_NAMES):
        return True
    return len(first) == 1 and not bound and first not in ("a", "i") and len(second) > 1 and second not in GREEK_NAMES


def query_spellings(con: duckdb.DuckDBPyConnection, text: str) -> list[list[str]]:
    """The words a study must all hold, one list for each way of writing the query's names in parts: as written
    (query_words), and joined ("PD-L1" -> pdl 1; "CAR T cell" -> cart cell). A study holds one or the other; its
    text must then hold each name in one of its spellings (name_phrases)."""
    return _spellings(query_words(con, text)[0], _read(con, text))


def _spellings(written: list[str], reading: _Reading) -> list[list[str]]:
    """query_spellings of a query whose written words and reading are given."""
    if not reading.names:
        return [written] if written else []
    joined, at = [], 0
    while at < len(reading.words):
        first, last = reading.unit(at)
        joined.append("".join(reading.words[first:last + 1]))
        at = last + 1
    joined = [word for word in joined if word not in reading.stop]
    return [spelling for spelling in (written, joined) if spelling]


def search_terms(con: duckdb.DuckDBPyConnection, text: str) -> tuple[list[list[str]], list[tuple[str, ...]]]:
    """What a study must hold to match a query, its words read once: one of its spellings' words
    (query_spellings), and a phrase of each of its numbers, names written in parts and quoted phrases
    (number_phrases, name_phrases, quoted_phrases); no phrases when it has no words."""
    reading = _read(con, text)
    spellings = _spellings(query_words(con, text)[0], reading)
    if not spellings:
        return [], []
    numbers = _number_phrases(reading)
    phrases = [phrase for phrase, _ in numbers] + _name_phrases(reading, numbers) + quoted_phrases(con, text)
    return spellings, list(dict.fromkeys(phrases))


def number_phrases(con: duckdb.DuckDBPyConnection, text: str) -> list[tuple[str, ...]]:
    """The phrases a study's text must hold one of, for each number of a query. A number written alone, with
    the words written next to it (stop words aside): "type 1 diabetes" -> (type 1, 1 diabetes), "IL-6" ->
    (il 6,), "2.5 mg" -> (2 5,) and (2 5, 5 mg). A number written in one run with letters, that whole run:
    "HER2" -> (her 2,), "H1N1" -> (h 1 n 1,), which "HER-2", "HER 2" and "H1N1" hold but "HER3" and "H3N2 ... 1"
    do not. A number alone is in most studies' text ("1 year", "6 months"): without its word, type 1 diabetes
    would find type 2 diabetes studies, and IL-6 the IL-2 ones. A word that is a part of a name written in parts
    stands for the whole name, in each of its spellings: "PD-L1" -> (pd l 1, pdl 1), "SARS-CoV-2" -> (sars cov 2,
    sarscov 2), which "PD-1" and "anti-PD-1" do not hold."""
    return [phrase for phrase, _ in _number_phrases(_read(con, text))]


def _number_phrases(reading: _Reading) -> list[tuple[tuple[str, ...], tuple[int, int]]]:
    """The number phrases of a reading (number_phrases), each with the first and last word that each of its
    spellings holds (a name in parts among them is held by the phrase)."""
    words, runs, stop = reading.words, reading.runs, reading.stop
    phrases = []
    for run in dict.fromkeys(runs):
        at = [i for i, r in enumerate(runs) if r == run]
        if len(at) > 1 and any(words[i].isdigit() for i in at):
            first, last = reading.unit(at[0])[0], reading.unit(at[-1])[1]
            phrases.append((tuple(reading.spellings(first, last)), (first, last)))
        elif words[at[0]].isdigit():
            phrases += _beside(reading, at[0])
    return list(dict(phrases).items())


def _beside(reading: _Reading, at: int) -> list[tuple[tuple[str, ...], tuple[int, int]]]:
    """The phrase of a number written alone at `at`: with the word (or whole name) before it or the one after it,
    stop words aside; each side holds its own word, both sides the number alone."""
    words, stop = reading.words, reading.stop
    before = reading.unit(at - 1) if at and words[at - 1] not in stop else None
    after = reading.unit(at + 1) if at + 1 < len(words) and words[at + 1] not in stop else None
    either = (reading.spellings(before[0], at) if before else []) + (reading.spellings(at, after[1]) if after else [])
    held = (at, at) if before and after else (before[0], at) if before else (at, after[1]) if after else None
    return [(tuple(either), held)] if either else []


def name_phrases(con: duckdb.DuckDBPyConnection, text: str) -> list[tuple[str, ...]]:
    """The phrases a study's text must hold one of, for each name a query writes in parts that no number phrase
    holds: its parts next to each other, as written apart, or joined ("CAR-T" -> (car t, carT): "CAR T", "CAR-T",
    "CART" but not "a car" and "T cells" apart, nor "a golf cart"). A last part of two letters or more may end as
    the index's stemming lets it ("double-blind*" finds "double-blinded", "T-cell*" "T cells"); a single letter
    ends there ("CAR T" is not "car trips")."""
    reading = _read(con, text)
    return _name_phrases(reading, _number_phrases(reading))


def _name_phrases(reading: _Reading, numbers: list[tuple[tuple[str, ...], tuple[int, int]]]) -> list[tuple[str, ...]]:
    """name_phrases of a reading whose number phrases are given."""
    held = [span for _, span in numbers]
    return [tuple(way + (ENDING if len(reading.words[last]) > 1 else "") for way in reading.spellings(first, last))
            for first, last in reading.names if not any(start <= first and last <= end for start, end in held)]


# A phrase a query quotes, in straight or curly double quotes: "small cell lung cancer", “breast cancer”.
_QUOTED = re.compile('"([^"]*)"|\u201c([^\u201c\u201d]*)\u201d')
_QUOTES = ('"', "\u201c", "\u201d")


def quoted_phrases(con: duckdb.DuckDBPyConnection, text: str) -> list[tuple[str, ...]]:
    """The phrases a query quotes, each as the words a study's text must hold in that order, anything but letters
    and digits between them ('"cancer of the lung"' -> (cancer of the lung,), stop words included), a name written
    in parts in each of its spellings ('"PD-L1 expression"' -> (pd l 1 expression, pdl 1 expression)); a quoted
    single word is that word, searched as any other."""
    phrases = []
    for match in _QUOTED.finditer(text):
        reading = _read(con, match.group(1) if match.group(1) is not None else match.group(2))
        if len(reading.words) > 1:
            phrases.append(tuple(reading.spellings(0, len(reading.words) - 1)))
    return list(dict.fromkeys(phrases))


def _unpaired_quote(text: str) -> bool:
    return any(quote in _QUOTED.sub(" ", text) for quote in _QUOTES)


# What may stand between two letters of a query's word in a study's text: the hyphen or the space of a name the
# query writes joined and the text in parts ("PDL1" finds "PD-L1" and "PD L1": those studies' index entries hold
# pdl, written after their text, and this finds the number beside its name).
_IN_A_WORD = f"[{HYPHENS} ]?"


def phrase_pattern(phrases: tuple[str, ...]) -> str:
    """A regular expression finding any of the phrases in a text stripped of accents, in any case but where a phrase
    writes a capital (a single letter of a name written joined: "carT" finds "CART", not "cart"), their words apart
    as the index splits them (words of letters and digits: nothing in them to escape), a hyphen or a space allowed
    between two letters of a word (_IN_A_WORD). A ';' between two words parts them: it also joins a study's texts
    in its document, and no phrase runs from one into the next."""
    return "(?i)(^|[^a-z0-9])(" + "|".join("[^a-z0-9;]+".join(_word_pattern(w) for w in p.split(" "))
                                           for p in phrases) + ")([^a-z0-9]|$)"


def _word_pattern(word: str) -> str:
    """A phrase's word as phrase_pattern finds it, any letters after it where it ends in ENDING."""
    stem = word.removesuffix(ENDING)
    letters = [f"(?-i:{c})" if c.isupper() else c for c in stem]
    return (_IN_A_WORD.join(letters) if stem.isalpha() else "".join(letters)) + ("[a-z]*" if stem != word else "")


def unsearchable(con: duckdb.DuckDBPyConnection, text: str) -> str | None:
    """Why a query's words can find nothing whatever the documents hold (None when they can): only stop
    words, or only what the index does not keep (punctuation). `search` matches no study for them."""
    if not text.strip() or nct_ids_in(text) or not index_exists(con):
        return None
    words, ignored = query_words(con, text)
    if words:
        return None
    if ignored:
        return (f"nothing to search for in {text!r}: {', '.join(ignored)} "
                f"{'is a stop word' if len(ignored) == 1 else 'are stop words'}, which the index leaves out")
    kept = "letters and digits, not punctuation" if _keeps_digits(con) else "letters only (no digits or punctuation)"
    return f"nothing to search for in {text!r}: the index keeps words of {kept}"


def _keeps_digits(con: duckdb.DuckDBPyConnection) -> bool:
    return con.execute(f"SELECT {INDEX_SCHEMA}.tokenize('0')[1] = '0'").fetchone()[0]


def left_out(con: duckdb.DuckDBPyConnection, text: str) -> str | None:
    """What of a query the search cannot use, said plainly (None when it uses every word): its stop words
    ("of the" of "cancer of the lung", unless quoted in a phrase), numbers when the index holds none (one an earlier
    trialqc built), and a quote without its pair (no phrase)."""
    if not text.strip() or not index_exists(con):
        return None
    ignored = query_words(con, _QUOTED.sub(" ", text))[1]  # a quoted phrase holds its stop words
    numbers = [] if _keeps_digits(con) else list(dict.fromkeys(re.findall(r"\d+", NCT_ID.sub(" ", text))))
    parts = ([f"{', '.join(ignored)} ({'a stop word' if len(ignored) == 1 else 'stop words'})"] if ignored else []) + (
        [f"{', '.join(numbers)} (numbers are not indexed)"] if numbers else []) + (
        ["a quote without its pair (the words after it are matched anywhere in a study, not as a phrase)"]
        if _unpaired_quote(text) else [])
    return "left out of the search: " + "; ".join(parts) if parts else None


def index_outdated(con: duckdb.DuckDBPyConnection) -> str | None:
    """Why the warehouse's index finds less than the words of a query say (None when it is current): an earlier
    trialqc built it, without digits and with a long English stop list, with a name's letters and digits together
    (HER2 and HER-2 apart), or without the joined spelling of a name written in parts (PD-L1 and PDL1 apart); the
    next run builds it again."""
    if not index_exists(con) or index_current(con):
        return None
    if _keeps_digits(con):
        names = "PDL1, PD-L1" if last_build_words(con) == APART_ONLY else "HER2, HER-2"
        return ("this warehouse's search index was built by an earlier trialqc, which told a name written joined from "
                f"the same name hyphenated ({names}): the next `trialqc run` builds it again")
    return ("this warehouse's search index was built by an earlier trialqc, which left out numbers and words such "
            "as her, non, first and no: the next `trialqc run` builds it again")
