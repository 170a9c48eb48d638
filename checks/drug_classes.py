"""Classes of drugs, and procedures or devices that give one, named for their members ("Statin therapy",
"Erector spinae plane block"), and how their members' names end."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from checks.drug_names import MEMO, stem_drugs

# Names of a class of drugs, or of a procedure or a device that gives one, and how its members' names end: a study
# whose intervention is "Statin therapy", "Beta-blocker", "Chemotherapy", "Erector spinae plane block" or a
# "Drug-coated balloon" gives a member ("atorvastatin", "metoprolol", "cisplatin", "ropivacaine", "paclitaxel") that
# an arm or an outcome names.
_CHEMOTHERAPY = ("platin", "taxel", "rubicin", "citabine", "trexed", "tecan", "mustine", "phamide", "fosfamide",
                 "mitomycin", "bleomycin", "dactinomycin")
_LOCAL_ANAESTHESIA = ("caine", "fentanil")
# A block or an infiltration of a local anaesthetic, by where it is given ("Erector spinae plane block", "Interscalene
# block", "Wound infiltration"); not a heart block, a beta or neuromuscular blockade, nor randomisation in blocks.
_NAMED_BLOCK = (r"(?:nerve|plane|regional|field|caudal|epidural|spinal|neuraxial|plexus|fascial|paravertebral|femoral"
                r"|sciatic|tap|esp|pecs?|ql)[\s-]+(?:blocks?|blockade|an(?:a)?esthesia|analgesia)")
_ANY_BLOCK = (r"(?<![\w-])(?!(?:in|of|by|randomi[sz]ed|permuted|variable|size|heart|av|atrioventricular|branch"
              r"|conduction|beta|adrenergic|neuromuscular|receptor)[\s-])[a-z-]+[\s-]+block(?:s|ade)?")
_INFILTRATION = r"(?:local|wound|periarticular|incision(?:al)?|port[\s-]+site|surgical[\s-]+site)[\s-]+infiltration"
# ... not where the class is what the participants go without or had ("Steroid-free remission", "statin-naive"), nor
# a programme that reviews its prescribing ("Antifungal stewardship").
_NOT_GIVEN_CLASS = (r"(?![\s-]+(?:free|sparing|na[iï]ve|refractory|resistant|intoleran\w*|dependent|withdrawal|exposed"
                    r"|experienced|induced|associated|related|allerg\w*|stewardship)\b)")
DRUG_CLASSES = tuple((re.compile(f"(?:{pattern}){_NOT_GIVEN_CLASS}", re.I), endings) for pattern, endings in (
    (r"\bstatins?\b", ("statin",)),
    (r"\b(?:beta|β)[\s-]*(?:adrenergic[\s-]+)?(?:blockers?|blockade|antagonists?)\b", ("olol", "alol", "dilol")),
    (r"\b(?:ace[\s-]?inhibitors?|acei|angiotensin[\s-]+converting[\s-]+enzyme[\s-]+inhibitors?)\b", ("pril",)),
    (r"\b(?:arbs?|angiotensin(?:[\s-]+ii)?[\s-]+receptor[\s-]+(?:blockers?|antagonists?))\b", ("sartan",)),
    (r"\b(?:[dn]oacs?|direct[\s-]+(?:oral[\s-]+)?(?:anticoagulants?|thrombin[\s-]+inhibitors?|factor[\s-]+xa"
     r"[\s-]+inhibitors?))\b", ("xaban", "gatran")),
    (r"\b(?:lmwh|low[\s-]+molecular[\s-]+weight[\s-]+heparins?)\b", ("parin",)),
    (r"\b(?:ppis?|proton[\s-]+pump[\s-]+inhibitors?)\b", ("prazole",)),
    (r"\btriptans?\b", ("triptan",)),
    (r"\b(?:gliptins?|dpp[\s-]?4[\s-]+inhibitors?)\b", ("gliptin",)),
    (r"\b(?:gliflozins?|sglt[\s-]?2[\s-]*(?:inhibitors?|is?))\b", ("gliflozin",)),
    (r"\b(?:glp|glucagon[\s-]+like[\s-]+peptide)[\s-]?1[\s-]+(?:receptor[\s-]+)?(?:agonists?|ras?|analog(?:ue)?s?)\b",
     ("glutide",)),
    (r"\bbisphosphonates?\b", ("dronate",)),
    (r"\bbenzodiazepines?\b", ("azepam", "azolam")),
    (r"\b(?:calcium[\s-]+channel[\s-]+(?:blockers?|antagonists?)|ccbs?)\b", ("dipine", "pamil", "tiazem")),
    (r"\b(?:5[\s-]?ht3|serotonin)[\s-]+(?:receptor[\s-]+)?antagonists?\b", ("setron",)),
    (r"\b(?:corticosteroids?|glucocorticoids?|steroids?)\b", ("asone", "isone", "olone", "sonide")),
    (r"\b(?:nsaids?|non[\s-]?steroidal[\s-]+anti[\s-]?inflammatory|cox[\s-]?2[\s-]+inhibitors?)\b",
     ("profen", "coxib")),
    (r"\bopioids?\b", ("codone", "morphone", "fentanil")),
    (r"\bcarbapenems?\b", ("penem",)),
    (r"\b(?:fluoro)?quinolones?\b", ("oxacin",)),
    (r"\bpenicillins\b", ("cillin",)),
    (r"\b(?:aminoglycosides?|macrolides?)\b", ("mycin", "micin")),
    (r"\b(?:taxanes?)\b", ("taxel",)),
    (r"\banthracyclines?\b", ("rubicin",)),
    (r"\bplatinum\b", ("platin",)),
    (r"\b(?:tkis?|tyrosine[\s-]+kinase[\s-]+inhibitors?|jak[\s-]?inhibitors?)\b", ("tinib", "anib")),
    (r"\bparp[\s-]?inhibitors?\b", ("parib",)),
    (r"\bcdk[\s-]?4/6[\s-]+inhibitors?\b", ("ciclib",)),
    (r"\b(?:monoclonal[\s-]+antibod(?:y|ies)|checkpoint[\s-]+inhibitors?|anti[\s-]?(?:pd[\s-]?l?1|ctla[\s-]?4"
     r"|her2|vegf|cd20|il[\s-]?\d+))\b", ("mab",)),
    (r"\banti[\s-]?tnf\b|\btnf[\s-]+(?:alpha[\s-]+)?(?:inhibitors?|blockers?|antagonists?)\b", ("mab", "cept")),
    (r"\b(?:antiretrovirals?|(?-i:ART|HAART|cART)|direct[\s-]+acting[\s-]+antivirals?|daas?|antivirals?)\b",
     ("vir", "vudine", "citabine")),
    (r"\b(?:chemo(?:therapy|therapies|therapeutic|radiotherapy|radiation)?|chemoembolization|chemoembolisation|tace"
     r"|hipec|pipac|cytotoxics?)\b", _CHEMOTHERAPY),
    (rf"\b(?:local[\s-]+an(?:a)?esthe(?:tics?|sia)|{_NAMED_BLOCK}|{_ANY_BLOCK}|{_INFILTRATION}|epidural)\b",
     _LOCAL_ANAESTHESIA),
    (r"\b(?:neuromuscular[\s-]+(?:block(?:ing|ade|er)?s?|relaxants?)|muscle[\s-]+relaxants?)\b", ("curonium",)),
    (r"\b(?:drug[\s-]+(?:coated|eluting)|(?-i:DCBs?|DES)|paclitaxel[\s-]+(?:coated|eluting))\b", ("taxel",)),
    (r"\bhmg[\s-]?coa[\s-]+reductase[\s-]+inhibitors?\b", ("statin",)),
    (r"\b(?:anti-?fungals?|anti-?mycotics?|echinocandins?)\b", ("conazole", "fungin")),
    (r"\b(?:ssris?|snris?|antidepressants?|(?:selective[\s-]+)?serotonin(?:[\s-]+(?:and[\s-]+)?"
     r"nor(?:adrenaline|epinephrine))?[\s-]+re-?uptake[\s-]+inhibitors?)\b",
     ("oxetine", "triptyline", "sertraline", "citalopram", "fluvoxamine", "faxine")),
    (r"\b(?:anti-?psychotics?|neuroleptics?)\b", ("apine", "idone", "peridol")),
    (r"\b(?:anti-?platelets?|p2y12[\s-]+(?:receptor[\s-]+)?(?:inhibitors?|antagonists?|blockers?))\b",
     ("grel", "grelor")),
    (r"\banti-?coagula(?:nts?|tion)\b", ("xaban", "gatran", "parin")),
    (r"\b(?:(?:neuraminidase|integrase|protease|polymerase|ns5a|ns5b|reverse[\s-]+transcriptase)[\s-]+inhibitors?"
     r"|nucleos(?:t)?ides?[\s-]+analog(?:ue)?s?)\b", ("vir", "vudine", "citabine")),
    (r"\bproteasome[\s-]+inhibitors?\b", ("zomib",)),
    (r"\b(?:btk|egfr|alk|bcr[\s-]?abl|multi-?kinase)[\s-]+(?:tkis?|inhibitors?)\b", ("tinib", "anib")),
    (r"\bhypomethylating[\s-]+agents?\b", ("citabine",)),
    # the class by its enzyme alone, as an intervention's name writes it ("Testosterone and/or PDE-5", "PDE5i")
    (r"\b(?:pde[\s-]?5|phosphodiesterase[\s-]+(?:type[\s-]+)?5)(?:[\s-]*i|[\s-]+inhibitors?)?\b", ("afil",)),
    (r"\b(?:ltras?|leukotriene[\s-]+(?:receptor[\s-]+)?(?:antagonists?|modifiers?))\b", ("lukast",)),
    (r"\bthiazides?(?:[\s-]+(?:like[\s-]+)?diuretics?)\b", ("thiazide",)),
    (r"\b(?:gnrh|lhrh|gonadotropin[\s-]+releasing[\s-]+hormone)[\s-]+(?:receptor[\s-]+)?(?:agonists?|antagonists?"
     r"|analog(?:ue)?s?)\b", ("relin", "relix")),
    (r"\b(?:anti-?androgens?|androgen[\s-]+receptor[\s-]+(?:inhibitors?|antagonists?|blockers?))\b", ("lutamide",)),
    (r"\b(?:androgen[\s-]+deprivation|(?-i:ADT))\b", ("relin", "relix", "lutamide")),
    (r"\bsomatostatin[\s-]+(?:receptor[\s-]+)?(?:analog(?:ue)?s?|agonists?)\b", ("reotide",)),
    (r"\b(?:lamas?|long[\s-]+acting[\s-]+muscarinic[\s-]+(?:receptor[\s-]+)?antagonists?|anti-?muscarinics?)\b",
     ("tropium",)),
    (r"\b(?:labas?|sabas?|(?:long|short)[\s-]+acting[\s-]+(?:beta|β)[\s-]?2?[\s-]+(?:adrenergic[\s-]+)?agonists?"
     r"|(?:beta|β)[\s-]?2[\s-]+(?:adrenergic[\s-]+)?agonists?|bronchodilators?)\b", ("terol",)),
    (r"\b(?-i:ICS)\b", ("asone", "isone", "olone", "sonide")),
    (r"\banti-?emetics?\b", ("setron",)),
    (r"\banti[\s-]?vegf\b", ("cept",)),
    (r"\b(?:platinum|chemotherapy)[\s-]+(?:based[\s-]+)?doublets?\b", _CHEMOTHERAPY),
))


@lru_cache(maxsize=MEMO)
def classes_named(text: str | None) -> tuple[tuple[str, ...], ...]:
    """How the names of the drugs of each class, procedure or device a text names end ('Statin therapy' ->
    (('statin',),)): a study whose intervention is so named gives such a drug."""
    if not text:
        return ()
    return tuple(endings for pattern, endings in DRUG_CLASSES if pattern.search(text))


def unnamed_members(texts: Iterable[str | None]) -> tuple[str, ...]:
    """How the names of the drugs end of each class the texts (an intervention's name and description) name but
    name no drug of ('Erector spinae plane block' with '20 ml of local anaesthetic' -> 'caine', 'fentanil'): any
    drug of such a class may be the one given; where the texts name one ('PECS block of levobupivacaine'), another
    of its class is not."""
    texts = list(texts)
    # a class's own name may carry a stem ('carbapenem'): no member named
    named = {d for d in set().union(*(stem_drugs(t) for t in texts)) if not classes_named(d)}
    classes = dict.fromkeys(endings for t in texts for endings in classes_named(t))
    return tuple(e for endings in classes if not any(d.endswith(endings) for d in named) for e in endings)
