"""Cases of contradictions.title_phase_differs: the phase a study's title states against the phase the record gives.

FIRES and QUIET are phrase-level (title, phase as given): tests/checks/test_title_phase.py runs them through the pure
function. CASES (tests/checks/test_rule_cases.py runs them) put a few of them in the warehouse.
"""
from __future__ import annotations

from tests.checks.harness import Case

RULE = "contradictions.title_phase_differs"

# (title, studies.phase, severity): a title that names this study's phase as other than the record gives.
FIRES = [
    ("A Phase III, Randomized, Double-blind, Placebo-controlled Study of Tildrakizumab in Adults With Moderate to "
     "Severe Plaque Psoriasis", "PHASE2", "warning"),
    ("A Randomised Phase II Trial of Stereotactic Body Radiotherapy Versus Conventional Palliative Radiotherapy for "
     "Painful Bone Metastases", "NA", "warning"),
    ("Phase I/II Study of Ruxolitinib in Combination With Decitabine in Patients With Accelerated or Blast Phase "
     "Myeloproliferative Neoplasms", "PHASE2", "warning"),
    ("A Phase 1, Open-label, First-in-human Study of ABC-1234 in Healthy Adult Volunteers", "PHASE4", "warning"),
    ("A Phase 2/3, Multicenter, Randomized, Placebo-controlled Study of Inhaled Interferon Beta in Hospitalized "
     "Adults With COVID-19", "PHASE3", "warning"),
    ("A Phase IV, Open-label, Single-arm Study of Insulin Degludec in Insulin-naive Adults With Type 2 Diabetes",
     "PHASE3", "warning"),
    ("A Phase 1b/2 Study of Sotorasib in Combination With Panitumumab in Patients With KRAS G12C-mutated "
     "Metastatic Colorectal Cancer", "PHASE1", "warning"),
    ("Phase II Trial of a Mindfulness-Based Stress Reduction Program for Family Caregivers of Persons With "
     "Dementia", "NA", "warning"),
    ("A Randomized Controlled Phase III Trial of Laparoscopic Versus Open Distal Gastrectomy for Advanced Gastric "
     "Cancer", "NA", "warning"),
    ("Efficacy and Safety of Dupilumab in Children With Uncontrolled Asthma: a Phase 3 Randomized, Double-blind, "
     "Placebo-controlled Trial", "PHASE2", "warning"),
    ("Phase 0 Study of Olaparib Penetration Into Recurrent Glioblastoma", "PHASE2", "warning"),
    ("An Early Phase I Pilot Study of Psilocybin-assisted Therapy for Treatment-resistant Depression", "PHASE2",
     "warning"),
    ("A Phase IIIb, Open-label, Multicenter Study of Ocrelizumab in Patients With Relapsing Multiple Sclerosis",
     "PHASE2", "warning"),
    ("A Phase IIa, Randomized, Double-Blind, Placebo-Controlled Study of GSK1234567 in Adults With Chronic Cough",
     "PHASE3", "warning"),
    ("PHASE II STUDY OF IRINOTECAN AND CISPLATIN IN PATIENTS WITH PREVIOUSLY UNTREATED ADVANCED GASTRIC CANCER",
     "PHASE3", "warning"),
    ("A Multicentre Phase \u2162 Clinical Trial of Anlotinib Plus Chemotherapy in Extensive-stage Small Cell Lung "
     "Cancer", "PHASE2", "warning"),
    ("Phase-II Study of Low-dose Radiotherapy for Painful Knee Osteoarthritis", "NA", "warning"),
    ("A Phase I-II Study of Dinutuximab Beta in Children With Relapsed or Refractory Neuroblastoma", "PHASE2",
     "warning"),
    ("A Phase 1/Phase 2 Study of ONC201 in Adults With Recurrent H3 K27M-mutant Glioma", "PHASE1", "warning"),
    ("A Seamless Phase 2/3 Study to Evaluate Two Doses of Remdesivir in Patients With Severe COVID-19", "PHASE2",
     "warning"),
    ("A Phase 1 Dose Escalation and Phase 2 Expansion Study of XL092 in Subjects With Advanced Solid Tumors",
     "PHASE1", "warning"),
    ("Long-term Extension of Lanadelumab in Hereditary Angioedema: A Phase 3, Open-label, Multicenter Study",
     "PHASE2", "warning"),
    ("A Phase I and II Study of Weekly Paclitaxel With Concurrent Radiotherapy in Locally Advanced Head and Neck "
     "Cancer", "PHASE2", "warning"),
    ("Phase 3 Trial of Tranexamic Acid in Women Undergoing Caesarean Delivery (TRAAP2)", "PHASE4", "warning"),
    ("A Phase 4 Randomized Trial Comparing Two Licensed High-dose Influenza Vaccines in Adults 65 Years of Age and "
     "Older", "NA", "warning"),
    ("A Phase 2 Study of Tucatinib With Trastuzumab and Capecitabine With a Phase 1b Safety Run-in", "PHASE3",
     "warning"),
    ("Phase III Trial of Hypofractionated Versus Conventional Whole Breast Irradiation", "PHASE1/PHASE2", "warning"),
    ("A Phase 1/2 Trial of Autologous CD30.CAR-T Cells in Relapsed Hodgkin Lymphoma", "PHASE2/PHASE3", "warning"),
    ("A Phase 3 Extension Study to Evaluate the Long-term Safety of Upadacitinib in Participants With Atopic "
     "Dermatitis", "PHASE2", "warning"),
    ("Phase II Multi-institutional Trial of Targeted Supradose Cisplatin Chemoradiation for Stage IV Head and Neck "
     "Cancer", "PHASE1", "warning"),
    ("Phase II Trastuzumab Deruxtecan in HER2-low Metastatic Breast Cancer", "PHASE3", "warning"),
    # A title's one phase of the record's two, and Phase 1 against Early Phase 1: info.
    ("A Multi-center Prospective Randomized Phase II Clinical Trial of a Hyaluronan Gel in Lumbar Laminectomy",
     "PHASE2/PHASE3", "info"),
    ("A Phase 2 Study of Sitravatinib in Patients With Advanced Liposarcoma", "PHASE1/PHASE2", "info"),
    ("A Phase I Study of Intratumoral Injection of Oncolytic Virus in Recurrent Glioma", "EARLY_PHASE1", "info"),
    ("Phase 0 Microdosing Study of [14C]-Labelled ABC-123 in Healthy Men", "PHASE1", "info"),
]

# (title, studies.phase): a title whose phase agrees, is another study's or a part's, is no trial's, or that the
# registry cannot give better.
QUIET = [
    ("A Phase 2b Randomized, Double-blind Study of Selinexor in Relapsed Diffuse Large B-Cell Lymphoma", "PHASE2"),
    ("A Phase Ib/II Trial of Cadonilimab With Anlotinib in Checkpoint Inhibitor-experienced NSCLC", "PHASE1/PHASE2"),
    ("A Phase IIIb Single Arm, Open-label, Multicentre Study of Durvalumab and Tremelimumab in Advanced HCC",
     "PHASE3"),
    ("A Phase Ib/III, Open-label, Randomised Study of Capivasertib Plus CDK4/6 Inhibitors and Fulvestrant",
     "PHASE3"),
    ("A Phase 1/3 Study of Intranasal Vaccine Candidate Against RSV in Older Adults", "PHASE1"),
    ("An Open-label Extension of the Phase 3 Study ABC-301 to Evaluate Long-term Safety of Vamorolone", "PHASE4"),
    ("A Rollover Study for Participants From Phase 2 Studies of Ibrutinib", "PHASE3"),
    ("Long-term Follow-up of Participants From Phase 1 Gene Therapy Studies of Lentiviral Vectors", "NA"),
    ("A Phase 2/3 Adaptive Study of Molnupiravir; Phase 2 Portion Selects the Dose", "PHASE2/PHASE3"),
    ("A Phase 1 Dose Escalation and Phase 2 Expansion Study of XL092 in Subjects With Advanced Solid Tumors",
     "PHASE1/PHASE2"),
    ("Phase II Cardiac Rehabilitation Delivered at Home With Telemonitoring After Myocardial Infarction", "NA"),
    ("Induction of Phase II Enzymes by Sulforaphane-rich Broccoli Sprout Extract in Former Smokers", "NA"),
    ("Luteal Phase Support With Vaginal Progesterone in Frozen Embryo Transfer Cycles", "PHASE4"),
    ("Dasatinib in Newly Diagnosed Chronic Phase Chronic Myeloid Leukemia", "PHASE2"),
    ("Phase 0 Study of Niraparib Penetration Into Newly Diagnosed Glioblastoma", "EARLY_PHASE1"),
    ("Early Phase 1 Trial of Intranasal Oxytocin in Adolescents With Anorexia Nervosa", "EARLY_PHASE1"),
    ("A Phase \u2163,Open,Multicenter,Single Arm Study of Conmana With Thalidomide in NSCLC", "PHASE4"),
    ("A Phase III Randomised Trial of Adjuvant Capecitabine in Triple-negative Breast Cancer", None),
    ("Phase 1b Study of Naptumomab Estafenatox With Durvalumab in Advanced Solid Tumors", "PHASE1/PHASE2"),
    ("A Phase IIb, Randomized, Placebo-controlled Study of Resmetirom in NASH With Fibrosis", "PHASE2/PHASE3"),
    ("A Phase IIa Proof of Concept Study of Linzagolix in Adenomyosis", "PHASE1/PHASE2"),
    ("A Phase 3, 52-Week, Randomized, Double-blind Study of Tezepelumab in Severe Asthma", "PHASE3"),
    ("A Study of Ofatumumab in Participants Who Completed a Phase 3 Trial in Relapsing Multiple Sclerosis",
     "PHASE4"),
    ("Continued Access to Baricitinib for Participants Enrolled in Prior Phase 2 and 3 Trials", "PHASE3"),
    ("Phase 2 of the Diabetes Prevention Program Outcomes Study: Lifestyle Intervention in Older Adults", "NA"),
    ("A Two-Phase, Randomized Trial of Cognitive Behavioural Therapy for Insomnia in Adolescents", "NA"),
    ("Extended Maintenance Protocol for Phase I/II Clinical Study of Nystatin I.V. in Patients With HIV Infection",
     "PHASE1"),
    ("A Phase 2 Study of Tucatinib With Trastuzumab and Capecitabine With a Phase 1b Safety Run-in", "PHASE2"),
    ("Phase I/II Study of Oral Topotecan in Advanced NSCLC (Phases I and II) and Other Solid Tumors (Phase I Only)",
     "PHASE1/PHASE2"),
    ("A Phase 1/2 Dose Finding Study of Poziotinib in Japanese Patients With Advanced NSCLC", "PHASE1/PHASE2"),
    ("A Phase Ia/Ib Open-label, Dose-escalation Study of ROSE12 in Advanced Solid Tumors", "PHASE1"),
    ("Safety of Continued Zuranolone Treatment in Participants Who Rolled Over From Phase 3 Trials", "PHASE3"),
    ("Effect of Phase I Periodontal Therapy on Glycaemic Control in Adults With Type 2 Diabetes", "NA"),
    ("Phase II Complete Decongestive Therapy With Adjustable Compression Wraps in Breast Cancer-related Lymphedema",
     "NA"),
    ("SBIR Phase II: A Mobile Application to Improve Medication Adherence in Older Adults With Hypertension", "NA"),
    ("Open-label Extension Study for Participants Who Completed Study ABC-201 (a Phase 2 Study) of Zilucoplan",
     "PHASE3"),
    ("A Phase I and Pharmacokinetic Study of Oral Topotecan in Children With Refractory Solid Tumors", "PHASE1"),
    ("A First-in-human Study to Determine the Recommended Phase 2 Dose of JNJ-75276617 in Acute Leukemia", "PHASE1"),
    ("A Phase 1 Study to Establish the Phase 2 Dose of Oral Azacitidine With Venetoclax in AML", "PHASE1"),
    ("Development (Phase 1) and Pilot Testing (Phase 2) of a Smartphone Intervention for Smoking Cessation", "NA"),
    ("Telehealth Phase 2 Exercise Programme After Cardiac Surgery", "NA"),
    ("Phase 1: Development of a Peer-delivered Mobile Intervention for Postpartum Depression", "NA"),
    ("Phase 1.5 Study of Intravesical Gemcitabine in Non-muscle Invasive Bladder Cancer", "PHASE1/PHASE2"),
    ("Phase 1 Insulin Secretion After a Single Dose of Exenatide in Type 2 Diabetes", "NA"),
    ("Phase 2 Insulin Response to an Oral Glucose Load After Sitagliptin", "PHASE4"),
    ("Drug X in Advanced Solid Tumours: A Phase I Study With Expansion Into Phase II", "PHASE1"),
]

OBSERVATIONAL_RULE = "contradictions.observational_title_phase"
# Titles of studies registered as observational that name this study's phase as a trial's.
OBSERVATIONAL_FIRES = [
    "A Phase I Hexaminolevulinate Dose-Finding Study Applying Different Formulations to the Cervix",
    "Phase III Randomized Trial of Low-dose Aspirin in Pregnancy",
    "A Phase 0 Microdosing Study of Radiolabelled Erlotinib in Lung Cancer",
    "A Phase II, Open-label Study of Metformin in Women With Polycystic Ovary Syndrome",
    "Phase 1/2 Study of Autologous CAR T Cells in Relapsed B-cell Lymphoma",
    "An Early Phase 1 Study of Intranasal Oxytocin in Autism",
    "Safety and Pharmacokinetics of Drug X in Healthy Volunteers: a Phase 1 Trial",
    "A Phase 1 Study of Intranasal Ketamine in Healthy Volunteers",
    "Pharmacokinetics of Oral Levetiracetam in Neonates: A Phase I Study",
]
# Titles of observational studies that name no phase of their own, a Phase 4, another study's, or research whose
# phases are its own.
OBSERVATIONAL_QUIET = [
    "A Phase IV Observational Study of Insulin Degludec in Routine Care",
    "A Phase 3/4 Post-marketing Safety Study of Vaccine X",
    "Long-term Follow-up of Participants From the Phase 3 Study ABC-301",
    "Cohort Survey on Acute Phase Safety in Persons at High Risk of Severe COVID-19",
    "Phase II of the Nurses' Health Study",
    "Registry of Patients Treated in Phase 1 Oncology Trials",
    "A Phase 2, Prospective, Observational Study of Biomarkers of Response to Immunotherapy",
    "Observational Extension of the Phase 3 Trial of Drug X",
    "A Phase II Diagnostic Accuracy Study of Contrast-enhanced Ultrasound in Liver Lesions",
    "Phase II Cardiac Rehabilitation Outcomes in Older Adults",
    "Quality of Life in the Recovery Phase After Stroke",
    "Ancillary Study to a Phase 3 Trial of Bempedoic Acid: Genetic Determinants of Response",
    "Long-term Safety of Patients Who Received Valoctocogene Roxaparvovec in a Phase 1/2 Trial",
    "Immune Correlates in Stored Sera of Vaccinees in a Phase III Trial of an RSV Vaccine",
    "Motives and Expectations of Patients Entering a Phase 1 Oncology Trial",
    "Companion Study to Phase II Trial of Neoadjuvant Chemotherapy in Bladder Cancer",
    "Phase 1 Insulin Secretion in Obese Adolescents With Prediabetes",
]


def titles(official: str | None, brief: str | None, phase: str | None, study_type: str = "INTERVENTIONAL",
           outline: str | None = None):
    """A change that sets the study's titles, its phase and its type (and its detailed description)."""
    def change(s):
        s["studies"][0].update(official_title=official, brief_title=brief, phase=phase, study_type=study_type)
        if outline is not None:
            s["detailed_descriptions"] = [{"description": outline}]
    return change


# An observational protocol that numbers its own stages of procedures as phases, and a trial's outline.
STAGES_OUTLINE = ("PROTOCOL OUTLINE: Phase I: Patients undergo fasting for urine and blood endocrine assessments.\n\n"
                  "Phase II: Patients with any abnormal tests during phase I undergo 24 hour inpatient dynamic "
                  "testing.")
TRIAL_OUTLINE = ("PROTOCOL OUTLINE: Phase I: Patients receive escalating doses of drug X IV.\n\n"
                 "Phase II: Patients receive drug X at the maximum tolerated dose.")


CASES = [
    Case(RULE, True, titles("A Randomised Phase III Non-inferiority Trial of Reduced-dose Radiotherapy in Lymphoma",
                            "Radiotherapy Dose in Lymphoma", "NA"), note="Phase III in the title, N/A as data"),
    Case(RULE, True, titles("Baricitinib in Primary Sjogren's Syndrome", "A Phase 3 Study of Baricitinib in "
                            "Sjogren's Syndrome", "PHASE2"), note="the brief title's phase"),
    Case(RULE, False, titles("A Phase 2b Study of Baricitinib in Primary Sjogren's Syndrome", None, "PHASE2"),
         note="a subphase agrees with its phase"),
    Case(RULE, False, titles("A Phase IV Observational Study of Baricitinib in Routine Care", None, None,
                             "OBSERVATIONAL"), note="an observational study has no phase"),
    Case(OBSERVATIONAL_RULE, True, titles("A Phase I Dose-finding Study of Topical Hexaminolevulinate", None, None,
                                          "OBSERVATIONAL"), note="a trial's phase in an observational record"),
    Case(OBSERVATIONAL_RULE, False, titles("A Phase IV Observational Study of Baricitinib in Routine Care", None,
                                           None, "OBSERVATIONAL"), note="a post-marketing Phase IV"),
    Case(OBSERVATIONAL_RULE, False, titles("A Phase I Dose-finding Study of Topical Hexaminolevulinate", None,
                                           "PHASE1"), note="an interventional record"),
    Case(OBSERVATIONAL_RULE, False, titles(None, "Phase I/II Study of Neuroendocrine Dysfunction in Head Injury", None,
                                           "OBSERVATIONAL", STAGES_OUTLINE), note="the protocol's own stages"),
    Case(OBSERVATIONAL_RULE, True, titles(None, "Phase I/II Study of Neuroendocrine Dysfunction in Head Injury", None,
                                          "OBSERVATIONAL", TRIAL_OUTLINE), note="a trial's phases in the outline"),
]
