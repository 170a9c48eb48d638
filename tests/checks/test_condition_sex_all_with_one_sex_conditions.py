"""contradictions.condition_sex_differs on studies of Sex ALL: every condition of one sex's organs is an info unless
the record names anyone else the study admits (a partner, a relative, a healthy volunteer, the other sex, a
transgender participant). Record-level cases, phrased as real records word them, in one warehouse."""
from __future__ import annotations

from checks import condition_sex
from checks.check_scope import set_scope
from checks.rule_findings import findings_of
from tests.checks import harness
from tests.checks.cases_condition_sex import given

CLEAN_CRITERIA = "Inclusion Criteria:\n1. Age 18 to 75\n2. Diagnosis of pSS\nExclusion Criteria:\n1. Pregnancy"


def _study(conditions: tuple, criteria: str = CLEAN_CRITERIA, title: str | None = None, sex: str = "ALL",
           **eligibility) -> dict:
    """A clean study of the given Sex, conditions, inclusion criteria and official title."""
    study = harness.clean_study()
    given(sex, *conditions, gender_based=eligibility.pop("gender_based", None), title=title)(study)
    study["eligibilities"][0].update(criteria=criteria, **eligibility)
    return study


def _inclusion(*items: str) -> str:
    """Criteria holding the given inclusion items as a list."""
    return "Inclusion Criteria:\n\n" + "\n".join(f"* {item}" for item in items) + "\n\nExclusion Criteria:\n\n* None"


# Records whose every condition is of one sex's organs, Sex ALL, and nobody else named: an info each.
ONE_SEX_ONLY = {
    "NCT01700001": _study(("Erectile Dysfunction",), _inclusion("Erectile dysfunction (ED)"),
                          title="DHEA or Testosterone Versus Placebo in Men With Sexual Dysfunction"),
    "NCT01700002": _study(("Epithelial Ovarian Cancer",), _inclusion(
        "Subjects must have histologically confirmed epithelial ovarian, peritoneal or fallopian tube cancer",
        "Have failed prior therapy with a PARP inhibitor if the subject has a germline or somatic BRCA mutation.",
        "Female subjects of childbearing potential must use 2 forms of highly effective contraception",
        "Subject is pregnant or lactating (Breast milk cannot be stored while the mother is being treated)")),
    "NCT01700003": _study(("Prostate Cancer",)),
    "NCT01700004": _study(("Adenocarcinoma of the Prostate", "Stage IV Prostate Cancer"),
                          _inclusion("Fertile patients must use effective contraception during the study")),
    "NCT01700005": _study(("Hormone Refractory Prostate Cancer",), _inclusion(
        "Patients who have undergone medical castration must continue LHRH agonist therapy")),
    "NCT01700006": _study(("Endometriosis",), _inclusion("Women aged 18-45 with laparoscopically confirmed disease")),
    "NCT01700007": _study(("Cervical Intraepithelial Neoplasia",), title="Imiquimod for CIN 2/3"),
    # "relatively" is no relative; a parent who consents for a child is no participant.
    "NCT01700008": _study(("Ovarian Cancer", "Fallopian Tube Cancer"), _inclusion(
        "Platinum resistant: disease that recurs within a relatively short period of time (< 6 months)")),
    "NCT01700009": _study(("Hypospadias",), _inclusion("Boys aged 6 to 24 months with distal hypospadias",
                                                       "Parent or legal guardian able to sign consent")),
}
# Records of Sex ALL whose conditions are of one sex that say who else takes part, or list a condition both have.
OTHERS_NAMED = {
    "NCT01700101": _study(("Erectile Dysfunction",), _inclusion("Married couples"),
                          title="Evaluation of Marital and Sexual Satisfaction of Wives to Erectile Dysfunction Males"),
    "NCT01700102": _study(("Erectile Dysfunction",), _inclusion("Men or women", "Body mass index > 19")),
    "NCT01700103": _study(("Erectile Dysfunction",), healthy_volunteers=True,
                          title="Safety and Pharmacokinetics of a Single Oral Dose in Healthy Elderly Subjects"),
    "NCT01700104": _study(("Erectile Dysfunction",), _inclusion(
        "Anticipate having the same adult female sexual partner during the study.")),
    "NCT01700105": _study(("Erectile Dysfunction Following Radical Prostatectomy",), _inclusion(
        "Documented written informed consent from both patient and his female partner")),
    "NCT01700106": _study(("Prostate Cancer",), title="Genetic Analysis of Hereditary Prostate Cancer"),
    "NCT01700107": _study(("Prostate Cancer",), _inclusion(
        "Affected and unaffected individuals from families with three first-degree relatives with the disease")),
    "NCT01700108": _study(("Prostate Cancer",), gender_based=True),
    "NCT01700109": _study(("Prostate Cancer",), _inclusion("Transgender women and men with a prostate")),
    "NCT01700110": _study(("Pre-Eclampsia",), _inclusion("Women with pre-eclampsia and their newborns")),
    "NCT01700111": _study(("Prostate Cancer", "Breast Cancer")),
    "NCT01700112": _study(("Cervical Cancer",), title="HPV Self-sampling for Cervical Cancer Screening"),
    "NCT01700113": _study(("Hypospadias",), _inclusion("Parents of boys younger than 5 years with hypospadias")),
    "NCT01700114": _study(("Ovarian Cancer",), _inclusion("Male or female patients with primary peritoneal carcinoma")),
    "NCT01700115": _study(("Peyronie Disease",), _inclusion("Adults of either sex with penile curvature")),
    "NCT01700116": _study(("Erectile Dysfunction",),
                          title="Sexual Function in Men and Women After Pelvic Radiotherapy"),
    "NCT01700117": _study(("Vulvodynia",), _inclusion("Women with vulvodynia and their partners")),
}
# Single-sex studies with a condition of the other sex stay warnings beside the infos.
SWAPPED = {"NCT01700201": _study(("Ovarian Cancer",), sex="MALE")}


def _findings(tmp_path) -> dict[str, list[tuple[str, str, str]]]:
    """(severity, message, evidence) of the rule's findings on every study above, in one warehouse (by NCT number)."""
    rule = condition_sex.RULES[0]
    con = harness.warehouse_with(tmp_path, {**ONE_SEX_ONLY, **OTHERS_NAMED, **SWAPPED})
    try:
        found: dict[str, list[tuple[str, str, str]]] = {}
        for f in findings_of(con, rule, set_scope(con, None, harness.AS_OF)):
            found.setdefault(f.nct_id, []).append((f.severity or rule.severity, f.message, f.evidence))
        return found
    finally:
        con.close()


def test_sex_all_with_conditions_of_one_sex(tmp_path):
    found = _findings(tmp_path)
    assert {n: [severity for severity, *_rest in rows] for n, rows in found.items()} == {
        **{n: ["info"] for n in ONE_SEX_ONLY}, "NCT01700201": ["warning"]}
    (_severity, message, evidence), = found["NCT01700004"]
    assert message.startswith("Sex is ALL but every condition ('Adenocarcinoma of the Prostate', 'Stage IV Prostate "
                              "Cancer') is of males' organs only")
    assert message.endswith("the Sex may be MALE.")
    assert evidence == "eligibilities.gender=ALL; conditions.name='Adenocarcinoma of the Prostate', 'Stage IV " \
                       "Prostate Cancer'"
    assert found["NCT01700002"][0][1].endswith("the Sex may be FEMALE.")
