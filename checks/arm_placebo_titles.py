"""What an arm's title says of the placebo arm: a placebo or sham it names, the label read past, words that make it
about more than the placebo, a study of placebo itself, an earlier study's placebo, a crossover's sequence and a bare
label."""
from __future__ import annotations

from checks.arm_placebo_words import PRODUCT_FORMS
from checks.arm_sql import matches_sql
from checks.sql_text import literal

# A title that names a placebo or sham ("Placebo", "Matching placebo", "Placebo tablets", "Sham stimulation",
# "Tolvaptan placebo"), or a vehicle as a dermatology trial's placebo is named ("Vehicle cream", "Ointment vehicle";
# "vehicle" alone may be a car's, as in a driving study).
PLACEBO_NAMED = (rf"\b(?:placebos?|sham)\b|^\s*vehicle\s*$|\bvehicle\s+(?:{PRODUCT_FORMS}|control)\b"
                 rf"|\b(?:{PRODUCT_FORMS})\s+vehicle\b")
SHAM = r"\bsham\b"
# A word any title PLACEBO_NAMED reads has: a cheap first look.
PLACEBO_HINT = "placebo|sham|vehicle"
# A label before what the arm is ("Arm B: ", "Group 2 - ", "A) "), read past.
ARM_LABEL = (r"^\s*(?:(?:arm|group|cohort|part|panel|treatment|regimen)\s*[a-z0-9]{0,4}|[a-z]|\d{1,2}|[ivx]{1,4})"
             r"\s*(?:[:.)]|\s[-–—]+\s)\s*")
# Words that make a title about more than the placebo, which cannot tell the placebo arm: another treatment beside it
# ("Pembrolizumab plus placebo", "Placebo with CBT", "Drug X or placebo", "Placebo/Drug X", "Placebo - Drug X",
# "Placebo (Standard of care)", "Placebo on background methotrexate"), a sequence ("Eptinezumab Then Placebo",
# "Placebo to Drug X"), a part of the design ("Placebo run-in", "Placebo-controlled phase", "Placebo responders"), a
# placebo that is what is tested ("Open-label placebo", "Active placebo", "Sham feeding", chewing gum after surgery)
# or a denial ("No placebo"), and the arm of an extension named for what its participants took in an earlier study
# ("Prior placebo", "Placebo (Parent Study)", "Former placebo patients", "Placebo in Study 301") or in an earlier
# phase ("AIN457 150mg from Placebo"). "Placebo to match Drug X" is read as "Placebo matching Drug X", and so is
# "Placebo-to-match" ("Placebo-matched", "Placebo-matching"); a placebo given in one part or stage of the study
# ("Placebo Group (Drug X in Part 2)") is a sequence. A placebo joined to another word by a hyphen
# ("Placebo-Sumatriptan") is a sequence or two products; "Sham-tDCS" is the sham of one.
NOT_THE_PLACEBO_ARM = (r"[+&/,;→>]|\s[-–—]+\s|\bplacebos?-\w|\w-(?:placebo|sham)\b"
                       r"|\b(?:plus|and|with|or|then|followed|after|before|vs|versus|to|into|first|second|last"
                       r"|initial\w*|subsequent\w*|later|delayed|top|switch\w*|combined|combination|add-on|addition"
                       r"|except|no|not|non|without|free|instead|background|standard|usual|soc|bsc|routine"
                       r"|active|open|olp|run-in|lead-in|washout|wash-out|controlled|respon\w*|sequences?|periods?"
                       r"|phases?|parts?|stages?|crossover|cross-over|double-dummy|extension|feeding|effects?"
                       r"|nocebo|decept\w*"
                       r"|expectation\w*|expectanc\w*|condition\w*|suggestion\w*|honest"
                       r"|prior|previous\w*|former\w*|parent|core|feeder|originally|from\s+(?:the\s+)?placebos?"
                       r"|(?:in|from|during)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:study|studies|trial))\b")
# A study of placebo itself (its effect, open-label or dose-extending placebo, conditioning, deception): its placebo
# arm may be the experimental one. Read in the study's titles and the arm's title and description.
STUDY_OF_PLACEBO = (r"open[- ]label\s+placebo|\bolp\b|placebo[- ](?:effect|response|analges\w*|respond\w*)"
                    r"|dose[- ]extending\s+placebo"
                    r"|nocebo|decepti\w*|honest\s+placebo|conditioned|conditioning|expectation|expectanc")
# An extension's arm described as the participants of an earlier study's placebo group ("Participants randomized to
# placebo in the parent study receive Drug Y", "Former placebo patients", "who received placebo in Study 301"): its
# title names what they took then, not what this study gives them.
EARLIER_STUDY = (r"\b(?:parent|prior|previous|preceding|earlier|feeder|core|original|lead-in|double-blind)\s+"
                 r"(?:[\w-]+\s+){0,2}?(?:study|studies|trial|protocol)\b"
                 r"|\b(?:in|from|of)\s+(?:the\s+)?(?:study|trial|protocol)\s+[\w-]*\d"
                 r"|\bformer(?:ly)?\b|\bpreviously\s+(?:received|randomi[sz]ed|assigned|treated|on)\b")
# In a crossover study, words joined by a hyphen name what participants take in turn ("Sham-Active").
IN_TURN = r"\w\s*[-–—]\s*\w"
# A title that is only a label ("Arm B", "Group 2", "Control"): what the arm is, its interventions tell.
BARE_LABEL = (r"^\s*(?:(?:arm|group|cohort|part|panel|treatment|regimen)\s*[a-z0-9]{1,4}|[a-z]|\d{1,2}|[ivx]{1,4}"
              r"|(?:the\s+)?controls?(?:\s+(?:arm|group))?|comparator(?:\s+(?:arm|group))?)\s*[.:)]?\s*$")


def as_read_sql(expr: str) -> str:
    """SQL: a title or name as read for what it is: its label read past, "to match" read as "matching"."""
    return (f"regexp_replace(regexp_replace(coalesce({expr}, ''), {literal(ARM_LABEL)}, '', 'i'), "
            f"'[\\s-]*\\bto[\\s-]+match\\b|-match(?:ed|ing)\\b', ' matching', 'gi')")


def only_placebo_sql(expr: str) -> str:
    """SQL: the title or name `expr` says it is a placebo or sham and nothing beside it ('Matching placebo',
    'Sham stimulation'; not 'Drug X plus placebo' nor 'Placebo then Drug X')."""
    read = as_read_sql(expr)
    return f"({matches_sql(read, PLACEBO_NAMED)} AND NOT {matches_sql(read, NOT_THE_PLACEBO_ARM)})"
