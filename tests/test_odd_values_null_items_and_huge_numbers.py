"""Odd values in machine records: each loads its study and is read, kept or quoted as the source gives it.

Every variant is one study (one file) of one run, so that the pipeline runs once for the module."""
from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from flows.run import run_pipeline
from tests.conftest import AS_OF
from tests.new_warehouse import connect_new
from tests.test_bad_input import XML_TEMPLATE, study_json, write

XML_ID = "NCT00004154"  # the legacy XML template's id

# stdAges as given, the (adult, child, older_adult) flags loaded, and the odd item quoted (None: nothing is odd).
AGE_GROUPS = {
    "null": ([None], (None, None, None), "'null'"),
    "adult-and-null": (["ADULT", None], (True, None, None), "'null'"),
    "blank-and-adult": (["", "ADULT"], (True, None, None), "''"),
    "adult-and-older": (["ADULT", "OLDER_ADULT"], (True, False, True), None),
    "child": (["CHILD"], (False, True, False), None),
}
# A count past the most a count may be, as the JSON writes it, and its raw value as kept.
COUNTS_PAST_THE_MOST = {"exponent": ("1e30", "1e+30"), "past-int64": ("9223372036854775808", "9223372036854775808"),
                        "past-the-most": ("100000001", "100000001")}
# A number past the largest a double holds, as the JSON writes it (and as it is kept).
PAST_A_DOUBLE = {"exponent": "1e400", "negative": "-1e400", "400-digits": "1" + "0" * 400}
# A legacy element given twice: the template's element and what replaces it.
TWICE = {"phase": ("<phase>Phase 3</phase>", "<phase>Phase 2</phase>\n  <phase>Phase 3</phase>"),
         "enrollment": ('<enrollment type="Actual">111</enrollment>',
                        '<enrollment type="Actual">111</enrollment>\n'
                        '  <enrollment type="Anticipated">150</enrollment>')}
REPEATED = "<condition>Bladder Cancer</condition>"


def _ids(prefix: int, names) -> dict[str, str]:
    return {name: f"NCT0915{prefix}{n:03d}" for n, name in enumerate(names)}


AGE_IDS, COUNT_IDS, DOUBLE_IDS, TWICE_IDS = (_ids(1, AGE_GROUPS), _ids(2, COUNTS_PAST_THE_MOST),
                                             _ids(3, PAST_A_DOUBLE), _ids(4, TWICE))
MASKED_ID, AT_THE_MOST_ID, REPEATED_ID = "NCT09155001", "NCT09155002", "NCT09155003"


def _json(folder, nct_id: str, change, count: str | None = None) -> None:
    """The golden record as `nct_id`, changed by `change(protocol)`; a count written into the JSON as given."""
    record = study_json(nct_id)
    change(record["protocolSection"])
    body = json.dumps(record)
    if count is not None:
        body = body.replace('"<count>"', count, 1)  # as the JSON writes it: 1e30, not 1e+30
    write(folder, f"{nct_id}.json", body.encode())


def _enrollment(protocol: dict, count: object = "<count>") -> None:
    protocol["designModule"]["enrollmentInfo"] = {"count": count, "type": "ACTUAL"}


def _xml(folder, nct_id: str, old: str, new: str) -> None:
    xml = XML_TEMPLATE.read_text(encoding="utf-8")
    assert old in xml and XML_ID in xml
    write(folder, f"{nct_id}.xml", xml.replace(old, new, 1).replace(XML_ID, nct_id).encode())


def _variants(folder) -> None:
    for name, (ages, _, _) in AGE_GROUPS.items():
        _json(folder, AGE_IDS[name], lambda p, ages=ages: p["eligibilityModule"].update(stdAges=ages))
    _json(folder, MASKED_ID, lambda p: p["designModule"]["designInfo"].update(
        maskingInfo={"masking": "DOUBLE", "whoMasked": [None]}))
    for name, (count, _) in COUNTS_PAST_THE_MOST.items():
        _json(folder, COUNT_IDS[name], _enrollment, count)
    _json(folder, AT_THE_MOST_ID, lambda p: _enrollment(p, 100_000_000))
    for name, count in PAST_A_DOUBLE.items():
        _json(folder, DOUBLE_IDS[name], _enrollment, count)
    for name, (old, new) in TWICE.items():
        _xml(folder, TWICE_IDS[name], old, new)
    _xml(folder, REPEATED_ID, REPEATED, f"{REPEATED}\n  <condition>Urothelial Carcinoma</condition>\n"
                                        "  <keyword>bladder</keyword>\n  <keyword>cystectomy</keyword>")
    # NaN is no JSON value, beside a number past a double: the file stays rejected, not read by the decoder that
    # keeps large numbers.
    record = study_json("NCT09155004")
    _enrollment(record["protocolSection"])
    body = json.dumps(record).replace('"<count>"', "1e400", 1).replace('"ACTUAL"', "NaN", 1)
    write(folder, "nan.json", body.encode())


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """One run over every variant."""
    folder = tmp_path_factory.mktemp("odd_values")
    _variants(folder / "in")
    con = connect_new(folder / "trials.duckdb")
    result = run_pipeline(con, run_id="odd", source=folder / "in", db_path=folder / "trials.duckdb", as_of=AS_OF)
    yield SimpleNamespace(con=con, result=result)
    con.close()


def _rows(loaded, sql: str, nct_id: str) -> list[tuple]:
    return loaded.con.execute(sql, [nct_id]).fetchall()


def _issues(loaded, nct_id: str, rule: str) -> list[str]:
    """Messages of one rule on one study, in order."""
    return [m for (m,) in _rows(loaded, f"SELECT message FROM quality_issues WHERE nct_id = ? AND rule_id = '{rule}' "
                                        "ORDER BY message", nct_id)]


def test_every_variant_loads_its_study_and_nan_is_rejected_as_invalid_json(loaded):
    rejects = loaded.con.execute("SELECT path, reason FROM meta.rejects").fetchall()
    assert [(path.rsplit("/", 1)[-1], reason) for path, reason in rejects] == [("nan.json", "invalid JSON")]
    studies = len(AGE_IDS) + len(COUNT_IDS) + len(DOUBLE_IDS) + len(TWICE_IDS) + 3
    assert (loaded.result.loaded, loaded.result.rejected) == (studies, 1)


@pytest.mark.parametrize("name", AGE_GROUPS)
def test_an_age_group_array_with_a_null_or_blank_item_is_flagged_not_read_as_naming_no_group(loaded, name):
    """stdAges [null] once loaded as adult, child and older adult all False, with nothing said."""
    _, flags, odd = AGE_GROUPS[name]
    nct_id = AGE_IDS[name]
    assert _rows(loaded, "SELECT adult, child, older_adult FROM eligibilities WHERE nct_id = ?", nct_id) == [flags]
    expected = [] if odd is None else [
        f"Part of the record could not be read: stdAges holds {odd}, not one of ADULT, CHILD, OLDER_ADULT. "
        "What could not be read is not loaded."]
    assert _issues(loaded, nct_id, "invalid_values.unread_part") == expected


def test_a_masked_roles_array_holding_null_leaves_the_roles_unknown_and_is_flagged(loaded):
    assert _rows(loaded, "SELECT subject_masked, investigator_masked FROM designs WHERE nct_id = ?",
                 MASKED_ID) == [(None, None)]
    [message] = _issues(loaded, MASKED_ID, "invalid_values.unread_part")
    assert "whoMasked holds 'null'" in message


@pytest.mark.parametrize("name", COUNTS_PAST_THE_MOST)
def test_a_json_count_past_the_most_a_count_may_be_is_quoted_as_given_and_said_too_large(loaded, name):
    """A count past int64 was once said to be no whole number; 1e30 was quoted as 31 digits the record lacks."""
    nct_id, (_, raw) = COUNT_IDS[name], COUNTS_PAST_THE_MOST[name]
    assert _rows(loaded, "SELECT enrollment FROM studies WHERE nct_id = ?", nct_id) == [(None,)]
    assert _rows(loaded, "SELECT raw_value, expected FROM meta.raw_values WHERE nct_id = ?", nct_id) == [
        (raw, "a whole number at most 100000000")]


def test_a_json_count_at_the_most_a_count_may_be_loads(loaded):
    assert _rows(loaded, "SELECT enrollment FROM studies WHERE nct_id = ?", AT_THE_MOST_ID) == [(100_000_000,)]
    assert _rows(loaded, "SELECT count(*) FROM meta.raw_values WHERE nct_id = ?", AT_THE_MOST_ID) == [(0,)]


@pytest.mark.parametrize("name", TWICE)
def test_a_legacy_element_given_twice_where_the_registry_gives_it_once_is_flagged(loaded, name):
    """A second <phase> (a hand edit, two records merged) was once passed over with nothing said."""
    assert _issues(loaded, TWICE_IDS[name], "invalid_values.unread_part") == [
        f"Part of the record could not be read: <{name}> is given 2 times, where the registry gives it once: the "
        "first is read. What could not be read is not loaded."]


def test_legacy_elements_the_registry_repeats_are_not_flagged(loaded):
    assert _rows(loaded, "SELECT count(*) >= 2 FROM conditions WHERE nct_id = ?", REPEATED_ID) == [(True,)]
    assert _issues(loaded, REPEATED_ID, "invalid_values.unread_part") == []


@pytest.mark.parametrize("name", PAST_A_DOUBLE)
def test_a_json_number_past_the_largest_a_double_holds_loads_its_study_and_is_quoted(loaded, name):
    """orjson refuses such a number: the whole file was once rejected as invalid JSON, its study lost."""
    nct_id = DOUBLE_IDS[name]
    assert _rows(loaded, "SELECT enrollment FROM studies WHERE nct_id = ?", nct_id) == [(None,)]
    assert _rows(loaded, "SELECT raw_value FROM meta.raw_values WHERE nct_id = ?", nct_id) == [(PAST_A_DOUBLE[name],)]
    assert len(_issues(loaded, nct_id, "invalid_values.refused_value")) == 1
