"""Rule contradictions.condition_sex_differs: a condition of one sex's organs in a study whose Sex admits only the
other.

ClinicalTrials.gov's Sex (`eligibilities.gender`) is the biological sex of the participants eligible. A study of a
condition of the ovaries, the uterus or the cervix that admits only males, or of the prostate or the testes that
admits only females, has the wrong Sex (most often 'MALE' and 'FEMALE' swapped) or the wrong condition: a data team
that selects trials by sex, or counts trials of a cancer, is misled. Only organs that one sex has are read, by their
names in the record's conditions (not their MeSH terms, which the registry derives); conditions that both sexes can
have (breast cancer, infertility, a urinary incontinence), that concern a partner (male infertility in a study of
women, the prevention of pregnancy in a study of men), or whose names only look so ('cervical spine', 'testicular
feminization'), that name an inherited risk both sexes carry ('Hereditary Breast and Ovarian Cancer Syndrome' in a
study of male BRCA carriers) or organs of both sexes ('Endometrioid Adenocarcinoma of the Prostate') stay quiet, as
do records whose eligibility is based on gender identity, studies of gender-affirming care (a neovagina in a study
that admits males) and studies of the patients' partners, relatives or caregivers, by a condition or a title ('Wives
of Men With Prostate Cancer', 'Mothers of Boys With Hypospadias') or of HPV (a vaccine given to males lists the
cervical cancer it prevents).
"""
from __future__ import annotations

from checks.rule import Rule
from checks.sql_text import literal, sql_text

RULE_ID = "contradictions.condition_sex_differs"
# People who are not the patient with the condition: a study of the wives, mothers or caregivers of men with prostate
# cancer or of boys with hypospadias, read in a condition's name or a title. A study of HPV (a vaccine given to males
# lists the cervical cancer it prevents in their partners) is read so too.
OTHERS = (r"\b(?:partners?|spouses?|wives|wife|husbands?|couples?|mothers?|fathers?|parents?|caregivers?|carers?"
          r"|famil(?:y|ies)|relatives?|offspring|sons?|daughters?|siblings?|brothers?|sisters?|hpv|papilloma\w*"
          r"|gardasil|cervarix)\b")
# Conditions of organs only females have, and of organs only males have, by their names (lower case, as
# `conditions.downcase_name`). Cervical: of the uterine cervix only (not the neck's spine, nerves, nodes or muscles).
FEMALE_ONLY = (r"\b(?:ovar(?:y|ies|ian)|uter(?:us|ine)|endometri(?:um|al|oid|osis)|fallopian|vulva[rl]?|vagina[l]?"
               r"|cervix\s+uteri|uterine\s+cervix|cervical\s+(?:cancers?|carcinomas?|neoplasms?|neoplasia"
               r"|intraepithelial|dysplasia|precancer\w*|adenocarcinomas?|squamous)|pre-?eclampsia|polycystic\s+ovar"
               r"|hysterectom\w*)")
MALE_ONLY = (r"\b(?:prostat(?:e|ic|ectomy|itis)|testi(?:s|cles?|cular)|penile|penis|scrot(?:um|al)|erectile"
             r"|seminomas?|cryptorchidism|hypospadias|peyronie)")
# Names that hold such a word and are no condition of that organ in a participant of that sex: androgen
# insensitivity, a partner's or a relative's condition, an inherited risk that both sexes carry ('Hereditary Breast
# and Ovarian Cancer Syndrome' in a study of male BRCA carriers).
NOT_OF_THE_ORGAN = (r"(?:feminization|androgen\s+insensitivity|partner|spouse|male\s+factor|infertility"
                    r"|contracept|pregnancy\s+prevention|hereditary|familial|\bbrca|\blynch|carriers?\b"
                    rf"|{OTHERS})")
# A study of gender-affirming care, whose participants may have an organ their recorded sex has not (a neovagina,
# a phalloplasty), by its titles or conditions.
GENDER_AFFIRMING = (r"(?:transgender|transsexual|gender\s+(?:dysphoria|incongruence|identity|affirm\w*|reassign\w*)"
                    r"|\btrans\s+(?:wom[ae]n|m[ae]n|people|persons?)|vaginoplasty|phalloplasty|neovagina)")


def _sql() -> str:
    message = sql_text("Sex is {sex} but the condition '{condition}' is one of {organs} only: the Sex or the "
                       "condition is wrong.", sex="c.gender", condition="c.name",
                       organs="CASE c.gender WHEN 'MALE' THEN 'females' ELSE 'males' END")
    evidence = sql_text("eligibilities.gender={sex}; conditions.name='{condition}'", sex="c.gender",
                        condition="c.name")
    female, male, other = literal(FEMALE_ONLY), literal(MALE_ONLY), literal(NOT_OF_THE_ORGAN)
    # A study of gender-affirming care, or of the partners, relatives or caregivers of the patients, by its
    # conditions or titles.
    not_patients = literal(f"(?:{GENDER_AFFIRMING}|{OTHERS})")
    # The conditions that contradict the Sex are found first; only their studies' titles and conditions are read for
    # the people they concern.
    return f"""
        WITH contradicting AS (
            SELECT c.nct_id, c.id, c.name, e.gender
            FROM conditions c JOIN eligibilities e ON e.nct_id = c.nct_id
            WHERE NOT coalesce(e.gender_based, FALSE)
              AND ((e.gender = 'MALE' AND regexp_matches(lower(c.name), {female})
                    AND NOT regexp_matches(lower(c.name), {male}))
                   OR (e.gender = 'FEMALE' AND regexp_matches(lower(c.name), {male})
                       AND NOT regexp_matches(lower(c.name), {female})))
              AND NOT regexp_matches(lower(c.name), {other})),
        studied AS (SELECT DISTINCT nct_id FROM contradicting)
        SELECT nct_id, message, evidence FROM (
            SELECT c.nct_id, {message} AS message, {evidence} AS evidence,
                   row_number() OVER (PARTITION BY c.nct_id ORDER BY c.id NULLS LAST, c.name) AS n
            FROM contradicting c
            WHERE c.nct_id NOT IN (SELECT nct_id FROM conditions
                                   WHERE nct_id IN (SELECT nct_id FROM studied)
                                     AND regexp_matches(lower(name), {not_patients})
                                   UNION ALL
                                   SELECT nct_id FROM studies
                                   WHERE nct_id IN (SELECT nct_id FROM studied) AND regexp_matches(
                                       lower(concat_ws(' ', official_title, brief_title)), {not_patients})))
        WHERE n = 1"""


RULES = (
    Rule(RULE_ID, "contradiction", "warning",
         "The registry's Sex is the biological sex of the participants eligible: a study of a condition of the "
         "ovaries, uterus or cervix that admits only males, or of the prostate or testes that admits only females, "
         "has the wrong Sex or the wrong condition (the first condition of the kind is quoted). Conditions of both "
         "sexes, of a partner, an inherited risk, and studies of gender-affirming care or of the patients' partners, "
         "relatives or caregivers or of HPV, and records whose eligibility is based on gender identity stay quiet.",
         ("eligibilities.gender", "conditions.name"), sql=_sql()),
)
