"""Design tables: design, arms, interventions, outcomes, eligibility."""
from __future__ import annotations

import pandera.pandas as pa

from schemas import enums
from schemas.base import Bool, Int, StudyChild, Text, column, enum, row_id


class Designs(StudyChild):
    """How the study is designed (one row per study)."""

    allocation: Text = enum(enums.ALLOCATION, "RANDOMIZED, NON_RANDOMIZED or NA")
    intervention_model: Text = enum(enums.INTERVENTION_MODEL, "how arms are assigned")
    intervention_model_description: Text = column("free-text description of the model")
    observational_model: Text = enum(enums.OBSERVATIONAL_MODEL, "observational design")
    time_perspective: Text = enum(enums.TIME_PERSPECTIVE, "observational time perspective")
    primary_purpose: Text = enum(enums.PRIMARY_PURPOSE, "main purpose")
    masking: Text = enum(enums.MASKING, "blinding level: NONE (open label) to QUADRUPLE")
    masking_description: Text = column("free-text description of masking")
    subject_masked: Bool = column("participants are masked")
    caregiver_masked: Bool = column("care providers are masked")
    investigator_masked: Bool = column("investigators are masked")
    outcomes_assessor_masked: Bool = column("outcome assessors are masked")
    id: Int = row_id()


class DesignGroups(StudyChild):
    """The arms or groups."""

    group_type: Text = enum(enums.ARM_GROUP_TYPE, "EXPERIMENTAL, PLACEBO_COMPARATOR...")
    title: Text = column("arm label")
    description: Text = column("arm description")
    id: Int = row_id()


class Interventions(StudyChild):
    """Interventions given in the study."""

    intervention_type: Text = enum(enums.INTERVENTION_TYPE, "DRUG, DEVICE, BEHAVIORAL...")
    name: Text = column("intervention name")
    description: Text = column("intervention description")
    id: Int = row_id()


class DesignGroupInterventions(StudyChild):
    """Which arm receives which intervention, by arm title and intervention name."""

    design_group: Text = column("arm title")
    intervention: Text = column("intervention name")
    id: Int = row_id()
    design_group_id: Int = pa.Field(nullable=True, ge=0, description=(
        "the arm (design_groups.id): the first of the study's arms titled design_group, else the first "
        "whose title matches it without regard to case and surrounding spaces; NULL when none does"))
    intervention_id: Int = pa.Field(nullable=True, ge=0, description=(
        "the intervention (interventions.id): the one whose armGroupLabels (XML arm_group_label) give "
        "the link; from a text page, found by name as design_group_id is; NULL when none matches"))


class DesignOutcomes(StudyChild):
    """Planned outcome measures."""

    outcome_type: Text = enum(enums.OUTCOME_TYPE, "primary, secondary or other")
    measure: Text = column("what is measured")
    time_frame: Text = column("when it is measured")
    description: Text = column("outcome description")
    population: Text = column("AACT column kept for its SQL; neither API v2 nor legacy XML protocol outcomes fill it")
    id: Int = row_id()


class Eligibilities(StudyChild):
    """Who may take part (one row per study)."""

    gender: Text = enum(enums.SEX, "ALL, FEMALE or MALE")
    minimum_age: Text = column("minimum age as stated, e.g. '18 Years'")
    maximum_age: Text = column("maximum age as stated")
    healthy_volunteers: Bool = column("accepts healthy volunteers")
    criteria: Text = column("inclusion and exclusion criteria text")
    sampling_method: Text = enum(enums.SAMPLING_METHOD, "observational sampling: PROBABILITY_SAMPLE or NON_PROBABILITY_SAMPLE")
    population: Text = column("observational study population (API v2 studyPopulation, XML <study_pop>)")
    gender_based: Bool = column("eligibility is based on gender identity")
    gender_description: Text = column("how gender is used in eligibility")
    adult: Bool = column("accepts adults, 18-64 (API v2 stdAges holds ADULT; NULL from legacy XML, which has no stdAges)")
    child: Bool = column("accepts children, under 18 (stdAges holds CHILD)")
    older_adult: Bool = column("accepts older adults, 65 and over (stdAges holds OLDER_ADULT)")
    id: Int = row_id()
