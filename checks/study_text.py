"""Read the scoped studies' rows and free text in batch (one query per table) and quote it."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

import duckdb

from checks.rule import CheckScope

# Text that states what this study is (not narrative that may describe other studies).
DESIGN_FIELDS = (
    "studies.official_title", "studies.brief_title", "designs.intervention_model_description",
    "designs.masking_description", "design_groups.title", "design_groups.description",
    "interventions.description",
)
# Narrative that often cites earlier trials: only sentences about this study count.
NARRATIVE_FIELDS = ("brief_summaries.description", "detailed_descriptions.description")
EXCERPT_WIDTH = 60
# How a person names each text field in a message.
FIELD_LABELS = {
    "studies.official_title": "official title", "studies.brief_title": "brief title",
    "designs.intervention_model_description": "design description",
    "designs.masking_description": "masking description", "design_groups.title": "arm title",
    "design_groups.description": "arm description", "interventions.description": "intervention description",
    "interventions.name": "intervention name", "brief_summaries.description": "brief summary",
    "detailed_descriptions.description": "detailed description",
    "design_outcomes.measure": "outcome measure", "design_outcomes.description": "outcome description",
}


class _once:
    """A property computed on first use and then kept in the instance (cheaper than cached_property's lock)."""

    def __init__(self, compute):
        self.compute, self.name, self.__doc__ = compute, compute.__name__, compute.__doc__

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


@dataclass(frozen=True)
class StudyText:
    """One piece of a study's free text and the `table.column` it came from."""

    field: str
    text: str

    @_once
    def lowered(self) -> str:
        """The text in lower case, for cheap word tests before a pattern search."""
        return self.text.lower()

    @_once
    def memo(self) -> dict:
        """What rules found in this text, by what they looked for: several rules ask the same."""
        return {}

    @property
    def label(self) -> str:
        """How a person names this field: 'arm description'."""
        return FIELD_LABELS.get(self.field, self.field)

    @property
    def narrative(self) -> bool:
        """True for summaries and descriptions, which also describe other studies."""
        return self.field in NARRATIVE_FIELDS


def scoped_rows(con: duckdb.DuckDBPyConnection, scope: CheckScope, table: str,
                columns: Iterable[str]) -> list[tuple]:
    """Rows (nct_id, *columns) of one table for every study in check_scope, in one query (shared by rules)."""
    columns = tuple(columns)
    cols = ", ".join(f"t.{c}" for c in columns)
    return scope.shared(("rows", table, columns), lambda: con.execute(
        f"SELECT t.nct_id, {cols} FROM {table} t JOIN check_scope s USING (nct_id) ORDER BY t.rowid"
    ).fetchall())


def rows_by_study(con: duckdb.DuckDBPyConnection, scope: CheckScope, table: str,
                  columns: Iterable[str]) -> dict[str, list[tuple]]:
    """Scoped rows of one table grouped by nct_id (the nct_id is dropped from each row).

    Only the studies of `scope.nct_ids` are returned: a worker given part of the scope sees its part.
    """
    columns = tuple(columns)
    grouped = scope.shared(("grouped", table, columns), lambda: _group(scoped_rows(con, scope, table, columns)))
    return _part(grouped, scope)


def _group(rows: list[tuple]) -> dict[str, list[tuple]]:
    grouped: dict[str, list[tuple]] = defaultdict(list)
    for nct_id, *values in rows:
        grouped[nct_id].append(tuple(values))
    return dict(grouped)


def _part(by_study: dict[str, list], scope: CheckScope) -> dict[str, list]:
    """The entries of the studies in scope.nct_ids."""
    return {k: v for k, v in by_study.items() if k in scope.nct_ids}


def texts_by_study(con: duckdb.DuckDBPyConnection, scope: CheckScope,
                   fields: Iterable[str]) -> dict[str, list[StudyText]]:
    """Non-empty text of the given `table.column` fields for each scoped study (shared by rules)."""
    fields = tuple(fields)
    return _part(scope.shared(("texts", fields), lambda: _read_texts(con, scope, fields)), scope)


def _read_texts(con: duckdb.DuckDBPyConnection, scope: CheckScope,
                fields: tuple[str, ...]) -> dict[str, list[StudyText]]:
    by_table: dict[str, list[str]] = defaultdict(list)
    for name in fields:
        table, column = name.split(".")
        by_table[table].append(column)
    texts: dict[str, list[StudyText]] = defaultdict(list)
    for table, columns in by_table.items():
        for nct_id, *values in scoped_rows(con, scope, table, columns):
            for column, value in zip(columns, values):
                if isinstance(value, str) and value.strip():
                    texts[nct_id].append(StudyText(f"{table}.{column}", value))
    return dict(texts)


def excerpt(text: str, start: int, end: int, width: int = EXCERPT_WIDTH) -> str:
    """The matched span with up to `width` characters either side, on one line."""
    left, right = max(0, start - width), min(len(text), end + width)
    snippet = re.sub(r"\s+", " ", text[left:right]).strip()
    return ("..." if left else "") + snippet + ("..." if right < len(text) else "")


def quote(field: str, text: str, start: int, end: int) -> str:
    """Evidence for one side of a contradiction: `table.column: '...excerpt...'`."""
    return f"{field}: '{excerpt(text, start, end)}'"


# A sentence speaks of another study when it cites one, reports a finding, or names an
# earlier, parent, ongoing or future study. Each entry: (what it recognises, pattern).
OTHER_STUDY = tuple((name, re.compile(pattern, re.I)) for name, pattern in (
    ("citation", r"\bet\s+al\b|\bpublished\b|\bliterature\b|\bmeta-?analys"),
    ("reported finding", r"\breported\s+(?:that|in|by)\b|\bshowed\b|\bdemonstrated\b"
                         r"|\b(?:has|have|had|was|were)\s+(?:been\s+)?(?:shown|proven|reported)\b"),
    ("previous study", r"\bprevious(?:ly)?\s+(?:[\w-]+\s+){0,2}?(?:study|studies|trials?|reports?|work|research"
                       r"|publications?)\b|\bpreviously\s+(?:reported|described|conducted|completed|randomi[sz]ed"
                       r"|enrolled|participated)\b"),
    ("parent study", r"\b(?:parent|prior|preceding|feeder|core|originating|antecedent|earlier|lead-in|index)\s+"
                     r"(?:[\w-]+\s+)?(?:study|studies|trial|trials|protocol)\b"),
    ("registry id", r"\bNCT\d{8}\b"),
    ("a study elsewhere", r"\bin\s+(?:a|an|one|two|three|several|many|recent)\s+(?:[\w,()/-]+\s+){0,10}?"
                          r"(?:study|trial|studies|trials)\b"),
    ("a study to prepare", r"\b(?:perform|performing|conduct|conducting|inform|informing|design|designing|prepare"
                           r"|preparing|support|feasibility\s+of)\s+(?:of\s+|for\s+)?(?:a|an)\s+"
                           r"(?:[\w-]+\s+){0,4}?(?:study|trial)\b"),
    ("future study", r"\b(?:future|subsequent|larger|definitive|full[\s-]scale|large[\s-]scale|follow-on)\s+"
                     r"(?:[\w-]+\s+){0,3}?(?:study|studies|trials?|rcts?)\b"),
    ("proposed next study", r"\bwe\s+(?:then\s+|would\s+|will\s+)?propose\s+(?:to\s+(?:conduct|perform|run)\s+)?"
                            r"(?:a|an)\s+(?:[\w-]+\s+){0,6}?(?:study|trial|rct)\b"),
    ("proceed to a study", r"\b(?:proceed|move|advance|progress|go\s+on)\s+(?:on\s+)?(?:with|to|into)\s+"
                           r"(?:a|an)\s+(?:[\w-]+\s+){0,6}?(?:study|trial|rct)\b"),
    ("earlier study conducted", r"^\s*(?:a|an|one)\s+(?:[\w-]+\s+){0,6}?(?:study|trial|survey|analysis)\s+"
                                r"(?:was|were|had\s+been|has\s+been)\s+(?:conducted|performed|carried\s+out"
                                r"|done|undertaken|completed)\b"),
    ("patients of a parent study", r"\b(?:patients|participants|subjects|individuals)\s+(?:[\w-]+\s+){0,3}?"
                                   r"(?:from|who\s+(?:have\s+)?(?:completed|finished|took\s+part\s+in"
                                   r"|were\s+(?:enrolled|randomi[sz]ed)\s+in))\s+(?:the|a|an)\s+"
                                   r"(?:[\w-]+\s+){0,6}?(?:study|trial|protocol)\b"),
    ("ongoing", r"\bcurrently\s+in\s+progress\b|\bongoing\b"),
    ("studies in the plural", r"\bstudies\b"),
    ("rollover", r"\brolled\s+over\b|\bparticipated\s+in\b|\b(?:completed|enrolled\s+in|finished)\s+"
                 r"(?:the\s+|a\s+)?(?:[\w-]+\s+){0,4}?(?:study|trial|protocol)\b"),
))
# A narrative sentence speaks of this study when it says so ("this study", "we will", "patients will").
SELF_REFERENCE = tuple((name, re.compile(pattern, re.I)) for name, pattern in (
    ("this study", r"\b(?:this|the\s+present|the\s+current|the\s+proposed|our)\s+(?:[\w,()/-]+\s+){0,12}?"
                   r"(?:study|trial|protocol|research|investigation|project|design)\b"),
    ("we do", r"\bwe\s+(?:will|plan|propose|aim|intend|conducted|performed|designed|are\s+conducting)\b"),
    ("this is", r"^\s*this\s+(?:is|was|will)\b"),
    ("participants will", r"\b(?:patients|participants|subjects)\s+(?:are|will)\b"),
    ("named study is", r"^\s*(?:the\s+)?[\w-]+\s+(?:is|was)\s+(?:a|an)\s+(?:[\w,()/-]+\s+){0,12}?(?:study|trial)\b"),
    ("will be given", r"\b(?:will|shall)\s+(?:be|receive|undergo)\b"),
    ("a study opens", r"^\s*(?:a|an)\s+(?:[\w,()/-]+\s+){0,10}?(?:study|trial)\b"),
))


# Words (lower case) that every match of a context pattern contains: groups, each of which must
# have a word in the sentence. A sentence lacking them is not searched with the pattern. The test
# is exact for ASCII text only (whose case folding is str.lower), so other text is always searched.
CONTEXT_WORDS = {
    "citation": (("et", "published", "literature", "meta"), ("al", "published", "literature", "meta")),
    "reported finding": (("reported", "showed", "demonstrated", "shown", "proven"),),
    "previous study": (("previous",),),
    "parent study": (("parent", "prior", "preceding", "feeder", "core", "originating", "antecedent", "earlier",
                      "lead-in", "index"), ("stud", "trial", "protocol")),
    "registry id": (("nct",),),
    "a study elsewhere": (("in",), ("stud", "trial")),
    "a study to prepare": (("perform", "conduct", "inform", "design", "prepar", "support", "feasibility"),
                           ("study", "trial")),
    "future study": (("future", "subsequent", "larger", "definitive", "scale", "follow-on"), ("stud", "trial", "rct")),
    "proposed next study": (("we",), ("propose",), ("study", "trial", "rct")),
    "proceed to a study": (("proceed", "move", "advance", "progress", "go"), ("with", "to"), ("study", "trial", "rct")),
    "earlier study conducted": (("study", "trial", "survey", "analysis"),
                                ("conducted", "performed", "carried", "done", "undertaken", "completed")),
    "patients of a parent study": (("patients", "participants", "subjects", "individuals"), ("from", "who"),
                                   ("study", "trial", "protocol")),
    "ongoing": (("progress", "ongoing"),),
    "studies in the plural": (("studies",),),
    "rollover": (("rolled", "participated", "completed", "enrolled", "finished"),),
    "this study": (("this", "present", "current", "proposed", "our"),
                   ("study", "trial", "protocol", "research", "investigation", "project", "design")),
    "we do": (("we",), ("will", "plan", "propose", "aim", "intend", "conducted", "performed", "designed",
                        "conducting")),
    "this is": (("this",),),
    "participants will": (("patients", "participants", "subjects"), ("are", "will")),
    "named study is": (("is", "was"), ("study", "trial")),
    "will be given": (("will", "shall"), ("be", "receive", "undergo")),
    "a study opens": (("study", "trial"),),
}
_OTHER_STUDY_GATED = tuple((name, pattern, CONTEXT_WORDS[name]) for name, pattern in OTHER_STUDY)
_SELF_REFERENCE_GATED = tuple((pattern, CONTEXT_WORDS[name]) for name, pattern in SELF_REFERENCE)


def may_match(lowered: str | None, groups: tuple[tuple[str, ...], ...]) -> bool:
    """Whether a lower-cased ASCII sentence (None for other text) has the words a pattern needs."""
    if lowered is None:
        return True
    for group in groups:
        for word in group:
            if word in lowered:
                break
        else:
            return False
    return True


def _lowered_ascii(sentence: str) -> str | None:
    return sentence.lower() if sentence.isascii() else None


def other_study(sentence: str) -> str | None:
    """What marks a sentence as speaking of another study ('future study'...), or None."""
    return _other_study(sentence, _lowered_ascii(sentence))


def _other_study(sentence: str, lowered: str | None) -> str | None:
    return next((name for name, pattern, words in _OTHER_STUDY_GATED
                 if may_match(lowered, words) and pattern.search(sentence)), None)


def about_this_study(sentence: str, narrative: bool) -> bool:
    """Whether a sentence speaks of this study: never when it points at another; in narrative
    text (summaries, which also describe other studies) only when it says it is this one."""
    lowered = _lowered_ascii(sentence)
    if _other_study(sentence, lowered):
        return False
    return not narrative or any(may_match(lowered, words) and pattern.search(sentence)
                                for pattern, words in _SELF_REFERENCE_GATED)
