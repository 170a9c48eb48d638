"""Rule family protocol, arms linked to the wrong intervention: an arm whose own words say what it is given, linked by
the record only to what they say it is not given. An Experimental arm "Magnetic Stimulation" linked only to "Sham
Magnetic stimulation" (NCT04488068); a Placebo Comparator arm "Placebo" linked only to "Ruconest", as the arm
"RUCONEST" is (NCT04705831); "Calcium-sulphate granules without antibiotics" linked only to "Calcium-sulphate granules
with tobramicina+vancomicina" (NCT06262854); "No mesh prophylaxis" linked only to "Mesh in permanent colostomy"
(NCT00496418). A data team that reads which arms are given a product from the links counts such an arm wrongly.

Built on the readings of titles (checks.arm_placebo_titles), links (checks.arm_sql) and placebo words
(checks.arm_placebo_words) that checks.arm_types' rules read.
"""
from __future__ import annotations

from checks.arm_control_products import LACKING, WITH_AFTER, lacked_word_sql
from checks.arm_placebo_titles import BARE_LABEL, PLACEBO_HINT, STUDY_OF_PLACEBO, as_read_sql, only_placebo_sql
from checks.arm_placebo_typed_active import given_the_drug_later_sql
from checks.arm_placebo_words import PLACEBO_WORDS
from checks.arm_sql import (
    ACTIVE_TYPES, ARM_TEXT, COMPARATOR_TYPES, DESCRIPTION_QUOTED, INTERVENTION_SAYS, ON_REGISTRY_LAYOUT, OTHER_NAMES,
    linked_sql, matches_sql, named_sql, of_arm_sql, type_label_sql,
)
from checks.date_columns import rule, select
from checks.rule import Rule
from checks.sql_text import literal, one_of, sql_text

FAMILY = "protocol"
# Interventions that are products: a placebo of one is another product, so a placebo arm is not given it. A sham
# device or procedure may be the device itself, switched off: a sham arm linked to it is not read.
PRODUCT_TYPES = ("DRUG", "BIOLOGICAL", "DIETARY_SUPPLEMENT", "COMBINATION_PRODUCT", "GENETIC")
# A title that says the arm goes without something, as (pattern, group of the product that lacks it or 0, group of
# what it lacks): "Calcium-sulphate granules without antibiotics" (and "free of", "with no", "lacking"), "Silver-free
# dressing", a title that opens with "No" or "Without" ("No mesh prophylaxis", "Without drain"), and an "un-" word
# that denies what the linked product is ("Unmodified vaginal tampons", "Uncoated stent", "Untreated water").
DENIALS = (*LACKING[:2], (r"^\s*(?:no|without)\s+(?:the\s+|any\s+)?([a-z][a-z0-9-]{2,})", 0, 1),
           (r"\bun([a-z]{4,}ed)\b", 0, 1))
# Titles that deny nothing of the arm: either way ("With or without radiation", "Drug X +/- Drug Y").
EITHER_WAY = r"\bwith\s+or\s+without\b|\bwith(?:out)?\s+or\s+with\b|and/or|±|\+/-|\(with(?:out)?\)"
# A placebo arm's description that gives every participant each treatment, as a crossover's arm does ("Each
# participant will receive ... both: (1) drug X + placebo and (2) drug X + drug Y, in a random-order, cross-over
# design"): its own words give it the drug it is linked to.
EVERY_TREATMENT = (r"\b(?:each|every|all)\s+(?:participants?|patients?|subjects?|volunteers?|individuals?)\s+"
                   r"(?:will\s+|shall\s+|would\s+)?(?:receive|be\s+given|get|take|undergo)\b[^.;]{0,80}?"
                   r"\b(?:both|all|each)\b|\bcross[\s-]*over\b")
# Words around a denial that make it one of the arm's people, not of what it is given ("Patients without diabetes",
# "Untreated patients").
PERSONS = (r"patients?|participants?|subjects?|volunteers?|people|persons?|individuals?|women|men|children"
           r"|adults?|infants?|mothers?|smokers?")
PEOPLE = (rf"\b(?:{PERSONS}|controls?|cohorts?|groups?)\s+(?:without|free\s+of|with\s+no|lacking)\b"
          rf"|\bun[a-z]{{4,}}ed\s+(?:{PERSONS})\b")

# A factorial trial's arm given one product and the placebo of another ("DOXY PLACEBO": "Doxycycline daily dosing
# (100mg) placebo of Zinc", NCT04584567), or a product beside a placebo ("Metformin + placebo"): read where a placebo
# is said to be of another product ("placebo of Zinc", "placebo for vitamin D"), or a product is named beside one.
_PLACEBO_OF = r"\bplacebos?\s+(?:of|for)\s+(?:the\s+)?([a-z][a-z0-9-]{2,})"
# A placebo named for its product, before or after it ("Doxycycline placebo", "Metformin matching placebo", "placebo
# of Doxycycline"): the product is not given.
_PRODUCTS_PLACEBO = (r"[a-z][a-z0-9-]*\s+(?:matching\s+)?placebos?\b"
                     r"|\bplacebos?\s+(?:of|for)\s+(?:the\s+)?[a-z][a-z0-9-]*")
# What may stand between a product and the placebo it is given with: its dose or form, in brackets or not.
_BESIDE_PLACEBO = (r"[a-z0-9-]*(?:\s+\([^)]*\))?(?:\s+[\d.,]+\s*[a-zµ/%]+)?\s*(?:\+|\bplus\b|\band\b|\bwith\b|&)\s*"
                   r"(?:an?\s+|the\s+)?(?:matching\s+)?placebo")


def _texts() -> dict[str, str]:
    """The message and evidence expressions of an arm g and its links a."""
    return {"named": named_sql(), "type": type_label_sql("g.group_type"), "raw": "g.group_type", "arm": "g.title",
            "given": "a.given", "described": f"coalesce(left(g.description, {DESCRIPTION_QUOTED}), 'none')"}


_EVIDENCE = "design_groups.title={arm}; group_type={raw}; description={described}; linked interventions: {given}"


def _active_arm_given_placebo_sql() -> str:
    """An Experimental or Active Comparator arm whose words name no placebo or sham, linked only to placebos."""
    texts = _texts()
    active = f"group_type IN {one_of(ACTIVE_TYPES)}"
    only = f"bool_and(i.nct_id IS NOT NULL AND {only_placebo_sql('i.name')}) AS only_placebo"
    study_of_placebo = " OR ".join(matches_sql(text, STUDY_OF_PLACEBO)
                                   for text in ("s.brief_title", "s.official_title", "g.title", "g.description"))
    return select(
        sql_text("{named} is typed {type} and names no placebo or sham, yet the record links it only to {given}.",
                 **texts),
        sql_text(_EVIDENCE, **texts),
        # A label's arm ("Arm B") given only a placebo is placebo_arm_typed_active's finding.
        f"{ON_REGISTRY_LAYOUT} AND a.only_placebo AND NOT {matches_sql(ARM_TEXT, PLACEBO_WORDS)} "
        f"AND NOT {matches_sql('g.title', BARE_LABEL)} AND NOT ({study_of_placebo})",
        joins=f"JOIN design_groups g ON g.nct_id = s.nct_id AND g.{active} "
              f"JOIN ({linked_sql(active, only)}) a ON {of_arm_sql()} "
              f"SEMI JOIN (SELECT nct_id FROM design_groups GROUP BY nct_id HAVING count(*) > 1) many "
              f"ON many.nct_id = s.nct_id")


def _arms_given() -> str:
    """SQL: per study and set of interventions (sorted ids), the Experimental or Active Comparator arms linked to
    exactly that set whose titles name no placebo, quoted ('"Ruconest"')."""
    sets = ("SELECT nct_id, design_group_id, list_sort(list_distinct(list(intervention_id))) AS given_ids "
            "FROM design_group_interventions GROUP BY ALL")
    return (f"SELECT k.nct_id, k.given_ids, string_agg(concat('\"', o.title, '\"'), ', ' ORDER BY o.title) AS arms, "
            f"CASE WHEN count(*) > 1 THEN 'the arms ' ELSE 'the arm ' END AS arm_word "
            f"FROM ({sets}) k JOIN design_groups o ON o.nct_id = k.nct_id AND o.id = k.design_group_id "
            f"WHERE o.group_type IN {one_of(ACTIVE_TYPES)} AND NOT {matches_sql('o.title', PLACEBO_HINT)} "
            f"GROUP BY ALL")


def _other_arms_said(arms: str) -> str:
    """SQL: per arm (nct_id, arm_id) among those `arms` selects, `others`: the titles and descriptions of the study's
    other arms."""
    return ("SELECT g.nct_id, g.id AS arm_id, string_agg(concat_ws(' ', o.title, o.description), ' ') AS others "
            f"FROM (SELECT nct_id, id FROM design_groups WHERE {arms}) g "
            "JOIN design_groups o ON o.nct_id = g.nct_id AND o.id <> g.id GROUP BY ALL")


def _given_beside_another_placebo_sql() -> str:
    """SQL: the arm g's title and description name each product it is linked to (`a.stems`, the first five letters of
    each name's first word) as given, not as a placebo's ("placebo of Doxycycline", "Doxycycline placebo"), and name
    a placebo of another product the study's titles or other arms name (`oa.others`: "placebo of Zinc" beside the arm
    "DOXY ZINC") or name a product given beside a placebo ("Metformin + placebo")."""
    said = "lower(concat_ws(' . ', g.title, g.description))"
    own_placebos_cut = f"regexp_replace({said}, {literal(_PRODUCTS_PLACEBO)}, ' ', 'g')"
    elsewhere = "lower(concat_ws(' ', s.brief_title, s.official_title, oa.others))"
    not_linked = "len(list_filter(a.stems, x -> starts_with(p, x) OR starts_with(x, left(p, 5)))) = 0"
    another_placebo = (f"len(list_filter(regexp_extract_all({said}, {literal(_PLACEBO_OF)}, 1), "
                       f"p -> {not_linked} AND regexp_matches({elsewhere}, concat('\\b', left(p, 4))))) > 0")
    beside_placebo = (f"len(list_filter(a.stems, x -> regexp_matches({said}, "
                      f"concat('\\b', x, {literal(_BESIDE_PLACEBO)})))) > 0")
    names_each = f"len(list_filter(a.stems, x -> NOT regexp_matches({own_placebos_cut}, concat('\\b', x)))) = 0"
    return f"(len(a.stems) > 0 AND {names_each} AND ({another_placebo} OR {beside_placebo}))"


def _placebo_arm_given_active_sql() -> str:
    """A Placebo (or Sham) Comparator arm titled only a placebo, linked only to the products an active arm is given,
    none of which names a placebo. An intervention that names its placebo ("Perindopril 4 mg or matching placebo")
    covers the placebo arm; an add-on's placebo arm is linked to less than the active arm (the background drug); an
    arm given the drug after its placebo (a crossover's "Placebo, then Ruconest", a delayed start) is given it, and so
    is one whose description gives every participant each treatment or names a crossover ("Each participant will
    receive both ..."), and a factorial trial's arm that names the product as given and the placebo as another's
    ("DOXY PLACEBO": "Doxycycline daily dosing (100mg) placebo of Zinc")."""
    texts = {**_texts(), "alike": "alike.arms", "arm_word": "alike.arm_word"}
    placebo_arms = f"group_type IN {one_of(COMPARATOR_TYPES)} AND {only_placebo_sql('title')}"
    columns = (f"bool_and(i.nct_id IS NOT NULL) AS all_listed, "
               f"bool_or({matches_sql(INTERVENTION_SAYS, PLACEBO_WORDS)}) AS names_placebo, "
               f"bool_or(i.intervention_type IN {one_of(PRODUCT_TYPES)}) AS products, "
               f"list_sort(list_distinct(list(l.intervention_id))) AS given_ids, "
               f"list_filter(list(left(regexp_extract(lower(i.name), '[a-z][a-z0-9-]{{3,}}'), 5)), x -> x <> '') "
               f"AS stems")
    return select(
        sql_text("{named} is typed {type} and titled a placebo, yet the record links it only to {given}, as it links "
                 "{arm_word}{alike}, and none of them names a placebo.", **texts),
        sql_text(_EVIDENCE + "; arms linked alike: {alike}", **texts),
        f"{ON_REGISTRY_LAYOUT} AND a.all_listed AND a.products AND NOT a.names_placebo "
        f"AND NOT {given_the_drug_later_sql()} AND NOT {matches_sql('g.description', EVERY_TREATMENT)} "
        f"AND NOT {_given_beside_another_placebo_sql()}",
        joins=f"JOIN (SELECT * FROM design_groups WHERE {placebo_arms}) g ON g.nct_id = s.nct_id "
              f"JOIN ({linked_sql(placebo_arms, columns, OTHER_NAMES)}) a ON {of_arm_sql()} "
              f"JOIN ({_arms_given()}) alike ON alike.nct_id = g.nct_id AND alike.given_ids = a.given_ids "
              f"LEFT JOIN ({_other_arms_said(placebo_arms)}) oa ON {of_arm_sql('oa')}")


def _denied(title: str, part: int) -> str:
    """SQL: what the title `title` says the arm goes without (`part` 2), or the product that goes without it (`part`
    1), lower case; NULL where it says neither."""
    found = [f"nullif(regexp_extract({title}, {literal(denial[0])}, {denial[part]}, 'i'), '')"
             for denial in DENIALS if denial[part]]
    return f"lower(coalesce({', '.join(found)}))"


def _denying_arms() -> str:
    """SQL: the typed arms (no No Intervention arm: what it is linked to is no_intervention_arm_with_interventions')
    whose titles say they go without something, with `lacked_word`, its stem `lacked` (a plural's s cut) and the
    `product` that lacks it."""
    title = as_read_sql("title")
    lacked = _denied(title, 2)
    return (f"SELECT *, {lacked} AS lacked_word, regexp_replace({lacked}, '(\\w{{3}})s$', '\\1') AS lacked, "
            f"{_denied(title, 1)} AS product "
            f"FROM design_groups WHERE group_type IS NOT NULL AND group_type <> 'NO_INTERVENTION' "
            f"AND {lacked} IS NOT NULL AND NOT {matches_sql(title, EITHER_WAY)} AND NOT {matches_sql(title, PEOPLE)}")


def _denial_of(stem: str) -> str:
    """SQL: a regular expression of words that say something goes without `stem` ("no mesh", "mesh-free",
    "unmodified")."""
    return (f"concat('(?:without|\\bno|\\bnon|free\\s+of|lacking)[\\s-]+(?:[\\w-]+\\s+){{0,2}}', {stem}, "
            f"'|', {stem}, '\\w*[\\s-]free\\b|\\bun', {stem})")


def _arm_given_what_it_lacks_sql() -> str:
    """An arm whose title says it goes without something, linked only to interventions that name it (none saying it
    goes without it), or only to the title's product with something added ("granules with tobramicina")."""
    texts = {**_texts(), "lacked": "g.lacked_word",
             "tail": "CASE WHEN a.names_lacked THEN ', which names it' "
                     "ELSE concat(', the same \"', g.product, '\" with something added') END"}
    name = "lower(i.name)"
    names_lacked = (f"regexp_matches({name}, {lacked_word_sql('d.lacked')}) "
                    f"AND NOT regexp_matches({name}, {_denial_of('d.lacked')})")
    # || not concat: a title with no product ("No surgery") gives no pattern, not one matching any "with".
    product_with = f"regexp_matches({name}, '\\b' || d.product || {literal(WITH_AFTER + '(?:[^a-z]|$)')})"
    columns = (f"bool_and(i.nct_id IS NOT NULL) AS all_listed, bool_and({names_lacked}) AS names_lacked, "
               f"bool_and(coalesce({product_with}, FALSE)) AS product_with, "
               f"bool_or(regexp_matches(lower({INTERVENTION_SAYS}), {_denial_of('d.lacked')})) AS says_lacking")
    denying = _denying_arms()
    of_link = f"JOIN ({denying}) d ON d.nct_id = l.nct_id AND d.id = l.design_group_id"
    return select(
        sql_text("{named} says it goes without \"{lacked}\", yet the record links it only to {given}{tail}.", **texts),
        sql_text(_EVIDENCE, **texts),
        f"{ON_REGISTRY_LAYOUT} AND a.all_listed AND (a.names_lacked OR a.product_with) AND NOT a.says_lacking",
        joins=f"JOIN ({denying}) g ON g.nct_id = s.nct_id "
              f"JOIN ({linked_sql('TRUE', columns, f'{OTHER_NAMES} {of_link}')}) a ON {of_arm_sql()}")


def wrong_link_sql() -> str:
    """SQL: the arms linked only to what their own words say they are not given, by each reading."""
    readings = (_active_arm_given_placebo_sql, _placebo_arm_given_active_sql, _arm_given_what_it_lacks_sql)
    return " UNION ALL ".join(reading() for reading in readings)


RATIONALE = (
    "What a registry record links to an arm is what its participants are given; an arm whose own words say what it is "
    "given, linked only to what they say it is not given, has a wrong link (or a wrong title or type), and a count of "
    "the arms given a product reads it wrongly. Read three ways: an Experimental or Active Comparator arm whose title "
    "and description name no placebo or sham, linked only to placebos or shams ('Magnetic Stimulation' linked only to "
    "'Sham Magnetic stimulation'); a Placebo (or Sham) Comparator arm titled a placebo ('Placebo', 'Vehicle "
    "solution'), linked only to the products (drugs, biologicals, supplements) an active arm is linked to, none of "
    "which names a placebo ('Placebo' linked only to 'Ruconest', as the arm 'RUCONEST' is); an arm whose title says it "
    "goes without something, linked only to what names it ('No mesh prophylaxis' linked to 'Mesh in permanent "
    "colostomy'; an un- word: 'Unmodified vaginal tampons' linked to 'modified vaginal tampon') or to the title's "
    "product with something added ('Calcium-sulphate granules without antibiotics' linked to the granules 'with "
    "tobramicina+vancomicina'; a title that opens with 'No' or 'Without' names no product). Not read: an arm that "
    "names its placebo beside something else ('Drug X plus placebo'), an arm given one active product and one placebo "
    "(a double dummy), an intervention that names its own placebo ('Perindopril or matching placebo', which covers "
    "both arms), an add-on design's placebo arm linked to the background drug every arm gets (it is linked to less "
    "than the active arm), a placebo run-in, a crossover's sequences and a delayed start (a placebo arm given the drug "
    "after its placebo: 'Placebo for 4 weeks, then Ruconest'), a placebo arm whose description gives every participant "
    "each treatment or names a crossover ('Each participant will receive ... both ... in a cross-over design'), a "
    "factorial trial's placebo arm that names the product it is linked to as given and its placebo as another "
    "product's ('DOXY PLACEBO': 'Doxycycline daily dosing (100mg) placebo of Zinc'; 'Metformin + placebo'), a "
    "study of placebo itself, a sham arm linked to the device or procedure it imitates (the sham may be the device "
    "switched off), a title that denies either way ('With or without radiation') or of its people ('Patients without "
    "diabetes', 'Untreated patients'), an intervention that names the denied word too ('Modified or unmodified "
    "tampon'), and a No Intervention arm (no_intervention_arm_with_interventions reads its links). Not an error: the "
    "link may be loose rather than wrong. Judged on ClinicalTrials.gov's own layouts only.")


def wrong_link_rule() -> Rule:
    """protocol.arm_linked_to_wrong_intervention: an arm linked only to what its own words say it is not given."""
    return rule("arm_linked_to_wrong_intervention", "warning", RATIONALE,
                ("design_group_interventions", "design_groups.title", "design_groups.group_type", "interventions.name"),
                wrong_link_sql(), family=FAMILY, category="contradiction")
