"""Brand names of single-drug products by the drug each is, and whether a word and a name a study gives are a drug
and its brand."""
from __future__ import annotations

from typing import Container

from checks.drug_spellings import language_folded

# Brand names of single-drug products among the drugs trials register most, by the INN each brand is (its
# non-proprietary name as outcomes and arm titles write it): a study whose intervention is "Keytruda" gives
# pembrolizumab. Only brands that are no ordinary word and name one drug in every market listed; a fixed
# combination's brands are in COMBINATION_PRODUCTS, and an antibody-drug conjugate's (Kadcyla, Enhertu) names
# another drug than its antibody's. Only drugs whose name carries an INN stem are listed: another
# drug's name is never read as a drug word.
BRANDS = {
    # antibodies and fusion proteins
    "pembrolizumab": ("keytruda",), "nivolumab": ("opdivo",), "ipilimumab": ("yervoy",),
    "atezolizumab": ("tecentriq",), "durvalumab": ("imfinzi",), "avelumab": ("bavencio",),
    "cemiplimab": ("libtayo",), "dostarlimab": ("jemperli",),
    "tislelizumab": ("tevimbra",),
    "trastuzumab": ("herceptin", "ogivri", "kanjinti"),
    "pertuzumab": ("perjeta",),
    "bevacizumab": ("avastin", "mvasi", "zirabev"), "ramucirumab": ("cyramza",),
    "cetuximab": ("erbitux",), "panitumumab": ("vectibix",), "amivantamab": ("rybrevant",),
    "rituximab": ("rituxan", "mabthera", "truxima"), "obinutuzumab": ("gazyva", "gazyvaro"),
    "ofatumumab": ("kesimpta",), "ocrelizumab": ("ocrevus",),
    "daratumumab": ("darzalex",), "isatuximab": ("sarclisa",), "elotuzumab": ("empliciti",),
    "belantamab": ("blenrep",), "teclistamab": ("tecvayli",), "elranatamab": ("elrexfio",),
    "talquetamab": ("talvey",), "glofitamab": ("columvi",), "epcoritamab": ("epkinly",),
    "mosunetuzumab": ("lunsumio",), "tafasitamab": ("monjuvi",), "blinatumomab": ("blincyto",),
    "brentuximab": ("adcetris",), "polatuzumab": ("polivy",), "enfortumab": ("padcev",),
    "sacituzumab": ("trodelvy",), "inotuzumab": ("besponsa",), "gemtuzumab": ("mylotarg",),
    "mirvetuximab": ("elahere",),
    "alemtuzumab": ("lemtrada",), "natalizumab": ("tysabri",),
    "adalimumab": ("humira", "amjevita", "amgevita", "hadlima", "hyrimoz", "imraldi"),
    "infliximab": ("remicade", "inflectra", "remsima"),
    "golimumab": ("simponi",), "certolizumab": ("cimzia",), "etanercept": ("enbrel", "benepali"),
    "abatacept": ("orencia",), "belatacept": ("nulojix",), "anakinra": ("kineret",), "rilonacept": ("arcalyst",),
    "canakinumab": ("ilaris",), "tocilizumab": ("actemra", "roactemra"), "sarilumab": ("kevzara",),
    "ustekinumab": ("stelara",), "secukinumab": ("cosentyx",), "ixekizumab": ("taltz",),
    "bimekizumab": ("bimzelx",), "brodalumab": ("siliq",), "risankizumab": ("skyrizi",),
    "guselkumab": ("tremfya",), "tildrakizumab": ("ilumya",), "mirikizumab": ("omvoh",), "vedolizumab": ("entyvio",),
    "dupilumab": ("dupixent",), "tralokinumab": ("adbry",), "lebrikizumab": ("ebglyss",),
    "nemolizumab": ("nemluvio",), "omalizumab": ("xolair",), "mepolizumab": ("nucala",),
    "benralizumab": ("fasenra",), "reslizumab": ("cinqair",), "tezepelumab": ("tezspire",),
    "belimumab": ("benlysta",), "anifrolumab": ("saphnelo",), "teplizumab": ("tzield",),
    "denosumab": ("prolia", "xgeva"), "romosozumab": ("evenity",), "burosumab": ("crysvita",),
    "evolocumab": ("repatha",), "alirocumab": ("praluent",),
    "erenumab": ("aimovig",), "fremanezumab": ("ajovy",), "galcanezumab": ("emgality",),
    "eptinezumab": ("vyepti",),
    "ranibizumab": ("lucentis",), "aflibercept": ("eylea",),
    "brolucizumab": ("beovu",), "faricimab": ("vabysmo",),
    "eculizumab": ("soliris",), "ravulizumab": ("ultomiris",), "emicizumab": ("hemlibra",),
    "teprotumumab": ("tepezza",), "palivizumab": ("synagis",),
    "nirsevimab": ("beyfortus",), "lecanemab": ("leqembi",),
    "donanemab": ("kisunla",), "abciximab": ("reopro",),
    # kinase, PARP, CDK and proteasome inhibitors
    "imatinib": ("gleevec", "glivec"), "dasatinib": ("sprycel",), "nilotinib": ("tasigna",),
    "bosutinib": ("bosulif",), "ponatinib": ("iclusig",),
    "erlotinib": ("tarceva",), "gefitinib": ("iressa",), "afatinib": ("gilotrif", "giotrif"),
    "osimertinib": ("tagrisso",), "dacomitinib": ("vizimpro",),
    "crizotinib": ("xalkori",), "alectinib": ("alecensa",), "ceritinib": ("zykadia",), "brigatinib": ("alunbrig",),
    "lorlatinib": ("lorbrena", "lorviqua"), "entrectinib": ("rozlytrek",), "larotrectinib": ("vitrakvi",),
    "capmatinib": ("tabrecta",), "tepotinib": ("tepmetko",), "selpercatinib": ("retevmo",),
    "pralsetinib": ("gavreto",), "lapatinib": ("tykerb", "tyverb"), "neratinib": ("nerlynx",),
    "tucatinib": ("tukysa",), "sorafenib": ("nexavar",), "regorafenib": ("stivarga",), "sunitinib": ("sutent",),
    "pazopanib": ("votrient",), "axitinib": ("inlyta",), "cabozantinib": ("cabometyx",),
    "lenvatinib": ("lenvima",),
    "vemurafenib": ("zelboraf",), "dabrafenib": ("tafinlar",), "encorafenib": ("braftovi",),
    "trametinib": ("mekinist",), "cobimetinib": ("cotellic",), "binimetinib": ("mektovi",),
    "ibrutinib": ("imbruvica",), "acalabrutinib": ("calquence",), "zanubrutinib": ("brukinsa",),
    "pirtobrutinib": ("jaypirca",), "ruxolitinib": ("jakafi", "jakavi", "opzelura"), "fedratinib": ("inrebic",),
    "gilteritinib": ("xospata",), "quizartinib": ("vanflyta",), "erdafitinib": ("balversa",),
    "avapritinib": ("ayvakit",),
    "nintedanib": ("ofev",),
    "tofacitinib": ("xeljanz",), "baricitinib": ("olumiant",), "upadacitinib": ("rinvoq",),
    "filgotinib": ("jyseleca",), "abrocitinib": ("cibinqo",), "deucravacitinib": ("sotyktu",),
    "palbociclib": ("ibrance",), "ribociclib": ("kisqali",), "abemaciclib": ("verzenio",),
    "olaparib": ("lynparza",), "niraparib": ("zejula",), "rucaparib": ("rubraca",), "talazoparib": ("talzenna",),
    "alpelisib": ("piqray",), "idelalisib": ("zydelig",), "duvelisib": ("copiktra",),
    "bortezomib": ("velcade",), "carfilzomib": ("kyprolis",), "ixazomib": ("ninlaro",),
    # chemotherapy and hormone therapy
    "paclitaxel": ("taxol", "abraxane"), "docetaxel": ("taxotere",), "cabazitaxel": ("jevtana",),
    "gemcitabine": ("gemzar",), "capecitabine": ("xeloda",), "decitabine": ("dacogen",),
    "pemetrexed": ("alimta",), "irinotecan": ("camptosar", "onivyde"), "topotecan": ("hycamtin",),
    "oxaliplatin": ("eloxatin",), "carboplatin": ("paraplatin",), "cisplatin": ("platinol",),
    "doxorubicin": ("doxil", "caelyx"), "epirubicin": ("ellence",),
    "cyclophosphamide": ("cytoxan",), "bendamustine": ("treanda",),
    "enzalutamide": ("xtandi",), "apalutamide": ("erleada",), "darolutamide": ("nubeqa",),
    "bicalutamide": ("casodex",), "goserelin": ("zoladex",), "degarelix": ("firmagon",),
    "octreotide": ("sandostatin",), "lanreotide": ("somatuline",),
    # heart, vessels, blood and metabolism
    "atorvastatin": ("lipitor",), "rosuvastatin": ("crestor",), "simvastatin": ("zocor",),
    "pravastatin": ("pravachol",), "pitavastatin": ("livalo",),
    "clopidogrel": ("plavix",), "ticagrelor": ("brilinta", "brilique"), "prasugrel": ("effient",),
    "cangrelor": ("kengreal",),
    "apixaban": ("eliquis",), "rivaroxaban": ("xarelto",), "edoxaban": ("lixiana", "savaysa"),
    "dabigatran": ("pradaxa",), "enoxaparin": ("lovenox", "clexane"), "dalteparin": ("fragmin",),
    "tinzaparin": ("innohep",),
    "valsartan": ("diovan",), "losartan": ("cozaar",), "olmesartan": ("benicar",), "telmisartan": ("micardis",),
    "candesartan": ("atacand",), "irbesartan": ("avapro",), "lisinopril": ("zestril", "prinivil"),
    "enalapril": ("vasotec",), "ramipril": ("altace",), "perindopril": ("coversyl",),
    "amlodipine": ("norvasc",), "nifedipine": ("procardia", "adalat"), "diltiazem": ("cardizem",),
    "metoprolol": ("lopressor", "toprol"), "atenolol": ("tenormin",), "propranolol": ("inderal",),
    "nebivolol": ("bystolic",), "bisoprolol": ("concor",), "labetalol": ("trandate",),
    "tolvaptan": ("samsca", "jynarque"),
    "semaglutide": ("ozempic", "wegovy", "rybelsus"), "liraglutide": ("victoza", "saxenda"),
    "dulaglutide": ("trulicity",), "sitagliptin": ("januvia",), "linagliptin": ("tradjenta", "trajenta"),
    "saxagliptin": ("onglyza",), "vildagliptin": ("galvus",), "empagliflozin": ("jardiance",),
    "dapagliflozin": ("farxiga", "forxiga"), "canagliflozin": ("invokana",), "ertugliflozin": ("steglatro",),
    "metformin": ("glucophage",), "rosiglitazone": ("avandia",),
    "alendronate": ("fosamax",), "risedronate": ("actonel",), "ibandronate": ("boniva",),
    "teriparatide": ("forteo",), "abaloparatide": ("tymlos",),
    # stomach, nausea and pain
    "esomeprazole": ("nexium",), "omeprazole": ("prilosec", "losec"), "pantoprazole": ("protonix",),
    "lansoprazole": ("prevacid",), "rabeprazole": ("aciphex", "pariet"), "dexlansoprazole": ("dexilant",),
    "ondansetron": ("zofran",), "palonosetron": ("aloxi",), "granisetron": ("kytril",),
    "sumatriptan": ("imitrex",), "rizatriptan": ("maxalt",), "zolmitriptan": ("zomig",),
    "eletriptan": ("relpax",), "celecoxib": ("celebrex",), "ibuprofen": ("advil", "motrin", "nurofen"),
    "oxycodone": ("oxycontin",), "hydromorphone": ("dilaudid",), "remifentanil": ("ultiva",),
    "sufentanil": ("sufenta",), "lidocaine": ("xylocaine",), "bupivacaine": ("marcaine", "exparel"),
    "ropivacaine": ("naropin",), "rocuronium": ("zemuron",),
    # the brain and the mind
    "diazepam": ("valium",), "alprazolam": ("xanax",), "lorazepam": ("ativan",),
    "clonazepam": ("klonopin", "rivotril"),
    "midazolam": ("dormicum",), "fluoxetine": ("prozac",), "paroxetine": ("paxil", "seroxat"),
    "duloxetine": ("cymbalta",), "atomoxetine": ("strattera",), "amitriptyline": ("elavil",),
    "haloperidol": ("haldol",), "olanzapine": ("zyprexa",), "quetiapine": ("seroquel",), "clozapine": ("clozaril",),
    "asenapine": ("saphris",), "risperidone": ("risperdal",), "paliperidone": ("invega",),
    "ziprasidone": ("geodon",), "lurasidone": ("latuda",), "aripiprazole": ("abilify",),
    "brexpiprazole": ("rexulti",),
    # lungs and steroids
    "montelukast": ("singulair",), "zafirlukast": ("accolate",), "albuterol": ("proventil", "ventolin"),
    "salmeterol": ("serevent",), "formoterol": ("foradil",), "indacaterol": ("onbrez",),
    "tiotropium": ("spiriva",), "budesonide": ("pulmicort", "entocort", "rhinocort"),
    "fluticasone": ("flovent", "flixotide", "flonase", "arnuity"), "mometasone": ("asmanex", "nasonex"),
    "ciclesonide": ("alvesco",), "dexamethasone": ("decadron", "ozurdex"), "methylprednisolone": ("medrol",),
    "prednisone": ("deltasone",), "hydrocortisone": ("cortef",), "triamcinolone": ("kenalog",),
    "fluocinolone": ("iluvien",), "pirfenidone": ("esbriet",),
    # infections
    "azithromycin": ("zithromax",), "clarithromycin": ("biaxin", "klacid"), "ciprofloxacin": ("cipro",),
    "levofloxacin": ("levaquin", "tavanic"), "moxifloxacin": ("avelox",), "doxycycline": ("doryx",),
    "minocycline": ("minocin",), "tigecycline": ("tygacil",), "omadacycline": ("nuzyra",),
    "amoxicillin": ("amoxil",), "meropenem": ("merrem",), "ertapenem": ("invanz",),
    "imipenem": ("primaxin",), "vancomycin": ("vancocin",), "daptomycin": ("cubicin",),
    "fidaxomicin": ("dificid",), "caspofungin": ("cancidas",), "micafungin": ("mycamine",),
    "anidulafungin": ("eraxis",), "fluconazole": ("diflucan",), "voriconazole": ("vfend",),
    "posaconazole": ("noxafil",), "itraconazole": ("sporanox",), "ketoconazole": ("nizoral",),
    "metronidazole": ("flagyl",), "valacyclovir": ("valtrex",), "acyclovir": ("zovirax",),
    "valganciclovir": ("valcyte",), "ganciclovir": ("cytovene",), "letermovir": ("prevymis",),
    "oseltamivir": ("tamiflu",), "baloxavir": ("xofluza",),
    "remdesivir": ("veklury",), "molnupiravir": ("lagevrio",), "sofosbuvir": ("sovaldi",),
    "entecavir": ("baraclude",), "tenofovir": ("viread", "vemlidy"), "lamivudine": ("epivir",),
    "zidovudine": ("retrovir",), "raltegravir": ("isentress",), "dolutegravir": ("tivicay",),
    "cabotegravir": ("vocabria", "apretude"), "darunavir": ("prezista",), "atazanavir": ("reyataz",),
    "lenacapavir": ("sunlenca",),
    # other
    "sildenafil": ("viagra", "revatio"), "tadalafil": ("cialis", "adcirca"), "vardenafil": ("levitra",),
    "timolol": ("timoptic",),
}


_DRUG_OF_BRAND = {brand: drug for drug, brands in BRANDS.items() for brand in brands}
# The brands by their drug's name as other languages' spellings fold to ('aciclovir' is Zovirax's, as acyclovir is).
_BRANDS_BY_SPELLING = {language_folded(drug): brands for drug, brands in BRANDS.items()}


def branded(word: str, known: Container[str]) -> bool:
    """Whether `word` is a drug one of whose brands the study names ('pembrolizumab' where Keytruda is given), or a
    brand of a drug it names ('marcaine' where bupivacaine is given)."""
    if any(brand in known for brand in _BRANDS_BY_SPELLING.get(language_folded(word), ())):
        return True
    drug = _DRUG_OF_BRAND.get(word)
    return drug is not None and drug in known
