"""Cases for checks.arm_wrong_links: arms linked only to what their own words say they are not given, written as the
real records that showed them (NCT04488068, NCT04705831, NCT06262854, NCT00496418), beside the designs that link an
arm to a placebo or to another arm's product rightly."""
from __future__ import annotations

from tests.checks.cases_arm_types import trial
from tests.checks.harness import Case

WRONG_LINK = "protocol.arm_linked_to_wrong_intervention"

RUCONEST = ("DRUG", "Ruconest", "Recombinant C1 esterase inhibitor 50 U/kg intravenously")


def placebo_beside(title: str, given: list[tuple[str, str, str]], description: str = "Placebo",
                   active: str = "RUCONEST", arm_type: str = "PLACEBO_COMPARATOR", linked: list[str] | None = None,
                   **options):
    """A trial whose active arm `active` and comparator arm (`title`, `description`, of `arm_type`) are both linked
    to every intervention of `given` (or the comparator only to the names `linked`)."""
    names = [name for _t, name, _d in given]
    return trial([("ACTIVE_COMPARATOR", active, "Given before the procedure"), (arm_type, title, description)], given,
                 [*((active, name) for name in names), *((title, name) for name in (linked or names))], **options)


def denying_arm(title: str, given: tuple[str, str, str], arm_type: str = "ACTIVE_COMPARATOR", **options):
    """A trial of `given` against an arm titled `title` that the record links only to it."""
    return trial([("EXPERIMENTAL", given[1], "Given as the study tests it"), (arm_type, title, "")], [given],
                 [(given[1], given[1]), (title, given[1])], **options)


TPMS = trial([("EXPERIMENTAL", "Magnetic Stimulation", "Patients will be subjected to TPMS."),
              ("NO_INTERVENTION", "Sham TPMS", "Patients will be subjected to sham TPMS")],
             [("PROCEDURE", "Sham Magnetic stimulation", "Sham Magnetic stimulation for comparison.")],
             [("Magnetic Stimulation", "Sham Magnetic stimulation")])
MESH = ("DEVICE", "Mesh in permanent colostomy", "")

CASES = [
    Case(WRONG_LINK, True, TPMS, note="NCT04488068: the stimulation arm linked only to the sham"),
    Case(WRONG_LINK, True, placebo_beside("Placebo", [RUCONEST]),
         note="NCT04705831: the placebo arm linked only to the drug the active arm gets"),
    Case(WRONG_LINK, True, denying_arm("No mesh prophylaxis", MESH),
         note="NCT00496418: an arm without mesh linked only to the mesh"),
    Case(WRONG_LINK, False, placebo_beside("Placebo", [RUCONEST, ("DRUG", "Placebo", "Saline infusion")],
                                           linked=["Placebo"]),
         note="the placebo arm linked to its placebo"),
    Case(WRONG_LINK, False, placebo_beside("Placebo", [("DRUG", "Ruconest", "50 U/kg or matching placebo")]),
         note="an intervention that names its own placebo covers both arms"),
    Case(WRONG_LINK, False, placebo_beside("Placebo", [RUCONEST], layout="aggregator_text"),
         note="a republished page's links are read from its layout"),
    Case(WRONG_LINK, False, denying_arm("Mesh or no mesh", MESH), note="a title that denies nothing of the arm"),
]
