"""protocol.placebo_arm_typed_active on an arm whose placebo stands in for a drug an Active Comparator arm is given: an
Experimental arm titled for that drug's placebo and given another drug ("B Methotrexate Placebo" given tocilizumab
and a methotrexate placebo beside "A Methotrexate" given both, NCT01587989; a double-dummy arm) is given what is
tested, and rightly so typed. An arm given only the placebo, one beside an arm typed Experimental, or one typed
Active Comparator itself is still the placebo arm typed active."""
from __future__ import annotations

import pytest

from tests.checks.test_protocol_label_typography_ages_and_intervention_names import (
    api_record, legacy_record, loaded_findings,
)

TYPED_ACTIVE = "protocol.placebo_arm_typed_active"

# (comparator arm (title, type, linked names), placebo arm (title, type, linked names)) over the interventions
# methotrexate, tocilizumab (drugs) and placebo.
STANDS_IN = {
    "withdrawal, NCT01587989": (("A Methotrexate", "ACTIVE_COMPARATOR", ["methotrexate", "tocilizumab"]),
                                ("B Methotrexate Placebo", "EXPERIMENTAL", ["placebo", "tocilizumab"])),
    "double dummy": (("Methotrexate", "ACTIVE_COMPARATOR", ["methotrexate", "placebo"]),
                     ("Methotrexate Placebo", "EXPERIMENTAL", ["placebo", "tocilizumab"])),
    "placebo named first": (("MTX arm: Methotrexate", "ACTIVE_COMPARATOR", ["methotrexate", "tocilizumab"]),
                            ("Placebo for Methotrexate", "EXPERIMENTAL", ["placebo", "tocilizumab"])),
}
STILL_PLACEBO_ARM = {
    "given only the placebo": (("Methotrexate", "ACTIVE_COMPARATOR", ["methotrexate"]),
                               ("Methotrexate Placebo", "EXPERIMENTAL", ["placebo"])),
    "beside an experimental arm": (("Methotrexate", "EXPERIMENTAL", ["methotrexate", "tocilizumab"]),
                                   ("Methotrexate Placebo", "EXPERIMENTAL", ["placebo", "tocilizumab"])),
    "typed active comparator": (("Methotrexate", "ACTIVE_COMPARATOR", ["methotrexate", "tocilizumab"]),
                                ("Methotrexate Placebo", "ACTIVE_COMPARATOR", ["placebo", "tocilizumab"])),
    "background drug only": (("Drug X + Methotrexate", "ACTIVE_COMPARATOR", ["methotrexate", "tocilizumab"]),
                             ("Placebo", "EXPERIMENTAL", ["placebo", "methotrexate"])),
}
INTERVENTIONS = (("DRUG", "methotrexate", "15-25 mg orally weekly"), ("DRUG", "placebo", "methotrexate placebo orally"),
                 ("BIOLOGICAL", "tocilizumab [RoActemra/Actemra]", "8 mg/kg iv every 4 weeks"))


def _record(arms, legacy: bool) -> tuple[str, bytes]:
    linked = [(kind, name, about, [title for title, _type, given in arms if name.split(" [")[0] in given])
              for kind, name, about in INTERVENTIONS]
    if legacy:
        types = {"ACTIVE_COMPARATOR": "Active Comparator", "EXPERIMENTAL": "Experimental"}
        return legacy_record([(title, types[kind], title) for title, kind, _given in arms],
                             [(kind.title(), name, about, labels) for kind, name, about, labels in linked])
    return api_record([(title, kind, title) for title, kind, _given in arms], linked)


def _records() -> dict[str, tuple[str, bytes]]:
    return {f"{name} ({shape})": _record(arms, shape == "legacy")
            for name, arms in {**STANDS_IN, **STILL_PLACEBO_ARM}.items() for shape in ("api", "legacy")}


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple]]:
    return loaded_findings(tmp_path_factory.mktemp("stands_in"), _records(), (TYPED_ACTIVE,))


@pytest.mark.parametrize("shape", ["api", "legacy"])
@pytest.mark.parametrize("name", STANDS_IN)
def test_a_placebo_standing_in_for_the_comparator_drug_is_given_what_is_tested(found, name, shape):
    assert found[f"{name} ({shape})"] == []


@pytest.mark.parametrize("shape", ["api", "legacy"])
@pytest.mark.parametrize("name", STILL_PLACEBO_ARM)
def test_the_placebo_arm_typed_active_is_still_found(found, name, shape):
    assert [rule for rule, _severity, _message in found[f"{name} ({shape})"]] == [TYPED_ACTIVE]
