"""Message and evidence templates turned into SQL string expressions for rule SELECTs."""
from __future__ import annotations

from string import Formatter


def literal(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


# The blanks around a value that say nothing of it, for trim(): spaces, tabs, line breaks and no-break spaces.
BLANKS = literal(" \t\n\r\u00a0")


def title_key(expr: str) -> str:
    """SQL: an arm title or intervention name as links and arm counts match it, without regard to case, runs of
    white space (no-break spaces too) or closing full stops ("Arm  A" and "arm a." are one label). The regular
    expression runs only on the few names that hold such white space or end in a full stop: on every title it would
    double a rule's time."""
    odd = " OR ".join(f"contains({expr}, {c})" for c in ("'  '", "chr(9)", "chr(10)", "chr(13)", "chr(160)"))
    return (f"CASE WHEN rtrim({expr}) LIKE '%.' OR {odd} "
            f"THEN trim(rtrim(lower(regexp_replace({expr}, '[\\s\\x{{00A0}}]+', ' ', 'g')), '. ')) "
            f"ELSE lower(trim({expr})) END")


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
