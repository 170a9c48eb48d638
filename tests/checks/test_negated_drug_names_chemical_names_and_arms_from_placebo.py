"""contradictions.other_name_of_another_drug on an intervention named for the drugs it is not ('Non-coumadin Oral
Anticoagulant', NCT01706146) and an other name that is a derivative's chemical name ('42-O-(2-hydroxy)ethyl
rapamycin', everolimus: NCT01281865); protocol.placebo_arm_typed_active on an arm named for the placebo its
participants came from ('AIN457 150mg from Placebo', NCT01365455) and on a factorial arm given a diet and another
drug's placebo ('900 mg Phosphate Diet-LC Placebo', NCT00843349)."""
from __future__ import annotations

import duckdb
import pytest

from checks.arm_placebo_titles import only_placebo_sql
from checks.other_name_drugs import other_name_findings
from tests.checks.test_protocol_label_typography_ages_and_intervention_names import api_record, loaded_findings

TYPED_ACTIVE = "protocol.placebo_arm_typed_active"


def _messages(name: str, other: str) -> list[str]:
    """Messages for a study whose one intervention `name` has the other name `other`."""
    return [f.message for f in other_name_findings("NCT01000001", [(1, name, None)], [(1, name, other)], [], [])]


# (intervention name, other name): another drug's brand or name, beside a denied or a chemical name.
FIRING = [
    ("Coumadin", "Apixaban (Eliquis)"),  # the drug itself, not denied
    ("Warfarin", "Eliquis"),
    ("Non-small cell lung cancer: cisplatin", "Taxotere"),  # "non" of a disease, the drug named after it
    ("everolimus", "rapamycin"),  # sirolimus's former name, no chemical name
    ("Everolimus", "Rapamune"),
    ("Desipramine", "Anafranil"),
]
QUIET = [
    ("Non-coumadin Oral Anticoagulant", "Apixaban (Eliquis)"),  # NCT01706146: the class's examples
    ("Non-coumadin Oral Anticoagulant", "Dabigatran (Pradaxa)"),
    ("Non-coumadin Oral Anticoagulant", "Rivaroxaban (Xarelto)"),
    ("Non warfarin anticoagulant", "Xarelto"),
    ("everolimus", "42-O-(2-hydroxy)ethyl rapamycin"),  # NCT01281865: everolimus's own chemical name
    ("Everolimus", "40-O-(2-hydroxyethyl)-rapamycin"),
]


@pytest.mark.parametrize("name, other", FIRING, ids=[f"{n} / {o}" for n, o in FIRING])
def test_another_drugs_name_beside_a_plain_drug_name_fires(name, other):
    assert len(_messages(name, other)) == 1


@pytest.mark.parametrize("name, other", QUIET, ids=[f"{n} / {o}" for n, o in QUIET])
def test_a_denied_drug_or_a_derivatives_chemical_name_is_quiet(name, other):
    assert _messages(name, other) == []


# Arm titles: named for the placebo their participants took before (not the placebo arm), and placebo arms.
FROM_PLACEBO_TITLES = ["AIN457 150mg from Placebo", "AIN457 300mg from Placebo", "Secukinumab (from placebo)",
                       "Drug X from the placebo group"]
STILL_THE_PLACEBO_ARM = ["Placebo", "Placebo from week 0", "Matching placebo", "Placebo (Cohort 1)", "Placebo Q4W"]


@pytest.fixture(scope="module")
def read():
    con = duckdb.connect()
    titles = FROM_PLACEBO_TITLES + STILL_THE_PLACEBO_ARM
    rows = con.execute(f"SELECT t, {only_placebo_sql('t')} FROM (SELECT unnest(?::VARCHAR[]) AS t)", [titles])
    yield dict(rows.fetchall())
    con.close()


@pytest.mark.parametrize("title", FROM_PLACEBO_TITLES)
def test_an_arm_named_for_the_placebo_its_participants_came_from_is_not_the_placebo_arm(read, title):
    assert read[title] is False


@pytest.mark.parametrize("title", STILL_THE_PLACEBO_ARM)
def test_a_placebo_arms_title_still_reads_as_the_placebo_arm(read, title):
    assert read[title] is True


# A 2x2 factorial of a phosphate diet and lanthanum carbonate (LC), as NCT00843349 gives it: (arm title, type of the
# arm titled "<diet>-LC Placebo", the diet's intervention name and type).
DIET = ("OTHER", "900 mg Phosphate Diet", "Dietary phosphorus restriction to 900 mg/day")
FACTORIAL = {
    "diet and another drug's placebo": ("900 mg Phosphate Diet-LC Placebo", DIET),
    "a placebo diet": ("Placebo Diet-LC Placebo", ("OTHER", "Diet", "Usual diet")),
    "a drug and another drug's placebo": ("900 mg Phosphate Diet-LC Placebo", ("DRUG", "900 mg Phosphate Diet",
                                                                                "Phosphate binder")),
}


def _factorial(title: str, factor: tuple) -> tuple[str, bytes]:
    """A factorial record whose arm `title` (Active Comparator) is given `factor` and LC's placebo."""
    arms = [("LC", "EXPERIMENTAL", "Lanthanum carbonate 1000 mg three times daily"),
            (title, "ACTIVE_COMPARATOR", "The diet and LC placebo"),
            ("LC Placebo", "PLACEBO_COMPARATOR", "Placebo three times daily")]
    return api_record(arms, [("DRUG", "Lanthanum carbonate", "1000 mg tablet", ["LC"]),
                             ("DRUG", "LC Placebo", "Matching tablet", [title, "LC Placebo"]),
                             (*factor, [title])])


@pytest.fixture(scope="module")
def factorial_found(tmp_path_factory) -> dict[str, list[tuple]]:
    records = {name: _factorial(*arm) for name, arm in FACTORIAL.items()}
    return loaded_findings(tmp_path_factory.mktemp("factorial"), records, (TYPED_ACTIVE,))


def test_a_factorial_arm_given_a_diet_and_another_drugs_placebo_is_not_the_placebo_arm(factorial_found):
    assert factorial_found["diet and another drug's placebo"] == []


@pytest.mark.parametrize("name", ["a placebo diet", "a drug and another drug's placebo"])
def test_a_placebo_diet_or_a_drug_beside_a_placebo_still_reads_as_the_placebo_arm(factorial_found, name):
    assert [rule for rule, _severity, _message in factorial_found[name]] == [TYPED_ACTIVE]
