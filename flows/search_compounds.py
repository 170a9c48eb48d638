"""The words of a query a study may write otherwise: a word written alone that splits into two words the index holds
("followup": follow up), or two words written apart whose joined spelling the index holds ("long term": longterm)."""
from __future__ import annotations

import duckdb

from flows.search_reading import Reading
from warehouse.search_index import INDEX_SCHEMA
from warehouse.search_terms import STEMMER

# The fewest letters of a word searched also in two parts ("xray": x ray), and the single letters no first part is:
# the article and the pronoun ("atrial" is no "a trial"). A single letter is a first part only ("ecigarette"; a
# last one is an ending: "care" is no "car e").
SPLIT_LETTERS = 4
NOT_PARTS = ("a", "i")


def compounds(con: duckdb.DuckDBPyConnection, reading: Reading,
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
