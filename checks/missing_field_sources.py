"""The source a missing-field rule judges a study on: its current record where that layout shows the rule's fields,
else nothing; the registry's own record where one was loaded beside a newer page that lacks them too; and not a
field the judged record gave in a form validation refused."""
from __future__ import annotations

import re

from checks.placeholder_values import in_list
from checks.scoped_tables import IN_SCOPE
from flows.parsers import PARSERS, REGISTRY_LAYOUTS


# The studies columns every registry version keeps in meta.source_records.
_VERSION_COLUMNS = ("overall_status", "phase", "study_type", "enrollment", "enrollment_type", "start_date",
                    "start_date_precision", "primary_completion_date", "primary_completion_date_precision",
                    "completion_date", "completion_date_precision", "brief_title")


def hidden_from(fields: tuple[str, ...]) -> list[str]:
    """The layouts whose pages show none of `fields`: a rule on them says nothing about such a record."""
    return [entry.layout for entry in PARSERS if not any(entry.shows(field) for field in fields)]


_REGISTRY = in_list(list(REGISTRY_LAYOUTS))
# A republished page is current although the registry's own record of the study was loaded too.
_PAGE_OVER_REGISTRY = (f"(coalesce(s.source_layout, '') NOT IN {_REGISTRY} AND EXISTS (SELECT 1 FROM "
                       f"meta.source_records v WHERE v.nct_id = s.nct_id AND v.layout IN {_REGISTRY} "
                       f"AND v.{IN_SCOPE}))")


def _registry_version(columns: list[str]) -> str:
    """Such studies' rows with the studies `columns` of the newest registry record: the richest source."""
    picked = ", ".join(f"r.{column} AS {column}" if column in _VERSION_COLUMNS else f"cur.{column}"
                       for column in columns)
    return (f"SELECT {picked}, r.layout AS judged_on, r.sha256 AS judged_sha256 "
            f"FROM studies cur JOIN ("
            f"SELECT * FROM meta.source_records WHERE layout IN {_REGISTRY} "
            # only the (scoped) studies whose current record is a page are judged so: window none of the rest
            f"AND nct_id IN (SELECT nct_id FROM studies WHERE source_layout NOT IN {_REGISTRY}) "
            "QUALIFY row_number() OVER (PARTITION BY nct_id ORDER BY last_update_posted_date DESC NULLS LAST, "
            f"loaded_run DESC, sha256) = 1) r USING (nct_id) WHERE cur.source_layout NOT IN {_REGISTRY}")


# A studies column a rule's SQL reads of the study it judges ('s.enrollment').
_STUDY_COLUMN = re.compile(r"\bs\.([a-z_][a-z0-9_]*)")
# The columns judging a study on one source or another always reads.
_JUDGING_COLUMNS = ("nct_id", "source_layout", "source_sha256")


def _versions(*sql: str) -> str:
    """SQL: each study's current row, and the newest registry record's (`judged_on` its layout) where the current
    record is a page, with the studies columns `sql` reads as `s.<column>`: fewer columns are cheaper to plan."""
    columns = list(dict.fromkeys(_JUDGING_COLUMNS + tuple(c for text in sql for c in _STUDY_COLUMN.findall(text))))
    current = (f"SELECT {', '.join(columns)}, CAST(NULL AS VARCHAR) AS judged_on, source_sha256 AS judged_sha256 "
               "FROM studies")
    return f"({current} UNION ALL {_registry_version(columns)})"


def _given(fields: tuple[str, ...], sha256: str) -> str:
    """SQL: the version `sha256` of the study gave one of `fields`, and validation refused it (meta.raw_values).
    The field is not missing then: the invalid_value issue quotes what the source gave."""
    return (f"EXISTS (SELECT 1 FROM meta.raw_values rv WHERE rv.nct_id = s.nct_id AND rv.sha256 = {sha256} "
            f"AND rv.table_name || '.' || rv.column_name IN {in_list(list(fields))})")


def judged_sql(fields: tuple[str, ...], select: str, evidence: str, where: str) -> str:
    """The rule's SELECT over the source each study is judged on: the current record where its layout
    shows the fields, else nothing; the registry's own record when one was loaded beside a current page.
    A field the judged record gave in a form validation refused is not missing. (The rows of either source that lack
    the fields are found once, in a CTE read twice: written out per source, the rule cost twice as much to plan.)"""
    hidden = hidden_from(fields)
    shown = f" AND coalesce(s.source_layout, '') NOT IN {in_list(hidden)}" if hidden else ""
    if not all(f.startswith("studies.") for f in fields):
        return (f"{select}{evidence} AS evidence FROM studies s WHERE ({where}){shown} AND NOT {_PAGE_OVER_REGISTRY} "
                f"AND NOT {_given(fields, 's.source_sha256')}")
    judged = f"{evidence} || coalesce('; judged on the ' || s.judged_on || ' record, the richest source loaded', '')"
    lacking = (f"SELECT * FROM {_versions(select, evidence, where)} s WHERE ({where}) "
               f"AND NOT {_given(fields, 's.judged_sha256')}")
    return (f"WITH lacking AS MATERIALIZED ({lacking}) {select}{judged} AS evidence FROM lacking s "
            f"WHERE CASE WHEN s.judged_on IS NULL THEN NOT {_PAGE_OVER_REGISTRY}{shown} "
            f"ELSE {_page_lacks_too(hidden)} END")


def _page_lacks_too(hidden: list[str]) -> str:
    """SQL: the current page of a study judged on the registry's own (older) record never shows the fields, or shows
    them no better (the rule's condition holds on it too, and it gave no value validation refused). A page that gives
    the start date, enrollment or phase the older record lacked has given it since: the study does not lack it now."""
    pages = f"(SELECT p.nct_id FROM lacking p WHERE p.judged_on IS NULL AND p.source_layout NOT IN {_REGISTRY})"
    shown_nowhere = f"coalesce(s.source_layout, '') IN {in_list(hidden)} OR " if hidden else ""
    return f"({shown_nowhere}s.nct_id IN {pages})"
