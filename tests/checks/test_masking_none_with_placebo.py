"""An open-label record that gives a placebo and never says it is open label (contradictions.masking_none_with_placebo).

Masking NONE beside an intervention named placebo, or a Placebo Comparator arm titled as one, is info; quiet where a
text speaks of open label or blinding, where a title says extension, rollover or continuation, in a platform trial,
for a behavioural 'placebo' (a message experiment's videos), a placebo denied, and any other masking.
"""
from __future__ import annotations

import pytest

from checks.masking_none_with_placebo import RULE_ID, RULES, study_masking_placebo_findings
from tests.checks import harness

TITLE = ("studies.official_title", "A Randomized Trial of Hydroxychloroquine in Outpatients With COVID-19")
SUMMARY = ("brief_summaries.description", "Patients are randomized to hydroxychloroquine or placebo for 5 days.")
DRUG = ("DRUG", "Hydroxychloroquine")
ACTIVE_ARM = ("EXPERIMENTAL", "Hydroxychloroquine")

# (interventions (type, name), arms (type, title), texts (field, text), what the message quotes): a placebo in an
# open-label record that never says so.
FIRES = [
    ([DRUG, ("DRUG", "Placebo oral tablet")], [ACTIVE_ARM, ("PLACEBO_COMPARATOR", "Placebo")], [TITLE, SUMMARY],
     "the intervention 'Placebo oral tablet'"),
    ([("DRUG", "Tenofovir disoproxil fumarate placebo"), ("DRUG", "Tenofovir 1% gel")], [], [TITLE],
     "the intervention 'Tenofovir disoproxil fumarate placebo'"),
    ([("DRUG", "Placebo to Azathioprine"), ("DRUG", "Mycophenolate mofetil")], [], [],
     "the intervention 'Placebo to Azathioprine'"),
    ([("OTHER", "placebo hCG (no active ingredient)"), ("DRUG", "Testosterone enanthate")], [], [TITLE],
     "'placebo hCG (no active ingredient)'"),
    ([("DRUG", "Placebos"), ("DRUG", "Favipiravir")], [], [SUMMARY], "the intervention 'Placebos'"),
    ([DRUG, ("OTHER", "Placebo", "Usual care plus a matching placebo tablet")], [], [], "the intervention 'Placebo'"),
    ([("BEHAVIORAL", "Cognitive training"), ("DRUG", "Methylphenidate"), ("DRUG", "Placebo")], [], [],
     "the intervention 'Placebo'"),
    ([("BIOLOGICAL", "RBT-9")], [("EXPERIMENTAL", "RBT-9"), ("PLACEBO_COMPARATOR", "Placebo group")], [TITLE],
     "the Placebo Comparator arm 'Placebo group'"),
    ([("DEVICE", "NEXThaler placebo"), ("DRUG", "Beclomethasone/formoterol NEXThaler")], [], [TITLE],
     "'NEXThaler placebo'"),
    # A placebo beside a drug and a device: the drug's placebo is still one to mask.
    ([("DEVICE", "Nasal CPAP"), ("DRUG", "Acetazolamide"), ("DRUG", "Placebo capsules")], [], [TITLE],
     "'Placebo capsules'"),
    ([DRUG, ("DRUG", "Placebo", "Participants will receive a matching placebo")], [], [], "'Placebo'"),
    # Words near the placebo that say nothing of masking: a mask to wear, blindness treated, an open trial site.
    ([DRUG, ("DRUG", "Placebo")], [], [("brief_summaries.description", "Participants wear a face mask at visits.")],
     "'Placebo'"),
    ([("DRUG", "Ranibizumab"), ("DRUG", "Placebo")], [], [("studies.brief_title", "Ranibizumab to Prevent Blindness")],
     "'Placebo'"),
    ([DRUG, ("DRUG", "Placebo")], [], [("brief_summaries.description", "The trial will open at three sites.")],
     "'Placebo'"),
]

# (interventions, arms, texts): quiet.
QUIET = [
    # The record says it is open label, or speaks of blinding at all.
    ([DRUG, ("DRUG", "Placebo")], [], [("studies.official_title", "An Open-Label, Placebo-Controlled Trial of X")]),
    ([DRUG, ("DRUG", "Placebo")], [], [("brief_summaries.description", "This is an open label study.")]),
    ([DRUG, ("DRUG", "Placebo")], [], [("designs.masking_description", "Open study; the placebo is given openly.")]),
    ([DRUG, ("DRUG", "Placebo")], [], [("detailed_descriptions.description", "The study is not blinded.")]),
    ([DRUG, ("DRUG", "Placebo")], [], [("detailed_descriptions.description", "An unblinded pilot.")]),
    ([DRUG, ("DRUG", "Placebo")], [], [("brief_summaries.description", "A double-blind trial of X and placebo.")]),
    ([DRUG, ("DRUG", "Placebo")], [], [("design_groups.description", "Matching placebo, masked to participants.")]),
    ([DRUG, ("DRUG", "Open-label placebo pills")], [], []),
    ([DRUG, ("DRUG", "Placebo")], [], [("brief_summaries.description", "Non-blinded allocation by site.")]),
    ([DRUG, ("DRUG", "Placebo")], [], [("studies.official_title", "A Phase II, Monocentric, Open, Randomized, 6-way "
                                        "Cross-over Clinical Pharmacology Study")]),
    ([DRUG, ("DRUG", "Placebo")], [], [("brief_summaries.description", "An open randomised trial of X.")]),
    # An extension, rollover or continuation: the placebo is the parent study's.
    ([("DRUG", "Rufinamide"), ("DRUG", "Placebo")], [],
     [("studies.brief_title", "Extension Study of Rufinamide Given as Adjunctive Therapy")]),
    ([("DRUG", "Sunitinib"), ("DRUG", "Placebo")], [],
     [("studies.official_title", "Rollover Protocol for Prior Trials")]),
    # A platform trial.
    ([("DRUG", "Clazakizumab"), ("DRUG", "placebo for clazakizumab")], [],
     [("brief_summaries.description", "An adaptive platform trial of treatments for COVID-19.")]),
    # A behavioural 'placebo', a placebo denied, no placebo at all.
    ([("BEHAVIORAL", "Placebo videos"), ("BEHAVIORAL", "Messaging videos")], [("PLACEBO_COMPARATOR", "Placebo")], []),
    ([DRUG, ("OTHER", "No placebo")], [], []),
    ([DRUG, ("OTHER", "placebo", "No Intervention")],
     [ACTIVE_ARM, ("PLACEBO_COMPARATOR", "placebo", "No intervention")], []),
    ([DRUG], [ACTIVE_ARM, ("PLACEBO_COMPARATOR", "Placebo", "No treatment is given.")], []),
    ([("DRUG", "Neurologist Initiated Treatment"), ("OTHER", "Placebo", "Usual care")], [], []),
    ([("BIOLOGICAL", "Engerix-B 20 µg"), ("BIOLOGICAL", "placebo", "In the primary study: 1 injection (month 1)")],
     [], []),
    ([("BEHAVIORAL", "Contingency Management"), ("OTHER", "Placebo", "Screens with no reinforcement")],
     [("PLACEBO_COMPARATOR", "Placebo")], []),
    ([DRUG, ("OTHER", "Standard care without placebo")], [], []),
    ([DRUG, ("OTHER", "Usual care")], [ACTIVE_ARM, ("PLACEBO_COMPARATOR", "Standard of care")], []),
    ([DRUG, ("OTHER", "Usual care")], [ACTIVE_ARM, ("PLACEBO_COMPARATOR", "Non-placebo control")], []),
    ([DRUG], [ACTIVE_ARM], [TITLE]),
    # A placebo set only against a device, a procedure or radiation: nothing it could look like.
    ([("DEVICE", "CPAP"), ("DRUG", "Oral placebo tablet")], [], [("brief_summaries.description", "CPAP or tablet.")]),
    ([("PROCEDURE", "Paravertebral block"), ("DRUG", "Placebo")], [], []),
    # An untreated control named placebo: nothing given, nothing to mask.
    ([("DRUG", "Ceftriaxone"), ("DRUG", "placebo", "control subjects without a history of Lyme borreliosis")], [], []),
    ([DRUG, ("OTHER", "Placebo Comparator", "No block Patients who did not receive PVB")], [], []),
    # One arm: a placebo in the fixed sequence every participant takes.
    ([DRUG, ("DRUG", "Placebo")], [("EXPERIMENTAL", "Placebo, then 125 mg, then 250 mg")], []),
]


def _fires_id(case: tuple) -> str:
    return "+".join(row[1] for row in case[0])[:60]


@pytest.mark.parametrize("interventions, arms, texts, quoted", FIRES, ids=[_fires_id(c) for c in FIRES])
def test_a_placebo_in_an_open_label_record_that_never_says_so_is_info(interventions, arms, texts, quoted):
    [found] = study_masking_placebo_findings("NCT0", "NONE", interventions, arms, texts)
    assert quoted in found.message and quoted in found.evidence, found.message
    assert found.severity is None and RULES[0].severity == "info"


@pytest.mark.parametrize("interventions, arms, texts", QUIET, ids=[_fires_id(c) for c in QUIET])
def test_a_record_that_says_open_label_or_blinded_or_gives_no_product_placebo_stays_quiet(interventions, arms, texts):
    assert list(study_masking_placebo_findings("NCT0", "NONE", interventions, arms, texts)) == []


@pytest.mark.parametrize("masking", ["SINGLE", "DOUBLE", "QUADRUPLE", None])
def test_a_masked_record_or_one_without_masking_stays_quiet(masking):
    assert list(study_masking_placebo_findings("NCT0", masking, [DRUG, ("DRUG", "Placebo")], [], [TITLE])) == []


def test_the_finding_says_what_the_record_gives_and_why():
    [found] = study_masking_placebo_findings("NCT0", "NONE", [("DRUG", "Placebo  oral tablet")], [], [])
    assert found.message == ("Masking is None (Open Label) while the record gives a placebo (the intervention "
                             "'Placebo oral tablet') and none of its texts says the study is open label: a placebo is "
                             "given to be masked, so the masking or the placebo is wrong, or the record leaves out "
                             "that its placebo is given open label.")
    assert found.evidence == "designs.masking='NONE'; placebo: the intervention 'Placebo oral tablet'"


def _study(masking: str = "NONE", study_type: str = "INTERVENTIONAL", summary: str = "Randomized to X or placebo.",
           title: str = "A Randomized Trial of Baricitinib in Primary Sjogren's Syndrome") -> dict:
    """The clean study (baricitinib against a placebo) with its masking, study type, summary and official title."""
    study = harness.clean_study()
    study["studies"][0].update(study_type=study_type, official_title=title)
    study["designs"][0].update(masking=masking, subject_masked=None, investigator_masked=None)
    study["brief_summaries"] = [{"description": summary}]
    study["detailed_descriptions"] = [{"description": "Participants take one tablet daily."}]
    return study


# Record-level cases: {nct_id: (study rows, fires)}.
RECORDS = {
    "NCT00000001": (_study(), True),
    "NCT00000002": (_study(masking="DOUBLE"), False),
    "NCT00000003": (_study(study_type="OBSERVATIONAL"), False),
    "NCT00000004": (_study(summary="An open-label study of baricitinib and placebo."), False),
    "NCT00000005": (_study(title="Open-Label Extension Study of Baricitinib"), False),
    "NCT00000006": (_study(summary="Randomized to X or placebo; neither is blinded."), False),
}


def test_records_are_judged_on_the_warehouse(tmp_path):
    studies = {nct_id: rows for nct_id, (rows, _fires) in RECORDS.items()}
    flagged = harness.flagged_studies(tmp_path, studies, RULES)[RULE_ID]
    assert flagged == {nct_id for nct_id, (_rows, fires) in RECORDS.items() if fires}
