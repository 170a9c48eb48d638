"""Arm doses against their intervention's when the frequency is written before the drug's name ("weekly paclitaxel
at 50 mg/m2", "Twice daily oral apixaban 5 mg"): read with the study's drug names, the frequency is the amount's
when only a route or a form stands between it and the name, its part of the text opens there, and the amount has
no frequency of its own; never another drug's amount's, nor the amount's before it ("Aspirin 100 mg and daily
clopidogrel 75 mg")."""
from __future__ import annotations

import pytest

from checks.contradictions_arms import study_dose_findings
from checks.dose_frequency_before_name import names_read_with
from checks.dose_text import parse_doses
from checks.drug_doses import doses_by_drug
from checks.drug_names import drug_vocabulary


def findings(arm: str, interventions: list[tuple[str, str]]) -> list:
    """The dose rule's findings on one arm given every intervention listed (name, description)."""
    return list(study_dose_findings("NCT0", [("Arm A", arm)], interventions, []))


# (arm description, interventions (name, description), the drug the finding names)
FIRING = [
    ("weekly paclitaxel at 80 mg/m2", [("Paclitaxel", "Paclitaxel 80 mg/m2 every 3 weeks")], "paclitaxel"),
    ("Weekly cisplatin 40mg/m2 during radiotherapy", [("Cisplatin", "Cisplatin 40 mg/m2 every 3 weeks")], "cisplatin"),
    ("daily aspirin 81 mg", [("Aspirin", "Aspirin 81 mg every other day")], "aspirin"),
    ("once-daily metformin 500 mg", [("Metformin", "Metformin 500 mg twice daily")], "metformin"),
    ("Twice daily oral apixaban 5 mg", [("Apixaban", "Apixaban 5 mg once daily")], "apixaban"),
    ("Concurrent chemotherapy, weekly Inj Cisplatin 40mg/m2. This will be given for 6 weeks",
     [("Cisplatin", "Cisplatin 40 mg/m2 every 3 weeks")], "cisplatin"),
    ("Patients receive weekly paclitaxel 80 mg/m2 for 12 weeks", [("Paclitaxel", "Paclitaxel 80 mg/m2 every 2 weeks")],
     "paclitaxel"),
    ("Every 3 weeks docetaxel 75 mg/m2", [("Docetaxel", "Docetaxel 75 mg/m2 every 2 weeks")], "docetaxel"),
    ("- daily low-dose aspirin 100 mg\n- atorvastatin 40 mg", [("Aspirin", "Aspirin 100 mg twice daily")], "aspirin"),
    ("Carboplatin AUC 2 plus weekly nab-paclitaxel 100 mg/m2",
     [("Nab-paclitaxel", "Nab-paclitaxel 100 mg/m2 every 3 weeks")], "nab-paclitaxel"),
    ("Once daily insulin glargine 10 units", [("Insulin glargine", "Insulin glargine 10 units twice daily")],
     "insulin glargine"),
    ("daily vitamin D3 2000 IU", [("Vitamin D3", "Vitamin D3 2000 IU weekly")], "vitamin d3"),
    ("weekly Nab-paclitaxel (Abraxane) at 100 mg/m2",
     [("Nab-paclitaxel (Abraxane)", "Nab-paclitaxel 100 mg/m2 every 3 weeks")], "nab-paclitaxel abraxane"),
    ("b.i.d. oral apixaban 5 mg", [("Apixaban", "Apixaban 5 mg once daily")], "apixaban"),
    ("Q3W pembrolizumab 200 mg", [("Pembrolizumab", "Pembrolizumab 200 mg Q6W")], "pembrolizumab"),
    ("Weekly IT methotrexate 12 mg", [("Methotrexate", "Methotrexate 12 mg intrathecal every 2 weeks")],
     "methotrexate"),
    ("Weekly paclitaxel at a dose of 80 mg/m2 and carboplatin AUC 2",
     [("Paclitaxel", "Paclitaxel 80 mg/m2 every 3 weeks")], "paclitaxel"),
    ("Weekly paclitaxel 80 mg/m2 and cisplatin 30 mg/m2", [("Paclitaxel", "Paclitaxel 80 mg/m2 every 3 weeks")],
     "paclitaxel"),
    # the frequency is the second drug's, after a word joining it on
    ("Aspirin 100 mg and daily clopidogrel 75 mg",
     [("Aspirin", "Aspirin 100 mg once daily"), ("Clopidogrel", "Clopidogrel 75 mg twice daily")], "clopidogrel"),
    ("Metformin 500 mg twice daily with once daily sitagliptin 100 mg",
     [("Metformin", "Metformin 500 mg twice daily"), ("Sitagliptin", "Sitagliptin 100 mg twice daily")],
     "sitagliptin"),
]
# (arm description, interventions (name, description)): wordings that must stay quiet.
QUIET = [
    # the same dose written in the two orders, or an amount with no frequency in the other text
    ("weekly paclitaxel at 80 mg/m2", [("Paclitaxel", "Paclitaxel 80 mg/m2 weekly")]),
    ("daily aspirin 81 mg", [("Aspirin", "Aspirin 81 mg once daily")]),
    ("Twice daily oral apixaban 5 mg", [("Apixaban", "Apixaban 10 mg daily")]),
    ("once-daily metformin 500 mg", [("Metformin", "Metformin 500 mg")]),
    ("Weekly cisplatin 40mg/m2", [("Cisplatin", "Cisplatin 40 mg/m2 once a week")]),
    # a frequency before one drug's name is not the next drug's: a list shares it only where the text says so
    ("weekly paclitaxel and carboplatin 300 mg/m2", [("Carboplatin", "Carboplatin 300 mg/m2 every 3 weeks")]),
    ("Weekly paclitaxel 80 mg/m2 and cisplatin 30 mg/m2", [("Cisplatin", "Cisplatin 30 mg/m2 every 3 weeks")]),
    ("Weekly paclitaxel plus cisplatin 75 mg/m2", [("Cisplatin", "Cisplatin 75 mg/m2 every 3 weeks")]),
    ("Daily aspirin, clopidogrel 75 mg", [("Clopidogrel", "Clopidogrel 75 mg every other day")]),
    # ... nor the amount's before it
    ("Aspirin 100 mg and daily clopidogrel 75 mg", [("Aspirin", "Aspirin 100 mg twice daily")]),
    ("Metformin 500 mg with daily sitagliptin 100 mg", [("Metformin", "Metformin 500 mg twice daily")]),
    # a frequency after an earlier amount, with nothing opening the next drug's part of the text
    ("Nivolumab 240 mg every 2 weeks ipilimumab 1 mg/kg", [("Ipilimumab", "Ipilimumab 1 mg/kg every 6 weeks")]),
    ("Aspirin 100 mg, daily clopidogrel 75 mg", [("Clopidogrel", "Clopidogrel 75 mg twice daily")]),
    # "daily" of something else, a day's total, a duration, a week's number
    ("For daily life support, metformin 500 mg", [("Metformin", "Metformin 500 mg twice daily")]),
    ("a daily dose of ibuprofen 1200 mg", [("Ibuprofen", "Ibuprofen 1200 mg daily")]),
    ("Weekly for 12 weeks: paclitaxel 80 mg/m2", [("Paclitaxel", "Paclitaxel 80 mg/m2 every 3 weeks")]),
    ("Paclitaxel 80 mg/m2 weekly for 12 weeks", [("Paclitaxel", "Paclitaxel 80 mg/m2 weekly")]),
    ("Week 1: paclitaxel 80 mg/m2", [("Paclitaxel", "Paclitaxel 80 mg/m2 every 3 weeks")]),
    ("5 days per week capecitabine 825 mg/m2", [("Capecitabine", "Capecitabine 825 mg/m2 twice daily")]),
    # the amount's own frequency, amounts sharing the frequency, alternatives, a maximum
    ("Daily metformin 500 mg twice daily", [("Metformin", "Metformin 500 mg twice daily")]),
    ("Weekly paclitaxel 80 mg/m2 on day 1 and 60 mg/m2 on day 8",
     [("Paclitaxel", "Paclitaxel 80 mg/m2 every 3 weeks")]),
    ("Weekly gemcitabine 1000 mg/m2 on days 1 and 8", [("Gemcitabine", "Gemcitabine 1000 mg/m2 every 3 weeks")]),
    ("Daily aspirin 81 mg or 325 mg", [("Aspirin", "Aspirin 325 mg every other day")]),
    ("daily or every other day aspirin 81 mg", [("Aspirin", "Aspirin 81 mg every other day")]),
    ("up to three times daily ibuprofen 400 mg", [("Ibuprofen", "Ibuprofen 400 mg twice daily")]),
    ("2-3 times daily ibuprofen 400 mg", [("Ibuprofen", "Ibuprofen 400 mg twice daily")]),
    # a word read two ways, the right eye
    ("Biweekly cisplatin 40 mg/m2", [("Cisplatin", "Cisplatin 40 mg/m2 weekly")]),
    ("OD ranibizumab 0.5 mg intravitreal", [("Ranibizumab", "Ranibizumab 0.5 mg every 4 weeks")]),
]


@pytest.mark.parametrize(("arm", "interventions", "drug"), FIRING, ids=[c[0][:60] for c in FIRING])
def test_frequency_before_the_drugs_name_is_its_amounts(arm, interventions, drug):
    found = findings(arm, interventions)
    assert len(found) == 1
    assert found[0].message.startswith(f"Arm 'Arm A' gives {drug} as ")


@pytest.mark.parametrize(("arm", "interventions"), QUIET, ids=[c[0][:60] for c in QUIET])
def test_frequency_of_another_drug_or_of_no_one_amount_stays_quiet(arm, interventions):
    assert findings(arm, interventions) == []


# (text, the study's intervention names, administrations a day read for each of its amounts, in order)
READ = [
    ("Aspirin 100 mg and daily clopidogrel 75 mg", ["Aspirin", "Clopidogrel"], [None, 1.0]),
    ("weekly paclitaxel 80 mg/m2 and carboplatin AUC 2", ["Paclitaxel", "Carboplatin"], [1 / 7, None]),
    ("Weekly paclitaxel 80 mg/m2 and cisplatin 30 mg/m2", ["Paclitaxel", "Cisplatin"], [1 / 7, None]),
    ("Twice daily oral apixaban 5 mg", ["Apixaban"], [2.0]),
    ("Weekly paclitaxel 80 mg/m2 on day 1 and 60 mg/m2 on day 8", ["Paclitaxel"], [None, None]),
]


@pytest.mark.parametrize(("text", "names", "per_day"), READ, ids=[c[0][:60] for c in READ])
def test_frequency_read_with_the_studys_drug_names(text, names, per_day):
    drugs = drug_vocabulary(names)
    doses = sorted((d for found in doses_by_drug(text, drugs).values() for d in found), key=lambda d: d.start)
    assert [d.per_day for d in doses] == pytest.approx(per_day)


def test_without_drug_names_no_frequency_is_read_before_a_word():
    assert [d.per_day for d in parse_doses("weekly paclitaxel at 50 mg/m2")] == [None]


# (arm description, intervention description, the message): the message gives the frequency read before the name.
MESSAGES = [
    ("Twice daily oral apixaban 5 mg", "Apixaban 2.5 mg twice daily",
     "Arm 'Arm A' gives apixaban as 5 mg twice daily but its intervention 'Apixaban' says 2.5 mg twice daily."),
    ("daily aspirin 81 mg", "Aspirin 100 mg once daily",
     "Arm 'Arm A' gives aspirin as 81 mg a day but its intervention 'Aspirin' says 100 mg once daily."),
]


@pytest.mark.parametrize(("arm", "intervention", "message"), MESSAGES, ids=[c[0][:60] for c in MESSAGES])
def test_message_gives_the_frequency_before_the_name(arm, intervention, message):
    drug = intervention.split()[0]
    assert [f.message for f in findings(arm, [(drug, intervention)])] == [message]


MEDI4736 = {"medi4736": "durvalumab medi4736", "durvalumab": "durvalumab medi4736"}
# (text, the study's drug words and their drugs' names, whether the text is read with them): most texts are read
# once whatever the study; a frequency before a drug's name, or a varying text whose drug words only the study's
# names tell (no stem, no code) or name one drug twice, is read with them.
NAMES_READ = [
    ("Paclitaxel 80 mg/m2 weekly", {"paclitaxel": "paclitaxel"}, False),
    ("weekly paclitaxel", {"paclitaxel": "paclitaxel"}, False),
    ("Dose escalation of olaparib 100 mg plus durvalumab 1500 mg", {"olaparib": "olaparib", "durvalumab": "durvalumab"},
     False),
    ("weekly paclitaxel at 80 mg/m2", {"paclitaxel": "paclitaxel"}, True),
    ("Aspirin 100 mg and once-daily clopidogrel 75 mg", {"aspirin": "aspirin", "clopidogrel": "clopidogrel"}, True),
    ("Dose escalation of lenalidomide 5 mg to 25 mg", {"lenalidomide": "lenalidomide"}, True),
    ("Dose escalation of MEDI4736; durvalumab 1500 mg", MEDI4736, True),
]


@pytest.mark.parametrize(("text", "drugs", "named"), NAMES_READ, ids=[c[0][:60] for c in NAMES_READ])
def test_text_read_with_the_studys_drug_names_only_where_they_tell(text, drugs, named):
    assert bool(names_read_with(text, drugs)) is named
