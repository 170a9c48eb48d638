"""Phrase by phrase: which words are drugs, and when a drug named in an outcome is not one the study gives."""
from __future__ import annotations

import pytest

from checks.drug_known_names import WordsOf
from checks.drug_names import drug_vocabulary, name_words, stem_drugs
from checks.drug_not_given import (
    NOT_GIVEN_AFTER, NOT_GIVEN_BEFORE, NOT_GIVEN_JOINED, NOT_GIVEN_LATER, NOT_GIVEN_RIGHT_BEFORE, LISTED_BEFORE,
    not_given,
)
from checks.drug_other_names import spelled_otherwise


@pytest.mark.parametrize("text, drugs", [
    ("Adverse events related to belimumab", {"belimumab"}),
    ("baricitinib 2 mg with methotrexate", {"baricitinib"}),
    ("atorvastatin or rosuvastatin", {"atorvastatin", "rosuvastatin"}),
    ("LDL cholesterol in April", set()),
    ("interleukin-6 and ghrelin levels", set()),
    ("accept the concept except", set()),
    ("", set()),
    (None, set()),
])
def test_stem_drugs(text, drugs):
    assert stem_drugs(text) == drugs


@pytest.mark.parametrize("name, words", [
    ("tab methotrexate 25 mg weekly", {"methotrexate"}),
    ("Matching placebo tablet", set()),
    ("Peginterferon alfa-2a", {"peginterferon", "alfa-2a"}),
])
def test_name_words(name, words):
    assert name_words(name) == words


def test_vocabulary_maps_each_part_of_a_name_to_its_drug():
    vocabulary = drug_vocabulary(["Peginterferon alfa-2a + Ribavirin"])
    assert vocabulary["alfa-2a"] == "peginterferon alfa-2a"
    assert vocabulary["ribavirin"] == "ribavirin"


# (outcome text, drug, why it is not a drug the study gives: the table entry)
NOT_GIVEN = [
    ("Cumulative use of ondansetron in 24 hours", "ondansetron", "medication use"),
    ("Number of days with acute medication (sumatriptan)", "sumatriptan", "rescue or acute"),
    ("Use of rescue medication such as salbutamol", "salbutamol", "medication use"),
    ("Time to first rescue salbutamol inhalation", "salbutamol", "rescue or acute"),
    ("Proportion on concomitant atorvastatin", "atorvastatin", "concomitant"),
    ("HbA1c in patients on stable metformin", "metformin", "already taken"),
    ("Response compared with their current levothyroxine", "levothyroxine", "already taken"),
    ("Serum tacrolimus", "tacrolimus", "measured in"),
    ("Daily steroid dose, as equivalent of prednisone", "prednisone", "equivalent of"),
    ("Cortisone levels", "cortisone", "level"),
    ("Verapamil use as a covariate of response", "verapamil", "covariate"),
    ("Glucocorticoid dose in mg/day prednisone-equivalent", "prednisone", "dose unit"),
    ("Proportion of patients preferring ketamine treatment compared to oxygen or injectable sumatriptan",
     "sumatriptan", "preference"),
    ("Effect of folic acid on urinary 5-amino=imidazole-4-carboxamide", "imidazole", "part of a compound name"),
    ("FDG-PET response after therapeutic 90Y-daclizumab", "daclizumab", "part of a compound name"),
    ("Change in Metformin at 4.5-months of follow-up", "metformin", "change in"),  # NCT05766735
    ("Correlated with serum trough concentrations of tildrakizumab", "tildrakizumab", "level of"),  # NCT05685940
    ("Correlated with anti-drug antibodies of tildrakizumab", "tildrakizumab", "level of"),
    ("Patients receiving anti-angiogenic therapy (such as bevacizumab)", "bevacizumab", "example"),  # NCT01604512
    ("Changes in mammalian target of rapamycin (mTOR) pathway", "rapamycin", "target of"),  # NCT05693129
    ("Subjects whose average prednisone dose was reduced by 25%", "prednisone", "dose of it"),  # NCT05688696
    ("Does tumour volume correlate with somatostatin receptor expression?", "somatostatin", "target"),  # NCT01617733
    ("Epinephrine, hydrocortisone, and IV antihistamine will be available", "hydrocortisone", "at hand"),
    ("Men who took avanafil in the 1 year prior to enrollment", "avanafil", "before enrolment"),
    ("Outcomes of subjects who opt to receive trastuzumab at progression", "trastuzumab", "preference"),
    ("Hypersensitivity despite premedication (dexamethasone and diphenhydramine)", "dexamethasone", "premedication"),
    ("Efficacy compared with historical controls treated with rituximab", "rituximab", "historical"),
    ("Proportion of patients who stopped prednisolone", "prednisolone", "stopped"),
    ("Proportion of patients tapering off prednisone", "prednisone", "stopped"),
    ("MIC of meropenem against isolates", "meropenem", "susceptibility"),
    ("Anti-Xa activity in patients on enoxaparin prophylaxis", "enoxaparin", "patients on it"),
    ("Time to prednisone discontinuation", "prednisone", "discontinuation"),
    ("Amoxicillin-clavulanate susceptibility of isolates", "amoxicillin", "susceptibility of it"),
    ("Dexamethasone suppression test", "dexamethasone", "test"),
    ("Number of participants who used prohibited medication (rituximab)", "rituximab", "prohibited"),
    ("Arm without rituximab", "rituximab", "negated"),
    ("Time to initiation of rituximab", "rituximab", "later start"),
    ("Total dose of remifentanil during surgery", "remifentanil", "amount used"),
    ("Observation (tofacitinib not given)", "tofacitinib", "withheld"),
    ("a 50 mg increase in oral prednisone (or a similar dose of another corticosteroid)", "prednisone",
     "one of its class"),
    ("Leukotriene modifier: n (%) Omalizumab or biologics: n (%)", "omalizumab", "tallied"),
    (">=12 inhalations/day of albuterol/salbutamol were used", "albuterol", "used"),
    ("baseline therapy strata (metformin versus diet and exercise)", "metformin", "stratum"),
    ("Corticosteroids included dexamethasone, methylprednisone and prednisolone", "prednisolone", "class listed"),
    ("Incidence of administering IL6 receptor blockers (tocilizumab, sarilumab)", "sarilumab", "class given counted"),
    ("Genotypic enfuvirtide value was used for PSS", "enfuvirtide", "susceptibility"),
    ("using tiotropium stratum as a stratification factor", "tiotropium", "stratum"),
    ("TDF resistance based on adefovir (ADV)-mutations", "adefovir", "resistance"),
    ("Pain medications will be converted to oxycodone/acetaminophen equivalents", "oxycodone", "equivalent of"),
    ("Analgesics Used Post Discharge (Ibuprofen)", "ibuprofen", "class used"),
    ("Vildagliptin, a DPP-4 inhibitor, improves beta-cell function. J Clin Endocrinol Metab. 2005; 90:4888-4894",
     "vildagliptin", "cited"),
]


@pytest.mark.parametrize("text, drug, why", NOT_GIVEN, ids=[w for _, _, w in NOT_GIVEN])
def test_drug_not_given(text, drug, why):
    assert not_given(text, text.lower().index(drug), drug) == why


def test_every_not_given_pattern_has_a_phrase():
    entries = {name for name, _ in NOT_GIVEN_BEFORE + NOT_GIVEN_RIGHT_BEFORE + NOT_GIVEN_AFTER + NOT_GIVEN_LATER
               + LISTED_BEFORE}
    entries |= {name for name, *_ in NOT_GIVEN_JOINED}
    assert entries == {why for _, _, why in NOT_GIVEN}


@pytest.mark.parametrize("text, drug", [
    ("Adverse events related to belimumab", "belimumab"),
    ("Change from baseline in HbA1c with canagliflozin", "canagliflozin"),
    ("PFS of thalidomide combined with gefitinib", "gefitinib"),
    ("Continuous infusion of ketamine", "ketamine"),
    ("Response to ketamine compared to sumatriptan", "sumatriptan"),
    ("Pharmacokinetics of anti-CD20 rituximab", "rituximab"),
    ("Adverse events of peg-interferon with sofosbuvir", "sofosbuvir"),
    ("Change in HbA1c after 12 weeks of metformin", "metformin"),
    ("Changes in insulin sensitivity under pioglitazone", "pioglitazone"),
    ("Plasma levels of IL-6 after tocilizumab", "tocilizumab"),
    ("Response to ketamine, such as remission", "ketamine"),
    ("Time to target of 50% reduction with rituximab", "rituximab"),
    ("Safety of ruxolitinib given as a single dose", "ruxolitinib"),
    ("Receptor occupancy of nivolumab", "nivolumab"),
    ("Adverse events of cladribine. Results will be available in 2025", "cladribine"),
    ("Proportion of patients who started prednisolone", "prednisolone"),
    ("Efficacy of rituximab compared with historical controls", "rituximab"),  # the history follows the drug
    ("Number of patients receiving tofacitinib with infections", "tofacitinib"),
    ("Tofacitinib test arm", "tofacitinib"),
    ("Sensitivity analysis of tofacitinib efficacy", "tofacitinib"),
])
def test_drug_given(text, drug):
    assert not_given(text, text.lower().index(drug), drug) is None


@pytest.mark.parametrize("word, known, same", [
    ("ofponatinib", {"of", "ponatinib"}, True),
    ("withbelimumab", {"belimumab"}, True),
    ("ponatinb", {"ponatinib"}, True),
    ("baracitinib", {"baricitinib"}, True),
    ("imatinib", {"ponatinib"}, False),
    ("nilotinib", {"ponatinib"}, False),
    ("tofacitinib", {"baricitinib"}, False),
    ("atorvastatin", {"rosuvastatin"}, False),
    # one enantiomer named for the other (NCT05699902 gives levobupivacaine, its outcome says bupivacaine)
    ("bupivacaine", {"levobupivacaine"}, True),
    ("omeprazole", {"esomeprazole"}, True),
    ("modafinil", {"armodafinil"}, True),
    ("ropivacaine", {"levobupivacaine"}, False),
    ("lidocaine", {"levobupivacaine"}, False),
    # a former name of the drug given (NCT00007904 gives doxorubicin hydrochloride; its outcome says adriamycin)
    ("adriamycin", {"doxorubicin", "hydrochloride"}, True),
    ("adriamycin", {"epirubicin"}, False),
])
def test_spelled_otherwise(word, known, same):
    assert spelled_otherwise(word, known, known) is same


def test_the_words_of_a_study_are_every_word_of_its_texts_read_when_first_asked():
    words = WordsOf(["Baricitinib 2 mg (Olumiant)", None, "hdl-cholesterol and placebo"])
    assert words._sets is None  # nothing read until a drug must be looked up
    assert "baricitinib" in words and "olumiant" in words and "hdl" in words and "cholesterol" in words
    assert "hdl-cholesterol" in words and "placebo" in words
    assert "tofacitinib" not in words and "2" not in words
    assert WordsOf([]).__contains__("baricitinib") is False
