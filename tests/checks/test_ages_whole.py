"""An eligibility age is read only where it is the registry's form as a whole (a number and one unit): '1 Year 6
Months' is no age of one month, so it gives no impossible order and is reported as unreadable; ages in units whose
lengths floating point cannot hold ('60 Minutes', '1 Hour') are equal; blanks around an age say nothing of it."""
from __future__ import annotations

import pytest

from checks import invalid_values, protocol
from tests.checks.harness import clean_study, flagged_studies

ORDER = "protocol.minimum_age_above_maximum"
UNREADABLE = "invalid_values.unreadable_age"

# (minimum age, maximum age): the rules each must flag, and why
AGES = {
    "compound maximum above the minimum": (("12 Months", "1 Year 6 Months"), {UNREADABLE}),
    "compound maximum of years": (("2 Years", "12 Years 11 Months"), {UNREADABLE}),
    "compound minimum": (("1 Year 6 Months", "17 Years"), {UNREADABLE}),
    "an exponent is no number": (("1e1 Years", "65 Years"), {UNREADABLE}),
    "minutes against an hour": (("60 Minutes", "1 Hour"), set()),
    "minutes against hours": (("120 Minutes", "2 Hours"), set()),
    "half an hour": (("30 Minutes", "0.5 Hours"), set()),
    "a no-break space inside": (("18\u00a0Years", "65 Years"), set()),
    "a no-break space inside, above the maximum": (("65\u00a0Years", "18 Years"), {ORDER}),
    "N/A with a line end": (("N/A\n", "65 Years"), set()),
    "the minimum above the maximum": (("65 Years", "18 Years"), {ORDER}),
    "a minute above the hour": (("61 Minutes", "1 Hour"), {ORDER}),
    "a range where one age belongs": (("6 Months to 17 Years", "17 Years"), {UNREADABLE}),
}


@pytest.fixture(scope="module")
def flagged(tmp_path_factory) -> dict[str, set[str]]:
    studies = {}
    for i, (minimum, maximum) in enumerate(ages for ages, _ in AGES.values()):
        tables = clean_study()
        tables["eligibilities"][0].update(minimum_age=minimum, maximum_age=maximum)
        studies[f"NCT{90000000 + i:08d}"] = tables
    rules = [r for r in protocol.RULES if r.id == ORDER] + [r for r in invalid_values.RULES if r.id == UNREADABLE]
    return flagged_studies(tmp_path_factory.mktemp("ages"), studies, rules)


@pytest.mark.parametrize("name", list(AGES))
def test_an_age_is_read_only_as_a_number_and_one_unit(flagged, name):
    nct_id = f"NCT{90000000 + list(AGES).index(name):08d}"
    assert {rule for rule, ids in flagged.items() if nct_id in ids} == AGES[name][1]
