"""The words of a search query, split and stopped as the search index splits documents: which words it searches,
which it leaves out (and says so), the names it writes in parts and their joined spelling, the phrases its numbers
and names must stand in, and whether the index is one an earlier trialqc built."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import product
from os.path import commonprefix

import duckdb

from warehouse.fts import load_fts
from warehouse.search_index import INDEX_SCHEMA, index_exists
from warehouse.search_terms import APART_ONLY, GREEK_LETTERS, HYPHENS, STEMMER, WORDS, apart, greek_named, \
    index_current, last_build_words

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
    (`runs`), the names written in parts among them (`names`: first and last word of each), the stop words, each
    word's stem, the words written in capitals as an acronym (`acronyms`), and the words a study may write in two
    parts or joined (`splits`: word -> its two parts and the second's stem; `joins`: the first of two words also
    written as one), the single letters it writes small (`small`), the words a study may spell the British or the
    American way (`variants`: word -> the other spelling and its stem), the runs a hyphen follows (`hyphened`), and
    the numbers a study may write in Roman numerals (`romans`: word -> its numeral)."""

    words: list[str]
    runs: list[int]
    names: list[tuple[int, int]]
    stop: set[str]
    stems: list[str] = field(default_factory=list)
    acronyms: list[int] = field(default_factory=list)
    splits: dict[int, tuple[str, str, str]] = field(default_factory=dict)
    joins: list[int] = field(default_factory=list)
    small: set[int] = field(default_factory=set)
    variants: dict[str, tuple[str, str]] = field(default_factory=dict)
    hyphened: set[int] = field(default_factory=set)
    romans: dict[int, str] = field(default_factory=dict)

    def unit(self, at: int) -> tuple[int, int]:
        """The words a phrase takes with the word at `at`: its whole name when it is a part of one."""
        return next(((first, last) for first, last in self.names if first <= at <= last), (at, at))

    def spellings(self, first: int, last: int, compounds: bool = False) -> list[str]:
        """The ways a study's text may write the words first..last: as written apart, and with each name in parts
        among them also joined; with `compounds` (a quoted phrase), also each word a study may write in two parts
        so written and two words it may write joined so joined ("follow up" -> followup; "followup" -> follow_up:
        _compounds). NAME_SPELLINGS names and compounds at most, the first ones."""
        out, at, choices = [""], first, 0
        while at <= last:
            start, end = self.unit(at)
            ways = [" ".join(self.words[start:end + 1])]
            if choices < NAME_SPELLINGS and start < end:
                ways.append(self._joined(start, end))
            elif choices < NAME_SPELLINGS and compounds:
                end, ways = self._compound_ways(at, last, ways)
            choices += len(ways) > 1
            out = [f"{head} {way}".strip() for head in out for way in ways]
            at = end + 1
        return out

    def _compound_ways(self, at: int, last: int, ways: list[str]) -> tuple[int, list[str]]:
        """The last word and the ways of writing a phrase's word at `at` that a study may write otherwise
        (_compounds): with the next word, apart or joined ("follow up", "followup"), or in two parts ("followup",
        "follow_up"); the word alone as written where it is neither."""
        if at in self.joins and at + 1 <= last and self.unit(at + 1) == (at + 1, at + 1):
            return at + 1, [f"{self.words[at]} {self.words[at + 1]}", self.words[at] + self.words[at + 1]]
        if at in self.splits:
            part, second, _ = self.splits[at]
            return at, ways + [f"{part}{PARTS}{second}"]
        return at, ways

    def _joined(self, first: int, last: int) -> str:
        """A name's parts written joined. A part of a single letter with no digit after it is a capital: a registry
        writes "CART" for CAR-T and "cart" for a cart, "Tcell" for T-cell; after a digit the run is a name alone
        ("pdl 1" is PD-L1). A first letter the query writes small is in any case: "e-cigarette" finds "ecigarettes"
        (`small`)."""
        return "".join(self.words[at] if at == first and at in self.small else self._case(at)
                       for at in range(first, last + 1))

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
    """A query's words, each with the run of letters and digits it was written in (as _tokens splits them), and,
    where the index's documents write names in parts joined too (an index an earlier trialqc built is searched
    as it was): the names it writes in parts (`_names`), the words it writes in capitals as an acronym
    (`_acronyms`) and the words a study may write joined where the query writes them apart or the other way round
    (`_compounds`)."""
    text, written_apart, joined = _query_text(con, text)
    found = list(_RUN.finditer(text))
    if not found:
        return _Reading([], [], [], set())
    load_fts(con)
    runs = [apart(m.group()) if written_apart else m.group() for m in found]
    split, stop, stems = con.execute(
        f"SELECT split, (SELECT list(sw) FROM {INDEX_SCHEMA}.stopwords), list_transform(flatten(split), "
        f"w -> stem(w, '{STEMMER}')) FROM (SELECT list_transform($runs, r -> list_filter({INDEX_SCHEMA}.tokenize(r), "
        "w -> w <> '')) AS split)", {"runs": runs}).fetchone()
    words = [word for run in split for word in run]
    runs = [at for at, run in enumerate(split) for _ in run]
    between = [text[a.end():b.start()] for a, b in zip(found, found[1:])]
    stop = set(stop or ())
    if not joined:
        return _Reading(words, runs, [], stop, list(stems))
    names = _names(words, runs, between, stop)
    reading = _Reading(words, runs, names, stop, list(stems),
                       _acronyms(words, runs, [m.group() for m in found], names, stop, text))
    splits, joins = _compounds(con, reading, between)
    small = {at for at, word in enumerate(words) if len(word) == 1 and found[runs[at]].group().islower()}
    hyphened = {run for run, gap in enumerate(between) if len(gap) == 1 and gap in HYPHENS}
    return _Reading(words, runs, names, stop, list(stems), reading.acronyms, splits, joins, small,
                    _variants(con, words, stems, stop), hyphened, _romans(con, words, runs))


def _romans(con: duckdb.DuckDBPyConnection, words: list[str], runs: list[int]) -> dict[int, str]:
    """The numbers a query writes alone after a word a registry numbers in Roman numerals too (ROMAN_AFTER), each
    -> its numeral where the index holds it: "phase 2" -> phase ii, "Type 1 diabetes" -> type i."""
    asked = {at: ROMAN[word] for at, word in enumerate(words)
             if word in ROMAN and runs.count(runs[at]) == 1 and at and words[at - 1] in ROMAN_AFTER
             and runs[at - 1] == runs[at] - 1}
    if not asked:
        return {}
    held = {term for (term,) in con.execute(f"SELECT term FROM {INDEX_SCHEMA}.dict WHERE df > 0 AND term IN "
                                            "(SELECT unnest($asked))", {"asked": sorted(set(asked.values()))}
                                            ).fetchall()}
    return {at: roman for at, roman in asked.items() if roman in held}


# The numbers a registry writes in Roman numerals too, after the words it so numbers (Phase I-IV, Type I/II, Stage
# I-V, Grade I-IV, Class I-IV, Part I/II); each as the index holds it (Porter stemming leaves them).
ROMAN = {"1": "i", "2": "ii", "3": "iii", "4": "iv", "5": "v"}
ROMAN_AFTER = frozenset({"phase", "type", "stage", "grade", "class", "part"})
# The words whose Roman numeral also names something else beside them ("type I error", "type II error" of a
# study's statistics): their numeral stands between them and the query's next word ("type 2 diabetes" finds
# "Type II Diabetes", not "type II error ... diabetes").
ROMAN_BOTH_SIDES = frozenset({"type"})


# The fewest letters of a word searched in its other spelling too: shorter words hold too few letters to tell a
# spelling from another word ("pet" is no "poet").
VARIANT_LETTERS = 5
# A word's British spelling -> its American one, each rule once where it applies: tumour/tumor, haemophilia and
# leukaemia/hemophilia and leukemia, oesophageal/esophageal, diarrhoea/diarrhea, foetal/fetal, coeliac/celiac,
# randomised/randomized, analyse/analyze, centre/center, fibre/fiber, catalogue/catalog, programme/program. An
# ending "ae" is a Latin plural (vertebrae), and "oe" elsewhere than these is a word's own (shoes, poetry).
BRITISH_AMERICAN = (
    (r"(?<=[a-z]{2})our(?=(s|al|ed|ing|able|ite|ites)?$)", "or"),
    (r"ae(?!$)", "e"),
    (r"^oe", "e"), (r"(?<=rrh|[a-z]pn)oea(?=s?$|l$)", "ea"), (r"^foet", "fet"), (r"^coel", "cel"),
    (r"homoeo", "homeo"),
    (r"(?<=[a-z]{3})is(?=(e|ed|es|ing|ation|ations|er|ers)$)", "iz"),
    (r"ys(?=(e|ed|es|ing|er|ers)$)", "yz"),
    (r"(?<=[tb])re(?=s?$)", "er"),
    (r"ogue(?=s?$)", "og"), (r"gramme(?=s?$)", "gram"),
)
# The same rules the other way (an American spelling -> its British one); the "ae" of Greek words is put back at
# each "e" but a last one, alone or together (leukemia -> leukaemia, hemoglobinemia -> haemoglobinaemia): the
# index holds the words that are.
AMERICAN_BRITISH = (
    (r"(?<=[a-z]{2})or(?=(s|al|ed|ing|able)?$)", "our"),
    (r"^e(?=[ds])", "oe"), (r"(?<=rrh|[a-z]pn)ea(?=s?$|l$)", "oea"), (r"^fet", "foet"), (r"^cel", "coel"),
    (r"homeo", "homoeo"),
    (r"(?<=[a-z]{3})iz(?=(e|ed|es|ing|ation|ations|er|ers)$)", "is"),
    (r"yz(?=(e|ed|es|ing|er|ers)$)", "ys"),
    (r"(?<=[tb])er(?=s?$)", "re"),
    (r"(?<=[a-z]{4})og(?=s?$)", "ogue"), (r"gram(?=s?$)", "gramme"),
)
# At most this many of a word's letters "e" are each written "ae" (their combinations double with each).
AE_LETTERS = 4


def _other_spellings(word: str) -> set[str]:
    """The British and American spellings of a word (BRITISH_AMERICAN, AMERICAN_BRITISH, "ae" for "e"), the word
    aside: candidates, of which the index holds few."""
    out = {re.sub(pattern, repl, word) for pattern, repl in BRITISH_AMERICAN + AMERICAN_BRITISH}
    at = [n for n, c in enumerate(word[:-1]) if c == "e" and (n == 0 or word[n - 1] != "a")][:AE_LETTERS]
    for chosen in product((False, True), repeat=len(at)):
        if any(chosen):
            out.add("".join("ae" if n in at and chosen[at.index(n)] else c for n, c in enumerate(word)))
    return out - {word}


def _variants(con: duckdb.DuckDBPyConnection, words: list[str], stems: list[str],
              stop: set[str]) -> dict[str, tuple[str, str]]:
    """The words of a query a study may spell the other way, British or American (_other_spellings): each word of
    VARIANT_LETTERS letters or more -> the spelling the most studies hold of those the index holds with another
    stem, and its stem ("tumour" -> tumor, "randomized" -> randomised, "leukemia" -> leukaemia)."""
    asked = {word: _other_spellings(word) for word in words
             if len(word) >= VARIANT_LETTERS and word.isalpha() and word not in stop}
    candidates = sorted({other for others in asked.values() for other in others})
    if not candidates:
        return {}
    rows = con.execute(
        f"SELECT q.w, q.term, d.df FROM (SELECT w, stem(w, '{STEMMER}') AS term FROM (SELECT unnest($asked) AS w)) q "
        f"JOIN {INDEX_SCHEMA}.dict d USING (term) WHERE d.df > 0", {"asked": candidates}).fetchall()
    held = {w: (term, df) for w, term, df in rows}
    own = dict(zip(words, stems))
    out = {}
    for word, others in asked.items():
        known = sorted((-held[o][1], o) for o in others if o in held and held[o][0] != own[word])
        if known:
            out[word] = (known[0][1], held[known[0][1]][0])
    return out


def _acronyms(words: list[str], runs: list[int], written: list[str], names: list[tuple[int, int]], stop: set[str],
              text: str) -> list[int]:
    """The words a query writes in capitals as an acronym ("CART", "AIDS", "ALL", "MS"): two capitals or more
    written alone (no digit in their run), neither a part of a name written in parts ("CAR-T", whose parts stand
    together already) nor beside a number ("COVID-19", "HIV 1": the number tells the name), in a query that
    writes a word in small letters or this word only."""
    searched = [at for at, word in enumerate(words) if word not in stop]
    # A query written all in capitals ("BREAST CANCER") says nothing of its words.
    if not any(c.islower() for c in text) and len(searched) != 1:
        return []
    in_names = {at for first, last in names for at in range(first, last + 1)}

    def acronym(at: int) -> bool:
        run = written[runs[at]]
        beside = [words[n] for n in (at - 1, at + 1) if 0 <= n < len(words)]
        return (len(run) > 1 and run.isalpha() and run.isupper() and at not in in_names
                and not any(word.isdigit() for word in beside))
    return [at for at in searched if acronym(at)]


# The fewest letters of a word searched also in two parts ("xray": x ray), and the single letters no first part is:
# the article and the pronoun ("atrial" is no "a trial"). A single letter is a first part only ("ecigarette"; a
# last one is an ending: "care" is no "car e").
SPLIT_LETTERS = 4
NOT_PARTS = ("a", "i")


def _compounds(con: duckdb.DuckDBPyConnection, reading: _Reading,
               between: list[str]) -> tuple[dict[int, tuple[str, str, str]], list[int]]:
    """The words of a query a study may write otherwise: a word written alone that splits into two words the index
    holds ("followup": follow up, "healthcare": health care, "ecigarette": e cigarette), at the split whose rarer
    part is in the most studies; and two words written apart, neither a part of a name, whose joined spelling the
    index holds ("follow up": followup, "long term": longterm). Where a study writes either, it writes it so
    (found joined, apart or hyphenated); a word written alone is never searched as a part of a longer one ("care"
    does not find "healthcare")."""
    words, runs, stop = reading.words, reading.runs, reading.stop
    in_names = {at for first, last in reading.names for at in range(first, last + 1)}
    alone = [at for at, word in enumerate(words) if word.isalpha() and word not in stop and at not in in_names
             and runs.count(runs[at]) == 1]
    splittable = [at for at in alone if len(words[at]) >= SPLIT_LETTERS]
    pairs = [at for at in alone if at + 1 in alone and runs[at + 1] == runs[at] + 1 and not between[runs[at]].strip()
             and len(words[at]) > 1 and len(words[at + 1]) > 1]
    parts = {at: [(words[at][:k], words[at][k:]) for k in range(1, len(words[at]) - 1)
                  if words[at][:k] not in NOT_PARTS] for at in splittable}
    asked = {part for splits in parts.values() for pair in splits for part in pair}
    asked |= {words[at] + words[at + 1] for at in pairs}
    if not asked:
        return {}, []
    rows = con.execute(
        f"SELECT q.w, d.df, q.term FROM (SELECT w, stem(w, '{STEMMER}') AS term FROM (SELECT unnest($asked) AS w)) q "
        f"JOIN {INDEX_SCHEMA}.dict d USING (term) WHERE d.df > 0", {"asked": sorted(asked)}).fetchall()
    held, stems = {w: df for w, df, _ in rows}, {w: term for w, _, term in rows}
    whole = dict(zip(words, reading.stems))
    joins, taken = [], -1
    for at in pairs:
        if at > taken and words[at] + words[at + 1] in held:
            joins.append(at)
            taken = at + 1
    splits = {}
    for at, candidates in parts.items():
        if at in joins or at - 1 in joins:
            continue
        # Not a word and its ending ("healthcar e", "caregive rs"): the first part stems as the whole word does.
        known = [((min(held[a], held[b]), min(len(a), len(b))), (a, b)) for a, b in candidates
                 if a in held and b in held and stems[a] != whole[words[at]]]
        if known:
            first, second = max(known)[1]
            splits[at] = (first, second, stems[second])
    return splits, joins


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
    """The words a study must all hold, one list for each way of writing the query's words: as written
    (query_words); with its names in parts joined ("PD-L1" -> pdl 1; "CAR T cell" -> cart cell); and with each word
    a study may write in two parts so written, or two words it may write joined so joined ("followup" -> follow up,
    "long term" -> longterm: _compounds), SPELLINGS at most. A study holds one of them; its text must then hold
    each name in one of its spellings (name_phrases), and a word the spelling splits in its two parts side by side
    (_spellings)."""
    return [words for words, _ in _spellings(query_words(con, text)[0], _read(con, text))]


# At most this many spellings of a query are searched, the one written first: each adds its words' entries to the
# search's read of the index and, where it splits a word, a look at its studies' texts.
SPELLINGS = 4
# Between the two parts of a word a query writes joined ("followup"), where a study writes them apart: a space or a
# hyphen (_word_pattern).
PARTS = "_"


def _spellings(written: list[str], reading: _Reading) -> list[tuple[list[str], list[tuple[str, ...]]]]:
    """query_spellings of a query whose written words and reading are given, each with the phrases only it needs:
    a word written joined that it splits, its parts side by side ("follow_up*": "follow up", "follow-up", not
    "follow the path up"). Its names in parts are all joined or all apart (a study that writes a name in parts
    holds it joined too); each split or join is a choice of its own, fewest choices first."""
    choices = ([[OTHER_SPELLING]] if reading.variants or reading.romans else []) + (
        [reading.names] if reading.names else []) + [[at] for at in sorted(set(reading.splits) | set(reading.joins))]
    combos = sorted(product((False, True), repeat=len(choices)), key=lambda c: (sum(c), [not x for x in c]))
    out = [(written, [])] if written else []
    for combo in combos[1:SPELLINGS]:
        chosen = {at for made, choice in zip(combo, choices) if made for at in _choice_words(choice)}
        words, phrases = _spelled(reading, chosen)
        if words and (words, phrases) not in out:
            out.append((words, phrases))
    return out


def _choice_words(choice: list) -> list[int]:
    """The first word of each name (a choice of names) or the word (a choice of a split or join) a choice makes."""
    return [item[0] if isinstance(item, tuple) else item for item in choice]


# A choice of _spellings that is no word of the query: each word that has one in its other spelling (variants).
OTHER_SPELLING = -1


def _spelled(reading: _Reading, chosen: set[int]) -> tuple[list[str], list[tuple[str, ...]]]:
    """The words of a query with the names, splits and joins starting at the words `chosen` made, each word in its
    other spelling and each number in its Roman numeral where OTHER_SPELLING is chosen, and the phrases its splits
    need."""
    words, phrases, at = [], [], 0
    while at < len(reading.words):
        first, last = reading.unit(at)
        if first < last:
            words += ["".join(reading.words[first:last + 1])] if first in chosen else reading.words[first:last + 1]
        elif at in chosen and at in reading.joins:
            words.append(reading.words[at] + reading.words[at + 1])
            last = at + 1
        elif at in chosen and at in reading.splits:
            part, second, stem = reading.splits[at]
            words += [part, second]
            phrases.append((f"{part}{PARTS}{_ending(second, stem)}",))
        else:
            words.append(reading.romans.get(at, reading.words[at]) if OTHER_SPELLING in chosen else reading.words[at])
        at = last + 1
    if OTHER_SPELLING in chosen:
        words = [reading.variants.get(word, (word,))[0] for word in words]
    return [word for word in words if word not in reading.stop], phrases


# The fewest letters of a stem a phrase's last word ends in (_ending): "infect*" finds "co-infected" as the index's
# stemming finds coinfection in it; a shorter one would let too much follow ("ms" stems to "m").
STEM_LETTERS = 3


def _ending(word: str, stem: str) -> str:
    """A phrase's last word as it may end in a study's text: a single letter there and no more ("CAR T" is not
    "car trips"), a longer word in any letters after what it shares with its stem ("infection" -> "infect*", as
    "co-infected" stems like coinfection, "ups" -> "up*"), or after itself when that is shorter than STEM_LETTERS
    and not its whole stem."""
    if len(word) == 1:
        return word
    shared = commonprefix([word, stem])
    return (shared if len(shared) >= STEM_LETTERS or (shared == stem and len(stem) > 1) else word) + ENDING


def search_terms(con: duckdb.DuckDBPyConnection, text: str) -> tuple[list[tuple[list[str], list[tuple[str, ...]]]],
                                                                   list[tuple[str, ...]]]:
    """What a study must hold to match a query, its words read once: the words of one of its spellings and the
    phrases that spelling needs (query_spellings, _spellings), and a phrase of each of its numbers, names written
    in parts, quoted phrases and acronyms (number_phrases, name_phrases, quoted_phrases, acronym_phrases) and of
    each word stemmed to a single letter (_short_stems); no phrases when it has no words."""
    reading = _read(con, text)
    spellings = _spellings(query_words(con, text)[0], reading)
    if not spellings:
        return [], []
    numbers = _number_phrases(reading)
    phrases = [phrase for phrase, _ in numbers] + _hyphened_phrases(reading, numbers) + \
        _name_phrases(reading, numbers) + quoted_phrases(con, text) + _acronym_phrases(reading) + _short_stems(reading)
    phrases = _in_roman(phrases, numbers, reading)
    return spellings, list(dict.fromkeys(_respelled(phrase, reading) for phrase in phrases))


def _in_roman(phrases: list[tuple[str, ...]], numbers: list[tuple[tuple[str, ...], tuple[int, int]]],
              reading: _Reading) -> list[tuple[str, ...]]:
    """The phrases with each number that has a Roman numeral (romans) also written so, beside the word before it,
    and after ROMAN_BOTH_SIDES words with the query's next word too, which may end as its stem lets it: "phase 2
    asthma" -> (phase 2, 2 asthma, phase ii), "type 2 diabetes" -> (type 2, 2 diabetes, type ii diabet*)."""
    words, stems = reading.words, reading.stems
    out = list(phrases)
    for phrase, (first, last) in numbers:
        at = next((n for n in (first, last) if n in reading.romans), None)
        if at is None or phrase not in out:
            continue
        way = " ".join(words[reading.unit(at - 1)[0]:at] + [reading.romans[at]])
        if words[at - 1] in ROMAN_BOTH_SIDES and at + 1 < len(words) and words[at + 1] not in reading.stop:
            end = reading.unit(at + 1)[1]
            way += " " + " ".join(words[at + 1:end] + [_ending(words[end], stems[end]) if stems else words[end]])
        out[out.index(phrase)] = phrase + (way,)
    return out


def _respelled(phrase: tuple[str, ...], reading: _Reading) -> tuple[str, ...]:
    """A phrase's ways of writing, and each with its words in their other spelling where they have one (variants):
    "haemophilia a" is also "hemophilia a", and a last word's ending follows its spelling ("tumour*" -> "tumor*")."""
    if not reading.variants:
        return phrase
    other = {}
    for word, (variant, stem) in reading.variants.items():
        other[word] = variant
        other.setdefault(_ending(word, dict(zip(reading.words, reading.stems)).get(word, word)), _ending(variant, stem))
    respelled = tuple(" ".join(other.get(token, token) for token in way.split(" ")) for way in phrase)
    return tuple(dict.fromkeys(phrase + respelled))


def acronym_phrases(con: duckdb.DuckDBPyConnection, text: str) -> list[tuple[str, ...]]:
    """The phrases a study's text must hold for each word a query writes in capitals as an acronym (_acronyms):
    the word in capitals, its letters side by side or with a hyphen or a space between ("CART": "CART", "CAR-T",
    "CAR T", "CART19"; not "golf cart" nor "Cart"), and an "s" after it ("CAR-Ts"); or the word in any case with
    its number after a hyphen, there or after a part of a name written with a capital inside ("COVID": "Covid-19",
    "covid-19"; "SARS": "Sars-CoV-2"): the number tells the name, as it does in a query ("COVID-19" is no acronym).
    Without its number a word in small letters or with one capital is a word ("Hearing Aids", "All patients",
    "Golf Cart"), and so is one before a number written apart from it ("All 20 patients": the index's text writes
    "Covid19" so too, which is not found)."""
    return _acronym_phrases(_read(con, text))


def _acronym_phrases(reading: _Reading) -> list[tuple[str, ...]]:
    """acronym_phrases of a reading."""
    return [(reading.words[at].upper() + PLURAL, reading.words[at].upper() + NUMBERED) for at in reading.acronyms]


def _short_stems(reading: _Reading) -> list[tuple[str, ...]]:
    """The words of two letters or more a query writes alone that stemming takes to a single letter ("ms" to m,
    "os" to o, "us" to u), each as a phrase of its own (written so, in any case): the index holds the single letter
    for them and for every unit and name part a study writes with it (the m of mg/m2, the T of T cells), which a
    study's text must not stand in for."""
    in_names = {at for first, last in reading.names for at in range(first, last + 1)}
    return [(word,) for at, (word, stem) in enumerate(zip(reading.words, reading.stems))
            if len(word) > 1 and len(stem) == 1 and word.isalpha() and word not in reading.stop
            and at not in in_names and at not in reading.acronyms]


def acronyms(con: duckdb.DuckDBPyConnection, text: str) -> list[str]:
    """The words a query writes in capitals as an acronym (_acronyms), as written."""
    reading = _read(con, text)
    return [reading.words[at].upper() for at in reading.acronyms]


# An operator other search engines read, written as one: AND, OR or NOT in capitals standing alone, or a - or + put
# before a word (lung OR pleural, cancer NOT metastatic, -placebo, +adults). Here every word must match.
_OPERATOR = re.compile(r"(?<!\S)(?:AND|OR|NOT)(?!\S)|(?<!\S)[-+][^\W\d_]+")


def operator_note(text: str) -> str | None:
    """What a query's operators do, said plainly (None when it writes none): nothing, as every word must match."""
    found = list(dict.fromkeys(m.group().strip() for m in _OPERATOR.finditer(_QUOTED.sub(" ", text))))
    if not found:
        return None
    return (f"{', '.join(found)}: the search has no operators; every word must match, and these are read as words "
            "(or left out as stop words)")


def acronym_note(con: duckdb.DuckDBPyConnection, text: str) -> str | None:
    """What a query's acronyms find, said plainly (None when it writes none): only studies that write them in
    capitals; in small letters, a word finds every use."""
    found = acronyms(con, text) if text.strip() and index_exists(con) else []
    if not found:
        return None
    words = ", ".join(found)
    return (f"{words}, written in capitals, {'is' if len(found) == 1 else 'are'} searched as an acronym: only studies "
            f"that write {'it' if len(found) == 1 else 'them'} in capitals, letters joined or with a hyphen or a space "
            f"between, or in any case with a number after a hyphen (Covid-19); write "
            f"{', '.join(w.lower() for w in found)} to find every use")


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


def _hyphened_phrases(reading: _Reading, numbers: list[tuple[tuple[str, ...], tuple[int, int]]]
                      ) -> list[tuple[str, ...]]:
    """The phrases of the numbers written in one run with letters whose run a hyphen joins to a word of letters
    after it, with that word: "HER2-positive" -> (her 2 positive,), which "HER 2-negative, ER-positive" does not
    hold, "PD-L1-positive" -> (pd l 1 positive, pdl 1 positive). As a name in parts stands together ("non-small"),
    a number's hyphenated word stands beside it."""
    words, runs = reading.words, reading.runs
    phrases = []
    for _, (first, last) in numbers:
        after = last + 1
        if (last == first or runs[last - 1] != runs[last] or not words[last].isdigit()
                or runs[last] not in reading.hyphened or after >= len(words) or not words[after].isalpha()
                or len(words[after]) < 2 or words[after] in reading.stop or runs.count(runs[after]) != 1):
            continue
        phrases.append(tuple(reading.spellings(first, reading.unit(after)[1])))
    return phrases


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
    """name_phrases of a reading whose number phrases are given; a last part of two letters or more ends as its
    stem lets it (_ending: "co-infection" finds "co-infected")."""
    held = [span for _, span in numbers]
    phrases = []
    for first, last in reading.names:
        if any(start <= first and last <= end for start, end in held):
            continue
        word, ways = reading.words[last], reading.spellings(first, last)
        if len(word) > 1:  # a single letter ends there, in the case its joined spelling writes it ("carT")
            ending = _ending(word, reading.stems[last]) if reading.stems else word + ENDING
            ways = [way[:len(way) - len(word)] + ending for way in ways]
        phrases.append(tuple(ways))
    return phrases


# A phrase a query quotes, in straight or curly double quotes: "small cell lung cancer", “breast cancer”.
_QUOTED = re.compile('"([^"]*)"|\u201c([^\u201c\u201d]*)\u201d')
_QUOTES = ('"', "\u201c", "\u201d")


def quoted_phrases(con: duckdb.DuckDBPyConnection, text: str) -> list[tuple[str, ...]]:
    """The phrases a query quotes, each as the words a study's text must hold in that order, anything but letters
    and digits between them ('"cancer of the lung"' -> (cancer of the lung,), stop words included), a name written
    in parts in each of its spellings ('"PD-L1 expression"' -> (pd l 1 expression, pdl 1 expression)), and a word
    written joined or two written apart in each spelling the words of the query find ('"follow up visit"' ->
    (follow up visit, followup visit): Reading.spellings); a quoted single word is that word, searched as any
    other."""
    phrases = []
    for match in _QUOTED.finditer(text):
        reading = _read(con, match.group(1) if match.group(1) is not None else match.group(2))
        if len(reading.words) > 1:
            phrases.append(tuple(reading.spellings(0, len(reading.words) - 1, compounds=True)))
    return list(dict.fromkeys(phrases))


def _unpaired_quote(text: str) -> bool:
    return any(quote in _QUOTED.sub(" ", text) for quote in _QUOTES)


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


# A possessive "'s" after a word, with a straight or typographic apostrophe (Crohn's, Sjögren’s, Hodgkin's): the
# index leaves out its "s" as it leaves out every "s", and no one who writes it means a word to search for.
_POSSESSIVE = re.compile("(?<=[^\\W\\d_])['\u2019]s\\b", re.IGNORECASE)


def left_out(con: duckdb.DuckDBPyConnection, text: str) -> str | None:
    """What of a query the search cannot use, said plainly (None when it uses every word): its stop words
    ("of the" of "cancer of the lung", unless quoted in a phrase), numbers when the index holds none (one an earlier
    trialqc built), and a quote without its pair (no phrase)."""
    if not text.strip() or not index_exists(con):
        return None
    ignored = query_words(con, _POSSESSIVE.sub("", _QUOTED.sub(" ", text)))[1]  # a quoted phrase holds its stop words
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
