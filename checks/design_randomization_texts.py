"""What a record's design texts say of what is randomized: within each participant, when each cluster starts, or
devices and tests compared on every participant; quoted as evidence (SQL). Also where they have every participant go
through each arm."""
from __future__ import annotations

from checks.sql_text import literal, one_of

# Text that places what is randomized within each participant (RE2, case aside): a part of each participant's body
# ("split-mouth", "one eye randomly assigned to laser", "the control is the patient's opposite side of the body"),
# each participant as their own control, or the order of treatments each takes in turn, as a crossover does ("in
# random order", "randomized to one of two sequences", "a randomized, double-blind, crossover study"). A side is one
# of the body ("one side of the mouth"), not a side effect; a half one of the face or mouth, not half the patients.
_SIDE = r"sides?(?:\s+(?:of|as|to|in|is|are|was|were|will|served|serves)\b|\s*[.,;:)])"
_HALF = (r"(?:half|halves)\s+of\s+(?:the\s+|their\s+|his\s+|her\s+|each\s+)?"
         r"(?:face|mouth|body|jaw|scalp|arch|back|head)\b")
_BODY_PART = (r"(?:(?:eyes?|hemi-?faces?|quadrants?|teeth|tooth|jaws?|arches|legs?|feet|foot|limbs?|knees?|ears?"
              rf"|nostrils?|forearms?|thighs?|axillae|axillas?|buttocks?)\b|{_HALF}|{_SIDE})")
_ONE_OF_EACH = r"\b(?:one|each|either|left|right|fellow|contralateral)\s+(?:[\w'-]+\s+){0,2}?"
_THE_OTHER = r"\b(?:contralateral|opposite|fellow|other|untreated)\s+(?:[\w'-]+\s+){0,2}?"
_CROSSOVER = r"(?:cross|change)-?\s?over"
_DESIGN_WORD = (r"(?:randomi[sz]ed|double|single|open|triple|blind(?:ed)?|label(?:led)?|masked|placebo|sham|active"
                r"|(?:placebo|sham|active)-controlled|controlled|pilot|clinical|prospective"
                r"|\w+-(?:way|period|sequence|group|treatment)|(?:double|single|triple)-blind(?:ed)?|open-label)")
_WITHIN_PARTICIPANT = (
    r"\bsplit[\s-]+(?:mouth|face|body|scalp)\b",
    rf"{_ONE_OF_EACH}{_BODY_PART}[^.;]{{0,60}}?\brandom",
    rf"\brandom[^.;]{{0,60}}?{_ONE_OF_EACH}{_BODY_PART}",
    rf"{_THE_OTHER}{_BODY_PART}[^.;]{{0,40}}?\bcontrols?\b",
    rf"\bcontrols?\b[^.;]{{0,40}}?{_THE_OTHER}{_BODY_PART}",
    r"\b(?:his|her|their|its)\s+own\s+controls?\b",
    r"\b(?:intra-?(?:individual|patient|subject)|within[\s-](?:subjects?|patients?|participants?|individuals?))\s+"
    r"(?:design|comparison|control|randomi)",
    r"\bin\s+(?:a\s+)?random(?:ized|ised)?\s+(?:order|sequence)",
    r"\brandom(?:i[sz]ed|ly\s+(?:assigned|allocated))\s+(?:to\s+)?"
    r"(?:the\s+|an?\s+|one\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?)?"
    r"(?:treatment\s+)?(?:orders?|sequences?)\b",
    r"\b(?:random\w*|counter-?balanced)\s+(?:[\w():,-]+\s+){0,6}?(?:to|for)\s+(?:the\s+)?order\b",
    r"\b(?:order|sequence)\s+(?:of\s+[^.;]{0,40}?)?(?:is|are|was|were|will\s+be)\s+randomi[sz]ed",
    r"\brandomi[sz]ation\s+of\s+(?:the\s+)?(?:order|sequence|timing)\b",
    rf"\b{_CROSSOVER}(?:,?\s+{_DESIGN_WORD}){{0,4}},?\s+(?:design|study|trial|fashion|manner|experiment)\b",
    rf"\b{_DESIGN_WORD},?\s+{_CROSSOVER}\b",
    rf"\b{_CROSSOVER}\s+to\s+the\s+other\b",
    # A skin patch test, every patch on each participant, at sites that may be randomized ("Examiner-blind Human
    # Patch Test", "Patch Test of Benzalkonium Chloride", a "Finn chamber" per arm, NCT01762982); not a patch test
    # that admits participants ("patients with a positive patch test to nickel").
    r"\b(?:human|repeat(?:ed)?[\s-]+insult|cumulative[\s-]+irritation|(?:semi-?)?occlusive|irritation)\s+"
    r"patch[\s-]+test|^\s*patch[\s-]+test\s+(?:of|for|with)\b|\bfinn\s+chambers?\b",
)
WITHIN_TEXT = literal("|".join(f"(?:{pattern})" for pattern in _WITHIN_PARTICIPANT))
# Text that gives each participant every arm, one on each side of the body: a split-body design ("Split-face Study",
# "one side of the face was treated with a Sham light and the other half with a light emitting diode", NCT00818246),
# whose arms are sides, not groups. Not an order of treatments (a crossover's, another model).
_SIDES = (
    _WITHIN_PARTICIPANT[:5]
    + (rf"\b(?:one|either|left|right)\s+(?:[\w'-]+\s+){{0,2}}?{_BODY_PART}[^.;]{{0,120}}?"
       r"\b(?:the\s+)?(?:other|opposite|contralateral|fellow)\s+(?:half|side|eye)\b",)
)
SIDES_TEXT = literal("|".join(f"(?:{pattern})" for pattern in _SIDES))
# An arm's description that gives its treatment to one side of each participant ("one side of the face was treated
# three times weekly ... with a Sham light", NCT00818246): where both of two arms say so, the arms are sides.
ONE_SIDE_ARM = literal(r"\b(?:one|left|right|the\s+other|opposite)\s+(?:side|half)\s+of\s+(?:the|their|his|her|each)\s+"
                       r"(?:face|mouth|body|jaw|scalp|back|head|forehead|neck|arm|leg|chest|abdomen)\b"
                       r"|\b(?:one|left|right|the\s+other|fellow|contralateral)\s+eye\b")
# An arm given on both sides ("infiltrated on each the right and left side of the abdomen", NCT01582477).
BOTH_SIDES_ARM = literal(r"\b(?:right|left)\s+(?:and|&)\s+(?:the\s+)?(?:right|left)\b|\bboth\s+(?:sides|eyes|halves)\b"
                         r"|\beach\s+(?:side|eye)\b")
# Text that has every participant go through each of the arms, which are then one group's procedures, not groups:
# each participant takes all of them ("Each patient enrolled in the study will experience the same modes of sample
# collection", "All patients will receive both the conjunctival swab and nasopharyngeal swab", "all three tests
# will be performed on every participant"), or the same participants are read by each observer ("Patients ... will
# undergo a lung ultrasound, by two observers each", "each patient will be examined by both sonographers"). Not the
# same intervention given to everyone of a household or site (a cluster's arms are groups), nor the same criteria.
_PARTICIPANTS = r"(?:patients?|participants?|subjects?|volunteers?|individuals?|persons?|children|infants?|donors?)"
_EVERY_ONE = rf"\b(?:each|every|all|the\s+same)\s+(?:[\w-]+\s+){{0,2}}?{_PARTICIPANTS}\b"
_PROCEDURES = (r"(?:methods?|modes?|tests?|samples?|specimens?|swabs?|devices?|techniques?|examinations?|exams?"
               r"|measurements?|scans?|sample\s+types?|(?:sample|specimen)\s+collection|sampling)\b")
_ARMS_TAKEN = rf"(?:arms?|procedures?|interventions?|conditions?|assessments?|observers?|readers?|{_PROCEDURES})"
_GOES_THROUGH = (r"\b(?:experienc|undergo|underw|receiv|get|gott|ha[sdv]|tak|took|giv|gave|provid"
                 r"|(?:be|are|were|is)\s+(?:tested|assessed|examined|evaluated|scanned|sampled|swabbed|measured"
                 r"|imaged|screened))\w*\s+(?:[\w-]+\s+){0,2}?")
_OF_THEM_ALL = (rf"(?:(?:all|both|each|every)\s+(?:of\s+)?(?:the\s+|these\s+)?(?:[\w-]+\s+){{0,2}}?{_ARMS_TAKEN}"
                rf"|the\s+same\s+(?:[\w-]+\s+){{0,2}}?{_PROCEDURES})")
_DONE_ON_EVERY_ONE = (rf"\b(?:all|both|each|every)\s+(?:of\s+)?(?:the\s+|these\s+)?(?:[\w-]+\s+){{0,2}}?{_ARMS_TAKEN}"
                      r"[^.;]{0,80}?\b(?:taken|collected|performed|done|obtained|applied|given|administered|used"
                      rf"|carried\s+out)\s+(?:from|on|to|in|for)\s+(?:each|every|all|the\s+same)\s+{_PARTICIPANTS}\b")
_OBSERVERS = (r"(?:(?:independent|different|separate|blinded|masked)\s+)?(?:observers?|readers?|raters?|examiners?"
              r"|operators?|sonographers?|radiologists?|assessors?|evaluators?)")
_BY_EACH = r"\bby\s+(?:two|three|four|five|both|each|all|every|the\s+two|[2-5]|several|multiple|different)\s+"
EVERY_ARM_TEXT = literal("|".join(f"(?:{pattern})" for pattern in (
    rf"{_EVERY_ONE}[^.;]{{0,120}}?{_GOES_THROUGH}{_OF_THEM_ALL}",
    _DONE_ON_EVERY_ONE,
    rf"{_EVERY_ONE}[^.;]{{0,120}}?{_BY_EACH}{_OBSERVERS}",
    rf"\b{_PARTICIPANTS}\b[^.;]{{0,120}}?{_BY_EACH}{_OBSERVERS}\s+each\b",
)))
# A stepped wedge randomizes when each cluster (a site, a ward) starts the intervention all of them take in turn: not
# participants between groups, nor what each participant takes ("a stepped-wedge design", "cluster-randomization of
# the order of initiation", "sites will be randomized to the order in which they start").
_CLUSTER = r"(?:clusters?|sites?|wards?|units?|hospitals?|practices?|clinics?|schools?|communit(?:y|ies)|villages?)"
CLUSTER_START_TEXT = literal(
    r"\bstepped[\s-]*wedge\b"
    r"|\bcluster[\s-]*randomi[sz]ation\s+of\s+(?:the\s+)?(?:order|sequence|timing)\b"
    rf"|\b{_CLUSTER}\s+(?:will\s+be\s+|are\s+|were\s+)?randomi[sz]ed\s+to\s+(?:the\s+)?(?:order|sequence|timing)\b")
# Where a record may say so, in the order its words are quoted from.
_DESIGN_TEXTS = (("studies.official_title", "studies", "official_title"),
                 ("studies.brief_title", "studies", "brief_title"),
                 ("designs.intervention_model_description", "designs", "intervention_model_description"),
                 ("brief_summaries.description", "brief_summaries", "description"),
                 ("detailed_descriptions.description", "detailed_descriptions", "description"),
                 ("design_groups.description", "design_groups", "description"),
                 ("interventions.description", "interventions", "description"))


def texts_of(studies: str) -> str:
    """SQL: the design texts (nct_id, rank, field, text) of the studies the query `studies` names."""
    texts = ' UNION ALL '.join(f"SELECT nct_id, {rank} AS rank, {literal(field)} AS field, {column} AS text "
                               f"FROM {table}" for rank, (field, table, column) in enumerate(_DESIGN_TEXTS))
    return f"SELECT * FROM ({texts}) SEMI JOIN {studies} USING (nct_id)"


# The texts of the randomized single groups, kept apart so that the expression reads only theirs, and the first words
# of them that place what is randomized within each participant, on one line without a list's marks.
TEXTS_READ = texts_of("randomized")


def quotes(pattern: str, where: str = "TRUE") -> str:
    """SQL: per study, the first of its texts (of those `where` keeps) that match `pattern` (a SQL literal), quoted
    with up to 40 characters either side, on one line without a list's marks."""
    quoted = f"regexp_extract(text, '[^.;\\n]{{0,40}}(?:' || {pattern} || ')[^.;\\n]{{0,40}}', 0, 'i')"
    one_line = f"regexp_replace(trim({quoted}, ' -*' || chr(9) || chr(10) || chr(13)), '\\s+', ' ', 'g')"
    return (f"SELECT nct_id, arg_min(field || ': ''' || {one_line} || '''', rank) AS quote "
            f"FROM texts WHERE {where} AND regexp_matches(text, {pattern}, 'i') GROUP BY nct_id")


# A diagnostic or screening study of devices or tests only whose titles or brief summary compare them ("Comparison of
# Swab Types for Specimen Collection", "Correlation Study of the New Monitor and Its Predicate"): such a study often
# measures every participant with each device, in an order that may be randomized, in one group.
METHODS_COMPARED = literal(r"\b(?:compar\w*|correlat\w*|agreement|concordan\w*|versus|vs)\b")
DEVICES_ONLY = """EXISTS (SELECT 1 FROM interventions i WHERE i.nct_id = texts.nct_id)
    AND NOT EXISTS (SELECT 1 FROM interventions i WHERE i.nct_id = texts.nct_id
                    AND i.intervention_type IS DISTINCT FROM 'DEVICE'
                    AND i.intervention_type IS DISTINCT FROM 'DIAGNOSTIC_TEST')"""
DIAGNOSTIC = "EXISTS (SELECT 1 FROM designs d WHERE d.nct_id = texts.nct_id AND d.primary_purpose IN " \
              "('DIAGNOSTIC', 'SCREENING'))"
_NAMING_FIELDS = one_of(("studies.official_title", "studies.brief_title", "brief_summaries.description"))
COMPARED_QUOTES = quotes(METHODS_COMPARED, f"field IN {_NAMING_FIELDS} AND {DIAGNOSTIC} AND {DEVICES_ONLY}")
