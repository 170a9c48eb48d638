"""ClinicalTrials.gov API v2 study JSON: one study, a JSON array, NDJSON, JSON values one after another (as
`jq '.studies[]'` writes them), or an API page {"studies": [..]}.

Read as AACT's ctgov_v2 loader reads them: the protocolSection, derivedSection's MeSH terms, removed countries and
version date, annotationSection's unposted events and documentSection's posted documents; besides, derivedSection's
submission tracking (result_submissions), which AACT does not read. Of resultsSection, the studies columns
baseline_population, limitations_and_caveats and baseline_type_units_analyzed, and the adverse events' two sums of
subjects affected that AACT's calculated_values gives (adverse_event_subject_sums). Parts AACT loads into tables
the warehouse does not have are not read otherwise, and a record that gives them loads without them: the outcomes,
participant flow, baseline measures and adverse events themselves, the sites' contacts and investigators
(facility_contacts, facility_investigators) and the references' retractions."""
from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator

import orjson

from flows.parsers.ctgov_json_v2_derived import derived_tables
from flows.parsers.ctgov_json_v2_design import design_tables
from flows.parsers.ctgov_json_v2_fields import json_type, plain_text, section
from flows.parsers.ctgov_json_v2_people_places import people_places_tables
from flows.parsers.ctgov_json_v2_references import provided_document_rows, reference_tables
from flows.parsers.ctgov_json_v2_results import adverse_event_sum_rows
from flows.parsers.ctgov_json_v2_study import id_rows, pending_rows, study_row, submission_rows, text_tables
from flows.parsers.ctgov_json_v2_unpaired import SURROGATE_ESCAPE, paired
from flows.parsers.model import FIELD_SELECTED, NCT_ID, UNPAIRED_ESCAPE, Parsed, Problem, Row, StudyRecord, noted

LAYOUT = "ctgov_json_v2"
# Matched whole (fullmatch), ASCII digits only: "NCT00000410\n" or Arabic-Indic digits are not ids.
_BOM = b"\xef\xbb\xbf"
# Registry records without a statusModule are fragments of a study, not a loadable study.
ID_ONLY_FRAGMENT = "id-only fragment: protocolSection has no statusModule (identification only)"
NO_PROTOCOL = "not an API v2 study: no protocolSection object"
PARTIAL_RECORD = "partial record: protocolSection has no statusModule"
UNREADABLE_STATUS = "statusModule is not an object: the study's status and dates cannot be read"
# The date the registry keeps in the statusModule of every record it posts (the month its sponsor last verified
# the record): a record without it was selected field by field (flows.parsers.model.FIELD_SELECTED). Extracts
# often ask for the posting dates and leave the verification date out.
REGISTRY_KEPT = "statusVerifiedDate"
# A study object that lacks its protocolSection still names the registry's other sections (derivedSection,
# resultsSection): claimed, so that it is rejected for what it lacks, not as a file of no known layout.
_MARKERS = re.compile(
    rb'"(?:protocolSection|identificationModule|derivedSection|resultsSection)"\s*:|"nctId"\s*:\s*"'
    rb'|^[{]\s*"studies"\s*:\s*\['
)


def sniff(head: bytes) -> bool:
    """True for JSON that names protocolSection / identificationModule / derivedSection / resultsSection / nctId,
    or an API page."""
    body = head.removeprefix(_BOM).lstrip()
    return body[:1] in (b"{", b"[") and _MARKERS.search(body) is not None


def parse(raw: bytes) -> Parsed:
    """Every study in `raw` as a StudyRecord; whatever cannot be read as a Problem. Never raises."""
    parsed = Parsed(LAYOUT)
    for where, study, unpaired in _studies(raw, parsed.problems):
        record = _record(study, where, parsed.problems, unpaired)
        if record is not None:
            parsed.records.append(record)
    if not parsed.records and not parsed.problems:
        parsed.problems.append(Problem("no studies in input", "an empty array, page or file"))
    return parsed


def _studies(raw: bytes, problems: list[Problem]) -> Iterator[tuple[str, object, bool]]:
    """(where, study object, whether its strings may hold a lone surrogate) for each study of each JSON document in
    `raw`."""
    for where, document in _documents(raw.removeprefix(_BOM), problems):
        unpaired = type(document) is _Unpaired
        document = document.value if unpaired else document
        if isinstance(document, dict) and "protocolSection" not in document and isinstance(
            document.get("studies"), list
        ):
            document = document["studies"]
        if not isinstance(document, list):
            yield where, document, unpaired
            continue
        for index, study in enumerate(document, start=1):
            yield f"{where}, study {index} of {len(document)}", study, unpaired


def _documents(body: bytes, problems: list[Problem]) -> list[tuple[str, object]]:
    """One document for plain JSON; one per line for NDJSON; one per value for values written one after another
    over several lines each; a Problem for invalid JSON."""
    try:
        return [("document", _loads(body))]
    except orjson.JSONDecodeError as error:
        whole_file_error = _json_error(body, error)
    documents: list[tuple[str, object]] = []
    line_problems: list[Problem] = []
    for number, line in enumerate(body.split(b"\n"), start=1):
        if not line.strip():
            continue
        try:
            documents.append((f"line {number}", _loads(line)))
        except orjson.JSONDecodeError as error:
            if not documents:  # the first line is no JSON value by itself: not NDJSON
                return _one_after_another(body, whole_file_error, problems)
            line_problems.append(Problem("invalid JSON on an NDJSON line",
                                         f"line {number}: {_json_error(line, error)}"))
    problems.extend(line_problems)
    return documents


# orjson's error for a number past the largest a double holds (an enrollment 1e400), which JSON allows.
_INFINITE = "number is infinity"
# Digits Python's int() reads (it refuses 4,300 and more).
_INT_DIGITS = 4000


class _Unpaired:
    """A JSON value read by the standard reader from a document that writes a surrogate escape: its strings may
    hold a lone surrogate, which each study's reading replaces (ctgov_json_v2_unpaired)."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value


def _loads(body: bytes) -> object:
    """The JSON value of `body`. A number past the largest a double holds (1e400), which orjson refuses, does not
    make the whole file unreadable: it is kept as the text the JSON gives, for validation to refuse and quote. Nor
    does a \\uD800-\\uDFFF escape without its pair, which orjson refuses: the standard reader keeps it, and the
    value comes as _Unpaired."""
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError as error:
        if _INFINITE not in str(error) and not _SURROGATE_ESCAPE.search(str(error)):
            raise
        try:
            value = json.loads(body.decode("utf-8"), parse_float=_finite_or_text, parse_int=_int_or_text,
                               parse_constant=_no_constant)
        except (ValueError, RecursionError):
            raise error from None
        return _Unpaired(value) if SURROGATE_ESCAPE.search(body) else value


def _finite_or_text(text: str) -> float | str:
    """A JSON number with a fraction or exponent as float; one past the largest a double holds as its text."""
    number = float(text)
    return number if math.isfinite(number) else text


def _int_or_text(text: str) -> int | str:
    """A JSON integer as int; one of more digits than int() reads as its text."""
    return int(text) if len(text) < _INT_DIGITS else text


# What may stand between two JSON values written one after another.
_BETWEEN = re.compile(r"[\s\x1e]*")


def _one_after_another(body: bytes, whole_file_error: str, problems: list[Problem]) -> list[tuple[str, object]]:
    """The JSON values of a body that holds several, each over several lines ('{\\n  "protocolSection": ...}\\n{\\n'
    as `jq` writes them without -c, or RFC 7464's record separators); none and the whole file's Problem when the
    body does not start with a whole value. Where a later value cannot be read, the values before it are kept
    and a Problem says where the rest stopped being JSON."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        problems.append(Problem("invalid JSON", whole_file_error))
        return []
    decoder = json.JSONDecoder(parse_constant=_no_constant)
    unpaired = SURROGATE_ESCAPE.search(body) is not None
    documents: list[tuple[str, object]] = []
    stopped, at, line, counted = None, _BETWEEN.match(text).end(), 1, 0
    while at < len(text):
        line, counted = line + text.count("\n", counted, at), at
        try:
            value, end = decoder.raw_decode(text, at)
        except ValueError as error:  # json.JSONDecodeError, or a NaN or Infinity, which JSON has not
            stopped = getattr(error, "msg", str(error))
            break
        except RecursionError:  # the standard decoder recurses into each nested array or object
            stopped = "nested deeper than this reader follows"
            break
        documents.append((f"value {len(documents) + 1} (line {line})", _Unpaired(value) if unpaired else value))
        at = _BETWEEN.match(text, end).end()
    if len(documents) < 2:  # no whole value first, or one and no JSON after it: the whole file's error says why
        problems.append(Problem("invalid JSON", whole_file_error))
        return []
    if stopped is not None:
        problems.append(Problem("invalid JSON after a JSON value", f"value {len(documents) + 1} (line {line}): "
                                f"{stopped}; the {len(documents)} values before it are read"))
    return documents


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is no JSON value")


# orjson's errors for a \uD800-\uDFFF escape without its pair ("no low surrogate in string", "invalid high
# surrogate in string"), which names no character: the string cannot be held as text, nor stored.
_SURROGATE_ESCAPE = re.compile(r"(?:no|invalid) (?:low|high) surrogate in string")
_LONE_SURROGATE = ("a \\uD800-\\uDFFF escape without its pair names no character (RFC 8259 section 8.2), so the "
                   "string holding it cannot be read as text")


def _json_error(body: bytes, error: orjson.JSONDecodeError) -> str:
    """The parser's error (with why an unpaired surrogate escape cannot be read), or where the text stops being UTF-8
    when that is why (orjson then says 'surrogates not allowed' at the document's start)."""
    if _SURROGATE_ESCAPE.search(str(error)):
        return f"{error}: {_LONE_SURROGATE}"
    if "UTF-8" not in str(error):
        return str(error)
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as bad:
        return (f"not UTF-8: byte 0x{body[bad.start]:02x} at offset {bad.start} (JSON is UTF-8: latin-1 or "
                "Windows-1252 text must be converted)")
    return str(error)


def _record(study: object, where: str, problems: list[Problem], unpaired: bool = False) -> StudyRecord | None:
    """The StudyRecord of one study object, or None with a Problem saying why it is not loadable. The strings of a
    study that may hold a lone surrogate (`unpaired`) are read as values given otherwise first, and noted."""
    try:
        study, unpaired_notes = paired(study) if unpaired else (study, [])
    except RecursionError:  # each nested array or object is one call deeper
        problems.append(Problem("study could not be mapped", f"{where}: nested deeper than this reader follows"))
        return None
    protocol = study.get("protocolSection") if isinstance(study, dict) else None
    if not isinstance(protocol, dict):
        problems.append(Problem(NO_PROTOCOL, f"{where}: {_what_it_gives(study, protocol)}"))
        return None
    given = section(protocol, "identificationModule").get("nctId")
    nct_id = plain_text(given)
    if nct_id is None and isinstance(given, list):
        problems.append(_boxed_problem(given, where))
        return None
    if nct_id is None:
        problems.append(Problem("no nctId in protocolSection.identificationModule", where))
        return None
    if not NCT_ID.fullmatch(nct_id):
        problems.append(Problem("nctId is not NCT followed by 8 digits", f"{where}: {nct_id[:40]!r}"))
        return None
    if not isinstance(protocol.get("statusModule"), dict):
        problems.append(_fragment_problem(protocol, nct_id, where))
        return None
    noted()  # notes of a study whose reading failed are not this one's
    try:
        record = StudyRecord(nct_id, study_tables(study))
    except Exception as error:  # malformed input never stops the run; the type is enough to debug
        problems.append(Problem("study could not be mapped", f"{where}: {type(error).__name__}", nct_id))
        return None
    problems += [Problem(reason, f"{where}: {part}", nct_id) for reason, part in noted()]
    problems += [Problem(UNPAIRED_ESCAPE, f"{where}: {note}", nct_id) for note in unpaired_notes]
    status = protocol["statusModule"]
    if REGISTRY_KEPT not in status:
        problems.append(Problem(FIELD_SELECTED, f"{where}: statusModule has {', '.join(sorted(status)) or 'nothing'}, "
                                f"not {REGISTRY_KEPT}", nct_id))
    return record


# The most keys a reject names of a study object without its protocolSection, and the longest of each.
_KEYS_NAMED, _KEY_CHARS = 6, 40


def _what_it_gives(study: object, protocol: object) -> str:
    """What a study object without a protocolSection object holds: its keys (the registry's section names, never a
    value), or its type; a protocolSection of another type is said with that type."""
    if not isinstance(study, dict):
        return f"the study is {json_type(study)}"
    if protocol is not None:
        return f"protocolSection is {json_type(protocol)}"
    keys = [repr(key[:_KEY_CHARS]) for key in list(study)[:_KEYS_NAMED]]
    more = " and more" if len(study) > _KEYS_NAMED else ""
    return f"the study gives {', '.join(keys)}{more}" if keys else "the study is an empty object"


BOXED_VALUES = "values wrapped in lists"


def _boxed_problem(given: list, where: str) -> Problem:
    """The reject of a study whose nctId is a list: a converter's output that wraps every value in a list (R's
    jsonlite without auto_unbox writes ["NCT01958125"]), not the registry's API v2 JSON, in which nctId is text.
    Unwrapping would guess: in API v2 a one-item list is a list (one condition, one keyword)."""
    named = given[0] if len(given) == 1 and isinstance(given[0], str) and NCT_ID.fullmatch(given[0]) else None
    return Problem(BOXED_VALUES, f"{where}: nctId is a list{f' ({named})' if named else ''}, not text: the file wraps "
                   "its values in lists (as R's jsonlite writes them without auto_unbox); write it with "
                   "auto_unbox = TRUE, or download the study again from API v2", named)


def _fragment_problem(protocol: dict, nct_id: str, where: str) -> Problem:
    if set(protocol) == {"identificationModule"}:
        return Problem(ID_ONLY_FRAGMENT, where, nct_id)
    if protocol.get("statusModule") is not None:
        return Problem(UNREADABLE_STATUS, f"{where}: {json_type(protocol['statusModule'])}", nct_id)
    modules = ", ".join(sorted(protocol))
    return Problem(PARTIAL_RECORD, f"{where}: modules {modules}", nct_id)


def study_tables(study: dict) -> dict[str, list[Row]]:
    """Rows per warehouse table for one API v2 study object; tables without rows are left out."""
    protocol = study["protocolSection"]
    tables: dict[str, list[Row]] = {"studies": [study_row(study)]}
    tables.update(text_tables(protocol))
    tables.update(design_tables(protocol))
    tables.update(people_places_tables(study))
    tables.update(derived_tables(section(study, "derivedSection")))
    tables["id_information"] = id_rows(protocol)
    tables["pending_results"] = pending_rows(study)
    tables.update(reference_tables(protocol))
    tables["provided_documents"] = provided_document_rows(study)
    tables["result_submissions"] = submission_rows(study)
    tables["adverse_event_subject_sums"] = adverse_event_sum_rows(study)
    return {name: rows for name, rows in tables.items() if rows}
