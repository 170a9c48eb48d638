"""protocol.arm_linked_to_wrong_intervention: an arm titled "No X" or "Without X" names no product, so it is never read
as that product with something added ("No surgery" linked to "Chemotherapy with radiotherapy" is no finding), and an
"un-" word of the title denies the linked product's word ("Unmodified vaginal tampons" linked only to "modified vaginal
tampon"), beside the un- words that describe the arm's people or that the linked intervention says too."""
from __future__ import annotations

import duckdb
import pytest

from checks import arm_types, arm_wrong_links
from checks.check_scope import set_scope
from checks.rule_findings import findings_of
from tests.checks import harness
from tests.checks.cases_arm_wrong_links import MESH, denying_arm

GRANULES = ("DEVICE", "Calcium-sulphate granules with tobramicina+vancomicina", "")
TACE = ("PROCEDURE", "TACE combined with local regional therapies without hepatectomy", "")

# nct_id: (fires, the arm's title, what it is linked to, what it is)
CASES = {
    # A title that opens with a denial names no product: what it is linked to is read only for what it lacks.
    "NCT02710001": (False, "No surgery", ("PROCEDURE", "Chemotherapy with radiotherapy", ""),
                    "no surgery linked to a treatment with another"),
    "NCT02710002": (False, "Without drain", ("PROCEDURE", "Wound closure with sutures", ""),
                    "no drain linked to a closure with sutures"),
    "NCT02710003": (False, "No surgery", TACE, "no surgery linked to what it describes, written with 'with'"),
    "NCT02710004": (False, "Without mesh", ("PROCEDURE", "Suture repair plus fibrin glue", ""),
                    "no mesh linked to a repair plus glue"),
    "NCT02710005": (False, "No tourniquet", ("DEVICE", "Cuff loaded with saline", ""),
                    "no tourniquet linked to a cuff loaded with saline"),
    "NCT02710006": (False, "No surgery", ("PROCEDURE", "Chemotherapy", ""), "no surgery linked to chemotherapy"),
    "NCT02710007": (True, "No mesh prophylaxis", MESH, "no mesh linked to the mesh"),
    "NCT02710008": (True, "Without drains", ("PROCEDURE", "Drain placement with suction", ""),
                    "no drains linked to the drain with suction"),
    "NCT02710009": (True, "Calcium-sulphate granules without antibiotics", GRANULES,
                    "the granules without antibiotics linked to the granules with them"),
    # An un- word that denies the linked product's word.
    "NCT02710011": (True, "Unmodified vaginal tampons", ("DEVICE", "modified vaginal tampon", ""),
                    "unmodified tampons linked to the modified tampon"),
    "NCT02710012": (True, "Uncoated balloon angioplasty", ("DEVICE", "Paclitaxel-coated balloon", ""),
                    "an uncoated balloon linked to the coated balloon"),
    "NCT02710013": (True, "Unsupervised exercise", ("BEHAVIORAL", "Supervised exercise programme", ""),
                    "unsupervised exercise linked to the supervised programme"),
    "NCT02710014": (True, "Arm B: untreated water", ("OTHER", "Treated drinking water", ""),
                    "untreated water linked to the treated water"),
    "NCT02710015": (False, "Uncemented", ("PROCEDURE", "Uncemented bipolar hemiarthroplasty", ""),
                    "an uncemented arm linked to the uncemented procedure"),
    "NCT02710016": (False, "Unmodified tampons", ("DEVICE", "Modified or unmodified tampon", ""),
                    "an intervention that names the unmodified product too"),
    "NCT02710017": (False, "Untreated patients", ("OTHER", "Blood samples of treated patients", ""),
                    "an un- word of the arm's people"),
    "NCT02710018": (False, "Arm I (unpurged PBSC collection)", ("PROCEDURE", "Stem cell transplantation", ""),
                    "an un- word the linked intervention does not name"),
    "NCT02710019": (False, "Blinded followed by unblinded monitoring", ("DEVICE", "Continuous glucose monitor", ""),
                    "an un- word of how the arm is monitored"),
    "NCT02710020": (False, "Unrelated donor transplant", ("PROCEDURE", "Related or unrelated donor transplant", ""),
                    "an intervention that covers both donors"),
    "NCT02710021": (False, "United dressing", ("DEVICE", "Dressing", ""), "a word that is no un- word"),
}


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[str]]:
    """The rule's messages by study, on one warehouse holding every case."""
    built = {}
    for nct_id, (_fires, title, given, _what) in CASES.items():
        study = harness.clean_study()
        denying_arm(title, given)(study)
        built[nct_id] = study
    con = harness.warehouse_with(tmp_path_factory.mktemp("denying_titles"), built)
    findings = {}
    for f in findings_of(con, arm_wrong_links.wrong_link_rule(), set_scope(con, None, harness.AS_OF)):
        findings.setdefault(f.nct_id, []).append(f.message)
    con.close()
    return findings


@pytest.mark.parametrize("nct_id", CASES, ids=lambda n: f"{n}-{CASES[n][3]}")
def test_an_arm_whose_title_denies_what_it_is_linked_to(found, nct_id):
    assert (nct_id in found) is CASES[nct_id][0]


def test_an_un_word_arm_is_said_to_go_without_the_word(found):
    assert found["NCT02710011"] == [
        'The arm "Unmodified vaginal tampons" says it goes without "modified", yet the record links it only to '
        '"modified vaginal tampon" (DEVICE), which names it.']


# title: (what it goes without, the product that goes without it), as the rule reads them.
TITLES = {
    "Unmodified vaginal tampons": ("modified", None),
    "Uncoated stent": ("coated", None),
    "Untreated": ("treated", None),
    "United dressing": (None, None),
    "Unused": (None, None),
    "No surgery": ("surgery", None),
}


def test_what_an_un_word_title_says_the_arm_goes_without():
    con = duckdb.connect()
    read = {}
    for title in TITLES:
        said = arm_types.as_read_sql(f"'{title}'")
        read[title] = con.execute(f"SELECT {arm_wrong_links._denied(said, 2)}, "
                                  f"{arm_wrong_links._denied(said, 1)}").fetchone()
    assert read == TITLES
