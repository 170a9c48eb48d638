"""The other names of a drug a study gives (`spelled_otherwise`): a former name, another pharmacopoeia's, a
development code, a regimen's initials, a combination product's, a prodrug's or a metabolite's, a brand, a
spelling."""
from __future__ import annotations

import re
from typing import Container, Iterable

from checks.drug_brand_names import ONE_SUBSTANCE
from checks.drug_brands import branded
from checks.drug_spellings import SPELLINGS_LEAST, enantiomer_of, language_folded, letters_swapped, same_start, within

# The longest word ("with", "and", "of") found run together before a drug name.
RUN_TOGETHER = 5


# Former names that carry a drug stem, and the INN that replaced them: an outcome may say "adriamycin" where the
# intervention is doxorubicin (NCT00007904).
FORMER_NAMES = {
    "adriamycin": "doxorubicin", "daunomycin": "daunorubicin", "rubidomycin": "daunorubicin",
    "rapamycin": "sirolimus", "mithramycin": "plicamycin", "aureomycin": "chlortetracycline",
    "terramycin": "oxytetracycline",
}
# The same drug as another pharmacopoeia names it (USAN against INN, BAN), where the name read carries a stem: an arm
# may say "Albuterol" where the intervention is "Salbutamol".
OTHER_PHARMACOPOEIA_NAMES = {
    "albuterol": ("salbutamol",), "levalbuterol": ("levosalbutamol",),
    "thiamazole": ("methimazole",), "methimazole": ("thiamazole",), "floxacillin": ("flucloxacillin",),
    "flucloxacillin": ("floxacillin",), "benzylpenicillin": ("penicillin",), "phenoxymethylpenicillin": ("penicillin",),
}
# Development codes of drugs, as sponsors name an intervention before its INN ("MK-3475" is pembrolizumab, "CDDP"
# cisplatin): a study naming the code gives the drug. Each code is read without regard to case, and to a hyphen or
# space between its letters and digits ("MK3475", "MK 3475").
CODE_NAMES = {
    "pembrolizumab": ("MK-3475", "SCH 900475"), "nivolumab": ("BMS-936558", "MDX-1106", "ONO-4538"),
    "atezolizumab": ("MPDL3280A", "RG7446"), "durvalumab": ("MEDI4736",), "avelumab": ("MSB0010718C",),
    "cemiplimab": ("REGN2810",), "ipilimumab": ("MDX-010", "BMS-734016"), "tremelimumab": ("CP-675,206",),
    "imatinib": ("STI571", "STI-571", "CGP57148B"), "gefitinib": ("ZD1839",), "erlotinib": ("OSI-774",),
    "sorafenib": ("BAY 43-9006",), "vandetanib": ("ZD6474",), "sunitinib": ("SU11248",),
    "osimertinib": ("AZD9291",),
    "dasatinib": ("BMS-354825",), "nilotinib": ("AMN107",), "lapatinib": ("GW572016",), "olaparib": ("AZD2281",),
    "crizotinib": ("PF-02341066",), "ibrutinib": ("PCI-32765",), "bortezomib": ("PS-341",), "ixazomib": ("MLN9708",),
    "palbociclib": ("PD-0332991",), "ribociclib": ("LEE011",), "abemaciclib": ("LY2835219",),
    "tofacitinib": ("CP-690,550",), "baricitinib": ("LY3009104",), "upadacitinib": ("ABT-494",),
    "ruxolitinib": ("INCB018424",), "nintedanib": ("BIBF 1120",), "afatinib": ("BIBW 2992",),
    "trametinib": ("GSK1120212",), "dabrafenib": ("GSK2118436",), "vemurafenib": ("PLX4032", "RG7204"),
    "adalimumab": ("D2E7",), "infliximab": ("CT-P13",), "rituximab": ("IDEC-C2B8",), "ustekinumab": ("CNTO 1275",),
    "golimumab": ("CNTO 148",), "vedolizumab": ("MLN0002",), "daratumumab": ("JNJ-54767414",),
    "rivaroxaban": ("BAY 59-7939",), "apixaban": ("BMS-562247",), "edoxaban": ("DU-176b",),
    "sitagliptin": ("MK-0431",), "empagliflozin": ("BI 10773",), "dapagliflozin": ("BMS-512148",),
    "canagliflozin": ("JNJ-28431754",), "dulaglutide": ("LY2189265",), "semaglutide": ("NN9535",),
    "liraglutide": ("NN2211",), "darunavir": ("TMC114",), "raltegravir": ("MK-0518",), "dolutegravir": ("GSK1349572",),
    "sofosbuvir": ("GS-7977", "PSI-7977"), "cisplatin": ("CDDP", "DDP"), "carmustine": ("BCNU",),
    "lomustine": ("CCNU",), "irinotecan": ("CPT-11",), "oxaliplatin": ("L-OHP",),
    # Antibodies by their recombinant humanized monoclonal antibody ("rhuMAb") codes.
    "omalizumab": ("rhuMAb-E25", "IGE025"), "bevacizumab": ("rhuMAb VEGF",), "trastuzumab": ("rhuMAb HER2",),
    "pertuzumab": ("rhuMAb 2C4",),
}


def _code_pattern(codes: tuple[str, ...]) -> re.Pattern:
    """Codes as a pattern that reads them whole, whatever their case and a hyphen or space between letters and
    digits."""
    spelt = (r"[\s-]?".join(re.escape(part) for part in re.findall(r"[A-Za-z]+|\d+|[^A-Za-z\d\s-]", code))
             for code in codes)
    return re.compile(r"(?<![\w-])(?:" + "|".join(spelt) + r")(?![\w-])", re.I)


_CODES_OF = {drug: _code_pattern(codes) for drug, codes in CODE_NAMES.items()}


def coded(word: str, texts: Iterable[str | None]) -> bool:
    """Whether `word` is a drug the texts name by its development code ('pembrolizumab' where 'MK-3475' is given)."""
    pattern = _CODES_OF.get(word)
    return pattern is not None and any(pattern.search(t) for t in texts if t)


def _drugs_by_opening() -> dict[str, tuple[str, ...]]:
    """The drugs whose codes open with each run of letters ('mk' -> pembrolizumab, sitagliptin, raltegravir)."""
    found: dict[str, tuple[str, ...]] = {}
    for drug, codes in CODE_NAMES.items():
        for code in codes:
            opening = re.match(r"[A-Za-z]+", code).group().lower()
            found[opening] = tuple(dict.fromkeys(found.get(opening, ()) + (drug,)))
    return found


# The drugs by the letters their codes open with ("mk", "cddp"): a text with none of them as a word names no code.
_DRUGS_BY_OPENING = _drugs_by_opening()


def coded_drugs(text: str | None) -> tuple[str, ...]:
    """The drugs a text names by their development codes ('MK-3475 then CDDP' -> pembrolizumab, cisplatin)."""
    openings = set(re.findall(r"[a-z]+", text.lower())) if text else set()
    maybe = dict.fromkeys(d for o in sorted(openings & _DRUGS_BY_OPENING.keys()) for d in _DRUGS_BY_OPENING[o])
    return tuple(d for d in maybe if _CODES_OF[d].search(text))


# Combination regimens named by their drugs' initials: a study that gives "mFOLFIRINOX" gives irinotecan. Each is
# also written with an "m" for modified or a schedule's number after it ("mFOLFOX6", "FOLFOX4").
REGIMENS = {
    "folfox": ("fluorouracil", "leucovorin", "oxaliplatin"),
    "folfiri": ("fluorouracil", "leucovorin", "irinotecan"),
    "folfirinox": ("fluorouracil", "leucovorin", "irinotecan", "oxaliplatin"),
    "folfoxiri": ("fluorouracil", "leucovorin", "oxaliplatin", "irinotecan"),
    "flot": ("fluorouracil", "leucovorin", "oxaliplatin", "docetaxel"),
    "xelox": ("capecitabine", "oxaliplatin"), "capox": ("capecitabine", "oxaliplatin"),
    "xeliri": ("capecitabine", "irinotecan"), "capiri": ("capecitabine", "irinotecan"),
    "gemox": ("gemcitabine", "oxaliplatin"),
    "chop": ("cyclophosphamide", "doxorubicin", "vincristine", "prednisone"),
    "abvd": ("doxorubicin", "bleomycin", "vinblastine", "dacarbazine"),
    "beacopp": ("bleomycin", "etoposide", "doxorubicin", "cyclophosphamide", "vincristine", "procarbazine",
                "prednisone"),
    "cmf": ("cyclophosphamide", "methotrexate", "fluorouracil"),
    "bep": ("bleomycin", "etoposide", "cisplatin"),
    "ecf": ("epirubicin", "cisplatin", "fluorouracil"), "eox": ("epirubicin", "oxaliplatin", "capecitabine"),
}


def _regimens_of() -> dict[str, tuple[str, ...]]:
    """For each drug of REGIMENS, every written form of the regimens that give it."""
    found: dict[str, tuple[str, ...]] = {}
    for name, drugs in REGIMENS.items():
        forms = tuple(f"{m}{name}{n}" for m in ("", "m") for n in ("", *"1234567"))
        for drug in drugs:
            found[drug] = found.get(drug, ()) + forms
    return found


_REGIMENS_OF = _regimens_of()
# Prefixes that name a drug's metabolite after it: what is measured of a drug given ("hydroxyitraconazole",
# "dehydroaripiprazole", "desacetylrifampicin", "norfluoxetine").
METABOLITE_PREFIXES = ("hydroxy", "dihydro", "dehydro", "desmethyl", "demethyl", "didesmethyl", "desethyl",
                       "deethyl", "desacetyl", "deacetyl", "nor", "oxo", "keto", "carboxy")

# Prefixes that make a drug's prodrug: what is measured or named of valacyclovir given is acyclovir, of valganciclovir
# ganciclovir, of fosamprenavir amprenavir.
PRODRUG_PREFIXES = ("val", "fos")
# Combination products named by a word that is neither drug's name (a British approved name, an abbreviation, a brand
# or a code), each as the words that name it, and the drugs they combine: a study that gives "Co-amoxiclav" gives
# amoxicillin, one that gives "Paxlovid" ritonavir.
COMBINATION_PRODUCTS = {
    ("sulfamethoxazole", "trimethoprim"): (("cotrimoxazole",), ("trimoxazole",), ("tmp", "smx"), ("bactrim",),
                                           ("septra",)),
    ("amoxicillin", "clavulanate"): (("amoxiclav",), ("augmentin",)),
    ("piperacillin", "tazobactam"): (("tazocin",), ("zosyn",), ("pip", "tazo")),
    ("ampicillin", "sulbactam"): (("unasyn",),),
    ("nirmatrelvir", "ritonavir"): (("paxlovid",),),
    ("lopinavir", "ritonavir"): (("kaletra",),),
    ("sacubitril", "valsartan"): (("entresto",), ("lcz696",)),
    ("emtricitabine", "tenofovir"): (("truvada",), ("descovy",)),
    ("bictegravir", "emtricitabine", "tenofovir"): (("biktarvy",),),
    ("efavirenz", "emtricitabine", "tenofovir"): (("atripla",),),
    ("abacavir", "dolutegravir", "lamivudine"): (("triumeq",),),
    ("dolutegravir", "lamivudine"): (("dovato",),),
    ("sofosbuvir", "velpatasvir"): (("epclusa",),),
    ("ledipasvir", "sofosbuvir"): (("harvoni",),),
    ("glecaprevir", "pibrentasvir"): (("mavyret",), ("maviret",)),
    ("elbasvir", "grazoprevir"): (("zepatier",),),
    ("budesonide", "formoterol"): (("symbicort",),),
    ("fluticasone", "salmeterol"): (("seretide",), ("advair",)),
    ("metformin", "sitagliptin"): (("janumet",),),
    ("carbidopa", "levodopa"): (("sinemet",),), ("benserazide", "levodopa"): (("madopar",),),
    ("carbidopa", "entacapone", "levodopa"): (("stalevo",),), ("buprenorphine", "naloxone"): (("suboxone",),),
    ("acetaminophen", "oxycodone"): (("percocet",),), ("acetaminophen", "hydrocodone"): (("vicodin",), ("norco",)),
    ("lamivudine", "zidovudine"): (("combivir",),), ("abacavir", "lamivudine"): (("kivexa",), ("epzicom",)),
    ("emtricitabine", "rilpivirine", "tenofovir"): (("odefsey",), ("complera",), ("eviplera",)),
    ("cobicistat", "elvitegravir", "emtricitabine", "tenofovir"): (("genvoya",), ("stribild",)),
    ("ezetimibe", "simvastatin"): (("vytorin",), ("inegy",)), ("amlodipine", "atorvastatin"): (("caduet",),),
    ("amlodipine", "valsartan"): (("exforge",),), ("hydrochlorothiazide", "losartan"): (("hyzaar",),),
    ("fluticasone", "vilanterol"): (("breo",), ("relvar",)), ("umeclidinium", "vilanterol"): (("anoro",),),
    ("fluticasone", "umeclidinium", "vilanterol"): (("trelegy",),), ("formoterol", "mometasone"): (("dulera",),),
    ("albuterol", "ipratropium"): (("combivent",),), ("dorzolamide", "timolol"): (("cosopt",),),
    ("brimonidine", "timolol"): (("combigan",),), ("dexamethasone", "tobramycin"): (("tobradex",),),
    ("trifluridine", "tipiracil"): (("lonsurf",),), ("atovaquone", "proguanil"): (("malarone",),),
    ("artemether", "lumefantrine"): (("coartem",),), ("ivacaftor", "lumacaftor"): (("orkambi",),),
    ("elexacaftor", "ivacaftor", "tezacaftor"): (("trikafta",), ("kaftrio",)),
    ("dapagliflozin", "metformin"): (("xigduo",),), ("empagliflozin", "metformin"): (("synjardy",),),
    ("glyburide", "metformin"): (("glucovance",),), ("bupropion", "naltrexone"): (("contrave",),),
    ("cytarabine", "daunorubicin"): (("vyxeos",),), ("pertuzumab", "trastuzumab"): (("phesgo",),),
}


def _products_of() -> dict[str, tuple[tuple[str, ...], ...]]:
    """For each drug of COMBINATION_PRODUCTS, the names of the products that hold it."""
    found: dict[str, tuple[tuple[str, ...], ...]] = {}
    for drugs, names in COMBINATION_PRODUCTS.items():
        for drug in drugs:
            found[drug] = found.get(drug, ()) + names
    return found


_PRODUCTS_OF = _products_of()
# A product's one-word name ("co-trimoxazole", itself a drug word), and the drugs it combines.
_DRUGS_OF_PRODUCT = {name[0]: drugs for drugs, names in COMBINATION_PRODUCTS.items()
                     for name in names if len(name) == 1}


def _in_product(word: str, known: Container[str]) -> bool:
    """Whether `word` is a drug of a combination product the study names otherwise ('amoxicillin' where
    co-amoxiclav is given), or the product's name where the study names each of its drugs ('co-trimoxazole' where
    trimethoprim-sulfamethoxazole is given)."""
    if any(all(w in known for w in name) for name in _PRODUCTS_OF.get(word, ())):
        return True
    return word in _DRUGS_OF_PRODUCT and all(d in known for d in _DRUGS_OF_PRODUCT[word])


# Each drug word of ONE_SUBSTANCE by the words of the same substance named apart (a prodrug, its active metabolite).
_ONE_SUBSTANCE_AS = {word: tuple(w for w in pair if w != word) for pair in ONE_SUBSTANCE for word in pair}


def spelled_otherwise(word: str, known: set[str], drugs: Iterable[str]) -> bool:
    """Whether `word` is a known drug run together with a word ('ofponatinib'), misspelt ('ponatinb', 'elpirudin'),
    the same drug as one of `drugs` but for an enantiomer's prefix ('bupivacaine' where levobupivacaine is given), a
    former name of a known drug ('adriamycin' where doxorubicin is given), a drug of a regimen the study names
    ('irinotecan' where mFOLFIRINOX is given), what a prodrug the study names yields ('acyclovir' where valacyclovir
    is given) or the same substance named apart ('penciclovir' where famciclovir is given), a drug of a combination
    product it names otherwise ('amoxicillin' where co-amoxiclav is given), a drug one of whose brands it names or a
    brand of a drug it names ('pembrolizumab' where Keytruda is given; `BRANDS`), or a known drug as another language
    writes it ('clarithromycin' where claritromicina is given)."""
    # Drug words end in their stem, so a word run together with a drug stands before it.
    if any(word[i:] in known for i in range(1, min(RUN_TOGETHER, len(word) - 5) + 1)):
        return True
    drugs = tuple(drugs)
    if any(enantiomer_of(word, d) or enantiomer_of(d, word) for d in drugs):
        return True
    if any(word.startswith(p) and word[len(p):] in known for p in METABOLITE_PREFIXES):  # a metabolite of one
        return True
    if any(other in known for other in _ONE_SUBSTANCE_AS.get(word, ())):  # 'penciclovir' where famciclovir is given
        return True
    if FORMER_NAMES.get(word) in known:  # a former name of a drug the study names by its INN
        return True
    if any(name in known for name in OTHER_PHARMACOPOEIA_NAMES.get(word, ())):  # another pharmacopoeia's name
        return True
    if any(form in known for form in _REGIMENS_OF.get(word, ())):  # a drug of a regimen the study gives
        return True
    if any(p + word in known for p in PRODRUG_PREFIXES) or _in_product(word, known):  # what a prodrug gives
        return True
    if branded(word, known):  # a brand's drug, or a drug's brand ('pembrolizumab' where Keytruda is given)
        return True
    # a misspelling's letters wrong, missing or swapped grow with the name's length ('ritxumab' for rituximab,
    # 'hydrocholoroquine' for hydroxychloroquine), while names of one stem differ at their start (`same_start`)
    allowed = 1 if len(word) < 8 else 2 if len(word) < 14 else 3
    if any(abs(len(d) - len(word)) <= allowed and same_start(word, d) and within(word, d, allowed)
           or letters_swapped(word, d) for d in drugs if len(d) >= 6):
        return True
    folded = language_folded(word)  # written as another language writes it ('claritromicina', 'Métformine')
    return len(word) >= SPELLINGS_LEAST and any(language_folded(d) == folded for d in drugs
                                                if len(d) >= SPELLINGS_LEAST)
