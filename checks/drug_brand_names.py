"""Brand names of common drugs that `drug_brands.BRANDS` does not list (most of them drugs whose name carries no INN
stem), the names one drug goes by in several pharmacopoeias, and the drugs that are one substance's forms named
apart (a prodrug and what it gives, a drug and its active metabolite)."""
from __future__ import annotations

# Brand names of single-drug products among the drugs trials register most, by the name of the drug each is; read only
# in an intervention's name and its other names, never in free text. Only brands that are no ordinary word and name one
# drug in every market listed; a fixed combination's brands are in drug_other_names.COMBINATION_PRODUCTS. An insulin
# is listed by the word that tells it from the others ("glargine").
OTHER_BRANDS = {
    # the mind and the brain
    "clomipramine": ("anafranil",), "desipramine": ("norpramin",), "imipramine": ("tofranil",),
    "nortriptyline": ("pamelor", "aventyl"), "doxepin": ("sinequan", "silenor"), "sertraline": ("zoloft", "lustral"),
    "citalopram": ("celexa", "cipramil"), "escitalopram": ("lexapro", "cipralex"), "fluvoxamine": ("luvox",),
    "venlafaxine": ("effexor",), "desvenlafaxine": ("pristiq",), "bupropion": ("wellbutrin", "zyban"),
    "mirtazapine": ("remeron",), "trazodone": ("desyrel",), "vortioxetine": ("trintellix", "brintellix"),
    "vilazodone": ("viibryd",), "lamotrigine": ("lamictal",), "levetiracetam": ("keppra",),
    "valproate": ("depakote", "depakene", "epilim"), "carbamazepine": ("tegretol",), "oxcarbazepine": ("trileptal",),
    "phenytoin": ("dilantin",), "topiramate": ("topamax",), "gabapentin": ("neurontin",), "pregabalin": ("lyrica",),
    "lacosamide": ("vimpat",), "zonisamide": ("zonegran",), "buspirone": ("buspar",), "zolpidem": ("ambien", "stilnox"),
    "eszopiclone": ("lunesta",), "temazepam": ("restoril",), "methylphenidate": ("ritalin", "concerta"),
    "modafinil": ("provigil",), "armodafinil": ("nuvigil",), "donepezil": ("aricept",),
    "memantine": ("namenda", "ebixa"), "rivastigmine": ("exelon",), "galantamine": ("razadyne", "reminyl"),
    "ropinirole": ("requip",), "pramipexole": ("mirapex", "mirapexin", "sifrol"), "rasagiline": ("azilect",),
    "selegiline": ("eldepryl", "emsam"), "benztropine": ("cogentin",), "baclofen": ("lioresal",),
    "tizanidine": ("zanaflex",), "naltrexone": ("revia", "vivitrol"),
    "buprenorphine": ("subutex", "buprenex", "sublocade", "butrans"), "methadone": ("dolophine", "methadose"),
    "naloxone": ("narcan",), "varenicline": ("chantix", "champix"), "disulfiram": ("antabuse",),
    "acamprosate": ("campral",), "ketamine": ("ketalar",), "esketamine": ("spravato",), "propofol": ("diprivan",),
    "dexmedetomidine": ("precedex",), "clonidine": ("catapres",), "chlorpromazine": ("thorazine", "largactil"),
    "prochlorperazine": ("compazine", "stemetil"), "promethazine": ("phenergan",), "metoclopramide": ("reglan",),
    "droperidol": ("inapsine",),
    # pain and anaesthesia
    "acetaminophen": ("tylenol", "panadol", "ofirmev", "perfalgan"), "naproxen": ("naprosyn", "aleve"),
    "ketorolac": ("toradol",), "diclofenac": ("voltaren", "cataflam"), "meloxicam": ("mobic",),
    "indomethacin": ("indocin",), "fentanyl": ("duragesic", "sublimaze", "actiq"), "tramadol": ("ultram", "tramal"),
    "tapentadol": ("nucynta", "palexia"), "morphine": ("kadian", "duramorph", "infumorph", "oramorph", "sevredol"),
    "meperidine": ("demerol",), "nalbuphine": ("nubain",),
    "sugammadex": ("bridion",), "cisatracurium": ("nimbex",), "sevoflurane": ("ultane", "sevorane"),
    "desflurane": ("suprane",), "mepivacaine": ("carbocaine", "polocaine"), "chloroprocaine": ("nesacaine",),
    "articaine": ("septocaine",),
    # heart, vessels and blood
    "warfarin": ("coumadin", "jantoven", "marevan"), "digoxin": ("lanoxin",), "aspirin": ("ecotrin",),
    "epinephrine": ("epipen",),
    "amiodarone": ("cordarone", "pacerone", "nexterone"), "furosemide": ("lasix",), "spironolactone": ("aldactone",),
    "eplerenone": ("inspra",), "torsemide": ("demadex",), "ivabradine": ("corlanor", "procoralan"),
    "ranolazine": ("ranexa",), "ezetimibe": ("zetia", "ezetrol"), "fenofibrate": ("tricor", "lipanthyl"),
    "colchicine": ("colcrys", "mitigare"), "allopurinol": ("zyloprim",), "febuxostat": ("uloric", "adenuric"),
    "carvedilol": ("coreg", "dilatrend"), "verapamil": ("calan", "isoptin"), "captopril": ("capoten",),
    "levosimendan": ("simdax",), "norepinephrine": ("levophed",), "alteplase": ("activase", "actilyse"),
    "tenecteplase": ("tnkase", "metalyse"), "bivalirudin": ("angiomax", "angiox"), "tirofiban": ("aggrastat",),
    "eptifibatide": ("integrilin",), "cilostazol": ("pletal",), "fondaparinux": ("arixtra",),
    "tranexamic": ("cyklokapron", "lysteda"), "epoetin": ("epogen", "procrit", "eprex"), "darbepoetin": ("aranesp",),
    "filgrastim": ("neupogen", "zarxio", "nivestym"), "pegfilgrastim": ("neulasta", "fulphila", "udenyca"),
    "deferasirox": ("exjade", "jadenu"), "deferoxamine": ("desferal",), "eltrombopag": ("promacta", "revolade"),
    "romiplostim": ("nplate",), "hydroxyurea": ("hydrea", "droxia", "siklos"),
    # hormones and metabolism
    "glargine": ("lantus", "toujeo", "basaglar", "abasaglar", "semglee"), "detemir": ("levemir",),
    "degludec": ("tresiba",), "lispro": ("humalog", "admelog", "lyumjev"), "aspart": ("novolog", "novorapid", "fiasp"),
    "glulisine": ("apidra",), "glimepiride": ("amaryl",), "glipizide": ("glucotrol",),
    "glyburide": ("diabeta", "glynase", "micronase", "daonil"), "gliclazide": ("diamicron",),
    "pioglitazone": ("actos",), "acarbose": ("precose", "glucobay"), "exenatide": ("byetta", "bydureon"),
    "tirzepatide": ("mounjaro", "zepbound"), "lixisenatide": ("adlyxin", "lyxumia"),
    "levothyroxine": ("synthroid", "levoxyl", "euthyrox", "eltroxin", "unithroid"), "liothyronine": ("cytomel",),
    "testosterone": ("androgel", "testim", "nebido", "aveed"),
    "estradiol": ("estrace", "climara", "vivelle", "estrogel"),
    "progesterone": ("prometrium", "utrogestan", "crinone", "endometrin"), "medroxyprogesterone": ("provera",),
    "levonorgestrel": ("mirena", "skyla", "kyleena", "jadelle"), "etonogestrel": ("nexplanon", "implanon"),
    "clomiphene": ("clomid", "serophene"), "letrozole": ("femara",), "anastrozole": ("arimidex",),
    "exemestane": ("aromasin",), "tamoxifen": ("nolvadex", "soltamox"), "fulvestrant": ("faslodex",),
    "raloxifene": ("evista",), "leuprolide": ("lupron", "eligard", "lucrin", "prostap"),
    "triptorelin": ("trelstar", "decapeptyl"), "abiraterone": ("zytiga",), "flutamide": ("eulexin",),
    "cabergoline": ("dostinex",), "bromocriptine": ("parlodel", "cycloset"), "desmopressin": ("ddavp", "minirin"),
    "oxytocin": ("pitocin", "syntocinon"),
    "carbetocin": ("duratocin", "pabal"), "misoprostol": ("cytotec",), "mifepristone": ("mifeprex", "korlym"),
    "dinoprostone": ("cervidil", "prepidil", "propess"), "cinacalcet": ("sensipar", "mimpara"),
    "zoledronic": ("zometa", "reclast", "aclasta"), "pamidronate": ("aredia",),
    "somatropin": ("genotropin", "humatrope", "norditropin", "nutropin", "omnitrope", "saizen"),
    # cancer
    "methotrexate": ("trexall", "otrexup", "rasuvo", "metoject"), "fluorouracil": ("adrucil", "efudex"),
    "vincristine": ("oncovin",), "vinblastine": ("velban",), "vinorelbine": ("navelbine",),
    "etoposide": ("vepesid", "toposar", "etopophos"), "temozolomide": ("temodar", "temodal"),
    "lenalidomide": ("revlimid",), "thalidomide": ("thalomid",), "pomalidomide": ("pomalyst", "imnovid"),
    "azacitidine": ("vidaza",), "melphalan": ("alkeran", "evomela"), "busulfan": ("myleran", "busulfex"),
    "chlorambucil": ("leukeran",), "ifosfamide": ("ifex",), "fludarabine": ("fludara",),
    "cladribine": ("leustatin", "mavenclad"), "mercaptopurine": ("purinethol", "purixan"), "eribulin": ("halaven",),
    "ixabepilone": ("ixempra",), "trabectedin": ("yondelis",), "everolimus": ("afinitor", "zortress", "certican"),
    "temsirolimus": ("torisel",), "aldesleukin": ("proleukin",), "dexrazoxane": ("zinecard", "totect"),
    "rasburicase": ("elitek", "fasturtec"), "megestrol": ("megace",), "aprepitant": ("emend",),
    "leucovorin": ("wellcovorin",), "levoleucovorin": ("fusilev", "khapzory"),
    # the immune system, transplants and the skin
    "tacrolimus": ("prograf", "advagraf", "envarsus", "protopic"), "cyclosporine": ("neoral", "sandimmune", "restasis"),
    "sirolimus": ("rapamune",), "mycophenolate": ("cellcept", "myfortic"), "azathioprine": ("imuran",),
    "hydroxychloroquine": ("plaquenil",), "leflunomide": ("arava",), "teriflunomide": ("aubagio",),
    "apremilast": ("otezla",), "fingolimod": ("gilenya",), "siponimod": ("mayzent",), "ozanimod": ("zeposia",),
    "glatiramer": ("copaxone",), "pimecrolimus": ("elidel",), "calcipotriol": ("dovonex", "daivonex"),
    "clobetasol": ("temovate", "dermovate", "clobex"), "imiquimod": ("aldara", "zyclara"),
    "isotretinoin": ("accutane", "roaccutane", "absorica"), "finasteride": ("proscar", "propecia"),
    "dutasteride": ("avodart",), "minoxidil": ("rogaine", "loniten"),
    # infections
    "rifampin": ("rifadin", "rimactane"), "ethambutol": ("myambutol",), "linezolid": ("zyvox",),
    "ceftriaxone": ("rocephin",), "cefazolin": ("ancef", "kefzol"), "cefepime": ("maxipime",),
    "ceftazidime": ("fortaz", "tazicef"), "cefuroxime": ("zinacef", "ceftin"), "cephalexin": ("keflex",),
    "gentamicin": ("garamycin",), "tobramycin": ("nebcin",), "clindamycin": ("cleocin", "dalacin"),
    "nitrofurantoin": ("macrobid", "macrodantin"), "ivermectin": ("stromectol",), "albendazole": ("albenza", "zentel"),
    "mebendazole": ("vermox",), "praziquantel": ("biltricide",), "mefloquine": ("lariam",), "zanamivir": ("relenza",),
    "ribavirin": ("rebetol", "copegus", "virazole"), "nevirapine": ("viramune",), "efavirenz": ("sustiva", "stocrin"),
    "rilpivirine": ("edurant",), "emtricitabine": ("emtriva",), "abacavir": ("ziagen",), "ivacaftor": ("kalydeco",),
    # allergy, lungs, stomach, bladder and eyes
    "cetirizine": ("zyrtec",), "levocetirizine": ("xyzal",), "loratadine": ("claritin",),
    "desloratadine": ("clarinex", "aerius"), "fexofenadine": ("allegra", "telfast"), "diphenhydramine": ("benadryl",),
    "hydroxyzine": ("atarax", "vistaril"), "ipratropium": ("atrovent",), "umeclidinium": ("incruse",),
    "roflumilast": ("daliresp", "daxas"), "ranitidine": ("zantac",), "famotidine": ("pepcid",),
    "cimetidine": ("tagamet",), "loperamide": ("imodium",), "mesalamine": ("asacol", "pentasa", "lialda", "salofalk"),
    "sulfasalazine": ("azulfidine", "salazopyrin"), "ursodiol": ("actigall", "ursofalk"), "rifaximin": ("xifaxan",),
    "linaclotide": ("linzess", "constella"), "lubiprostone": ("amitiza",), "prucalopride": ("motegrity", "resolor"),
    "sucralfate": ("carafate",), "oxybutynin": ("ditropan",), "tolterodine": ("detrol", "detrusitol"),
    "solifenacin": ("vesicare",), "mirabegron": ("myrbetriq", "betmiga"), "latanoprost": ("xalatan",),
    "bimatoprost": ("lumigan", "latisse"), "travoprost": ("travatan",), "brimonidine": ("alphagan",),
    "dorzolamide": ("trusopt",), "verteporfin": ("visudyne",), "orlistat": ("xenical",),
}
# Names of one drug in several pharmacopoeias (USAN, INN, BAN), an acid's name and its salt's, where a misspelling's
# distance and another language's spelling do not tell them one drug: each name maps to the name the tables above list.
SAME_DRUG_NAMES = {
    "paracetamol": "acetaminophen", "acetylsalicylic": "aspirin", "adrenaline": "epinephrine",
    "noradrenaline": "norepinephrine", "pethidine": "meperidine", "glibenclamide": "glyburide",
    "rifampicin": "rifampin", "leuprorelin": "leuprolide", "ursodeoxycholic": "ursodiol", "valproic": "valproate",
    "divalproex": "valproate", "hydroxycarbamide": "hydroxyurea", "calcipotriene": "calcipotriol",
    "mycophenolic": "mycophenolate", "zoledronate": "zoledronic", "erythropoietin": "epoetin",
    "mesalazine": "mesalamine", "thyroxine": "levothyroxine", "isophosphamide": "ifosfamide",
    "frusemide": "furosemide", "torasemide": "torsemide", "folinic": "leucovorin", "desferrioxamine": "deferoxamine",
}
# Drugs that are forms of one substance named apart: a prodrug and the drug it gives, a drug and its active metabolite
# (desipramine is imipramine's, paliperidone risperidone's, temazepam diazepam's); an enantiomer, a salt and a prefixed
# metabolite are told by their names (drug_spellings, drug_other_names).
ONE_SUBSTANCE = (
    ("imipramine", "desipramine"), ("amitriptyline", "nortriptyline"), ("risperidone", "paliperidone"),
    ("leflunomide", "teriflunomide"), ("azathioprine", "mercaptopurine"), ("capecitabine", "fluorouracil"),
    ("prednisone", "prednisolone"), ("hydrocodone", "hydromorphone"), ("levothyroxine", "liothyronine"),
    ("diazepam", "temazepam"), ("hydroxyzine", "cetirizine"), ("famciclovir", "penciclovir"),
)
