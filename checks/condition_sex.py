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
that admits males), of transgender and gender-diverse people ('Transfeminine', 'Nonbinary') or of differences of sex
development, and studies of the patients' partners, relatives or caregivers, by a condition or a title ('Wives of
Men With Prostate Cancer', 'Mothers of Boys With Hypospadias', 'Paternal Age and Pregnancy Outcomes'), of assisted
reproduction (a couple's IVF), of what people know or think of a condition ('Prostate Cancer Awareness Among
Women'), of health workers, or of HPV (a vaccine given to males lists the cervical cancer it prevents). A study that
admits only males and says men take part in women's care ('Male Involvement in Cervical Cancer Screening', 'Engaging
Men in Antenatal Care'), or is of men who have sex with men, lists a condition of women's organs that is not the
participants' (a study that admits only females and says women take part in men's care likewise); names that hold an
organ's word but name no condition of it ('Trichomonas Vaginalis', 'Intra-uterine Growth Restriction',
'Prostate-specific Membrane Antigen') stay quiet. A study that admits only females and is of pregnancy ('Prenatal
Phthalate Exposure and Cryptorchidism') may list a condition of the boys the women carry; a condition whose name
says it is of the admitted sex ('Female Hypospadias') is not swapped. A study whose titles or conditions name both an
inherited risk and the sex it admits ('Prostate Cancer Screening in Men With Germline BRCA1/2 Variants') lists the
syndrome's cancers of the other sex, not its participants'.

A study of Sex ALL whose every condition is of one sex's organs ('Epithelial Ovarian Cancer', 'Prostate Cancer',
'Erectile Dysfunction') is an info: a data team that selects by Sex counts it among studies of both sexes, though
most such records admit one sex only. It stays quiet where the record says who else takes part: healthy volunteers
(the condition is then a product's indication), a partner, couple, spouse, relative, caregiver, parent or infant in
the criteria or titles ('Documented written informed consent from both patient and his female partner'), the other
sex named ('Men or women'), both sexes in words ('either sex'), gender identity, transgender or gender-diverse people,
an inherited risk, what people know of the condition or health workers in the titles or conditions, a condition
of both sexes or of a partner beside them, and a condition that lists the cancer among cancers of organs both sexes
have ('Advanced Pancreatic, Colon, Lung, Gastric and Ovarian Cancer').
"""
from __future__ import annotations

from checks.rule import Rule
from checks.sql_text import literal, sql_text

RULE_ID = "contradictions.condition_sex_differs"
# People who are not the patient with the condition: a study of the wives, mothers or caregivers of men with prostate
# cancer or of boys with hypospadias, read in a condition's name or a title. A study of HPV (a vaccine given to males
# lists the cervical cancer it prevents in their partners) is read so too.
OTHERS = (r"\b(?:partners?|spouses?|spousal|significant\s+others?|widows?|widowers?|dyad\w*|wives|wife|husbands?"
          r"|couples?|mothers?|fathers?|parents?|caregivers?|carers?|famil(?:y|ies)|relatives?|offspring|sons?"
          r"|daughters?|siblings?|brothers?|sisters?|paternal\w*|hpv"
          r"|papilloma\w*|gardasil|cervarix|ivf|icsi|in\s+vitro\s+fertili[sz]ation|assisted\s+reproduct\w*)\b")
# A survey of what people know or think of a condition ('Prostate Cancer Awareness Among Women'), or a study of the
# professionals who treat it ('Female Urologists'), whose participants are not its patients, by its titles or
# conditions.
VIEWS = (r"\b(?:awareness|knowledge|attitudes?|perceptions?|beliefs|physicians|clinicians|doctors|nurses|urologists"
         r"|gyn(?:a)?ecologists|midwives|health\s*(?:care\s+)?(?:workers?|providers?|professionals?)"
         r"|community\s+health|students)\b")
# An inherited risk that both sexes carry, read in a study's titles and conditions: a study of male carriers of BRCA
# or Lynch variants ('Prostate Cancer Screening in Men With Germline BRCA1/2 Variants') lists the ovarian or
# endometrial cancer of the syndrome, which is not the participants'. Read only beside words that name the sex the
# study admits (`NAMES_MALES`, `NAMES_FEMALES`), as a study of women's BRCA-mutated ovarian cancer that admits only
# males has its Sex swapped.
INHERITED_RISK = (r"\b(?:brca\w*|lynch|hereditary|familial|inherited|germ-?line|carriers?|predispos\w*"
                  r"|mismatch\s+repair|cascade\s+testing)")
# Men who take part in women's care, not as its patients ('Male Involvement in Cervical Cancer Screening', 'Engaging
# Men in Antenatal Care', "Men's Role in ..."), and men who have sex with men (a study of them admits males by design;
# a condition of women's organs it lists is not theirs), by its titles or conditions: read for a study that admits
# only males. Women who take part in men's care likewise, for a study that admits only females.
_TAKING_PART = r"\s+(?:involvement|engagement|participation|support|roles?)\b"
_ENGAGING = r"\b(?:involv\w*|engag\w*)\s+(?:of\s+)?(?:the\s+)?"
MEN_TAKING_PART = (rf"\b(?:males?|m[ae]n(?:['’]?s)?){_TAKING_PART}|{_ENGAGING}(?:males|m[ae]n|boys)\b"
                   r"|\bm[ae]n\s+who\s+have\s+sex\s+with\s+m[ae]n\b|\bmsm\b")
WOMEN_TAKING_PART = (rf"\b(?:females?|wom[ae]n(?:['’]?s)?){_TAKING_PART}|{_ENGAGING}(?:females|wom[ae]n"
                     r"|girls)\b")
# A study of pregnant women may list a condition of the boys they carry ('Hypospadias' in a study of prenatal
# exposure): read for a study that admits only females (not for one that admits only males, whose pre-eclampsia in
# pregnant women is a swapped Sex).
PREGNANCY = r"\b(?:pregnan\w*|prenatal\w*|antenatal\w*|in\s+utero|fetal|fetus\w*|foetal|maternal\w*)\b"
# Conditions of organs only females have, and of organs only males have, by their names (lower case, as
# `conditions.downcase_name`). Cervical: of the uterine cervix only (not the neck's spine, nerves, nodes or muscles).
FEMALE_ONLY = (r"\b(?:ovar(?:y|ies|ian)|uter(?:us|ine)|endometri(?:um|al|oid|osis)|fallopian|vulva[rl]?"
               r"|vagina(?:l|s)?\b|cervix\s+uteri|uterine\s+cervix|cervical\s+(?:cancers?|carcinomas?|neoplasms?"
               r"|neoplasia|intraepithelial|dysplasia|precancer\w*|adenocarcinomas?|squamous)|pre-?eclampsia"
               r"|polycystic\s+ovar|hysterectom\w*|vulvodynia|vestibulodynia|vaginismus)")
MALE_ONLY = (r"\b(?:prostat(?:e|ic|ectomy|itis)|testi(?:s|cles?|cular)|penile|penis|scrot(?:um|al)|erectile"
             r"|seminomas?|cryptorchidism|hypospadias|peyronie)")
# A condition's name that names the sex the study admits ('Female Hypospadias', 'Female Prostate' (Skene's glands),
# 'Endometriosis in Men'): the record says the organ is of that sex, so its Sex is not swapped.
NAMES_FEMALES = r"\b(?:females?|wom[ae]n|girls?)\b"
NAMES_MALES = r"\b(?:males?|m[ae]n|boys?)\b"
# Names that hold such a word and are no condition of that organ in a participant of that sex: androgen
# insensitivity, a partner's or a relative's condition (the male partner's 'Testicular Sperm Extraction' in a study
# of women undergoing ICSI), an inherited risk that both sexes carry ('Hereditary Breast and Ovarian Cancer
# Syndrome' in a study of male BRCA carriers), a cancer of the neck ('Cervical Squamous Cell Carcinoma of Unknown
# Primary').
NOT_OF_THE_ORGAN = (r"(?:feminization|androgen\s+insensitivity|partner|spouse|male\s+factor|infertility"
                    r"|contracept|pregnancy\s+prevention|hereditary|familial|\bbrca|\blynch|carriers?\b|sperm"
                    r"|unknown\s+primary|head\s+and\s+neck|\bneck\b|intra[- ]uterine|prostate[- ]specific\s+membrane"
                    rf"|{OTHERS})")
# A study of gender-affirming care or of transgender and gender-diverse people, whose participants may have an organ
# their recorded sex has not (a neovagina, a phalloplasty, the prostate of a trans woman), or of differences of sex
# development (a uterus in the persistent Mullerian duct syndrome), by its titles or conditions.
GENDER_AFFIRMING = (r"(?:transgender|transsexual|gender\s+(?:dysphoria|incongruence|identity|affirm\w*|reassign\w*)"
                    r"|\btrans\s+(?:wom[ae]n|m[ae]n|people|persons?)|vaginoplasty|phalloplasty|neovagina"
                    r"|trans[- ]?(?:feminine|masculine)|gender[- ](?:diverse|divergent|minorit\w*|non-?conforming"
                    r"|expansive|variant|queer)|non-?binary|\b(?:male|female)[- ]to[- ](?:female|male)\b|\bmtf\b"
                    r"|\bftm\b|cross[- ]sex\s+hormone|intersex|\bdsds?\b|(?:disorders?|differences?)\s+of\s+sex"
                    r"\s+development|\b46,?\s*x[xy]\b|m[uü]llerian\s+duct)")
# People of the other sex whom the criteria of a study of Sex ALL may bring in beside the patients with a condition of
# one sex's organs: their partners, couples, relatives or caregivers, the parents of children with the condition, and
# the infants of mothers with a condition of pregnancy ("the mother" alone is most often the patient).
BROUGHT_IN = (r"\b(?:partners?|spouses?|couples?|wives|wife|husbands?|caregivers?|carers?|relatives?|families"
              r"|family\s+members?|first[- ]degree|siblings?|dyads?|infants?|newborns?|neonat\w*|babies|offspring"
              r"|(?:mothers?|fathers?|parents?)\s+(?:of|and))\b")
# A condition that lists a cancer of one sex's organs among cancers of organs both sexes have ("Advanced Pancreatic,
# Colon, Lung, Gastric and Ovarian Cancer"): the study is of all of them, so its Sex of ALL is not read against it.
# The peritoneum is left out ("Ovarian, Fallopian Tube or Primary Peritoneal Cancer" is of women), and so is the
# breast (a study of breast and ovarian cancer is most often of women).
_BOTH_SEXES_ORGANS = (r"(?:pancrea\w*|colon|colorectal|rectal|lung|gastric|stomach|o?esophag\w*|liver|hepatocellular"
                      r"|biliary|bile\s+duct|kidney|renal|bladder|urothelial|head\s+and\s+neck|thyroid)")
BOTH_SEXES_ORGANS_LISTED = (rf"(?:,|/|\band|\bor)\s+{_BOTH_SEXES_ORGANS}\s+(?:cancers?|carcinomas?|tumou?rs?"
                            r"|neoplasms?|malignanc\w*|adenocarcinomas?)\b"
                            rf"|\b{_BOTH_SEXES_ORGANS}\s*(?:,|/|\band\b|\bor\b)")
# Criteria or titles that admit both sexes in so many words.
BOTH_SEXES = r"\b(?:(?:both|either|any|all)\s+(?:sex|sexes|genders?)|regardless\s+of\s+(?:sex|gender))\b"


def _swapped_sql() -> str:
    """SQL: single-sex studies with a condition of the other sex's organs (the rule's warnings)."""
    message = sql_text("Sex is {sex} but the condition '{condition}' is one of {organs} only: the Sex or the "
                       "condition is wrong.", sex="c.gender", condition="c.name",
                       organs="CASE c.gender WHEN 'MALE' THEN 'females' ELSE 'males' END")
    evidence = sql_text("eligibilities.gender={sex}; conditions.name='{condition}'", sex="c.gender",
                        condition="c.name")
    female, male, other = literal(FEMALE_ONLY), literal(MALE_ONLY), literal(NOT_OF_THE_ORGAN)
    females, males, pregnancy = literal(NAMES_FEMALES), literal(NAMES_MALES), literal(PREGNANCY)
    # A study of gender-affirming care, of the partners, relatives or caregivers of the patients, or of what people
    # know of the condition, by its conditions or titles.
    not_patients = literal(f"(?:{GENDER_AFFIRMING}|{OTHERS}|{VIEWS})")
    men_part, women_part = literal(MEN_TAKING_PART), literal(WOMEN_TAKING_PART)
    inherited = literal(INHERITED_RISK)
    # The conditions that contradict the Sex are found first, among single-sex studies' conditions only (the words
    # are read by the Sex, after the join); only their studies' titles and conditions are read for the people they
    # concern (in a projection, so after the studies are narrowed to them).
    return f"""
        WITH contradicting AS (
            SELECT c.nct_id, c.id, c.name, e.gender
            FROM conditions c
            JOIN (SELECT nct_id, gender FROM eligibilities
                  WHERE gender IN ('MALE', 'FEMALE') AND NOT coalesce(gender_based, FALSE)) e ON e.nct_id = c.nct_id
            WHERE CASE e.gender
                      WHEN 'MALE' THEN regexp_matches(lower(c.name), {female})
                          AND NOT regexp_matches(lower(c.name), {male}) AND NOT regexp_matches(lower(c.name), {males})
                          AND NOT regexp_matches(lower(c.name), {other})
                      ELSE regexp_matches(lower(c.name), {male}) AND NOT regexp_matches(lower(c.name), {female})
                          AND NOT regexp_matches(lower(c.name), {females})
                          AND NOT regexp_matches(lower(c.name), {other}) END),
        studied AS (SELECT DISTINCT nct_id FROM contradicting),
        said AS (SELECT nct_id, lower(name) AS text FROM conditions WHERE nct_id IN (SELECT nct_id FROM studied)
                 UNION ALL
                 SELECT nct_id, lower(concat_ws(' ', official_title, brief_title)) FROM studies
                 WHERE nct_id IN (SELECT nct_id FROM studied)),
        concerns AS (SELECT nct_id, bool_or(regexp_matches(text, {not_patients})) AS others,
                            bool_or(regexp_matches(text, {pregnancy})) AS pregnancy,
                            bool_or(regexp_matches(text, {men_part})) AS men_taking_part,
                            bool_or(regexp_matches(text, {women_part})) AS women_taking_part,
                            bool_or(regexp_matches(text, {inherited})) AS inherited,
                            bool_or(regexp_matches(text, {males})) AS names_males,
                            bool_or(regexp_matches(text, {females})) AS names_females
                     FROM said GROUP BY nct_id)
        SELECT nct_id, message, evidence, NULL AS severity FROM (
            SELECT c.nct_id, {message} AS message, {evidence} AS evidence,
                   row_number() OVER (PARTITION BY c.nct_id ORDER BY c.id NULLS LAST, c.name) AS n
            FROM contradicting c JOIN concerns p ON p.nct_id = c.nct_id
            WHERE NOT p.others AND NOT (c.gender = 'FEMALE' AND (p.pregnancy OR p.women_taking_part))
                AND NOT (c.gender = 'MALE' AND p.men_taking_part)
                AND NOT (p.inherited AND CASE c.gender WHEN 'MALE' THEN p.names_males ELSE p.names_females END))
        WHERE n = 1"""


def _one_sex_conditions_sql() -> str:
    """SQL: studies of Sex ALL whose every condition is of one sex's organs and that name no one else (infos)."""
    message = sql_text("Sex is ALL but every condition ('{names}') is of {organs}' organs only, and neither the "
                       "criteria nor the titles name anyone else the study admits (a partner, a relative, a healthy "
                       "volunteer, a transgender participant): the Sex may be {sex}.", names="o.names",
                       organs="o.organs", sex="CASE o.organs WHEN 'females' THEN 'FEMALE' ELSE 'MALE' END")
    evidence = sql_text("eligibilities.gender=ALL; conditions.name='{names}'", names="o.names")
    female, male, other = literal(FEMALE_ONLY), literal(MALE_ONLY), literal(NOT_OF_THE_ORGAN)
    females, males, listed = literal(NAMES_FEMALES), literal(NAMES_MALES), literal(BOTH_SEXES_ORGANS_LISTED)
    titled = literal(f"(?:{GENDER_AFFIRMING}|{OTHERS}|{VIEWS}|{INHERITED_RISK})")
    brought_in = literal(f"(?:{GENDER_AFFIRMING}|{BROUGHT_IN}|{BOTH_SEXES})")
    return f"""
        WITH conditions_read AS (
            SELECT nct_id, id, name,
                   regexp_matches(lower(name), {female}) AND NOT regexp_matches(lower(name), {male})
                       AND NOT regexp_matches(lower(name), {males}) AS of_females,
                   regexp_matches(lower(name), {male}) AND NOT regexp_matches(lower(name), {female})
                       AND NOT regexp_matches(lower(name), {females}) AS of_males,
                   regexp_matches(lower(name), {other}) OR regexp_matches(lower(name), {listed}) AS of_others
            FROM conditions
            WHERE nct_id IN (SELECT nct_id FROM eligibilities WHERE gender = 'ALL'
                             AND NOT coalesce(gender_based, FALSE) AND NOT coalesce(healthy_volunteers, FALSE))),
        one_sex AS (
            SELECT nct_id, CASE WHEN bool_and(of_females) THEN 'females' ELSE 'males' END AS organs,
                   string_agg(name, ''', ''' ORDER BY id NULLS LAST, name) AS names
            FROM conditions_read GROUP BY nct_id
            HAVING (bool_and(of_females) OR bool_and(of_males)) AND NOT bool_or(of_others)),
        said AS (SELECT nct_id, lower(name) AS text, FALSE AS criteria FROM conditions
                 WHERE nct_id IN (SELECT nct_id FROM one_sex)
                 UNION ALL
                 SELECT nct_id, lower(concat_ws(' ', official_title, brief_title)), FALSE FROM studies
                 WHERE nct_id IN (SELECT nct_id FROM one_sex)
                 UNION ALL
                 SELECT nct_id, lower(concat_ws(' ', criteria, gender_description)), TRUE FROM eligibilities
                 WHERE nct_id IN (SELECT nct_id FROM one_sex)),
        concerns AS (SELECT nct_id, bool_or(NOT criteria AND regexp_matches(text, {titled})) AS titled_others,
                            bool_or(regexp_matches(text, {brought_in})) AS brought_in,
                            bool_or(regexp_matches(text, {males})) AS names_males,
                            bool_or(regexp_matches(text, {females})) AS names_females
                     FROM said GROUP BY nct_id)
        SELECT o.nct_id, {message} AS message, {evidence} AS evidence, 'info' AS severity
        FROM one_sex o JOIN concerns p ON p.nct_id = o.nct_id
        WHERE NOT p.titled_others AND NOT p.brought_in
            AND NOT CASE o.organs WHEN 'females' THEN p.names_males ELSE p.names_females END"""


def _sql() -> str:
    """SQL of the rule: its warnings on single-sex studies and its infos on studies of Sex ALL."""
    return f"SELECT * FROM ({_swapped_sql()})\nUNION ALL\nSELECT * FROM ({_one_sex_conditions_sql()})"


RULES = (
    Rule(RULE_ID, "contradiction", "warning",
         "The registry's Sex is the biological sex of the participants eligible: a study of a condition of the "
         "ovaries, uterus or cervix that admits only males, or of the prostate or testes that admits only females, "
         "has the wrong Sex or the wrong condition (the first condition of the kind is quoted). Conditions of both "
         "sexes, of a partner, an inherited risk, a condition named for the admitted sex ('Female Hypospadias'), "
         "studies of gender-affirming care, of transgender, gender-diverse or intersex people, of the patients' "
         "partners, relatives or caregivers, of IVF or of HPV, of men taking part in women's care ('Male "
         "Involvement in Cervical Cancer Screening') or of men who have sex with men (and women taking part in "
         "men's care), surveys of awareness of a condition or of clinicians or health workers, "
         "a study of pregnant women listing a condition of the boys they carry, a study of carriers of an "
         "inherited risk that names the sex it admits ('Men With Germline BRCA1/2 Variants'), and records whose "
         "eligibility is "
         "based on gender identity stay quiet. A study of Sex ALL whose every condition is of one sex's organs is an "
         "info unless healthy volunteers, partners, couples, relatives, caregivers, parents, infants, the other sex "
         "or gender-diverse people are named in its criteria or titles.",
         ("eligibilities.gender", "conditions.name"), sql=_sql()),
)
