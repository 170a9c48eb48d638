"""Rule invalid_values.title_markup: a title that holds HTML markup (`<em>`, `<b>`, `<span class="...">`, `<mark>`).

The registry keeps a title as plain text and shows it as such: a brief or official title that holds an HTML tag reads
otherwise than it was meant to, whether the sponsor typed the markup ("<Sup>18<Sup>F-FDG-PET/CT", which the registry
posts as written) or a web page's copy kept a search engine's highlighting ("Inflammation in <mark
class="hl-synonym">Coronary</mark> Arteries"). Only the tags of
HTML's text elements are read, each whole: an opening tag with its name and attributes and the closing `>`, or a
closing tag. An angle bracket of a bound ("<18 years", "Age <65", "p<0.05", "IL-6 <5 pg/mL", "5-<12 Years") or around a
word that is no HTML element ("Bexxar <Tositumomab>") is none.
"""
from __future__ import annotations

from checks.rule import Rule
from checks.sql_text import literal, sql_text

RULE_ID = "invalid_values.title_markup"
# HTML's text elements, which a web page's copy of a title may keep: emphasis, highlighting, spans, line breaks.
_ELEMENTS = ("em", "b", "i", "u", "strong", "span", "mark", "sup", "sub", "br", "p", "div", "a", "font", "small",
             "big", "strike", "del", "ins", "code", "tt", "h[1-6]", "li", "ul", "ol")
# A whole tag (RE2, as DuckDB reads it): `<mark>`, `<span class="hl">`, `<br/>`, `</em>`; attributes written name=value.
MARKUP = (r"(?i)</?(?:" + "|".join(_ELEMENTS) + r")(?:\s+[a-z][a-z-]*\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s<>\"']+))*"
          r"\s*/?>")
# How much of a title the evidence quotes.
QUOTE_CHARS = 300
_TITLES = (("brief title", "studies.brief_title", "brief_title"),
           ("official title", "studies.official_title", "official_title"))


def _title_markup_sql() -> str:
    """One finding per title that holds markup, quoting its first tag and the title."""
    texts = {"label": "t.label", "tag": f"regexp_extract(t.title, {literal(MARKUP)})", "field": "t.field",
             "title": f"left(t.title, {QUOTE_CHARS})"}
    message = sql_text("The {label} holds HTML markup, '{tag}', which the registry shows as literal text: the title "
                       "reads otherwise than it was meant to (a superscript or emphasis typed as tags, or a web page's "
                       "search highlighting copied with the title).", **texts)
    evidence = sql_text("{field} = '{title}'", **texts)
    titles = " UNION ALL ".join(f"SELECT nct_id, {literal(label)} AS label, {literal(field)} AS field, {column} "
                                "AS title FROM studies" for label, field, column in _TITLES)
    return f"""
        SELECT t.nct_id, {message} AS message, {evidence} AS evidence, [t.field] AS fields
        FROM ({titles}) t
        WHERE regexp_matches(t.title, {literal(MARKUP)})"""


RULES = (
    Rule(RULE_ID, "invalid_value", "warning",
         "The registry keeps a title as plain text: a brief or official title holding HTML tags (<em>, <b>, "
         "<span class=\"...\">, <mark>, </i>, <sup>) reads otherwise than meant when searched, compared or shown, "
         "whether the sponsor typed the markup or a web page's copy kept a search's highlighting. "
         "Only whole tags of HTML's text elements are read; an angle bracket of a bound ('<18 years', 'p<0.05') or "
         "around a word that is no HTML element is none.",
         ("studies.brief_title", "studies.official_title"), sql=_title_markup_sql()),
)
