"""Rule family protocol, arm types: an arm's type (Experimental, Placebo Comparator, No Intervention...) against
what its title says it is and what the record gives it.

A data team that counts placebo-controlled trials, or separates experimental from comparator arms, reads the types;
a record whose type says one thing and whose arm another misleads it. What an arm is given is read from the
record's links of arms to interventions (design_group_interventions, by the ids the load gave them); a rule that
reads them judges ClinicalTrials.gov's own layouts only, since a republished page's links are read from its layout.
"""
from __future__ import annotations

from checks.arm_comparator_without_placebo import comparator_without_placebo_sql
from checks.arm_placebo_titles import EARLIER_STUDY, PLACEBO_HINT, only_placebo_sql
from checks.arm_placebo_typed_active import placebo_arm_typed_active_sql
from checks.arm_sql import (ARM_TEXT, DESCRIPTION_QUOTED, ON_REGISTRY_LAYOUT, linked_sql, matches_sql, named_sql,
                            of_arm_sql)
from checks.date_columns import rule, select
from checks.placeholder_values import PLACEHOLDERS
from checks.protocol_intervention_names import NOTHING_WORDS
from checks.sql_text import literal, one_of, sql_text
# The words of a placebo and of an arm's title, and the comparator types, as other rules and the cases read them here.
from checks.arm_placebo_titles import BARE_LABEL, as_read_sql  # noqa: F401
from checks.arm_placebo_words import CONTROL_PRODUCT, PLACEBO_BY_PURPOSE, PLACEBO_WORDS  # noqa: F401
from checks.arm_sql import COMPARATOR_TYPES  # noqa: F401

FAMILY = "protocol"


# --- An arm typed No Intervention that the record gives interventions ----------------------------------------------

# Intervention names that say the arm is given nothing during the trial, a wait-list's or a monitored arm's too
# ("Watch and wait", "Expectant management", a pregnancy left to go into labour):
# such a row agrees with the type (it is a placeholder, which protocol.intervention_not_named finds).
NOTHING_GIVEN = NOTHING_WORDS + ("none", "nothing", "nil", "no therapy", "no drug", "untreated", "observation",
                                 "observation only", "watchful waiting", "no intervention control",
                                 "control (no intervention)", "no treatment control", "untreated control",
                                 "no study drug", "no study treatment", "no study intervention", "no vaccine",
                                 "no vaccination", "unvaccinated", "no additional treatment",
                                 "no additional intervention",
                                 "non-intervention", "no-intervention", "wait list", "waitlist", "wait-list",
                                 "waiting list", "wait list control", "waitlist control", "wait-list control",
                                 "waiting list control", "active surveillance", "active monitoring",
                                 "observational", "routine observation", "delayed intervention", "delayed treatment",
                                 "deferred intervention", "deferred treatment", "no-treatment", "watch and wait",
                                 "wait and see", "expectant management", "not treated", "non-treated", "non treated")
# Words that name the arm's role or who is in it, not what it is given: "No treatment group", "Wait-list control",
# "None (Control)", "Healthy volunteers".
ROLE_WORDS = (r"\b(?:control|controls|group|arm|cohort|comparator"
              r"|healthy|volunteers?|subjects?|participants?|patients?)\b")
# A name that is the absence of one thing ("No antibiotic prophylaxis", "No drain", "Without supplementation"): a
# few words, none joining something given to it ("No treatment and questionnaires"). "No-touch technique" and
# "No-scalpel vasectomy" are techniques, hyphenated or not.
NO_SUCH_THING = r"^(?:no|without)(?:\s+[a-z]+){1,3}$"
NOT_AN_ABSENCE = r"\b(?:and|plus|with|but|only|then|except|touch|scalpel)\b"
# A wait-list however written ("Waiting-list", "Wait-listed", "Waitlist (delayed intervention)"): given nothing until
# the trial is over, unless the name joins something given to it ("Waitlist with usual care").
WAIT_LIST = r"^wait(?:ing)?[\s-]?list(?:ed)?\b"
# A description that says the arm is given nothing, read where the name is only the arm's role ("Control"):
# "No intervention", "Participants will not receive any intervention", "Patients won't receive any treatment",
# "Receives no treatment", "Will receive nothing", "Will not be treated", "Not treated".
DESCRIBES_NOTHING = (r"^\s*(?:no|none|nothing|not\s+treated|untreated)\b"
                     r"|\b(?:(?:will|do|does|did|shall)\s+not|won[’']?t|don[’']?t|doesn[’']?t)\s+(?:be\s+)?"
                     r"(?:receive|given|get|treated)"
                     r"|\breceives?\s+(?:no|nothing)\b|\bno\s+(?:intervention|treatment)\b")


def _gives_nothing(expr: str, description: str = "NULL") -> str:
    """SQL: the intervention name `expr` says nothing is given ('No intervention', 'Observation', 'No treatment
    group', 'No antibiotic prophylaxis', 'N/A'), or is only the arm's role ('Control') and its `description` says
    nothing is given ('No intervention')."""
    said = f"lower(trim(regexp_replace(coalesce({expr}, ''), '\\s+', ' ', 'g'), ' .:'))"
    unpunctuated = f"regexp_replace({said}, '[()\\[\\]:;,.]+|\\s[-–—]+\\s', ' ', 'g')"
    unlabelled = (f"trim(regexp_replace(regexp_replace({unpunctuated}, {literal(ROLE_WORDS)}, ' ', 'g'), "
                  f"'\\s+', ' ', 'g'))")
    absent = (f"(regexp_matches({unlabelled}, {literal(NO_SUCH_THING)}) "
              f"AND NOT regexp_matches({unlabelled}, {literal(NOT_AN_ABSENCE)}))")
    only_role = f"({unlabelled} = '' AND {matches_sql(description, DESCRIBES_NOTHING)})"
    wait_list = (f"(regexp_matches({unlabelled}, {literal(WAIT_LIST)}) "
                 f"AND NOT regexp_matches({unlabelled}, {literal(NOT_AN_ABSENCE)}))")
    return (f"({said} IN {one_of(NOTHING_GIVEN + PLACEHOLDERS)} OR {unlabelled} IN {one_of(NOTHING_GIVEN)} "
            f"OR {absent} OR {wait_list} OR {only_role})")


_NO_INTERVENTION = "group_type = 'NO_INTERVENTION'"

# An arm's own words that say it is given a placebo or sham: its description opens with one ("Placebo injections
# weekly", "Matching placebo tablets", "Sham tDCS, 20 minutes") or says the arm receives one ("Participants receive
# matching placebo capsules", "Given a saline placebo infusion", "Will be administered sham acupuncture").
_GIVEN_ADJECTIVES = (r"(?:(?:a|an|the|one|matching|identical|saline|oral|daily|weekly|twice[- ]daily|iv|intravenous"
                     r"|subcutaneous|inactive|inert)\s+)*")
DESCRIBED_PLACEBO = (rf"^\s*{_GIVEN_ADJECTIVES}(?:placebos?|sham)\b"
                     r"|\b(?:receives?|received|receiving|given|gets?|takes?|taking|took|administered|injected\s+with"
                     rf"|treated\s+with|undergoes?|undergo(?:ing)?)\s+{_GIVEN_ADJECTIVES}(?:placebos?|sham)\b")
# Words that make a placebo's mention no statement that the arm is given one: a denial ("No placebo", "neither the
# study drug nor placebo", "do not receive placebo", "instead of sham"), another arm or the design ("unlike the
# placebo group", "placebo-controlled"), or a run-in every participant passes before randomisation.
NOT_GIVEN_PLACEBO = (r"\b(?:no|not|without|nor|neither|never|instead\s+of|rather\s+than|unlike|than|versus|vs|except)"
                     r"\b(?:\s+[\w-]+){0,3}?\s+(?:placebos?|sham)\b|placebo[- ]controlled|\b(?:run|lead)[- ]in\b")


def _no_intervention_arm_sql() -> str:
    texts = {"named": named_sql(), "arm": "g.title", "given": "a.given",
             "described": f"coalesce(left(g.description, {DESCRIPTION_QUOTED}), g.title)"}
    only_nothing = f"bool_and({_gives_nothing('coalesce(i.name, l.intervention)', 'i.description')}) AS only_nothing"
    linked = select(
        sql_text("{named} is typed No Intervention, yet the record links it to {given}.", **texts),
        sql_text("design_groups.title={arm}; group_type=NO_INTERVENTION; linked interventions: {given}", **texts),
        f"{ON_REGISTRY_LAYOUT} AND NOT a.only_nothing",
        joins=f"JOIN design_groups g ON g.nct_id = s.nct_id AND g.group_type = 'NO_INTERVENTION' "
              f"JOIN ({linked_sql(_NO_INTERVENTION, only_nothing)}) a ON {of_arm_sql()}")
    # An arm linked to nothing whose title is a placebo's ("Placebo") or whose description says it is given one.
    described = select(
        sql_text("{named} is typed No Intervention, yet its title or description says it is given a placebo or "
                 "sham: '{described}'.", **texts),
        sql_text("design_groups.title={arm}; group_type=NO_INTERVENTION; description={described}", **texts),
        f"({only_placebo_sql('g.title')} OR {matches_sql('g.description', DESCRIBED_PLACEBO)}) "
        f"AND NOT {matches_sql(ARM_TEXT, NOT_GIVEN_PLACEBO)} AND NOT {matches_sql('g.description', EARLIER_STUDY)}",
        joins=f"JOIN (SELECT * FROM design_groups WHERE {_NO_INTERVENTION} "
              f"AND {matches_sql('concat_ws(chr(32), title, description)', PLACEBO_HINT)}) g ON g.nct_id = s.nct_id "
              f"ANTI JOIN design_group_interventions l ON l.nct_id = g.nct_id AND l.design_group_id = g.id")
    return f"{linked} UNION ALL {described}"


RULES = (
    rule("no_intervention_arm_with_interventions", "warning",
         "The registry's No Intervention arm receives no intervention during the trial, so the record links none "
         "to it; an arm so typed that is linked to interventions contradicts itself: the type is wrong (a usual-care "
         "or active control) or the links are (the study's assessments, 'Questionnaire' or 'Blood draw', listed as "
         "interventions). Not an error: a control arm given only the measurements every arm gets is rightly typed "
         "and its link is loose. An intervention named as nothing given ('No intervention', 'Observation', a wait-list "
         "however written: 'Waiting-list', 'Wait-listed control') agrees with the type. Links are judged on "
         "ClinicalTrials.gov's own layouts only. An arm linked to nothing is read in its own words: titled a placebo "
         "('Placebo', 'Sham stimulation') or described as given one ('Placebo injections weekly', 'Participants "
         "receive matching placebo tablets'), it is a Placebo (or Sham) Comparator; a denial ('No placebo', "
         "'neither drug nor placebo'), another arm's placebo ('unlike the placebo group'), a run-in or an earlier "
         "study's placebo says nothing of what the arm is given.",
         ("design_groups.group_type", "design_group_interventions"), _no_intervention_arm_sql(),
         family=FAMILY, category="contradiction"),
    rule("placebo_arm_typed_active", "warning",
         "An arm whose title says it is the placebo or sham arm ('Placebo', 'Matching placebo', 'Sham "
         "stimulation'), or whose title is a label ('Arm B') and which the record gives only a placebo, is a "
         "Placebo (or Sham) Comparator; typed Experimental or Active Comparator, it is counted among the arms given "
         "what is tested or a known effective treatment. Not read: a title that names something beside the placebo "
         "('Drug X plus placebo', 'Placebo with CBT', 'Drug X or placebo', 'Eptinezumab Then Placebo', 'Placebo "
         "run-in', 'Placebo-controlled phase'), a study's only arm, an arm whose description gives it one of the "
         "study's other interventions after its placebo (a delayed start: 'Placebo for 12 weeks, then Drug X'; a "
         "crossover's sequence named for its first period: 'In period 2 participants received Drug X'), "
         "rightly typed Experimental, and a study of placebo itself (open-label placebo, placebo effect, "
         "conditioning, deception), whose placebo arm may be the one tested. What a "
         "labelled arm is given is read on ClinicalTrials.gov's own layouts only. An arm titled a placebo whose "
         "description gives a dosed treatment and no placebo ('Placebo' described as 'oral tolterodine 4 mg plus "
         "tamsulosin 0.4 mg daily') is said to have a title or description that is wrong, not a type.",
         ("design_groups.group_type", "design_groups.title"), placebo_arm_typed_active_sql(),
         family=FAMILY, category="contradiction"),
    rule("placebo_comparator_without_placebo", "warning",
         "A Placebo (or Sham) Comparator arm is given a placebo (or sham); an arm so typed that neither its title, "
         "its description nor the interventions the record links to it (their names, descriptions and other names) "
         "say is given a placebo, sham, vehicle, saline, inactive, matching or zero-dose product, a food or hygiene "
         "product without what is tested ('Gum without xylitol', 'Fluoride-free toothpaste') or, on a Sham "
         "Comparator, a procedure without the part that treats ('Bronchoscopy without valve placement', 'Skin "
         "incision only') is another kind of control (usual care, an active treatment, no treatment), so a count of "
         "placebo-controlled trials counts it wrongly. In a trial that masks its participants, the product of another "
         "arm without what that arm is given is its placebo ('chitosan free cotton textile' beside 'chitosan coated "
         "textile', 'Calcium-sulphate granules without antibiotics' beside the granules 'with tobramycin'), unless it "
         "is a regimen or procedure ('Usual care without exercise', 'Opioid-free anaesthesia'); so are normal air "
         "however written ('normal air', 'ordinary room oxygen') and a negative control solution, or one that is no "
         "people beside a positive control, in a test of reactions ('Aqueous Negative Control' beside 'Histamine "
         "Positive Skin Test Control'). So is, on a Sham Comparator, a lower setting of the device or procedure "
         "another arm is given ('30% occipital nerve stimulation' beside '100% ...', 'Low-intensity stimulation'): the "
         "low-intensity sham of stimulation trials; and, on either comparator, a device named at a low output beside "
         "the same device named at a high one in another arm ('Low-output negative ion generator' beside 'High-output "
         "negative ion generator'; not a drug's low dose nor a low frequency). A control the arm's or the study's text "
         "(its summaries, its masking description) says is given as a placebo in other words is one: an active "
         "placebo, a control drug not expected to have the effect tested, a control app presented under the tested "
         "one's name for blinding; so is the arm's product the study's text calls a placebo ('a placebo grape juice' "
         "beside the arm '2 Grape Juice') where no other arm names one, and an arm whose words use the abbreviation "
         "the text defines for its placebo ('placebo grape juice (PGJ)'). "
         "So is a sham by design: a test done and its results withheld, or a device run blinded ('CMR performed but "
         "results not disclosed', 'Blinded Sepsis Prediction Algorithm', 'values will be blinded to the "
         "investigator'), and the sham or placebo a summary or the masking description says blinds the participants "
         "('Blinding attempt of participants by sham exercise') where no other arm names one; in a trial that masks "
         "its participants, so is an arm whose own words keep them blind to it ('patients will be blinded to this "
         "arm') or give a device with the part that treats removed ('with the structural frame of the splint "
         "removed'), a device named by a setting that another arm is given at another setting ('Red Light Box "
         "657 nm' beside 'Blue Light Box 467 nm'), and the product the arm is titled by that another arm is given "
         "with something added ('Nutrition' beside 'Arginine enriched nutrition'), if the comparator is given only "
         "foods, supplements, devices or other products and its own words say it holds nothing and is no usual or "
         "lower dose; an intervention both arms share speaks of the tested product, not of the comparator's. In such "
         "a trial, so is the tested app with its content reduced ('an App with limited contents') and, where the "
         "title or a summary calls it placebo-controlled, a biological's ordinary version ('Standard Plasma (FFP)' "
         "beside 'Convalescent Plasma'). "
         "An attention control, "
         "a behavioural trial's placebo, is sessions on another topic than the one tested ('Motivational texts not "
         "alcohol related', 'neutral writing prompts') or said to control for the tested arm's attention ('controls "
         "for time, attention, expectation'); usual care, whatever it teaches, is not. "
         "Not judged on an arm the record links to no intervention, or "
         "to one it does not list: what the arm is given cannot be told. Judged on ClinicalTrials.gov's own layouts "
         "only.",
         ("design_groups.group_type", "design_group_interventions"), comparator_without_placebo_sql(),
         family=FAMILY, category="contradiction", judges_absence=True),
)
