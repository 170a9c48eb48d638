"""Rule family protocol, arm types: an arm's type (Experimental, Placebo Comparator, No Intervention...) against
what its title says it is and what the record gives it.

A data team that counts placebo-controlled trials, or separates experimental from comparator arms, reads the types;
a record whose type says one thing and whose arm another misleads it. What an arm is given is read from the
record's links of arms to interventions (design_group_interventions, by the ids the load gave them); a rule that
reads them judges ClinicalTrials.gov's own layouts only, since a republished page's links are read from its layout.
"""
from __future__ import annotations

from checks.arm_control_products import (NOT_PRODUCT_TYPES, lacks_what_others_are_given, lower_setting_of_shared_device,
                                      negative_control, others_given)
from checks.date_columns import rule, select
from checks.placeholder_values import PLACEHOLDERS
from checks.protocol_intervention_names import NOTHING_WORDS
from checks.sql_text import literal, one_of, sql_text
from flows.parsers import REGISTRY_LAYOUTS

FAMILY = "protocol"
ON_REGISTRY_LAYOUT = f"s.source_layout IN {one_of(REGISTRY_LAYOUTS)}"
# The registry's arm types as its pages label them.
TYPE_LABELS = {"EXPERIMENTAL": "Experimental", "ACTIVE_COMPARATOR": "Active Comparator",
               "PLACEBO_COMPARATOR": "Placebo Comparator", "SHAM_COMPARATOR": "Sham Comparator",
               "NO_INTERVENTION": "No Intervention", "OTHER": "Other"}
# The types of an arm given what is tested or a known effective treatment: never a placebo's.
ACTIVE_TYPES = ("EXPERIMENTAL", "ACTIVE_COMPARATOR")
COMPARATOR_TYPES = ("PLACEBO_COMPARATOR", "SHAM_COMPARATOR")


def type_label_sql(expr: str) -> str:
    """SQL: the arm type `expr` as the registry's pages label it ('Placebo Comparator')."""
    cases = " ".join(f"WHEN {literal(value)} THEN {literal(label)}" for value, label in TYPE_LABELS.items())
    return f"CASE {expr} {cases} ELSE {expr} END"


def named_sql(alias: str = "g") -> str:
    """SQL: the arm as a message names it: 'The arm "Placebo"', or 'An arm without a title'."""
    return (f"CASE WHEN coalesce(trim({alias}.title), '') = '' THEN 'An arm without a title' "
            f"ELSE concat('The arm \"', {alias}.title, '\"') END")


def matches_sql(expr: str, pattern: str) -> str:
    """SQL: the text `expr` (NULL as empty) matches the regular expression `pattern`, case aside."""
    return f"regexp_matches(coalesce({expr}, ''), {literal(pattern)}, 'i')"


# How a link's intervention is quoted: '"Placebo" (DRUG)'; by the link's own name where it names no listed one.
_GIVEN = ("concat('\"', coalesce(i.name, l.intervention), '\"', "
          "CASE WHEN i.intervention_type IS NOT NULL THEN concat(' (', i.intervention_type, ')') END)")


def linked_sql(arms: str, columns: str, joins: str = "") -> str:
    """SQL: one row per arm (nct_id, arm_id) among the arms `arms` (SQL over design_groups) selects that the record
    links to interventions: `given`, the interventions linked ('"Placebo" (DRUG); "Metformin" (DRUG)'), and
    `columns` (aggregates over the links l and their interventions i, whose columns are NULL where a link names no
    intervention the record lists; `joins` adds tables). Links are followed by the ids the load gave them: the arm
    and the intervention a link names, as a registry record's labels match them."""
    return (f"SELECT l.nct_id, l.design_group_id AS arm_id, "
            f"array_to_string(list_sort(list_distinct(list({_GIVEN}))), '; ') AS given, {columns} "
            f"FROM design_group_interventions l "
            f"SEMI JOIN (SELECT nct_id, id FROM design_groups WHERE {arms}) t "
            f"ON t.nct_id = l.nct_id AND t.id = l.design_group_id "
            f"LEFT JOIN interventions i ON i.nct_id = l.nct_id AND i.id = l.intervention_id "
            f"{joins} GROUP BY ALL")


def of_arm_sql(alias: str = "a") -> str:
    """SQL join condition: the links' row `alias` is of the arm g."""
    return f"{alias}.nct_id = g.nct_id AND {alias}.arm_id = g.id"


# What a linked intervention i says of itself: its name, description and other names (o, joined by OTHER_NAMES).
INTERVENTION_SAYS = "concat_ws(' ', i.name, i.description, o.other_names)"
OTHER_NAMES = ("LEFT JOIN (SELECT nct_id, intervention_id, string_agg(name, ' ') AS other_names "
               "FROM intervention_other_names GROUP BY ALL) o ON o.nct_id = i.nct_id AND o.intervention_id = i.id")


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


# --- An arm that is the placebo arm, typed Experimental or Active Comparator ---------------------------------------

# A title that names a placebo or sham ("Placebo", "Matching placebo", "Placebo tablets", "Sham stimulation",
# "Tolvaptan placebo"), or a vehicle as a dermatology trial's placebo is named ("Vehicle cream", "Ointment vehicle";
# "vehicle" alone may be a car's, as in a driving study).
_FORMS = "cream|gel|ointment|foam|lotion|solution|spray|drops|emulsion|shampoo|formulation"
PLACEBO_NAMED = (rf"\b(?:placebos?|sham)\b|^\s*vehicle\s*$|\bvehicle\s+(?:{_FORMS}|control)\b"
                 rf"|\b(?:{_FORMS})\s+vehicle\b")
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
# ("Prior placebo", "Placebo (Parent Study)", "Former placebo patients", "Placebo in Study 301"). "Placebo to
# match Drug X" is read as "Placebo matching Drug X", and so is "Placebo-to-match" ("Placebo-matched", "Placebo-
# matching"); a placebo given in one part or stage of the study ("Placebo Group (Drug X in Part 2)") is a
# sequence. A placebo joined to another word by a hyphen
# ("Placebo-Sumatriptan") is a sequence or two products; "Sham-tDCS" is the sham of one.
NOT_THE_PLACEBO_ARM = (r"[+&/,;→>]|\s[-–—]+\s|\bplacebos?-\w|\w-(?:placebo|sham)\b"
                       r"|\b(?:plus|and|with|or|then|followed|after|before|vs|versus|to|into|first|second|last"
                       r"|initial\w*|subsequent\w*|later|delayed|top|switch\w*|combined|combination|add-on|addition"
                       r"|except|no|not|non|without|free|instead|background|standard|usual|soc|bsc|routine"
                       r"|active|open|olp|run-in|lead-in|washout|wash-out|controlled|respon\w*|sequences?|periods?"
                       r"|phases?|parts?|stages?|crossover|cross-over|double-dummy|extension|feeding|effects?"
                       r"|nocebo|decept\w*"
                       r"|expectation\w*|expectanc\w*|condition\w*|suggestion\w*|honest"
                       r"|prior|previous\w*|former\w*|parent|core|feeder|originally"
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


# An arm given the tested treatment after its placebo period, a delayed start ("Participants will receive placebo QD for
# 12 weeks. Participants will be re-randomized at week 12 to receive atogepant dose A, dose B or dose C", NCT05861427;
# "Patients receive oral placebo daily for 6 months. Patients then receive oral fenretinide daily for 6 months",
# NCT00004161; "placebo for 12 weeks, followed by memantine"): rightly Experimental, since it is given what is tested.
# Its description's words after a later step name one of the study's interventions that is no placebo, and no
# placebo ("then placebo tablets for 12 more weeks", "followed by placebo matching Drug X"); being followed up, a rest
# or a rescue drug the study does not list is no such step.
LATER_STEP = (r"(?i)\b(?:then|thereafter|subsequently|afterwards?|followed\s+by|re-?randomi[sz]ed|switch(?:ed|es)?\s+to"
              r"|cross(?:ed|es)?[\s-]*over\s+to)\b[^.;]*")
LATER_PLACEBO = r"placebo|sham|vehicle|dummy"
# A dose of a treatment, as an arm's description gives one ("4 mg", "0.4 mg", "50 gm", "10 IU/kg").
DOSED = r"\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|ug|g|gm|ml|iu|units?|mmol)\b"


def given_the_drug_later_sql(arm: str = "g") -> str:
    """SQL: the description of the arm `arm` says it is given, after its placebo, one of the study's interventions
    that is no placebo ("Patients then receive oral fenretinide")."""
    steps = f"unnest(regexp_extract_all(coalesce({arm}.description, ''), {literal(LATER_STEP)})) AS later(step)"
    name = "lower(trim(regexp_replace(t.name, '\\s*[(\\[].*$', '')))"
    return (f"EXISTS (SELECT 1 FROM interventions t, {steps} WHERE t.nct_id = {arm}.nct_id "
            f"AND NOT {matches_sql('t.name', PLACEBO_WORDS)} AND length({name}) >= 3 "
            f"AND contains(lower(later.step), {name}) AND NOT {matches_sql('later.step', LATER_PLACEBO)})")


def as_read_sql(expr: str) -> str:
    """SQL: a title or name as read for what it is: its label read past, "to match" read as "matching"."""
    return (f"regexp_replace(regexp_replace(coalesce({expr}, ''), {literal(ARM_LABEL)}, '', 'i'), "
            f"'[\\s-]*\\bto[\\s-]+match\\b|-match(?:ed|ing)\\b', ' matching', 'gi')")


def only_placebo_sql(expr: str) -> str:
    """SQL: the title or name `expr` says it is a placebo or sham and nothing beside it ('Matching placebo',
    'Sham stimulation'; not 'Drug X plus placebo' nor 'Placebo then Drug X')."""
    read = as_read_sql(expr)
    return f"({matches_sql(read, PLACEBO_NAMED)} AND NOT {matches_sql(read, NOT_THE_PLACEBO_ARM)})"


def _placebo_arm_words(texts: dict[str, str], by_title: str) -> tuple[str, str]:
    """SQL: the message and evidence of a placebo arm typed active (`texts`: the template's expressions; `by_title`:
    whether the arm g's title says it is the placebo arm). A title's placebo arm whose description gives a dosed
    treatment and names no placebo ("Placebo" described as "oral tolterodine 4 mg plus tamsulosin 0.4 mg daily",
    NCT03600766) has a wrong title or description rather than a wrong type: its message says so, quoting it."""
    described_active = (f"{by_title} AND {matches_sql('g.description', DOSED)} "
                        f"AND NOT {matches_sql('g.description', PLACEBO_WORDS)}")
    texts = {**texts, "described": f"left(g.description, {DESCRIPTION_QUOTED})"}
    typed = sql_text("{named} is typed {type}, though {why}: a {kind} arm is typed {meant}.", **texts)
    described = sql_text("{named} is typed {type}, as its description reads ('{described}'), though its title says "
                         "it is the {kind} arm: the title or the description is wrong.", **texts)
    evidence = sql_text("design_groups.title={arm}; group_type={raw}; linked interventions: {given}", **texts)
    quoted = sql_text("; description={described}", **texts)
    return (f"CASE WHEN {described_active} THEN {described} ELSE {typed} END",
            f"concat({evidence}, CASE WHEN {described_active} THEN {quoted} END)")


def _placebo_arm_typed_active_sql() -> str:
    # Whether the title says the arm is the placebo arm, read once per arm (the column titled_placebo of g).
    by_title = "g.titled_placebo"
    sham_title = matches_sql("g.title", SHAM) + " AND NOT " + matches_sql("g.title", "placebo")
    sham_only = f"({sham_title} OR NOT {by_title} AND coalesce(a.shams, FALSE))"
    texts = {"named": named_sql(), "type": type_label_sql("g.group_type"), "raw": "g.group_type", "arm": "g.title",
             "given": "coalesce(a.given, 'none')",
             "kind": f"CASE WHEN {sham_only} THEN 'sham' ELSE 'placebo' END",
             "meant": f"CASE WHEN {sham_only} THEN 'Sham Comparator' ELSE 'Placebo Comparator' END",
             "why": f"CASE WHEN {by_title} THEN concat('its title says it is the ', "
                    f"CASE WHEN {sham_only} THEN 'sham' ELSE 'placebo' END, ' arm') "
                    "ELSE concat('the record gives it only ', a.given) END"}
    message, evidence = _placebo_arm_words(texts, by_title)
    only = (f"bool_and(i.nct_id IS NOT NULL AND {only_placebo_sql('i.name')}) AS only_placebo, "
            f"bool_or({matches_sql('i.name', SHAM)} AND NOT {matches_sql('i.name', 'placebo')}) AS shams, "
            f"bool_and(i.nct_id IS NOT NULL) AS all_listed, "
            f"bool_or({matches_sql(INTERVENTION_SAYS, PLACEBO_WORDS)}) AS names_placebo")
    # Where the record links the arm only to interventions it lists, none of them a placebo or sham (an extension's
    # "Placebo (Parent Study)" arm given the drug), the title's placebo is not what the arm is given.
    given_no_placebo = f"{ON_REGISTRY_LAYOUT} AND coalesce(a.all_listed AND NOT a.names_placebo, FALSE)"
    # The arms worth reading: typed Experimental or Active Comparator, titled with a placebo's word or a label.
    candidates = (f"group_type IN {one_of(ACTIVE_TYPES)} AND ({matches_sql('title', PLACEBO_HINT)} "
                  f"OR {matches_sql('title', BARE_LABEL)})")
    study_of_placebo = " OR ".join(matches_sql(text, STUDY_OF_PLACEBO)
                                   for text in ("s.brief_title", "s.official_title", "g.title", "g.description"))
    return select(
        message, evidence,
        f"({by_title} OR {ON_REGISTRY_LAYOUT} AND {matches_sql('g.title', BARE_LABEL)} "
        f"AND coalesce(a.only_placebo, FALSE)) "
        f"AND NOT ({study_of_placebo}) AND NOT (coalesce(d.crossover, FALSE) AND {matches_sql('g.title', IN_TURN)}) "
        f"AND NOT {matches_sql('g.description', EARLIER_STUDY)} "
        f"AND NOT ({given_no_placebo}) AND NOT {given_the_drug_later_sql()}",
        joins=f"JOIN (SELECT *, {only_placebo_sql('title')} AS titled_placebo FROM design_groups WHERE {candidates}) g "
              f"ON g.nct_id = s.nct_id "
              # A placebo arm is compared with another arm; a study's one arm given a placebo is what it tests.
              f"SEMI JOIN (SELECT nct_id FROM design_groups GROUP BY nct_id HAVING count(*) > 1) many "
              f"ON many.nct_id = s.nct_id "
              f"LEFT JOIN ({linked_sql(candidates, only, OTHER_NAMES)}) a ON {of_arm_sql()} "
              f"LEFT JOIN (SELECT nct_id, bool_or(intervention_model = 'CROSSOVER') AS crossover FROM designs "
              f"GROUP BY nct_id) d ON d.nct_id = s.nct_id")


# --- An arm typed Placebo (or Sham) Comparator that nothing says is given a placebo --------------------------------

# Words that name a placebo, sham or inactive product, or say the arm's product is one, as records write them: "Matching
# placebo", "Vehicle cream", "Saline", "Sugar pill", "Inactive device", "Identical capsules without the active
# ingredient", "0 mg" (a zero dose of the drug), "Detuned ultrasound", "Non-penetrating needles", "Attention control" (a
# behavioural trial's placebo), a placebo's usual substance ("Olive oil capsules" in a fish-oil trial, "Control cream",
# "Physiological serum", "NS 0.9%", "Ringer's lactate", "Formulation buffer", "Adjuvant alone" in a vaccine trial,
# "Cream base", "Petrolatum", "Medical air", "21% O2" or normal air however written ("normal air oxygen concentration at
# 2.2 ATM", "ordinary room oxygen", "ambient air") breathed in an oxygen or gas trial), a product without what is
# tested ("Nicotine-free e-cigarette", "Decaffeinated coffee", "Non-alcoholic beer"), or a dose or device that does
# nothing ("Subtherapeutic dose", "Subthreshold stimulation", "Laser turned off", "Electrodes placed, no current
# delivered", "0 mA", "Non-functioning device", "Unit without electrical output", "Dim red light" in a light-therapy
# trial), placebo misspelt ("Placibo", "Palcebo", "Plecebo") or in a sponsor's language ("Plazebo", "Placébo",
# "Fictitious stimulation", "False acupuncture", "Fictive"), a placebo cream, tablet or food named for its role
# ("Neutral cream", "Control juice", "Empty gelatin capsules", "Canola oil capsules"), a needle that does not pierce
# ("Blunt retractable needle", "Shallow needling"), a product without its drug ("Non-medicated patch"), a comparator
# drug given to mimic the tested one's side effects (an active placebo), or a sham procedure's wording: "Syringe hub
# pressed against the eye to mimic an injection", "Needles at non-acupuncture points", "Current ramped up and down",
# "Coil tilted 90 degrees away from the scalp", "Device not activated", "Laser probe applied with no emission",
# "Ultrasound at 0 W/cm2", "Zero output".
PLACEBO_WORDS = (r"placebo|\bp(?:la|al|le)[cz][aeioué]?bo\b|\bsham|vehicle|dummy|\binactive|\binert\b"
                 r"|\bmatch(?:ing|ed)\b|\bidentical|simulat|\bmock\b|ficti\w*"
                 r"|\bfalse\s+(?:acupuncture|needl\w*|stimulation|treatment"
                 r"|laser|tdcs|rtms|tens)\b|non-?function\w*|non-?working|unpowered|dim\s+(?:red\s+)?light"
                 r"|\bblunt\w*\s+(?:\w+\s+)?needles?|retractable\s+needles?|shallow\s+needl|non-?medicated|unmedicated"
                 r"|\bmimic\w*\s+(?:\w+\s+){0,3}?(?:side[- ]effects?|adverse\s+effects?|sensations?|taste|appearance"
                 r"|injections?|procedures?|surgery|operation|stimulation|needling|acupuncture|infusion|insertion)"
                 rf"|\bneutral\s+(?:{_FORMS}|tablets?|capsules?)\b"
                 r"|\bhartmann|\bdextrin|\b0\.9\s*%\s*ns\b|\bns\s+0\.9\s*%"
                 r"|imitation|\bpseudo|\bfake\b|sugar\s+(?:pill|tablet|capsule)|saline|sodium\s+chloride|\bnacl\b"
                 r"|dextrose|lactose|cellulose|starch|maltodextrin|sucrose|glucose|mannitol|talc|\bflour\b|\bwater\b"
                 r"|\b(?:olive|corn|sunflower|soybean|soya|safflower|mineral|vegetable|coconut|canola|rapeseed)\s+oil\b"
                 r"|paraffin|\b(?:medical|compressed|room|ambient|normal|ordinary|atmospheric)[\s-]+air\b"
                 r"|\b(?:room|ambient)[\s-]+oxygen\b|\b21\s*%\s*(?:o2|oxygen)\b"
                 rf"|\bcontrol\s+(?:{_FORMS}|tablets?|capsules?|pills?|injections?|infusion|drink|beverage|powder"
                 r"|sachets?|product|juice|yog(?:h)?urt|gum|bars?|snacks?)\b|look[- ]?alike|indistinguishable"
                 r"|(?:^|[^\d.,])0(?:[.,]0+)?\s*(?:mg|mcg|µg|ug|g|ml|iu|units?|%)|zero[- ]dose"
                 r"|\b(?:without|no|lacking|free\s+of|devoid\s+of)\s+(?:the\s+|any\s+)?active|non-?active"
                 r"|not\s+active|deactivated|switched\s+off|turned\s+off|detuned|attention[- ](?:control|placebo|match)"
                 r"|nocebo|solvent|diluent|excipient|\bblank\b|non-?penetrating|superficial\s+needl|non-?acupoint"
                 r"|non-?acupuncture\s+(?:points?|sites?)|without\s+(?:a\s+|the\s+)?needle\b|needle-?less\s+syringe"
                 r"|syringe\s+hub|empty\s+syringe|\bramp\w*\s+(?:up\s+and\s+)?down|\btilted\s+(?:\w+\s+){0,3}?away"
                 r"|\bcoil\s+(?:\w+\s+){0,2}?tilted|\btilted\s+coil"
                 r"|\bnot\s+(?:be\s+)?(?:activated|turned\s+on|switched\s+on|powered\s+on|energi[sz]ed)\b"
                 r"|minimal\s+(?:acupuncture|needling|stimulation)|streitberger"
                 r"|physiologic\w*\s+(?:serum|solution)|serum\s+physiolog|\bringer|isotonic|\bd5w\b|\bpbs\b|\bbuffer\b"
                 r"|adjuvant\s+(?:only|alone)|empty\s+(?:\w+\s+)?capsules?|nicotine[- ]free|denicotini|decaf"
                 r"|non-?alcoholic"
                 r"|alcohol[- ]free|caffeine[- ]free|sub-?threshold|sub-?therapeutic|non-?therapeutic"
                 r"|ineffective\s+dose"
                 r"|\b(?:device|laser|stimulator|unit|current|light)\s+(?:(?:turned|switched|set|is|was)\s+)?off\b"
                 r"|\bbase\s+(?:cream|ointment|gel)|\b(?:cream|ointment|gel)\s+base\b|petrolat|vaseline"
                 r"|\b(?:no|without)\s+(?:electrical\s+|magnetic\s+|laser\s+|light\s+)?(?:stimulation|current|energy"
                 r"|output|emission|activation|needle\s+penetration)"
                 r"|(?:^|[^\d.,])0(?:[.,]0+)?\s*(?:ma|w)\b|zero\s+(?:intensity|output|power|energy|current)")

# A sham procedure as a Sham Comparator arm may word it without the word sham: the procedure done without the part
# that treats ("Renal angiography without denervation", "Bronchoscopy without valve placement", "Catheter inserted, no
# ablation"), stopped short of the part that treats ("Delivery needle advanced into the skin but without contacting the
# muscle layer", "Cannula placed without penetrating the disc", "without actually injecting") or only its access or
# diagnostic step ("Skin incision only", "Angiography only", "Sedation only"). Read on Sham Comparator arms alone: a
# Placebo Comparator's "without stent placement" may be medical therapy.
SHAM_PROCEDURE = (r"\b(?:without|no)\s+(?:the\s+|any\s+|actual\s+|real\s+)?(?:\w+\s+){0,2}?(?:denervation|ablation"
                  r"|placement|implantation|deployment|insertion|energy\s+delivery)\b"
                  r"|\bwithout\s+(?:actually\s+|ever\s+)?(?:contacting|penetrating|puncturing|piercing|entering"
                  r"|reaching|touching|injecting|delivering|implanting|deploying|inserting|activating|ablating)\b"
                  r"|\b(?:incision|angiogra\w*|bronchoscopy|endoscopy|catheteri[sz]ation|an(?:a)?esthesia|sedation"
                  r"|mapping)\s+(?:\w+\s+)?only\b")

# A food, drink or hygiene product said to lack what is tested, as a placebo of one is worded: "Chewing gum without
# xylitol", "Yogurt without probiotics", "Fluoride-free toothpaste", "Gluten-free muffin", "Unfortified bread",
# "Non-protein control shake" or "Non caloric drink" in a nutrition trial. Read on comparator arms only: a drug's
# "tablets taken without food" says nothing of a placebo.
_PRODUCTS = (r"(?:gum|toothpaste|dentifrice|mouthwash|mouth\s*rinse|yog(?:h)?urt|formula|milk|bread|bars?|biscuits?"
             r"|cookies?|muffins?|chocolate|juice|drinks?|beverages?|snacks?|supplements?|powder|sachets?|shakes?"
             r"|smoothies?|puddings?|meals?|soups?)")
CONTROL_PRODUCT = (rf"\b{_PRODUCTS}\s+(?:\w+\s+){{0,3}}?(?:without|free\s+of|lacking|with\s+no)\b"
                   rf"|\b[a-z0-9]+-free\s+(?:\w+\s+)?{_PRODUCTS}\b|\bnon[-\s][a-z]+\s+(?:\w+\s+)?{_PRODUCTS}\b"
                   r"|\b(?:un|non-?)fortified\b")

# A control the study's text says is given as a placebo or a sham, in other words than a placebo's: an active placebo
# ("benztropine as an active placebo"), a control drug not expected to have the effect tested ("a control medication
# not expected to relieve pain (benztropine)"), or a control app or programme presented under the tested one's name
# for blinding ("The control app will also be called ACT on Vaping ..., for blinding purposes"), or a device the
# study inactivates as its sham ("all negative ion generators are inactivated", the control of light-therapy trials).
_DEVICES = r"(?:devices?|generators?|units?|lamps?|boxe?s?|stimulators?|lasers?|coils?|machines?|ioni[sz]ers?)"
PLACEBO_BY_PURPOSE = (
    rf"\b{_DEVICES}\s+(?:(?:are|is|was|were|will\s+be|have\s+been|has\s+been)\s+)?(?:inactivated|disabled"
    rf"|disconnected)\b|\b(?:inactivated|disabled|disconnected)\s+(?:[\w-]+\s+){{0,2}}?{_DEVICES}\b"
    r"|\bactive\s+placebo"
    r"|\b(?:control|comparison|comparator)\s+(?:\w+\s+){0,2}?(?:medications?|drugs?|substances?|pills?|tablets?"
    r"|capsules?|compounds?)\s+(?:\w+\s+){0,2}?(?:not\s+expected|unlikely|not\s+known|not\s+thought|not\s+believed)"
    r"\s+to\s+(?:have|relieve|improve|affect|treat|help|reduce|alter|change|influence)\b"
    r"|\b(?:control|comparison|comparator|sham)\s+(?:\w+\s+){0,2}?(?:apps?|application|programm?e?s?|software|games?"
    r"|website|version|intervention|condition)\s+(?:[\w-]+\s+){0,12}?(?:called|named|labell?ed|branded|presented"
    r"|introduced)\b[^.;]{0,100}?\b(?:for\s+(?:the\s+)?(?:purposes?\s+of\s+)?blinding|(?:to|will)\s+(?:maintain"
    r"|preserve|keep|ensure)\s+(?:the\s+)?blind)")
# The study's texts that may say so beside the arm's own: its summaries and how it is masked (table, column).
_STUDY_TEXTS = (("brief_summaries", "description"), ("detailed_descriptions", "description"),
                ("designs", "masking_description"))


def _study_says(pattern: str) -> str:
    """SQL: a summary or the masking description of the study s matches `pattern`, case aside. The text is read
    through the study's row, so the pattern is tried only on the texts of studies the rest of the rule keeps, not
    pushed down onto every study's texts (half the rule's time on 20,000 studies)."""
    texts = " UNION ALL ".join(f"SELECT nct_id, {column} AS said FROM {table}" for table, column in _STUDY_TEXTS)
    return (f"EXISTS (SELECT 1 FROM ({texts}) t WHERE t.nct_id = s.nct_id "
            f"AND {matches_sql('CASE WHEN s.nct_id IS NOT NULL THEN t.said END', pattern)})")


# What the arm g says of itself: its title and description.
ARM_TEXT = "concat_ws(' ', g.title, g.description)"
# How much of an arm's description the evidence quotes: its start says what the arm is given.
DESCRIPTION_QUOTED = 200


def _comparator_without_placebo_sql() -> str:
    texts = {"named": named_sql(), "type": type_label_sql("g.group_type"), "raw": "g.group_type", "arm": "g.title",
             "given": "a.given", "what": "CASE g.group_type WHEN 'SHAM_COMPARATOR' THEN 'a sham' ELSE 'a placebo' END",
             "described": f"coalesce(left(g.description, {DESCRIPTION_QUOTED}), 'none')"}
    # A placebo's words or a product without what is tested, read in one pattern.
    placebo_like = f"{PLACEBO_WORDS}|{CONTROL_PRODUCT}|{PLACEBO_BY_PURPOSE}"
    columns = ("bool_and(i.nct_id IS NOT NULL) AS all_listed, "
               f"bool_or({matches_sql(INTERVENTION_SAYS, placebo_like)}) AS names_placebo, "
               f"string_agg({INTERVENTION_SAYS}, ' ') AS says, string_agg(i.name, ' ') AS names, "
               f"bool_or(i.intervention_type IN {one_of(NOT_PRODUCT_TYPES)}) AS not_products")
    # Read last, of the arms left: its words and its interventions' in one text, against the other arms'.
    all_said = f"concat_ws(' ', {ARM_TEXT}, a.says)"
    sham_procedure = f"g.group_type = 'SHAM_COMPARATOR' AND {matches_sql(all_said, SHAM_PROCEDURE)}"
    comparators = f"group_type IN {one_of(COMPARATOR_TYPES)}"
    others = "coalesce(oa.others, '')"
    # The other arms are read only for the comparator arms whose own words name no placebo (not "Placebo").
    unnamed = f"{comparators} AND NOT {matches_sql('concat_ws(chr(32), title, description)', placebo_like)}"
    lacking = lacks_what_others_are_given("concat_ws(chr(32), g.title, a.names)", others, "a.not_products")
    return select(
        sql_text("{named} is typed {type}, yet neither it nor the interventions it is given ({given}) name {what}.",
                 **texts),
        sql_text("design_groups.title={arm}; group_type={raw}; linked interventions: {given}; "
                 "description={described}", **texts),
        # Read after the links are joined: the arm's own words are read only where its interventions say nothing.
        f"{ON_REGISTRY_LAYOUT} AND a.all_listed AND NOT (a.names_placebo OR {matches_sql(ARM_TEXT, placebo_like)}) "
        f"AND NOT ({sham_procedure}) AND NOT ({_study_says(PLACEBO_BY_PURPOSE)}) "
        f"AND NOT ({negative_control(all_said, others)}) AND NOT ({lacking}) "
        f"AND NOT {lower_setting_of_shared_device(ARM_TEXT)}",
        joins=f"JOIN design_groups g ON g.nct_id = s.nct_id AND g.group_type IN {one_of(COMPARATOR_TYPES)} "
              f"JOIN ({linked_sql(comparators, columns, OTHER_NAMES)}) a ON {of_arm_sql()} "
              f"LEFT JOIN ({others_given(unnamed)}) oa ON {of_arm_sql('oa')}")


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
         "study's other interventions after its placebo (a delayed start: 'Placebo for 12 weeks, then Drug X'), "
         "rightly typed Experimental, and a study of placebo itself (open-label placebo, placebo effect, "
         "conditioning, deception), whose placebo arm may be the one tested. What a "
         "labelled arm is given is read on ClinicalTrials.gov's own layouts only. An arm titled a placebo whose "
         "description gives a dosed treatment and no placebo ('Placebo' described as 'oral tolterodine 4 mg plus "
         "tamsulosin 0.4 mg daily') is said to have a title or description that is wrong, not a type.",
         ("design_groups.group_type", "design_groups.title"), _placebo_arm_typed_active_sql(),
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
         "low-intensity sham of stimulation trials. A control the arm's or the study's text (its summaries, its "
         "masking description) says is given as a placebo in other words is one: an active placebo, a control drug "
         "not expected to have the effect tested, a control app presented under the tested one's name for blinding. "
         "Not judged on an arm the record links to no intervention, or "
         "to one it does not list: what the arm is given cannot be told. Judged on ClinicalTrials.gov's own layouts "
         "only.",
         ("design_groups.group_type", "design_group_interventions"), _comparator_without_placebo_sql(),
         family=FAMILY, category="contradiction", judges_absence=True),
)
