"""Rule family protocol, interventions: each intervention is named for what it is, not only typed or cast."""
from __future__ import annotations

from checks.date_columns import before_fdaaa, rule, select
from checks.drug_names import INN_STEMS
from checks.placeholder_values import PLACEHOLDERS
from checks.sql_text import literal, one_of, sql_text

FAMILY = "protocol"
# Names that say only what kind of thing an intervention is: the registry's intervention types (as their labels
# read, legacy ones too), the words for any intervention at all ("Drug", "Device", "Intervention") and a protocol's
# words for its product ("Study drug", "Investigational product").
KIND_WORDS = ("drug", "drugs", "device", "devices", "biological", "biologicals", "biologic", "biologics",
              "procedure", "procedures", "procedure/surgery", "behavioral", "behavioural", "radiation",
              "dietary supplement", "dietary supplements", "genetic", "combination product", "diagnostic test",
              "other", "intervention", "interventions", "treatment", "treatments",
              # what a protocol calls its product before naming it: still no name of which product it is
              "study drug", "study drugs", "study medication", "study product", "study device", "study treatment",
              "study intervention", "investigational product", "investigational drug", "investigational device",
              "investigational medicinal product", "test product", "test drug", "experimental drug",
              # the words for any medicine or therapy at all, or for the product tested
              "medication", "medications", "medicine", "medicines", "therapy", "therapies", "active drug",
              "active treatment", "active medication", "vaccine", "vaccines", "study vaccine",
              "investigational vaccine")
# Names that say only which arm receives it, as arm labels do ("Control", "Standard Arm", "Experimental Arm").
# A named comparator ("Placebo", "Sham", "Standard of care", "Usual care") says what is given: it is a name.
# The registry's arm types as their labels read ("Active Comparator") say a role too; "Placebo Comparator" and "Sham
# Comparator" name what is given.
ROLE_WORDS = ("control", "controls", "control group", "control arm", "control cohort", "control condition",
              "experimental", "experimental arm", "experimental group", "experimental condition", "interventional",
              "interventional arm", "interventional group", "intervention arm", "intervention group",
              "intervention cohort", "intervention condition", "active arm", "active group", "active comparator",
              "active comparator arm", "active comparator group", "active control", "comparator", "comparator arm",
              "standard arm", "study arm", "study group", "treatment arm", "treatment group", "treatment cohort",
              "reference", "reference product", "reference drug")
# A name that is only an arm's label, a word for a group and its letter, number or numeral ("Arm 1", "Group B",
# "Cohort II", "Treatment A", "Grupo A", "Experimental Arm 1"), or an arm's role and its number ("Experimental 2",
# "Active Comparator: B"): which arm receives it, not what it is ("Group A Streptococcus vaccine" is a name).
_LABEL_NUMBER = r"(?:\s*\d{1,2}|\s+(?:[a-z]|[ivx]{1,4}))$"
ARM_LABEL_ONLY = (r"^(?:(?:study|treatment|intervention|interventional|experimental|control|active)\s+)?"
                  r"(?:arm|group|cohort|treatment|regimen|intervention|grupo|groupe|gruppe|brazo)" + _LABEL_NUMBER
                  + r"|^(?:experimental|interventional|control|active\s+comparator):?" + _LABEL_NUMBER)
# An arm's label is short, and starts as one of its words does: another name is never read as one.
ARM_LABEL_CHARS = 32
ARM_LABEL_STARTS = ("arm", "gro", "coh", "tre", "reg", "int", "stu", "gru", "bra", "exp", "con", "act")

# Names that say only how a product is given, its route or form ("Oral", NCT04303299, the only intervention of a
# seven-arm trial; "Intravenous infusion", "Tablets"): not which product. Read only of the types given so (a drug, a
# biological, a supplement, a combination product): "Nasal" of type OTHER is a sample's site.
ROUTE_WORDS = ("oral", "orally", "per os", "intravenous", "intravenously", "intravenous infusion", "iv infusion",
               "subcutaneous", "subcutaneous injection", "intramuscular", "intramuscular injection", "intradermal",
               "topical", "inhaled", "inhalation", "intranasal", "nasal", "sublingual", "rectal", "transdermal",
               "injection", "injections", "infusion", "infusions", "tablet", "tablets", "capsule", "capsules",
               "oral tablet", "oral tablets", "oral solution", "oral suspension")
ROUTE_TYPES = ("DRUG", "BIOLOGICAL", "DIETARY_SUPPLEMENT", "COMBINATION_PRODUCT")
# Names that say nothing is given: an arm given nothing lists no intervention, so such a row is a placeholder.
NOTHING_WORDS = ("no intervention", "no interventions", "no treatment")


# A drug word (an INN stem after three letters or more) that a row's description says the participants receive, take
# or are prescribed ("participants receiving mirodenafil as per the prescribing information will be observed",
# "patients prescribed atorvastatin", "sildenafil as prescribed"): a "No intervention" row so described names no arm
# given nothing, but stands in place of the drug's name.
_DRUG_WORD = r"([a-z][a-z-]{2,}(?:" + "|".join(INN_STEMS) + r"))\b"
_GIVEN_BEFORE = (r"(?i)\b(?:receiv(?:e|es|ed|ing)|tak(?:e|es|ing)|took|prescribed|treated\s+with|exposed\s+to"
                 r"|started\s+on)\s+(?:[^\s.;:]+\s+){0,3}?" + _DRUG_WORD)
_GIVEN_AFTER = r"(?i)\b" + _DRUG_WORD + r"(?:\s+[^\s.;:]+){0,3}?\s+(?:as\s+|was\s+|is\s+|are\s+|were\s+)?prescribed\b"
# ... not where the description denies it ("patients not receiving mirodenafil", "will receive no sildenafil").
_NOT_GIVEN = (r"(?i)\b(?:not|never|no\s+longer|without|nor)\s+(?:[^\s.;:]+\s+){0,2}?(?:receiv|tak(?:e|es|ing)\b|took"
              r"|prescrib|treated|exposed|started)|\b(?:receiv\w*|tak(?:e|es|ing)|took)\s+(?:no|nothing|none)\b")


def drug_received(expr: str) -> str:
    """SQL: the drug word the description `expr` says the participants receive, take or are prescribed, in lower case
    ('mirodenafil'), or NULL where it names none or denies it."""
    found = (f"coalesce(nullif(regexp_extract({expr}, {literal(_GIVEN_BEFORE)}, 1), ''), "
             f"nullif(regexp_extract({expr}, {literal(_GIVEN_AFTER)}, 1), ''))")
    return f"CASE WHEN NOT regexp_matches(coalesce({expr}, ''), {literal(_NOT_GIVEN)}) THEN lower({found}) END"


def _said(expr: str) -> str:
    """SQL: the name as compared with the tables: lower case, spacing made single (a hyphen is a space: 'Active-Control'
    is 'Active control'), no closing full stop or colon."""
    return f"lower(trim(regexp_replace({expr}, '[\\s-]+', ' ', 'g'), ' .:'))"


def nameless(expr: str) -> str:
    """SQL: the name `expr` is absent in effect: NULL, a placeholder ('N/A', 'TBD') or without a letter or digit."""
    return (f"({expr} IS NULL OR {_said(expr)} IN {one_of(PLACEHOLDERS)} "
            f"OR NOT regexp_matches({expr}, '[\\p{{L}}\\p{{N}}]'))")


def only_a_kind(expr: str) -> str:
    """SQL: the name `expr` is only words of an intervention's kind ('Drug', 'Other', 'Intervention')."""
    return f"{_said(expr)} IN {one_of(KIND_WORDS)}"


def only_a_role(expr: str) -> str:
    """SQL: the name `expr` is only an arm's role or label ('Control', 'Standard Arm', 'Arm 1')."""
    label = (f"(strlen({expr}) <= {ARM_LABEL_CHARS} AND lower(left(ltrim({expr}), 3)) IN {one_of(ARM_LABEL_STARTS)} "
             f"AND regexp_matches({_said(expr)}, {literal(ARM_LABEL_ONLY)}))")
    return f"({_said(expr)} IN {one_of(ROLE_WORDS)} OR {label})"


# A type's label as legacy records show it, where it is not the type's name spaced ("Procedure/Surgery").
LEGACY_TYPE_LABELS = {"PROCEDURE": "procedure/surgery"}


def repeats_type(name: str, kind: str) -> str:
    """SQL: the name `name` is the label of its own type `kind` ("Radiation" of type RADIATION, "Dietary supplements"
    of type DIETARY_SUPPLEMENT, "Procedure/Surgery" of type PROCEDURE): the record shows the type twice and no name."""
    label = f"lower(replace({kind}, '_', ' '))"
    legacy = " OR ".join(f"({kind} = {literal(k)} AND {_said(name)} = {literal(v)})"
                         for k, v in LEGACY_TYPE_LABELS.items())
    return f"({_said(name)} IN ({label}, {label} || 's') OR {legacy})"


def only_a_route(expr: str, kind: str) -> str:
    """SQL: the name `expr` of an intervention of type `kind` given by a route is only a route or form ('Oral')."""
    return f"({_said(expr)} IN {one_of(ROUTE_WORDS)} AND coalesce({kind}, '') IN {one_of(ROUTE_TYPES)})"


def gives_nothing(expr: str) -> str:
    """SQL: the name `expr` says nothing is given ('No intervention', 'No treatment')."""
    return f"{_said(expr)} IN {one_of(NOTHING_WORDS)}"


# A kind named in the plural is the heading of a category ("Dietary supplements", "Drugs"), and the registry's type its
# members have. Legacy NHLBI records list such a heading, with no description, beside the interventions of its kind
# they name one by one ("dietary supplements" beside "calcium", "vitamin E"); records first made public before FDAAA
# 801 type a supplement as a drug too ("calcium", "fatty acids, omega-3" of type DRUG).
CATEGORY_MEMBER_TYPES = (("dietary supplements", "DIETARY_SUPPLEMENT"), ("drugs", "DRUG"), ("medications", "DRUG"),
                         ("medicines", "DRUG"), ("devices", "DEVICE"), ("biologicals", "BIOLOGICAL"),
                         ("biologics", "BIOLOGICAL"), ("vaccines", "BIOLOGICAL"), ("procedures", "PROCEDURE"))
EARLY_RECORD_MEMBER_TYPES = (("dietary supplements", "DRUG"),)
# A placebo or a sham is no member of the category it imitates: beside "Drugs" and "Placebo" the drug is unnamed.
IMITATION = r"(?i)\b(?:placebo|sham)\b"


def _named(expr: str) -> str:
    """SQL: the name `expr` says what the intervention is (none of nameless, only a kind, only a role, nothing)."""
    return f"NOT ({nameless(expr)} OR {only_a_kind(expr)} OR {only_a_role(expr)} OR {gives_nothing(expr)})"


def category_members(alias: str = "i") -> str:
    """SQL: a query of the interventions of the category the intervention `alias` names in the plural ("Dietary
    supplements") that its study names besides, quoted and listed ('"calcium", "vitamin E"') as `members`, NULL where
    it names none or `alias` is no such heading or has a description; for a LATERAL join."""
    kinds = ", ".join([f"({literal(tag)}, {literal(kind)}, false)" for tag, kind in CATEGORY_MEMBER_TYPES]
                      + [f"({literal(tag)}, {literal(kind)}, true)" for tag, kind in EARLY_RECORD_MEMBER_TYPES])
    return ("SELECT string_agg('\"' || m.name || '\"', ', ' ORDER BY m.name) AS members "
            f"FROM interventions m JOIN (VALUES {kinds}) k(tag, member_type, early_only) "
            "ON k.member_type = m.intervention_type JOIN studies e ON e.nct_id = m.nct_id "
            f"WHERE m.nct_id = {alias}.nct_id AND k.tag = {_said(f'{alias}.name')} "
            f"AND {nameless(f'{alias}.description')} AND (NOT k.early_only OR coalesce({before_fdaaa('e')}, false)) "
            f"AND {_named('m.name')} AND NOT regexp_matches(m.name, {literal(IMITATION)})")


def _intervention_not_named_sql() -> str:
    texts = {"type": "coalesce(i.intervention_type, 'no type')", "said": "coalesce('\"' || i.name || '\"', 'NULL')"}
    heading = "(c.members IS NOT NULL)"
    message = (f"CASE WHEN {nameless('i.name')} THEN "
               + sql_text("An intervention of type {type} has no name.", **texts)
               + f" WHEN {heading} THEN "
               + sql_text("An intervention of type {type} is named only {said}, with no description, beside "
                          "interventions the record names: a category's heading, which says what kind of "
                          "intervention it is but not which.", **texts)
               + f" WHEN {only_a_kind('i.name')} AND {repeats_type('i.name', 'i.intervention_type')} THEN "
               + sql_text("An intervention of type {type} is named only {said}, the label of its type repeated, "
                          "which says what kind of intervention it is but not which.", **texts)
               + f" WHEN {only_a_kind('i.name')} THEN "
               + sql_text("An intervention of type {type} is named only {said}, which says what kind of "
                          "intervention it is but not which.", **texts)
               + f" WHEN {only_a_route('i.name', 'i.intervention_type')} THEN "
               + sql_text("An intervention of type {type} is named only {said}, a route or form of giving, which "
                          "says how it is given but not what.", **texts)
               + f" WHEN {gives_nothing('i.name')} AND {drug_received('i.description')} IS NOT NULL THEN "
               + sql_text("An intervention of type {type} is named {said}, though its description names what the "
                          "participants receive ({drug}): the name stands in place of what is given, not for an arm "
                          "given nothing.", drug=drug_received('i.description'), **texts)
               + f" WHEN {gives_nothing('i.name')} THEN "
               + sql_text("An intervention of type {type} is named {said}: an arm given nothing lists no "
                          "intervention, so the row is a placeholder.", **texts)
               + " ELSE "
               + sql_text("An intervention of type {type} is named only {said}, which says which arm receives it "
                          "but not what it is.", **texts)
               + " END")
    members = "coalesce('; named besides: ' || c.members, '')"
    return select(
        message,
        sql_text("interventions.name={said}; interventions.intervention_type={type}{members}", members=members,
                 **texts),
        f"({nameless('i.name')} OR {only_a_kind('i.name')} OR {only_a_role('i.name')} OR {gives_nothing('i.name')} "
        f"OR {only_a_route('i.name', 'i.intervention_type')})",
        joins=f"JOIN interventions i ON i.nct_id = s.nct_id LEFT JOIN LATERAL ({category_members()}) c ON true",
        # The registry asks an observational study for its interventions (exposures) only if it has any.
        severity=f"CASE WHEN s.study_type = 'OBSERVATIONAL' OR {heading} THEN 'info' END")


RULES = (
    rule("intervention_not_named", "warning",
         "Each intervention has a brief descriptive name (42 CFR 11.10(b): its non-proprietary name where there is "
         "one); a name that is only its kind ('Drug', 'Device', 'Intervention', 'Study drug', 'Investigational "
         "product', 'Medication') or only the role or label of the arm that receives it ('Control', 'Standard Arm', "
         "'Active Comparator', 'No intervention', 'Arm 1', 'Group B'), only how a drug or biological is given ('Oral', "
         "'Intravenous infusion', 'Tablets'), a placeholder or nothing, says not what is given, "
         "so the trial cannot be found by what it tests, the way a data team tracks trials of one product. "
         "A named comparator ('Placebo', 'Sham', 'Standard of care') is a name. An observational study lists "
         "interventions only if it has any: info. So is a category's heading in the plural, with no description, "
         "beside the interventions of its kind the record names ('dietary supplements' beside 'calcium' and "
         "'vitamin E'): the trial is found by those. A 'No intervention' row whose description says the "
         "participants receive a drug ('participants receiving mirodenafil ... will be observed') stands in place of "
         "that drug's name, not for an arm given nothing: the message says so.",
         ("interventions.name", "interventions.intervention_type"), _intervention_not_named_sql(),
         family=FAMILY, category="missing_field"),
)
