"""The terms a text names its masking with: a blinded design ("double-blind", "DBPC"), open label ("open-label",
"no masking", "an open, randomised trial"), a blinded assessment, a blinded arm."""
from __future__ import annotations

import re

from checks.design_hyphens import HYPHENS, hyphens_wide

# A food or drug challenge done double-blind ("a double-blind, placebo-controlled food challenge (DBPCFC)", "DBPC oral
# food challenge", "double-blind placebo-controlled gluten challenges") is a test participants undergo, which an
# open-label trial uses to confirm an allergy or measure desensitisation: no blinding of the trial's arms. (A
# "double-blind, placebo-controlled challenge study" is a trial.)
_CHALLENGE_AFTER = (rf"(?![\s,(){HYPHENS}]*(?:placebo[\s{HYPHENS}]*controlled[\s,(){HYPHENS}]*)?"
                    r"(?:(?!(?:study|trial)\b)[\w()-]+\s+){0,3}?(?:challenges?|provocations?)\b"
                    r"(?!\s+(?:stud(?:y|ies)|trials?)\b))")
# Titles abbreviate a double-blind design among its other design words ("A Phase 3, R, DB, PC Study", "Randomized, DB,
# Placebo-controlled"), or with its placebo control in one word ("DBPC", "RDBPC", "RDBPCT"). "DB" alone is an
# abbreviation of many things (an author's initials "Mark DB", "dB", "DB-301", "DBS", "DBP"): it counts only in
# capitals, standing alone, right before another design word ("PC", "Placebo-controlled"; "R" only before another
# abbreviation: "the DB, R was used" names a database and a program) or right after "R" or "Randomized".
_ABBREVIATIONS = r"(?-i:PC|MC|DD|AC|PG|RCT|OL)"
_DESIGN_ABBREVIATION_AFTER = (
    rf"(?=\s*[,/]?\s*(?:and\s+)?(?:(?:{_ABBREVIATIONS}|(?-i:R)(?=\s*[,/]?\s*{_ABBREVIATIONS}))(?![\w{HYPHENS}])"
    r"|placebo[\s-]*controlled|randomi[sz]ed|multi-?cent|double[\s-]*dummy|parallel|cross-?over"
    r"|active[\s-]*controlled))")
_RANDOMIZED_BEFORE = "|".join(
    f"(?<={word}{gap})" for word in (r"\b(?-i:R)", "randomized", "randomised") for gap in (", ", ",", " ", "/"))
_DOUBLE_BLIND_ABBREVIATED = (
    rf"(?<![\w{HYPHENS}])(?:(?-i:R?DBPCT?|DB[\s-]?RCT)|(?:{_RANDOMIZED_BEFORE})(?-i:DB)"
    rf"|(?-i:DB){_DESIGN_ABBREVIATION_AFTER})(?![\w{HYPHENS}])")
# Design words between "blinded" and the study's noun ("a blinded, randomised trial", "Blinded, Randomized, Controlled
# Trial"); not after a party blinded, which in an open-label trial is often its outcome assessor only ("open-label,
# assessor-blinded, randomized trial", "Observer-blinded Randomised Trial"): a masking the record may or may not give.
_NO_PARTY_BEFORE = "".join(
    f"(?<!{party}[\\s-])" for party in ("assessor", "assessors", "observer", "evaluator", "rater", "reader", "outcome",
                                          "outcomes", "endpoint", "examiner", "adjudicator"))
DESIGN_WORDS_BETWEEN = (r"(?:randomi[sz]ed|controlled|(?:placebo|sham|active)[\s-]*controlled|parallel(?:[\s-]*group)?"
                         r"|cross-?over|multi-?cent(?:er|re|ric)|prospective|pilot|clinical|comparative|pragmatic"
                         r"|cluster|phase\s+(?:[1-4]|i{1,3}|iv)[ab]?)")
# A sponsor-blinded study blinds none of the parties the registry records (masking NONE).
# A party the registry does not record as masked ("Single-blind (Data Analyst)", "Single blind - only the data
# analyst is blinded") is no blinding it records either.
BLINDED = re.compile(hyphens_wide(
    r"\b(?:single|double|triple|quadruple)[\s-]*(?:blind(?:ed)?|mask(?:ed)?|dummy)\b"
    r"(?![\s(:–-]*(?:only\s+)?(?:the\s+)?(?:data\s+analysts?|statisticians?|sponsors?)\b)" + _CHALLENGE_AFTER
    + r"|\bplacebo[\s-]+controlled,?\s+blinded\b"
    r"|(?<!sponsor[\s-])(?<!sponsor)(?<!non[\s-])(?<!non)"
    r"\bblinded\s+(?:study|trial|period|phase|design)\b"
    r"|(?<!sponsor[\s-])(?<!non[\s-])" + _NO_PARTY_BEFORE + r"\bblinded,?\s+(?:" + DESIGN_WORDS_BETWEEN
    + r",?\s+(?:and\s+)?){1,4}(?:study|trial|period|phase|design)\b"
    r"|(?:" + _DOUBLE_BLIND_ABBREVIATED + ")" + _CHALLENGE_AFTER),
    re.I,
)
# A party not recorded as masked named right after "open label" ("open label for the investigator", "open-label to the
# sponsor"): the other parties may be masked as the design says.
_UNMASKED_PARTY = (r"(?:for|to)\s+(?:the\s+|all\s+)?(?:investigators?|(?:site|study)\s+(?:staff|team)|staff"
                   r"|care[\s-]*(?:givers?|providers?)|clinicians?|surgeons?|physicians?|doctors?|therapists?|nurses?"
                   r"|pharmacists?|sponsors?(?:'s)?|statisticians?|(?:data\s+)?analysts?|monitors?)\b")
# What is given open label in a masked study, not the study itself: "open-label study drug will be dispensed",
# "open-label study medication during the extension", "supplied in open-label packs".
_GIVEN_OPEN = (r"study\s+(?:drug|medication|treatment|product|agent|intervention|therap)"
               r"|(?:medications?|products?|agents?|interventions?|packs?|kits?|bottles?|vials?|supplies|containers?"
               r"|boxes)\b(?!\s+(?:study|trial)\b)")
# What follows a study's noun when the noun names the study ("an unblinded study of drug X", "a non-blinded trial.",
# "a non-masked study comparing"), not a person or thing of it ("a non-blinded study nurse", "the unblinded study
# pharmacist", "unblinded study data").
THE_STUDY_ITSELF_AFTER = (r"(?=\s*(?:[.,;:()]|$)|\s+(?:of|in|to|for|with|on|at|among|between|comparing|evaluating"
                           r"|assessing|investigating|examining|exploring|testing|using|that|which|where|whose"
                           r"|designed|conducted|performed|will|is|was|has|involving|including|compares|evaluates"
                           r"|assesses|investigates|examines|explores|tests|aims)\b)")
# A group or part of the study named a word or two after "open label" ("an open-label safety cohort", "an open-label,
# single-arm cohort of Japanese participants", "an open-label active reference arm", "an open-label pharmacokinetic
# sub-study"): that group's, beside the masked comparison. Not the study's own count of arms or cohorts ("Open-label,
# Two Arm, Study", "open-label, single arm, phase 2 study", "an open-label prospective cohort study"), nor its phase
# ("An Open-label Phase 2 Study", which a phase's number tells from an open-label phase of the study).
_TRIAL_PHASE = r"(?:[0-4]|i{1,3}|iv)[ab]?\b"
_GROUP_NAMED_AFTER = (
    r"(?:,?\s+(?!(?:single|one|two|three|four|five|dual|\d+)\b(?!-)|(?:parallel|randomi[sz]ed|controlled|study|trial"
    r"|phase)\b)[\w-]+){1,2}\s+(?:cohorts?|arms?|groups?|sub-?stud(?:y|ies)|extension|period"
    rf"|phase(?!\s+{_TRIAL_PHASE})|part|stage)\b(?!\s*,?\s*(?:study|trial|design)\b)")
OPEN_LABEL = re.compile(hyphens_wide(
    r"\bopen[\s-]*label(?:l?ed)?\b(?!\s*(?:,\s*)?(?:extension|period|phase(?!\s+" + _TRIAL_PHASE + r")|part|stage"
    r"|portion|lead[\s-]?in|run[\s-]?in|follow[\s-]?up|treatment|continuation|arm|cohort|rollover|basis|therapy|drug"
    r"|use|access|rescue|background|concomitant|followed\s+by|" + _UNMASKED_PARTY + "|" + _GIVEN_OPEN + "))"
    r"(?!" + _GROUP_NAMED_AFTER + ")"
    r"|\b(?:no|without)\s+(?:masking|blinding)\b(?!\s+(?:of|for)\b)"
    r"|\b(?:non|un)[\s-]?(?:blinded|masked),?\s+(?:" + DESIGN_WORDS_BETWEEN + r",?\s+(?:and\s+)?){0,4}"
    r"(?:study|trial|design)\b" + THE_STUDY_ITSELF_AFTER +
    # "an open trial", "This open, randomised trial", "an Open, Randomised, Multicentre Trial": open label as European
    # records say it; in capitals it is a trial's name ("the OPEN trial"), and "open to" is enrolment's.
    r"|\b(?-i:[Oo]pen),?\s+(?:" + DESIGN_WORDS_BETWEEN + r",?\s+(?:and\s+)?){0,4}(?:study|trial)\b"
    + THE_STUDY_ITSELF_AFTER +
    # The same in a text written in capitals, its study's noun in capitals too ("AN OPEN, RANDOMISED, MULTICENTRE
    # TRIAL", "A PHASE II OPEN TRIAL OF DRUG X"); not after "the" ("THE OPEN TRIAL: OUTCOMES OF ...", a name), nor
    # "the OPEN trial" in a text that is not in capitals.
    r"|(?<!\bthe\s)\b(?-i:OPEN),?\s+(?:" + DESIGN_WORDS_BETWEEN + r",?\s+(?:and\s+)?){0,4}(?-i:STUDY|TRIAL)\b"
    + THE_STUDY_ITSELF_AFTER +
    # "The study will be unblinded after database lock", "was unblinded early": blinded until then.
    r"|\b(?:study|trial)\s+(?:(?:is|was)\s+not\s+|will\s+not\s+be\s+|is\s+un[\s-]?)(?:blinded|masked)\b"
    r"(?!\s+(?:at|after|when|once|following|upon|before|until|early|prematurely|for)\b)"),
    re.I,
)


# A design with a masked party that no "open label" text contradicts (PROBE designs and the like).
BLINDED_ASSESSMENT = re.compile(hyphens_wide(
    r"\b(?:assessor|evaluator|observer|rater|reader|endpoint|end-point|outcome)s?[\s-]+(?:blind|mask)"
    r"|\b(?:blind|mask)(?:ed|ing)?\s+(?:of\s+(?:the\s+)?)?(?:outcomes?\s+)?"
    r"(?:assessor|evaluator|observer|rater|reader|assessment|endpoint|end-point|evaluation)"
    r"|\b(?:assessors?|evaluators?|observers?|raters?|readers?)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:are|is|were|was|will\s+be|remain|remains|kept)\s+(?:\w+\s+)?(?:blind|mask|unaware)"
    # Scans read by a blinded independent central review (BICR) in an open-label oncology trial.
    r"|\bBICR\b|\bblinded\s+independent\s+(?:central\s+)?(?:review|read|assessment|radiolog)"),
    re.I,
)
# An arm said to be blinded or masked ("Blinded active TMS coil"): the study has a masked part. Not a condition
# that is masked ("masked hypertension", "masked facies").
BLINDED_ARM = re.compile(r"\b(?:blinded|masked)\b(?!\s+(?:hypertension|facies|face|depression)\b)", re.I)
# The open-label wording (not "no masking") that fits a design masking only the outcomes assessor.
OPEN_LABEL_WORDS = re.compile(hyphens_wide(r"^open[\s-]*label"), re.I)
