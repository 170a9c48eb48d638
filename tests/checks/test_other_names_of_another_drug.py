"""An intervention's other name that is another drug's brand, name or code ('Anafranil', clomipramine's brand, as the
other name of desipramine: NCT00018200), against the other names that are the same substance's (a brand in another
country, a salt, an enantiomer, a prodrug, a metabolite, a combination holding the drug), a class, a regimen, a
placebo's, or a drug the study gives elsewhere; and the brand tables that tell them apart."""
from __future__ import annotations

import pytest

from checks.contradictions_drugs import study_drug_findings
from checks.drug_brand_names import ONE_SUBSTANCE, OTHER_BRANDS, SAME_DRUG_NAMES
from checks.drug_brands import BRANDS
from checks.drug_names import stem_drugs
from checks.drug_other_names import COMBINATION_PRODUCTS, coded_drugs
from checks.drug_spellings import language_folded
from checks.other_name_drugs import other_name_findings


def _messages(name: str, other: str, description: str | None = None, others: tuple[tuple[str, str], ...] = (),
              arms: tuple[tuple[str, str], ...] = (), context: tuple[str, ...] = ()) -> list[str]:
    """Messages for a study whose intervention `name` (described so) has the other name `other`; `others` are its
    other interventions (name, other name), `arms` (title, description), `context` its titles and summaries."""
    interventions = [(1, name, description)] + [(n, drug, None) for n, (drug, _) in enumerate(others, start=2)]
    other_names = [(1, name, other)] + [(n, drug, alias) for n, (drug, alias) in enumerate(others, start=2)]
    return [f.message for f in other_name_findings("NCT01000001", interventions, other_names, list(arms),
                                                   list(context))]


# (intervention name, other name): another drug's brand, name, development code or former name.
FIRING = [
    ("Desipramine", "Anafranil"),  # NCT00018200: clomipramine's brand; desipramine is Norpramin
    ("paclitaxel", "taxotere"),  # NCT00003120: docetaxel's brand in a study of paclitaxel alone
    ("Leuprolide Acetate", "Casodex"),  # NCT00003645: bicalutamide's brand
    ("Flutamide", "Goserelin"),  # NCT00003645: another drug's name
    ("Sertraline", "Prozac"),
    ("Escitalopram", "Zoloft"),
    ("Imipramine", "Anafranil"),
    ("Carbamazepine", "Trileptal"),
    ("Methylprednisolone", "Decadron"),
    ("Insulin detemir", "Lantus"),
    ("Filgrastim", "Aranesp"),
    ("Paracetamol", "Advil"),
    ("Nivolumab", "MK-3475"),  # pembrolizumab's development code
    ("Epirubicin", "Adriamycin"),  # doxorubicin's former name
    ("Pramipexole", "Sinemet"),  # a combination that does not hold the drug
    ("Zoloft", "Paxil"),  # the intervention named by its brand
    ("Clomipramina", "Prozac"),  # the intervention as another language spells it
    ("Desipramine hydrochloride 50 mg", "Anafranil®"),
]
# (intervention name, other name): the same drug's other name, or no other drug's.
QUIET = [
    ("Clomipramine", "Anafranil"),  # the drug's own brand
    ("Desipramine", "Norpramin"),
    ("Clomipramine", "Anafranill"),  # its brand misspelt
    ("Escitalopram", "Cipralex"),  # its brand in another country
    ("Paracetamol", "Tylenol"),  # its brand, under another pharmacopoeia's name
    ("Acetaminophen", "Panadol"),
    ("Rifampicin", "Rifadin"),
    ("Glibenclamide", "Daonil"),
    ("Noradrenaline", "Levophed"),
    ("Epinephrine", "Adrenaline"),
    ("Citalopram", "Lexapro"),  # an enantiomer's brand
    ("Escitalopram", "Celexa"),  # the racemate's
    ("Esketamine", "Ketalar"),
    ("Aciclovir", "Valtrex"),  # a prodrug's brand
    ("Valacyclovir", "Zovirax"),  # what the prodrug gives
    ("Prednisolone", "Deltasone"),
    ("Imipramine", "Norpramin"),  # its active metabolite's
    ("Risperidone", "Invega"),
    ("Levothyroxine", "Cytomel"),
    ("Mycophenolate mofetil", "Myfortic"),  # the acid against its salt
    ("Valproic acid", "Depakote"),
    ("Pegfilgrastim", "Neupogen"),
    ("Levodopa", "Sinemet"),  # a combination that holds the drug
    ("Carbidopa/levodopa", "Sinemet"),
    ("Fluticasone propionate", "Advair"),
    ("Hydrochlorothiazide", "Atacand HCT"),  # a combination by a marker no table reads
    ("Docetaxel", "Taxotere/Taxol"),
    ("Doxorubicin", "Adriamycin"),  # its former name
    ("Pembrolizumab", "MK-3475"),  # its code
    ("Nab-paclitaxel", "Abraxane"),
    ("Insulin", "Lantus"),  # a family whose member the other name tells
    ("Antidepressant", "Anafranil"),  # a class
    ("Chemotherapy", "Taxotere"),
    ("Oxaliplatin", "FOLFOX"),  # a regimen
    ("Sertraline", "SSRI"),
    ("Placebo", "matching Anafranil"),  # a placebo's
    ("Placebo for desipramine", "Anafranil"),
    ("Desipramine", "Anafranil placebo"),
    ("Prednisone", "3. Another dose of 100 mg hydrocortisone IV 8 hours after"),  # NCT01782859: a sentence
]


@pytest.mark.parametrize("name, other", FIRING, ids=[f"{n} / {o}" for n, o in FIRING])
def test_another_drugs_other_name_fires(name, other):
    assert len(_messages(name, other)) == 1


@pytest.mark.parametrize("name, other", QUIET, ids=[f"{n} / {o}" for n, o in QUIET])
def test_the_same_substances_other_name_or_no_drugs_is_quiet(name, other):
    assert _messages(name, other) == []


def test_the_message_names_both_drugs():
    assert _messages("Desipramine", "Anafranil") == [
        "The intervention 'Desipramine' has the other name 'Anafranil' (a brand of clomipramine): not the "
        "intervention's drug (desipramine), nor one the study's other interventions, arms, titles or descriptions "
        "name."]


# (intervention, other name, what else of the study names the other drug): a drug the study gives besides.
GIVEN_ELSEWHERE = [
    ("Adagrasib", "Pembrolizumab", {"others": (("Pembrolizumab", "Keytruda"),)}),  # NCT04613596: the partner drug
    ("Docetaxel", "Cytoxan", {"others": (("Cyclophosphamide", "Cytoxan"),)}),  # NCT00499122: another's brand copied
    ("Anlotinib", "Gefitinib Tablets", {"arms": (("Anlotinib plus EGFR-TKI", "Anlotinib with gefitinib"),)}),
    ("Leuprolide", "Casodex", {"context": ("Leuprolide and bicalutamide after prostatectomy",)}),
    ("Anlotinib", "Gefitinib", {"description": "Anlotinib 12 mg daily combined with gefitinib"}),
]


@pytest.mark.parametrize("name, other, given", GIVEN_ELSEWHERE, ids=[f"{n} / {o}" for n, o, _ in GIVEN_ELSEWHERE])
def test_a_drug_the_study_gives_elsewhere_is_quiet(name, other, given):
    assert _messages(name, other, **given) == []


def test_an_interventions_other_names_of_other_drugs_are_one_finding():
    """NCT00003645: leuprolide's other names are bicalutamide's, flutamide's goserelin's; an other name listed twice
    is named once."""
    interventions = [(1, "Flutamide", None), (2, "Leuprolide Acetate", "50 mg tablet orally daily for 12 months")]
    other_names = [(1, "Flutamide", "Goserelin"), (1, "Flutamide", "Zoladex"), (2, "Leuprolide Acetate", "Casodex"),
                   (2, "Leuprolide Acetate", "Bicalutamide"), (2, "Leuprolide Acetate", "Casodex")]
    findings = list(other_name_findings("NCT00003645", interventions, other_names, [], []))
    assert [f.message for f in findings] == [
        "The intervention 'Flutamide' has the other names 'Goserelin' and 'Zoladex' (a brand of goserelin): not the "
        "intervention's drug (flutamide), nor one the study's other interventions, arms, titles or descriptions name.",
        "The intervention 'Leuprolide Acetate' has the other names 'Casodex' (a brand of bicalutamide) and "
        "'Bicalutamide': not the intervention's drug (leuprolide), nor one the study's other interventions, arms, "
        "titles or descriptions name."]
    assert findings[1].evidence == ("interventions.name: 'Leuprolide Acetate'; intervention_other_names.name: "
                                    "'Casodex', 'Bicalutamide'")


def test_the_brand_tables_agree():
    """No brand names two drugs or is a drug's name; a drug is listed once, and once however another language spells
    it; another pharmacopoeia's names and one substance's forms are of drugs read as such; the table stays a few
    hundred drugs."""
    brands = [brand for names in OTHER_BRANDS.values() for brand in names]
    everyone = brands + [brand for names in BRANDS.values() for brand in names]
    assert len(everyone) == len(set(everyone)) and len(OTHER_BRANDS) <= 300
    assert not set(everyone) & (set(BRANDS) | set(OTHER_BRANDS)) and not set(BRANDS) & set(OTHER_BRANDS)
    assert all(brand.isalpha() and brand.islower() for brand in brands)
    assert set(SAME_DRUG_NAMES.values()) <= set(OTHER_BRANDS) | set(BRANDS)
    names = [language_folded(name) for name in [*BRANDS, *OTHER_BRANDS, *SAME_DRUG_NAMES]]
    assert len(names) == len(set(names)) and not set(names) & set(everyone)
    combined = {word for names in COMBINATION_PRODUCTS.values() for name in names for word in name}
    assert not set(everyone) & combined
    assert all(drug in BRANDS or drug in OTHER_BRANDS or stem_drugs(drug) for pair in ONE_SUBSTANCE for drug in pair)


# (intervention, arm title): a drug of a fixed combination the study gives, by its brand; each fired before.
QUIET_COMBINATION_ARMS = [
    ("Vytorin", "Simvastatin 40 mg"),
    ("Percocet", "Oxycodone 5 mg every 6 hours"),
    ("Genvoya", "Elvitegravir-based regimen"),
    ("Cosopt", "Timolol twice daily"),
    ("Synjardy", "Empagliflozin 10 mg"),
    ("Phesgo", "Pertuzumab and trastuzumab"),
]


@pytest.mark.parametrize("brand, arm", QUIET_COMBINATION_ARMS, ids=[b for b, _ in QUIET_COMBINATION_ARMS])
def test_an_arm_naming_a_drug_of_a_combination_given_by_its_brand_is_quiet(brand, arm):
    assert list(study_drug_findings("NCT01000001", [], [(arm, None)], [(brand, None)], [(brand,)], [])) == []


def test_every_brand_and_combination_is_quiet_beside_its_own_drug():
    """A brand against its drug's name in either order, and a combination product against each drug it holds."""
    pairs = [(drug, brand.capitalize()) for table in (BRANDS, OTHER_BRANDS) for drug, names in table.items()
             for brand in names]
    pairs += [(brand, drug) for drug, brand in pairs]
    pairs += [(drug, " ".join(name)) for drugs, names in COMBINATION_PRODUCTS.items() for name in names
              for drug in drugs]
    assert [pair for pair in pairs if _messages(*pair)] == []


# (text, the drugs its development codes name): each code whole, whatever its case and a hyphen or space inside it.
CODED_TEXTS = [
    ("MK-3475 then CDDP", ("cisplatin", "pembrolizumab")),
    ("mk 3475 (BAY 43-9006)", ("pembrolizumab", "sorafenib")),
    ("STI571 400 mg", ("imatinib",)),
    ("MK-34751", ()),
    ("Vitamin D 2000 IU", ()),
    (None, ()),
]


@pytest.mark.parametrize("text, drugs", CODED_TEXTS, ids=[str(t) for t, _ in CODED_TEXTS])
def test_a_texts_codes_name_their_drugs(text, drugs):
    assert sorted(coded_drugs(text)) == list(drugs)
