"""protocol.intervention_not_named on names that are only an arm's role or label: "Interventional arm" read as
"Control arm" is, "Intervention arm", "Treatment arm", "Study arm", "Experimental group", a role and its number
("Experimental 2", "Active Comparator: B"); and real names that hold such a word ("Arm ergometer training",
"Armodafinil", "Control diet"), quiet."""
from __future__ import annotations

import duckdb
import pytest

from checks.protocol_intervention_names import RULES

RULE = next(rule for rule in RULES if rule.id == "protocol.intervention_not_named")

# (intervention name, type): a name that says which arm receives it, not what it is.
ROLES = [
    ("Interventional arm", "PROCEDURE"),
    ("Interventional Group", "BEHAVIORAL"),
    ("Interventional", "OTHER"),
    ("Intervention arm", "PROCEDURE"),
    ("Treatment arm", "DRUG"),
    ("Study arm", "DEVICE"),
    ("Experimental group", "BEHAVIORAL"),
    ("Control arm", "PROCEDURE"),
    ("Active arm", "DRUG"),
    ("Treatment Cohort", "OTHER"),
    ("Control Condition", "BEHAVIORAL"),
    ("Intervention condition", "BEHAVIORAL"),
    ("Experimental Arm 1", "RADIATION"),
    ("Interventional arm 2", "PROCEDURE"),
    ("Control group B", "OTHER"),
    ("Experimental 2", "DIETARY_SUPPLEMENT"),
    ("Active Comparator: A", "DRUG"),
    ("Active Comparator B", "DRUG"),
    ("Interventional-arm", "PROCEDURE"),
]

# (intervention name, type): a name, which may hold a role's or an arm's word.
NAMES = [
    ("Arm ergometer training", "BEHAVIORAL"),
    ("Armodafinil", "DRUG"),
    ("Arm sling", "DEVICE"),
    ("Interventional cardiology procedure", "PROCEDURE"),
    ("Control diet", "DIETARY_SUPPLEMENT"),
    ("Experimental formula", "OTHER"),
    ("Experimental group 2 lauric acid", "DIETARY_SUPPLEMENT"),
    ("Active tDCS", "DEVICE"),
    ("Active acupressure", "OTHER"),
    ("Experimental Bapineuzumab", "DRUG"),
    ("Activase 1 mg", "DRUG"),
    ("Contrast 2", "DIAGNOSTIC_TEST"),
    ("Control Mobile Application", "DEVICE"),
    ("Group A Streptococcus vaccine", "BIOLOGICAL"),
    ("Study Visit 1", "OTHER"),
]


def _named_only(cases: list[tuple[str, str]]) -> dict[str, str]:
    """The rule's messages on one warehouse of one interventional study per case, by intervention name."""
    con = duckdb.connect()
    con.execute("CREATE TABLE studies (nct_id VARCHAR, study_type VARCHAR, study_first_posted_date DATE, "
                "study_first_submitted_date DATE, last_update_posted_date DATE)")
    con.execute("CREATE TABLE interventions (nct_id VARCHAR, name VARCHAR, intervention_type VARCHAR, "
                "description VARCHAR)")
    ids = {f"NCT0{n:07d}": case for n, case in enumerate(cases, start=1)}
    con.executemany("INSERT INTO studies (nct_id, study_type) VALUES (?, 'INTERVENTIONAL')", [[n] for n in ids])
    con.executemany("INSERT INTO interventions (nct_id, name, intervention_type) VALUES (?, ?, ?)",
                    [[n, name, kind] for n, (name, kind) in ids.items()])
    return {ids[nct][0]: message for nct, message, *_ in con.execute(RULE.sql).fetchall()}


@pytest.fixture(scope="module")
def found() -> dict[str, str]:
    """The rule's messages on every case, by intervention name."""
    return _named_only(ROLES + NAMES)


@pytest.mark.parametrize("name, kind", ROLES, ids=[name for name, _ in ROLES])
def test_a_name_that_is_only_an_arms_role_or_label_fires(found, name, kind):
    assert found.get(name) == (f'An intervention of type {kind} is named only "{name}", which says which arm '
                               "receives it but not what it is.")


@pytest.mark.parametrize("name, kind", NAMES, ids=[name for name, _ in NAMES])
def test_a_name_that_holds_a_roles_word_is_quiet(found, name, kind):
    assert name not in found
