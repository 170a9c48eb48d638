"""AACT's studies columns from a record's results: baseline_population, limitations_and_caveats and
baseline_type_units_analyzed (API v2 resultsSection; legacy XML <clinical_results>), as AACT's loader fills them."""
from __future__ import annotations

import json

from flows.parsers import ctgov_json_v2
from tests.parsers.test_aact_reference_tables import STUDY, _corpus, _xml
from tests.shared_corpus import needs_corpus

COLUMNS = ("baseline_population", "limitations_and_caveats", "baseline_type_units_analyzed")


def _study(parsed) -> tuple:
    row = parsed.records[0].tables["studies"][0]
    return tuple(row[column] for column in COLUMNS)


@needs_corpus
def test_api_v2_results_give_the_baseline_population_and_the_limitations():
    population, limitations, units = _study(_corpus("json", "NCT04402008"))
    assert population.startswith("Safety population included all participants who signed")
    assert limitations == "The study was prematurely terminated for business reasons and not related to safety."
    assert units is None


def test_legacy_clinical_results_give_the_population_and_the_limitations():
    population, limitations, units = _study(_xml(
        "<clinical_results><baseline><population>1636 ocular hypertensive patients were randomized."
        "</population></baseline><limitations_and_caveats>Accrual rates were less than\n      anticipated."
        "</limitations_and_caveats></clinical_results>"))
    assert population == "1636 ocular hypertensive patients were randomized."
    assert "Accrual rates were less than" in limitations and units is None


def test_the_units_analyzed_where_they_are_not_participants():
    study = {"protocolSection": STUDY, "resultsSection": {"baselineCharacteristicsModule": {
        "populationDescription": "All randomized eyes.", "typeUnitsAnalyzed": "Eyes"}}}
    assert _study(ctgov_json_v2.parse(json.dumps(study).encode())) == ("All randomized eyes.", None, "Eyes")


def test_a_record_without_results_has_none_of_them():
    assert _study(ctgov_json_v2.parse(json.dumps({"protocolSection": STUDY}).encode())) == (None, None, None)
    assert _study(_xml("")) == (None, None, None)
