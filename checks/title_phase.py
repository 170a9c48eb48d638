"""The phase a study's title states against the phase the record gives.

ClinicalTrials.gov gives a trial's phase as data (`studies.phase`: 'PHASE2', 'PHASE1/PHASE2', 'EARLY_PHASE1', 'NA')
and its titles very often name it ("A Phase III, Randomized, Double-blind Study of ...", "Phase 1b/2 Trial of ...").
A data team that filters by phase gets the wrong trials when the two differ ("Phase III" with 'NA', "Phase I/II"
with 'PHASE2'). Only interventional studies are judged (an observational or expanded-access record has no phase),
and only one that gives a phase: an interventional study that gives none is missing_fields.no_phase's. A phase is
read as titles write it: "Phase-II", "Fase III" (as Spanish, Italian and Portuguese sponsors keep the word), a
Roman numeral before the word where a study word follows ("II Phase Clinical Trial"; not "Stage II Phase ..." nor
a count of periods, "a two-phase study"), a phase spelt out before a study word ("Phase Three, Randomized Study";
not "Phase One: Development", "Luteal Phase Two ...") and a range ("Phase I-III": phases 1, 2 and 3).

A title's phase is this study's unless the words about it say otherwise: a phase of another study ("extension of the
Phase 3 study", "rollover from phase 2 studies", "participants who completed a Phase 1 trial"), a project's stage
("Phase 2 of the ... programme"), or no trial phase at all ("Phase II cardiac rehabilitation", "phase II enzymes").
The phases of a study's parts ("Phase 1 dose escalation and phase 2 expansion", "Part A (Phase 1b) and Part B (Phase
2)", "Phase 2 (Part A) Followed by Randomized Phase 3 (Part B)", "A Phase 1 Study Followed by Phase 2 Expansion") are
its phases together; a title that names the whole study's phase besides ("A Phase 2 Study With a Phase 1b Safety
Run-in") is read by that, and is no near miss where its parts name the record's other phase. A title that names a
part's phase and the phase of the whole study it is a part of ("Phase 2 Part of a Phase 1/2 Study", "Phase 1 Lead-in
to a Phase 2 Trial", "Stage 2 (Phase 3) of a Seamless Phase 2/3 Trial") agrees with a record that gives either or
both, as the record may be the part or the whole. Subphases
(a, b, c) are their phase's; a combination the registry cannot give ("Phase Ib/III", "Phase 3b/4") agrees with any
of its phases. A title's one phase that is one of the record's two ("Phase II" with 'PHASE2/PHASE3') and Phase 1
against Early Phase 1 (the former Phase 0) are worth knowing but not plainly wrong: info. Where a subphase bridges
two phases as the registry's combination does ("Phase Ib" with 'PHASE1/PHASE2', "Phase IIb" with 'PHASE2/PHASE3')
the title stays quiet. A combination the registry gives registered as one of its phases ("Phase 1b/2" with 'PHASE2')
is a warning whose message names the registry's combined value: the registry defines Phase 1/Phase 2 for such a
trial, and a search for Phase 1 trials misses it.
"""
from __future__ import annotations

import re
from typing import Iterator, NamedTuple

import duckdb

from checks.rule import CheckScope, Finding, Rule
from checks.study_text import FIELD_LABELS, excerpt, rows_by_study, studies_with, texts_mentioning
from flows.parsers import LAYOUT_IDS, REGISTRY_LAYOUTS, entry_for

RULE_ID = "contradictions.title_phase_differs"
OBSERVATIONAL_RULE_ID = "contradictions.observational_title_phase"
# The phases only a trial has (0 is Early Phase 1); a Phase 4 title may name a post-marketing observational study.
TRIAL_PHASES = frozenset({0, 1, 2, 3})
TITLE_FIELDS = ("studies.official_title", "studies.brief_title")
# Every phase a title names holds one of these words once folded ("Phase II"; "Fase II", as Spanish, Italian and
# Portuguese sponsors' English titles keep it): the titles without one are never read.
PHASE_WORDS = ("phase", "fase")
# The same with the abbreviation "Ph" ("A Ph 2 Study", "Ph. II", "Ph1b/2"): the titles read.
TITLE_WORDS = PHASE_WORDS + ("ph",)
JUDGED_TYPES = ("INTERVENTIONAL",)
# The phases each API v2 value gives (0 is Early Phase 1, the former Phase 0); 'NA' gives none.
REGISTRY_PHASES = {"EARLY_PHASE1": 0, "PHASE1": 1, "PHASE2": 2, "PHASE3": 3, "PHASE4": 4}
NO_PHASE = "NA"
# The combinations the registry can give; a title's other combinations ("Phase 1/3") it cannot.
COMBINATIONS = (frozenset({1, 2}), frozenset({2, 3}))
# How a person reads each value in a message.
PHASE_SAID = {"EARLY_PHASE1": "Early Phase 1", "PHASE1": "Phase 1", "PHASE2": "Phase 2", "PHASE3": "Phase 3",
              "PHASE4": "Phase 4", "NA": "N/A (a trial without phases)"}
# A subphase that bridges the two phases of a combination, as sponsors register it: "Phase 1b" as Phase 1/Phase 2.
BRIDGING = {(1, "b"): frozenset({1, 2}), (2, "a"): frozenset({1, 2}), (2, "b"): frozenset({2, 3})}
# The intervention types the registry names as its examples of trials without phases, given N/A.
WITHOUT_PHASES = frozenset({"DEVICE", "BEHAVIORAL"})
# The registry's phases are a drug's (21 CFR 312.21): radiotherapy and procedures (surgery, a technique) test no drug
# either, so N/A is right for them too, unless one is named for a drug it gives. As a person reads each type.
NO_DRUG = {"RADIATION": "radiotherapy", "PROCEDURE": "procedures"}
KIND_SAID = {"DEVICE": "devices", "BEHAVIORAL": "behavioural interventions", **NO_DRUG}
REGISTRY_EXAMPLES = "devices or behavioural interventions"
# A radioactive drug, which has phases, as a radiotherapy or procedure may be named for it: an isotope with its mass
# number ("177Lu", "Lu-177", "I-131", "Lutetium Lu 177 Dotatate", "Radium-223"), or a radiolabelled or targeted agent
# ("Radioiodine", "radioligand therapy", "131I-MIBG", "PSMA-617", "FDG"), or the imaging that gives a radioactive
# tracer ("Bone scintigraphy", "SPECT", "PET-CT", "pet scan", "Ventilation-perfusion scan", "V/Q scan", "nuclear
# imaging"; not "Pet-assisted therapy").
_RADIOACTIVE_DRUG = re.compile(
    r"\b(?:\d{2,3}-?(?:lu|i|y|ra|sm|sr|ac|pb|ga|cu|tc|in|re|ho|f|zr|th)|(?:lu|i|y|ra|sm|sr|ac|pb|ga|cu|tc|in|re|ho|f|zr"
    r"|th)-\d{2,3})\b"
    r"|\b(?:lutetium|radium|yttrium|samarium|strontium|actinium|technetium|gallium|thorium|holmium|rhenium|zirconium"
    r"|iodine|mibg|dotatate|dotatoc|psma|fdg)\b"
    r"|\bradio(?:iodine|ligand|pharmac|label|immuno|nuclide|active|isotope|tracer)"
    r"|scintigra|\b(?:spect|v/?q)\b|\b(?-i:PET)\b|\bpet[\s/-]*(?:ct|mri?|scans?|imaging)\b|ventilation[\s/-]*perfusion"
    r"|\bnuclear\s+(?:imaging|scan|medicine)", re.I)
# A radiotherapy or procedure that gives a product, whose phases are the product's: "Chemoradiation",
# "Radiochemotherapy", "HIPEC", "Intrathecal chemotherapy", "Botulinum toxin injection", "Bladder instillation", a drug
# perfused into a limb or an organ ("Isolated limb perfusion with melphalan"), contrast given for imaging
# ("Contrast-enhanced ultrasound").
_GIVES_A_PRODUCT = re.compile(r"chemo|\b(?:hipec|pipac|infus|inject|instil)|perfusion\s+with\b"
                              r"|\bisolated\s+(?:limb|hepatic|liver|lung)\s+perfus|\bcontrast\b", re.I)
# A treatment that is drugs, as a procedure may be named: "Intensive medical therapy", "Optimal medical treatment",
# "Pharmacotherapy", "Medication" (a device so named is one about drugs: "Medication reminder app").
_DRUG_TREATMENT = re.compile(r"\b(?:medical|drug)\s+(?:therapy|treatment)|pharmacotherap|\bmedications?\b", re.I)
# A drug that a light or a beam activates: "Photodynamic therapy", "PDT", "BNCT with borofalan", "Boron neutron
# capture therapy".
_ACTIVATED_DRUG = re.compile(r"photodynamic|\b(?:pdt|bnct)\b|boron\s+neutron", re.I)
# Cells or microbiota given, a biological product: "Stem cell transplantation", "Bone marrow transplant", "Bone marrow
# aspirate concentrate", "Cord blood", "Islet transplantation", "HSCT", "Faecal microbiota transplantation", "FMT".
_CELLS_GIVEN = re.compile(r"stem[\s-]*cells?\b|\bmarrow\s+(?:transplant|cell|concentr|derived)|\bcord\s+blood"
                          r"|\bislets?\b|\b(?:hsct|bmt|bmac|fmt)\b|microbio\w*\s+transplant", re.I)
INFO = "info"
WARNING = "warning"
# The column that tells what an intervention is: a page may show its interventions by name alone.
TYPE_FIELD = "interventions.intervention_type"

_NUMERALS = {"0": 0, "1": 1, "2": 2, "3": 3, "4": 4, "i": 1, "ii": 2, "iii": 3, "iv": 4,
             "\u2170": 1, "\u2171": 2, "\u2172": 3, "\u2173": 4, "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4}
# A phase's numeral (Arabic, Roman, the Unicode Roman numerals "Ⅲ", spelt out) and its subphase letter: "3", "IIb",
# "Ⅳ", "1B", "Three".
_ROMAN = r"(?:iv|iii|ii|i|[\u2160-\u2163\u2170-\u2173])"
_SPELT = r"(?:zero|one|two|three|four)"
_NUMERAL = rf"(?:[0-4]|{_ROMAN}|{_SPELT})"
# The word for a phase: English, and as Spanish, Italian and Portuguese titles keep it ("Fase III").
_PHASE_NOUN = r"(?:ph|f)ases?"
# A number joined to a phase that counts something else: "Phase 3, 4-Week", "Phase 2 and 3 Arms".
_COUNTED = (r"(?!\s*-\s*(?:week|day|month|year|hour|arm|way|dose|part|period|stage|cohort|group|sequence|treatment"
            r"|visit)s?\b|\s+(?:weeks|days|months|years|hours|arms|ways|doses|parts|periods|stages|cohorts|groups"
            r"|sequences|treatments|visits)\b)")
_JOINED = (rf"(?:\s*(?:/|-|\u2013|\u2014|&|\+|\band\b|\bto\b|\bthrough\b)\s*(?:{_PHASE_NOUN}\s*-?\s*)?{_NUMERAL}[abc]?"
           rf"(?![a-z0-9]){_COUNTED}|\s*/\s*[abc](?![a-z0-9])|-[abc](?![a-z0-9]))")
# The word abbreviated, with a capital P and a small h, before an Arabic or a capital Roman numeral ("Ph 2", "Ph. II",
# "Ph2", "Ph 1b/2"): not "pH 2", "PhD", "Phi", nor the Philadelphia chromosome ("Ph+ ALL", "Ph-negative", and after
# the numeral `_NOT_PH1`: "Ph1-positive", "Ph1+ leukaemia", "Ph1 chromosome", "Ph1 (Philadelphia)").
_PHASE_ABBREVIATED = r"(?-i:Ph)\.?(?=\s?-?\s?(?:[0-4]|(?-i:[IV])))"
_NOT_PH1 = r"(?!\s*(?:\+|[-\s]?\s*(?:positive|negative|pos\b|neg\b|chromosome|like\b|\()))"
# A phase as a title writes it: "Phase III", "phase IIb", "Phase II-b", "Phase 1b/2", "Phase I-II", "Phase 1/Phase 2",
# "Phases 2 and 3", "Early Phase 1", "Phase-II", "PhaseⅣ", "Fase III", "Phase Three", "Ph 2".
_MENTION = re.compile(rf"(?<![a-z])(?=[epf])(?P<early>early\s*-?\s*)?(?:{_PHASE_NOUN}|(?P<ph>{_PHASE_ABBREVIATED}))"
                      rf"\s*[-:]?\s*(?P<phases>{_NUMERAL}[abc]?(?![a-z0-9]|\.\d)(?:{_JOINED})*)(?(ph){_NOT_PH1})", re.I)
# A phase spelt out ("Phase Three") is a trial's only where a study word follows it at once ("Phase Three,
# Randomized Study", "Phase Two Trial"): a project's stages are more often so written ("Phase One: Development").
# Nor where the number counts something ("Maintenance Phase Two-Year Follow-up Trial") or the phase is a period of
# the study or of a cycle ("Luteal Phase Two ...", "Induction Phase One ...").
_SPELT_INITIALS = "zotfZOTF"
_STUDY_WORD_AFTER = re.compile(r"\s*,?\s*(?:[\w-]+,?\s+){0,3}?(?:stud(?:y|ies)|trials?|rcts?)\b", re.I)
_SPELT_COUNTS = re.compile(r"(?:\s*-\s*|\s+)(?:weeks?|days?|months?|years?|hours?|minutes?|arms?|ways?|doses?|parts?"
                           r"|periods?|stages?|steps?|levels?|cohorts?|groups?|sessions?|visits?)\b", re.I)
_PERIOD_BEFORE = re.compile(r"\b(?:luteal|follicular|ovulatory|menstrual|acute|chronic|subacute|maintenance|induction"
                            r"|consolidation|treatment|extension|titration|washout|recovery|run-in|dosing"
                            r"|intervention|blast|accelerated|rest|next|final|last|this|each)\s*\Z", re.I)
# A Roman numeral before the word, as some sponsors write it ("A Randomized, II Phase Clinical Trial", "III Phase
# Study"), read only where a study word follows: an Arabic number or a word before it counts the study's periods ("a
# two-phase study", "Three Phase Design"), and a numeral that numbers something else ("Stage II", "Type II") is
# no phase's.
_NUMERAL_FIRST = re.compile(
    rf"(?<![\w/.-])(?P<early>(?!))?(?P<phases>{_ROMAN}[abc]?(?:\s*/\s*{_ROMAN}[abc]?)?)\s*-?\s*{_PHASE_NOUN}"
    rf"(?![a-z]|\s*[-:]?\s*{_NUMERAL}(?![a-z]))(?={_STUDY_WORD_AFTER.pattern})", re.I)
# A Roman numeral's last letter (lower case), a subphase's, and blanks or a hyphen just before the phase's word:
# the titles that may write a phase so.
ROMAN_END_CHARS = 4
_ROMAN_ENDS = re.compile(r"[iv\u2170-\u2173][abc]?[\s-]*\Z")
_NUMBERED_BEFORE = re.compile(r"\b(?:stages?|types?|class(?:es)?|grades?|parts?|periods?|cycles?|steps?|levels?|tiers?"
                              r"|categor(?:y|ies)|arms?|groups?|cohorts?|sections?|modules?|nyha|gold|figo|ajcc|tnm"
                              r"|who|tanner|ckd|war|sbir|sttr|stud(?:y|ies)|trials?|protocols?)\s*[-,:]?\s*\Z",
                              re.I)
# What joins the ends of a range of phases: "Phase I-III", "Phase 1 through 3".
_RANGE = re.compile(rf"\s*(?:-|\u2013|\u2014|\bto\b|\bthrough\b)\s*(?:{_PHASE_NOUN}\s*-?\s*)?", re.I)
_ONE_DESIGNATOR = re.compile(rf"(?<![a-z]){_NUMERAL}(?P<sub>[abc])?(?![a-z0-9])|(?:(?<=/)\s*|(?<=-))(?P<lone>[abc])"
                             r"(?![a-z0-9])", re.I)

# Around the phase, words that make it no trial's phase: a rehabilitation programme's, a treatment's ("Phase I
# periodontal therapy", "phase II of complete decongestive therapy", "Phase I orthodontic treatment"), drug
# metabolism's ("phase II enzymes"), insulin secretion's ("Phase 1 Insulin Secretion", the first-phase response to
# glucose), a small business research grant's ("SBIR Phase II"), a stage of something ("Phase 2 of the ... Project"),
# a likeness ("A Phase III-like Pragmatic Trial": no phase 3 trial).
_NO_TRIAL_PHASE_AFTER = re.compile(
    r"\s*-?\s*(?:(?:(?!stud|trial)[\w-]+\s+){0,2}(?:rehab\w*|periodont\w*|orthodont\w*|decongestive"
    r"|enzymes?|metaboli\w*|conjugat\w*|detoxif\w*|biotransform\w*|reactions?\b|insulin\s+(?:secret\w*|release"
    r"|respons\w*))|(?:of|sbir|sttr|grants?|awards?|like|style)\b)",
    re.I)
_NO_TRIAL_PHASE_BEFORE = re.compile(r"(?:rehab\w*|labou?r|cycle|sbir|sttr|recommended)\s*[-,:]?\s*\Z", re.I)
# The dose a study chooses for a later phase ("to Determine the Phase 2 Dose", "Recommended Phase 2 Dose"): the
# later study's phase, not this one's.
_DOSE_AFTER = re.compile(r"\s*doses?\b", re.I)
_DOSE_CHOSEN_BEFORE = re.compile(r"\b(?:determin\w*|identif\w*|establish\w*|select\w*|defin\w*|find\w*|choos\w*"
                                 r"|optimal|recommended)\s+(?:the\s+|an?\s+)?(?:optimal\s+)?\Z", re.I)
# Where the words about a phase begin: a title's clauses part at a colon, a semicolon, a full stop or a dash.
_CLAUSE_BREAK = re.compile(r"[:;|]|\.\s|\s[-\u2013\u2014]\s")
# Before the phase, words that make it another study's: "from", "completed", "participated in", "previous".
_FILLER = r"(?:[\w/.()-]+,?\s+){0,3}"
_ANOTHER_STUDY_BEFORE = re.compile(
    rf"\b(?:from|after|following|complet\w*|finish\w*|participat(?:ed|ing|ion)|enrol\w*|previous\w*|prior|parent"
    rf"|preceding|earlier|feeder|originating|antecedent|qualifying|rolled|roll-?over)\s+{_FILLER}\Z", re.I)
# "of the Phase 3 study", "in their phase 2 trial": a named study other than this one.
_NAMED_STUDY_BEFORE = re.compile(
    r"\b(?:of|in|into|within|to|for)\s+(?:the|these|those|their|its|that|each|both|ongoing|core)\s+"
    r"(?:[\w/.-]+,?\s+){0,2}\Z", re.I)
# In an extension's or a rollover's title, a phase after "of", "to", "for" is the parent study's, as is one that names
# the members of a trial ("Phase II Trial Participants").
_EXTENSION = re.compile(r"\b(?:extension|extended(?![\s-]*release)|roll-?over|continuation|continued\s+access"
                        r"|follow-?up)\b", re.I)
_PREPOSITION_BEFORE = re.compile(rf"\b(?:of|in|into|to|for)\s+{_FILLER}\Z", re.I)
_MEMBERS_AFTER = re.compile(r"\s*(?:stud(?:y|ies)|trials?)\s+(?:participants?|patients|subjects|volunteers"
                            r"|enrollees)\b", re.I)
# A numbered study of a project's stage, as legacy NIDA records title them ("Alternate-Day Buprenorphine
# Administration. Phase II - 4", beside the official title "... Administration. Phase II"): a record with such a title
# names its series' stage in every title, not a trial phase.
_SERIES_STAGE = re.compile(rf"(?<![a-z])phase\s*{_NUMERAL}\s+-\s+\d+\s*$", re.I)
# The words that make a phase a study's ("Phase III ... Study", "Phase 2 Trial"), and what may close a title after
# its phase ("(Phase 2).").
_STUDY_WORD = re.compile(r"\b(?:stud(?:y|ies)|trials?|rcts?|ct|investigations?|evaluations?|protocols?|experiments?"
                         r"|research|extension|sub-?study|comparison|assessment|concept|surveillance)\b", re.I)
# A study word of a Spanish, Portuguese, French or Italian title, which comes before the phase it has ("Estudio Fase
# II de ...", "Étude de phase III", "Ensayo clínico fase 3", "Studio di fase II"), up to three words before it; not
# a study the title's study belongs to or follows ("Estudio de extensión del ensayo fase III": "del", "do", "du"
# before the word make the phase that study's).
_ROMANCE_STUDY_BEFORE = re.compile(
    r"(?<!\bdel\s)(?<!\bdo\s)(?<!\bda\s)(?<!\bdu\s)(?<!\bla\s)(?<!\bdes\s)(?<!\bdello\s)(?<!\bdella\s)"
    r"(?<!\bdell')\b(?:estudios?|estudos?|ensayos?|ensaios?|[e\u00e9]tudes?|essais?|studio|sperimentazione)"
    r"(?:\s+[^\W\d][\w'-]*){0,3}?\s*[-:,]?\s*\Z", re.I)
_CLOSING = " \t.,;:)]"
_ARTICLE = re.compile(r"\s*(?:(?:an?|the)\s+)?", re.I)
# After the phase, words that make it the phase of other studies ("Phase 1 and 2 Studies"); not after a study word,
# which makes it this study's ("Phase 3 Trial of Program to Assess ...", "Phase II Study Comparing Programs").
_OTHER_STUDIES_AFTER = re.compile(r"\s*(?:(?!stud|trial)[\w-]+\s+){0,2}?(?:studies|trials|programmes?|programs?"
                                  r"|protocols)\b", re.I)
# After the phase, words that make it a part's: "Phase 2 portion", "Phase 1 dose escalation", "phase 2 expansion"
# (not "Phase I Study With Expansion", the whole study's phase); before it, a study's move into a later part
# ("Phase I Study With Expansion Into Phase II").
_PART_AFTER = re.compile(r"\s*(?:(?!stud|trial)[\w-]+\s+){0,2}?(?:portions?|parts?|stages?|segments?|cohorts?"
                         r"|components?|run-?in|lead-?in|escalation|expansion|sub-?stud(?:y|ies)|substud(?:y|ies))\b",
                         re.I)
_PART_BEFORE = re.compile(r"\binto\s+\Z", re.I)
# The words before a phase that name the part it belongs to, or the whole study it is a part of, lie within so many
# characters of it: only those are searched.
LABELLED_PART_CHARS = 32
PART_OF_CHARS = 90
# Before the phase, a labelled part that the phase belongs to: "Part B (Phase 2)", "Sub-study 1 (Phase 1b)", "Part A:
# Phase 1b".
_LABELLED_PART_BEFORE = re.compile(r"\b(?:parts?|portions?|stages?|cohorts?|arms?|modules?|sub-?stud(?:y|ies))"
                                   r"\s*(?:[a-z]|\d{1,2}|[ivx]{1,4})\s*[(:,-]\s*\Z", re.I)
# After the phase, the label of the part it belongs to: "Phase 2 (Part A) Followed by Randomized Phase 3 (Part B)",
# "Phase 1 - Stage 1". Not "Phase 2 Part of a Phase 1/2 Study", a part named as such.
_LABELLED_PART_AFTER = re.compile(r"\s*[(\[:\u2013-]?\s*(?:parts?|portions?|stages?|cohorts?|arms?|modules?"
                                  r"|sub-?stud(?:y|ies))\s*(?:[a-z]|\d{1,2}|[ivx]{1,4})\b(?!\s+of\b)", re.I)
# Before a phase that names a part ("Phase 2 Expansion"), words that make it a later part of the study the title
# has named a phase of: "A Phase 1 Study Followed by Phase 2 Expansion Cohorts", "Phase 1 Dose Escalation Then Phase 2
# Expansion".
_LATER_PART_BEFORE = re.compile(r"\b(?:followed\s+by|then|and|with|plus)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?\Z",
                                re.I)
# Between a phase read as another study's and the next, words that join the two as one study's phases: "Participants
# From a Phase 2 (Part A) and Phase 3 (Part B) Study", "Rollover From Phase 1 or Phase 2 Trials".
_JOINED_TO_ANOTHER = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?,?\s*(?:and|or|&|plus|then|followed\s+by)\s+"
                                r"(?:an?\s+|the\s+)?(?:[\w-]+\s+)?", re.I)
# Before the phase, a part of a study named as such: the phase is the whole study's, of which this record may be the
# part ("Phase 2 Part of a Phase 1/2 Study", "Phase 1 Lead-in to a Phase 2 Trial", "A Sub-study of a Phase 3 Trial",
# "Stage 2 (Phase 3) of a Seamless Phase 2/3 Trial").
_PART_OF_BEFORE = re.compile(
    r"\b(?:portions?|parts?|stages?|segments?|cohorts?|components?|modules?|run-?in|lead-?in|sub-?stud(?:y|ies)"
    r"|substud(?:y|ies))(?:\s*(?:[a-z]|\d{1,2}|[ivx]{1,4})\b)?(?:\s*\([^()]{1,40}\))?"
    r"\s+(?:of|to|for|within|in)\s+(?:an?\s+|the\s+)?(?:[\w/.-]+,?\s+){0,2}\Z", re.I)
# After the phase, a study named and then a study that follows it or lies within it ("A Phase 3 Trial Long-term
# Follow-up Study", "Phase III Study Extension", "Phase 3 Trial Substudy"): the phase is the other study's.
_FOLLOWED_STUDY_AFTER = re.compile(
    r"\s*(?:stud(?:y|ies)|trials?)\s+(?:(?!with\b|and\b|plus\b|including\b)[\w-]+\s+){0,2}?(?:extension"
    r"|follow-?up|roll-?over|continuation|sub-?stud(?:y|ies)|substud(?:y|ies)|ancillary)\b", re.I)

# After the phase, the results or data of a study of that phase ("Phase 2 Results-Based Follow-up", "Phase III Data
# Long-Term Follow-up", "Phase 3 Trial Findings"; not "Phase 3 Data-Driven Dosing Trial"), or trials of that phase as
# what the study is about ("Decision Making About Phase I Trial Enrollment", "Phase 1 Clinical Trial Participation
# Among Older Adults"; not "A Phase 2 Study Enrolling Adults"): another study's phase.
_RESULTS_AFTER = re.compile(r"\s*(?:(?:stud(?:y|ies)|trials?)\s+)?(?:results?|data(?![\s-]*driven)|findings)\b",
                            re.I)
_TRIAL_AS_SUBJECT_AFTER = re.compile(
    r"\s*(?:(?:clinical|cancer|oncology|drug|research)\s+)?(?:stud(?:y|ies)|trials?)\s+(?:enrol?l?ments?"
    r"|participation|accrual|referrals?|recruitment|eligibility|consent|decisions?|decision-making)\b", re.I)


class Mention(NamedTuple):
    """A phase a title names: its phases (0 for Early Phase 1), subphases as (phase, letter), where it stands,
    whether it is a part's (a dose escalation, a portion), and whether it is the phase of a whole study that the
    title names a part of ("Phase 2 Part of a Phase 1/2 Study": the record may be that part)."""

    phases: frozenset[int]
    subphases: frozenset[tuple[int, str]]
    start: int
    end: int
    part: bool
    parent: bool = False


def _read_phases(m: re.Match) -> tuple[frozenset[int], frozenset[tuple[int, str]]]:
    """The phases and subphases a mention writes: "Phase Ib/II" gives {1, 2} and {(1, 'b')}; "Early Phase 1" {0};
    a range "Phase I-III" or "Phase 1 through 3" the phases between too."""
    phases: list[int] = []
    subphases: set[tuple[int, str]] = set()
    written = m.group("phases")
    last_end = 0
    for d in _ONE_DESIGNATOR.finditer(written):
        before_end, last_end = last_end, d.end()
        if d.group("lone"):  # "Phase IIa/b", "Phase II-b": the letter is the last phase's
            if phases:
                subphases.add((phases[-1], d.group("lone").lower()))
            continue
        numeral = _NUMERALS[d.group(0)[:len(d.group(0)) - (1 if d.group("sub") else 0)].lower()]
        if phases and numeral > phases[-1] + 1 and _RANGE.fullmatch(written, before_end, d.start()):
            phases.extend(range(phases[-1] + 1, numeral))
        phases.append(numeral)
        if d.group("sub"):
            subphases.add((phases[-1], d.group("sub").lower()))
    if m.group("early") and phases == [1]:
        return frozenset({0}), frozenset()
    return frozenset(phases), frozenset(subphases)


def _clause_before(title: str, start: int) -> str:
    """The words of the title's clause before `start` (from the last colon, semicolon, full stop or dash)."""
    before = title[:start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    return before[breaks[-1].end():] if breaks else before


def _of_another_study(title: str, m: re.Match, clause: str, extension: bool) -> bool:
    """Whether the words about the phase (`clause`: its clause's words before it) make it another study's: "from a
    Phase 2 study", "of the Phase 3 trial", "Phase 1 and 2 studies", "A Phase 3 Trial Long-term Follow-up Study",
    "Phase 2 Results-Based Follow-up", "Phase I Trial Enrollment", or in an extension's title "Extension Study for
    Phase I/II Study X"."""
    return bool(_ANOTHER_STUDY_BEFORE.search(clause) or _NAMED_STUDY_BEFORE.search(clause)
                or extension and (_PREPOSITION_BEFORE.search(clause) or _MEMBERS_AFTER.match(title, m.end()))
                or _OTHER_STUDIES_AFTER.match(title, m.end())
                or _FOLLOWED_STUDY_AFTER.match(title, m.end())
                or _RESULTS_AFTER.match(title, m.end()) or _TRIAL_AS_SUBJECT_AFTER.match(title, m.end()))


def _of_a_study(title: str, m: re.Match) -> bool:
    """Whether the phase is a study's as the title writes it: a study word in the words after it ("Phase III,
    Randomized, Double-blind Study", "Phase 2 Trial"), in the next clause where the phase ends its own ("Phase 2: A
    Randomized Trial"), or the phase opens or ends the title ("Phase I FOLFOX Combination", "..., PHASE III"). A
    phase that names a stage of a project ("Development (Phase 1) and Pilot Testing of an App") is none."""
    rest = title[m.end():]
    if not rest.strip(_CLOSING) or _ROMANCE_STUDY_BEFORE.search(_clause_before(title, m.start())):
        return True
    brk = _CLAUSE_BREAK.search(title, m.end())
    end = brk.start() if brk else len(title)
    if _STUDY_WORD.search(title, m.end(), end):
        return True
    if brk is None or title[m.end():end].strip(_CLOSING):
        return _ARTICLE.fullmatch(title, 0, m.start()) is not None
    following = _CLAUSE_BREAK.search(title, brk.end())
    return _STUDY_WORD.search(title, brk.end(), following.start() if following else len(title)) is not None


def _labelled_parts(title: str, found: list[re.Match]) -> list[bool]:
    """For each phase found in the title, whether a labelled part names it ("Part B (Phase 2)", "Stage 1: Phase 1")."""
    return [_LABELLED_PART_BEFORE.search(title, max(0, m.start() - LABELLED_PART_CHARS), m.start()) is not None
            or _LABELLED_PART_AFTER.match(title, m.end()) is not None for m in found]


def names_a_phase(title: str) -> bool:
    """Whether the title holds a word for a phase ("phase", "fase") or its abbreviation before a number ("Ph 2"): only
    such titles are read."""
    lowered = title.lower()
    if any(word in lowered for word in PHASE_WORDS):
        return True
    return "ph" in lowered and _ABBREVIATED_AT.search(title) is not None


# Where a title may abbreviate the word before a phase's number ("Ph 2", "Ph. II", "Ph1b").
_ABBREVIATED_AT = re.compile(_PHASE_ABBREVIATED)


def _phases_written(title: str) -> list[re.Match]:
    """The phases the title writes, in order: "Phase III", "Fase II", and a Roman numeral before the word before a
    study word ("II Phase Clinical Trial"), but not one that numbers a stage or a type ("Stage II Phase ...")."""
    found = list(_MENTION.finditer(title))
    numeral_first = [m for m in _numerals_before_the_word(title) if not _NUMBERED_BEFORE.search(title, 0, m.start())]
    if not numeral_first:
        return found
    return sorted(found + numeral_first, key=lambda m: m.start())


def _numerals_before_the_word(title: str) -> list[re.Match]:
    """The phases written with a Roman numeral before the word ("II Phase Clinical Trial"): only a title with such a
    numeral before "phase" or "fase" is searched for them (most titles write "Phase II")."""
    lowered = title.lower()
    for word in PHASE_WORDS:
        at = lowered.find(word)
        while at > 0:
            if _ROMAN_ENDS.search(lowered, max(0, at - ROMAN_END_CHARS), at):
                return list(_NUMERAL_FIRST.finditer(title))
            at = lowered.find(word, at + len(word))
    return []


def _spelt_phase_of_a_study(title: str, m: re.Match) -> bool:
    """Whether a phase spelt out ("Phase Three") is a trial's: a study word follows it at once, its number counts
    nothing ("Phase Two-Year ...") and no period of a study or a cycle owns it ("Luteal Phase Two ...")."""
    return (_STUDY_WORD_AFTER.match(title, m.end()) is not None and not _SPELT_COUNTS.match(title, m.end())
            and not _PERIOD_BEFORE.search(title, 0, m.start()))


def title_mentions(title: str, follows_another: bool = False) -> list[Mention]:
    """The phases the title names of this study or its parts, in order; those of other studies, of a project's stage
    and those no trial's are left out. Where the study `follows_another` (an observational study of a trial's
    participants or samples), a phase after "of", "in", "to" or "for" is the other study's, as in an extension's.
    A title that lists two or more labelled parts with their phases ("Part A (Phase 1b) and Part B (Phase 2)", "Phase 2
    (Part A) Followed by Phase 3 (Part B)") names the study's parts, so each is read, study word or not, as is a later
    part joined to a phase read before ("... Followed by Phase 2 Expansion"); a phase joined to another study's ("From
    a Phase 2 and Phase 3 Study") is that study's too."""
    mentions = []
    extension = True if follows_another else None
    another_end = None  # where the last phase read as another study's ends
    found = _phases_written(title)
    labelled = _labelled_parts(title, found)
    listed_parts = sum(labelled) >= 2
    for m, in_part in zip(found, labelled):
        if _NO_TRIAL_PHASE_AFTER.match(title, m.end()) or _NO_TRIAL_PHASE_BEFORE.search(title, 0, m.start()):
            continue
        if _DOSE_AFTER.match(title, m.end()) and _DOSE_CHOSEN_BEFORE.search(title, 0, m.start()):
            continue
        if m.group("phases")[0] in _SPELT_INITIALS and not _spelt_phase_of_a_study(title, m):
            continue
        if extension is None:
            extension = _EXTENSION.search(title) is not None
        clause = _clause_before(title, m.start())
        parent = _PART_OF_BEFORE.search(clause, max(0, len(clause) - PART_OF_CHARS)) is not None
        part = (in_part or _PART_AFTER.match(title, m.end()) is not None
                or _PART_BEFORE.search(title, 0, m.start()) is not None)
        if not parent and (_of_another_study(title, m, clause, extension) or another_end is not None
                           and _JOINED_TO_ANOTHER.fullmatch(title, another_end, m.start())):
            another_end = m.end()
            continue
        if not (in_part and listed_parts or _of_a_study(title, m)
                or part and mentions and _LATER_PART_BEFORE.search(clause)):
            continue
        phases, subphases = _read_phases(m)
        mentions.append(Mention(phases, subphases, m.start(), m.end(), part, parent))
    return mentions


def registry_phases(value: str | None) -> frozenset[int] | None:
    """The phases a record's value gives ('PHASE1/PHASE2': {1, 2}; 'NA': none), or None when it gives no phase or
    one this rule does not know."""
    if value is None or not value.strip():
        return None
    if value == NO_PHASE:
        return frozenset()
    parts = value.split("/")
    if any(p not in REGISTRY_PHASES for p in parts):
        return None
    return frozenset(REGISTRY_PHASES[p] for p in parts)


def _as_phase_one(phases: frozenset[int]) -> frozenset[int]:
    """The phases with Early Phase 1 read as Phase 1."""
    return frozenset(1 if p == 0 else p for p in phases)


def disagreement(stated: frozenset[int], subphases: frozenset[tuple[int, str]],
                 given: frozenset[int]) -> str | None:
    """How far the title's phases (`stated`, with their `subphases`) disagree with the record's (`given`): WARNING,
    INFO, or None where they agree or the registry cannot say better."""
    if stated == given:
        return None
    if not given:
        return WARNING  # a phase in the title, N/A in the record
    stated_one, given_one = _as_phase_one(stated), _as_phase_one(given)
    if stated_one == given_one:
        return INFO  # Phase 1 and Early Phase 1 (the former Phase 0)
    if len(stated) > 1 and stated_one not in COMBINATIONS:
        return None if stated_one & given_one else WARNING  # "Phase Ib/III": the registry cannot give it
    if len(stated_one) == 1 and stated_one < given_one:
        (phase,) = stated_one
        if any(BRIDGING.get((phase, letter)) == given_one for p, letter in subphases if p == phase):
            return None
        return INFO  # "Phase II" with Phase 2/Phase 3
    return WARNING


def _stated(mentions: list[Mention]) -> list[Mention]:
    """The mentions that state the study's phase: those of the whole study, or else those of its parts (not the
    phase of a whole study the title names a part of)."""
    own = [m for m in mentions if not m.parent]
    whole = [m for m in own if not m.part]
    return whole or own


def _phases_of(mentions: list[Mention]) -> tuple[frozenset[int], frozenset[tuple[int, str]]]:
    """The phases and subphases the mentions name together."""
    return (frozenset().union(*(m.phases for m in mentions)),
            frozenset().union(*(m.subphases for m in mentions)))


# How far apart each severity puts a title and a record: the least of several readings is kept.
_SEVERITY_ORDER = {None: 0, INFO: 1, WARNING: 2}


def _least_disagreement(stated: list[Mention], parents: list[Mention], given: frozenset[int]) -> str | None:
    """How far the title disagrees with the record's phases `given` where it names a part's phase (`stated`) and the
    phase of the whole study it is a part of (`parents`): the record may give the part's phase, the whole's or both
    ("Phase 2 Part of a Phase 1/2 Study" agrees with 'PHASE2' and 'PHASE1/PHASE2'), so the closest reading counts."""
    if not parents:
        return disagreement(*_phases_of(stated), given)
    readings = [stated, parents, stated + parents]
    return min((disagreement(*_phases_of(reading), given) for reading in readings), key=_SEVERITY_ORDER.__getitem__)


def phase_said(value: str) -> str:
    """A record's phase as a person reads it: 'PHASE2/PHASE3' is "Phase 2/Phase 3"."""
    return "/".join(PHASE_SAID.get(p, p) for p in value.split("/"))


class TitlePhase(NamedTuple):
    """The phase a title states of this study against the record's: the severity of their disagreement (None where
    they agree or the registry cannot say better), the title's phrases, the span they cover and, for a warning, the
    phases they name together."""

    severity: str | None
    phrases: tuple[str, ...]
    start: int
    end: int
    phases: frozenset[int] = frozenset()


def title_phase(title: str, given: frozenset[int]) -> TitlePhase | None:
    """The phases the title states of this study against the record's phases `given` (`registry_phases`), or None
    where the title states none."""
    if not names_a_phase(title):
        return None
    mentions = title_mentions(title)
    stated = _stated(mentions)
    if not stated:
        return None
    severity = _least_disagreement(stated, [m for m in mentions if m.parent], given)
    if severity == INFO and disagreement(*_phases_of([m for m in mentions if not m.parent]), given) is None:
        severity = None  # "A Phase 1 Study Followed by Phase 2 Expansion": its parts name the record's other phase
    phrases = tuple(dict.fromkeys(" ".join(title[m.start:m.end].split()) for m in stated))
    phases = _phases_of(stated)[0] if severity == WARNING else frozenset()
    return TitlePhase(severity, phrases, stated[0].start, stated[-1].end, phases)


def _combination_given_in_part(stated: frozenset[int], given: frozenset[int]) -> str | None:
    """The registry's combined value ("Phase 1/Phase 2") where the title names a combination the registry gives
    ("Phase 1b/2", "Phase II/III") and the record gives one of its two phases alone ('PHASE2'); else None."""
    stated_one = _as_phase_one(stated)
    if stated_one not in COMBINATIONS or len(given) != 1 or not given < stated_one:
        return None
    return "/".join(f"Phase {p}" for p in sorted(stated_one))


def gives_a_drug(name: str, as_treatment: bool = True) -> bool:
    """Whether a radiotherapy's or procedure's name says it gives a drug: a radioactive one, a product given, a drug a
    light or a beam activates, cells, or (`as_treatment`) drugs as the treatment itself."""
    given = (_RADIOACTIVE_DRUG, _GIVES_A_PRODUCT, _ACTIVATED_DRUG, _CELLS_GIVEN)
    return any(p.search(name) for p in given) or as_treatment and _DRUG_TREATMENT.search(name) is not None


def tested_without_phases(interventions: list[tuple]) -> str | None:
    """What a person calls the interventions (type, name) of a trial that tests no drug, which the registry asks to
    give N/A: its examples, "devices or behavioural interventions", or the kinds tested ("radiotherapy", "devices
    and procedures"); None where none is listed, one may be a drug, or a radiotherapy or procedure gives one."""
    kinds = {kind for kind, _name in interventions}
    if not kinds or not kinds <= WITHOUT_PHASES | NO_DRUG.keys():
        return None
    if any(kind in NO_DRUG and gives_a_drug(name or "") for kind, name in interventions):
        return None
    if kinds <= WITHOUT_PHASES:
        return REGISTRY_EXAMPLES
    return " and ".join(said for kind, said in KIND_SAID.items() if kind in kinds)


# The intervention types that name no drug: the kinds tested without phases, and other interventions, diagnostic tests
# (a diet, usual care, a questionnaire). Not enough alone to call N/A right (an "Other" may be a product with phases),
# but a record listing only these names no drug that a title's phase could be.
NAMES_NO_DRUG = WITHOUT_PHASES | NO_DRUG.keys() | {"OTHER", "DIAGNOSTIC_TEST"}


def lists_no_drug(interventions: list[tuple]) -> bool:
    """Whether a record lists interventions (type, name) and none is a drug: each of a type in NAMES_NO_DRUG, and
    no radiotherapy or procedure named for a drug it gives."""
    return bool(interventions) and all(kind in NAMES_NO_DRUG for kind, _name in interventions) and not any(
        kind in NO_DRUG and gives_a_drug(name or "") for kind, name in interventions)


# After a phase, the "of" that makes it a stage of something ("Phase II of the MOMENTUM Program").
_STAGE_OF_AFTER = re.compile(r"\s*-?\s*of\b", re.I)
# A project's name in capitals and its stage in a parenthesis, as a title gives its short name ("... Following Time
# Restricted Eating - Phase 2 (FAR Phase 2)", "(TREAT Phase II)"): the project's stage, where no drug is listed.
_ACRONYM_BEFORE = re.compile(r"\(\s*(?!RCT\b)[A-Z][A-Z0-9&-]*[A-Z0-9]\s*\Z")
_PARENTHESIS_CLOSES = re.compile(r"\s*\)")
# The same name given in its own parenthesis right before the stage, as a short title gives it ("The Fuel and Rhythm
# (FAR) Phase 2 Study", where the official title says "(FAR Phase 2)"): a page may show only that title.
_NAMED_BEFORE = re.compile(r"\(\s*(?!RCT\b)[A-Z][A-Z0-9&-]*[A-Z0-9]\s*\)\s*\Z")
# How far before its phase a project's name in a parenthesis may begin.
ACRONYM_CHARS = 24


def _stages_named(titles: list[tuple[str, str]], drug_listed: bool = True) -> frozenset[int]:
    """The phases a record's titles name as a stage of something ("Phase II of the MOMENTUM Program"), and, where it
    lists no drug, as a project's stage after its name in a parenthesis ("(FAR Phase 2)", "(FAR) Phase 2 Study")."""
    return frozenset().union(*(_read_phases(m)[0] for _field, text in titles for m in _phases_written(text)
                               if _STAGE_OF_AFTER.match(text, m.end()) or not drug_listed and _in_a_name(text, m)))


def _in_a_name(title: str, m: re.Match) -> bool:
    """Whether the phase closes a parenthesis that opens with a name in capitals ("(FAR Phase 2)"), or follows such a
    name in a parenthesis of its own ("(FAR) Phase 2 Study")."""
    begin = max(0, m.start() - ACRONYM_CHARS)
    return (_PARENTHESIS_CLOSES.match(title, m.end()) is not None
            and _ACRONYM_BEFORE.search(title, begin, m.start()) is not None
            or _NAMED_BEFORE.search(title, begin, m.start()) is not None)


# A phase alone after a dash that ends the title, but for a parenthesis or a full stop ("Fuel Utilization After Time
# Restricted Eating - Phase 2", "... – Phase II."): the way a project's stage is appended to a study's name.
_DASH_BEFORE = re.compile(r"\s[-\u2013\u2014]\s*\Z")
_ENDS_TITLE = re.compile(r"\s*(?:\([^()]*\))?[\s.]*\Z")


def _appended_stage(title: str, found: TitlePhase) -> bool:
    """Whether the phases a title states stand alone after a dash at its end ("... - Phase 2")."""
    return (_DASH_BEFORE.search(title, 0, found.start) is not None
            and _ENDS_TITLE.match(title, found.end) is not None)


def _names_a_stage(title: str, stages: frozenset[int]) -> bool:
    """Whether the phases a title states are stages the record's other title names as such: "MOMENTUM Phase II: A
    Stepped-wedge Trial" beside "Phase II of the MOMENTUM Program" names the project's stage, not a trial phase (read
    so only where the record gives no phase: a title that names a trial phase beside a record's phase is one)."""
    return bool(stages) and _phases_of(_stated(title_mentions(title)))[0] <= stages


def study_phase_findings(nct_id: str, titles: list[tuple[str, str]], phase: str | None,
                         without_phases: bool | str | None = False, drug_listed: bool = True,
                         types_shown: bool = True) -> Iterator[Finding]:
    """A finding when a title (`titles`: (field, text), official first) states this study's phase as other than
    the record's `phase`: a warning where a title plainly differs; info where a title only names one of the record's
    two phases or Phase 1 against Early Phase 1, and no other title states the phase the record gives. A record with
    a title that numbers a study of a project's stage ("... Phase II - 4") names no trial phase, nor does one that
    names a stage another title names as such ("Phase II of the ... Program") where the record gives N/A. Where the
    study is `without_phases` (it tests no drug: True, or what `tested_without_phases` calls its interventions; the
    registry asks N/A of such a trial), N/A against a title's phase is right by the registry's definition, so only
    info. Where the record gives N/A and lists no drug (not `drug_listed`: `lists_no_drug`), a phase a title names
    with the project's name in a parenthesis ("(FAR Phase 2)") is that project's stage, in every title, and a phase
    alone after a dash that ends a title ("... - Phase 2") is info: a project's stage is so appended. Where the source
    does not show the interventions' types (not `types_shown`: a page whose layout or shape shows none), N/A against
    a title's phase is info too: whether the trial tests no drug, as the registry asks N/A of, is not shown."""
    given = registry_phases(phase)
    if given is None or any(_SERIES_STAGE.search(text) for _field, text in titles):
        return
    stages = _stages_named(titles, drug_listed) if phase == NO_PHASE else frozenset()
    judged = [(field, text, found) for field, text in titles
              if (found := title_phase(text, given)) is not None and not _names_a_stage(text, stages)]
    differs = [j for j in judged if j[2].severity == WARNING]
    if not differs and all(j[2].severity is not None for j in judged):
        differs = judged  # only near misses, and no title that agrees
    if not differs:
        return
    field, text, found = differs[0]
    label = FIELD_LABELS.get(field, field)
    named = " and ".join(f"'{p}'" for p in found.phrases)
    message = f"The {label} names this study's phase as {named}, while the record gives {phase_said(phase)}."
    combined = _combination_given_in_part(found.phases, given)
    if combined:
        message = message[:-1] + f"; the registry gives a trial of both phases as {combined}."
    severity = found.severity
    if phase == NO_PHASE and without_phases:
        said = REGISTRY_EXAMPLES if without_phases is True else without_phases
        asked = (f"of a trial of {said} only" if said == REGISTRY_EXAMPLES
                 else f"of a trial that tests no drug, here {said} only")
        message = message[:-1] + f", as the registry asks {asked}."
        severity = INFO
    elif phase == NO_PHASE and not types_shown and severity == WARNING:
        message = message[:-1] + ("; the page shows no intervention types, so whether the trial tests no drug, as the "
                                  "registry asks N/A of, is not shown.")
        severity = INFO
    elif phase == NO_PHASE and not drug_listed and _appended_stage(text, found):
        message = message[:-1] + ("; the title names it alone after a dash at its end, as a project's stage is named, "
                                  "and the record lists no drug.")
        severity = INFO
    evidence = f"{field}: '{excerpt(text, found.start, found.end)}'; studies.phase='{phase}'"
    yield Finding(nct_id, message, evidence, (field, "studies.phase"), severity)


def _naming_a_phase(texts: dict[str, list]) -> dict[str, list]:
    """The studies of `texts` (StudyText by study) whose titles name a phase (`names_a_phase`): a title that holds
    "ph" in another word ("Pharmacokinetics", "Lymphoma") is not read, nor are its study's phase and interventions."""
    return {nct_id: found for nct_id, found in texts.items() if any(names_a_phase(t.text) for t in found)}


def title_phase_differs(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """An interventional study whose title names its phase as other than the phase the record gives."""
    # Only interventional studies are judged (most studies): the scope narrowed to them shares the reads.
    judged = CheckScope(scope.as_of, scope.nct_ids & studies_with(con, scope, "studies", "study_type", JUDGED_TYPES),
                        scope.cache)
    texts = _naming_a_phase(texts_mentioning(con, judged, TITLE_FIELDS, TITLE_WORDS))
    # Only the phases and interventions (type, name) of the studies whose titles name one become Python values.
    named = CheckScope(scope.as_of, frozenset(texts), scope.cache)
    phases = rows_by_study(con, named, "studies", ("phase", "source_layout"))
    kinds = rows_by_study(con, named, "interventions", ("intervention_type", "name"))
    for nct_id in sorted(texts):
        rows = phases.get(nct_id)
        if not rows or len(rows) != 1:
            continue
        titles = [(t.field, t.text) for t in texts[nct_id]]
        tested = kinds.get(nct_id, [])
        yield from study_phase_findings(nct_id, titles, rows[0][0], tested_without_phases(tested),
                                        not lists_no_drug(tested), shows_types(rows[0][1], tested))


def shows_types(layout: str | None, interventions: list[tuple]) -> bool:
    """Whether the study's source shows its interventions' types (type, name): a registry record does, a page only
    where its layout shows them (a trial-summary page shows no interventions) and the page read them (meddatax's
    compact page lists interventions by name alone, their types NULL)."""
    if layout is None or layout in REGISTRY_LAYOUTS or layout not in LAYOUT_IDS:
        return True
    return entry_for(layout).shows(TYPE_FIELD) and not any(kind is None for kind, _name in interventions)


# A title that itself names an observational design ("Retrospective Chart Review"), or research whose phases are not a
# trial's (biomarker, diagnostic and assay research number their own phases: "a Phase 2 biomarker validation study",
# "Phase 2 Clinical Validation of a Blood Test for Early Detection", "Sample Collection Study for Assay Development").
_OBSERVATIONAL_TITLE = re.compile(
    r"\b(?:observational|non-?interventional|biomarkers?|diagnostic|accuracy|cohort|registry|survey|case-?control"
    r"|cross-?sectional|epidemiolog\w*|natural\s+history|screening|surveillance|real[\s-]world|retrospective"
    r"|chart\s+review|validation|detection|assays?|specimens?|sample\s+collection)\b", re.I)


def observational_phase_findings(nct_id: str, titles: list[tuple[str, str]]) -> Iterator[Finding]:
    """A finding when a title of a study registered as observational names this study's phase as a trial's, Early
    Phase 1 to Phase 3 ("A Phase I Dose-Finding Study"): the registry gives phases to interventional studies only,
    so the study type or the title is wrong. A Phase 4 in the title stays quiet: post-marketing studies that assign
    no intervention are registered as observational and often named so ("Phase IV Observational Study"). Nor does
    a title that itself names an observational design or biomarker, diagnostic or assay research, whose phases are
    its own ("A Phase 2, Prospective, Observational Study of Biomarkers"), nor a phase after "of", "in", "to" or
    "for", or before a trial's members, which an observational study's title gives the trial it studies ("Ancillary
    Study to a Phase 3 Trial", "Patients Who Received Drug X in a Phase 1 Trial", "Phase II Trial Participants")."""
    if any(_SERIES_STAGE.search(text) for _field, text in titles):
        return
    for field, text in titles:
        if not names_a_phase(text) or _OBSERVATIONAL_TITLE.search(text):
            continue
        stated = _stated(title_mentions(text, follows_another=True))
        phases = frozenset().union(*(m.phases for m in stated)) if stated else frozenset()
        if not phases or not phases <= TRIAL_PHASES:
            continue
        named = " and ".join(f"'{p}'" for p in dict.fromkeys(" ".join(text[m.start:m.end].split()) for m in stated))
        message = (f"Study type is OBSERVATIONAL but the {FIELD_LABELS.get(field, field)} names this study's phase as "
                   f"{named}, which only an interventional study has.")
        evidence = (f"{field}: '{excerpt(text, stated[0].start, stated[-1].end)}'; "
                    "studies.study_type='OBSERVATIONAL'")
        yield Finding(nct_id, message, evidence, (field, "studies.study_type"))
        return


def observational_title_phase(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """A study registered as observational whose title names this study's phase as a trial's."""
    observational = CheckScope(scope.as_of, scope.nct_ids & studies_with(con, scope, "studies", "study_type",
                                                                         ("OBSERVATIONAL",)), scope.cache)
    texts = texts_mentioning(con, observational, TITLE_FIELDS, TITLE_WORDS)
    for nct_id in sorted(texts):
        yield from observational_phase_findings(nct_id, [(t.field, t.text) for t in texts[nct_id]])


RULES = (
    Rule(RULE_ID, "contradiction", WARNING,
         "A title that names the study's phase ('A Phase III, Randomized ...') should agree with the phase the record "
         "gives: a data team filtering by phase gets the wrong trials when they differ. Read from the titles, so a "
         "warning; a title's one phase of the record's two, Phase 1 against Early Phase 1, and N/A for a trial that "
         "tests no drug (devices, behavioural interventions, radiotherapy or procedures, none named for a drug it "
         "gives), which the registry asks of it, are info, as is N/A on a page that shows no intervention types "
         "(whether the trial tests a drug is not shown there) and a phase alone after a dash ending the title of an "
         "N/A record that lists no drug (a project's stage is so appended); a project's stage after its name in a "
         "parenthesis ('(FAR Phase 2)') in such a record is none.",
         TITLE_FIELDS + ("studies.phase",), func=title_phase_differs, in_worker=True),
    Rule(OBSERVATIONAL_RULE_ID, "contradiction", WARNING,
         "The registry gives phases to interventional studies only: an observational record whose title names the "
         "study's phase as a trial's ('A Phase I Dose-Finding Study') has the wrong study type or the wrong title, "
         "and a person must read which. Phase 4 stays quiet (post-marketing observational studies are often so "
         "named).",
         TITLE_FIELDS + ("studies.study_type",), func=observational_title_phase, in_worker=True),
)
