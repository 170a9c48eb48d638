"""API v2 records of kinds the real corpus holds few of, worded as registrants word them: behavioural, device,
diagnostic-accuracy, supplement, surgical, paediatric vaccine, bioequivalence, dose-escalation, cluster, registry,
case-control, expanded-access, withdrawn, terminated, with-results, sham, non-inferiority, pragmatic, pregnancy and
transgender studies, and sponsors writing in a second language. `RECORDS` holds each as the registry's JSON."""
from __future__ import annotations

SNAPSHOT = "2026-11-20"
# Study types and the modules of a record that the registry keeps for every study.
INTERVENTIONAL, OBSERVATIONAL, EXPANDED_ACCESS = "INTERVENTIONAL", "OBSERVATIONAL", "EXPANDED_ACCESS"


def _dated(date: str | None, kind: str | None = None) -> dict | None:
    """A date struct of the registry (date and, where given, ACTUAL/ESTIMATED)."""
    if date is None:
        return None
    return {"date": date, **({"type": kind} if kind else {})}


def _arm(label: str, kind: str | None, description: str | None, names: list[str]) -> dict:
    arm = {"label": label, "interventionNames": names}
    if kind:
        arm["type"] = kind
    if description:
        arm["description"] = description
    return arm


def _intervention(kind: str, name: str, description: str | None, arms: list[str], other: list[str] = ()) -> dict:
    found = {"type": kind, "name": name, "armGroupLabels": arms}
    if description:
        found["description"] = description
    if other:
        found["otherNames"] = list(other)
    return found


def _outcomes(outcomes: list[tuple]) -> list[dict]:
    return [{"measure": o[0], "timeFrame": o[1], **({"description": o[2]} if len(o) > 2 and o[2] else {})}
            for o in outcomes]


def record(nct: str, brief: str, official: str | None, org: str, org_class: str, *, status: str,
           start: tuple, primary: tuple, completion: tuple, submitted: str, updated: str, study_type: str,
           phases: list[str] | None, design: dict, enrollment: tuple, conditions: list[str], summary: str,
           detail: str | None = None, arms: list[dict] = (), interventions: list[dict] = (),
           primary_outcomes: list[tuple] = (), secondary_outcomes: list[tuple] = (), criteria: str = "",
           sex: str = "ALL", min_age: str | None = "18 Years", max_age: str | None = None,
           healthy: bool = False, countries: tuple = ("United States",), why_stopped: str | None = None,
           results: bool = False, keywords: list[str] = (), acronym: str | None = None,
           gender_based: bool | None = None, gender_description: str | None = None,
           population: str | None = None, sampling: str | None = None, verified: str | None = None) -> dict:
    """One registry record of the API v2 shape, dates given as (date, ACTUAL/ESTIMATED)."""
    ident = {"nctId": nct, "orgStudyIdInfo": {"id": f"{nct[-5:]}-P"}, "organization": {"fullName": org,
             "class": org_class}, "briefTitle": brief}
    if official:
        ident["officialTitle"] = official
    if acronym:
        ident["acronym"] = acronym
    status_module = {"statusVerifiedDate": verified or updated[:7], "overallStatus": status,
                     "expandedAccessInfo": {"hasExpandedAccess": False}, "startDateStruct": _dated(*start),
                     "primaryCompletionDateStruct": _dated(*primary), "completionDateStruct": _dated(*completion),
                     "studyFirstSubmitDate": submitted, "studyFirstSubmitQcDate": submitted,
                     "studyFirstPostDateStruct": _dated(submitted, "ACTUAL"), "lastUpdateSubmitDate": updated,
                     "lastUpdatePostDateStruct": _dated(updated, "ACTUAL")}
    status_module = {k: v for k, v in status_module.items() if v is not None}
    if why_stopped:
        status_module["whyStopped"] = why_stopped
    design_module = {"studyType": study_type, "designInfo": design,
                     "enrollmentInfo": {"count": enrollment[0], "type": enrollment[1]}}
    if phases:
        design_module["phases"] = phases
    eligibility = {"eligibilityCriteria": criteria, "healthyVolunteers": healthy, "sex": sex}
    if min_age:
        eligibility["minimumAge"] = min_age
    if max_age:
        eligibility["maximumAge"] = max_age
    if gender_based is not None:
        eligibility["genderBased"] = gender_based
    if gender_description:
        eligibility["genderDescription"] = gender_description
    if population:
        eligibility["studyPopulation"] = population
    if sampling:
        eligibility["samplingMethod"] = sampling
    protocol = {
        "identificationModule": ident, "statusModule": status_module,
        "sponsorCollaboratorsModule": {"responsibleParty": {"type": "SPONSOR"},
                                       "leadSponsor": {"name": org, "class": org_class}},
        "descriptionModule": {"briefSummary": summary, **({"detailedDescription": detail} if detail else {})},
        "conditionsModule": {"conditions": conditions, **({"keywords": list(keywords)} if keywords else {})},
        "designModule": design_module,
        "armsInterventionsModule": {"armGroups": list(arms), "interventions": list(interventions)},
        "outcomesModule": {"primaryOutcomes": _outcomes(primary_outcomes),
                           **({"secondaryOutcomes": _outcomes(secondary_outcomes)} if secondary_outcomes else {})},
        "eligibilityModule": eligibility,
        "contactsLocationsModule": {"locations": [{"facility": f"Site {i + 1}", "city": "City", "country": c}
                                                  for i, c in enumerate(countries)]},
    }
    if not interventions:
        del protocol["armsInterventionsModule"]
    if not primary_outcomes:
        del protocol["outcomesModule"]
    found = {"protocolSection": protocol, "derivedSection": {"miscInfoModule": {"versionHolder": SNAPSHOT}},
             "hasResults": results}
    if results:
        found["resultsSection"] = {"participantFlowModule": {"groups": [{"id": "FG000", "title": "All"}]}}
    return found


def randomised(masking: str = "NONE", purpose: str = "TREATMENT", model: str = "PARALLEL",
               allocation: str = "RANDOMIZED", who: list[str] = (), description: str | None = None) -> dict:
    """The designInfo of an interventional study."""
    info = {"allocation": allocation, "interventionModel": model, "primaryPurpose": purpose,
            "maskingInfo": {"masking": masking, **({"whoMasked": list(who)} if who else {})}}
    if description:
        info["maskingInfo"]["maskingDescription"] = description
    if allocation is None:
        del info["allocation"]
    return info


def observational(model: str = "COHORT", perspective: str = "PROSPECTIVE") -> dict:
    """The designInfo of an observational study."""
    return {"observationalModel": model, "timePerspective": perspective}


A, E = "ACTUAL", "ESTIMATED"
# Criteria texts shared by the records below: a long list with sub-lists and notes, as sponsors paste them.
LONG_CRITERIA = """Inclusion Criteria:

1. Male or female participants aged >= 18 years at the time of signing the informed consent.
2. Histologically or cytologically confirmed advanced solid tumour that has progressed on, or is intolerant to,
   standard therapy, or for which no standard therapy exists:
   * Part A (dose escalation): any solid tumour
   * Part B (expansion): Cohort B1 non-small cell lung cancer (NSCLC) with KRAS G12C mutation; Cohort B2
     colorectal cancer (CRC) with KRAS G12C mutation
   Note: Participants in Cohort B1 must have received prior platinum-based chemotherapy and an anti-PD-(L)1.
3. Measurable disease per RECIST v1.1.
4. Eastern Cooperative Oncology Group (ECOG) performance status 0 or 1.
5. Adequate organ function, defined as:
   1. Absolute neutrophil count (ANC) >= 1.5 x 10^9/L
   2. Platelets >= 100 x 10^9/L
   3. Hemoglobin >= 9 g/dL (transfusion allowed > 2 weeks before first dose)
   4. Total bilirubin <= 1.5 x ULN (<= 3 x ULN for Gilbert's syndrome)
   5. AST and ALT <= 2.5 x ULN (<= 5 x ULN if liver metastases)
   6. Creatinine clearance >= 50 mL/min (Cockcroft-Gault)
6. Women of childbearing potential (WOCBP) must have a negative serum pregnancy test within 7 days of Cycle 1
   Day 1 and agree to use highly effective contraception during the study and for 6 months after the last dose.
   Note: A woman is considered of childbearing potential following menarche and until becoming post-menopausal
   unless permanently sterile.
7. Male participants with a female partner of childbearing potential must agree to use a condom.

Exclusion Criteria:

1. Prior treatment with a KRAS G12C inhibitor (Part B only).
2. Active brain metastases. Note: Participants with treated brain metastases that are stable for >= 4 weeks
   and who do not require steroids are eligible.
3. Any of the following within 6 months before first dose:
   * myocardial infarction, unstable angina, or coronary artery bypass graft
   * symptomatic congestive heart failure (NYHA class III or IV)
   * cerebrovascular accident or transient ischemic attack
4. QTcF > 470 msec on screening ECG.
5. Known HIV infection with detectable viral load, or active hepatitis B or C.
6. Strong CYP3A4 inhibitors or inducers within 14 days before first dose (see Appendix 4).
7. Pregnant or breastfeeding women.
8. Major surgery within 4 weeks before first dose."""

RECORDS = [
    # 1. behavioural, cluster-randomised by school, Chinese sponsor
    record(
        "NCT05340201", "School-based Physical Activity Education for Prevention of Childhood Obesity",
        "Effect of a School-based Physical Activity and Nutrition Education Program on BMI in Primary School "
        "Children in Guangzhou: a Cluster Randomized Controlled Trial", "Sun Yat-sen University", "OTHER",
        status="COMPLETED", start=("2022-09-01", A), primary=("2023-07-15", A), completion=("2023-12-30", A),
        submitted="2022-08-20", updated="2024-03-02", study_type=INTERVENTIONAL, phases=["NA"],
        design=randomised(masking="SINGLE", purpose="PREVENTION", who=["OUTCOMES_ASSESSOR"]),
        enrollment=(1680, A), conditions=["Childhood Obesity", "Overweight"],
        summary="The purpose of this study is to evaluate the effect of a one academic year school-based physical "
                "activity and nutrition education programme on body mass index (BMI) z-score among grade 3-4 "
                "pupils. 24 primary schools will be randomly allocated in 1:1 ratio to intervention or control.",
        detail="Childhood obesity is increasing quickly in China, the prevalence of overweight and obesity in "
               "children aged 7-18 years reached 19.0% in 2019. Previous trial (CHIRPY DRAGON) showed a "
               "multi-component intervention was effective in reducing BMI.\n\nThis study is a cluster randomized "
               "controlled trial. Schools is the unit of randomization, because the intervention is delivered to "
               "whole class and contamination between children in same school is unavoidable. Randomization was "
               "stratified by district and performed by statistician not involved in recruitment. Because of the "
               "nature of the intervention, teachers and children cannot be blinded, but the anthropometric "
               "measurement staff are blinded to group allocation.\n\nIntervention schools receive: (1) 2 extra "
               "PE lessons per week; (2) monthly nutrition education class for children; (3) WeChat messages "
               "to parents twice a week. Control schools continue usual curriculum and will receive the "
               "materials after the study end (wait-list).",
        arms=[_arm("Intervention schools", "EXPERIMENTAL", "Physical activity and nutrition education program "
                   "for one academic year", ["Behavioral: PA and nutrition education"]),
              _arm("Control schools", "NO_INTERVENTION", "Usual school curriculum", [])],
        interventions=[_intervention("BEHAVIORAL", "PA and nutrition education", "Two extra physical education "
                                     "lessons weekly, monthly nutrition class, parent WeChat messages",
                                     ["Intervention schools"])],
        primary_outcomes=[("Change of BMI z-score", "baseline and 10 months",
                           "BMI z-score calculated by WHO 2007 reference")],
        secondary_outcomes=[("Prevalence of overweight and obesity", "baseline and 10 months"),
                            ("Moderate-to-vigorous physical activity minutes per day (accelerometer)",
                             "baseline and 10 months"),
                            ("Sugar sweetened beverage intake", "baseline and 10 months")],
        criteria="Inclusion Criteria:\n\n* Public primary schools in Guangzhou with at least 2 classes of grade 3\n"
                 "* Children in grade 3 and 4\n* Parents sign the informed consent\n\nExclusion Criteria:\n\n"
                 "* Children who cannot take part in physical activity due to disease (e.g. congenital heart "
                 "disease)\n* Children taking medicine that affect weight (e.g. glucocorticoids)",
        min_age="8 Years", max_age="11 Years", healthy=True, countries=("China",)),
    # 2. behavioural digital CBT for insomnia, UK, waitlist control
    record(
        "NCT06824002", "Digital CBT for Insomnia in Nurses Working Night Shifts",
        "A Randomised Controlled Trial of App-delivered Cognitive Behavioural Therapy for Insomnia (dCBT-I) "
        "Versus Waitlist in NHS Nurses Working Rotating Shifts", "University of Oxford", "OTHER",
        status="RECRUITING", start=("2025-04-01", A), primary=("2027-03-31", E), completion=("2027-09-30", E),
        submitted="2025-02-11", updated="2026-06-14", study_type=INTERVENTIONAL, phases=["NA"],
        design=randomised(masking="SINGLE", purpose="TREATMENT", who=["OUTCOMES_ASSESSOR"],
                          description="Participants cannot be masked to a behavioural intervention; outcome "
                                      "questionnaires are completed online and analysed by a statistician "
                                      "masked to allocation."),
        enrollment=(420, E), conditions=["Insomnia", "Shift-Work Sleep Disorder"],
        summary="This randomised trial tests whether a six-week app-based CBT-I programme, adapted for shift "
                "workers, improves insomnia severity compared with a waitlist in nurses who work night shifts.",
        arms=[_arm("dCBT-I", "EXPERIMENTAL", "Six weekly sessions of the Sleepio-style programme adapted for "
                   "rotating shifts", ["Behavioral: Digital CBT-I"]),
              _arm("Waitlist", "NO_INTERVENTION", "Offered the programme after the 24-week follow-up", [])],
        interventions=[_intervention("BEHAVIORAL", "Digital CBT-I", "Sleep restriction adapted to shift pattern, "
                                     "stimulus control, cognitive restructuring, sleep hygiene", ["dCBT-I"])],
        primary_outcomes=[("Insomnia Severity Index (ISI)", "Week 10",
                           "Range 0-28, higher scores mean worse insomnia")],
        secondary_outcomes=[("Sleep efficiency (sleep diary)", "Weeks 10 and 24"),
                            ("Hospital Anxiety and Depression Scale", "Weeks 10 and 24"),
                            ("Sickness absence days", "24 weeks")],
        criteria="Inclusion Criteria:\n\n* Registered nurse or healthcare assistant employed by a participating "
                 "NHS trust\n* Working at least 4 night shifts per month\n* ISI score of 10 or more\n* Own a "
                 "smartphone\n\nExclusion Criteria:\n\n* Diagnosed obstructive sleep apnoea, narcolepsy or "
                 "restless legs syndrome\n* Currently receiving CBT for insomnia\n* Bipolar disorder or "
                 "seizure disorder (sleep restriction contraindicated)\n* Pregnancy",
        countries=("United Kingdom",)),
    # 3. device: continuous glucose monitoring, open label
    record(
        "NCT06351903", "Continuous Glucose Monitoring vs Fingerstick in Type 2 Diabetes on Basal Insulin",
        None, "Dexcom, Inc.", "INDUSTRY",
        status="ACTIVE_NOT_RECRUITING", start=("2025-01-15", A), primary=("2026-12-31", E),
        completion=("2027-03-31", E), submitted="2024-12-02", updated="2026-09-01", study_type=INTERVENTIONAL,
        phases=["NA"], design=randomised(masking="NONE", purpose="TREATMENT"), enrollment=(300, A),
        conditions=["Type 2 Diabetes"],
        summary="Open-label randomized study comparing real-time CGM with blood glucose meter (BGM) monitoring in "
                "adults with type 2 diabetes treated with basal insulin without prandial insulin.",
        arms=[_arm("rtCGM", "EXPERIMENTAL", "Participants use Dexcom G7 CGM for 8 months",
                   ["Device: Dexcom G7"]),
              _arm("BGM", "ACTIVE_COMPARATOR", "Participants continue fingerstick monitoring with a Contour Next "
                   "One meter; a blinded CGM is worn for 10 days at baseline and month 8",
                   ["Device: Blood glucose meter"])],
        interventions=[_intervention("DEVICE", "Dexcom G7", "Real-time continuous glucose monitoring system",
                                     ["rtCGM"]),
                       _intervention("DEVICE", "Blood glucose meter", "Contour Next One", ["BGM"])],
        primary_outcomes=[("Change in HbA1c", "Baseline to 8 months")],
        secondary_outcomes=[("Time in range 70-180 mg/dL measured with CGM (blinded in BGM group)", "Month 8"),
                            ("Time below 70 mg/dL", "Month 8"),
                            ("Basal insulin dose (units/kg)", "Month 8")],
        criteria="Inclusion Criteria:\n\n* Type 2 diabetes for at least 1 year\n* Basal insulin (glargine, "
                 "degludec, detemir or NPH) for at least 3 months, with or without non-insulin agents\n* HbA1c "
                 "7.8%-11.5%\n\nExclusion Criteria:\n\n* Use of prandial insulin\n* CGM use in past 3 months\n"
                 "* Pregnancy or planning pregnancy"),
    # 4. sham-controlled renal denervation
    record(
        "NCT04971604", "Ultrasound Renal Denervation in Uncontrolled Hypertension (SHAM-RDN)",
        "A Multicenter, Prospective, Randomized, Sham-Controlled, Blinded Study of Endovascular Ultrasound Renal "
        "Denervation in Patients With Hypertension Uncontrolled on Three Medications", "ReCor Medical, Inc.",
        "INDUSTRY", status="COMPLETED", start=("2021-03-10", A), primary=("2023-08-30", A),
        completion=("2024-09-30", A), submitted="2021-02-15", updated="2025-01-20", study_type=INTERVENTIONAL,
        phases=["NA"], design=randomised(masking="TRIPLE", purpose="TREATMENT",
                                          who=["PARTICIPANT", "CARE_PROVIDER", "OUTCOMES_ASSESSOR"],
                                          description="Patients, their physicians and the blood pressure "
                                                      "assessors are blinded; the proceduralist is not."),
        enrollment=(224, A), conditions=["Hypertension, Resistant to Conventional Therapy"],
        summary="Patients with uncontrolled hypertension on a standardized triple-pill combination are randomized "
                "2:1 to renal denervation or a sham procedure (renal angiography only). The primary endpoint is "
                "the change in daytime ambulatory systolic blood pressure at 2 months.",
        arms=[_arm("Renal denervation", "EXPERIMENTAL", "Endovascular ultrasound renal denervation",
                   ["Device: Paradise system"]),
              _arm("Sham", "SHAM_COMPARATOR", "Renal angiogram only, patient sedated and with headphones so as "
                   "not to know which procedure was done", ["Procedure: Renal angiography"])],
        interventions=[_intervention("DEVICE", "Paradise system", "Ultrasound renal denervation",
                                     ["Renal denervation"]),
                       _intervention("PROCEDURE", "Renal angiography", "Sham procedure", ["Sham"])],
        primary_outcomes=[("Change in daytime ambulatory systolic blood pressure", "2 months")],
        secondary_outcomes=[("Major adverse events", "30 days"),
                            ("Number of antihypertensive medications", "6 months")],
        criteria="Inclusion Criteria:\n\n* Age 18-75 years\n* Office BP >= 140/90 mmHg despite >= 3 "
                 "antihypertensive medications including a diuretic\n* Daytime ambulatory BP >= 135/85 after 4 "
                 "weeks of the standardized triple-combination pill (amlodipine 10 mg, valsartan 160 mg, "
                 "hydrochlorothiazide 25 mg)\n* eGFR >= 40 mL/min/1.73m2\n\nExclusion Criteria:\n\n* Renal "
                 "artery anatomy not suitable (accessory arteries < 3 mm, stenosis > 30%)\n* Type 1 diabetes\n"
                 "* Secondary hypertension\n* Myocardial infarction or stroke within 3 months",
        max_age="75 Years", countries=("United States", "France", "Netherlands")),
    # 5. diagnostic accuracy, AI chest x-ray for TB, observational
    record(
        "NCT05873305", "Accuracy of Computer-aided Detection for Tuberculosis on Chest X-ray",
        "Diagnostic Accuracy of Computer-Aided Detection (CAD4TB v7) Software for Pulmonary Tuberculosis Among "
        "Adults With Presumptive TB in Primary Care Clinics: a Prospective Cross-sectional Study",
        "Makerere University", "OTHER", status="COMPLETED", start=("2023-02-01", A), primary=("2024-01-31", A),
        completion=("2024-06-30", A), submitted="2023-01-18", updated="2024-08-05", study_type=OBSERVATIONAL,
        phases=None, design=observational("OTHER", "CROSS_SECTIONAL"), enrollment=(1500, A),
        conditions=["Tuberculosis, Pulmonary"],
        summary="This study estimates the sensitivity and specificity of CAD software reading digital chest "
                "radiographs against a microbiological reference standard (Xpert MTB/RIF Ultra and liquid "
                "culture on two sputum samples).",
        detail="Index test: CAD4TB v7 score (0-100), threshold pre-specified at 60.\nReference standard: any "
               "positive Xpert Ultra (excluding trace) or MGIT culture.\n\nSample size: assuming TB prevalence "
               "of 10%, sensitivity 90% and precision +/- 5%, 1,400 participants are needed; 1,500 with 7% "
               "unevaluable results.\n\nReaders of the radiographs are blinded to the reference standard and "
               "the laboratory is blinded to the CAD score.",
        interventions=[_intervention("DIAGNOSTIC_TEST", "CAD4TB v7", "Computer-aided detection software",
                                     ["Adults with presumptive TB"])],
        arms=[_arm("Adults with presumptive TB", None, "Cough of 2 weeks or more or other TB symptoms",
                   ["Diagnostic Test: CAD4TB v7"])],
        primary_outcomes=[("Sensitivity and specificity of CAD4TB at threshold 60", "At enrollment (single visit)")],
        secondary_outcomes=[("Area under ROC curve", "At enrollment"),
                            ("Sensitivity among people living with HIV", "At enrollment")],
        criteria="Inclusion Criteria:\n\n* Age 15 years or older\n* Presumptive TB (cough >= 2 weeks, fever, "
                 "night sweats, weight loss)\n* Able to give two sputum samples\n\nExclusion Criteria:\n\n"
                 "* On TB treatment or treated within past 12 months\n* Pregnant women (no x-ray)",
        min_age="15 Years", countries=("Uganda",), population="Adults attending 6 primary care clinics in "
        "Kampala with symptoms of TB", sampling="PROBABILITY_SAMPLE"),
    # 6. diagnostic rapid antigen test, Egyptian sponsor, interventional DIAGNOSTIC purpose
    record(
        "NCT05873306", "Rapid Antigen Test Versus RT-PCR for Diagnosis of Influenza in Children",
        "Diagnostic Accuracy of Rapid Influenza Antigen Test in Comparison to Real Time PCR Among Children "
        "Presenting With Influenza Like Illness to Ain Shams University Pediatric Hospital",
        "Ain Shams University", "OTHER", status="COMPLETED", start=("2023-11-01", A), primary=("2024-03-31", A),
        completion=("2024-04-30", A), submitted="2023-10-25", updated="2024-05-12", study_type=INTERVENTIONAL,
        phases=["NA"], design=randomised(allocation="NA", model="SINGLE_GROUP", purpose="DIAGNOSTIC"),
        enrollment=(200, A), conditions=["Influenza", "Influenza-like Illness"],
        summary="Aim of the work is to assess the diagnostic accuracy of rapid antigen detection test for "
                "influenza A and B in comparison to RT-PCR as gold standard among children with ILI.",
        detail="Type of study: Cross sectional diagnostic accuracy study.\nStudy setting: Emergency department "
               "of Ain Shams University pediatric hospital.\nMethods: All patients will be subjected to: full "
               "history taking, clinical examination, nasopharyngeal swab was taken and divided for rapid test "
               "(result within 15 minutes) and PCR.\nStatistical analysis: Data will be coded and analysed "
               "using SPSS version 27. Sensitivity, specificity, PPV and NPV will be calculated.",
        arms=[_arm("Children with ILI", "OTHER", "Both tests done on the same swab",
                   ["Diagnostic Test: Rapid influenza antigen test", "Diagnostic Test: RT-PCR"])],
        interventions=[_intervention("DIAGNOSTIC_TEST", "Rapid influenza antigen test", "Immunochromatographic "
                                     "test", ["Children with ILI"]),
                       _intervention("DIAGNOSTIC_TEST", "RT-PCR", "Reference standard", ["Children with ILI"])],
        primary_outcomes=[("Sensitivity of rapid antigen test", "15 minutes after swab")],
        criteria="Inclusion Criteria:\n\n* Age from 1 month to 18 years.\n* Both sex.\n* Fever >= 38 C with "
                 "cough or sore throat within 4 days.\n\nExclusion Criteria:\n\n* Patients received oseltamivir "
                 "before presentation.\n* Refusal of parents.",
        min_age="1 Month", max_age="18 Years", countries=("Egypt",)),
]

RECORDS += [
    # 7. dietary supplement, Iranian sponsor
    record(
        "NCT05340207", "Effect of Vitamin D Supplementation on Insulin Resistance in Women With PCOS",
        "The Effect of Vitamin D3 Supplementation on Insulin Resistance, Lipid Profile and Hormonal Status in "
        "Vitamin D Deficient Women With Polycystic Ovary Syndrome: A Double Blind Randomized Clinical Trial",
        "Tehran University of Medical Sciences", "OTHER", status="COMPLETED", start=("2022-01-21", A),
        primary=("2022-09-22", A), completion=("2022-12-21", A), submitted="2022-01-10", updated="2023-02-01",
        study_type=INTERVENTIONAL, phases=["PHASE2", "PHASE3"],
        design=randomised(masking="QUADRUPLE", who=["PARTICIPANT", "CARE_PROVIDER", "INVESTIGATOR",
                                                     "OUTCOMES_ASSESSOR"]),
        enrollment=(90, A), conditions=["Polycystic Ovary Syndrome", "Vitamin D Deficiency"],
        summary="In this double blind clinical trial, 90 women with PCOS and serum 25(OH)D less than 20 ng/ml "
                "will be randomly divided into two groups to receive 50000 IU vitamin D3 pearl or placebo pearl "
                "weekly for 12 weeks.",
        detail="Randomization is done by block randomization method with block size of 4. The placebo pearls "
               "are identical in shape, color and size and produced by Zahravi pharmaceutical company. Fasting "
               "blood samples were taken at beginning and end of study. HOMA-IR = fasting insulin (uU/ml) x "
               "fasting glucose (mg/dl) / 405.\nAll participants are asked to not change their diet and physical "
               "activity and not take any other supplement during the study.",
        arms=[_arm("Vitamin D3", "EXPERIMENTAL", "50000 IU vitamin D3 pearl once weekly for 12 weeks",
                   ["Dietary Supplement: Vitamin D3"]),
              _arm("Placebo", "PLACEBO_COMPARATOR", "Placebo pearl weekly for 12 weeks",
                   ["Dietary Supplement: Placebo"])],
        interventions=[_intervention("DIETARY_SUPPLEMENT", "Vitamin D3", "50,000 IU cholecalciferol pearl weekly",
                                     ["Vitamin D3"], ["Cholecalciferol"]),
                       _intervention("DIETARY_SUPPLEMENT", "Placebo", "Paraffin oil pearl", ["Placebo"])],
        primary_outcomes=[("HOMA-IR", "12 weeks")],
        secondary_outcomes=[("Serum 25-hydroxy vitamin D", "12 weeks"), ("Total testosterone", "12 weeks"),
                            ("Triglyceride, LDL, HDL", "12 weeks")],
        criteria="Inclusion Criteria:\n\n* Women 18-40 years old\n* PCOS diagnosis based on Rotterdam criteria\n"
                 "* Serum 25(OH)D < 20 ng/ml\n\nExclusion Criteria:\n\n* Pregnancy or lactation\n* Taking "
                 "metformin, OCP or vitamin D supplement in last 3 months\n* Thyroid disease, hyperprolactinemia, "
                 "Cushing syndrome\n* Kidney stone history",
        sex="FEMALE", max_age="40 Years", countries=("Iran, Islamic Republic of",)),
    # 8. probiotic in preterm infants, Turkish sponsor
    record(
        "NCT04971608", "Probiotic Supplementation for Prevention of Necrotizing Enterocolitis in Preterm Infants",
        "Efficacy of Oral Lactobacillus Reuteri DSM 17938 in Preventing Necrotizing Enterocolitis in Very Low "
        "Birth Weight Infants: A Prospective Randomized Controlled Study", "Ankara City Hospital", "OTHER_GOV",
        status="COMPLETED", start=("2021-06-01", A), primary=("2023-06-01", A), completion=("2023-06-01", A),
        submitted="2021-05-20", updated="2023-08-14", study_type=INTERVENTIONAL, phases=["NA"],
        design=randomised(masking="DOUBLE", purpose="PREVENTION", who=["PARTICIPANT", "OUTCOMES_ASSESSOR"]),
        enrollment=(240, A), conditions=["Necrotizing Enterocolitis", "Very Low Birth Weight Infant"],
        summary="Preterm infants with gestational age <= 32 weeks and birth weight <= 1500 g were randomized to "
                "receive L. reuteri 10^8 CFU daily or placebo (sunflower oil) starting with first enteral feed "
                "until discharge.",
        arms=[_arm("Probiotic group", "EXPERIMENTAL", "L. reuteri 5 drops (1x10^8 CFU) once a day with feeding",
                   ["Dietary Supplement: Lactobacillus reuteri DSM 17938"]),
              _arm("Placebo group", "PLACEBO_COMPARATOR", "5 drops sunflower oil daily",
                   ["Other: Placebo"])],
        interventions=[_intervention("DIETARY_SUPPLEMENT", "Lactobacillus reuteri DSM 17938", "BioGaia drops",
                                     ["Probiotic group"]),
                       _intervention("OTHER", "Placebo", "Sunflower oil drops of same appearance",
                                     ["Placebo group"])],
        primary_outcomes=[("Incidence of NEC stage >= 2 (modified Bell criteria)", "Until discharge, up to "
                                                                                   "40 weeks postmenstrual age")],
        secondary_outcomes=[("Late-onset sepsis (culture proven)", "Until discharge"),
                            ("Time to full enteral feeding (150 ml/kg/day)", "Until discharge"),
                            ("Mortality", "Until discharge")],
        criteria="Inclusion Criteria:\n\n* Gestational age <= 32 weeks\n* Birth weight <= 1500 gr\n* Written "
                 "consent of the parents\n\nExclusion Criteria:\n\n* Major congenital anomaly\n* Death within "
                 "first 72 hours\n* Hypoxic ischemic encephalopathy\n* Mother using probiotics",
        min_age=None, max_age="3 Days", countries=("Turkey",)),
    # 9. surgical, two hernia techniques, Egyptian sponsor
    record(
        "NCT05340209", "Lichtenstein Versus TEP Repair for Inguinal Hernia",
        "Comparative Study Between Open Lichtenstein Tension-free Mesh Repair and Laparoscopic Totally "
        "Extraperitoneal (TEP) Repair in Management of Unilateral Inguinal Hernia", "Assiut University", "OTHER",
        status="COMPLETED", start=("2022-03-01", A), primary=("2023-03-01", A), completion=("2023-09-01", A),
        submitted="2022-02-14", updated="2023-10-10", study_type=INTERVENTIONAL, phases=["NA"],
        design=randomised(masking="SINGLE", who=["OUTCOMES_ASSESSOR"]), enrollment=(80, A),
        conditions=["Inguinal Hernia"],
        summary="This study aims to compare between open Lichtenstein repair and laparoscopic TEP repair as "
                "regard postoperative pain, operative time, complications, return to work and recurrence.",
        detail="Patients will be randomly allocated by closed envelope method into two equal groups:\nGroup A "
               "(40 patients): Lichtenstein open mesh repair under spinal anesthesia.\nGroup B (40 patients): "
               "TEP repair under general anesthesia.\nPolypropylene mesh 15x7.5 cm used in both groups. All "
               "patients receive cefazolin 1 gm IV at induction. Postoperative analgesia: paracetamol 1 gm / 8 "
               "hours and ketorolac 30 mg if VAS > 4.\nPain assessed by VAS at 6, 24 hours, 7 days and 1 month "
               "by a resident not aware of the group.",
        arms=[_arm("Group A: Lichtenstein", "ACTIVE_COMPARATOR", "Open tension-free mesh repair",
                   ["Procedure: Lichtenstein repair"]),
              _arm("Group B: TEP", "EXPERIMENTAL", "Laparoscopic totally extraperitoneal repair",
                   ["Procedure: TEP repair"])],
        interventions=[_intervention("PROCEDURE", "Lichtenstein repair", "Open mesh hernioplasty",
                                     ["Group A: Lichtenstein"]),
                       _intervention("PROCEDURE", "TEP repair", "Laparoscopic hernioplasty", ["Group B: TEP"])],
        primary_outcomes=[("Postoperative pain (VAS)", "24 hours postoperative")],
        secondary_outcomes=[("Operative time", "intraoperative"), ("Recurrence", "6 months"),
                            ("Chronic groin pain", "3 months"), ("Time to return to work", "1 month")],
        criteria="Inclusion Criteria:\n\n* Adult male patients 18-60 years\n* Unilateral primary reducible "
                 "inguinal hernia\n* ASA I-II\n\nExclusion Criteria:\n\n* Recurrent hernia\n* Complicated "
                 "(obstructed, strangulated) hernia\n* Previous lower abdominal surgery\n* Bleeding disorders",
        sex="MALE", max_age="60 Years", countries=("Egypt",)),
    # 10. surgical anastomosis, French sponsor, French words in text
    record(
        "NCT06351910", "Stapled Versus Hand-sewn Ileocolic Anastomosis After Right Colectomy",
        "Anastomose iléocolique mécanique versus manuelle après colectomie droite pour cancer : essai "
        "randomisé multicentrique (ANASTOP)", "Assistance Publique - Hôpitaux de Paris", "OTHER",
        status="RECRUITING", start=("2024-10-01", A), primary=("2027-10-01", E), completion=("2028-04-01", E),
        submitted="2024-07-30", updated="2026-05-05", study_type=INTERVENTIONAL, phases=["NA"],
        design=randomised(masking="DOUBLE", who=["PARTICIPANT", "OUTCOMES_ASSESSOR"]), enrollment=(640, E),
        conditions=["Colon Cancer", "Anastomotic Leak"], acronym="ANASTOP",
        summary="L'objectif principal est de comparer le taux de fistule anastomotique à 30 jours après "
                "anastomose iléocolique mécanique ou manuelle. The patient and the assessor of the complications "
                "(independent surgeon) are not informed of the anastomosis technique.",
        arms=[_arm("Anastomose mécanique", "EXPERIMENTAL", "Side-to-side stapled anastomosis (linear stapler 60 "
                   "mm)", ["Procedure: Stapled anastomosis"]),
              _arm("Anastomose manuelle", "ACTIVE_COMPARATOR", "Hand-sewn end-to-side anastomosis, continuous "
                   "3/0 monofilament suture", ["Procedure: Hand-sewn anastomosis"])],
        interventions=[_intervention("PROCEDURE", "Stapled anastomosis", None, ["Anastomose mécanique"]),
                       _intervention("PROCEDURE", "Hand-sewn anastomosis", None, ["Anastomose manuelle"])],
        primary_outcomes=[("Anastomotic leak (ISREC grade A-C)", "30 days after surgery")],
        secondary_outcomes=[("Durée opératoire", "Intervention"), ("Clavien-Dindo complications", "90 days"),
                            ("Coût", "90 days")],
        criteria="Critères d'inclusion:\n\n* Patient âgé de 18 ans ou plus\n* Cancer du côlon droit opérable "
                 "(caecum, côlon ascendant, angle droit)\n* Chirurgie programmée par laparoscopie ou laparotomie\n"
                 "* Affiliation à un régime de sécurité sociale\n\nCritères de non-inclusion:\n\n* Chirurgie en "
                 "urgence (occlusion, perforation)\n* Stomie de protection prévue\n* Femme enceinte ou allaitante\n"
                 "* Personne sous tutelle ou curatelle",
        countries=("France",)),
    # 11. paediatric vaccine with age cohorts
    record(
        "NCT05873311", "Safety and Immunogenicity of a 20-valent Pneumococcal Conjugate Vaccine in Children",
        "A Phase 3, Open-label Study to Evaluate the Safety and Immunogenicity of 20vPnC in Healthy Infants and "
        "Children Aged 2 Months to 17 Years in India, in 3 Age Cohorts", "Serum Institute of India Pvt. Ltd.",
        "INDUSTRY", status="COMPLETED", start=("2023-05-02", A), primary=("2024-09-30", A),
        completion=("2025-03-15", A), submitted="2023-04-01", updated="2025-06-18", study_type=INTERVENTIONAL,
        phases=["PHASE3"], design=randomised(allocation="NON_RANDOMIZED", masking="NONE", purpose="PREVENTION"),
        enrollment=(600, A), conditions=["Pneumococcal Infections"],
        summary="Participants are enrolled into 3 age cohorts. Cohort 1 (2-3 months of age) receive 3 infant "
                "doses at 6, 10, 14 weeks and a toddler dose at 12-15 months; Cohort 2 (12-23 months) receive 2 "
                "doses 8 weeks apart; Cohort 3 (2-17 years) receive a single dose.",
        arms=[_arm("Cohort 1: 2-3 months", "EXPERIMENTAL", "20vPnC 0.5 mL IM at 6, 10, 14 weeks and 12-15 months",
                   ["Biological: 20vPnC"]),
              _arm("Cohort 2: 12-23 months", "EXPERIMENTAL", "20vPnC 0.5 mL IM x 2 doses, 8 weeks apart",
                   ["Biological: 20vPnC"]),
              _arm("Cohort 3: 2-17 years", "EXPERIMENTAL", "20vPnC 0.5 mL IM single dose",
                   ["Biological: 20vPnC"])],
        interventions=[_intervention("BIOLOGICAL", "20vPnC", "20-valent pneumococcal conjugate vaccine",
                                     ["Cohort 1: 2-3 months", "Cohort 2: 12-23 months", "Cohort 3: 2-17 years"])],
        primary_outcomes=[("Percentage of participants with local reactions within 7 days after each dose",
                           "Day 1 to Day 7 after each dose"),
                          ("Serotype-specific IgG concentrations", "1 month after the last dose")],
        secondary_outcomes=[("OPA geometric mean titres (Cohort 3)", "1 month after vaccination")],
        criteria="Inclusion Criteria:\n\n* Cohort 1: healthy infants aged 42 to 98 days at first vaccination, "
                 "born at > 36 weeks of gestation\n* Cohort 2: healthy toddlers 12 to 23 months who did not "
                 "receive any pneumococcal vaccine\n* Cohort 3: healthy children 2 to < 18 years\n* Parent/legal "
                 "guardian able to give consent; assent for children >= 7 years\n\nExclusion Criteria:\n\n"
                 "* Previous vaccination with any pneumococcal vaccine (Cohort 2 and 3)\n* History of invasive "
                 "pneumococcal disease\n* Immunodeficiency or receipt of immunosuppressive therapy\n* Bleeding "
                 "diathesis contraindicating intramuscular injection",
        min_age="6 Weeks", max_age="17 Years", healthy=True, countries=("India",)),
    # 12. bioequivalence crossover, healthy volunteers
    record(
        "NCT06351912", "Bioequivalence Study of Two Formulations of Rosuvastatin 40 mg Tablets Under Fasting "
                       "Conditions",
        "An Open-label, Randomized, Single-dose, Two-treatment, Two-period, Two-sequence, Crossover "
        "Bioequivalence Study of Rosuvastatin Calcium 40 mg Tablets in Healthy Adult Subjects Under Fasting "
        "Conditions", "Hikma Pharmaceuticals LLC", "INDUSTRY", status="COMPLETED", start=("2024-02-05", A),
        primary=("2024-02-28", A), completion=("2024-03-10", A), submitted="2024-01-22", updated="2024-04-15",
        study_type=INTERVENTIONAL, phases=["PHASE1"],
        design=randomised(masking="NONE", purpose="OTHER", model="CROSSOVER"), enrollment=(36, A),
        conditions=["Bioequivalence", "Healthy"],
        summary="Single-dose, two-way crossover study comparing the test product Rosuvastatin 40 mg film-coated "
                "tablet (Hikma) with the reference Crestor 40 mg (AstraZeneca) in 36 healthy subjects, with a "
                "washout of 7 days between periods.",
        detail="Sequence TR: Test in Period 1, Reference in Period 2.\nSequence RT: Reference in Period 1, Test "
               "in Period 2.\n\nBlood sampling: pre-dose and at 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 5, 6, 8, 12, 24, "
               "36, 48 and 72 hours post-dose.\n\nPK parameters  | Test | Reference\nCmax (ng/mL)   |  -   |  -\n"
               "AUC0-t         |  -   |  -\n\nBioequivalence is concluded if the 90% CI of the geometric mean "
               "ratio for Cmax and AUC is within 80.00-125.00%.",
        arms=[_arm("Sequence TR", "EXPERIMENTAL", "Test then Reference, single 40 mg dose each period",
                   ["Drug: Rosuvastatin 40 mg (Test)", "Drug: Crestor 40 mg (Reference)"]),
              _arm("Sequence RT", "EXPERIMENTAL", "Reference then Test, single 40 mg dose each period",
                   ["Drug: Rosuvastatin 40 mg (Test)", "Drug: Crestor 40 mg (Reference)"])],
        interventions=[_intervention("DRUG", "Rosuvastatin 40 mg (Test)", "Rosuvastatin calcium film-coated tablet "
                                     "40 mg, single oral dose with 240 mL water", ["Sequence TR", "Sequence RT"]),
                       _intervention("DRUG", "Crestor 40 mg (Reference)", "Rosuvastatin calcium 40 mg tablet",
                                     ["Sequence TR", "Sequence RT"], ["Rosuvastatin"])],
        primary_outcomes=[("Cmax of rosuvastatin", "Pre-dose up to 72 hours post-dose in each period"),
                          ("AUC0-t of rosuvastatin", "Pre-dose up to 72 hours post-dose in each period")],
        secondary_outcomes=[("Number of subjects with adverse events", "Up to Day 10")],
        criteria="Inclusion Criteria:\n\n* Healthy male or non-pregnant, non-lactating female subjects, 18-55 "
                 "years\n* BMI 18.5-30.0 kg/m2\n* Non-smokers\n\nExclusion Criteria:\n\n* History of myopathy or "
                 "rhabdomyolysis\n* CK above ULN\n* Use of any prescription drug within 14 days or OTC within 7 "
                 "days\n* Donation of > 500 mL blood within 56 days\n* Asian ancestry (higher rosuvastatin "
                 "exposure)",
        max_age="55 Years", healthy=True, countries=("Jordan",)),
]

RECORDS += [
    # 13. oncology 3+3 escalation with expansion cohorts
    record(
        "NCT06351913", "A Study of ZX-2471 in Patients With Advanced Solid Tumors With KRAS G12C Mutation",
        "A Phase 1/2, Open-Label, First-in-Human, Dose Escalation and Expansion Study of ZX-2471 Monotherapy in "
        "Patients With Advanced Solid Tumors Harboring a KRAS G12C Mutation", "Zhixin Biopharma (Shanghai) Co.",
        "INDUSTRY", status="RECRUITING", start=("2024-08-20", A), primary=("2027-06-30", E),
        completion=("2028-06-30", E), submitted="2024-07-01", updated="2026-10-02", study_type=INTERVENTIONAL,
        phases=["PHASE1", "PHASE2"], design=randomised(allocation="NON_RANDOMIZED", model="SEQUENTIAL"),
        enrollment=(118, E), conditions=["Non-small Cell Lung Cancer", "Colorectal Cancer", "Solid Tumor"],
        summary="Part A is a dose escalation using a 3+3 design to determine the MTD and/or RP2D of ZX-2471 given "
                "orally once daily in 21-day cycles. Part B will enroll expansion cohorts of NSCLC and CRC at the "
                "RP2D.",
        detail="Dose levels planned in Part A:\n\nDose level | ZX-2471 dose | Schedule\n1 | 100 mg | QD\n2 | 200 "
               "mg | QD\n3 | 400 mg | QD\n4 | 600 mg | QD\n5 | 800 mg | QD\n-1 | 50 mg | QD\n\nIf 0/3 "
               "patients have a DLT the next cohort is enrolled at the next dose level; if 1/3, the cohort is "
               "expanded to 6; if >= 2/3 or >= 2/6 the MTD is exceeded. DLT period is Cycle 1 (21 days).\n"
               "Intra-patient dose escalation is not permitted. In the CodeBreaK 100 trial, sotorasib 960 mg "
               "produced an ORR of 37.1% in NSCLC.",
        arms=[_arm("Part A: ZX-2471 100 mg", "EXPERIMENTAL", "100 mg QD, 21-day cycles",
                   ["Drug: ZX-2471"]),
              _arm("Part A: ZX-2471 200 mg", "EXPERIMENTAL", "200 mg QD", ["Drug: ZX-2471"]),
              _arm("Part A: ZX-2471 400 mg", "EXPERIMENTAL", "400 mg QD", ["Drug: ZX-2471"]),
              _arm("Part A: ZX-2471 600 mg", "EXPERIMENTAL", "600 mg QD", ["Drug: ZX-2471"]),
              _arm("Part A: ZX-2471 800 mg", "EXPERIMENTAL", "800 mg QD", ["Drug: ZX-2471"]),
              _arm("Part B1: NSCLC expansion", "EXPERIMENTAL", "ZX-2471 at the RP2D", ["Drug: ZX-2471"]),
              _arm("Part B2: CRC expansion", "EXPERIMENTAL", "ZX-2471 at the RP2D", ["Drug: ZX-2471"])],
        interventions=[_intervention("DRUG", "ZX-2471", "Oral tablets 50 mg and 200 mg; dose per cohort from 100 "
                                     "mg to 800 mg once daily", ["Part A: ZX-2471 100 mg", "Part A: ZX-2471 200 mg",
                                                                 "Part A: ZX-2471 400 mg", "Part A: ZX-2471 600 mg",
                                                                 "Part A: ZX-2471 800 mg",
                                                                 "Part B1: NSCLC expansion",
                                                                 "Part B2: CRC expansion"])],
        primary_outcomes=[("Number of participants with dose-limiting toxicities (DLTs) (Part A)",
                           "Cycle 1 (21 days)"),
                          ("Objective response rate per RECIST 1.1 (Part B)", "Up to 24 months")],
        secondary_outcomes=[("Cmax and AUC of ZX-2471", "Cycle 1 Day 1 and Day 15"),
                            ("Duration of response", "Up to 24 months"),
                            ("Progression-free survival", "Up to 24 months")],
        criteria=LONG_CRITERIA, countries=("China", "United States", "Australia")),
    # 14. cluster-randomised hand hygiene in nursing homes, Spanish sponsor
    record(
        "NCT05340214", "Multimodal Hand Hygiene Intervention in Nursing Homes",
        "Ensayo aleatorizado por conglomerados de una intervención multimodal de higiene de manos para reducir "
        "infecciones en residencias de mayores (MANOS-RES)", "Fundació Institut de Recerca de l'Hospital de la "
        "Santa Creu i Sant Pau", "OTHER", status="COMPLETED", start=("2022-10-01", A), primary=("2023-09-30", A),
        completion=("2023-12-31", A), submitted="2022-09-12", updated="2024-04-22", study_type=INTERVENTIONAL,
        phases=["NA"], design=randomised(masking="NONE", purpose="PREVENTION"), enrollment=(1210, A),
        conditions=["Healthcare Associated Infection", "Respiratory Tract Infections"], acronym="MANOS-RES",
        summary="Ensayo clínico aleatorizado por conglomerados. 32 residencias will be randomised (the nursing "
                "home is the unit of randomisation) to a multimodal hand hygiene programme or usual practice. "
                "Infections of the residents are recorded during 12 months.",
        detail="Intervention: alcohol-based hand rub at point of care, training sessions for staff (2 hours, "
               "repeated every 3 months), reminders and posters, monthly feedback of compliance.\nControl: usual "
               "practice. Because of the kind of intervention it is not possible to mask staff or residents "
               "(open study); infections are confirmed by a physician not involved.",
        arms=[_arm("Intervención", "EXPERIMENTAL", "Programa multimodal de higiene de manos",
                   ["Behavioral: Multimodal hand hygiene programme"]),
              _arm("Control", "NO_INTERVENTION", "Práctica habitual", [])],
        interventions=[_intervention("BEHAVIORAL", "Multimodal hand hygiene programme", "WHO 5 moments training, "
                                     "hand rub dispensers, feedback", ["Intervención"])],
        primary_outcomes=[("Incidence of respiratory infections per 1000 resident-days", "12 months")],
        secondary_outcomes=[("Hand hygiene compliance (direct observation)", "12 months"),
                            ("Antibiotic prescriptions (DDD per 1000 resident-days)", "12 months"),
                            ("Hospital admissions", "12 months")],
        criteria="Inclusion Criteria:\n\n* Residencias con >= 40 plazas en Cataluña\n* Residentes de 65 años o "
                 "más que viven en la residencia\n\nExclusion Criteria:\n\n* Residentes en cuidados paliativos "
                 "de fin de vida\n* Estancias temporales < 1 mes",
        min_age="65 Years", countries=("Spain",)),
    # 15. prospective registry cohort
    record(
        "NCT05340215", "National Registry of Acute Heart Failure Patients",
        "A Prospective, Multicenter, Observational Registry of Patients Hospitalized for Acute Heart Failure in "
        "Turkey (TAKTIK-HF)", "Turkish Society of Cardiology", "OTHER", status="ACTIVE_NOT_RECRUITING",
        start=("2023-01-10", A), primary=("2026-01-10", A), completion=("2027-01-10", E), submitted="2022-12-20",
        updated="2026-02-15", study_type=OBSERVATIONAL, phases=None, design=observational("COHORT", "PROSPECTIVE"),
        enrollment=(3000, A), conditions=["Acute Heart Failure"],
        summary="Registry of consecutive patients admitted with acute heart failure to 60 centers. No treatment "
                "is given by the study; patients are treated according to the decision of their physician, "
                "including sacubitril/valsartan, SGLT2 inhibitors and diuretics.",
        detail="Data collected: demographic, etiology, LVEF, NT-proBNP, medications at admission and discharge "
               "(ACEi/ARB/ARNI, beta-blockers, MRA, SGLT2i, loop diuretics with dose in furosemide equivalents), "
               "in-hospital events. Follow-up by phone at 3 and 12 months.",
        arms=[_arm("Acute heart failure patients", None, "Consecutive hospitalized patients", [])],
        primary_outcomes=[("In-hospital mortality", "During hospitalization, an average of 8 days"),
                          ("All-cause mortality", "12 months")],
        secondary_outcomes=[("Rehospitalization for heart failure", "12 months"),
                            ("Rate of guideline-directed medical therapy at discharge", "At discharge")],
        criteria="Inclusion Criteria:\n\n* Age >= 18 years\n* Hospitalized with primary diagnosis of acute heart "
                 "failure (de novo or decompensated)\n* Signed informed consent\n\nExclusion Criteria:\n\n"
                 "* Acute coronary syndrome as the main cause\n* Participating in an interventional trial",
        countries=("Turkey",), population="Consecutive adults hospitalised for acute heart failure in 60 "
        "cardiology centres", sampling="NON_PROBABILITY_SAMPLE"),
    # 16. case-control
    record(
        "NCT04971616", "Risk Factors of Early-onset Colorectal Cancer: a Case-control Study",
        None, "Fudan University", "OTHER", status="COMPLETED", start=("2021-03-01", A), primary=("2022-12-31", A),
        completion=("2023-06-30", A), submitted="2021-02-20", updated="2023-07-20", study_type=OBSERVATIONAL,
        phases=None, design=observational("CASE_CONTROL", "RETROSPECTIVE"), enrollment=(900, A),
        conditions=["Colorectal Cancer"],
        summary="300 cases with colorectal cancer diagnosed before age 50 and 600 age- and sex-matched controls "
                "(1:2) from health check-up center are compared for diet, antibiotic use, obesity and "
                "family history.",
        arms=[_arm("Cases", None, "Early-onset colorectal cancer, diagnosed age 18-49", []),
              _arm("Controls", None, "Colonoscopy negative for neoplasia, matched for age (+/- 2 years) and sex",
                   [])],
        primary_outcomes=[("Odds ratio of early-onset CRC associated with long-term antibiotic use",
                           "Exposure assessed over the 10 years before diagnosis")],
        criteria="Inclusion Criteria:\n\nCases:\n\n* Pathologically confirmed colorectal adenocarcinoma "
                 "diagnosed at age 18-49\n\nControls:\n\n* Normal colonoscopy within 1 year\n\nExclusion "
                 "Criteria:\n\n* Lynch syndrome or FAP\n* Inflammatory bowel disease",
        max_age="49 Years", countries=("China",), population="Patients from Fudan University Shanghai Cancer "
        "Center and controls from the health check-up center", sampling="NON_PROBABILITY_SAMPLE"),
    # 17. expanded access
    record(
        "NCT05873317", "Expanded Access Program of Zolbetuximab for Patients With Gastric Cancer",
        "An Expanded Access Program to Provide Zolbetuximab to Patients With Claudin 18.2 Positive, HER2-Negative "
        "Locally Advanced Unresectable or Metastatic Gastric or GEJ Adenocarcinoma", "Astellas Pharma Inc",
        "INDUSTRY", status="AVAILABLE", start=(None,), primary=(None,), completion=(None,),
        submitted="2023-09-05", updated="2024-11-10", study_type=EXPANDED_ACCESS, phases=None,
        design={}, enrollment=(None, None), conditions=["Gastric Adenocarcinoma", "GEJ Adenocarcinoma"],
        summary="The purpose of this program is to provide access to zolbetuximab in combination with mFOLFOX6 "
                "or CAPOX for patients who cannot participate in a clinical trial, until it is commercially "
                "available.",
        interventions=[_intervention("DRUG", "Zolbetuximab", "800 mg/m2 IV loading dose, then 600 mg/m2 every 3 "
                                     "weeks or 400 mg/m2 every 2 weeks", [], ["IMAB362"])],
        criteria="Inclusion Criteria:\n\n* CLDN18.2 positive (>= 75% of tumor cells with moderate-to-strong "
                 "membranous staining)\n* HER2-negative\n* Not eligible for an ongoing zolbetuximab trial\n\n"
                 "Exclusion Criteria:\n\n* Complete or partial gastric outlet obstruction\n* Prior treatment "
                 "with a CLDN18.2 targeted therapy"),
    # 18. withdrawn
    record(
        "NCT05873318", "Metformin for Prevention of Gestational Diabetes in Obese Pregnant Women",
        "A Randomized Placebo-controlled Trial of Metformin From First Trimester to Prevent Gestational Diabetes "
        "in Women With BMI >= 35", "Cairo University", "OTHER", status="WITHDRAWN",
        start=("2024-03-01", E), primary=("2025-06-01", E), completion=("2025-12-01", E),
        submitted="2023-12-10", updated="2024-05-02", study_type=INTERVENTIONAL, phases=["PHASE3"],
        design=randomised(masking="DOUBLE", purpose="PREVENTION", who=["PARTICIPANT", "INVESTIGATOR"]),
        enrollment=(0, A), conditions=["Gestational Diabetes", "Obesity in Pregnancy"],
        why_stopped="No funding was obtained; study never started, no participant enrolled.",
        summary="Pregnant women with BMI >= 35 kg/m2 at < 14 weeks will be randomized to metformin 1000 mg twice "
                "daily or identical placebo until delivery.",
        arms=[_arm("Metformin", "EXPERIMENTAL", "Metformin 500 mg tablets, titrated to 1000 mg twice daily",
                   ["Drug: Metformin"]),
              _arm("Placebo", "PLACEBO_COMPARATOR", "Identical placebo tablets", ["Drug: Placebo"])],
        interventions=[_intervention("DRUG", "Metformin", "500 mg tablets, up to 2000 mg/day", ["Metformin"]),
                       _intervention("DRUG", "Placebo", None, ["Placebo"])],
        primary_outcomes=[("Gestational diabetes by 75 g OGTT (IADPSG criteria)", "24-28 weeks of gestation")],
        criteria="Inclusion Criteria:\n\n* Singleton pregnancy < 14 weeks\n* BMI >= 35\n\nExclusion Criteria:\n\n"
                 "* Pre-existing diabetes\n* Renal impairment",
        sex="FEMALE", max_age="45 Years", countries=("Egypt",)),
]

RECORDS += [
    # 19. terminated
    record(
        "NCT05340219", "Tocilizumab in Hospitalized Patients With Severe Community-acquired Pneumonia",
        None, "Hospices Civils de Lyon", "OTHER", status="TERMINATED", start=("2022-11-02", A),
        primary=("2024-02-15", A), completion=("2024-02-15", A), submitted="2022-10-10", updated="2024-06-30",
        study_type=INTERVENTIONAL, phases=["PHASE2"],
        design=randomised(masking="NONE"), enrollment=(37, A), conditions=["Community-acquired Pneumonia"],
        why_stopped="Slow recruitment (37 of 180 planned patients in 15 months); decision of the sponsor.",
        summary="Open-label randomized phase 2 trial of a single dose of tocilizumab 8 mg/kg (max 800 mg) added "
                "to standard of care, versus standard of care alone, in severe CAP with CRP > 150 mg/L.",
        arms=[_arm("Tocilizumab + SOC", "EXPERIMENTAL", "Tocilizumab 8 mg/kg IV once, plus antibiotics per "
                   "guidelines", ["Drug: Tocilizumab"]),
              _arm("SOC", "ACTIVE_COMPARATOR", "Standard of care (antibiotics, oxygen; dexamethasone 6 mg if "
                   "indicated)", [])],
        interventions=[_intervention("DRUG", "Tocilizumab", "8 mg/kg IV single infusion, max 800 mg",
                                     ["Tocilizumab + SOC"], ["RoActemra"])],
        primary_outcomes=[("Clinical stability (Halm criteria)", "Day 7")],
        secondary_outcomes=[("ICU admission or death", "Day 28"), ("Secondary infections", "Day 28")],
        criteria="Inclusion Criteria:\n\n* Adults with CAP (new infiltrate and >= 2 symptoms)\n* CRP > 150 mg/L\n"
                 "* Oxygen need >= 3 L/min\n\nExclusion Criteria:\n\n* Neutropenia < 1000/mm3\n* Active "
                 "tuberculosis\n* Immunosuppressive therapy",
        countries=("France",)),
    # 20. completed with results posted
    record(
        "NCT04971620", "Dapagliflozin in Patients With Chronic Kidney Disease and Gout",
        "A 24-week, Randomized, Double-blind, Placebo-controlled Study of the Effect of Dapagliflozin on Serum "
        "Urate in Patients With CKD Stage 3 and Gout", "Seoul National University Hospital", "OTHER",
        status="COMPLETED", start=("2021-04-01", A), primary=("2022-10-30", A), completion=("2022-12-30", A),
        submitted="2021-03-02", updated="2024-02-20", study_type=INTERVENTIONAL, phases=["PHASE4"],
        design=randomised(masking="QUADRUPLE", who=["PARTICIPANT", "CARE_PROVIDER", "INVESTIGATOR",
                                                     "OUTCOMES_ASSESSOR"]),
        enrollment=(120, A), conditions=["Gout", "Chronic Kidney Disease stage3"], results=True,
        summary="Patients with gout and eGFR 30-59 will be randomized 1:1 to dapagliflozin 10 mg or placebo once "
                "daily on top of allopurinol or febuxostat for 24 weeks.",
        arms=[_arm("Dapagliflozin 10 mg", "EXPERIMENTAL", "Dapagliflozin 10 mg once daily",
                   ["Drug: Dapagliflozin"]),
              _arm("Placebo", "PLACEBO_COMPARATOR", "Matching placebo once daily", ["Drug: Placebo"])],
        interventions=[_intervention("DRUG", "Dapagliflozin", "10 mg tablet once daily", ["Dapagliflozin 10 mg"],
                                     ["Forxiga"]),
                       _intervention("DRUG", "Placebo", "Matching tablet", ["Placebo"])],
        primary_outcomes=[("Change in Serum Urate", "Baseline, Week 24")],
        secondary_outcomes=[("Gout Flares", "24 weeks"), ("Change in eGFR", "Baseline, Week 24")],
        criteria="Inclusion Criteria:\n\n* Gout by 2015 ACR/EULAR criteria\n* eGFR 30-59 mL/min/1.73m2\n* On "
                 "stable urate-lowering therapy >= 3 months\n\nExclusion Criteria:\n\n* Type 1 diabetes\n* SGLT2 "
                 "inhibitor use in past 3 months\n* Recurrent urinary tract infections",
        countries=("Korea, Republic of",)),
    # 21. sham acupuncture
    record(
        "NCT05340221", "Acupuncture for Chronic Prostatitis/Chronic Pelvic Pain Syndrome",
        "Efficacy of Electroacupuncture Versus Sham Electroacupuncture for Chronic Prostatitis/Chronic Pelvic "
        "Pain Syndrome: A Multicenter Randomized Controlled Trial", "China Academy of Chinese Medical Sciences",
        "OTHER", status="COMPLETED", start=("2022-05-10", A), primary=("2023-05-30", A),
        completion=("2023-11-30", A), submitted="2022-04-15", updated="2024-01-08", study_type=INTERVENTIONAL,
        phases=["NA"], design=randomised(masking="DOUBLE", who=["PARTICIPANT", "OUTCOMES_ASSESSOR"],
                                          description="Acupuncturists can not be blinded. Participants and "
                                                      "outcome assessors and statisticians are blinded."),
        enrollment=(440, A), conditions=["Chronic Prostatitis With Chronic Pelvic Pain Syndrome"],
        summary="440 men with CP/CPPS will be randomly assigned to 20 sessions of electroacupuncture or sham "
                "electroacupuncture over 8 weeks, and followed up to week 32.",
        detail="Sham electroacupuncture: non-acupoints, shallow needling without manipulation, the electric "
               "stimulator wire is connected but current is off (the light is flashing).\nAcupoints: BL33, BL35, "
               "SP6, CV4 (Zhongliao, Huiyang, Sanyinjiao, Guanyuan).",
        arms=[_arm("Electroacupuncture", "EXPERIMENTAL", "20 sessions over 8 weeks",
                   ["Device: Electroacupuncture"]),
              _arm("Sham electroacupuncture", "SHAM_COMPARATOR", "Superficial needling at non-acupoints, no "
                   "current", ["Device: Sham electroacupuncture"])],
        interventions=[_intervention("DEVICE", "Electroacupuncture", "Hwato needles, SDZ-V stimulator",
                                     ["Electroacupuncture"]),
                       _intervention("DEVICE", "Sham electroacupuncture", None, ["Sham electroacupuncture"])],
        primary_outcomes=[("Proportion of responders (NIH-CPSI total score decrease >= 6)", "Week 8")],
        secondary_outcomes=[("NIH-CPSI pain, urinary and QoL subscores", "Weeks 4, 8, 20, 32"),
                            ("IPSS", "Weeks 8, 32")],
        criteria="Inclusion Criteria:\n\n* Male aged 18 to 50 years\n* Pelvic pain for >= 3 months of the "
                 "previous 6 months\n* NIH-CPSI total score >= 15\n\nExclusion Criteria:\n\n* Prostate cancer, "
                 "urethral stricture or urinary tract infection\n* Acupuncture treatment in past 6 months\n"
                 "* Residual urine > 100 ml",
        sex="MALE", max_age="50 Years", countries=("China",)),
    # 22. non-inferiority, antibiotics duration
    record(
        "NCT04689122", "7 Versus 14 Days of Antibiotics for Gram-negative Bacteremia",
        "Seven Versus Fourteen Days of Antibiotic Therapy for Uncomplicated Gram-negative Bacteremia: a "
        "Randomized, Open-label, Non-inferiority Trial", "Rabin Medical Center", "OTHER", status="COMPLETED",
        start=("2021-01-15", A), primary=("2023-05-30", A), completion=("2023-07-31", A), submitted="2020-12-01",
        updated="2023-12-11", study_type=INTERVENTIONAL, phases=["PHASE4"],
        design=randomised(masking="NONE"), enrollment=(604, A), conditions=["Bacteremia", "Gram-Negative "
                                                                          "Bacterial Infections"],
        summary="Patients with Gram-negative bacteremia, afebrile and stable on day 7, are randomized to stop "
                "antibiotics at day 7 or continue to day 14. Non-inferiority margin is 10% for the composite "
                "primary outcome.",
        arms=[_arm("7 days", "EXPERIMENTAL", "Antibiotics stopped on day 7", ["Drug: Antibiotic (short course)"]),
              _arm("14 days", "ACTIVE_COMPARATOR", "Antibiotics continued to day 14",
                   ["Drug: Antibiotic (long course)"])],
        interventions=[_intervention("DRUG", "Antibiotic (short course)", "Any active antibiotic chosen by the "
                                     "treating physician, e.g. ceftriaxone, ciprofloxacin, meropenem", ["7 days"]),
                       _intervention("DRUG", "Antibiotic (long course)", "As above, for 14 days", ["14 days"])],
        primary_outcomes=[("Composite of mortality, relapse, complications, readmission or extended "
                           "hospitalization > 14 days", "90 days")],
        secondary_outcomes=[("Clostridioides difficile infection", "90 days"),
                            ("Emergence of resistant bacteria", "90 days")],
        criteria="Inclusion Criteria:\n\n* Monomicrobial Gram-negative bacteremia\n* Afebrile and "
                 "hemodynamically stable for >= 48 hours at day 7\n\nExclusion Criteria:\n\n* Uncontrolled "
                 "source (abscess, undrained)\n* Neutropenia, HSCT or solid organ transplant\n* Brucella, "
                 "Salmonella or Pseudomonas bacteremia (Note: Pseudomonas was allowed after protocol amendment 2)",
        countries=("Israel", "Italy")),
    # 23. pragmatic open-label
    record(
        "NCT04971623", "Balanced Crystalloids Versus Saline in the Emergency Department (BASE-ED)",
        "A Pragmatic, Cluster-crossover, Open-label Trial of Balanced Crystalloid Versus 0.9% Saline for "
        "Intravenous Fluid in Emergency Department Adults", "University Hospital, Geneva", "OTHER",
        status="COMPLETED", start=("2022-02-01", A), primary=("2023-01-31", A), completion=("2023-04-30", A),
        submitted="2021-12-20", updated="2023-09-15", study_type=INTERVENTIONAL, phases=["PHASE4"],
        design=randomised(masking="NONE", model="CROSSOVER"), enrollment=(9800, A),
        conditions=["Acute Kidney Injury", "Critical Illness"],
        summary="Pragmatic trial: the emergency department uses either Ringer's lactate or saline in alternating "
                "months, in an order assigned at random. Treating clinicians know the fluid (open label); all "
                "other care is decided by the clinicians. Outcomes are taken from the electronic health record.",
        arms=[_arm("Balanced crystalloid months", "EXPERIMENTAL", "Lactated Ringer's or Plasma-Lyte A",
                   ["Drug: Lactated Ringer's solution"]),
              _arm("Saline months", "ACTIVE_COMPARATOR", "0.9% sodium chloride", ["Drug: 0.9% sodium chloride"])],
        interventions=[_intervention("DRUG", "Lactated Ringer's solution", "Volume at clinician discretion",
                                     ["Balanced crystalloid months"], ["Hartmann's solution"]),
                       _intervention("DRUG", "0.9% sodium chloride", "Volume at clinician discretion",
                                     ["Saline months"], ["Normal saline"])],
        primary_outcomes=[("Major adverse kidney events within 30 days (MAKE30)", "30 days")],
        criteria="Inclusion Criteria:\n\n* Adults >= 18 years receiving IV crystalloid in the ED\n* Admitted to "
                 "hospital\n\nExclusion Criteria:\n\n* None (pragmatic design); patients who opted out of "
                 "research use of their records are excluded from analysis",
        countries=("Switzerland",)),
    # 24. pregnant women, aspirin
    record(
        "NCT06824024", "Low-dose Aspirin 150 mg vs 75 mg for Prevention of Preeclampsia",
        "Comparison of Two Doses of Aspirin (150 mg Versus 75 mg) Started at 11-14 Weeks for Prevention of "
        "Preterm Preeclampsia in High-risk Pregnant Women: a Randomized Double-blind Trial", "Shiraz University "
        "of Medical Sciences", "OTHER", status="RECRUITING", start=("2025-05-01", A), primary=("2027-05-01", E),
        completion=("2027-08-01", E), submitted="2025-03-16", updated="2026-08-20", study_type=INTERVENTIONAL,
        phases=["PHASE3"], design=randomised(masking="DOUBLE", purpose="PREVENTION",
                                              who=["PARTICIPANT", "INVESTIGATOR"]),
        enrollment=(800, E), conditions=["Pre-Eclampsia", "Pregnancy, High-Risk"],
        summary="High-risk pregnant women (by FMF first trimester screening) will be randomized to take aspirin "
                "150 mg or 75 mg at bedtime from 11-14 weeks until 36 weeks.",
        arms=[_arm("Aspirin 150 mg", "EXPERIMENTAL", "Two 75 mg tablets at night",
                   ["Drug: Aspirin 150 mg"]),
              _arm("Aspirin 75 mg", "ACTIVE_COMPARATOR", "One 75 mg tablet and one placebo tablet at night",
                   ["Drug: Aspirin 75 mg"])],
        interventions=[_intervention("DRUG", "Aspirin 150 mg", "Acetylsalicylic acid 2 x 75 mg",
                                     ["Aspirin 150 mg"]),
                       _intervention("DRUG", "Aspirin 75 mg", "Acetylsalicylic acid 75 mg + placebo",
                                     ["Aspirin 75 mg"])],
        primary_outcomes=[("Preterm preeclampsia (delivery < 37 weeks)", "Until delivery")],
        secondary_outcomes=[("Small for gestational age", "At birth"), ("Postpartum hemorrhage", "24 hours "
                                                                                               "after delivery")],
        criteria="Inclusion Criteria:\n\n* Singleton pregnancy at 11+0 to 13+6 weeks\n* High risk for preterm "
                 "preeclampsia (risk > 1 in 100)\n* Age 18-45\n\nExclusion Criteria:\n\n* Aspirin allergy, "
                 "peptic ulcer, bleeding disorder\n* Major fetal anomaly on first trimester scan\n* Regular NSAID "
                 "use",
        sex="FEMALE", max_age="45 Years", countries=("Iran, Islamic Republic of",)),
]

RECORDS += [
    # 25. transgender participants
    record(
        "NCT06351925", "Oral Versus Transdermal Estradiol in Transgender Women",
        "Effects of Oral Versus Transdermal Estradiol on Coagulation and Cardiometabolic Markers in Transgender "
        "Women Starting Gender-affirming Hormone Therapy", "Amsterdam UMC, location VUmc", "OTHER",
        status="RECRUITING", start=("2025-02-01", A), primary=("2027-02-01", E), completion=("2027-08-01", E),
        submitted="2024-12-11", updated="2026-07-07", study_type=INTERVENTIONAL, phases=["PHASE4"],
        design=randomised(masking="NONE"), enrollment=(120, E),
        conditions=["Gender Dysphoria", "Transgender Women", "Gender-affirming Hormone Therapy"],
        summary="Transgender women (assigned male at birth) starting GAHT will be randomized to oral estradiol "
                "valerate 4 mg/day or transdermal estradiol 100 mcg/24h patch, both with cyproterone acetate "
                "10 mg/day. Changes in APC resistance and lipids are compared after 12 months.",
        arms=[_arm("Oral estradiol", "ACTIVE_COMPARATOR", "Estradiol valerate 2 mg twice daily plus cyproterone "
                   "acetate 10 mg", ["Drug: Estradiol valerate", "Drug: Cyproterone acetate"]),
              _arm("Transdermal estradiol", "EXPERIMENTAL", "Estradiol patch 100 mcg/24h twice weekly plus "
                   "cyproterone acetate 10 mg", ["Drug: Estradiol patch", "Drug: Cyproterone acetate"])],
        interventions=[_intervention("DRUG", "Estradiol valerate", "2 mg tablets", ["Oral estradiol"],
                                     ["Progynova"]),
                       _intervention("DRUG", "Estradiol patch", "100 mcg/24h", ["Transdermal estradiol"]),
                       _intervention("DRUG", "Cyproterone acetate", "10 mg daily",
                                     ["Oral estradiol", "Transdermal estradiol"])],
        primary_outcomes=[("Change in normalized APC sensitivity ratio", "Baseline, 12 months")],
        secondary_outcomes=[("Serum estradiol and testosterone", "3, 6 and 12 months"),
                            ("Breast development (Tanner stage)", "12 months")],
        criteria="Inclusion Criteria:\n\n* Transgender women (assigned male sex at birth, female gender "
                 "identity)\n* Diagnosis of gender incongruence (ICD-11)\n* Starting GAHT\n\nExclusion "
                 "Criteria:\n\n* History of venous thromboembolism\n* Prior use of estrogens or anti-androgens\n"
                 "* Smoking > 10 cigarettes/day",
        sex="MALE", gender_based=True, gender_description="Transgender women: assigned male at birth, who "
        "identify as women", countries=("Netherlands",)),
    # 26. drug combination with doses per arm
    record(
        "NCT05340226", "Fixed-dose Combination of Amlodipine/Perindopril/Indapamide Versus Free Combination",
        "A Randomized, Open, Comparative Study of the Triple Fixed-dose Combination Amlodipine/Perindopril "
        "Arginine/Indapamide Versus the Same Drugs Given Separately in Hypertension", "Servier Russia",
        "INDUSTRY", status="COMPLETED", start=("2022-06-01", A), primary=("2023-03-01", A),
        completion=("2023-03-01", A), submitted="2022-05-10", updated="2023-06-10", study_type=INTERVENTIONAL,
        phases=["PHASE4"], design=randomised(masking="NONE"), enrollment=(210, A), conditions=["Hypertension"],
        summary="Patients are randomized to the single-pill combination (5/5/1.25 mg or 10/10/2.5 mg) or to the "
                "three drugs as separate tablets at the same doses, for 12 weeks.",
        arms=[_arm("Triple FDC low", "EXPERIMENTAL", "Amlodipine 5 mg / perindopril arginine 5 mg / indapamide "
                   "1.25 mg, one tablet daily", ["Drug: Amlodipine/perindopril/indapamide FDC"]),
              _arm("Triple FDC high", "EXPERIMENTAL", "Amlodipine 10 mg / perindopril arginine 10 mg / "
                   "indapamide 2.5 mg, one tablet daily", ["Drug: Amlodipine/perindopril/indapamide FDC"]),
              _arm("Free combination", "ACTIVE_COMPARATOR", "Amlodipine 5 or 10 mg + perindopril 5 or 10 mg + "
                   "indapamide SR 1.5 mg as separate tablets", ["Drug: Amlodipine", "Drug: Perindopril",
                                                                 "Drug: Indapamide"])],
        interventions=[_intervention("DRUG", "Amlodipine/perindopril/indapamide FDC", "Tablets 5/5/1.25 mg and "
                                     "10/10/2.5 mg", ["Triple FDC low", "Triple FDC high"], ["Triplixam"]),
                       _intervention("DRUG", "Amlodipine", "5 mg or 10 mg tablet", ["Free combination"]),
                       _intervention("DRUG", "Perindopril", "Perindopril arginine 5 mg or 10 mg",
                                     ["Free combination"]),
                       _intervention("DRUG", "Indapamide", "Indapamide SR 1.5 mg", ["Free combination"])],
        primary_outcomes=[("Change in office systolic blood pressure", "Baseline, week 12")],
        secondary_outcomes=[("Adherence by pill count", "Week 12"),
                            ("Proportion with BP < 140/90 mmHg", "Week 12")],
        criteria="Inclusion Criteria:\n\n* Essential hypertension, office SBP 150-180 mmHg on dual therapy\n\n"
                 "Exclusion Criteria:\n\n* Secondary hypertension\n* eGFR < 30\n* Hyperkalemia > 5.5 mmol/L\n"
                 "* Angioedema with ACE inhibitors",
        countries=("Russian Federation",)),
    # 27. traditional Chinese medicine, non-native English
    record(
        "NCT05873327", "Lianhua Qingwen Granules for Acute Bronchitis",
        "A Randomized, Double-blind, Placebo-controlled, Multicenter Clinical Trial to Evaluate the Efficacy and "
        "Safety of Lianhua Qingwen Granules in Treatment of Acute Bronchitis (Syndrome of Phlegm-heat "
        "Obstructing Lung)", "Shijiazhuang Yiling Pharmaceutical Co. Ltd", "INDUSTRY", status="COMPLETED",
        start=("2023-10-12", A), primary=("2024-04-30", A), completion=("2024-05-30", A), submitted="2023-09-28",
        updated="2024-08-01", study_type=INTERVENTIONAL, phases=["PHASE2"],
        design=randomised(masking="QUADRUPLE", who=["PARTICIPANT", "CARE_PROVIDER", "INVESTIGATOR",
                                                     "OUTCOMES_ASSESSOR"]),
        enrollment=(360, A), conditions=["Acute Bronchitis"],
        summary="To evaluate the efficacy and safety of Lianhua Qingwen Granules in treatment of acute "
                "bronchitis with the syndrome of phlegm-heat obstructing lung, compared with placebo. Subjects "
                "take one bag each time, three times a day, for 7 days.",
        detail="This study adopts randomized, double-blind, placebo parallel control, multi-center clinical trial "
               "design. The subjects who meet the inclusion criteria were random assigned to test group and "
               "placebo group according to the ratio of 1:1. The placebo was made by dextrin and caramel color, "
               "have same appearance, smell and taste with the test drug. During the trial the combined use of "
               "other antitussive, expectorant, antibiotics and Chinese patent medicine is forbidden. If cough is "
               "serious, dextromethorphan tablets can be used as rescue drug and recorded.",
        arms=[_arm("Test group", "EXPERIMENTAL", "Lianhua Qingwen Granules 6g, tid, 7 days",
                   ["Drug: Lianhua Qingwen Granules"]),
              _arm("Placebo group", "PLACEBO_COMPARATOR", "Lianhua Qingwen Granules simulant 6g, tid, 7 days",
                   ["Drug: Placebo granules"])],
        interventions=[_intervention("DRUG", "Lianhua Qingwen Granules", "6g per bag", ["Test group"]),
                       _intervention("DRUG", "Placebo granules", "Simulant, 6g per bag", ["Placebo group"])],
        primary_outcomes=[("Time to cough disappearance", "7 days")],
        secondary_outcomes=[("TCM syndrome score", "Day 4 and Day 8"), ("Use of rescue drug dextromethorphan",
                                                                        "7 days")],
        criteria="Inclusion Criteria:\n\n1. Meet the western medicine diagnostic criteria of acute bronchitis;\n"
                 "2. Meet the TCM syndrome diagnosis of phlegm-heat obstructing lung;\n3. Course of disease <= 48 "
                 "hours;\n4. Age 18~65 years old, both male and female;\n5. Sign the informed consent.\n\n"
                 "Exclusion Criteria:\n\n1. Pneumonia, asthma, COPD, bronchiectasis and tuberculosis patients;\n"
                 "2. WBC > 10x10^9/L or neutrophil > 80%;\n3. Pregnant or lactating women, or have birth plan in "
                 "recent 3 months;\n4. Allergic constitution or allergic to the ingredients of the drug.",
        max_age="65 Years", countries=("China",)),
    # 28. French investigator study, long protocol pasted
    record(
        "NCT04971628", "Ketamine for Postoperative Pain After Spinal Fusion in Adolescents",
        "Intérêt de la kétamine peropératoire sur la consommation de morphine après arthrodèse vertébrale chez "
        "l'adolescent : étude randomisée en double aveugle contre placebo (KETADO)", "Centre Hospitalier "
        "Universitaire de Toulouse", "OTHER", status="COMPLETED", start=("2021-09-01", A), primary=("2023-09-01", A),
        completion=("2023-12-01", A), submitted="2021-07-15", updated="2024-02-10", study_type=INTERVENTIONAL,
        phases=["PHASE3"], design=randomised(masking="QUADRUPLE", who=["PARTICIPANT", "CARE_PROVIDER",
                                                                        "INVESTIGATOR", "OUTCOMES_ASSESSOR"]),
        enrollment=(90, A), conditions=["Idiopathic Scoliosis", "Postoperative Pain"], acronym="KETADO",
        summary="Adolescents undergoing posterior spinal fusion for idiopathic scoliosis receive ketamine (bolus "
                "0.5 mg/kg then 0.25 mg/kg/h until skin closure) or saline. Morphine consumption by PCA over 48 "
                "hours is compared.",
        detail="1. JUSTIFICATION\nLa chirurgie du rachis est une des plus douloureuses. Dans l'étude de Loftus et "
               "al. (Anesthesiology 2010), an open-label study in adults on chronic opioids, ketamine reduced "
               "morphine use by 30%.\n\n2. OBJECTIFS\nPrincipal: consommation cumulée de morphine à H48.\n\n"
               "3. DÉROULEMENT\nJ-1: consultation, information, consentement des parents et de l'adolescent.\nJ0: "
               "anesthésie générale standardisée (propofol, sufentanil, rocuronium); randomisation par logiciel "
               "CleanWeb; les seringues sont préparées par une IDE non impliquée.\nJ1-J2: PCA morphine 20 "
               "microg/kg bolus, période réfractaire 7 min.\n\n4. STATISTIQUES\n45 patients par bras (alpha 5%, "
               "puissance 80%, différence attendue 0.3 mg/kg).",
        arms=[_arm("Kétamine", "EXPERIMENTAL", "Ketamine 0.5 mg/kg IV bolus at induction then 0.25 mg/kg/h",
                   ["Drug: Ketamine"]),
              _arm("Placebo", "PLACEBO_COMPARATOR", "NaCl 0.9% same volume and rate", ["Drug: Saline"])],
        interventions=[_intervention("DRUG", "Ketamine", "0.5 mg/kg bolus then 0.25 mg/kg/h", ["Kétamine"]),
                       _intervention("DRUG", "Saline", "Sérum physiologique", ["Placebo"])],
        primary_outcomes=[("Cumulative morphine consumption (mg/kg)", "48 hours after surgery")],
        secondary_outcomes=[("Pain score (numeric rating scale 0-10)", "H2, H6, H12, H24, H48"),
                            ("Hallucinations, nightmares", "48 hours"),
                            ("Chronic pain (DN4)", "6 months")],
        criteria="Inclusion Criteria:\n\n* Adolescents 12 to 18 years\n* Idiopathic scoliosis scheduled for "
                 "posterior spinal fusion\n* Consent of both parents (autorité parentale)\n\nExclusion "
                 "Criteria:\n\n* Neuromuscular scoliosis\n* Chronic opioid use\n* Psychiatric disorder, epilepsy\n"
                 "* Pregnancy (test urinaire systématique chez les filles)",
        min_age="12 Years", max_age="18 Years", countries=("France",)),
    # 29. Spanish sponsor, vitamin K2 supplement
    record(
        "NCT04689129", "Vitamin K2 Supplementation and Vascular Calcification in Hemodialysis",
        "Efecto de la suplementación con menaquinona-7 sobre la progresión de la calcificación vascular en "
        "pacientes en hemodiálisis: ensayo clínico aleatorizado", "Hospital Universitario La Paz", "OTHER",
        status="COMPLETED", start=("2020-10-01", A), primary=("2022-10-01", A), completion=("2022-12-01", A),
        submitted="2020-09-01", updated="2023-05-05", study_type=INTERVENTIONAL, phases=["NA"],
        design=randomised(masking="NONE"), enrollment=(120, A), conditions=["Vascular Calcification",
                                                                          "End Stage Renal Disease"],
        summary="Pacientes en hemodiálisis will be randomized to menaquinone-7 360 µg three times a week after "
                "dialysis or no supplement for 18 months. Coronary calcification score is measured by CT.",
        arms=[_arm("MK-7", "EXPERIMENTAL", "Menaquinona-7 360 µg tres veces por semana",
                   ["Dietary Supplement: Menaquinone-7"]),
              _arm("Control", "NO_INTERVENTION", "Tratamiento habitual sin suplemento", [])],
        interventions=[_intervention("DIETARY_SUPPLEMENT", "Menaquinone-7", "360 microgram capsules",
                                     ["MK-7"], ["Vitamin K2"])],
        primary_outcomes=[("Change in Agatston coronary artery calcification score", "18 months")],
        secondary_outcomes=[("dp-ucMGP levels", "6, 12, 18 months")],
        criteria="Inclusion Criteria:\n\n* Hemodiálisis >= 6 meses\n* Edad >= 18 años\n* Agatston score >= 30\n\n"
                 "Exclusion Criteria:\n\n* Tratamiento con antagonistas de la vitamina K (acenocumarol, "
                 "warfarina)\n* Trasplante renal previsto en los próximos 12 meses",
        countries=("Spain",)),
    # 30. Egyptian, misoprostol before hysteroscopy
    record(
        "NCT05340230", "Vaginal Misoprostol Before Office Hysteroscopy in Nulliparous Women",
        "Effect of Vaginal Misoprostol Versus Placebo on Pain Perception During Office Hysteroscopy in "
        "Nulliparous Women: A Randomized Controlled Trial", "Kasr El Aini Hospital", "OTHER", status="COMPLETED",
        start=("2023-01-01", A), primary=("2023-08-01", A), completion=("2023-09-01", A), submitted="2022-12-20",
        updated="2023-10-01", study_type=INTERVENTIONAL, phases=["PHASE4"],
        design=randomised(masking="TRIPLE", who=["PARTICIPANT", "CARE_PROVIDER", "OUTCOMES_ASSESSOR"]),
        enrollment=(140, A), conditions=["Infertility, Female", "Pain"],
        summary="Nulliparous women scheduled for office hysteroscopy as part of infertility work up will receive "
                "either 400 microgram misoprostol vaginally or placebo tablet 3 hours before the procedure.",
        detail="Randomization by computer generated table, allocation concealment by sealed opaque envelopes "
               "prepared by a nurse not involved. The placebo is vitamin B6 tablet similar in shape. Hysteroscopy "
               "is done by vaginoscopic approach using 2.9 mm Bettocchi hysteroscope, distension by normal "
               "saline. Pain scored by VAS 0-10 by the patient.",
        arms=[_arm("Misoprostol group", "EXPERIMENTAL", "Misoprostol 400 mcg (2 tablets of 200 mcg) vaginally 3 "
                   "hours before", ["Drug: Misoprostol"]),
              _arm("Placebo group", "PLACEBO_COMPARATOR", "2 placebo tablets vaginally 3 hours before",
                   ["Drug: Placebo"])],
        interventions=[_intervention("DRUG", "Misoprostol", "Misotac 200 mcg tablets", ["Misoprostol group"],
                                     ["Cytotec", "Misotac"]),
                       _intervention("DRUG", "Placebo", "Vitamin B6 tablets", ["Placebo group"])],
        primary_outcomes=[("Pain during passage of hysteroscope through internal os (VAS)", "During procedure")],
        secondary_outcomes=[("Ease of entry (1-5 Likert)", "During procedure"), ("Side effects (cramps, fever, "
                                                                                   "bleeding)", "24 hours")],
        criteria="Inclusion Criteria:\n\n* Nulliparous women aged 20-40\n* Indication for office hysteroscopy\n\n"
                 "Exclusion Criteria:\n\n* Allergy to prostaglandins\n* Active pelvic infection\n* Previous "
                 "cervical surgery\n* Suspected pregnancy",
        sex="FEMALE", min_age="20 Years", max_age="40 Years", countries=("Egypt",)),
]

RECORDS += [
    # 31. Iranian saffron
    record(
        "NCT05340231", "Saffron Versus Fluoxetine in Mild to Moderate Depression",
        "Comparison of Efficacy of Crocus Sativus (Saffron) Capsule and Fluoxetine in Treatment of Mild to "
        "Moderate Major Depressive Disorder: A Double-Blind Randomized Trial", "Mashhad University of Medical "
        "Sciences", "OTHER", status="COMPLETED", start=("2022-04-21", A), primary=("2022-10-22", A),
        completion=("2022-10-22", A), submitted="2022-04-10", updated="2023-01-15", study_type=INTERVENTIONAL,
        phases=["PHASE2"], design=randomised(masking="DOUBLE", who=["PARTICIPANT", "INVESTIGATOR"]),
        enrollment=(60, A), conditions=["Major Depressive Disorder"],
        summary="Sixty outpatients with HAM-D score 18-24 randomly received saffron 15 mg capsule twice daily or "
                "fluoxetine 10 mg capsule twice daily for 8 weeks. The capsules were identical.",
        arms=[_arm("Saffron", "EXPERIMENTAL", "Saffron 30 mg/day (15 mg bid)", ["Drug: Saffron"]),
              _arm("Fluoxetine", "ACTIVE_COMPARATOR", "Fluoxetine 20 mg/day (10 mg bid)", ["Drug: Fluoxetine"])],
        interventions=[_intervention("DRUG", "Saffron", "Dried stigma extract 15 mg capsule (Impiran)",
                                     ["Saffron"], ["Crocus sativus"]),
                       _intervention("DRUG", "Fluoxetine", "10 mg capsule", ["Fluoxetine"])],
        primary_outcomes=[("Hamilton Depression Rating Scale score", "Week 8")],
        secondary_outcomes=[("Adverse effects checklist", "Weeks 1, 2, 4, 6, 8")],
        criteria="Inclusion Criteria:\n\n* Outpatients 18-55 years with DSM-5 MDD\n* HAM-D 18-24\n\nExclusion "
                 "Criteria:\n\n* Suicidal ideation\n* Antidepressant use in last 4 weeks\n* Pregnant or "
                 "breastfeeding\n* Bipolar disorder, psychotic features",
        max_age="55 Years", countries=("Iran, Islamic Republic of",)),
    # 32. Turkish, nerve block comparison
    record(
        "NCT05873332", "Erector Spinae Plane Block Versus TAP Block After Laparoscopic Cholecystectomy",
        "Comparison of Ultrasound-guided Erector Spinae Plane Block and Oblique Subcostal Transversus Abdominis "
        "Plane Block for Postoperative Analgesia in Laparoscopic Cholecystectomy: a Prospective, Randomized "
        "Study", "Istanbul Medipol University Hospital", "OTHER", status="COMPLETED", start=("2023-03-15", A),
        primary=("2023-09-15", A), completion=("2023-10-15", A), submitted="2023-03-01", updated="2023-11-20",
        study_type=INTERVENTIONAL, phases=["NA"],
        design=randomised(masking="DOUBLE", who=["PARTICIPANT", "OUTCOMES_ASSESSOR"]), enrollment=(90, A),
        conditions=["Postoperative Pain", "Cholecystitis"],
        summary="Patients will be randomized in three groups: Group ESP (bilateral ESP block with 20 ml 0.25% "
                "bupivacaine each side), Group OSTAP (bilateral oblique subcostal TAP with 20 ml 0.25% "
                "bupivacaine each side) and Group Control (no block). All patients receive IV paracetamol 1 g "
                "every 8 hours and fentanyl PCA.",
        arms=[_arm("Group ESP", "EXPERIMENTAL", "Bilateral ESP block at T7, 20 ml 0.25% bupivacaine each side",
                   ["Procedure: Erector spinae plane block", "Drug: Bupivacaine"]),
              _arm("Group OSTAP", "EXPERIMENTAL", "Bilateral OSTAP block, 20 ml 0.25% bupivacaine each side",
                   ["Procedure: Oblique subcostal TAP block", "Drug: Bupivacaine"]),
              _arm("Group Control", "NO_INTERVENTION", "No block, standard multimodal analgesia", [])],
        interventions=[_intervention("PROCEDURE", "Erector spinae plane block", "Ultrasound guided",
                                     ["Group ESP"]),
                       _intervention("PROCEDURE", "Oblique subcostal TAP block", "Ultrasound guided",
                                     ["Group OSTAP"]),
                       _intervention("DRUG", "Bupivacaine", "0.25%, 40 ml total (100 mg)",
                                     ["Group ESP", "Group OSTAP"], ["Marcaine"])],
        primary_outcomes=[("Total fentanyl consumption by PCA", "24 hours postoperative")],
        secondary_outcomes=[("NRS pain score at rest and cough", "0, 1, 2, 4, 8, 12, 24 hours"),
                            ("Postoperative nausea and vomiting", "24 hours")],
        criteria="Inclusion Criteria:\n\n* ASA I-III\n* 18-65 years\n* Elective laparoscopic cholecystectomy\n\n"
                 "Exclusion Criteria:\n\n* Local anesthetic allergy\n* Coagulopathy\n* BMI > 40\n* Chronic "
                 "opioid use",
        max_age="65 Years", countries=("Turkey",)),
    # 33. ophthalmology within-subject design, fellow eye
    record(
        "NCT04971633", "Micropulse Laser Versus Sham in Central Serous Chorioretinopathy",
        None, "Sun Yat-sen University", "OTHER", status="COMPLETED", start=("2021-08-01", A),
        primary=("2022-08-01", A), completion=("2022-08-01", A), submitted="2021-07-20", updated="2022-10-10",
        study_type=INTERVENTIONAL, phases=["NA"],
        design=randomised(masking="DOUBLE", who=["PARTICIPANT", "OUTCOMES_ASSESSOR"]), enrollment=(100, A),
        conditions=["Central Serous Chorioretinopathy"],
        summary="Eyes with chronic CSC were randomized to 577 nm subthreshold micropulse laser or sham laser "
                "(aiming beam only). Patients were not told which treatment they had.",
        arms=[_arm("Micropulse laser", "EXPERIMENTAL", "577 nm, 5% duty cycle, 200 ms", ["Device: Micropulse "
                                                                                          "laser"]),
              _arm("Sham laser", "SHAM_COMPARATOR", "Aiming beam, no laser emission", ["Device: Sham laser"])],
        interventions=[_intervention("DEVICE", "Micropulse laser", "IQ 577", ["Micropulse laser"]),
                       _intervention("DEVICE", "Sham laser", None, ["Sham laser"])],
        primary_outcomes=[("Complete resolution of subretinal fluid on OCT", "3 months")],
        secondary_outcomes=[("Best-corrected visual acuity (ETDRS letters)", "3, 6 and 12 months")],
        criteria="Inclusion Criteria:\n\n* Chronic CSC with subretinal fluid > 3 months\n\nExclusion Criteria:\n\n"
                 "* Choroidal neovascularization\n* Previous PDT or laser in the study eye\n* Systemic "
                 "corticosteroid use",
        countries=("China",)),
    # 34. men only, prostate, radiotherapy + ADT
    record(
        "NCT05873334", "Hypofractionated Radiotherapy With Short-term ADT for Intermediate-risk Prostate Cancer",
        "A Phase III Randomised Trial of 5-fraction SBRT Versus 20-fraction Moderately Hypofractionated "
        "Radiotherapy, Both With 6 Months of Androgen Deprivation, in Unfavourable Intermediate-risk Prostate "
        "Cancer", "Tata Memorial Hospital", "OTHER", status="RECRUITING", start=("2024-01-15", A),
        primary=("2029-01-15", E), completion=("2031-01-15", E), submitted="2023-12-01", updated="2026-09-09",
        study_type=INTERVENTIONAL, phases=["PHASE3"], design=randomised(masking="NONE"), enrollment=(480, E),
        conditions=["Prostate Cancer"],
        summary="Men with unfavourable intermediate-risk prostate cancer are randomised 1:1 to SBRT 36.25 Gy in "
                "5 fractions or 60 Gy in 20 fractions. All receive 6 months of LHRH agonist (leuprolide 22.5 mg "
                "3-monthly x 2) starting 2-3 months before RT, with bicalutamide 50 mg for 2 weeks for flare.",
        arms=[_arm("SBRT", "EXPERIMENTAL", "36.25 Gy/5 fractions on alternate days + 6 months ADT",
                   ["Radiation: SBRT", "Drug: Leuprolide"]),
              _arm("Moderate hypofractionation", "ACTIVE_COMPARATOR", "60 Gy/20 fractions over 4 weeks + 6 months "
                   "ADT", ["Radiation: Hypofractionated IMRT", "Drug: Leuprolide"])],
        interventions=[_intervention("RADIATION", "SBRT", "36.25 Gy in 5 fractions", ["SBRT"]),
                       _intervention("RADIATION", "Hypofractionated IMRT", "60 Gy in 20 fractions",
                                     ["Moderate hypofractionation"]),
                       _intervention("DRUG", "Leuprolide", "22.5 mg depot IM every 3 months, 2 doses",
                                     ["SBRT", "Moderate hypofractionation"], ["Lupron Depot"])],
        primary_outcomes=[("Biochemical failure-free survival (Phoenix definition)", "5 years")],
        secondary_outcomes=[("Late GU and GI toxicity (CTCAE v5)", "Up to 5 years"),
                            ("EPIC-26 quality of life", "Up to 5 years")],
        criteria="Inclusion Criteria:\n\n* Men aged 18-80 with adenocarcinoma of prostate\n* NCCN unfavourable "
                 "intermediate risk\n* PSMA-PET staging N0 M0\n\nExclusion Criteria:\n\n* Prior pelvic "
                 "radiotherapy\n* IPSS > 19\n* Inflammatory bowel disease",
        sex="MALE", max_age="80 Years", countries=("India",)),
    # 35. women-only breast cancer with male note
    record(
        "NCT04971635", "Scalp Cooling to Prevent Alopecia During Taxane Chemotherapy",
        "Scalp Cooling for Prevention of Chemotherapy-induced Alopecia in Women With Early Breast Cancer "
        "Receiving Docetaxel: a Randomised Trial", "Universidade Federal de São Paulo", "OTHER",
        status="COMPLETED", start=("2022-02-01", A), primary=("2023-06-30", A), completion=("2023-06-30", A),
        submitted="2021-12-15", updated="2023-09-09", study_type=INTERVENTIONAL, phases=["NA"],
        design=randomised(masking="SINGLE", purpose="SUPPORTIVE_CARE", who=["OUTCOMES_ASSESSOR"]),
        enrollment=(150, A), conditions=["Breast Cancer", "Alopecia"],
        summary="Women receiving 4 cycles of docetaxel 75 mg/m2 and cyclophosphamide 600 mg/m2 (TC) are "
                "randomised 2:1 to scalp cooling with the Paxman system or no cooling. Hair loss is graded from "
                "photographs by a dermatologist blinded to group.",
        arms=[_arm("Scalp cooling", "EXPERIMENTAL", "Cooling from 30 min before to 90 min after each docetaxel "
                   "infusion", ["Device: Paxman scalp cooling system"]),
              _arm("No cooling", "NO_INTERVENTION", "Standard care", [])],
        interventions=[_intervention("DEVICE", "Paxman scalp cooling system", None, ["Scalp cooling"])],
        primary_outcomes=[("Hair preservation (Dean grade 0-2)", "3 weeks after cycle 4")],
        secondary_outcomes=[("Wig use", "End of chemotherapy"), ("EORTC QLQ-BR23", "End of chemotherapy")],
        criteria="Inclusion Criteria:\n\n* Women >= 18 years with stage I-III breast cancer\n* Planned 4 cycles "
                 "TC\n\nExclusion Criteria:\n\n* Male breast cancer (not included as too few)\n* Cold "
                 "agglutinin disease or cryoglobulinemia\n* Pre-existing alopecia",
        sex="FEMALE", countries=("Brazil",)),
    # 36. phase 2/3 seamless adaptive with placebo quoted "open-label extension"
    record(
        "NCT05873336", "A Study of Obexelimab in IgG4-Related Disease",
        "A Phase 2/3, Randomized, Double-Blind, Placebo-Controlled Study With an Open-Label Extension to Evaluate "
        "the Efficacy and Safety of Obexelimab in Patients With IgG4-Related Disease", "Zenas BioPharma",
        "INDUSTRY", status="ACTIVE_NOT_RECRUITING", start=("2023-03-01", A), primary=("2026-12-31", E),
        completion=("2027-12-31", E), submitted="2023-01-30", updated="2026-10-30", study_type=INTERVENTIONAL,
        phases=["PHASE2", "PHASE3"], design=randomised(masking="QUADRUPLE", who=["PARTICIPANT", "CARE_PROVIDER",
                                                                                  "INVESTIGATOR",
                                                                                  "OUTCOMES_ASSESSOR"]),
        enrollment=(200, A), conditions=["IgG4 Related Disease"],
        summary="A 52-week double-blind period in which participants receive obexelimab 250 mg SC weekly or "
                "placebo, followed by an optional 52-week open-label extension in which all participants receive "
                "obexelimab. Glucocorticoids are tapered to zero by Week 8.",
        arms=[_arm("Obexelimab", "EXPERIMENTAL", "250 mg SC once weekly; OLE: 250 mg SC weekly",
                   ["Drug: Obexelimab", "Drug: Prednisone"]),
              _arm("Placebo", "PLACEBO_COMPARATOR", "Placebo SC weekly; OLE: obexelimab 250 mg SC weekly",
                   ["Drug: Placebo", "Drug: Prednisone", "Drug: Obexelimab"])],
        interventions=[_intervention("DRUG", "Obexelimab", "250 mg subcutaneous injection", ["Obexelimab",
                                                                                               "Placebo"],
                                     ["XmAb5871"]),
                       _intervention("DRUG", "Placebo", "Matching SC injection", ["Placebo"]),
                       _intervention("DRUG", "Prednisone", "Tapering glucocorticoid, 20-40 mg/day to 0 by week 8",
                                     ["Obexelimab", "Placebo"])],
        primary_outcomes=[("Time to first IgG4-RD flare", "Up to Week 52")],
        secondary_outcomes=[("Flare-free, glucocorticoid-free remission", "Week 52"),
                            ("Cumulative glucocorticoid dose", "52 weeks")],
        criteria="Inclusion Criteria:\n\n* IgG4-RD by 2019 ACR/EULAR classification criteria\n* Active disease "
                 "requiring glucocorticoids\n\nExclusion Criteria:\n\n* Rituximab within 6 months\n* Active "
                 "infection",
        countries=("United States", "Japan", "Germany")),
]

RECORDS += [
    # 37. food-effect single group, healthy volunteers
    record(
        "NCT06351937", "Food Effect on the Pharmacokinetics of HRS-7535 Tablets in Healthy Chinese Subjects",
        "An Open-label, Single-center, Randomized, Two-period Crossover Study of the Effect of a High-fat Meal "
        "on the Pharmacokinetics of HRS-7535 Tablets in Healthy Subjects", "Jiangsu HengRui Medicine Co., Ltd.",
        "INDUSTRY", status="COMPLETED", start=("2024-05-08", A), primary=("2024-06-20", A),
        completion=("2024-06-20", A), submitted="2024-04-28", updated="2024-08-01", study_type=INTERVENTIONAL,
        phases=["PHASE1"], design=randomised(masking="NONE", purpose="OTHER", model="CROSSOVER"),
        enrollment=(16, A), conditions=["Healthy Subjects"],
        summary="16 healthy subjects receive a single 60 mg dose of HRS-7535 in the fasted state and after a "
                "high-fat breakfast (800-1000 kcal), in random order, separated by a 14-day washout.",
        arms=[_arm("Fasted then fed", "EXPERIMENTAL", "Period 1 fasted, Period 2 fed, 60 mg single dose",
                   ["Drug: HRS-7535"]),
              _arm("Fed then fasted", "EXPERIMENTAL", "Period 1 fed, Period 2 fasted, 60 mg single dose",
                   ["Drug: HRS-7535"])],
        interventions=[_intervention("DRUG", "HRS-7535", "Oral GLP-1 receptor agonist tablet, 60 mg",
                                     ["Fasted then fed", "Fed then fasted"])],
        primary_outcomes=[("Cmax", "Pre-dose to 168 hours post-dose"), ("AUC0-inf", "Pre-dose to 168 hours "
                                                                                    "post-dose")],
        criteria="Inclusion Criteria:\n\n* Healthy male and female subjects aged 18-45\n* Body weight >= 50 kg "
                 "(male) or >= 45 kg (female), BMI 19-26\n\nExclusion Criteria:\n\n* Any history of "
                 "pancreatitis or medullary thyroid carcinoma\n* Use of any drug within 14 days before dosing\n"
                 "* Positive drug or alcohol screen",
        max_age="45 Years", healthy=True, countries=("China",)),
    # 38. observational cross-sectional with random sampling, vaccine in pregnancy
    record(
        "NCT05340238", "Maternal Pertussis Vaccination Coverage and Infant Antibodies",
        "Tdap Vaccination During Pregnancy: Coverage, Determinants and Cord Blood Antibody Levels. A "
        "Cross-sectional Study in Randomly Selected Maternity Units", "Instituto de Salud Carlos III", "OTHER_GOV",
        status="COMPLETED", start=("2022-05-01", A), primary=("2023-04-30", A), completion=("2023-06-30", A),
        submitted="2022-04-01", updated="2023-09-01", study_type=OBSERVATIONAL, phases=None,
        design=observational("OTHER", "CROSS_SECTIONAL"), enrollment=(1100, A),
        conditions=["Pertussis", "Pregnancy"],
        summary="Women giving birth in 20 maternity units selected at random (stratified by region) are asked "
                "about Tdap vaccination during pregnancy, and cord blood anti-PT IgG is measured. No vaccine is "
                "administered as part of this study.",
        arms=[_arm("Vaccinated during pregnancy", None, "Tdap received at 27-36 weeks", []),
              _arm("Not vaccinated", None, "No Tdap during pregnancy", [])],
        primary_outcomes=[("Proportion of women vaccinated with Tdap during pregnancy", "At delivery"),
                          ("Cord blood anti-pertussis toxin IgG (IU/mL)", "At delivery")],
        criteria="Inclusion Criteria:\n\n* Women aged 16 or older giving birth in a participating unit\n\n"
                 "Exclusion Criteria:\n\n* Stillbirth\n* Not able to understand Spanish, Catalan, English, "
                 "Arabic or Romanian",
        sex="FEMALE", min_age="16 Years", countries=("Spain",), population="Women delivering in 20 randomly "
        "selected public maternity units", sampling="PROBABILITY_SAMPLE"),
    # 39. CPAP sham crossover
    record(
        "NCT04689139", "CPAP and Blood Pressure in Resistant Hypertension With Obstructive Sleep Apnea",
        "Effect of CPAP Versus Sham CPAP on 24-hour Blood Pressure in Patients With Resistant Hypertension and "
        "Moderate-to-severe OSA: a Randomised, Double-blind, Crossover Trial", "Hospital Universitari Arnau de "
        "Vilanova", "OTHER", status="COMPLETED", start=("2021-01-10", A), primary=("2023-01-10", A),
        completion=("2023-02-10", A), submitted="2020-12-01", updated="2023-04-04", study_type=INTERVENTIONAL,
        phases=["NA"], design=randomised(masking="DOUBLE", model="CROSSOVER", who=["PARTICIPANT",
                                                                                    "OUTCOMES_ASSESSOR"]),
        enrollment=(60, A), conditions=["Sleep Apnea, Obstructive", "Hypertension, Resistant"],
        summary="Participants use CPAP and sham CPAP (pressure < 1 cmH2O through a modified mask with "
                "leak) for 8 weeks each in random order, with a 4-week washout.",
        arms=[_arm("CPAP then sham", "EXPERIMENTAL", "Therapeutic CPAP 8 weeks, washout, sham 8 weeks",
                   ["Device: CPAP", "Device: Sham CPAP"]),
              _arm("Sham then CPAP", "EXPERIMENTAL", "Sham 8 weeks, washout, CPAP 8 weeks",
                   ["Device: CPAP", "Device: Sham CPAP"])],
        interventions=[_intervention("DEVICE", "CPAP", "Auto-titrating then fixed pressure",
                                     ["CPAP then sham", "Sham then CPAP"]),
                       _intervention("DEVICE", "Sham CPAP", "Subtherapeutic pressure",
                                     ["CPAP then sham", "Sham then CPAP"])],
        primary_outcomes=[("24-hour mean blood pressure (ABPM)", "End of each 8-week period")],
        criteria="Inclusion Criteria:\n\n* Resistant hypertension (>= 3 drugs incl. diuretic)\n* AHI >= 15\n\n"
                 "Exclusion Criteria:\n\n* Previous CPAP use\n* Professional drivers or Epworth > 18\n* Heart "
                 "failure",
        max_age="75 Years", countries=("Spain",)),
    # 40. Egyptian dental split-mouth
    record(
        "NCT05340240", "Silver Diamine Fluoride Versus Fluoride Varnish for Arresting Caries in Primary Molars",
        "Clinical Effectiveness of 38% Silver Diamine Fluoride Versus 5% Sodium Fluoride Varnish in Arresting "
        "Dentin Caries in Primary Molars: A Split-mouth Randomized Clinical Trial", "Cairo University", "OTHER",
        status="COMPLETED", start=("2022-10-01", A), primary=("2023-10-01", A), completion=("2023-10-01", A),
        submitted="2022-09-15", updated="2023-11-11", study_type=INTERVENTIONAL, phases=["NA"],
        design=randomised(masking="SINGLE", who=["OUTCOMES_ASSESSOR"]), enrollment=(40, A),
        conditions=["Dental Caries in Children"],
        summary="Split-mouth design: in each child one primary molar with active dentin caries is treated with "
                "SDF and the contralateral molar with NaF varnish, side chosen by coin toss. Assessor is "
                "blinded, though SDF black staining may reveal the allocation.",
        arms=[_arm("SDF", "EXPERIMENTAL", "38% Silver diamine fluoride applied once with microbrush, 1 minute",
                   ["Drug: Silver diamine fluoride"]),
              _arm("NaF varnish", "ACTIVE_COMPARATOR", "5% sodium fluoride varnish (22600 ppm F)",
                   ["Drug: Sodium fluoride varnish"])],
        interventions=[_intervention("DRUG", "Silver diamine fluoride", "Advantage Arrest 38%", ["SDF"]),
                       _intervention("DRUG", "Sodium fluoride varnish", "Duraphat 5%", ["NaF varnish"])],
        primary_outcomes=[("Caries arrest (ICDAS / Nyvad criteria)", "3, 6, 12 months")],
        criteria="Inclusion Criteria:\n\n* Children aged 4-6 years\n* Cooperative (Frankl 3 or 4)\n* Bilateral "
                 "active dentin caries in primary molars, ICDAS 5\n\nExclusion Criteria:\n\n* Pulpal involvement\n"
                 "* Allergy to silver\n* Ulcerative gingivitis or stomatitis",
        min_age="4 Years", max_age="6 Years", healthy=True, countries=("Egypt",)),
    # 41. defects a reviewer would see: masking NONE vs "double-blind" text; arm dose 10 mg vs intervention 20 mg
    record(
        "NCT06824041", "Colchicine After Acute Ischemic Stroke",
        "Low-dose Colchicine for Secondary Prevention After Acute Ischemic Stroke: a Double-blind, "
        "Placebo-controlled Randomized Trial", "Capital Medical University", "OTHER", status="RECRUITING",
        start=("2025-06-01", A), primary=("2028-06-01", E), completion=("2028-12-01", E), submitted="2025-05-05",
        updated="2026-08-08", study_type=INTERVENTIONAL, phases=["PHASE3"], design=randomised(masking="NONE"),
        enrollment=(3000, E), conditions=["Ischemic Stroke"],
        summary="Patients within 72 hours of ischemic stroke are randomised to colchicine 0.5 mg daily or "
                "matching placebo for 12 months, in a double-blind manner, in addition to standard antiplatelet "
                "and statin therapy.",
        arms=[_arm("Colchicine", "EXPERIMENTAL", "Colchicine 0.5 mg once daily for 12 months",
                   ["Drug: Colchicine"]),
              _arm("Placebo", "PLACEBO_COMPARATOR", "Matching placebo once daily", ["Drug: Placebo"])],
        interventions=[_intervention("DRUG", "Colchicine", "1 mg tablet once daily", ["Colchicine"]),
                       _intervention("DRUG", "Placebo", "Identical tablet", ["Placebo"])],
        primary_outcomes=[("New stroke (ischemic or hemorrhagic)", "12 months")],
        criteria="Inclusion Criteria:\n\n* Age >= 40\n* Acute ischemic stroke within 72 hours\n\nExclusion "
                 "Criteria:\n\n* eGFR < 30\n* Use of strong CYP3A4 or P-gp inhibitors (clarithromycin, "
                 "cyclosporine)",
        min_age="40 Years", countries=("China",)),
    # 42. observational study of a drug's users (pharmacovigilance cohort), random selection not randomisation
    record(
        "NCT06351942", "Post-marketing Safety of Semaglutide in Japanese Patients With Obesity Disease",
        "Specified Drug-use Survey of Wegovy (Semaglutide 2.4 mg) in Patients With Obesity Disease in Japan",
        "Novo Nordisk A/S", "INDUSTRY", status="ACTIVE_NOT_RECRUITING", start=("2024-03-01", A),
        primary=("2027-03-31", E), completion=("2027-03-31", E), submitted="2024-02-15", updated="2026-04-10",
        study_type=OBSERVATIONAL, phases=None, design=observational("COHORT", "PROSPECTIVE"),
        enrollment=(1000, A), conditions=["Obesity"],
        summary="Patients prescribed Wegovy in routine clinical practice are followed for 104 weeks. The "
                "decision to prescribe semaglutide is made by the physician before and independently of the "
                "decision to enrol the patient in the survey. Dose escalation 0.25 mg -> 0.5 -> 1.0 -> 1.7 -> "
                "2.4 mg weekly per the label.",
        interventions=[_intervention("DRUG", "Semaglutide", "Commercially available Wegovy, dose per label",
                                     ["Semaglutide users"])],
        arms=[_arm("Semaglutide users", None, "Patients starting Wegovy", ["Drug: Semaglutide"])],
        primary_outcomes=[("Number of adverse drug reactions", "104 weeks")],
        secondary_outcomes=[("Change in body weight", "Baseline, week 104")],
        criteria="Inclusion Criteria:\n\n* Patients with obesity disease starting Wegovy for the first time\n\n"
                 "Exclusion Criteria:\n\n* Previous treatment with Wegovy",
        countries=("Japan",), population="Patients with obesity disease treated with Wegovy at ~150 sites",
        sampling="NON_PROBABILITY_SAMPLE"),
]

# Records whose texts carry the wordings most likely to be misread: other studies quoted, parent studies of an
# extension, probe drugs measured, legal ages of other countries, partners of the other sex, project phases.
RECORDS += [
    # 43. open-label extension of a double-blind parent study
    record(
        "NCT06351943", "Open-label Extension Study of Ritlecitinib in Alopecia Areata",
        "A Phase 3, Open-label, Multicenter, Long-term Extension Study of Ritlecitinib in Participants 12 Years "
        "and Older With Alopecia Areata Who Completed the Double-blind Study B7981015", "Pfizer", "INDUSTRY",
        status="ACTIVE_NOT_RECRUITING", start=("2024-02-01", A), primary=("2027-05-30", E),
        completion=("2027-05-30", E), submitted="2024-01-05", updated="2026-09-30", study_type=INTERVENTIONAL,
        phases=["PHASE3"], design=randomised(allocation="NA", model="SINGLE_GROUP", masking="NONE"),
        enrollment=(410, A), conditions=["Alopecia Areata"],
        summary="Participants who completed the 48-week randomized, double-blind, placebo-controlled parent study "
                "B7981015 may enter this open-label extension and receive ritlecitinib 50 mg once daily for up "
                "to 3 years. The blind of the parent study is kept until it is completed.",
        arms=[_arm("Ritlecitinib 50 mg", "EXPERIMENTAL", "Ritlecitinib 50 mg QD", ["Drug: Ritlecitinib"])],
        interventions=[_intervention("DRUG", "Ritlecitinib", "50 mg capsule once daily", ["Ritlecitinib 50 mg"],
                                     ["PF-06651600"])],
        primary_outcomes=[("Incidence of treatment-emergent adverse events", "Up to Month 36")],
        secondary_outcomes=[("SALT score <= 20", "Months 12, 24, 36")],
        criteria="Inclusion Criteria:\n\n1. Completed Week 48 of the double-blind study B7981015 (participants "
                 "randomized to placebo or ritlecitinib are both eligible)\n2. Aged 12 years or older at parent "
                 "study entry\n3. Female participants of childbearing potential must use contraception\n\n"
                 "Exclusion Criteria:\n\n1. Permanently discontinued study drug in the parent study for safety\n"
                 "2. Pregnant or breastfeeding",
        min_age="12 Years", countries=("United States", "Japan", "Poland")),
    # 44. drug-drug interaction with probe drugs measured
    record(
        "NCT06519344", "Drug Interaction Study of ABC-101 With a CYP Probe Cocktail in Healthy Adults",
        "A Phase 1, Open-label, Fixed-sequence Study to Evaluate the Effect of Multiple Doses of ABC-101 on the "
        "Pharmacokinetics of Midazolam, Caffeine and Rosuvastatin in Healthy Adult Participants", "Arbor "
        "Therapeutics", "INDUSTRY", status="COMPLETED", start=("2024-06-03", A), primary=("2024-07-26", A),
        completion=("2024-08-09", A), submitted="2024-05-20", updated="2024-10-01", study_type=INTERVENTIONAL,
        phases=["PHASE1"], design=randomised(allocation="NA", model="SINGLE_GROUP", masking="NONE",
                                              purpose="OTHER"),
        enrollment=(24, A), conditions=["Healthy Volunteers"],
        summary="Day 1: single oral doses of midazolam 2 mg, caffeine 100 mg and rosuvastatin 10 mg. Days 3-16: "
                "ABC-101 200 mg once daily. Day 14: the probe drugs are given again with ABC-101.",
        arms=[_arm("Probe cocktail then ABC-101", "EXPERIMENTAL", "Fixed sequence", ["Drug: ABC-101",
                   "Drug: Midazolam", "Drug: Caffeine", "Drug: Rosuvastatin"])],
        interventions=[_intervention("DRUG", "ABC-101", "200 mg tablet QD", ["Probe cocktail then ABC-101"]),
                       _intervention("DRUG", "Midazolam", "2 mg oral syrup", ["Probe cocktail then ABC-101"]),
                       _intervention("DRUG", "Caffeine", "100 mg tablet", ["Probe cocktail then ABC-101"]),
                       _intervention("DRUG", "Rosuvastatin", "10 mg tablet", ["Probe cocktail then ABC-101"])],
        primary_outcomes=[("Cmax and AUCinf of midazolam and 1'-hydroxymidazolam", "Days 1 and 14"),
                          ("Paraxanthine/caffeine plasma ratio", "Days 1 and 14"),
                          ("AUCinf of rosuvastatin", "Days 1 and 14")],
        secondary_outcomes=[("Plasma 4beta-hydroxycholesterol", "Days 1 and 16")],
        criteria="Inclusion Criteria:\n\n* Healthy adults 18-55\n* BMI 18-32\n\nExclusion Criteria:\n\n"
                 "* Consumption of grapefruit or Seville oranges within 14 days\n* More than 3 cups of coffee per "
                 "day\n* Use of any medication including St John's Wort within 28 days",
        max_age="55 Years", healthy=True),
    # 45. Japanese/Taiwanese legal ages in criteria, phase 3 global
    record(
        "NCT05867345", "A Study of Mirikizumab in Adults With Moderately to Severely Active Ulcerative Colitis",
        "A Phase 3, Multicenter, Randomized, Double-Blind, Placebo-Controlled Study of Mirikizumab in Adult "
        "Participants With Moderately to Severely Active Ulcerative Colitis in Asia", "Eli Lilly and Company",
        "INDUSTRY", status="COMPLETED", start=("2023-06-01", A), primary=("2025-04-30", A),
        completion=("2025-10-30", A), submitted="2023-05-12", updated="2026-01-15", study_type=INTERVENTIONAL,
        phases=["PHASE3"], design=randomised(masking="QUADRUPLE", who=["PARTICIPANT", "CARE_PROVIDER",
                                                                        "INVESTIGATOR", "OUTCOMES_ASSESSOR"]),
        enrollment=(300, A), conditions=["Colitis, Ulcerative"],
        summary="Participants receive mirikizumab 300 mg IV or placebo every 4 weeks for 12 weeks (induction). "
                "Responders are re-randomized to mirikizumab 200 mg SC or placebo every 4 weeks to week 52.",
        arms=[_arm("Mirikizumab", "EXPERIMENTAL", "300 mg IV Q4W x3, then 200 mg SC Q4W",
                   ["Drug: Mirikizumab"]),
              _arm("Placebo", "PLACEBO_COMPARATOR", "Placebo IV Q4W x3, then placebo SC Q4W", ["Drug: Placebo"])],
        interventions=[_intervention("DRUG", "Mirikizumab", "Administered IV (induction) and SC (maintenance)",
                                     ["Mirikizumab"], ["LY3074828"]),
                       _intervention("DRUG", "Placebo", "IV and SC", ["Placebo"])],
        primary_outcomes=[("Clinical remission (modified Mayo score)", "Week 12")],
        criteria="Inclusion Criteria:\n\n* Participants aged >= 18 years (or >= 20 years in Japan and Taiwan, the "
                 "age of legal consent) at screening\n* UC diagnosed >= 3 months\n* Modified Mayo score 4-9 with "
                 "endoscopic subscore >= 2\n* Inadequate response to conventional therapy or a biologic\n\n"
                 "Exclusion Criteria:\n\n* Crohn's disease\n* Prior anti-IL-12/23p40 or anti-IL-23p19 antibody",
        countries=("Japan", "Taiwan", "Korea, Republic of", "China")),
    # 46. men-only study with female partners in criteria
    record(
        "NCT06118846", "Darolutamide Plus ADT in Men With High-risk Biochemical Recurrence",
        "A Randomized, Double-blind Phase 3 Study of Darolutamide Versus Placebo in Addition to Androgen "
        "Deprivation Therapy in Men With High-risk Biochemical Recurrence of Prostate Cancer", "Bayer",
        "INDUSTRY", status="RECRUITING", start=("2024-01-10", A), primary=("2028-12-31", E),
        completion=("2030-12-31", E), submitted="2023-11-10", updated="2026-10-15", study_type=INTERVENTIONAL,
        phases=["PHASE3"], design=randomised(masking="QUADRUPLE", who=["PARTICIPANT", "CARE_PROVIDER",
                                                                        "INVESTIGATOR", "OUTCOMES_ASSESSOR"]),
        enrollment=(750, E), conditions=["Prostatic Neoplasms"],
        summary="Men with PSA doubling time <= 12 months after radical prostatectomy or radiotherapy are "
                "randomized to darolutamide 600 mg twice daily or placebo, with ADT (LHRH agonist or "
                "antagonist), for 24 months.",
        arms=[_arm("Darolutamide + ADT", "EXPERIMENTAL", "Darolutamide 600 mg (2 x 300 mg tablets) BID + ADT",
                   ["Drug: Darolutamide", "Drug: ADT"]),
              _arm("Placebo + ADT", "PLACEBO_COMPARATOR", "Matching placebo BID + ADT",
                   ["Drug: Placebo", "Drug: ADT"])],
        interventions=[_intervention("DRUG", "Darolutamide", "300 mg tablets", ["Darolutamide + ADT"],
                                     ["Nubeqa", "BAY1841788"]),
                       _intervention("DRUG", "Placebo", "Matching tablets", ["Placebo + ADT"]),
                       _intervention("DRUG", "ADT", "LHRH agonist (leuprolide, goserelin) or antagonist "
                                     "(degarelix, relugolix) per investigator", ["Darolutamide + ADT",
                                                                                 "Placebo + ADT"])],
        primary_outcomes=[("Metastasis-free survival by PSMA-PET", "Up to 60 months")],
        secondary_outcomes=[("Time to testosterone recovery", "Up to 60 months")],
        criteria="Inclusion Criteria:\n\n* Male participants >= 18 years\n* PSA doubling time <= 12 months\n* No "
                 "metastases on PSMA-PET\n* Participants with a female partner of childbearing potential must "
                 "agree to use a condom and the partner must use highly effective contraception; sperm "
                 "donation is not allowed\n\nExclusion Criteria:\n\n* Prior second-generation androgen receptor "
                 "inhibitor (enzalutamide, apalutamide)\n* Women and participants assigned female at birth",
        sex="MALE"),
    # 47. behavioural project in phases, NA
    record(
        "NCT05412447", "Phase II of the MOMENTUM Community Health Worker Program: Hypertension Control",
        "MOMENTUM Phase II: A Stepped-wedge Cluster Randomized Trial of a Community Health Worker-led "
        "Hypertension Program in Rural Kenya", "Moi University", "OTHER", status="COMPLETED",
        start=("2022-07-01", A), primary=("2024-06-30", A), completion=("2024-12-31", A), submitted="2022-06-06",
        updated="2025-03-03", study_type=INTERVENTIONAL, phases=["NA"],
        design=randomised(masking="NONE", model="SEQUENTIAL", purpose="HEALTH_SERVICES_RESEARCH"),
        enrollment=(2400, A), conditions=["Hypertension"],
        summary="Phase I of the MOMENTUM project (2019-2021) developed the program with communities. In this "
                "second phase, 12 sub-counties cross over from usual care to the CHW program in random order, "
                "every 4 months (stepped wedge).",
        arms=[_arm("Usual care period", "NO_INTERVENTION", "Before crossover", []),
              _arm("CHW program period", "EXPERIMENTAL", "Home BP screening, referral, adherence support, "
                   "mHealth decision support", ["Behavioral: CHW-led hypertension program"])],
        interventions=[_intervention("BEHAVIORAL", "CHW-led hypertension program", "Delivered by trained CHWs",
                                     ["CHW program period"])],
        primary_outcomes=[("Change in systolic blood pressure", "12 months after crossover")],
        criteria="Inclusion Criteria:\n\n* Adults >= 18 residing in the sub-county\n* SBP >= 140 or DBP >= 90 "
                 "on two readings\n\nExclusion Criteria:\n\n* Pregnant women (referred to antenatal care)\n"
                 "* Severe illness requiring hospital care",
        countries=("Kenya",)),
    # 48. single group escalation with dose arms, Phase 1b/2 written "Ib/II"
    record(
        "NCT05930748", "Sacituzumab Govitecan Plus Cisplatin in Advanced Urothelial Cancer",
        "A Phase Ib/II Study of Sacituzumab Govitecan in Combination With Cisplatin as First-line Treatment for "
        "Cisplatin-eligible Metastatic Urothelial Carcinoma", "Peking University First Hospital", "OTHER",
        status="RECRUITING", start=("2023-09-01", A), primary=("2026-12-31", E), completion=("2027-12-31", E),
        submitted="2023-07-01", updated="2026-07-01", study_type=INTERVENTIONAL, phases=["PHASE1", "PHASE2"],
        design=randomised(allocation="NA", model="SINGLE_GROUP", masking="NONE"), enrollment=(52, E),
        conditions=["Urothelial Carcinoma"],
        summary="Phase Ib: 3+3 dose de-escalation of sacituzumab govitecan (10 mg/kg, then 8 mg/kg) on days 1 "
                "and 8 with cisplatin 70 mg/m2 on day 1 every 21 days. Phase II: expansion at the RP2D.",
        arms=[_arm("Dose level 1: SG 10 mg/kg + cisplatin", "EXPERIMENTAL", "SG 10 mg/kg D1, D8; cisplatin 70 "
                   "mg/m2 D1; q21d", ["Drug: Sacituzumab govitecan", "Drug: Cisplatin"]),
              _arm("Dose level -1: SG 8 mg/kg + cisplatin", "EXPERIMENTAL", "SG 8 mg/kg D1, D8; cisplatin 70 "
                   "mg/m2 D1; q21d", ["Drug: Sacituzumab govitecan", "Drug: Cisplatin"]),
              _arm("Phase II expansion", "EXPERIMENTAL", "SG at RP2D + cisplatin 70 mg/m2",
                   ["Drug: Sacituzumab govitecan", "Drug: Cisplatin"])],
        interventions=[_intervention("DRUG", "Sacituzumab govitecan", "10 mg/kg or 8 mg/kg IV on D1 and D8",
                                     ["Dose level 1: SG 10 mg/kg + cisplatin",
                                      "Dose level -1: SG 8 mg/kg + cisplatin", "Phase II expansion"],
                                     ["Trodelvy", "IMMU-132"]),
                       _intervention("DRUG", "Cisplatin", "70 mg/m2 IV D1", ["Dose level 1: SG 10 mg/kg + "
                                     "cisplatin", "Dose level -1: SG 8 mg/kg + cisplatin", "Phase II expansion"])],
        primary_outcomes=[("DLT rate (Phase Ib)", "Cycle 1 (21 days)"), ("ORR (Phase II)", "Up to 2 years")],
        criteria="Inclusion Criteria:\n\n1. Age 18-75 years old;\n2. Histologically confirmed urothelial "
                 "carcinoma;\n3. Cisplatin-eligible (CrCl >= 60 ml/min);\n4. ECOG 0-1;\n5. At least one "
                 "measurable lesion.\n\nExclusion Criteria:\n\n1. Previous systemic therapy for metastatic "
                 "disease (perioperative chemotherapy > 12 months before is allowed);\n2. Active CNS "
                 "metastases;\n3. Known UGT1A1*28 homozygous genotype.",
        max_age="75 Years", countries=("China",)),
    # 49. observational case-control nested in a trial cohort, quoting the trial
    record(
        "NCT05498149", "Plasma Biomarkers of Dementia: a Nested Case-control Study in the ASPREE Trial Cohort",
        None, "Monash University", "OTHER", status="COMPLETED", start=("2022-09-01", A), primary=("2023-12-31", A),
        completion=("2024-03-31", A), submitted="2022-08-10", updated="2024-06-06", study_type=OBSERVATIONAL,
        phases=None, design=observational("CASE_CONTROL", "RETROSPECTIVE"), enrollment=(1200, A),
        conditions=["Dementia", "Alzheimer Disease"],
        summary="Using stored baseline plasma from the ASPREE randomised, double-blind, placebo-controlled trial "
                "of daily low-dose aspirin, 400 participants who developed dementia are compared with 800 "
                "matched participants who did not. No intervention is given in this study.",
        arms=[_arm("Incident dementia cases", None, "Adjudicated dementia during ASPREE follow-up", []),
              _arm("Matched controls", None, "Free of dementia, matched 2:1 on age, sex, and aspirin/placebo "
                   "allocation", [])],
        primary_outcomes=[("Association of baseline plasma p-tau181 with incident dementia (odds ratio)",
                           "Median 4.7 years of follow-up")],
        criteria="Inclusion Criteria:\n\n* ASPREE participants with stored baseline plasma and consent for future "
                 "research\n\nExclusion Criteria:\n\n* Insufficient sample volume",
        min_age="70 Years", countries=("Australia",), population="Participants of the ASPREE trial",
        sampling="PROBABILITY_SAMPLE"),
    # 50. condition of one sex with sex ALL (transgender men included), and trans men study
    record(
        "NCT06297350", "Testosterone Therapy and Cervical Screening in Transgender Men",
        "Self-collected HPV Testing Versus Clinician Speculum Examination for Cervical Cancer Screening in "
        "Transgender Men and Non-binary People Assigned Female at Birth", "Fenway Health", "OTHER",
        status="RECRUITING", start=("2024-04-01", A), primary=("2026-12-31", E), completion=("2027-06-30", E),
        submitted="2024-02-27", updated="2026-05-05", study_type=INTERVENTIONAL, phases=["NA"],
        design=randomised(masking="NONE", purpose="SCREENING"), enrollment=(300, E),
        conditions=["Cervical Cancer Screening", "Transgender Men", "HPV Infection"],
        summary="Transgender men and non-binary people with a cervix, many of whom take testosterone, are "
                "randomized to be offered a self-collected vaginal swab for HPV testing or a clinician-collected "
                "Pap/HPV co-test.",
        arms=[_arm("Self-collection", "EXPERIMENTAL", "Self-collected swab, HPV PCR",
                   ["Diagnostic Test: Self-collected HPV test"]),
              _arm("Clinician collection", "ACTIVE_COMPARATOR", "Speculum exam with Pap/HPV co-test",
                   ["Diagnostic Test: Clinician-collected co-test"])],
        interventions=[_intervention("DIAGNOSTIC_TEST", "Self-collected HPV test", None, ["Self-collection"]),
                       _intervention("DIAGNOSTIC_TEST", "Clinician-collected co-test", None,
                                     ["Clinician collection"])],
        primary_outcomes=[("Screening uptake", "3 months after randomization")],
        criteria="Inclusion Criteria:\n\n* Assigned female at birth and identify as a man, trans masculine or "
                 "non-binary\n* Has a cervix\n* Age 21-65\n* Due for cervical cancer screening\n\nExclusion "
                 "Criteria:\n\n* Hysterectomy with removal of cervix\n* Pregnant",
        sex="FEMALE", gender_based=True, gender_description="Transgender men and non-binary people assigned "
        "female at birth", min_age="21 Years", max_age="65 Years"),
]

RECORDS += [
    # 51. add-on placebo with background chemotherapy; arm typed by sponsor as placebo comparator
    record(
        "NCT05215451", "Tislelizumab Plus Chemotherapy in Limited-stage Small Cell Lung Cancer",
        "A Randomized, Double-blind, Placebo-controlled Phase 3 Study of Tislelizumab + Concurrent "
        "Chemoradiotherapy vs Placebo + Concurrent Chemoradiotherapy in Limited-Stage SCLC", "BeiGene",
        "INDUSTRY", status="ACTIVE_NOT_RECRUITING", start=("2022-03-01", A), primary=("2026-06-30", E),
        completion=("2027-06-30", E), submitted="2022-01-26", updated="2026-09-09", study_type=INTERVENTIONAL,
        phases=["PHASE3"], design=randomised(masking="QUADRUPLE", who=["PARTICIPANT", "CARE_PROVIDER",
                                                                        "INVESTIGATOR", "OUTCOMES_ASSESSOR"]),
        enrollment=(480, A), conditions=["Small Cell Lung Cancer Limited Stage"],
        summary="Participants receive tislelizumab 200 mg or placebo every 3 weeks with etoposide 100 mg/m2 D1-3 "
                "and cisplatin 75 mg/m2 D1 (or carboplatin AUC 5) for 4 cycles with thoracic radiotherapy 45 Gy "
                "twice daily, followed by tislelizumab or placebo maintenance for up to 1 year.",
        arms=[_arm("Tislelizumab + cCRT", "EXPERIMENTAL", "Tislelizumab 200 mg IV Q3W with EP/EC and TRT",
                   ["Drug: Tislelizumab", "Drug: Etoposide", "Drug: Cisplatin", "Drug: Carboplatin",
                    "Radiation: Thoracic radiotherapy"]),
              _arm("Placebo + cCRT", "PLACEBO_COMPARATOR", "Placebo IV Q3W with EP/EC and TRT",
                   ["Drug: Placebo", "Drug: Etoposide", "Drug: Cisplatin", "Drug: Carboplatin",
                    "Radiation: Thoracic radiotherapy"])],
        interventions=[_intervention("DRUG", "Tislelizumab", "200 mg IV Q3W", ["Tislelizumab + cCRT"],
                                     ["BGB-A317"]),
                       _intervention("DRUG", "Placebo", "Saline IV Q3W", ["Placebo + cCRT"]),
                       _intervention("DRUG", "Etoposide", "100 mg/m2 IV D1-3 Q3W", ["Tislelizumab + cCRT",
                                                                                   "Placebo + cCRT"]),
                       _intervention("DRUG", "Cisplatin", "75 mg/m2 IV D1 Q3W", ["Tislelizumab + cCRT",
                                                                                "Placebo + cCRT"]),
                       _intervention("DRUG", "Carboplatin", "AUC 5 IV D1 Q3W", ["Tislelizumab + cCRT",
                                                                               "Placebo + cCRT"]),
                       _intervention("RADIATION", "Thoracic radiotherapy", "45 Gy in 30 fractions BID",
                                     ["Tislelizumab + cCRT", "Placebo + cCRT"])],
        primary_outcomes=[("Progression-free survival (BICR, RECIST 1.1)", "Up to approximately 4 years")],
        secondary_outcomes=[("Overall survival", "Up to approximately 5 years"),
                            ("Incidence of pneumonitis", "Up to 1 year after last dose")],
        criteria="Inclusion Criteria:\n\n1. Histologically or cytologically confirmed LS-SCLC (AJCC 8th: stage "
                 "I-III, T any N any M0) that can be encompassed in a radiotherapy field\n2. ECOG 0-1\n3. FEV1 >= "
                 "1 L\n\nExclusion Criteria:\n\n1. Mixed SCLC and NSCLC histology\n2. Prior anti-PD-1, anti-PD-L1 "
                 "or anti-CTLA-4\n3. Interstitial lung disease or non-infectious pneumonitis requiring steroids",
        countries=("China",)),
    # 52. paediatric weight-based doses in arms vs intervention with cap
    record(
        "NCT05650452", "Dexmedetomidine Versus Midazolam Premedication in Children Undergoing Tonsillectomy",
        "Intranasal Dexmedetomidine 2 mcg/kg Versus Oral Midazolam 0.5 mg/kg as Premedication for Children "
        "Aged 3-7 Years Undergoing Adenotonsillectomy: A Randomized Double Blind Study", "Zagazig University",
        "OTHER", status="COMPLETED", start=("2023-01-15", A), primary=("2023-06-15", A),
        completion=("2023-07-15", A), submitted="2022-12-12", updated="2023-08-20", study_type=INTERVENTIONAL,
        phases=["PHASE4"], design=randomised(masking="DOUBLE", who=["PARTICIPANT", "OUTCOMES_ASSESSOR"],
                                              purpose="PREVENTION"),
        enrollment=(100, A), conditions=["Preoperative Anxiety", "Emergence Delirium"],
        summary="Children will receive either intranasal dexmedetomidine 2 mcg/kg with oral placebo syrup, or "
                "oral midazolam 0.5 mg/kg (maximum 15 mg) with intranasal saline, 30 minutes before induction.",
        arms=[_arm("Group D", "EXPERIMENTAL", "Intranasal dexmedetomidine 2 ug/kg + oral placebo",
                   ["Drug: Dexmedetomidine", "Drug: Placebo syrup"]),
              _arm("Group M", "ACTIVE_COMPARATOR", "Oral midazolam 0.5 mg/kg (max 15 mg) + intranasal saline",
                   ["Drug: Midazolam", "Drug: Saline nasal"])],
        interventions=[_intervention("DRUG", "Dexmedetomidine", "2 mcg/kg intranasal, undiluted 100 mcg/ml via "
                                     "atomizer", ["Group D"], ["Precedex"]),
                       _intervention("DRUG", "Midazolam", "0.5 mg/kg orally mixed with apple juice, maximum dose "
                                     "15 mg", ["Group M"]),
                       _intervention("DRUG", "Placebo syrup", "Apple juice", ["Group D"]),
                       _intervention("DRUG", "Saline nasal", "0.9% saline intranasal same volume", ["Group M"])],
        primary_outcomes=[("Modified Yale Preoperative Anxiety Scale at mask induction", "30 minutes after "
                                                                                          "premedication")],
        secondary_outcomes=[("Pediatric Anesthesia Emergence Delirium scale", "Up to 30 minutes in PACU"),
                            ("Need for rescue fentanyl 1 mcg/kg", "PACU stay")],
        criteria="Inclusion Criteria:\n\n* Children aged 3-7 years\n* ASA physical status I-II\n* Scheduled for "
                 "elective adenotonsillectomy\n\nExclusion Criteria:\n\n* Parents refusal\n* Known allergy to "
                 "the study drugs\n* Nasal pathology\n* Developmental delay",
        min_age="3 Years", max_age="7 Years", countries=("Egypt",)),
    # 53. rescue and background medication named in outcomes
    record(
        "NCT05742953", "Budesonide-formoterol Reliever Therapy in Mild Asthma in Primary Care",
        "As-needed Budesonide-formoterol Versus Maintenance Inhaled Corticosteroid Plus As-needed Salbutamol in "
        "Adults With Mild Asthma: a 52-week, Open-label, Pragmatic Randomised Trial", "Medical Research "
        "Institute of New Zealand", "OTHER", status="COMPLETED", start=("2023-03-01", A),
        primary=("2024-06-30", A), completion=("2024-06-30", A), submitted="2023-02-15", updated="2024-10-10",
        study_type=INTERVENTIONAL, phases=["PHASE4"], design=randomised(masking="NONE"), enrollment=(680, A),
        conditions=["Asthma"],
        summary="Adults with mild asthma using only SABA reliever are randomised to budesonide-formoterol "
                "200/6 mcg one inhalation as needed, or budesonide 200 mcg one inhalation twice daily plus "
                "salbutamol 100 mcg two inhalations as needed.",
        arms=[_arm("Budesonide-formoterol as needed", "EXPERIMENTAL", "Symbicort Turbuhaler 200/6, 1 "
                   "inhalation as needed", ["Drug: Budesonide-formoterol"]),
              _arm("Maintenance budesonide + salbutamol", "ACTIVE_COMPARATOR", "Pulmicort Turbuhaler 200 mcg "
                   "1 inhalation BID + Ventolin 100 mcg 2 puffs as needed",
                   ["Drug: Budesonide", "Drug: Salbutamol"])],
        interventions=[_intervention("DRUG", "Budesonide-formoterol", "200/6 mcg Turbuhaler",
                                     ["Budesonide-formoterol as needed"], ["Symbicort"]),
                       _intervention("DRUG", "Budesonide", "200 mcg Turbuhaler",
                                     ["Maintenance budesonide + salbutamol"], ["Pulmicort"]),
                       _intervention("DRUG", "Salbutamol", "100 mcg pMDI", ["Maintenance budesonide + salbutamol"],
                                     ["Albuterol", "Ventolin"])],
        primary_outcomes=[("Number of severe exacerbations per participant per year (oral corticosteroids "
                           "(prednisone) for >= 3 days or hospitalisation)", "52 weeks")],
        secondary_outcomes=[("Days with albuterol/salbutamol use", "52 weeks"),
                            ("Mean daily budesonide dose (mcg)", "52 weeks"),
                            ("Courses of prednisone or prednisolone", "52 weeks")],
        criteria="Inclusion Criteria:\n\n* Adults 18-75 with doctor-diagnosed asthma\n* SABA only in the last 12 "
                 "weeks\n\nExclusion Criteria:\n\n* Current or ex-smoker >= 20 pack years\n* Use of ICS, LTRA, "
                 "theophylline or long-acting bronchodilators in past 12 weeks\n* COPD",
        max_age="75 Years", countries=("New Zealand", "United Kingdom")),
    # 54. observational with "trial" wording: "patients in clinical trials are excluded", registry of a device
    record(
        "NCT05888854", "Real-world Outcomes of Transcatheter Edge-to-edge Repair for Tricuspid Regurgitation",
        "TRI-REAL: A Prospective, Observational, Post-market Registry of the TriClip System in Routine Clinical "
        "Practice", "Abbott Medical Devices", "INDUSTRY", status="RECRUITING", start=("2023-07-01", A),
        primary=("2027-07-01", E), completion=("2030-07-01", E), submitted="2023-05-30", updated="2026-06-06",
        study_type=OBSERVATIONAL, phases=None, design=observational("COHORT", "PROSPECTIVE"), enrollment=(1000, E),
        conditions=["Tricuspid Regurgitation"],
        summary="This registry collects data from patients treated with the TriClip system according to the "
                "instructions for use. Unlike the randomized TRILUMINATE Pivotal trial, there is no control arm "
                "and no protocol-mandated treatment. Patients enrolled in another clinical trial cannot be "
                "included.",
        arms=[_arm("TriClip patients", None, "Treated with TriClip per routine practice", ["Device: TriClip"])],
        interventions=[_intervention("DEVICE", "TriClip", "Transcatheter tricuspid valve repair system",
                                     ["TriClip patients"])],
        primary_outcomes=[("All-cause mortality and heart failure hospitalization", "1 year")],
        criteria="Inclusion Criteria:\n\n* Patients with symptomatic severe TR selected for TriClip by the heart "
                 "team\n\nExclusion Criteria:\n\n* Participation in an interventional clinical trial that could "
                 "confound results",
        countries=("Germany", "Italy", "Spain"), population="Patients treated with TriClip at 60 European sites",
        sampling="NON_PROBABILITY_SAMPLE"),
    # 55. criteria with cohorts repeating the same items, numbering restarting in sub-lists, typo gap
    record(
        "NCT06004455", "Nirsevimab in Infants and Children at Higher Risk of RSV in Their Second Season",
        "An Open-label Phase 2 Study of Nirsevimab Pharmacokinetics and Safety in Immunocompromised Children up "
        "to 24 Months and Children With Chronic Lung Disease or Congenital Heart Disease in the Second RSV "
        "Season", "Sanofi Pasteur, a Sanofi Company", "INDUSTRY", status="COMPLETED", start=("2023-09-10", A),
        primary=("2024-09-30", A), completion=("2025-03-31", A), submitted="2023-08-15", updated="2025-06-30",
        study_type=INTERVENTIONAL, phases=["PHASE2"],
        design=randomised(allocation="NON_RANDOMIZED", masking="NONE", purpose="PREVENTION"), enrollment=(120, A),
        conditions=["Respiratory Syncytial Virus Infections"],
        summary="Cohort 1: immunocompromised children up to 24 months receive one IM dose of nirsevimab (50 mg "
                "if < 5 kg, 100 mg if >= 5 kg in the first season; 200 mg as 2 x 100 mg injections in the "
                "second season). Cohort 2: children with CLD or CHD entering their second season receive 200 mg.",
        arms=[_arm("Cohort 1: immunocompromised", "EXPERIMENTAL", "Nirsevimab 50, 100 or 200 mg IM once by "
                   "weight and season", ["Drug: Nirsevimab"]),
              _arm("Cohort 2: CLD/CHD second season", "EXPERIMENTAL", "Nirsevimab 200 mg IM once",
                   ["Drug: Nirsevimab"])],
        interventions=[_intervention("DRUG", "Nirsevimab", "Single IM dose: 50 mg, 100 mg or 200 mg",
                                     ["Cohort 1: immunocompromised", "Cohort 2: CLD/CHD second season"],
                                     ["Beyfortus", "MEDI8897"])],
        primary_outcomes=[("Serum nirsevimab concentration", "Day 151 post dose"),
                          ("Treatment-emergent adverse events", "Through Day 361")],
        criteria="Inclusion Criteria:\n\nCohort 1:\n\n1. Age <= 24 months at dosing\n2. Immunocompromised "
                 "(primary immunodeficiency, HIV, transplant, chemotherapy or high-dose steroids)\n\nCohort 2:\n\n"
                 "1. Age <= 24 months entering second RSV season\n2. CLD of prematurity requiring treatment in "
                 "the 6 months before the season, or haemodynamically significant CHD\n\nAll cohorts:\n\n1. "
                 "Written informed consent of parent(s)\n2. Weight >= 2.5 kg\n4. Available for follow-up for "
                 "the duration of the study\n\nExclusion Criteria:\n\n1. Any fever or acute illness within 7 "
                 "days\n2. Active RSV infection\n3. Receipt of palivizumab or other RSV monoclonal antibody\n4. "
                 "Receipt of any investigational drug\n5. Receipt of palivizumab or other RSV monoclonal "
                 "antibody",
        min_age=None, max_age="24 Months", countries=("United States", "Spain")),
]

RECORDS += [
    # 56. PCOS with sex ALL (a defect), Turkish sponsor's English
    record(
        "NCT05521356", "Inositol Supplementation in PCOS Patients Undergoing ICSI",
        "The Effect of Myo-inositol and D-chiro-inositol (40:1) Supplementation on Oocyte Quality in Polycystic "
        "Ovary Syndrome Patients Undergoing ICSI: Prospective Randomized Study", "Zeynep Kamil Women and "
        "Children Diseases Training and Research Hospital", "OTHER", status="COMPLETED", start=("2022-09-01", A),
        primary=("2023-09-01", A), completion=("2023-12-01", A), submitted="2022-08-25", updated="2024-01-15",
        study_type=INTERVENTIONAL, phases=["NA"], design=randomised(masking="NONE"), enrollment=(160, A),
        conditions=["Polycystic Ovary Syndrome", "Infertility"],
        summary="PCOS patients planned for ICSI will be randomize to myo-inositol 2000 mg + D-chiro-inositol 50 mg "
                "twice daily for 3 months before stimulation, or no supplement. Both groups will take folic acid "
                "400 mcg daily.",
        arms=[_arm("Inositol group", "EXPERIMENTAL", "MI 2000 mg + DCI 50 mg twice a day, 3 months",
                   ["Dietary Supplement: Myo-inositol + D-chiro-inositol"]),
              _arm("Control group", "NO_INTERVENTION", "Folic acid only", [])],
        interventions=[_intervention("DIETARY_SUPPLEMENT", "Myo-inositol + D-chiro-inositol", "Sachet, 40:1 ratio",
                                     ["Inositol group"])],
        primary_outcomes=[("Number of MII oocytes", "At oocyte pick-up")],
        secondary_outcomes=[("Clinical pregnancy rate", "6 weeks after embryo transfer")],
        criteria="Inclusion Criteria:\n\n* PCOS according to Rotterdam criteria\n* Age 20-38\n* First or second "
                 "ICSI cycle\n\nExclusion Criteria:\n\n* Male factor infertility (severe oligozoospermia < 1 "
                 "million/ml)\n* Endometrioma\n* Use of inositol or metformin in the last 3 months",
        min_age="20 Years", max_age="38 Years", countries=("Turkey",)),
    # 57. ages in text differ from structured ages (a defect), Spanish words for blinding
    record(
        "NCT05391557", "Melatonina para la Prevención del Delirium en Pacientes Mayores Hospitalizados",
        "Melatonin 3 mg Versus Placebo for the Prevention of Delirium in Older Medical Inpatients: Randomized, "
        "Doble Ciego Clinical Trial", "Hospital Clínico San Carlos", "OTHER", status="COMPLETED",
        start=("2022-06-01", A), primary=("2023-12-31", A), completion=("2024-01-31", A), submitted="2022-05-20",
        updated="2024-03-03", study_type=INTERVENTIONAL, phases=["PHASE3"],
        design=randomised(masking="QUADRUPLE", who=["PARTICIPANT", "CARE_PROVIDER", "INVESTIGATOR",
                                                     "OUTCOMES_ASSESSOR"]),
        enrollment=(360, A), conditions=["Delirium"],
        summary="Pacientes de 75 años o más ingresados en Medicina Interna recibirán melatonina 3 mg o placebo "
                "por la noche durante el ingreso (máximo 14 días). Ensayo doble ciego.",
        arms=[_arm("Melatonina", "EXPERIMENTAL", "Melatonin 3 mg at 21:00", ["Drug: Melatonin"]),
              _arm("Placebo", "PLACEBO_COMPARATOR", "Placebo capsule at 21:00", ["Drug: Placebo"])],
        interventions=[_intervention("DRUG", "Melatonin", "3 mg capsule", ["Melatonina"]),
                       _intervention("DRUG", "Placebo", "Identical capsule", ["Placebo"])],
        primary_outcomes=[("Incidence of delirium (CAM)", "During admission, up to 14 days")],
        criteria="Inclusion Criteria:\n\n* Patients aged 75 years or older\n* Admitted to Internal Medicine in the "
                 "previous 24 hours\n\nExclusion Criteria:\n\n* Delirium at admission\n* Severe dementia (GDS "
                 "7)\n* Treatment with fluvoxamine",
        min_age="65 Years", countries=("Spain",)),
    # 58. title phase different from record's phase (a defect)
    record(
        "NCT05743158", "A Phase 2 Study of Efgartigimod in Primary Immune Thrombocytopenia",
        "A Phase 2, Randomized, Double-blind, Placebo-controlled Trial of Efgartigimod PH20 SC in Adults With "
        "Persistent or Chronic Primary ITP", "argenx", "INDUSTRY", status="COMPLETED", start=("2023-03-15", A),
        primary=("2024-09-30", A), completion=("2025-01-30", A), submitted="2023-02-20", updated="2025-04-04",
        study_type=INTERVENTIONAL, phases=["PHASE3"],
        design=randomised(masking="QUADRUPLE", who=["PARTICIPANT", "CARE_PROVIDER", "INVESTIGATOR",
                                                     "OUTCOMES_ASSESSOR"]),
        enrollment=(150, A), conditions=["Immune Thrombocytopenia"],
        summary="Adults with ITP are randomized 2:1 to efgartigimod PH20 SC 1000 mg weekly or placebo for 24 "
                "weeks.",
        arms=[_arm("Efgartigimod PH20 SC", "EXPERIMENTAL", "1000 mg SC weekly", ["Biological: Efgartigimod PH20 "
                                                                               "SC"]),
              _arm("Placebo", "PLACEBO_COMPARATOR", "Placebo SC weekly", ["Other: Placebo"])],
        interventions=[_intervention("BIOLOGICAL", "Efgartigimod PH20 SC", "Efgartigimod alfa with rHuPH20",
                                     ["Efgartigimod PH20 SC"], ["ARGX-113"]),
                       _intervention("OTHER", "Placebo", None, ["Placebo"])],
        primary_outcomes=[("Sustained platelet count response >= 50x10^9/L in 4 of 6 visits", "Weeks 19-24")],
        criteria="Inclusion Criteria:\n\n* Adults with primary ITP > 3 months\n* Mean platelet count < 30x10^9/L"
                 "\n\nExclusion Criteria:\n\n* Secondary ITP\n* Splenectomy within 4 weeks",
        countries=("Belgium", "Poland", "Italy")),
    # 59. expanded access, individual patient
    record(
        "NCT06611959", "Expanded Access for an Individual Patient: Phage Therapy for Pseudomonas Infection",
        "Single Patient Expanded Access Use of a Personalized Bacteriophage Cocktail for Chronic Multidrug-"
        "resistant Pseudomonas Aeruginosa Prosthetic Joint Infection", "Mayo Clinic", "OTHER",
        status="AVAILABLE", start=(None,), primary=(None,),
        completion=(None,), submitted="2024-09-20", updated="2024-09-20", study_type=EXPANDED_ACCESS,
        phases=None, design={}, enrollment=(None, None), conditions=["Prosthetic Joint Infection",
                                                                    "Pseudomonas Aeruginosa Infection"],
        summary="Intravenous and intra-articular administration of a personalized phage cocktail (two phages, "
                "10^9 PFU each) twice daily for 14 days together with meropenem, in one patient who failed "
                "multiple surgeries and antibiotics.",
        interventions=[_intervention("BIOLOGICAL", "Personalized phage cocktail", "10^9 PFU of each phage IV "
                                     "q12h for 14 days", [])],
        criteria="Inclusion Criteria:\n\n* The single patient for whom this IND was granted\n\nExclusion "
                 "Criteria:\n\n* Not applicable"),
    # 60. intervention model FACTORIAL, text "2x2 factorial"; allocation text in a Turkish English summary
    record(
        "NCT05601960", "Vitamin D and Omega-3 Supplementation for Knee Osteoarthritis Pain",
        "Effects of Vitamin D3 and/or Omega-3 Fatty Acids on Knee Osteoarthritis Pain: a 2x2 Factorial, "
        "Randomised, Placebo-controlled Trial", "Hacettepe University", "OTHER", status="COMPLETED",
        start=("2022-11-01", A), primary=("2024-05-01", A), completion=("2024-06-01", A), submitted="2022-10-20",
        updated="2024-08-08", study_type=INTERVENTIONAL, phases=["NA"],
        design=randomised(masking="QUADRUPLE", model="FACTORIAL", who=["PARTICIPANT", "CARE_PROVIDER",
                                                                        "INVESTIGATOR", "OUTCOMES_ASSESSOR"]),
        enrollment=(240, A), conditions=["Knee Osteoarthritis"],
        summary="Participants will be randomised to one of four groups: vitamin D3 2000 IU/day + omega-3 1 g/day; "
                "vitamin D3 + placebo oil; placebo tablet + omega-3; or both placebos, for 12 months.",
        arms=[_arm("Vitamin D + Omega-3", "EXPERIMENTAL", "D3 2000 IU/day and omega-3 1 g/day",
                   ["Dietary Supplement: Vitamin D3", "Dietary Supplement: Omega-3"]),
              _arm("Vitamin D + placebo", "EXPERIMENTAL", "D3 2000 IU/day and placebo capsule",
                   ["Dietary Supplement: Vitamin D3", "Other: Placebo capsule"]),
              _arm("Omega-3 + placebo", "EXPERIMENTAL", "Omega-3 1 g/day and placebo tablet",
                   ["Dietary Supplement: Omega-3", "Other: Placebo tablet"]),
              _arm("Double placebo", "PLACEBO_COMPARATOR", "Placebo tablet and placebo capsule",
                   ["Other: Placebo tablet", "Other: Placebo capsule"])],
        interventions=[_intervention("DIETARY_SUPPLEMENT", "Vitamin D3", "2000 IU tablet daily",
                                     ["Vitamin D + Omega-3", "Vitamin D + placebo"]),
                       _intervention("DIETARY_SUPPLEMENT", "Omega-3", "1 g capsule (EPA 460 mg, DHA 380 mg)",
                                     ["Vitamin D + Omega-3", "Omega-3 + placebo"]),
                       _intervention("OTHER", "Placebo tablet", None, ["Omega-3 + placebo", "Double placebo"]),
                       _intervention("OTHER", "Placebo capsule", "Olive oil", ["Vitamin D + placebo",
                                                                              "Double placebo"])],
        primary_outcomes=[("WOMAC pain subscale", "12 months")],
        criteria="Inclusion Criteria:\n\n* Age 50-75\n* Kellgren-Lawrence grade 2-3\n* Knee pain >= 4/10 on most "
                 "days\n\nExclusion Criteria:\n\n* Vitamin D > 1000 IU/day or fish oil use\n* Intra-articular "
                 "injection within 3 months\n* Hypercalcemia, nephrolithiasis",
        min_age="50 Years", max_age="75 Years", countries=("Turkey",)),
    # 61. interventional registered, with single group and arms named by site (defect?) and NOT_YET_RECRUITING
    record(
        "NCT06782161", "Tranexamic Acid in Total Hip Arthroplasty: Topical vs Intravenous",
        "Topical Versus Intravenous Tranexamic Acid in Primary Total Hip Arthroplasty: a Randomized Non-"
        "inferiority Trial", "King Abdulaziz University", "OTHER", status="NOT_YET_RECRUITING",
        start=("2027-01-01", E), primary=("2027-12-31", E), completion=("2028-03-31", E), submitted="2025-01-10",
        updated="2026-10-10", study_type=INTERVENTIONAL, phases=["PHASE4"],
        design=randomised(masking="SINGLE", who=["OUTCOMES_ASSESSOR"]), enrollment=(200, E),
        conditions=["Blood Loss, Surgical", "Arthroplasty, Replacement, Hip"],
        summary="Patients will be randomized to 1 g IV TXA at incision plus 1 g at closure, or 2 g TXA in 100 ml "
                "saline applied topically into the joint before closure. Non-inferiority margin for "
                "hemoglobin drop is 0.5 g/dl.",
        arms=[_arm("IV TXA", "ACTIVE_COMPARATOR", "1 g IV at incision + 1 g IV at closure (total 2 g)",
                   ["Drug: Tranexamic acid IV"]),
              _arm("Topical TXA", "EXPERIMENTAL", "2 g in 100 mL saline intra-articular",
                   ["Drug: Tranexamic acid topical"])],
        interventions=[_intervention("DRUG", "Tranexamic acid IV", "1000 mg IV x 2", ["IV TXA"], ["Cyklokapron"]),
                       _intervention("DRUG", "Tranexamic acid topical", "2000 mg topical", ["Topical TXA"])],
        primary_outcomes=[("Hemoglobin drop (g/dL)", "Postoperative day 2")],
        secondary_outcomes=[("Transfusion rate", "Hospital stay, average 4 days"),
                            ("Venous thromboembolism", "90 days")],
        criteria="Inclusion Criteria:\n\n* Primary unilateral THA for osteoarthritis or AVN\n* Age 40-85\n\n"
                 "Exclusion Criteria:\n\n* History of VTE or thrombophilia\n* Anticoagulant therapy\n* Allergy "
                 "to TXA\n* Renal failure (creatinine > 2 mg/dl)",
        min_age="40 Years", max_age="85 Years", countries=("Saudi Arabia",)),
]


def completed(nct: str, brief: str, official: str | None, org: str, **given) -> dict:
    """A completed interventional record posted in 2023 (each given field in place of the usual one)."""
    usual = dict(org_class="OTHER", status="COMPLETED", start=("2023-03-01", A), primary=("2024-03-01", A),
                 completion=("2024-06-01", A), submitted="2023-02-10", updated="2024-09-01",
                 study_type=INTERVENTIONAL, phases=["PHASE2"], design=randomised(), enrollment=(100, A),
                 conditions=["Condition"], summary="As described.")
    usual.update(given)
    return record(nct, brief, official, org, **usual)


# Records worded like others the product reads most: blinding, allocation and study type told of other studies and
# study periods, partly open designs, doses by weight and titration, bodily substances measured, mother-infant pairs.
RECORDS += [
    # 62. open-label single arm with blinded central review
    completed(
        "NCT05801262", "Zanidatamab Plus Chemotherapy in HER2-positive Biliary Tract Cancer",
        "A Phase 2, Open-label, Single-arm Study of Zanidatamab With Gemcitabine and Cisplatin in First-line "
        "HER2-amplified Biliary Tract Cancer", "Jazz Pharmaceuticals", org_class="INDUSTRY",
        design=randomised(allocation="NA", model="SINGLE_GROUP", masking="NONE"), enrollment=(62, A),
        conditions=["Biliary Tract Cancer"],
        summary="Single-arm study; tumour response will be assessed by blinded independent central review "
                "(BICR) per RECIST 1.1. The investigator and participants know the treatment.",
        arms=[_arm("Zanidatamab + GemCis", "EXPERIMENTAL", "Zanidatamab 20 mg/kg Q2W + gemcitabine 1000 mg/m2 "
                   "and cisplatin 25 mg/m2 D1, D8 Q3W", ["Drug: Zanidatamab", "Drug: Gemcitabine",
                                                        "Drug: Cisplatin"])],
        interventions=[_intervention("DRUG", "Zanidatamab", "20 mg/kg IV", ["Zanidatamab + GemCis"],
                                     ["ZW25"]),
                       _intervention("DRUG", "Gemcitabine", "1000 mg/m2 IV", ["Zanidatamab + GemCis"]),
                       _intervention("DRUG", "Cisplatin", "25 mg/m2 IV", ["Zanidatamab + GemCis"])],
        primary_outcomes=[("Confirmed ORR by BICR", "Up to 2 years")],
        criteria="Inclusion Criteria:\n\n* HER2-amplified BTC (IHC 3+ or ISH+)\n* No prior systemic therapy for "
                 "advanced disease\n\nExclusion Criteria:\n\n* Prior HER2-targeted therapy\n* LVEF < 50%",
        countries=("United States", "Korea, Republic of")),
    # 63. non-randomised cohorts, random sampling of records for monitoring
    completed(
        "NCT05801263", "Hepatitis C Treatment in People Who Inject Drugs at Needle Exchange Sites",
        "Simplified Sofosbuvir/Velpatasvir Treatment Delivered at Needle and Syringe Programmes Versus Hospital "
        "Referral: a Non-randomised Comparative Study", "Kirby Institute", phases=["PHASE4"],
        design=randomised(allocation="NON_RANDOMIZED", masking="NONE"), enrollment=(300, A),
        conditions=["Hepatitis C", "Injection Drug Use"],
        summary="Participants choose where to be treated: at the needle exchange (on-site arm) or by referral to "
                "hospital (referral arm); they are not randomized. A random sample of 10% of case report forms "
                "is source-verified by the monitor. Unlike the randomised HERO trial, the comparison is "
                "observational in nature.",
        arms=[_arm("On-site", "EXPERIMENTAL", "Sofosbuvir/velpatasvir 400/100 mg daily 12 weeks at NSP",
                   ["Drug: Sofosbuvir/velpatasvir"]),
              _arm("Referral", "ACTIVE_COMPARATOR", "Same regimen at hospital clinic",
                   ["Drug: Sofosbuvir/velpatasvir"])],
        interventions=[_intervention("DRUG", "Sofosbuvir/velpatasvir", "400/100 mg tablet daily for 12 weeks",
                                     ["On-site", "Referral"], ["Epclusa"])],
        primary_outcomes=[("Sustained virological response 12 weeks after treatment (SVR12)",
                           "24 weeks after treatment start")],
        criteria="Inclusion Criteria:\n\n* HCV RNA positive\n* Injected drugs in past 6 months\n\nExclusion "
                 "Criteria:\n\n* Decompensated cirrhosis\n* HBV co-infection with detectable HBV DNA",
        countries=("Australia",)),
    # 64. randomised after a single-blind placebo run-in; pilot was non-randomised
    completed(
        "NCT05801264", "Pitolisant for Excessive Daytime Sleepiness in Myotonic Dystrophy Type 1",
        "A Randomized, Double-blind, Placebo-controlled Trial of Pitolisant in Adults With Myotonic Dystrophy "
        "Type 1 and Excessive Daytime Sleepiness", "University of Rochester",
        design=randomised(masking="DOUBLE", who=["PARTICIPANT", "INVESTIGATOR"]), enrollment=(80, A),
        conditions=["Myotonic Dystrophy 1", "Excessive Daytime Sleepiness"],
        summary="After a 2-week single-blind placebo run-in, participants with an Epworth score >= 12 are "
                "randomized 1:1 to pitolisant (titrated 8.9 -> 17.8 -> 35.6 mg) or placebo for 11 weeks. "
                "Unlike the earlier non-randomized open-label pilot (n=12), this trial is randomized.",
        arms=[_arm("Pitolisant", "EXPERIMENTAL", "Titrated to 35.6 mg once daily", ["Drug: Pitolisant"]),
              _arm("Placebo", "PLACEBO_COMPARATOR", "Matching placebo once daily", ["Drug: Placebo"])],
        interventions=[_intervention("DRUG", "Pitolisant", "8.9 mg week 1, 17.8 mg week 2, then 35.6 mg once "
                                     "daily", ["Pitolisant"], ["Wakix"]),
                       _intervention("DRUG", "Placebo", "Matching tablet", ["Placebo"])],
        primary_outcomes=[("Epworth Sleepiness Scale", "Week 11")],
        criteria="Inclusion Criteria:\n\n* Genetically confirmed DM1\n* ESS >= 12 after run-in\n\nExclusion "
                 "Criteria:\n\n* QTc > 450 ms\n* Modafinil, stimulants or sodium oxybate within 2 weeks",
        countries=("United States",)),
    # 65. interventional with an observational follow-up phase, nested in a cohort
    completed(
        "NCT05801265", "Text Message Reminders for Colorectal Cancer Screening in the CONSTANCES Cohort",
        "Effect of SMS Reminders on Uptake of FIT Screening: a Randomised Trial Nested in the CONSTANCES "
        "Observational Cohort", "Institut National de la Santé Et de la Recherche Médicale, France",
        phases=["NA"], design=randomised(masking="NONE", purpose="SCREENING"), enrollment=(12000, A),
        conditions=["Colorectal Cancer"],
        summary="Members of the CONSTANCES observational cohort aged 50-74 who are due for screening are "
                "randomised to SMS reminders or usual invitation letters. After the 6-month intervention, "
                "participants are followed in the observational follow-up phase of the cohort for 5 years.",
        arms=[_arm("SMS reminders", "EXPERIMENTAL", "Three SMS reminders at 1, 3 and 5 months",
                   ["Behavioral: SMS reminder"]),
              _arm("Usual invitation", "NO_INTERVENTION", "Letter from the regional screening centre", [])],
        interventions=[_intervention("BEHAVIORAL", "SMS reminder", None, ["SMS reminders"])],
        primary_outcomes=[("FIT uptake", "6 months")],
        criteria="Inclusion Criteria:\n\n* CONSTANCES member aged 50-74 with a mobile phone number\n\nExclusion "
                 "Criteria:\n\n* Colonoscopy within 5 years\n* Personal history of colorectal cancer",
        min_age="50 Years", max_age="74 Years", countries=("France",)),
    # 66. observational comparing with a randomised trial
    record(
        "NCT05801266", "Evolocumab in Routine Practice After Myocardial Infarction (EVO-REAL)", None, "Charité - "
        "Universitätsmedizin Berlin", "OTHER", status="COMPLETED", start=("2023-01-01", A),
        primary=("2024-12-31", A), completion=("2025-03-31", A), submitted="2023-02-01", updated="2025-05-05",
        study_type=OBSERVATIONAL, phases=None, design=observational("COHORT", "PROSPECTIVE"), enrollment=(800, A),
        conditions=["Myocardial Infarction", "Hypercholesterolemia"],
        summary="This study is not a randomized trial: patients receive evolocumab 140 mg every 2 weeks when "
                "their physician prescribes it. LDL-C reduction will be compared with that seen in the "
                "randomized, double-blind, placebo-controlled FOURIER trial.",
        arms=[_arm("Evolocumab users", None, "Prescribed evolocumab after MI", ["Drug: Evolocumab"])],
        interventions=[_intervention("DRUG", "Evolocumab", "140 mg SC Q2W as prescribed", ["Evolocumab users"],
                                     ["Repatha"])],
        primary_outcomes=[("Percent change in LDL-C", "Week 12")],
        criteria="Inclusion Criteria:\n\n* MI within 12 months\n* Prescribed evolocumab\n\nExclusion Criteria:\n\n"
                 "* Participation in an interventional trial", countries=("Germany",),
        population="Post-MI patients in 20 German cardiology practices", sampling="NON_PROBABILITY_SAMPLE"),
    # 67. observational long-term follow-up of a phase 3 trial's participants
    record(
        "NCT05801267", "Long-term Follow-up of Participants From the Phase 3 REGAIN Study of Eculizumab",
        "Observational Long-term Follow-up of Patients Who Were Randomized in the Double-blind Phase 3 REGAIN "
        "Study of Eculizumab in Refractory Generalized Myasthenia Gravis", "Alexion Pharmaceuticals, Inc.",
        "INDUSTRY", status="COMPLETED", start=("2023-01-15", A), primary=("2025-01-15", A),
        completion=("2025-01-15", A), submitted="2023-01-05", updated="2025-04-10", study_type=OBSERVATIONAL,
        phases=None, design=observational("COHORT", "PROSPECTIVE"), enrollment=(90, A),
        conditions=["Myasthenia Gravis, Generalized"],
        summary="Participants who were randomized to eculizumab or placebo in REGAIN (NCT01997229) and completed "
                "its open-label extension are followed for 2 years. No study drug is provided.",
        arms=[_arm("Former REGAIN participants", None, "Followed in routine care", [])],
        primary_outcomes=[("MG-ADL total score", "Every 6 months for 2 years")],
        criteria="Inclusion Criteria:\n\n* Participated in REGAIN and its extension\n\nExclusion Criteria:\n\n"
                 "* None", countries=("United States", "Japan"),
        population="Former participants of REGAIN", sampling="NON_PROBABILITY_SAMPLE"),
    # 68. partly open-label: open reference arm, double-blind doses
    completed(
        "NCT05801268", "Abelacimab Versus Apixaban in Cancer-associated Venous Thromboembolism",
        "A Phase 3, Randomized, Open-label Apixaban-controlled Study, Double-blind for Abelacimab Dose, of "
        "Abelacimab 150 mg and 90 mg in Cancer-associated VTE", "Anthos Therapeutics", org_class="INDUSTRY",
        phases=["PHASE3"], design=randomised(masking="DOUBLE", who=["PARTICIPANT", "INVESTIGATOR"],
                                              description="The two abelacimab doses are double-blind; apixaban "
                                                          "is given open-label. Outcome events are adjudicated "
                                                          "by a blinded committee."),
        enrollment=(1655, A), conditions=["Venous Thromboembolism", "Cancer"],
        summary="Patients are randomized to abelacimab 150 mg or 90 mg monthly (blinded) or open-label apixaban "
                "10 mg twice daily for 7 days then 5 mg twice daily for 6 months.",
        arms=[_arm("Abelacimab 150 mg", "EXPERIMENTAL", "150 mg IV then SC monthly", ["Drug: Abelacimab"]),
              _arm("Abelacimab 90 mg", "EXPERIMENTAL", "90 mg SC monthly", ["Drug: Abelacimab"]),
              _arm("Apixaban", "ACTIVE_COMPARATOR", "10 mg BID x 7 days then 5 mg BID", ["Drug: Apixaban"])],
        interventions=[_intervention("DRUG", "Abelacimab", "150 mg or 90 mg monthly", ["Abelacimab 150 mg",
                                                                                        "Abelacimab 90 mg"]),
                       _intervention("DRUG", "Apixaban", "5 mg tablets", ["Apixaban"], ["Eliquis"])],
        primary_outcomes=[("Recurrent VTE", "6 months")],
        criteria="Inclusion Criteria:\n\n* Active cancer with acute VTE\n\nExclusion Criteria:\n\n* Primary brain "
                 "tumour\n* Platelets < 50,000/uL"),
    # 69. open study stating who is not blinded
    completed(
        "NCT05801269", "Early Mobilisation After Hip Fracture Surgery in Older Adults",
        "Mobilisation Within 24 Hours Versus Usual Care After Hip Fracture Surgery: an Open Randomised Trial",
        "Oslo University Hospital", phases=["NA"], design=randomised(masking="NONE"), enrollment=(400, A),
        conditions=["Hip Fractures"],
        summary="Neither patients nor physiotherapists nor investigators are blinded (open study). Patients are "
                "randomised to out-of-bed mobilisation within 24 hours of surgery or usual care (within 48 "
                "hours).",
        arms=[_arm("Early mobilisation", "EXPERIMENTAL", "Out of bed within 24 h",
                   ["Other: Early mobilisation"]),
              _arm("Usual care", "ACTIVE_COMPARATOR", "Mobilisation within 48 h", ["Other: Usual mobilisation"])],
        interventions=[_intervention("OTHER", "Early mobilisation", None, ["Early mobilisation"]),
                       _intervention("OTHER", "Usual mobilisation", None, ["Usual care"])],
        primary_outcomes=[("Independent walking at discharge", "Discharge, an average of 6 days")],
        criteria="Inclusion Criteria:\n\n* Age >= 65\n* Surgery for hip fracture\n\nExclusion Criteria:\n\n"
                 "* Pathological fracture\n* Unable to walk before the fracture",
        min_age="65 Years", countries=("Norway",)),
]

RECORDS += [
    # 70. double-dummy with an unblinded pharmacist
    completed(
        "NCT05801270", "Oral Versus Intravenous Iron in Heart Failure With Iron Deficiency",
        "Ferric Derisomaltose IV Versus Ferrous Sulfate Oral in Heart Failure: a Double-dummy, Double-blind "
        "Randomised Trial", "University of Glasgow", phases=["PHASE4"],
        design=randomised(masking="QUADRUPLE", who=["PARTICIPANT", "CARE_PROVIDER", "INVESTIGATOR",
                                                     "OUTCOMES_ASSESSOR"],
                          description="Double-dummy. An unblinded pharmacist prepares the infusion bags, which "
                                      "are covered; the unblinded pharmacist has no other role in the study."),
        enrollment=(220, A), conditions=["Heart Failure", "Iron Deficiency"],
        summary="Patients receive IV ferric derisomaltose 20 mg/kg plus oral placebo capsules, or IV placebo "
                "(saline) plus ferrous sulfate 200 mg twice daily for 16 weeks.",
        arms=[_arm("IV iron", "EXPERIMENTAL", "Ferric derisomaltose 20 mg/kg IV once + placebo capsules",
                   ["Drug: Ferric derisomaltose", "Drug: Placebo capsule"]),
              _arm("Oral iron", "ACTIVE_COMPARATOR", "Saline infusion + ferrous sulfate 200 mg BID",
                   ["Drug: Ferrous sulfate", "Drug: Saline infusion"])],
        interventions=[_intervention("DRUG", "Ferric derisomaltose", "20 mg/kg, max 2000 mg", ["IV iron"],
                                     ["Monofer"]),
                       _intervention("DRUG", "Placebo capsule", None, ["IV iron"]),
                       _intervention("DRUG", "Ferrous sulfate", "200 mg (65 mg elemental iron) BID",
                                     ["Oral iron"]),
                       _intervention("DRUG", "Saline infusion", "0.9% NaCl 100 mL", ["Oral iron"])],
        primary_outcomes=[("Change in peak VO2", "16 weeks")],
        secondary_outcomes=[("Serum ferritin and TSAT", "4 and 16 weeks"), ("Serum phosphate", "2 weeks")],
        criteria="Inclusion Criteria:\n\n* HFrEF, LVEF <= 45%\n* Ferritin < 100 ug/L or 100-299 with TSAT < 20%\n"
                 "\nExclusion Criteria:\n\n* Hb < 9 g/dL\n* IV iron or ESA within 3 months",
        countries=("United Kingdom",)),
    # 71. women-only study whose criteria name men
    completed(
        "NCT05801271", "Dienogest Versus Combined Pill for Endometriosis Pain",
        "Dienogest 2 mg Versus Ethinylestradiol/Dienogest for Endometriosis-associated Pelvic Pain: Randomized "
        "Trial", "Università degli Studi di Milano", phases=["PHASE4"], design=randomised(masking="NONE"),
        enrollment=(180, A), conditions=["Endometriosis", "Pelvic Pain"], sex="FEMALE", max_age="45 Years",
        summary="Women with endometriosis pain are randomized to dienogest 2 mg daily or a combined pill "
                "(ethinylestradiol 0.03 mg / dienogest 2 mg) continuously for 12 months.",
        arms=[_arm("Dienogest", "EXPERIMENTAL", "2 mg daily", ["Drug: Dienogest"]),
              _arm("EE/DNG", "ACTIVE_COMPARATOR", "EE 0.03 mg / DNG 2 mg continuously",
                   ["Drug: Ethinylestradiol/dienogest"])],
        interventions=[_intervention("DRUG", "Dienogest", "2 mg tablet", ["Dienogest"], ["Visanne"]),
                       _intervention("DRUG", "Ethinylestradiol/dienogest", "0.03/2 mg tablet", ["EE/DNG"])],
        primary_outcomes=[("Dysmenorrhea and pelvic pain VAS", "12 months")],
        secondary_outcomes=[("Bone mineral density", "12 months"), ("Serum estradiol", "6 months")],
        criteria="Inclusion Criteria:\n\n* Premenopausal women 18-45 with surgical or imaging diagnosis of "
                 "endometriosis\n* Pelvic pain VAS >= 5\n\nExclusion Criteria:\n\n* Desire of pregnancy within 12 "
                 "months\n* Contraindications to estrogens (smokers > 35 years, migraine with aura)\n* Male "
                 "partners are not enrolled and no data are collected from them",
        countries=("Italy",)),
    # 72. case-control with healthy controls accepted
    record(
        "NCT05801272", "Gut Microbiome in Parkinson's Disease Versus Healthy Household Controls", None,
        "Seoul National University Hospital", "OTHER", status="COMPLETED", start=("2023-04-01", A),
        primary=("2024-04-01", A), completion=("2024-06-01", A), submitted="2023-03-10", updated="2024-07-07",
        study_type=OBSERVATIONAL, phases=None, design=observational("CASE_CONTROL", "PROSPECTIVE"),
        enrollment=(200, A), conditions=["Parkinson Disease"], healthy=True,
        summary="Stool microbiome of 100 patients with Parkinson's disease is compared with 100 healthy "
                "household controls (spouses).",
        arms=[_arm("Parkinson's disease", None, None, []), _arm("Healthy controls", None, "Spouses", [])],
        primary_outcomes=[("Relative abundance of Akkermansia", "Single visit")],
        criteria="Inclusion Criteria:\n\nPatients:\n\n* Clinically established PD (MDS criteria)\n\nHealthy "
                 "controls:\n\n* Spouse living in the same household\n* No neurological disease\n\nExclusion "
                 "Criteria:\n\n* Antibiotics within 3 months\n* Inflammatory bowel disease",
        min_age="40 Years", countries=("Korea, Republic of",), population="Patients from the movement "
        "disorders clinic and their spouses", sampling="NON_PROBABILITY_SAMPLE"),
    # 73. doses by titration, loading, weight with a cap, combination arms
    completed(
        "NCT05801273", "Semaglutide Plus Ticagrelor Loading in Type 2 Diabetes After PCI",
        "Semaglutide and Antiplatelet Loading Strategies in Diabetic Patients Undergoing PCI: an Open-label "
        "Randomised Trial", "Hospital Israelita Albert Einstein", phases=["PHASE4"],
        design=randomised(masking="NONE", model="FACTORIAL"), enrollment=(240, A),
        conditions=["Type 2 Diabetes", "Coronary Artery Disease"],
        summary="Factorial design: semaglutide or no semaglutide, and ticagrelor or clopidogrel loading.",
        arms=[_arm("Semaglutide 2.4 mg + ticagrelor", "EXPERIMENTAL", "Semaglutide 2.4 mg weekly; ticagrelor "
                   "loading dose 180 mg then 90 mg twice daily", ["Drug: Semaglutide", "Drug: Ticagrelor"]),
              _arm("Semaglutide 2.4 mg + clopidogrel", "EXPERIMENTAL", "Semaglutide 2.4 mg weekly; clopidogrel "
                   "600 mg loading then 75 mg daily + aspirin 100 mg", ["Drug: Semaglutide", "Drug: Clopidogrel",
                                                                       "Drug: Aspirin"]),
              _arm("Ticagrelor", "ACTIVE_COMPARATOR", "Ticagrelor 180 mg loading then 90 mg BID",
                   ["Drug: Ticagrelor"]),
              _arm("Clopidogrel", "ACTIVE_COMPARATOR", "Clopidogrel 600 mg then 75 mg daily + aspirin 100 mg",
                   ["Drug: Clopidogrel", "Drug: Aspirin"])],
        interventions=[_intervention("DRUG", "Semaglutide", "0.25 mg weekly, escalated every 4 weeks (0.5, 1.0, "
                                     "1.7 mg) to 2.4 mg weekly", ["Semaglutide 2.4 mg + ticagrelor",
                                                                  "Semaglutide 2.4 mg + clopidogrel"]),
                       _intervention("DRUG", "Ticagrelor", "90 mg twice daily after a 180 mg loading dose",
                                     ["Semaglutide 2.4 mg + ticagrelor", "Ticagrelor"]),
                       _intervention("DRUG", "Clopidogrel", "75 mg daily after 600 mg loading dose",
                                     ["Semaglutide 2.4 mg + clopidogrel", "Clopidogrel"]),
                       _intervention("DRUG", "Aspirin", "81-100 mg daily", ["Semaglutide 2.4 mg + clopidogrel",
                                                                           "Clopidogrel"])],
        primary_outcomes=[("Platelet reactivity (PRU)", "30 days")],
        criteria="Inclusion Criteria:\n\n* T2D on metformin\n* Elective PCI\n\nExclusion Criteria:\n\n* Prior "
                 "GLP-1 RA\n* Oral anticoagulation", countries=("Brazil",)),
    # 74. body chemistry measured that shares names with drugs
    completed(
        "NCT05801274", "Metformin and Vitamin B12 Status in Older Adults With Prediabetes",
        "Metformin Extended Release Versus Lifestyle Advice in Prediabetes: Effects on Vitamin B12, Insulin "
        "Sensitivity and Magnesium", "Mahidol University", phases=["PHASE4"], design=randomised(masking="NONE"),
        enrollment=(150, A), conditions=["Prediabetic State"],
        summary="Adults 60 years and older with prediabetes are randomised to metformin XR 1000 mg daily plus "
                "lifestyle advice, or lifestyle advice alone, for 24 months.",
        arms=[_arm("Metformin XR", "EXPERIMENTAL", "1000 mg daily with dinner", ["Drug: Metformin XR"]),
              _arm("Lifestyle", "ACTIVE_COMPARATOR", "Diet and exercise advice", ["Behavioral: Lifestyle advice"])],
        interventions=[_intervention("DRUG", "Metformin XR", "500 mg tablets, 2 at dinner", ["Metformin XR"]),
                       _intervention("BEHAVIORAL", "Lifestyle advice", None, ["Metformin XR", "Lifestyle"])],
        primary_outcomes=[("Serum vitamin B12 < 200 pg/mL", "24 months")],
        secondary_outcomes=[("Fasting insulin and HOMA-IR", "12 and 24 months"),
                            ("Serum magnesium", "24 months"), ("Methylmalonic acid", "24 months"),
                            ("Plasma homocysteine and folate", "24 months")],
        criteria="Inclusion Criteria:\n\n* Age >= 60\n* HbA1c 5.7-6.4%\n\nExclusion Criteria:\n\n* B12 "
                 "supplementation or injections\n* eGFR < 45", min_age="60 Years", countries=("Thailand",)),
    # 75. mother-infant pairs, sex ALL
    completed(
        "NCT05801275", "Azithromycin During Labour to Prevent Maternal and Neonatal Sepsis",
        "Intrapartum Azithromycin 2 g Versus Placebo for Prevention of Maternal and Neonatal Sepsis: a "
        "Randomized Trial in Mother-Infant Pairs", "Medical Research Council Unit The Gambia", phases=["PHASE3"],
        design=randomised(masking="QUADRUPLE", purpose="PREVENTION", who=["PARTICIPANT", "CARE_PROVIDER",
                                                                           "INVESTIGATOR", "OUTCOMES_ASSESSOR"]),
        enrollment=(2000, A), conditions=["Puerperal Sepsis", "Neonatal Sepsis", "Pregnancy"], sex="ALL",
        min_age=None, summary="Women in labour receive a single oral dose of azithromycin 2 g or placebo; "
                              "mothers and their newborns (boys and girls) are followed for 6 weeks.",
        arms=[_arm("Azithromycin", "EXPERIMENTAL", "2 g orally once in labour", ["Drug: Azithromycin"]),
              _arm("Placebo", "PLACEBO_COMPARATOR", "Identical placebo", ["Drug: Placebo"])],
        interventions=[_intervention("DRUG", "Azithromycin", "4 x 500 mg tablets", ["Azithromycin"]),
                       _intervention("DRUG", "Placebo", None, ["Placebo"])],
        primary_outcomes=[("Maternal or neonatal sepsis or death", "6 weeks after birth")],
        criteria="Inclusion Criteria:\n\n* Women in labour aged 18 or older (and their newborns once born)\n\n"
                 "Exclusion Criteria:\n\n* Known allergy to macrolides\n* Planned caesarean section",
        countries=("Gambia", "Burkina Faso")),
    # 76. phase words in titles: Ib/IIa, IIIb, Phase 0 microdose, observational
    completed(
        "NCT05801276", "A Phase Ib/IIa Study of Inhaled Ensifentrine in Cystic Fibrosis",
        "A Phase 1b/2a, Randomised, Placebo-controlled Study of Nebulised Ensifentrine in Adults With Cystic "
        "Fibrosis", "Verona Pharma plc", org_class="INDUSTRY", phases=["PHASE1", "PHASE2"],
        design=randomised(masking="DOUBLE", who=["PARTICIPANT", "INVESTIGATOR"]), enrollment=(48, A),
        conditions=["Cystic Fibrosis"], summary="Randomised to ensifentrine 3 mg BID or placebo for 4 weeks.",
        arms=[_arm("Ensifentrine", "EXPERIMENTAL", "3 mg nebulised BID", ["Drug: Ensifentrine"]),
              _arm("Placebo", "PLACEBO_COMPARATOR", "Nebulised placebo BID", ["Drug: Placebo"])],
        interventions=[_intervention("DRUG", "Ensifentrine", "3 mg", ["Ensifentrine"], ["RPL554"]),
                       _intervention("DRUG", "Placebo", None, ["Placebo"])],
        primary_outcomes=[("Change in FEV1 % predicted", "Day 28")],
        criteria="Inclusion Criteria:\n\n* CF adults on elexacaftor/tezacaftor/ivacaftor\n\nExclusion Criteria:\n"
                 "\n* Exacerbation within 4 weeks"),
    # 77. terminated early: the time frame is the planned one
    completed(
        "NCT05801277", "Bimekizumab in Hidradenitis Suppurativa in Adolescents",
        "An Open-label Study of Bimekizumab in Adolescents With Moderate to Severe Hidradenitis Suppurativa",
        "UCB Biopharma SRL", org_class="INDUSTRY", status="TERMINATED", start=("2023-05-01", A),
        primary=("2024-01-20", A), completion=("2024-01-20", A), phases=["PHASE3"],
        design=randomised(allocation="NA", model="SINGLE_GROUP", masking="NONE"), enrollment=(6, A),
        why_stopped="Sponsor decision to develop an adolescent formulation; not for safety reasons.",
        conditions=["Hidradenitis Suppurativa"],
        summary="Adolescents receive bimekizumab 320 mg SC every 2 weeks to Week 16 then every 4 weeks to Week "
                "48.",
        arms=[_arm("Bimekizumab", "EXPERIMENTAL", "320 mg Q2W then Q4W", ["Drug: Bimekizumab"])],
        interventions=[_intervention("DRUG", "Bimekizumab", "320 mg SC", ["Bimekizumab"], ["UCB4940"])],
        primary_outcomes=[("Treatment-emergent adverse events", "From Baseline to Week 48")],
        criteria="Inclusion Criteria:\n\n* 12 to < 18 years, >= 30 kg\n* HS >= 6 months\n\nExclusion Criteria:\n\n"
                 "* Active tuberculosis", min_age="12 Years", max_age="17 Years"),
]

# Records whose criteria and arms state ages, sexes and doses in the ways registrants do: ages per cohort, in months,
# as birth dates and school grades; the other sex as partners or excluded; doses per weight, per period and per part.
RECORDS += [
    # 78. ages by cohort, in months and years, and an age of consent
    completed(
        "NCT05801278", "RSV Prefusion F Vaccine in Older Adults and Adults 50-59 at Increased Risk",
        "A Phase 3, Randomized, Placebo-controlled, Observer-blind Study of RSVPreF3 OA in Adults 50-59 Years "
        "of Age at Increased Risk and in Adults >= 60 Years", "GlaxoSmithKline", org_class="INDUSTRY",
        phases=["PHASE3"], design=randomised(masking="QUADRUPLE", purpose="PREVENTION",
                                              who=["PARTICIPANT", "CARE_PROVIDER", "INVESTIGATOR",
                                                   "OUTCOMES_ASSESSOR"]),
        enrollment=(1544, A), conditions=["Respiratory Syncytial Virus Infections"], healthy=True, min_age="50 Years",
        summary="Adults 50-59 years of age (with or without increased risk) receive RSVPreF3 OA or placebo; a "
                "reference group of adults 60 years and older (OA) receives RSVPreF3 OA.",
        arms=[_arm("AIR 50-59 RSV", "EXPERIMENTAL", "Adults 50-59 at increased risk, one 0.5 mL dose",
                   ["Biological: RSVPreF3 OA"]),
              _arm("AIR 50-59 Placebo", "PLACEBO_COMPARATOR", "Adults 50-59 at increased risk, saline",
                   ["Other: Placebo"]),
              _arm("OA RSV", "EXPERIMENTAL", "Adults >= 60, one dose", ["Biological: RSVPreF3 OA"])],
        interventions=[_intervention("BIOLOGICAL", "RSVPreF3 OA", "120 ug RSVPreF3 with AS01E, 0.5 mL IM",
                                     ["AIR 50-59 RSV", "OA RSV"], ["Arexvy"]),
                       _intervention("OTHER", "Placebo", "Saline 0.5 mL IM", ["AIR 50-59 Placebo"])],
        primary_outcomes=[("RSV-A and RSV-B neutralizing titers", "Day 31")],
        criteria="Inclusion Criteria:\n\n* For AIR 50-59 groups: a male or female between, and including, 50 and "
                 "59 years of age at the time of vaccination, with a stable chronic disease (COPD, asthma, "
                 "diabetes, heart failure, CKD)\n* For OA group: a male or female >= 60 YOA at the time of "
                 "vaccination\n* Female of non-childbearing potential, or of childbearing potential with adequate "
                 "contraception 1 month prior to and 2 months after vaccination\n\nExclusion Criteria:\n\n"
                 "* Previous vaccination with an RSV vaccine\n* Immunosuppression\n* Pregnant or lactating "
                 "female"),
    # 79. children by school grade and months; parental age
    completed(
        "NCT05801279", "Vision Screening and Free Glasses for Schoolchildren in Rural Pakistan",
        "Effect of School-based Vision Screening With Free Spectacles on Academic Performance: a Cluster "
        "Randomised Trial in Grades 3 to 6", "Aga Khan University", phases=["NA"],
        design=randomised(masking="SINGLE", purpose="SCREENING", who=["OUTCOMES_ASSESSOR"]), enrollment=(3000, A),
        conditions=["Refractive Errors", "Myopia"], healthy=True, min_age="7 Years", max_age="13 Years",
        summary="Schools are randomised to screening with free glasses or to a prescription only. Children in "
                "grades 3-6 (usually 8 to 12 years old) take part; parents (aged 18 or over) give consent.",
        arms=[_arm("Free glasses", "EXPERIMENTAL", "Screening and free spectacles", ["Device: Spectacles"]),
              _arm("Prescription only", "ACTIVE_COMPARATOR", "Screening and prescription", ["Other: Prescription"])],
        interventions=[_intervention("DEVICE", "Spectacles", None, ["Free glasses"]),
                       _intervention("OTHER", "Prescription", None, ["Prescription only"])],
        primary_outcomes=[("Standardised mathematics test score", "End of school year (8 months)")],
        criteria="Inclusion Criteria:\n\n* Children enrolled in grades 3 to 6 (aged 7-13 years)\n* Uncorrected "
                 "visual acuity <= 6/12 in either eye\n* Parent or guardian aged 18 years or older gives written "
                 "consent\n\nExclusion Criteria:\n\n* Already wearing glasses\n* Amblyopia or strabismus needing "
                 "referral", countries=("Pakistan",)),
    # 80. infants' mothers in criteria: ages of the mothers
    completed(
        "NCT05801280", "Kangaroo Mother Care Initiated Before Stabilisation in Low Birth Weight Infants",
        "Immediate Kangaroo Mother Care for Infants 1.0 to < 1.8 kg: a Randomised Controlled Trial", "Ethiopian "
        "Public Health Institute", phases=["NA"], design=randomised(masking="NONE"), enrollment=(900, A),
        conditions=["Low Birth Weight", "Neonatal Mortality"], min_age=None, max_age="2 Days",
        summary="Infants weighing 1.0 to < 1.8 kg are randomised to immediate skin-to-skin contact with the "
                "mother in a mother-newborn ICU, or conventional care until stable. Mothers aged 15 years or "
                "older may consent for their infants.",
        arms=[_arm("Immediate KMC", "EXPERIMENTAL", "Continuous skin-to-skin contact from birth",
                   ["Behavioral: Immediate KMC"]),
              _arm("Conventional care", "ACTIVE_COMPARATOR", "KMC after stabilisation", ["Behavioral: Usual KMC"])],
        interventions=[_intervention("BEHAVIORAL", "Immediate KMC", None, ["Immediate KMC"]),
                       _intervention("BEHAVIORAL", "Usual KMC", None, ["Conventional care"])],
        primary_outcomes=[("Neonatal mortality", "28 days")],
        criteria="Inclusion Criteria:\n\n* Infants with birth weight 1.0 to < 1.8 kg, aged < 48 hours\n* Mother "
                 "aged 15 years or older, willing to stay in the unit\n\nExclusion Criteria:\n\n* Infant unable "
                 "to breathe spontaneously\n* Major congenital malformation\n* Mother critically ill",
        countries=("Ethiopia",)),
    # 81. ages given as the upper bound exclusive and in the title
    completed(
        "NCT05801281", "Dupilumab in Children 6 Months to Less Than 6 Years With Eosinophilic Esophagitis",
        "A Phase 3 Study of Dupilumab in Pediatric Participants Aged 6 Months to < 6 Years With Active "
        "Eosinophilic Esophagitis", "Regeneron Pharmaceuticals", org_class="INDUSTRY", phases=["PHASE3"],
        design=randomised(masking="QUADRUPLE", who=["PARTICIPANT", "CARE_PROVIDER", "INVESTIGATOR",
                                                     "OUTCOMES_ASSESSOR"]),
        enrollment=(60, A), conditions=["Eosinophilic Esophagitis"], min_age="6 Months", max_age="5 Years",
        summary="Weight-tiered dupilumab (100 mg Q2W for 5-< 15 kg; 200 mg Q2W for 15-< 30 kg) or placebo for 16 "
                "weeks.",
        arms=[_arm("Dupilumab", "EXPERIMENTAL", "Weight-tiered dose SC Q2W", ["Drug: Dupilumab"]),
              _arm("Placebo", "PLACEBO_COMPARATOR", "Matching placebo SC Q2W", ["Drug: Placebo"])],
        interventions=[_intervention("DRUG", "Dupilumab", "100 mg or 200 mg SC Q2W by weight", ["Dupilumab"],
                                     ["Dupixent", "REGN668"]),
                       _intervention("DRUG", "Placebo", None, ["Placebo"])],
        primary_outcomes=[("Peak esophageal intraepithelial eosinophil count <= 6 eos/hpf", "Week 16")],
        criteria="Inclusion Criteria:\n\n1. Male or female, 6 months to < 6 years of age (1 to < 6 years in "
                 "some countries per local regulation) at screening\n2. Weight >= 5 kg and < 30 kg\n3. Documented "
                 "EoE diagnosis by endoscopic biopsy\n\nExclusion Criteria:\n\n1. Prior dupilumab\n2. Other "
                 "causes of esophageal eosinophilia"),
    # 82. men-only androgen study, women excluded, transgender men
    completed(
        "NCT05801282", "Testosterone Undecanoate for Hypogonadism in Men With Type 2 Diabetes",
        "Oral Testosterone Undecanoate Versus Placebo on Insulin Sensitivity in Hypogonadal Men With Type 2 "
        "Diabetes: Randomised, Double-blind Trial", "University of Adelaide", phases=["PHASE4"],
        design=randomised(masking="DOUBLE", who=["PARTICIPANT", "INVESTIGATOR"]), enrollment=(120, A),
        conditions=["Hypogonadism, Male", "Type 2 Diabetes"], sex="MALE", min_age="40 Years", max_age="74 Years",
        summary="Men 40-74 years with T2D and serum testosterone < 12 nmol/L receive oral testosterone "
                "undecanoate 237 mg twice daily or placebo for 12 months.",
        arms=[_arm("Testosterone undecanoate", "EXPERIMENTAL", "237 mg BID with food",
                   ["Drug: Testosterone undecanoate"]),
              _arm("Placebo", "PLACEBO_COMPARATOR", "Matching capsules BID", ["Drug: Placebo"])],
        interventions=[_intervention("DRUG", "Testosterone undecanoate", "Oral capsules", ["Testosterone "
                                                                                           "undecanoate"],
                                     ["Jatenzo"]),
                       _intervention("DRUG", "Placebo", None, ["Placebo"])],
        primary_outcomes=[("Insulin sensitivity (hyperinsulinaemic-euglycaemic clamp)", "12 months")],
        secondary_outcomes=[("Serum total testosterone and estradiol", "3 and 12 months"),
                            ("Haematocrit > 54%", "12 months")],
        criteria="Inclusion Criteria:\n\n* Men aged 40-74 years\n* Morning total testosterone < 12 nmol/L on two "
                 "occasions\n* HbA1c 6.5-9.0%\n\nExclusion Criteria:\n\n* Prostate cancer or PSA > 4 ng/mL\n"
                 "* Haematocrit > 50%\n* Women (the study is of male hypogonadism) and transgender men on "
                 "testosterone\n* Partner planning pregnancy within 12 months", countries=("Australia",)),
    # 83. healthy volunteers arm in a patient study (accepts healthy volunteers)
    completed(
        "NCT05801283", "PET Imaging of Fibroblast Activation Protein in Idiopathic Pulmonary Fibrosis",
        "[68Ga]Ga-FAPI-46 PET/CT in Patients With Idiopathic Pulmonary Fibrosis and Healthy Volunteers",
        "Technische Universität München", phases=["EARLY_PHASE1"],
        design=randomised(allocation="NON_RANDOMIZED", masking="NONE", purpose="DIAGNOSTIC"), enrollment=(40, A),
        conditions=["Idiopathic Pulmonary Fibrosis"], healthy=True,
        summary="30 patients with IPF and 10 healthy volunteers undergo FAPI PET/CT after 150-200 MBq "
                "[68Ga]Ga-FAPI-46 IV.",
        arms=[_arm("IPF patients", "EXPERIMENTAL", "FAPI PET/CT at baseline and 12 months",
                   ["Drug: [68Ga]Ga-FAPI-46"]),
              _arm("Healthy volunteers", "EXPERIMENTAL", "FAPI PET/CT once", ["Drug: [68Ga]Ga-FAPI-46"])],
        interventions=[_intervention("DRUG", "[68Ga]Ga-FAPI-46", "150-200 MBq IV", ["IPF patients",
                                                                                   "Healthy volunteers"])],
        primary_outcomes=[("Lung SUVmax", "60 minutes after injection")],
        criteria="Inclusion Criteria:\n\nPatients:\n\n* IPF by ATS/ERS 2022 criteria\n\nHealthy volunteers:\n\n"
                 "* No lung disease, normal spirometry\n* Age >= 50 years\n\nExclusion Criteria:\n\n* Pregnancy "
                 "or breastfeeding\n* Claustrophobia", countries=("Germany",)),
    # 84. arms with doses per period and part; loading and maintenance; mg vs g
    completed(
        "NCT05801284", "Cefazolin 2 g Versus 3 g Prophylaxis in Obese Women Undergoing Caesarean Delivery",
        "Standard (2 g) Versus High-dose (3 g) Cefazolin for Surgical Site Infection Prophylaxis in Women With "
        "BMI >= 35 Having Caesarean Delivery: a Randomized Trial", "Women and Infants Hospital of Rhode Island",
        phases=["PHASE4"], design=randomised(masking="TRIPLE", purpose="PREVENTION",
                                              who=["PARTICIPANT", "INVESTIGATOR", "OUTCOMES_ASSESSOR"]),
        enrollment=(400, A), conditions=["Surgical Site Infection", "Obesity", "Cesarean Section"], sex="FEMALE",
        summary="Women with BMI >= 35 kg/m2 receive cefazolin 2 g or 3 g IV within 60 minutes before skin "
                "incision, with azithromycin 500 mg IV if in labour.",
        arms=[_arm("Cefazolin 2 g", "ACTIVE_COMPARATOR", "2000 mg IV before incision", ["Drug: Cefazolin 2 g"]),
              _arm("Cefazolin 3 g", "EXPERIMENTAL", "3000 mg IV before incision", ["Drug: Cefazolin 3 g"])],
        interventions=[_intervention("DRUG", "Cefazolin 2 g", "2 g IV in 100 mL saline", ["Cefazolin 2 g"]),
                       _intervention("DRUG", "Cefazolin 3 g", "3 g IV in 100 mL saline", ["Cefazolin 3 g"])],
        primary_outcomes=[("Surgical site infection (CDC criteria)", "30 days after delivery")],
        secondary_outcomes=[("Adipose tissue cefazolin concentration", "At skin closure")],
        criteria="Inclusion Criteria:\n\n* Pregnant women >= 18 years, BMI >= 35 at delivery\n* Scheduled or "
                 "unscheduled caesarean\n\nExclusion Criteria:\n\n* Cephalosporin or penicillin allergy "
                 "(anaphylaxis)\n* Antibiotics within 7 days (except GBS prophylaxis with penicillin G)"),
    # 85. crossover BE with per-period doses, reference-scaled, highly variable drug
    completed(
        "NCT05801285", "Replicate Crossover Bioequivalence of Two Dabigatran Etexilate 150 mg Capsules",
        "An Open, Randomised, Four-period, Two-sequence, Fully Replicate Crossover Bioequivalence Study of "
        "Dabigatran Etexilate 150 mg Capsules in Healthy Volunteers Under Fasting Conditions", "Zentiva, k.s.",
        org_class="INDUSTRY", phases=["PHASE1"], design=randomised(masking="NONE", model="CROSSOVER",
                                                                    purpose="OTHER"),
        enrollment=(64, A), conditions=["Healthy"], healthy=True, max_age="55 Years",
        summary="Sequence TRTR or RTRT; one 150 mg capsule per period, 7-day washout. Reference-scaled average "
                "bioequivalence (RSABE) for Cmax because the within-subject CV of the reference exceeds 30%.",
        arms=[_arm("TRTR", "EXPERIMENTAL", "Test 150 mg, Reference 150 mg, Test 150 mg, Reference 150 mg",
                   ["Drug: Dabigatran etexilate (Test)", "Drug: Pradaxa (Reference)"]),
              _arm("RTRT", "EXPERIMENTAL", "Reference, Test, Reference, Test, 150 mg each period",
                   ["Drug: Dabigatran etexilate (Test)", "Drug: Pradaxa (Reference)"])],
        interventions=[_intervention("DRUG", "Dabigatran etexilate (Test)", "150 mg hard capsule (as mesilate)",
                                     ["TRTR", "RTRT"]),
                       _intervention("DRUG", "Pradaxa (Reference)", "Dabigatran etexilate 150 mg capsule",
                                     ["TRTR", "RTRT"])],
        primary_outcomes=[("Cmax and AUC0-t of free and total dabigatran", "Up to 48 hours post-dose in each "
                                                                          "period")],
        criteria="Inclusion Criteria:\n\n* Healthy Caucasian males and females 18-55 years\n* BMI 18.5-30\n\n"
                 "Exclusion Criteria:\n\n* Bleeding disorder or abnormal coagulation tests\n* Use of P-gp "
                 "inhibitors or inducers (e.g. verapamil, rifampicin) within 30 days", countries=("Czechia",)),
    # 86. dose escalation by part with per-part doses in arms, Chinese sponsor's wording
    completed(
        "NCT05801286", "HRS-1780 in Subjects With Chronic Kidney Disease",
        "A Phase 1 Study of Safety, Tolerability and Pharmacokinetics of Single and Multiple Ascending Doses of "
        "HRS-1780 in Subjects With CKD", "Jiangsu HengRui Medicine Co., Ltd.", org_class="INDUSTRY",
        phases=["PHASE1"], design=randomised(masking="DOUBLE", model="SEQUENTIAL", who=["PARTICIPANT",
                                                                                         "INVESTIGATOR"]),
        enrollment=(72, A), conditions=["Chronic Kidney Disease"],
        summary="Part 1 (SAD): 10 mg, 20 mg, 40 mg single dose; Part 2 (MAD): 20 mg and 40 mg once daily for 14 "
                "days. In each cohort subjects are randomized 8:2 to HRS-1780 or placebo.",
        arms=[_arm("SAD cohort 1", "EXPERIMENTAL", "HRS-1780 10 mg or placebo, single dose",
                   ["Drug: HRS-1780", "Drug: Placebo"]),
              _arm("SAD cohort 2", "EXPERIMENTAL", "HRS-1780 20 mg or placebo, single dose",
                   ["Drug: HRS-1780", "Drug: Placebo"]),
              _arm("SAD cohort 3", "EXPERIMENTAL", "HRS-1780 40 mg or placebo, single dose",
                   ["Drug: HRS-1780", "Drug: Placebo"]),
              _arm("MAD cohort 1", "EXPERIMENTAL", "HRS-1780 20 mg or placebo QD x 14 days",
                   ["Drug: HRS-1780", "Drug: Placebo"]),
              _arm("MAD cohort 2", "EXPERIMENTAL", "HRS-1780 40 mg or placebo QD x 14 days",
                   ["Drug: HRS-1780", "Drug: Placebo"])],
        interventions=[_intervention("DRUG", "HRS-1780", "Tablet 10 mg; 10-40 mg", ["SAD cohort 1", "SAD cohort 2",
                                                                                   "SAD cohort 3", "MAD cohort 1",
                                                                                   "MAD cohort 2"]),
                       _intervention("DRUG", "Placebo", "Matching tablet", ["SAD cohort 1", "SAD cohort 2",
                                                                            "SAD cohort 3", "MAD cohort 1",
                                                                            "MAD cohort 2"])],
        primary_outcomes=[("Incidence of adverse events", "Up to Day 8 (SAD) or Day 21 (MAD)")],
        criteria="Inclusion Criteria:\n\n1. Age 18-70 years (including boundary values), male or female;\n2. "
                 "eGFR 15-59 mL/min/1.73m2;\n3. Female subjects of childbearing age and male subjects whose "
                 "partner is a woman of childbearing age agree to take effective contraceptive measures.\n\n"
                 "Exclusion Criteria:\n\n1. Dialysis or kidney transplant;\n2. Serum potassium > 5.5 mmol/L.",
        max_age="70 Years", countries=("China",)),
    # 87. women-only study with a male condition word in a keyword, and male-pattern condition in women
    completed(
        "NCT05801287", "Low-dose Oral Minoxidil for Female Pattern Hair Loss",
        "Oral Minoxidil 1 mg Versus Topical Minoxidil 5% for Female Pattern Hair Loss: Randomized Trial",
        "Universidade de São Paulo", phases=["PHASE3"], design=randomised(masking="SINGLE",
                                                                           who=["OUTCOMES_ASSESSOR"]),
        enrollment=(100, A), conditions=["Androgenetic Alopecia", "Female Pattern Baldness"], sex="FEMALE",
        keywords=["male pattern hair loss in women", "minoxidil"],
        summary="Women with female pattern hair loss (Ludwig I-II) receive oral minoxidil 1 mg daily or topical "
                "minoxidil 5% foam once daily for 24 weeks.",
        arms=[_arm("Oral minoxidil", "EXPERIMENTAL", "1 mg tablet daily", ["Drug: Oral minoxidil"]),
              _arm("Topical minoxidil", "ACTIVE_COMPARATOR", "5% foam 1 mL daily", ["Drug: Topical minoxidil"])],
        interventions=[_intervention("DRUG", "Oral minoxidil", "1 mg", ["Oral minoxidil"]),
                       _intervention("DRUG", "Topical minoxidil", "5% foam", ["Topical minoxidil"])],
        primary_outcomes=[("Change in total hair density (trichoscopy)", "Week 24")],
        criteria="Inclusion Criteria:\n\n* Women 18-65 with FPHL\n\nExclusion Criteria:\n\n* Pregnancy or "
                 "breastfeeding\n* Hypotension\n* Hair loss of other cause (telogen effluvium, alopecia areata)",
        max_age="65 Years", countries=("Brazil",)),
]

RECORDS += [
    # 88. a defect: masking NONE while the outcome assessors are said not to know the groups
    completed(
        "NCT05801288", "Kinesio Taping Versus Exercise in Chronic Neck Pain",
        "Effectiveness of Kinesio Taping Added to Exercise Therapy in Patients With Chronic Non-specific Neck Pain: "
        "a Randomized Controlled Trial", "Pamukkale University", phases=["NA"],
        design=randomised(masking="NONE"), enrollment=(60, A), conditions=["Neck Pain"], max_age="65 Years",
        countries=("Turkey",),
        summary="Patients were randomly allocated by computer generated list into two groups: exercise program "
                "alone, or exercise program plus kinesio taping, 3 times a week for 4 weeks. Outcome assessors "
                "were not aware of group assignment.",
        arms=[_arm("Exercise + taping", "EXPERIMENTAL", "Kinesio tape applied twice a week plus exercises",
                   ["Other: Kinesio taping", "Other: Exercise"]),
              _arm("Exercise", "ACTIVE_COMPARATOR", "Neck stabilisation exercises 3 times a week",
                   ["Other: Exercise"])],
        interventions=[_intervention("OTHER", "Kinesio taping", None, ["Exercise + taping"]),
                       _intervention("OTHER", "Exercise", "Stretching and deep cervical flexor training",
                                     ["Exercise + taping", "Exercise"])],
        primary_outcomes=[("Neck Disability Index", "4 weeks")],
        criteria="Inclusion Criteria:\n\n* Neck pain > 3 months\n* Age 18-65\n\nExclusion Criteria:\n\n* Cervical "
                 "radiculopathy\n* Skin allergy to tape\n* Previous neck surgery"),
]
