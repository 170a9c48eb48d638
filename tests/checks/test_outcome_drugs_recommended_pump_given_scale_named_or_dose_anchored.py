"""contradictions.drug_not_an_intervention on outcome drugs the study does not give: the answers a survey's respondents
recommend, the analgesic a PCA pump gives on demand, a drug inside a scale's name, the participants' own daily dose that
times a sampling; and the drugs such outcomes name that are still findings (a drug given to all and not listed, a drug
of a dose-limiting toxicity's definition that no arm gives)."""
from __future__ import annotations

import pytest

from checks.contradictions_drugs import study_drug_findings

IMAGING = (("Beta amyloid imaging", "Florbetapir PET scan read by the clinician."),)
INFILTRATION = (("Ropivacaine", "Local infiltration of 30 mL ropivacaine 0.2% at wound closure."),)
DIMEBON = (("dimebon", "Oral tablet; 20 mg dimebon, single dose"), ("placebo", "Oral tablet; placebo, single dose"))
PASIREOTIDE = (("Pasireotide", "Pasireotide 0.6 mg s/c injections twice daily"),)

RECOMMENDED = ("Proportion of respondents who recommend a medication indicated for the treatment of Alzheimer's "
               "Disease, including Typical antipsychotics - e.g., Chlorpromazine (Thorazine), Haloperidol (Haldol), "
               "Atypical antipsychotics - e.g., Risperidone (Risperdal)")
PCA_BOLUS = ("When the patients feel pain, the PCA button will be pressed. The PCA pump will provide a bolus of 2μg "
             "sufentanil with a 10 minutes lock-out time.")
ARCI = "ARCI (PCAG) is one of the measures of sedative effects. It is a set of 15 questions."

# (interventions, measure, description)
QUIET = [
    # the answers a survey's respondents recommend or choose
    (IMAGING, "Likelihood of Recommending a Medication", RECOMMENDED),
    (IMAGING, "Change in management", RECOMMENDED),
    (IMAGING, "Prescribing intent", "Percentage of physicians who would prescribe haloperidol for agitation."),
    (IMAGING, "Treatment choice", "Number of clinicians that chose risperidone after the scan."),
    # the analgesic a PCA pump gives on demand, counted by presses
    (INFILTRATION, "Number of patients without PCA press button", PCA_BOLUS),
    (INFILTRATION, "Time to first demand", "Patient-controlled intravenous analgesia with sufentanil 2 μg per bolus."),
    (INFILTRATION, "Number of presses", "Presses of the sufentanil PCA in 48 hours."),
    # a drug inside the name of a scale or of its subscale
    (DIMEBON, "Sedative Effects - Addiction Research Center Inventory (ARCI) Pentobarbital Chlorpromazine Group "
              "(PCAG): Maximum Effect (Emax)", ARCI),
    (DIMEBON, "ARCI subscales", "Scores of the Pentobarbital-Chlorpromazine-Alcohol Group scale."),
    (DIMEBON, "Stimulant effects", "Rated on the ARCI Amphetamine scale, 11 items."),
    # the participants' own daily dose as the time point of sampling
    (PASIREOTIDE, "Serum ACTH levels", "Early morning plasma ACTH sampled at 0, 1, 2, and 3 hours after morning "
                                       "hydrocortisone (HC) during 4 weeks of pasireotide."),
    (PASIREOTIDE, "Cortisol day curve", "Cortisol measured 2 hours after the evening dose of hydrocortisone."),
]

FIRING = [
    # a drug given to every participant and not listed; a drug of a DLT's definition that no arm gives
    (IMAGING, "Unsolicited adverse events", "From inoculation through treatment with albendazole (Day 182)."),
    (PASIREOTIDE, "Percentage of subjects with a dose-limiting toxicity",
     "Toxicity possibly attributable to pasireotide or lomustine: nausea of grade 3 or greater."),
    # recommended by no respondent: a drug the outcome names as given
    (IMAGING, "Recommended dose", "Participants receive haloperidol 2 mg at the recommended dose."),
    (IMAGING, "Agitation", "Number of respondents to haloperidol at week 4."),
    (IMAGING, "Recommended treatment dose of haloperidol", "Dose-limiting toxicities in cycle 1."),
    # a pump that gives the drug as the study's treatment in another sentence; no pump at all
    (INFILTRATION, "Pain at rest", "Patients receive a sufentanil infusion. PCA is not used."),
    (INFILTRATION, "Number of boluses", "A bolus of 2 μg sufentanil is given at skin closure."),
    # a study group, not a scale's part
    (DIMEBON, "Drug liking in the pentobarbital group", "Drug liking VAS at 2 hours."),
    (DIMEBON, "Sedation", "Sedation after pentobarbital, rated on a visual analogue scale."),
    # a dose of the drug the outcome names as given, not a daily dose the participants take
    (PASIREOTIDE, "Serum ACTH levels", "ACTH sampled at 0, 1 and 2 hours after hydrocortisone 20 mg given at visit 2."),
    (PASIREOTIDE, "Cortisol", "Cortisol in the morning after hydrocortisone."),
]


def _drugs_named(interventions: tuple, measure: str, description: str) -> list[str]:
    findings = study_drug_findings("NCT0", [(measure, description)], list(interventions), list(interventions),
                                   [(name,) for name, _ in interventions], [])
    return [f.message for f in findings]


@pytest.mark.parametrize(("interventions", "measure", "description"), QUIET, ids=[c[1][:40] for c in QUIET])
def test_recommended_pump_given_scale_named_or_dose_anchored_drug_is_quiet(interventions, measure, description):
    assert _drugs_named(interventions, measure, description) == []


@pytest.mark.parametrize(("interventions", "measure", "description"), FIRING, ids=[c[1][:40] for c in FIRING])
def test_drug_given_or_copied_is_a_finding(interventions, measure, description):
    assert _drugs_named(interventions, measure, description)
