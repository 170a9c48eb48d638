"""SQL of protocol.placebo_comparator_without_placebo (registered in checks.arm_types): an arm typed Placebo (or
Sham) Comparator that nothing says is given a placebo."""
from __future__ import annotations

from checks.arm_control_products import (NOT_PRODUCT_TYPES, VEHICLE_TYPES, attention_control,
                                         lacks_what_others_are_given, low_output_of_another_arms_device,
                                         lower_setting_of_shared_device, negative_control, ordinary_version_of_others,
                                         other_setting_of_another_arms_device, others_given, plain_version_of_others,
                                         sham_by_design, title_product)
from checks.arm_control_versions import ordinary_product_in_placebo_controlled_trial, reduced_version_of_tested_thing
from checks.arm_placebo_words import (BLINDED_BY_SHAM, CONTROL_PRODUCT, NOT_BLINDED_BY_SHAM, PLACEBO_BY_PURPOSE,
                                      PLACEBO_PRODUCT_LACKING, PLACEBO_WORDS, SHAM_PROCEDURE, WITHHELD_FINDINGS)
from checks.arm_sql import (ARM_TEXT, COMPARATOR_TYPES, DESCRIPTION_QUOTED, INTERVENTION_SAYS, ON_REGISTRY_LAYOUT,
                            OTHER_NAMES, linked_sql, matches_sql, named_sql, of_arm_sql, type_label_sql)
from checks.date_columns import select
from checks.sql_text import literal, one_of, sql_text

# The study's texts that may say a control is a placebo (PLACEBO_BY_PURPOSE) beside the arm's own: its summaries,
# how it is masked and how its groups are assigned (table, column).
_STUDY_TEXTS = (("brief_summaries", "description"), ("detailed_descriptions", "description"),
                ("designs", "masking_description"), ("designs", "intervention_model_description"))

# Another arm's words that name its own placebo or sham: the sham a study's text speaks of may be that arm's.
_PLACEBO_OR_SHAM = r"placebo|\bsham"
# A product's arm titled by the product "without" in Latin ("Coldamaris sine" beside "Coldamaris pro"), in a study
# whose text calls it placebo-controlled: the product without its active part, the vehicle.
_WITHOUT_IN_LATIN = r"\ssine\.?\s*$"
_PLACEBO_CONTROLLED = r"placebo[\s-]+controlled"
# The interventions an attention control is given: what is taught, a behaviour or another kind.
_TAUGHT_TYPES = ("BEHAVIORAL", "OTHER")
# The study's titles and conditions, what it tests as the record names it.
_STUDY_NAMES = "s.brief_title, s.official_title, cn.names"
# An intervention's words, each text closed as a sentence.
_APART = "concat_ws('. ', i.name, i.description, o.other_names)"
_CONDITIONS = "SELECT nct_id, string_agg(name, ' ') AS names FROM conditions GROUP BY ALL"
# What a study's text calls a placebo product: the words after "placebo" ("compared with that of a placebo grape juice
# (PGJ)": "grape juice"), and the abbreviation it defines for one ("placebo grape juice (PGJ)": "PGJ"; not a design's,
# "placebo controlled trial (PCT)").
_PLACEBO_PRODUCT = r"\bplacebos?\s+([a-z0-9][a-z0-9-]*(?:\s+[a-z0-9][a-z0-9-]*){0,2})"
_PLACEBO_ABBREVIATED = r"(?i:\bplacebos?(?:\s+[a-z][\w-]*){0,4})\s*\(([A-Z][A-Z0-9]{1,7})\)"
_NOT_A_PLACEBO_PRODUCT = r"(?i)controlled|trials?\b|stud(?:y|ies)|design|effects?\b|respon|run-in|lead-in"
# An intervention linked to the arm g that no other arm is linked to.
_OWN_LINK = ("NOT EXISTS (SELECT 1 FROM design_group_interventions k WHERE k.nct_id = l.nct_id "
             "AND k.intervention_id = l.intervention_id AND k.design_group_id <> l.design_group_id)")


def _study_says(pattern: str, unless: str | None = None) -> str:
    """SQL: a summary or the masking description of the study s matches `pattern` (and not `unless`), case aside. The
    text is read through the study's row, so the pattern is tried only on the texts of studies the rest of the rule
    keeps, not pushed down onto every study's texts (half the rule's time on 20,000 studies)."""
    texts = " UNION ALL ".join(f"SELECT nct_id, {column} AS said FROM {table}" for table, column in _STUDY_TEXTS)
    said = "CASE WHEN s.nct_id IS NOT NULL THEN t.said END"
    denied = f" AND NOT {matches_sql(said, unless)}" if unless else ""
    return f"EXISTS (SELECT 1 FROM ({texts}) t WHERE t.nct_id = s.nct_id AND {matches_sql(said, pattern)}{denied})"


def _placebo_named_sql() -> str:
    """SQL: per study, what its summaries and masking description say of its placebo product, lower case: `lacks`,
    what it is without ("placebo product without nicotinamide supplement": "nicotinamide"); `products`, the words
    after "placebo" ("a placebo grape juice": "grape juice"); and `abbreviations`, as written, those defined for a
    placebo ("placebo grape juice (PGJ)": "PGJ")."""
    texts = " UNION ALL ".join(f"SELECT nct_id, {column} AS said FROM {table}" for table, column in _STUDY_TEXTS)
    products = (f"list_transform(regexp_extract_all(lower(said), {literal(_PLACEBO_PRODUCT)}, 1), "
                f"p -> trim(regexp_replace(p, '[^a-z0-9]+', ' ', 'g')))")
    defined = (f"list_transform(list_filter(regexp_extract_all(said, {literal(_PLACEBO_ABBREVIATED)}, 0), "
               f"m -> NOT regexp_matches(m, {literal(_NOT_A_PLACEBO_PRODUCT)})), "
               f"m -> regexp_extract(m, {literal(_PLACEBO_ABBREVIATED)}, 1))")
    return (f"SELECT nct_id, flatten(list(regexp_extract_all(lower(said), {literal(PLACEBO_PRODUCT_LACKING)}, 1))) "
            f"AS lacks, flatten(list({products})) AS products, flatten(list({defined})) AS abbreviations "
            f"FROM ({texts}) t WHERE {matches_sql('said', 'placebo')} GROUP BY ALL")


def comparator_without_placebo_sql() -> str:
    """SQL: the Placebo (or Sham) Comparator arms whose own words, linked interventions and study texts name no
    placebo or sham, with the message and evidence of each."""
    texts = {"named": named_sql(), "type": type_label_sql("g.group_type"), "raw": "g.group_type", "arm": "g.title",
             "given": "a.given", "what": "CASE g.group_type WHEN 'SHAM_COMPARATOR' THEN 'a sham' ELSE 'a placebo' END",
             "described": f"coalesce(left(g.description, {DESCRIPTION_QUOTED}), 'none')"}
    # A placebo's words or a product without what is tested, read in one pattern.
    placebo_like = f"{PLACEBO_WORDS}|{CONTROL_PRODUCT}|{PLACEBO_BY_PURPOSE}"
    columns = ("bool_and(i.nct_id IS NOT NULL) AS all_listed, "
               f"bool_or({matches_sql(INTERVENTION_SAYS, placebo_like)}) AS names_placebo, "
               f"string_agg({INTERVENTION_SAYS}, ' ') AS says, string_agg(i.name, ' ') AS names, "
               f"string_agg({_APART}, '. ') AS says_apart, "
               f"bool_or(i.intervention_type IN {one_of(NOT_PRODUCT_TYPES)}) AS not_products, "
               f"bool_and(i.intervention_type IN {one_of(_TAUGHT_TYPES)}) AS taught_only, "
               f"bool_and(i.intervention_type IN {one_of(VEHICLE_TYPES)}) AS vehicles_only, "
               f"string_agg(CASE WHEN {_OWN_LINK} THEN {INTERVENTION_SAYS} END, ' ') AS own_says")
    # Read last, of the arms left: its words and its interventions' in one text, against the other arms'.
    all_said = f"concat_ws(' ', {ARM_TEXT}, a.says)"
    sham_procedure = f"g.group_type = 'SHAM_COMPARATOR' AND {matches_sql(all_said, SHAM_PROCEDURE)}"
    comparators = f"group_type IN {one_of(COMPARATOR_TYPES)}"
    others = "coalesce(oa.others, '')"
    # The other arms are read only for the comparator arms whose own words name no placebo (not "Placebo").
    unnamed = f"{comparators} AND NOT {matches_sql('concat_ws(chr(32), title, description)', placebo_like)}"
    lacking = lacks_what_others_are_given("concat_ws(chr(32), g.title, a.names)", others, "a.not_products")
    # A topic is read within one text: "Control message about birdfeeding" ends before its intervention's name.
    said_apart = "concat_ws('. ', g.title, g.description, a.says_apart)"
    attention = attention_control(said_apart, f"lower(concat_ws(' ', {others}, {_STUDY_NAMES}))", "a.taught_only")
    # Its own words: its title and description, and the interventions no other arm is given.
    own_said = f"concat_ws(' ', {ARM_TEXT}, a.own_says)"
    ordinary = ordinary_version_of_others(all_said, own_said, others, "a.vehicles_only")
    plain = plain_version_of_others(own_said, others, "a.vehicles_only")
    # The ordinary version of a biological too, where the study calls itself placebo-controlled; the tested app with its
    # content reduced.
    versions = (f"{ordinary_product_in_placebo_controlled_trial(all_said, own_said, others)} "
                f"OR {reduced_version_of_tested_thing(own_said, others)}")
    # The sham a study's text says blinds its participants, the placebo product it says lacks what another arm is
    # given, or the placebo product it names by the product the arm's title names ("a placebo grape juice" beside
    # "2 Grape Juice"), is this arm's where no other arm names a placebo or sham.
    product, is_product = title_product()
    named_product = (f"({is_product} AND len(list_filter(coalesce(pl.products, []), "
                     f"p -> starts_with(concat(p, ' '), concat({product}, ' ')))) > 0)")
    study_names_it = (f"(NOT regexp_matches({others}, {literal(_PLACEBO_OR_SHAM)}) "
                       f"AND ({_study_says(BLINDED_BY_SHAM, NOT_BLINDED_BY_SHAM)} OR {named_product} "
                       f"OR len(list_filter(coalesce(pl.lacks, []), w -> regexp_matches({others}, "
                       f"concat('\\b', w)))) > 0))")
    # An abbreviation the study's text defines for a placebo, used in the arm's or its interventions' words, case kept.
    abbreviated = (f"len(list_filter(coalesce(pl.abbreviations, []), "
                   f"w -> regexp_matches({all_said}, concat('\\b', w, '\\b')))) > 0")
    return select(
        sql_text("{named} is typed {type}, yet neither it nor the interventions it is given ({given}) name {what}.",
                 **texts),
        sql_text("design_groups.title={arm}; group_type={raw}; linked interventions: {given}; "
                 "description={described}", **texts),
        # Read after the links are joined: the arm's own words are read only where its interventions say nothing.
        f"{ON_REGISTRY_LAYOUT} AND a.all_listed AND NOT (a.names_placebo OR {matches_sql(ARM_TEXT, placebo_like)}) "
        f"AND NOT ({sham_procedure}) AND NOT {matches_sql(all_said, WITHHELD_FINDINGS)} "
        f"AND NOT ({_study_says(PLACEBO_BY_PURPOSE)}) AND NOT {study_names_it} "
        f"AND NOT ({matches_sql('g.title', _WITHOUT_IN_LATIN)} AND {_study_says(_PLACEBO_CONTROLLED)}) "
        f"AND NOT ({negative_control(all_said, others)}) AND NOT ({lacking}) "
        f"AND NOT {lower_setting_of_shared_device(ARM_TEXT)} AND NOT {attention} AND NOT {ordinary} "
        f"AND NOT {plain} AND NOT {abbreviated} AND NOT {sham_by_design(all_said)} "
        f"AND NOT {other_setting_of_another_arms_device()} AND NOT {low_output_of_another_arms_device()} "
        f"AND NOT ({versions})",
        joins=f"JOIN design_groups g ON g.nct_id = s.nct_id AND g.group_type IN {one_of(COMPARATOR_TYPES)} "
              f"JOIN ({linked_sql(comparators, columns, OTHER_NAMES)}) a ON {of_arm_sql()} "
              f"LEFT JOIN ({others_given(unnamed)}) oa ON {of_arm_sql('oa')} "
              f"LEFT JOIN ({_CONDITIONS}) cn ON cn.nct_id = s.nct_id "
              f"LEFT JOIN ({_placebo_named_sql()}) pl ON pl.nct_id = s.nct_id")
