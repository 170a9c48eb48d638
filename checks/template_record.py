"""Rule invalid_values.template_record: a record whose title and lead sponsor are both a template's placeholders.

Software that reads registry records is tested on records made up for it, and such a record sometimes carries an NCT
number the registry has issued to another study ("A Study of Drug X in HER2-Positive Breast Cancer", sponsor "Pharma
Corp", as NCT04567890). identity.nct_number_not_yet_issued tells only numbers beyond the registry's. Two signs of a
template, each in its own field, are required: a title that names a placeholder product ("Drug X", "Compound Y") or is
its own label ("Brief Title", "Official Title"), and a lead sponsor that is a placeholder ("Pharma Corp", "Sponsor
Agency"). One alone is no sign: a real title may be generic, and a real company's name plain.
"""
from __future__ import annotations

from checks.rule import Rule
from checks.sql_text import literal, sql_text

RULE_ID = "invalid_values.template_record"
# A placeholder product ("Drug X", "Compound Y", "Study Drug Z"; the letter in capitals, a word of its own, not
# "X-ray"), and a title that is its own label.
PLACEHOLDER_PRODUCT = r"\b(?i:drug|compound|study\s+drug|investigational\s+product|product|agent)\s+[XYZ]"
_PRODUCT_ALONE = PLACEHOLDER_PRODUCT + r"(?:$|[^\w-])"
LABEL_TITLE = r"(?i)^\s*(?:brief|official)\s+title\s*$"
# A placeholder sponsor: a template's generic company or its field's label.
PLACEHOLDER_SPONSOR = (r"(?i)^\s*(?:pharma\s+corp(?:oration)?|sponsor\s+(?:agency|name|company|organi[sz]ation)"
                       r"|lead\s+sponsor|test\s+sponsor|example\s+[a-z]+)\s*\.?\s*$")


def _placeholder_in(column: str) -> str:
    """SQL: whether the title `column` names a placeholder product or is its own label."""
    return f"(regexp_matches({column}, {literal(_PRODUCT_ALONE)}) OR regexp_matches({column}, {literal(LABEL_TITLE)}))"


_TITLE = (f"CASE WHEN {_placeholder_in('s.brief_title')} THEN 'brief' "
          f"WHEN {_placeholder_in('s.official_title')} THEN 'official' END")


def _template_record_sql() -> str:
    """One finding per study whose title and lead sponsor are both placeholders."""
    title = "CASE WHEN t.which = 'brief' THEN t.brief_title ELSE t.official_title END"
    texts = {"which": "t.which", "title": title, "sponsor": "t.sponsor",
             "placeholder": f"CASE WHEN regexp_matches({title}, {literal(_PRODUCT_ALONE)}) "
                            f"THEN regexp_extract({title}, {literal(PLACEHOLDER_PRODUCT)}) ELSE trim({title}) END"}
    message = sql_text("The {which} title names a placeholder, '{placeholder}', and the lead sponsor is a placeholder, "
                       "'{sponsor}': a template's record, made up to test software, not a registered study (its NCT "
                       "number may be one the registry has issued to another).", **texts)
    evidence = sql_text("studies.{which}_title = '{title}'; sponsors.name = '{sponsor}'", **texts)
    return f"""
        SELECT t.nct_id, {message} AS message, {evidence} AS evidence,
               ['studies.' || t.which || '_title', 'sponsors.name'] AS fields
        FROM (SELECT s.nct_id, s.brief_title, s.official_title, {_TITLE} AS which, min(p.name) AS sponsor
              FROM studies s JOIN sponsors p ON p.nct_id = s.nct_id AND p.lead_or_collaborator = 'lead'
              WHERE regexp_matches(p.name, {literal(PLACEHOLDER_SPONSOR)})
              GROUP BY ALL) t
        WHERE t.which IS NOT NULL"""


RULES = (
    Rule(RULE_ID, "invalid_value", "warning",
         "A record whose title names a template's placeholder product ('A Study of Drug X') or is its own label "
         "('Brief Title'), and whose lead sponsor is a placeholder ('Pharma Corp', 'Sponsor Agency'), was made up "
         "to test software, not registered: counted, it adds a study that does not exist, under an NCT number the "
         "registry may have issued to another. Both signs are required, each in its own field.",
         ("studies.brief_title", "studies.official_title", "sponsors.name"), sql=_template_record_sql()),
)
