"""Comparator arms given the control version of what another arm is given, in a trial that masks its participants: the
ordinary version of a product, a biological's too, where the study's title or summary calls it placebo-controlled
("Standard Plasma (FFP)" beside "High-Titer COVID-19 Convalescent Plasma" in a "Double-Masked, Placebo-Controlled
Trial"), and the tested app, programme or device with its content reduced ("a fully operational mobile phone App with
limited contents" beside the full app). Each is the study's placebo or sham in all but name.

SQL pieces for placebo_comparator_without_placebo (checks.arm_comparator_without_placebo), over the comparator arm g
of the study s.
"""
from __future__ import annotations

from checks.arm_control_products import (_A_LEVEL, _FUNCTION_WORDS, _HOLDS_SOMETHING, _MASKED, VEHICLE_TYPES,
                                         names_ordinary_version, title_product)
from checks.sql_text import literal, one_of

# A study that calls itself placebo-controlled, not where it denies it ("non-placebo-controlled", "not a
# placebo-controlled trial").
PLACEBO_CONTROLLED = r"\bplacebo[\s-]+controlled\b"
NOT_PLACEBO_CONTROLLED = r"\b(?:not|non|no|without|rather\s+than)[\s-]+(?:an?\s+|the\s+)?placebo[\s-]+controlled\b"
# The study's texts that say what the study is: its summaries (table, column), beside its titles.
_SUMMARIES = (("brief_summaries", "description"), ("detailed_descriptions", "description"))
# The interventions whose ordinary version may stand for a placebo in a placebo-controlled trial: a biological's
# ("standard plasma" beside "convalescent plasma") as well as a food's, a supplement's, a device's or another
# product's; never a drug's, whose ordinary version is an active treatment.
ORDINARY_TYPES = ("BIOLOGICAL",) + VEHICLE_TYPES
# A word that names the ordinary version, or none: what another arm's product is named with is what it adds only
# where it is none of these.
_NO_QUALIFIER = (r"^(?:ordinary|common|commercial|regular|conventional|standard|normal|plain|usual|traditional"
                 r"|donor|donated|human|fresh|frozen|same|matching|identical|of|and|or|the|a|an|with|\d.*)$")


def _matches(expr: str, pattern: str) -> str:
    """SQL: the text `expr` (NULL as empty) matches `pattern`, case aside."""
    return f"regexp_matches(coalesce({expr}, ''), {literal(pattern)}, 'i')"


def called_placebo_controlled() -> str:
    """SQL: the study s's brief or official title, or a summary, calls it placebo-controlled and does not deny it. The
    summaries are read through the study's row, so only the studies the rest of the rule keeps are read."""
    def said(expr: str) -> str:
        return f"({_matches(expr, PLACEBO_CONTROLLED)} AND NOT {_matches(expr, NOT_PLACEBO_CONTROLLED)})"
    texts = " UNION ALL ".join(f"SELECT nct_id, {column} AS said FROM {table}" for table, column in _SUMMARIES)
    summary = "CASE WHEN s.nct_id IS NOT NULL THEN t.said END"
    return (f"({said('s.brief_title')} OR {said('s.official_title')} "
            f"OR EXISTS (SELECT 1 FROM ({texts}) t WHERE t.nct_id = s.nct_id AND {said(summary)}))")


def _given_only(types: tuple[str, ...]) -> str:
    """SQL: the arm g is linked to interventions, all of them listed and of the types `types`."""
    links = ("design_group_interventions l LEFT JOIN interventions i ON i.nct_id = l.nct_id "
             "AND i.id = l.intervention_id WHERE l.nct_id = g.nct_id AND l.design_group_id = g.id")
    return (f"(EXISTS (SELECT 1 FROM {links}) "
            f"AND NOT EXISTS (SELECT 1 FROM {links} AND coalesce(i.intervention_type NOT IN {one_of(types)}, TRUE)))")


def _qualified_in_others(word: str, own: str, others: str) -> str:
    """SQL: the product `word` (SQL) is named in another arm (`others`, lower case) after a word that says what it
    adds ("convalescent plasma"), one the arm's own words (`own`) do not use."""
    qualifiers = f"regexp_extract_all({others}, concat('\\b([a-z][a-z0-9-]*)[\\s-]+', {word}, '\\b'), 1)"
    adds = (f"length(q) >= 4 AND NOT regexp_matches(q, {literal(_NO_QUALIFIER)}) "
            f"AND NOT regexp_matches(q, {literal(_FUNCTION_WORDS)}) "
            f"AND NOT regexp_matches(lower({own}), concat('\\b', q, '\\b'))")
    return f"len(list_filter({qualifiers}, q -> {adds})) > 0"


def ordinary_product_in_placebo_controlled_trial(said: str, own: str, others: str) -> str:
    """SQL: the comparator arm g, in a trial that masks its participants and that its title or a summary calls
    placebo-controlled, is given only biologicals, foods, supplements, devices or other products, and names (`said`:
    its words and its interventions') the ordinary version of a product, or is titled by the bare product, that another
    arm (`others`, lower case) is given with what it adds ("Standard Plasma (FFP)" beside "Convalescent Plasma");
    its own words (`own`) do not say it holds anything or is a usual or lower amount."""
    ordinary = names_ordinary_version(said, _qualified_in_others('w', own, others))
    # The bare product the arm is titled by ("Plasma", "Fresh frozen plasma"), by its last word, the thing it is.
    product, is_product = title_product()
    last_word = f"regexp_extract({product}, '[a-z0-9]+$', 0)"
    bare = f"({is_product} AND {_qualified_in_others(last_word, own, others)})"
    return (f"({_MASKED} AND {_given_only(ORDINARY_TYPES)} AND NOT {_matches(own, _HOLDS_SOMETHING)} "
            f"AND NOT {_matches(own, _A_LEVEL)} AND ({ordinary} OR {bare}) AND {called_placebo_controlled()})")


# The tested app, programme or device given with its content reduced, as its sham is worded: "a fully operational
# mobile phone App with limited contents", "a minimal-content version of the website", "a limited version of the
# app", "an app without the intervention modules". Each pattern's group 1 is the thing given, which another arm is
# given too. A "basic" app, or one with content of its own on another topic, is read as an attention control or not
# at all.
_THING = r"(apps?|applications?|programs?|programmes?|websites?|platforms?|software|games?|devices?|tools?)"
_LESS = r"(?:limited|reduced|minimal|restricted|stripped[\s-]down)"
_CONTENT = (r"(?:contents?|features?|functions?|functionality|functionalities|modules?|components?|information"
            r"|materials?)")
REDUCED_CONTENT = (
    rf"\b{_THING}\b(?:[\s,]+[\w-]+){{0,6}}?[\s,]+(?:with|has|having|containing|offering|providing|that\s+(?:has"
    rf"|offers|contains))\s+(?:only\s+)?(?:an?\s+|the\s+)?(?:very\s+)?{_LESS}\s+{_CONTENT}\b",
    rf"\b{_LESS}[\s-]+{_CONTENT}[\s-]+(?:versions?\s+of\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?)?{_THING}\b",
    rf"\b{_LESS}\s+versions?\s+of\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?{_THING}\b",
    rf"\b{_THING}\s+without\s+(?:the\s+|any\s+|its\s+)?(?:[\w-]+\s+){{0,2}}?(?:modules?|contents?|components?"
    r"|features?|exercises?|lessons?)\b",
)
# The interventions that are no product, whose control may be a version with less content: a product's is its placebo.
_NOT_PRODUCT_TYPES = ("BEHAVIORAL", "DEVICE", "OTHER", "PROCEDURE", "DIAGNOSTIC_TEST")


def reduced_version_of_tested_thing(own: str, others: str) -> str:
    """SQL: the comparator arm g, in a trial that masks its participants and given no product, says in its own words
    (`own`: its title, description and the interventions no other arm is given) it is given an app, programme,
    website or device with its content reduced (REDUCED_CONTENT), the thing another arm is given too (`others`,
    lower case)."""
    def thing_in_others(pattern: str) -> str:
        named = f"regexp_extract_all(lower({own}), {literal(pattern)}, 1)"
        stem = "regexp_replace(t, '(?:e?s)$', '')"
        return f"len(list_filter({named}, t -> regexp_matches({others}, concat('\\b', {stem})))) > 0"
    reduced = " OR ".join(thing_in_others(pattern) for pattern in REDUCED_CONTENT)
    return f"({_MASKED} AND {_given_only(_NOT_PRODUCT_TYPES)} AND ({reduced}))"
