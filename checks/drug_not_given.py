"""Why a drug an outcome or an arm names is not one the study gives: rescue or background medication, a measured
substance, the patients' history (`drug_history`), a count of those given it, a class's example, a compound's name,
another treatment an outcome's event is the start of."""
from __future__ import annotations

import re

from checks.drug_history import HISTORY_AFTER, HISTORY_BEFORE

# A drug named in an outcome that the study does not give: rescue or acute medication, a
# covariate, a treatment participants already take, a measured substance, a dose unit.
NOT_GIVEN_BEFORE = tuple((name, re.compile(pattern + r"[^.;]{0,80}$", re.I)) for name, pattern in (
    ("medication use", r"\b(?:use|usage|uses|consumption|requirements?|need|needs|amount|cumulative|intake)\b"),
    ("rescue or acute", r"\b(?:rescue|salvage|acute|abortive|symptomatic|emergency|escape|breakthrough|attack|as-needed"
                        r"|as\s+needed|on-demand|prn)\b"),
    # ... or given to every participant as the setting of the study ("All patients received standardized anesthesia
    # with propofol, fentanyl and rocuronium", "patients also received remifentanil infusion")
    ("concomitant", r"\b(?:concomitant|concurrent|additional|supplemental|co-?medications?|also\s+(?:received|receive"
                    r"|given|get)|standardi[sz]ed\s+(?:general\s+)?(?:an(?:a)?esthe\w*|analgesi\w*|premedication))\b"),
    ("already taken", r"\b(?:prior|previous|background|stable|current|ongoing|existing|usual|habitual"
                      r"|already|their|on\s+top\s+of|add-?on\s+to|continu(?:e|ed|es|ing))\b"),
    ("preference", r"\bprefer(?:s|red|ring|ence|ences)?\b|\bopt(?:s|ed|ing)?\s+(?:to|for)\b"),
    # "hypersensitivity despite premedication (dexamethasone and diphenhydramine)": given before the study drug.
    ("premedication", r"\bpre-?medicat(?:ion|ions|ed)\b"),
    # "efficacy compared with historical controls treated with rituximab": another study's treatment.
    ("historical", r"\bhistoric(?:al|ally)?\b"),
    # "participants who used prohibited medication (rituximab)".
    ("prohibited", r"\b(?:prohibited|disallowed|forbidden|not\s+(?:permitted|allowed))\b"),
))
NOT_GIVEN_RIGHT_BEFORE = tuple((name, re.compile(pattern + r"\s+$", re.I)) for name, pattern in (
    ("measured in", r"\b(?:serum|plasma|blood|urinary|urine|salivary|trough)"),
    # ... or "ICS doses: µg/day eq Budesonide", "mg equiv. prednisone": a dose unit of another drug.
    # ... or "Pain medications will be converted to oxycodone/acetaminophen equivalents" (NCT01262599).
    ("equivalent of", r"\b(?:equivalents?\s+(?:doses?\s+)?(?:of|to)|eq\.?|equiv\.?|converted\s+(?:in)?to)"),
    # "Change in Metformin at 4.5 months" (NCT05766735): the drug's use is what changes.
    ("change in", r"\bchanges?\s+(?:from\s+baseline\s+)?in(?:\s+the)?"),
    # "serum trough concentrations of tildrakizumab" (NCT05685940): the drug is what is measured.
    ("level of", r"\b(?:levels?|concentrations?|exposure|clearance|antibod(?:y|ies))\s+(?:of|to|against)"),
    # "anti-angiogenic therapy (such as bevacizumab)" (NCT01604512): an example of a class of drugs.
    ("example", r"\b(?:such\s+as|e\.\s?g\.,?|for\s+example,?)"),
    # "mammalian target of rapamycin (mTOR)" (NCT05693129): a pathway's name.
    ("target of", r"\btarget\s+of"),
    # "Proportion of patients who stopped prednisolone", "tapering off prednisone": a background drug stopped.
    ("stopped", r"\b(?:stop(?:s|ped|ping)?|discontinu(?:e|es|ed|ing|ation\s+of)|withdraw(?:n|al)?\s+(?:of|from)"
                r"|taper(?:s|ed|ing)?\s+off|wean(?:s|ed|ing)?\s+off|cessation\s+of)(?:\s+(?:their|the))?"),
    # "MIC of meropenem against isolates", "susceptibility to fluconazole": what the isolates are tested for.
    # ... or "Genotypic enfuvirtide value was used for PSS" (NCT00098306): a resistance score's drug.
    ("susceptibility", r"(?:\b(?:MICs?|minimum\s+inhibitory\s+concentrations?|susceptib(?:le|ility)"
                       r"|sensitiv(?:e|ity))\s+(?:of|to|for|against)|\b(?:genotypic|phenotypic))"),
    # "anti-Xa activity in patients on enoxaparin prophylaxis": a treatment the patients are on.
    ("patients on it", r"\b(?:patients|participants|subjects|people|those|women|men|children|adults)\s+"
                       r"(?:already\s+)?(?:on|taking)"),
    # An arm "without rituximab", "Standard of care (no tofacitinib)".
    ("negated", r"\b(?:no|without|w/o|minus|omit(?:s|ted|ting)?|avoid(?:s|ed|ing)?)"),
    # "Time to initiation of rituximab": a later treatment, not the study's.
    # ... or "Time to treatment escalation to vedolizumab": a treatment the participants may move on to.
    ("later start", r"\btime\s+to\s+(?:the\s+)?(?:initiation|start|commencement)\s+of"
                    r"|\btime\s+to\s+(?:the\s+)?(?:switch(?:ing)?|change)\s+to"
                    r"|\b(?:treatment\s+)?escalat(?:ed|es|ing|ion)\s+to|\bstep(?:ped)?[\s-]+up\s+to"),
    # "Total dose of remifentanil during surgery": how much of a drug of the anaesthesia was used.
    # ... or "Days of carbapenem therapy" (not a count of days: "within 30 days of pembrolizumab").
    # ... or "Courses of prednisone or prednisolone", "Number of bursts of oral prednisolone": how often a drug was
    # taken (the courses of steroids that define an asthma exacerbation), each drug of the list so counted.
    ("amount used", r"\b(?:(?:(?:total|cumulative|mean|average|median)\s+doses?|number\s+of\s+doses"
                    r"|(?<!\d\s)(?<!\d)days)\s+of"
                    r"|(?:courses?|bursts?)\s+of(?:\s+(?:oral|systemic|iv|intravenous|intramuscular|rescue))?"
                    r"(?:\s+[\w-]+\s*(?:,|\bor\b|\band\b))*)"),
))
NOT_GIVEN_AFTER = tuple((name, re.compile(r"[\s-]+" + pattern, re.I)) for name, pattern in (
    # ... or a ratio of it and another substance measured ("cortisol to cortisone ratio", "allopregnanolone-to-
    # progesterone ratio"): a biomarker named like a drug.
    # ... also where it is measured said between ("vancomycin serum levels", "ropivacaine total plasma concentration").
    ("level", r"(?:(?:(?:serum|plasma|blood|whole[\s-]+blood|total|free|unbound|peak|steady[\s-]+state|csf|urine"
              r"|urinary)[\s-]+){0,2}(?:levels?|concentrations?|trough|exposure|clearance)\b"
              r"|(?:(?:to|/|:)[\s-]*[a-z][\w-]*[\s-]+)?ratios?\b)"),
    # "Number of carbapenem prescriptions", "Days of vancomycin therapy": how much of it was prescribed.
    # ... or "Number of prednisolone courses", "Prednisolone bursts": how often it was taken.
    ("covariate", r"(?:use|usage|users?|intake|consumption|requirements?|sparing|naive|na[iï]ve|prescriptions?"
                  r"|prescribing|requests?|courses?|bursts?)\b"),
    # "average prednisone dose reduced by 25%" (NCT05688696): a background drug's dose is what is measured.
    ("dose of it", r"(?:doses?|dosages?|dosing|taper(?:ing)?)\b"),
    # "somatostatin receptor expression" (NCT01617733): a receptor or pathway named after the substance.
    ("target", r"(?:receptors?|pathways?)\b"),
    ("dose unit", r"(?:milligram\s+)?equivalen(?:t|ts|ce)\b"),
    # "using tiotropium stratum as a stratification factor" (NCT00782210): a stratum of background therapy.
    ("stratum", r"strat(?:um|a|ified|ification)\b"),
    # "tenofovir resistance which was based on adefovir (ADV)-mutations" (NCT01063036): what the virus resists.
    ("resistance", r"(?:\(\s*[\w-]+\s*\)[\s-]*)?(?:mutations?|resistance)\b"),
    ("discontinuation", r"(?:discontinuation|discontinued|withdrawal|withdrawn|cessation|weaning|stopped)\b"),
    # "Observation (tofacitinib not given)", "Tofacitinib washout".
    ("withheld", r"(?:not\s+given|not\s+administered|omitted|withheld|wash-?out)\b"),
    # "amoxicillin-clavulanate susceptibility of isolates".
    ("susceptibility of it", r"(?:[a-z]+[\s-]+)?(?:susceptib\w*|non-?susceptib\w*|MICs?|sensitivity)\b"),
    # "Dexamethasone suppression test", "ACTH stimulation test": a diagnostic test named after its drug.
    ("test", r"(?:suppression|stimulation|challenge|provocation|skin[\s-]+test(?:s|ing)?)\b"),
    # "Paclitaxel with dexamethasone premedication": given before the study drug, not the study's treatment.
    ("premedication", r"pre-?medicat(?:ion|ions|ed)\b"),
    # "oral prednisone (or a similar dose of another systemic corticosteroid)": the drug stands for its class, as in
    # the steroid dose that defines an asthma exacerbation.
    ("one of its class", r"\(\s*or\s+(?:an?\s+|the\s+)?(?:(?:similar|comparable|equivalent|equal|corresponding)"
                         r"\s+(?:doses?|amounts?)\s+(?:of\s+)?)?(?:another|other|any\s+other|an?\s+equivalent"
                         r"|equivalents?)\b"),
))


# Later in its clause: kept at hand ("Epinephrine, hydrocortisone, and IV antihistamine will be available",
# NCT00007904), or allowed beside the study's treatment ("glucocorticoids (prednisone <= 10 mg) permitted").
# ... or taken before the participants joined the study, an exposure it observes ("took PDE5 inhibitors (vardenafil,
# sildenafil, tadalafil or avanafil) in the 1 year prior to enrollment"). Not before randomization, which a run-in
# drug of the study may be given.
NOT_GIVEN_LATER = (("at hand", re.compile(r"[^.;]{0,60}?\b(?:(?:will\s+be|is|are)\s+(?:made\s+|kept\s+)?available"
                                          r"|(?:(?:is|are|was|were|will\s+be)\s+)?(?:permitted|allowed))\b", re.I)),
                   # ... or a row of a table of the participants' current therapy, tallied ("Omalizumab or
                   # biologics: n (%)", "Montelukast use (n, %)").
                   ("tallied", re.compile(r"[^.;:]{0,60}?(?::\s*n\s*\(\s*%\s*\)|:\s*\(\s*%\s*\)|:\s*n\b"
                                          r"|\(\s*n\s*[,/]\s*%\s*\))", re.I)),
                   # ... or said to have been used, its use the outcome's measure ("three or more days in which
                   # >=12 inhalations/day of albuterol/salbutamol were used", NCT00766090), not what it was used for.
                   ("used", re.compile(r"(?:\s*/\s*[a-z][\w-]*)?\s+(?:was|were|is|are|had\s+been|has\s+been"
                                       r"|have\s+been)\s+(?:used|needed|required|taken)\b(?!\s+(?:to|as|for)\b)",
                                       re.I)),
                   # ... or the title of a paper the text cites ("Vildagliptin, a dipeptidyl peptidase-IV inhibitor,
                   # improves model-assessed beta-cell function ... J Clin Endocrinol Metab. 2005; 90:4888-4894",
                   # NCT00645099).
                   ("cited", re.compile(r"[^;]{0,160}?\b(?:19|20)\d\d\s*;\s*\d+\s*(?:\(\s*\d+\s*\)\s*)?:\s*\d+")),
                   ("before enrolment", re.compile(
                       r"[^.;]{0,80}?\b(?:prior\s+to|before|preceding)\s+(?:the\s+)?(?:(?:study|trial)\s+)?"
                       r"(?:enrol(?:l)?ments?|entry|inclusion|screening|recruitment|participation|consent"
                       r"|(?:study|trial)\s+(?:start|entry|inclusion))\b", re.I)))
# ... or given only when a symptom calls for it ("ondansetron 4 mg IV given if VAS > 4"): a rescue drug.
GIVEN_IF_NEEDED = (("given if needed", re.compile(r"[^.;]{0,40}?\b(?:given|administered|offered|used)\s+(?:only\s+)?"
                                                  r"(?:if|when|as\s+needed|on\s+demand|in\s+case\s+of)\b", re.I)),)


# A count of the participants given a drug, as the measure itself ("Number of patients who received ondansetron",
# "Proportion of patients receiving ondansetron in PACU", "Proportion of patients who switched to adalimumab after
# infusion reactions"): how many needed it or moved on to it, not a drug the study gives. Only where
# nothing but when, where or why follows the drug: "Number of patients receiving tofacitinib with infections" counts
# infections among those the study treats.
_COUNT_OF = r"(?:number|proportion|percentage|percent|rate|incidence|frequency|count|share|%)"
_GIVEN_VERBS = (r"(?:received?|receiving|given|administered|treated\s+with|took|taking|get|got|getting|prescribed"
                r"|dispensed|discharged\s+on|switched\s+to|switching\s+to"
                r"|(?:were|was)\s+(?:given|administered|treated\s+with|prescribed|dispensed|discharged\s+on))")
# When, where or why the drug was given, or the rest of a class's list, after it: "within 24 hours", "in PACU",
# "for PONV", "(PONV rescue)", "or metoclopramide)"; not "in combination", nor what those given it then have or do
# ("for 52 weeks who achieve remission", "with infections").
_GIVEN_WHEN = (r"(?![^.;]*?\b(?:who|whose|that|with|achiev\w*|respond\w*|experienc\w*|develop\w*|had|have|has)\b)"
               r"(?:\s*(?:(?:,|\bor\b|\band\b|/)\s*[\w-]+\s*)*\)"
               r"|\s*(?:$|[(,:]|\b(?:within|during|for|after|before|at|on|by|over|up\s+to|as|per|postoperatively"
               r"|post-?operatively|intra-?operatively)\b|\bin\s+(?!combination\b)))")
COUNTED_GIVEN = (
    ("count of those given it", re.compile(
        rf"\b{_COUNT_OF}\s+of\s+(?:the\s+)?(?:patients|participants|subjects|women|men|children|infants|neonates"
        rf"|people|individuals|mothers|cases)\s+(?:(?:who|that)\s+)?{_GIVEN_VERBS}\s+(?:any\s+|an?\s+)?"
        r"(?:(?:iv|intravenous|oral|additional|supplemental|post-?operative|prophylactic|antiemetic|analgesic)\s+){0,2}"
        # ... or one of the drugs of a class given ("receiving antiemetics (ondansetron or metoclopramide)")
        r"(?:[a-z-]+\s*\(\s*(?:[\w-]+\s*(?:,|\bor\b|\band\b|/)\s*)*)?$", re.I),
     re.compile(_GIVEN_WHEN, re.I)),
    # ... or of its administrations: "Incidence of ondansetron administration"
    ("count of its administrations", re.compile(rf"\b{_COUNT_OF}\s+of\s+(?:the\s+)?(?:rescue\s+)?$", re.I),
     re.compile(r"[\s-]+administrations?\b", re.I)),
)
# How far before the drug its count may start.
COUNT_LOOKBACK = 120


# A class of drugs that an outcome counts as care the participants needed (steroids that define an exacerbation,
# antibiotics, rescue analgesia, vasopressors), named right before an opening parenthesis, with a word of its use
# between ("Oral corticosteroid bursts (", "Antibiotic courses ("), and any drugs listed before in that parenthesis:
# a drug inside ("requiring systemic corticosteroids (prednisolone or methylprednisolone)") is the class's example,
# also where the list opens with its marker and names drugs of two or three words ("usage of higher antibiotics (e.g.
# carbapenems, colistin, ceftazidime avibactam and ...)", "antiemetics (such as ondansetron ...)").
_SUPPORTIVE_CLASS = (r"(?:cortico)?steroids?|glucocorticoids?|antibiotics?|antibacterials?|antimicrobials?"
                     r"|analgesics?|analgesia|opioids?|nsaids?|anti-?emetics?|anti-?histamines?|bronchodilators?"
                     r"|relievers?|sedatives?|sedation|hypnotics?|laxatives?|diuretics?|vasopressors?|inotropes?"
                     r"|uterotonics?|tocolytics?|antipyretics?|anti-?convulsants?|anti-?epileptics?"
                     r"|benzodiazepines?")
# What opens a list of examples ("e.g.", "i.e.", "such as", "including"), a drug listed before (of up to three words,
# "ceftazidime avibactam"), and the words of a drug's name before the one read ("ceftazidime " before "avibactam"),
# read only after a marker or a listed drug.
_LIST_MARKER = r"(?:e\.?\s?g\.?|i\.?\s?e\.?|such\s+as|including|like)[\s,:]*"
_LISTED = r"(?:[\w-]+(?:\s+[\w-]+){0,2}?\s*(?:,|\bor\b|\band\b|/)\s*)"
_NAME_START = r"(?:[\w-]+\s+){0,2}"
CLASS_EXAMPLE = re.compile(rf"\b(?:{_SUPPORTIVE_CLASS})(?:\s+(?:courses?|bursts?|therapy|treatment|use))?\s*\(\s*"
                           rf"(?:{_LIST_MARKER}{_LISTED}*{_NAME_START}|{_LISTED}+{_NAME_START}|{_LISTED}*)$", re.I)
# How far before a drug its class is read.
CLASS_LOOKBACK = 120


def class_example(text: str, at: int) -> bool:
    """Whether the drug named at `at` stands in parentheses as an example of a class of care that an outcome counts
    ('oral corticosteroids (prednisone) for >= 3 days'), not as a drug the study gives."""
    return CLASS_EXAMPLE.search(text, max(0, at - CLASS_LOOKBACK), at) is not None


# Lists of drugs that are not what the study gives, by what leads them. A stratum of the participants' background
# therapy in an analysis model ("baseline therapy strata (metformin versus diet and exercise [D&E])", NCT00853151).
# ... or the drugs of a class of care an outcome counts, listed after it ("Percentage of Participants Who Received
# Corticosteroid ...: Corticosteroids included dexamethasone, methylprednisone", NCT00967330), or in brackets after a
# class whose giving is counted ("Incidence of administering IL6 receptor blockers (tocilizumab, sarilumab)",
# NCT04392414), or a class of care used ("Analgesics Used Post Discharge (Ibuprofen)", NCT00442546).
_CLASS_OF_BLOCKERS = r"[\w-]+\s+(?:receptor\s+)?(?:blockers?|inhibitors?|antagonists?)"
LISTED_BEFORE = (
    ("stratum", re.compile(
        r"\b(?:strat(?:um|a)|baseline\s+(?:therap(?:y|ies)|treatments?|medications?))(?:\s+strat(?:um|a))?"
        r"\s*(?:\(|:|\bof\b|\bby\b)\s*(?:[\w-]+\s*(?:,|\bor\b|\band\b|/|\bversus\b|\bvs\b\.?)\s*)*$", re.I)),
    ("class listed", re.compile(rf"\b(?:{_SUPPORTIVE_CLASS}|{_CLASS_OF_BLOCKERS})\s+(?:included|includes?|including"
                                rf"|such\s+as|like)\s*:?\s*{_LISTED}*{_NAME_START}$", re.I)),
    ("class used", re.compile(rf"\b(?:{_SUPPORTIVE_CLASS})\s+(?:used|taken|given|required|needed)(?:\s+[\w-]+){{0,3}}"
                             rf"\s*\(\s*{_LISTED}*{_NAME_START}$", re.I)),
    ("class given counted", re.compile(
        rf"\b(?:{_COUNT_OF}|need|needs|requirement)\s+(?:of|for)\s+(?:administering|administration\s+of|giving"
        rf"|receiving)\s+(?:[\w-]+\s+){{0,4}}?\(\s*{_LISTED}*{_NAME_START}$", re.I)),
)


# A drug stem inside a chemical or labelled name: "5-amino=imidazole-4-carboxamide", "90Y-daclizumab".
NOT_GIVEN_JOINED = (("part of a compound name", re.compile(r"[0-9A-Za-z][-=]$"), re.compile(r"[-=][0-9]")),)


def not_given(text: str, at: int, drug: str) -> str | None:
    """Why the drug named at `at` in `text` is not one the study gives ('rescue or acute'...), or None."""
    before, after_at = text[:at], at + len(drug)
    for name, joined_before, joined_after in NOT_GIVEN_JOINED:
        if joined_before.search(text, max(0, at - 2), at) or joined_after.match(text, after_at):
            return name
    for name, pattern in NOT_GIVEN_BEFORE + NOT_GIVEN_RIGHT_BEFORE + HISTORY_BEFORE + LISTED_BEFORE:
        if pattern.search(before):
            return name
    for name, counted, qualified in COUNTED_GIVEN:
        if counted.search(text, max(0, at - COUNT_LOOKBACK), at) and qualified.match(text, after_at):
            return name
    return next((name for name, pattern in NOT_GIVEN_AFTER + HISTORY_AFTER + NOT_GIVEN_LATER + GIVEN_IF_NEEDED
                 if pattern.match(text, after_at)), None)


# Another treatment than the study's that an outcome times or counts as its event, its drugs listed in parentheses
# ("the prescription of OMA or another step 5 asthma treatment (mepolizumab, benralizumab)", "need for other
# biologic therapy (dupilumab)"): what the participants may move on to, not what the study gives.
_TREATMENT_WORDS = r"(?:treatments?|therap(?:y|ies)|medications?|drugs?|agents?|biologics?)"
ANOTHER_TREATMENT = re.compile(
    r"\b(?:need(?:s|ed)?\s+for|needing|requir\w*|prescri\w*|initiat\w*|start\w*|switch\w*|add(?:ed|ing|ition)?"
    r"|escalat\w*|introduc\w*|use\s+of)\b[^.;]{0,80}?\b(?:another|other|alternative|a\s+different|new)\s+"
    rf"(?:[\w-]+\s+){{0,4}}?{_TREATMENT_WORDS}\s*\(\s*{_LISTED}*{_NAME_START}$", re.I)


def another_treatment(text: str, at: int) -> bool:
    """Whether the drug named at `at` is listed as another treatment than the study's that an outcome's event is the
    start of ('time to another step 5 asthma treatment (mepolizumab)')."""
    return ANOTHER_TREATMENT.search(text, max(0, at - CLASS_LOOKBACK - 80), at) is not None
