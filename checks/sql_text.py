"""Message and evidence templates turned into SQL string expressions for rule SELECTs."""
from __future__ import annotations

from string import Formatter


def literal(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def one_of(values) -> str:
    """A parenthesised SQL list of the text values, for IN: ('A', 'B')."""
    return "(" + ", ".join(literal(v) for v in values) + ")"


def sql_text(template: str, **exprs: str) -> str:
    """SQL that renders `template`, each {name} filled by the SQL expression `exprs[name]`.

    DuckDB's concat turns each part into text and NULL parts into empty text, so a message is
    never NULL.
    """
    parts = []
    for text, name, _spec, _conv in Formatter().parse(template):
        if text:
            parts.append(literal(text))
        if name is not None:
            parts.append(exprs[name])
    return f"concat({', '.join(parts)})" if parts else "''"
