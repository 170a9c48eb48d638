"""Comparator arms whose product is a placebo by what the study's other arms are given: the same product without what
they are given ("chitosan free cotton textile" beside "chitosan coated textile"; "Calcium-sulphate granules without
antibiotics" beside the granules "with tobramicina+vancomicina"), and the negative control of a test of reactions
beside its positive control ("Aqueous Negative Control" beside "Histamine Positive Skin Test Control"), and a sham that
is a lower setting of the device another arm is given ("30% occipital nerve stimulation" beside "100% ..."), and an
attention control, sessions on a topic the study does not test ("health promotion intervention on healthy lifestyle"
beside sessions on breast cancer screening), and the ordinary version of a product another arm is given with something
added ("a common dairy product" beside "a dairy product, which is enriched with 3 g of milk phospholipids") or the
bare product so titled ("Nutrition" beside "Arginine enriched nutrition"), and a device named at a low output beside
the same device at a high one ("Low-output negative ion generator" beside "High-output ...").

SQL pieces for placebo_comparator_without_placebo (checks.arm_comparator_without_placebo), over the comparator arm g
of the study s; what a product lacks (LACKING, WITH_AFTER) is read by checks.arm_wrong_links too.
"""
from __future__ import annotations

from checks.arm_placebo_words import SHAM_BY_DESIGN
from checks.sql_text import literal, one_of

# A product said to lack something, three ways, with where the product's words and what it lacks are in each match:
# "Calcium-sulphate granules without antibiotics" ("free of", "with no", "lacking"), "chitosan free cotton textile"
# ("Chitosan-free"), "non-probiotic yoghurt".
_WORD = r"[a-z][a-z0-9-]*"
# What a product lacks may be an element named by its symbol, a whole word ("Mepilex without Ag" beside "Mepilex Ag",
# the silver dressing; "Zn-free"): the metals and minerals dressings, devices and supplements hold.
ELEMENT_SYMBOLS = r"(?:ag|au|cu|zn|fe|mg|ca|se|sr|li|pt|ti)\b"
LACKING = (
    (rf"\b({_WORD}(?:\s+{_WORD})?)\s+(?:without|free\s+of|with\s+no|lacking)\s+(?:the\s+|any\s+|added\s+)?"
     rf"({ELEMENT_SYMBOLS}|[a-z][a-z0-9-]{{2,}})", 1, 2),
    (rf"\b({ELEMENT_SYMBOLS}|[a-z][a-z0-9]{{2,}})[\s-]free\s+({_WORD}(?:\s+{_WORD})?)", 2, 1),
    (rf"\bnon[\s-]?([a-z]{{4,}})\s+({_WORD}(?:\s+{_WORD})?)", 2, 1),
)
# Words that make what lacks something no product but a regimen, a procedure, a time or the arm's people ("Usual care
# without exercise", "Standard chemotherapy without bevacizumab", "Opioid-free anaesthesia", "Mesh-free repair",
# "Progression-free survival", "Patients without antibiotics"): another kind of control, which the rule still flags.
NOT_A_PRODUCT = (r"\b(?:care|therap(?:y|ies)|treatments?|management|regimens?|protocols?|chemo(?:therapy)?"
                 r"|radiotherapy|surgery|surgical|operations?|repair|closure|technique|approach|procedures?"
                 r"|an(?:a)?esthesia|analgesia|sedation|diet|strategy|program(?:me)?s?|training|exercises?|education"
                 r"|counsell?ing|sessions?|intervals?|periods?|phases?|survival|days?|weeks?|months?|hours?|groups?"
                 r"|arms?|cohorts?|controls?|patients?|participants?|subjects?|volunteers?|people|taken|given|treated"
                 r"|administered|used|applied|performed|followed|managed)\b")
# Words of a product's name that say nothing of what it is.
_FUNCTION_WORDS = r"^(?:and|or|for|the|with|from|that|this|are|was|were|will|been|has|have|into|than|its|their)$"
# The same product named with what is tested in another arm ("granules with tobramicina", "textile coated with").
WITH_AFTER = r"\s+(?:with|containing|plus|coated|loaded|impregnated|enriched|infused|\+)"
# The interventions of an arm that are no product: what a procedure or behaviour lacks is no placebo.
NOT_PRODUCT_TYPES = ("PROCEDURE", "BEHAVIORAL", "RADIATION")


def others_given(arms: str) -> str:
    """SQL: one row per arm (nct_id, arm_id) among the arms `arms` (SQL over design_groups) selects, with `others`:
    what the study's other arms are given, lower case (their titles and descriptions, and the names and descriptions
    of the interventions linked to them)."""
    chosen = f"(SELECT nct_id, id FROM design_groups WHERE {arms})"
    given = ("SELECT l.nct_id, l.design_group_id, string_agg(concat_ws(' ', i.name, i.description), ' ') AS given "
             "FROM design_group_interventions l JOIN interventions i ON i.nct_id = l.nct_id "
             f"AND i.id = l.intervention_id SEMI JOIN {chosen} k ON k.nct_id = l.nct_id GROUP BY ALL")
    return (f"SELECT c.nct_id, c.id AS arm_id, "
            f"lower(string_agg(concat_ws(' ', o.title, o.description, og.given), ' ')) AS others FROM {chosen} c "
            f"JOIN design_groups o ON o.nct_id = c.nct_id AND o.id <> c.id "
            f"LEFT JOIN ({given}) og ON og.nct_id = o.nct_id AND og.design_group_id = o.id GROUP BY ALL")


def lacked_word_sql(lacked: str) -> str:
    """SQL: a regular expression that finds what a product lacks (`lacked`, SQL, lower case) where a word starts, or
    as a whole word where it is as short as an element's symbol ("ag", not the start of "agent")."""
    return f"concat('\\b', {lacked}, CASE WHEN length({lacked}) < 3 THEN '\\b' ELSE '' END)"


def _lacks_in_others(pattern: str, product: int, lacked: int, named: str, others: str) -> str:
    """SQL: a match of `pattern` in `named` is a product (its words: group `product`) lacking something (group
    `lacked`) whose product another arm is given too, with what it lacks or with something (`others`)."""
    words = f"regexp_extract(m, {literal(pattern)}, {product}, 'i')"
    lacks = f"lower(regexp_extract(m, {literal(pattern)}, {lacked}, 'i'))"
    fits = (f"length(w) >= 3 AND NOT regexp_matches(w, {literal(_FUNCTION_WORDS)}) "
            f"AND regexp_matches({others}, concat('\\b', w, '\\b')) "
            f"AND (regexp_matches({others}, {lacked_word_sql(lacks)}) "
            f"OR regexp_matches({others}, concat('\\b', w, {literal(WITH_AFTER)})))")
    product_words = f"string_split_regex(lower({words}), '\\s+')"
    each = (f"NOT regexp_matches({words}, {literal(NOT_A_PRODUCT)}, 'i') "
            f"AND len(list_filter({product_words}, w -> {fits})) > 0")
    return f"len(list_filter(regexp_extract_all({named}, {literal(pattern)}, 0, 'i'), m -> {each})) > 0"


# A product without what another arm is given is a placebo where the participants cannot tell the two apart.
_MASKED = ("EXISTS (SELECT 1 FROM designs d WHERE d.nct_id = g.nct_id "
           "AND coalesce(d.subject_masked, d.masking IN ('DOUBLE', 'TRIPLE', 'QUADRUPLE')))")


def lacks_what_others_are_given(named: str, others: str, not_products: str) -> str:
    """SQL: the arm g's names (`named`: its title and its interventions' names) call its product the product of
    another arm without what that arm is given (`others`: the column others_given() makes), in a trial that masks its
    participants, and none of its interventions is a procedure or behaviour (`not_products`, NULL as none)."""
    lacking = " OR ".join(_lacks_in_others(p, product, lacked, named, others) for p, product, lacked in LACKING)
    return f"(NOT coalesce({not_products}, FALSE) AND {_MASKED} AND ({lacking}))"


# The ordinary version of a product another arm is given with what is tested, as such a placebo is worded: "250 mL of a
# common dairy product" beside "a dairy product, which is enriched with 3 g of milk phospholipids", "commercially
# available underpants" beside "underpants made of precious metal fibers", "regular chewing gum" beside "chewing gum
# containing xylitol". The same vehicle without the active ingredient, in a masked trial, is a placebo in all but name.
_ORDINARY = (r"\b(?:ordinary|common|commercially\s+available|commercial|regular|conventional|standard|normal|plain"
            r"|usual|traditional|unenriched|non-?enriched|unmodified|untreated)\s+"
            r"((?:[a-z][a-z0-9-]*\s+)?[a-z][a-z0-9-]*)")
# The product named again with what is tested added: "dairy product, which is enriched with", "underpants made of".
_ADDED_TO = (r"(?:,?\s+(?:which|that)\s+(?:is|are|was|were|has\s+been|have\s+been|will\s+be))?\s+(?:with|containing"
            r"|plus|coated|loaded|impregnated|enriched|infused|fortified|supplemented|woven\s+with"
            r"|made\s+(?:of|from|with))\b")
# Words that make the ordinary thing an amount of what is tested ("Ordinary moxibustion volume"), not a product.
_AN_AMOUNT = r"\b(?:doses?|dosages?|volumes?|amounts?|intensit(?:y|ies)|concentrations?|strengths?|quantit(?:y|ies))\b"
# A comparator that says it holds something itself is a product of the same kind that is active ("Standard toothpaste
# containing 1450 ppm fluoride"), not the ordinary vehicle.
_HOLDS_SOMETHING = (r"\b(?:containing|contains|enriched|fortified|supplemented|coated|impregnated|loaded|infused"
                    r"|made\s+(?:of|from|with)|active|plus)\b")
# The interventions whose ordinary version may be a vehicle: a food, a supplement, a device or another product; not a
# drug or biological, whose ordinary version is an active treatment of its own.
VEHICLE_TYPES = ("DIETARY_SUPPLEMENT", "DEVICE", "OTHER")


def ordinary_version_of_others(said: str, own: str, others: str, vehicles_only: str) -> str:
    """SQL: the comparator arm g, in a masked trial and given only foods, supplements, devices or other products
    (`vehicles_only`), says (`said`: its words and its interventions') it is given the ordinary version of a product
    that another arm is given with something added (`others`, lower case), and its own words (`own`: its title,
    description and the interventions no other arm is given) do not say it holds anything: an intervention linked to
    both arms ("Enriched grape juice ... or placebo juice") speaks of the other arm's product too."""
    ordinary = names_ordinary_version(said, f"regexp_matches({others}, concat('\\b', w, {literal(_ADDED_TO)}))")
    return (f"(coalesce({vehicles_only}, FALSE) AND {_MASKED} "
            f"AND NOT regexp_matches({own}, {literal(_HOLDS_SOMETHING)}, 'i') AND {ordinary})")


def names_ordinary_version(said: str, word_fits: str) -> str:
    """SQL: `said` names the ordinary version of a product ("regular chewing gum"), not of a care, a regimen or an
    amount, one of whose words w (three letters or more, no function word) meets `word_fits` (SQL over w): how the
    other arms name that product with what they add."""
    words = f"string_split_regex(lower(regexp_extract(m, {literal(_ORDINARY)}, 1, 'i')), '\\s+')"
    fits = f"length(w) >= 3 AND NOT regexp_matches(w, {literal(_FUNCTION_WORDS)}) AND {word_fits}"
    each = (f"NOT regexp_matches(m, {literal(NOT_A_PRODUCT)}, 'i') "
            f"AND NOT regexp_matches(m, {literal(_AN_AMOUNT)}, 'i') AND len(list_filter({words}, w -> {fits})) > 0")
    return f"len(list_filter(regexp_extract_all({said}, {literal(_ORDINARY)}, 0, 'i'), m -> {each})) > 0"


# A comparator titled by the bare product, read past a number or label ("Nutrition", "2 Grape Juice", "Arm B: Bread"),
# that another arm is given with something added ("Arginine enriched nutrition", "an Enriched Grape Juice containing
# 234.5 mmol KCl", "bread fortified with iron"): the plain vehicle, as the ordinary version is.
_TITLE_LABEL = r"^\s*(?:(?:arm|group|cohort)\s*[a-z0-9]{1,4}|\d{1,2})\s*(?:[:.)]|\s[-–—]+\s|\s)\s*"
_ENRICHED = r"(?:enriched|fortified|supplemented|impregnated|coated|loaded|infused)"
_ENRICHED_AFTER = (r"(?:,?\s+(?:which|that)\s+(?:is|are|was|were|has\s+been|have\s+been|will\s+be))?\s+"
                   rf"(?:{_ENRICHED}|containing)\b")
# Titles that are the arm's role, not a product.
_ROLE = r"^(?:(?:the|control|controls|comparator|group|arm|cohort|placebo|sham|standard|usual)\s*)+$"
# An amount of the product said to be the usual or a lower one ("An ordinary dose of dairy product", "a low dose"): a
# dose compared, not the vehicle ("the same amount of grape juice" is the vehicle matched).
_A_LEVEL = (r"\b(?:ordinary|common|regular|conventional|standard|normal|usual|low|lower|reduced|half|smaller"
            rf"|minimal)\s+{_AN_AMOUNT}")


def title_product() -> tuple[str, str]:
    """SQL: the product the title of the arm g names, read past a number or label, lower case, its words joined by
    single spaces ("2 Grape Juice": "grape juice"); and whether it is one (one to three words, none the arm's role, a
    regimen, a procedure or an amount)."""
    product = (f"trim(regexp_replace(regexp_replace(lower(g.title), {literal(_TITLE_LABEL)}, ''), "
               f"'[^a-z0-9]+', ' ', 'g'))")
    fits = (f"(length({product}) >= 4 AND regexp_matches({product}, '^[a-z0-9]+(?: [a-z0-9]+){{0,2}}$') "
            f"AND NOT regexp_matches({product}, {literal(_ROLE)}) "
            f"AND NOT regexp_matches({product}, {literal(NOT_A_PRODUCT)}) "
            f"AND NOT regexp_matches({product}, {literal(_AN_AMOUNT)}))")
    return product, fits


def plain_version_of_others(own: str, others: str, vehicles_only: str) -> str:
    """SQL: the comparator arm g, in a masked trial and given only foods, supplements, devices or other products
    (`vehicles_only`), is titled by a product (title_product()) that another arm is given with something added
    (`others`, lower case: "enriched nutrition", "grape juice containing"), and its own words (`own`) do not say it
    holds anything or is a usual or lower amount."""
    product, fits = title_product()
    words = f"replace({product}, ' ', '[\\s-]+')"
    named = (f"(regexp_matches({others}, concat('\\b', {literal(_ENRICHED)}, '\\s+', {words}, '\\b')) "
             f"OR regexp_matches({others}, concat('\\b', {words}, {literal(_ENRICHED_AFTER)})))")
    return (f"(coalesce({vehicles_only}, FALSE) AND {_MASKED} AND {fits} "
            f"AND NOT regexp_matches({own}, {literal(_HOLDS_SOMETHING)}, 'i') "
            f"AND NOT regexp_matches({own}, {literal(_A_LEVEL)}, 'i') AND {named})")


# A negative control, as a test of reactions (a skin-prick or patch test, an assay) names the inert solution whose
# reaction the test's are read against ("Aqueous Negative Control", "Negative control solution", "Negative control
# (diluent)"), or beside a positive control (histamine) in another arm. Not a negative control that is people (healthy
# volunteers, patients) or is given nothing ("Negative control: no treatment").
NEGATIVE_CONTROL = r"\bnegative[\s-]+controls?\b"
_CONTROL_SOLUTION = r"\b(?:aqueous|solutions?|diluents?|glycer\w*|saline|buffer)\b"
POSITIVE_CONTROL = r"\bpositive[\s-]+controls?\b"
_PEOPLE = (r"\b(?:healthy|volunteers?|subjects?|patients?|participants?|individuals?|donors?|people|persons?|women"
           r"|men|children)\b")
_NOTHING = r"\b(?:untreated|unvaccinated|no\s+(?:treatment|intervention|vaccine|vaccination|exposure))\b"


def negative_control(said: str, others: str) -> str:
    """SQL: what the arm says of itself and its interventions (`said`) names a negative control solution, or a
    negative control that is no people beside a positive control another arm is given (`others`)."""
    def matches(expr: str, pattern: str) -> str:
        return f"regexp_matches({expr}, {literal(pattern)}, 'i')"
    beside_positive = f"{matches(others, POSITIVE_CONTROL)} AND NOT {matches(said, _PEOPLE)}"
    return (f"({matches(said, NEGATIVE_CONTROL)} AND NOT {matches(said, _NOTHING)} "
            f"AND ({matches(said, _CONTROL_SOLUTION)} OR {beside_positive}))")


# A setting of a device or procedure below the one tested, as a low-intensity sham is worded: a percentage ("30%
# occipital nerve stimulation"), or a low, reduced, subtherapeutic or subthreshold intensity, dose, current or output
# ("Low-intensity stimulation", "Subthreshold current").
LOWER_SETTING = (r"\b\d{1,2}(?:[.,]\d+)?\s*%"
                 r"|\b(?:low|lower|minimal|reduced|sub-?therapeutic|sub-?threshold)[\s-]+(?:[\w-]+\s+){0,2}?"
                 r"(?:intensity|dose|level|stimulation|amplitude|power|energy|current|output|frequency|setting)s?\b"
                 r"|\bsub-?(?:therapeutic|threshold)\b")
# The interventions that are products, whose lower dose is a dose compared, not a sham.
_PRODUCT_TYPES = ("DRUG", "BIOLOGICAL", "DIETARY_SUPPLEMENT", "COMBINATION_PRODUCT", "GENETIC")


def lower_setting_of_shared_device(said: str) -> str:
    """SQL: the Sham Comparator arm g says (`said`) it is a lower setting (LOWER_SETTING), is linked to interventions,
    none a product, and each of them is linked to another arm too: the same device or procedure at another setting,
    the low-intensity sham of stimulation trials."""
    links = "design_group_interventions l WHERE l.nct_id = g.nct_id AND l.design_group_id = g.id"
    shared = ("EXISTS (SELECT 1 FROM design_group_interventions k WHERE k.nct_id = l.nct_id "
              "AND k.intervention_id = l.intervention_id AND k.design_group_id <> l.design_group_id)")
    product = ("EXISTS (SELECT 1 FROM interventions i WHERE i.nct_id = l.nct_id AND i.id = l.intervention_id "
               f"AND i.intervention_type IN {one_of(_PRODUCT_TYPES)})")
    return (f"(g.group_type = 'SHAM_COMPARATOR' AND regexp_matches({said}, {literal(LOWER_SETTING)}, 'i') "
            f"AND EXISTS (SELECT 1 FROM {links}) "
            f"AND NOT EXISTS (SELECT 1 FROM {links} AND (NOT {shared} OR {product})))")


# An attention control, a behavioural trial's placebo: sessions, education or materials on another topic than the one
# tested, matched for the attention the tested arm gets. Said outright ("health education on unrelated topics",
# "general health talks", "content not related to the study", "Motivational texts not alcohol related", "tips
# unrelated to smoking"), or by naming its topic ("a health promotion intervention on healthy lifestyle" beside
# sessions on breast cancer screening) in words that neither the other arms, the titles nor the conditions use. Usual
# or standard care, whatever it teaches, is another kind of control.
OTHER_TOPIC = (r"\b(?:unrelated|non-?related|other|different|neutral|general|non-?specific)\s+"
               r"(?:health(?:-related)?\s+)?(?:topics?|subjects?|themes?|content|issues)\b"
               r"|\bgeneral\s+health\s+(?:education|promotion|information|talks?|lectures?|classes|sessions?)\b"
               r"|\b(?:unrelated|not\s+related)\s+to\s+(?:the\s+)?[a-z]"
               r"|\b(?:not|non)[\s-]+(?:[a-z]+[\s-]+){1,2}?related\b"
               r"|\bneutral\s+(?:writing|prompts?|passages?|texts?|messages?|videos?|films?|stories|essays?)\b")
# A control said to match the tested arm's attention or to control for its nonspecific effects: "serves as a credible
# control for the nonspecific effects of a group-based intervention (i.e. controls for time, attention, expectation
# of recovery ...)", "equal attention" ("matched for contact time" is a placebo's word, PLACEBO_WORDS).
ATTENTION_MATCHED = (r"\bcontrols?\s+for\s+(?:the\s+)?(?:non-?specific|common)\s+(?:effects?|factors)\b"
                     r"|\bcontrols?\s+for\s+(?:[\w-]+(?:,\s+|\s+and\s+)){0,3}attention\b"
                     r"|\b(?:equal|same\s+amount\s+of)\s+attention\b")
# What a session, its teaching or its materials are on: "Health education session on healthy lifestyle". Not when
# or how long it is ("The session lasts on average 15 minutes", "Sessions held on Mondays").
_TAUGHT = (r"(?:education(?:al)?|promotion|information|talks?|lectures?|classes|sessions?|materials?|counsell?ing"
           r"|videos?|pamphlets?|brochures?|leaflets?|booklets?|newsletters?|workshops?|seminars?|messages?)")
_NO_TOPIC = (r"(?:an?\s+|the\s+)?(?:average|time|schedule|site|line|request|demand|days?|weekends?|weekdays?"
             r"|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|weekly|monthly|daily|\d)")
_NO_TOPIC_OPENING = rf"^{_NO_TOPIC}\b"
TAUGHT_ON = (rf"\b{_TAUGHT}(?:\s+(?:{_TAUGHT}|interventions?|program(?:me)?s?|health|group|individual|weekly"
             r"|monthly))?\s+(?:on|about|regarding|covering|concerning|focus(?:ed|ing)\s+on)\s+"
             r"([^.;:,()\n]{3,80})")
# Words of a topic that say nothing of what it is about.
_TOPIC_FILLER = (r"^(?:health|healthy|general|topics?|issues?|subjects?|information|education|their|them|they|this"
                 r"|that|with|from|into|about|other|such|various|several|some|including|related|based|ways?|well"
                 r"|will|also|each|week|weeks|weekly|monthly|daily|month|months|session|sessions|minutes?|hours?)$")
# Usual care, a usual way of life kept ("Participants keep their usual diet") or a wait list: no attention control.
USUAL_CARE = (r"\b(?:usual|standard|routine|conventional|regular)\s+(?:[\w-]+\s+)?(?:care|treatment|practice"
              r"|management|therapy|services?|diet|activit\w*|lifestyle|habits?|routines?)\b|\btreatment\s+as\s+usual"
              r"|\btau\b|\bwait[\s-]*list")


def attention_control(said: str, elsewhere: str, behavioural_only: str) -> str:
    """SQL: the comparator arm g, given only behavioural or other interventions (`behavioural_only`) in a study that
    lists no product, says (`said`: its words and its interventions') it is taught on another topic than the one
    tested (`elsewhere`, lower case: what the other arms are given, the titles and the conditions) or matched to it for
    attention, and is no usual care."""
    def matches(expr: str, pattern: str) -> str:
        return f"regexp_matches({expr}, {literal(pattern)}, 'i')"
    words = (f"list_filter(string_split_regex(t, '[^a-z]+'), "
             f"w -> length(w) >= 4 AND NOT regexp_matches(w, {literal(_TOPIC_FILLER)}))")
    # A topic is another where none of its words (by their first five letters, "lifestyle" as "lifestyles") is
    # used elsewhere.
    used = f"regexp_matches({elsewhere}, concat('\\b', left(w, 5)))"
    unused = (f"NOT regexp_matches(t, {literal(_NO_TOPIC_OPENING)}) "
              f"AND len({words}) > 0 AND len(list_filter({words}, w -> {used})) = 0")
    named_topic = f"len(list_filter(regexp_extract_all(lower({said}), {literal(TAUGHT_ON)}, 1), t -> {unused})) > 0"
    # A trial of a product is controlled by a placebo of it, never by sessions matched for attention.
    products = (f"EXISTS (SELECT 1 FROM interventions p WHERE p.nct_id = g.nct_id "
                f"AND p.intervention_type IN {one_of(_PRODUCT_TYPES)})")
    return (f"(coalesce({behavioural_only}, FALSE) AND NOT {products} AND NOT {matches(said, USUAL_CARE)} "
            f"AND ({matches(said, OTHER_TOPIC)} OR {matches(said, ATTENTION_MATCHED)} OR {named_topic}))")


# A setting of a device as its name states it: a wavelength, frequency, power, current, field or light level ("657
# nm", "40 Hz", "5 mW", "2 mA", "1.5 T", "10000 lux"), or the colour or brightness of a light ("Red Light Box", "Dim
# light"). The control of a light or stimulation trial is often the same device at another setting: "Red Light Box 657
# nm" beside "Blue Light Box 467 nm" (NCT00269633), the inactive wavelength.
DEVICE_SETTING = (r"\b\d+(?:[.,]\d+)?\s*(?:nm|hz|khz|mhz|mw|w|ma|µa|ua|mv|v|mt|t|gauss|db|lux|j/cm2|j)\b"
                  r"|\b(?:red|blue|green|white|amber|yellow|orange|violet|infra-?red|near-?infra-?red|uv|ultra-?violet"
                  r"|dim|bright)\b")
# The interventions that may be a device at some setting.
_SET_TYPES = ("DEVICE", "RADIATION")


def _unset(name: str) -> str:
    """SQL: an intervention's name (`name`, SQL) lower case, with its settings blanked out and its spaces closed."""
    blanked = f"regexp_replace(lower({name}), {literal(DEVICE_SETTING)}, ' ', 'g')"
    return f"trim(regexp_replace({blanked}, '[^a-z0-9]+', ' ', 'g'))"


def other_setting_of_another_arms_device() -> str:
    """SQL: the comparator arm g, in a trial that masks its participants, is linked to interventions that are all
    devices (or radiation) named by a setting, each the device another arm is given under another intervention of the
    same name at another setting ("Red Light Box 657 nm" beside "Blue Light Box 467 nm")."""
    own = ("design_group_interventions l JOIN interventions i ON i.nct_id = l.nct_id AND i.id = l.intervention_id "
           "WHERE l.nct_id = g.nct_id AND l.design_group_id = g.id")
    same_device = (f"EXISTS (SELECT 1 FROM design_group_interventions k JOIN interventions j ON j.nct_id = k.nct_id "
                   f"AND j.id = k.intervention_id WHERE k.nct_id = g.nct_id AND k.design_group_id <> g.id "
                   f"AND j.id <> i.id AND lower(j.name) <> lower(i.name) AND {_unset('j.name')} = {_unset('i.name')})")
    set_device = (f"i.intervention_type IN {one_of(_SET_TYPES)} AND regexp_matches(lower(i.name), "
                  f"{literal(DEVICE_SETTING)}) AND length({_unset('i.name')}) >= 3 AND {same_device}")
    return (f"({_MASKED} AND EXISTS (SELECT 1 FROM {own}) "
            f"AND NOT EXISTS (SELECT 1 FROM {own} AND NOT ({set_device})))")


# A device named at a low output, density or intensity beside the same device named at a high one in another arm
# ("Low-output negative ion generator" beside "High-output negative ion generator", the inactive setting of ion and
# light trials). Not a frequency or a level: low-frequency stimulation and low-level laser are treatments of their own.
_OUTPUT = r"[\s-]+(?:output|density|intensity|power|energy|current|strength)\b"
LOW_OUTPUT = rf"\b(?:low|lower|reduced|minimal){_OUTPUT}"
HIGH_OUTPUT = rf"\b(?:high|higher|full|maximal|maximum){_OUTPUT}"


def _without_output(name: str) -> str:
    """SQL: an intervention's name (`name`, SQL) lower case, its low or high output blanked out, its spaces closed."""
    either = rf"\b(?:low|lower|reduced|minimal|high|higher|full|maximal|maximum){_OUTPUT}"
    return f"trim(regexp_replace(regexp_replace(lower({name}), {literal(either)}, ' ', 'g'), '[^a-z0-9]+', ' ', 'g'))"


def low_output_of_another_arms_device() -> str:
    """SQL: the comparator arm g is linked to interventions that are all devices named at a low output (LOW_OUTPUT),
    each the device another arm is given under an intervention named at a high output (HIGH_OUTPUT). A drug's low dose
    is no such device."""
    own = ("design_group_interventions l JOIN interventions i ON i.nct_id = l.nct_id AND i.id = l.intervention_id "
           "WHERE l.nct_id = g.nct_id AND l.design_group_id = g.id")
    high = (f"EXISTS (SELECT 1 FROM design_group_interventions k JOIN interventions j ON j.nct_id = k.nct_id "
            f"AND j.id = k.intervention_id WHERE k.nct_id = g.nct_id AND k.design_group_id <> g.id "
            f"AND j.intervention_type = 'DEVICE' AND regexp_matches(lower(j.name), {literal(HIGH_OUTPUT)}) "
            f"AND {_without_output('j.name')} = {_without_output('i.name')})")
    low = (f"i.intervention_type = 'DEVICE' AND regexp_matches(lower(i.name), {literal(LOW_OUTPUT)}) "
           f"AND length({_without_output('i.name')}) >= 3 AND {high}")
    return f"(EXISTS (SELECT 1 FROM {own}) AND NOT EXISTS (SELECT 1 FROM {own} AND NOT ({low})))"


def sham_by_design(said: str) -> str:
    """SQL: the comparator arm g, in a trial that masks its participants, says (`said`: its words and its
    interventions') it is a sham by design (SHAM_BY_DESIGN): its participants blinded to it, or the device given with
    the part that treats removed."""
    return f"({_MASKED} AND regexp_matches({said}, {literal(SHAM_BY_DESIGN)}, 'i'))"

