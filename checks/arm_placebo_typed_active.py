"""SQL of protocol.placebo_arm_typed_active (registered in checks.arm_types): an arm that is the placebo arm, typed
Experimental or Active Comparator; and an arm given the tested treatment after its placebo period, which is rightly
typed Experimental."""
from __future__ import annotations

from checks.arm_placebo_titles import (BARE_LABEL, EARLIER_STUDY, IN_TURN, PLACEBO_HINT, SHAM, STUDY_OF_PLACEBO,
                                       only_placebo_sql)
from checks.arm_placebo_words import PLACEBO_WORDS
from checks.arm_sql import (ACTIVE_TYPES, DESCRIPTION_QUOTED, INTERVENTION_SAYS, ON_REGISTRY_LAYOUT, OTHER_NAMES,
                            linked_sql, matches_sql, named_sql, of_arm_sql, type_label_sql)
from checks.date_columns import select
from checks.sql_text import literal, one_of, sql_text

# An arm given the tested treatment after its placebo period, a delayed start ("Participants will receive placebo QD for
# 12 weeks. Participants will be re-randomized at week 12 to receive atogepant dose A, dose B or dose C", NCT05861427;
# "Patients receive oral placebo daily for 6 months. Patients then receive oral fenretinide daily for 6 months",
# NCT00004161; "placebo for 12 weeks, followed by memantine"): rightly Experimental, since it is given what is tested.
# Its description's words after a later step name one of the study's interventions that is no placebo, and no
# placebo ("then placebo tablets for 12 more weeks", "followed by placebo matching Drug X"); being followed up, a rest
# or a rescue drug the study does not list is no such step.
# ... or a crossover's second period after its washout ("each subject will receive 200 uL of C-1266-6 (placebo). After a
# washout period of approximately 14 days, subjects will receive 200 uL of C-1266-7", NCT01500629; "4 mg Pbo chewable
# tablet daily, crossing over to Montelukast 4 mg chewable tablet after a 3- to 7-day washout period", NCT00534976).
# ... or a later period named ("In period 1 participants received placebo for thalidomide ... In period 2 participants
# received thalidomide 200 mg once a day", NCT00004635; "during the second treatment period"): an arm named for its
# first period's placebo is a sequence. Not "a phase 2 study": a period is read after "in", "during" or "for".
LATER_STEP = (r"(?i)\b(?:then|thereafter|subsequently|afterwards?|followed\s+by|re-?randomi[sz]ed|switch(?:ed|es)?\s+to"
              r"|cross(?:ed|es|ing)?[\s-]*over\s+to"
              r"|(?:after|following)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?wash[\s-]?out"
              r"|(?:in|during|for)\s+(?:the\s+)?(?:(?:second|2nd|third|3rd|next|later|subsequent|final|last)\s+"
              r"(?:treatment\s+|study\s+|crossover\s+)?(?:period|phase|part|stage)|(?:treatment\s+)?(?:period|part"
              r"|stage)\s+(?:2|3|ii|iii|two|three|b|c)))\b[^.;]*")
LATER_PLACEBO = r"placebo|sham|vehicle|dummy"
# A dose of a treatment, as an arm's description gives one ("4 mg", "0.4 mg", "50 gm", "10 IU/kg").
DOSED = r"\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|ug|g|gm|ml|iu|units?|mmol)\b"


# Intervention types of a drug: a drug's placebo is typed so; a factorial's other factor (a diet, a behaviour) is not.
DRUG_TYPES = ("DRUG", "BIOLOGICAL")


def other_factor_sql(arm: str = "g", links: str = "a") -> str:
    """SQL: the title of the arm `arm` names both a linked intervention that is neither a drug nor a placebo and a
    linked drug's placebo ("900 mg Phosphate Diet-LC Placebo" given "900 mg Phosphate Diet" (OTHER) and "LC Placebo"
    (DRUG), NCT00843349): a factorial arm given the other factor, not the placebo arm; not the factor's own placebo
    or sham ("Placebo diet")."""
    title = f"lower({arm}.title)"
    factor = (f"x -> length(x) >= 3 AND contains({title}, x) AND NOT contains({title}, 'placebo ' || x) "
              f"AND NOT contains({title}, 'sham ' || x)")
    return (f"coalesce(len(list_filter({links}.other_factors, {factor})) > 0 "
            f"AND len(list_filter({links}.drug_placebos, p -> contains({title}, p))) > 0, FALSE)")


def given_the_drug_later_sql(arm: str = "g") -> str:
    """SQL: the description of the arm `arm` says it is given, after its placebo, one of the study's interventions
    that is no placebo ("Patients then receive oral fenretinide")."""
    steps = f"unnest(regexp_extract_all(coalesce({arm}.description, ''), {literal(LATER_STEP)})) AS later(step)"
    name = "lower(trim(regexp_replace(t.name, '\\s*[(\\[].*$', '')))"
    return (f"EXISTS (SELECT 1 FROM interventions t, {steps} WHERE t.nct_id = {arm}.nct_id "
            f"AND NOT {matches_sql('t.name', PLACEBO_WORDS)} AND length({name}) >= 3 "
            f"AND contains(lower(later.step), {name}) AND NOT {matches_sql('later.step', LATER_PLACEBO)})")


def stands_in_for_comparator_drug_sql(arm: str = "g") -> str:
    """SQL: the arm `arm`, typed Experimental, is given a placebo in place of a drug its title names that an arm typed
    Active Comparator is given, and is given a drug its title does not name ("B Methotrexate Placebo" given
    tocilizumab and a methotrexate placebo beside "A Methotrexate" given both drugs, NCT01587989): the placebo hides
    a drug withdrawn or compared (a withdrawal or double-dummy design), and the arm is given what is tested."""
    named = "lower(trim(regexp_replace({}.name, '\\s*[(\\[].*$', '')))"
    drug = "{0}.intervention_type IN " + one_of(DRUG_TYPES) + " AND NOT {1} AND length({2}) >= 3"
    compared, tested = named.format("x"), named.format("y")
    replaced = (f"EXISTS (SELECT 1 FROM design_group_interventions lc JOIN design_groups c ON c.nct_id = lc.nct_id "
                f"AND c.id = lc.design_group_id JOIN interventions x ON x.nct_id = lc.nct_id "
                f"AND x.id = lc.intervention_id WHERE lc.nct_id = {arm}.nct_id AND c.id <> {arm}.id "
                f"AND c.group_type = 'ACTIVE_COMPARATOR' "
                f"AND {drug.format('x', matches_sql('x.name', PLACEBO_WORDS), compared)} "
                f"AND contains(lower({arm}.title), {compared}))")
    given = (f"EXISTS (SELECT 1 FROM design_group_interventions lt JOIN interventions y ON y.nct_id = lt.nct_id "
             f"AND y.id = lt.intervention_id WHERE lt.nct_id = {arm}.nct_id AND lt.design_group_id = {arm}.id "
             f"AND {drug.format('y', matches_sql('y.name', PLACEBO_WORDS), tested)} "
             f"AND NOT contains(lower({arm}.title), {tested}))")
    return f"({arm}.group_type = 'EXPERIMENTAL' AND {replaced} AND {given})"


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


def placebo_arm_typed_active_sql() -> str:
    """SQL: the arms typed Experimental or Active Comparator that their title, or a bare label and only a placebo
    given, says are the placebo arm, with the message and evidence of each."""
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
            f"bool_or({matches_sql(INTERVENTION_SAYS, PLACEBO_WORDS)}) AS names_placebo, "
            f"list(lower(trim(i.name))) FILTER (WHERE i.intervention_type NOT IN {one_of(DRUG_TYPES)} "
            f"AND NOT {matches_sql('i.name', PLACEBO_WORDS)}) AS other_factors, "
            f"list(lower(trim(i.name))) FILTER (WHERE i.intervention_type IN {one_of(DRUG_TYPES)} "
            f"AND {only_placebo_sql('i.name')}) AS drug_placebos")
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
        f"AND NOT ({given_no_placebo}) AND NOT {given_the_drug_later_sql()} AND NOT {other_factor_sql()} "
        f"AND NOT {stands_in_for_comparator_drug_sql()}",
        joins=f"JOIN (SELECT *, {only_placebo_sql('title')} AS titled_placebo FROM design_groups WHERE {candidates}) g "
              f"ON g.nct_id = s.nct_id "
              # A placebo arm is compared with another arm; a study's one arm given a placebo is what it tests.
              f"SEMI JOIN (SELECT nct_id FROM design_groups GROUP BY nct_id HAVING count(*) > 1) many "
              f"ON many.nct_id = s.nct_id "
              f"LEFT JOIN ({linked_sql(candidates, only, OTHER_NAMES)}) a ON {of_arm_sql()} "
              f"LEFT JOIN (SELECT nct_id, bool_or(intervention_model = 'CROSSOVER') AS crossover FROM designs "
              f"GROUP BY nct_id) d ON d.nct_id = s.nct_id")
