"""Whether a trial is an applicable clinical trial that owes results (42 CFR 11.22), as far as its record shows."""
from __future__ import annotations

from checks.enrolment_states import INTERVENTIONAL
from checks.sql_text import literal


# The applicable-clinical-trial test, approximated from what the record holds (as the FDAAA
# TrialsTracker does): interventional, not phase 1 only, not device feasibility, and an
# FDA-regulated drug or device. Records from before the final rule carry no FDA flags: for them
# a US site and a drug, biological, device, genetic or radiation intervention (not a placebo or sham) stand in.
# 42 CFR 11.22(b) reaches such a trial only through a site in the United States or a US territory, a US IND or IDE,
# or a product made in and exported from the US (ClinicalTrials.gov's ACT checklist names the territories' countries).
US_COUNTRIES = ("United States", "American Samoa", "Guam", "Northern Mariana Islands", "Puerto Rico",
                "U.S. Virgin Islands", "Virgin Islands (U.S.)")
US_NAMES = "(" + ", ".join(f"'{name}'" for name in US_COUNTRIES) + ")"
US_SITE = (f"(EXISTS (SELECT 1 FROM facilities f WHERE f.nct_id = s.nct_id AND f.country IN {US_NAMES}) "
           f"OR EXISTS (SELECT 1 FROM countries c WHERE c.nct_id = s.nct_id AND c.name IN {US_NAMES} "
           "AND NOT coalesce(c.removed, FALSE)))")
# A placebo or sham typed as a drug or device ('Drug: Placebo' beside 'Dietary Supplement: Vitamin D3', 'Device: Sham
# stimulation' beside 'Behavioral: CBT') is the comparator, not a product the trial studies; one named with another
# product ('Placebo + metformin') is not only that.
# A topical drug's placebo is its vehicle ('Vehicle cream', 'Vehicle gel'), and a saline injection given as placebo
# ('Saline placebo', 'Normal saline (placebo)', '0.9% NaCl placebo') is one too.
_COMPARATOR_ONLY = (r"(?i)^\W*(?:matching\s+|matched\s+)?(?:placebos?|sham|sugar\s+pill|vehicle)\b"
                    r"|^\W*(?:(?:normal|physiological|0\.9\s*%)\s+)?(?:saline|nacl|sodium\s+chloride)"
                    r"(?:\s+(?:solution|injection|infusion))?\s*[(,:-]?\s*(?:as\s+)?(?:a\s+)?placebo\b")
_WITH_ANOTHER = r"(?i)[+&]|\b(?:plus|and|with|combined)\b"
PRODUCT = ("EXISTS (SELECT 1 FROM interventions i WHERE i.nct_id = s.nct_id AND i.intervention_type IN "
           "('DRUG', 'BIOLOGICAL', 'DEVICE', 'GENETIC', 'RADIATION', 'COMBINATION_PRODUCT') "
           f"AND NOT coalesce(regexp_matches(i.name, {literal(_COMPARATOR_ONLY)}) "
           f"AND NOT regexp_matches(i.name, {literal(_WITH_ANOTHER)}), FALSE))")
FLAGS_UNKNOWN = "s.is_fda_regulated_drug IS NULL AND s.is_fda_regulated_device IS NULL"
APPLICABLE = (f"{INTERVENTIONAL} AND coalesce(s.phase, '') NOT IN ('PHASE1', 'EARLY_PHASE1') "
              "AND NOT EXISTS (SELECT 1 FROM designs d WHERE d.nct_id = s.nct_id "
              "AND d.primary_purpose = 'DEVICE_FEASIBILITY') "
              f"AND (s.is_fda_regulated_drug OR s.is_fda_regulated_device "
              f"OR ({FLAGS_UNKNOWN} AND {US_SITE} AND {PRODUCT}))")
# What the record leaves open about applicability (SQL text, NULL where it shows the trial applicable). The registry
# publishes no IND or IDE: a trial that lists no site in the US or a territory and answers that its product is not
# made in and exported from the US is applicable only under a US IND or IDE, which the record rarely shows. A record
# that leaves the export question unanswered is judged applicable: the registry's form asks it where a trial of an
# FDA-regulated product has no US IND or IDE, so leaving it unanswered points to one. A record that gives no phase
# may be of a phase 1 trial.
_NO_PHASE = "The record gives no phase, so whether it is a phase 1 trial, which owes no results, cannot be told."
_NOT_REACHED = ("The trial owes results only if it runs under a US IND or IDE, which the registry does not publish: "
                "the record lists no site in the US or its territories and says its product is not made in and "
                "exported from the US.")
# A sponsor may list its US IND or IDE among the record's secondary ids ('IND 123456', 'BB-IND 12,345', 'IDE G130123'):
# the registry does not publish the one it was told, but such an id shows the trial runs under one.
IND_ID = r"(?i)^\s*(?:bb-?)?(?:ind|ide)\s*(?:no\.?|number|num\.?)?\s*[-:#]?\s*g?\d[\d,]{3,}\s*$"


def applicability_open(us_site: str, ind_given: str) -> str:
    """SQL text: what the record leaves open about applicability, given whether it lists a US site (`us_site`, SQL)
    and the IND or IDE its secondary ids give (`ind_given`, SQL text or NULL); NULL where it shows the trial
    applicable."""
    return (f"CASE WHEN s.phase IS NULL THEN '{_NO_PHASE}' WHEN NOT coalesce({us_site}, FALSE) "
            f"AND NOT coalesce(s.is_us_export, TRUE) AND {ind_given} IS NULL THEN '{_NOT_REACHED}' END")
