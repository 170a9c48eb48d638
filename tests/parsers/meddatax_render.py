"""A meddatax study page made from an API v2 record, as the site lays a study out: the labelled form (a label above
each value, blank lines between lines) and the compact form (bare values, no blank lines). Written from the site's
pages (tests/golden/aggregator_text), not from the reader: section order, the explainer under every heading, API v2
enum words as the site prints them, dates as the registry gives them, criteria text as the sponsor wrote it."""
from __future__ import annotations

# The explainer sentence the site prints under each heading, in the page's order of sections.
EXPLAINERS = {
    "Study Results": "The study team has not published outcome measurements, participant flow, or safety data for "
                     "this trial yet. Check back later for updates.",
    "Basic Information": "Get a concise snapshot of the trial, including recruitment status, study phase, enrollment "
                         "targets, and key timeline milestones.",
    "Brief Summary": "Review the sponsor-provided synopsis that highlights what the study is about and why it is "
                     "being conducted.",
    "Related Clinical Trials": "Explore similar clinical trials based on study characteristics and research focus.",
    "Detailed Description": "Dive into the extended narrative that explains the scientific background, objectives, "
                            "and procedures in greater depth.",
    "Conditions": "See the medical conditions and disease areas that this research is targeting or investigating.",
    "Study Design": "Understand how the trial is structured, including allocation methods, masking strategies, "
                    "primary purpose, and other design elements.",
    "Study Groups": "Review each arm or cohort in the study, along with the interventions and objectives associated "
                    "with them.",
    "Interventions": "Learn about the drugs, procedures, or behavioral strategies being tested and how they are "
                     "applied within this trial.",
    "Other Intervention Names": "Discover alternative or legacy names that may be used to describe the listed "
                                "interventions across different sources.",
    "Eligibility Criteria": "Check the participation requirements, including inclusion and exclusion rules, age "
                            "limits, and whether healthy volunteers are accepted.",
    "Sponsors": "Meet the organizations funding or collaborating on the study and learn about their roles.",
    "Responsible Party": "Identify the individual or organization who holds primary responsibility for the study "
                         "information submitted to regulators.",
    "Principal Investigators": "Learn about the lead researchers overseeing the trial and their institutional "
                               "affiliations.",
    "Locations": "Explore where the study is taking place and check the recruitment status at each participating "
                 "site.",
    "Countries": "Review the countries where the study has at least one active or historical site.",
    "Other Identifiers": "Review additional registry numbers or institutional identifiers associated with this "
                         "trial.",
    "More Related Trials": "Additional clinical trials that may be relevant based on similarity analysis.",
}
# The masked roles as the site names them under 'Blinding Strategy'.
_WHO_MASKED = {"PARTICIPANT": "Participant", "CARE_PROVIDER": "Care Provider", "INVESTIGATOR": "Investigator",
               "OUTCOMES_ASSESSOR": "Outcome Assessors"}


def render(record: dict, labelled: bool = True) -> str:
    """The page of an API v2 study record, labelled (as 004_NCT06936215) or compact (as 002_NCT05300932)."""
    page = _Page(labelled)
    proto = record["protocolSection"]
    ident, status = proto.get("identificationModule", {}), proto.get("statusModule", {})
    page.line(ident.get("briefTitle", ""))
    page.line(f"NCT ID: {ident['nctId']}")
    if updated := status.get("lastUpdatePostDateStruct", {}).get("date"):
        page.line(f"Last Updated: {updated}")
    page.heading("Study Results", "Results pending" if labelled else None)
    page.heading("Basic Information")
    _basic(page, proto, status)
    description = proto.get("descriptionModule", {})
    page.heading("Brief Summary")
    page.text(description.get("briefSummary"))
    page.heading("Related Clinical Trials")
    page.heading("Detailed Description")
    page.text(description.get("detailedDescription"))
    page.heading("Conditions")
    for condition in proto.get("conditionsModule", {}).get("conditions", []):
        page.line(condition)
    page.heading("Study Design")
    _design(page, proto.get("designModule", {}))
    _arms(page, proto.get("armsInterventionsModule", {}))
    page.heading("Other Intervention Names")
    page.heading("Eligibility Criteria")
    _eligibility(page, proto.get("eligibilityModule", {}))
    _people_places(page, proto)
    page.heading("More Related Trials")
    return page.text_of()


class _Page:
    """Lines of a page: a labelled page parts its lines by blank lines (a text block keeps its own), a compact
    page shows no label and no blank line."""

    def __init__(self, labelled: bool) -> None:
        self.labelled = labelled
        self.lines: list[str] = []

    def line(self, text: str) -> None:
        self.lines.append(text)
        if self.labelled:
            self.lines.append("")

    def heading(self, heading: str, note: str | None = None) -> None:
        self.line(heading)
        if note:
            self.line(note)
        self.line(EXPLAINERS[heading])

    def value(self, label: str, value: object) -> None:
        if value in (None, ""):
            return
        if self.labelled:
            self.line(label)
        self.line(str(value))

    def inline(self, label: str, value: object) -> None:
        """A labelled page's 'Group Type EXPERIMENTAL'; the value alone on a compact page (which shows no types)."""
        if value not in (None, "") and self.labelled:
            self.line(f"{label} {value}")

    def text(self, text: str | None) -> None:
        if not text:
            return
        for line in text.strip().split("\n"):
            if self.labelled:
                self.lines.append(line)
            elif line.strip():
                self.lines.append(line)
        if self.labelled:
            self.lines.append("")

    def text_of(self) -> str:
        while self.lines and not self.lines[-1]:
            self.lines.pop()
        return "\n".join(self.lines) + "\n"


def _basic(page: _Page, proto: dict, status: dict) -> None:
    design = proto.get("designModule", {})
    page.value("Recruitment Status", status.get("overallStatus"))
    if phases := design.get("phases"):
        page.value("Clinical Phase", "/".join(phases))
    count = design.get("enrollmentInfo", {}).get("count")
    page.value("Total Enrollment", None if count is None else f"{count} participants")
    page.value("Study Classification", design.get("studyType"))
    for label, key in (("Study Start Date", "startDateStruct"),
                       ("Primary Completion Date", "primaryCompletionDateStruct"),
                       ("Study Completion Date", "completionDateStruct")):
        page.value(label, status.get(key, {}).get("date"))
    if page.labelled:
        page.value("Why Stopped", status.get("whyStopped"))


def _design(page: _Page, design: dict) -> None:
    info = design.get("designInfo", {})
    page.value("Allocation Method", info.get("allocation"))
    page.value("Intervention Model", info.get("interventionModel"))
    if page.labelled and info.get("interventionModelDescription"):
        page.text(info["interventionModelDescription"])
    page.value("Observational Model", info.get("observationalModel"))
    page.value("Time Perspective", info.get("timePerspective"))
    page.value("Primary Study Purpose", info.get("primaryPurpose"))
    masking = info.get("maskingInfo", {})
    page.value("Blinding Strategy", masking.get("masking"))
    if page.labelled:
        if who := masking.get("whoMasked"):
            page.line(", ".join(_WHO_MASKED[role] for role in who))
        if masking.get("maskingDescription"):
            page.text(masking["maskingDescription"])


def _bare_name(name: str) -> str:
    """An arm's intervention as the registry lists it ('Drug: Baricitinib') by the intervention's own name."""
    kind, _, rest = name.partition(": ")
    return rest if rest and kind.replace(" ", "").replace("/", "").isalpha() and kind[:1].isupper() else name


def _arms(page: _Page, module: dict) -> None:
    interventions = {item["name"]: item for item in module.get("interventions", [])}
    page.heading("Study Groups")
    for group in module.get("armGroups", []):
        page.line(group["label"])
        page.text(group.get("description"))
        page.inline("Group Type", group.get("type"))
        for name in group.get("interventionNames", []):
            item = interventions.get(_bare_name(name), {"name": _bare_name(name)})
            _intervention(page, item)
    page.heading("Interventions")
    for item in module.get("interventions", []):
        _intervention(page, item, type_last=True)


def _intervention(page: _Page, item: dict, type_last: bool = False) -> None:
    page.line(item["name"])
    if not type_last:
        page.inline("Intervention Type", item.get("type"))
    page.text(item.get("description"))
    if type_last:
        page.inline("Intervention Type", item.get("type"))


def _eligibility(page: _Page, module: dict) -> None:
    page.text(module.get("eligibilityCriteria"))
    page.value("Minimum Eligible Age", module.get("minimumAge"))
    page.value("Maximum Eligible Age", module.get("maximumAge"))
    page.value("Eligible Sex", module.get("sex"))
    if (healthy := module.get("healthyVolunteers")) is not None:
        page.value("Accepts Healthy Volunteers", "Yes" if healthy else "No")
    if page.labelled:
        page.value("Sampling Method", module.get("samplingMethod"))
        if module.get("studyPopulation"):
            page.line("Study Population")
            page.text(module["studyPopulation"])


def _people_places(page: _Page, proto: dict) -> None:
    sponsors = proto.get("sponsorCollaboratorsModule", {})
    page.heading("Sponsors")
    for role, sponsor in [("lead", sponsors.get("leadSponsor"))] + [
            ("collaborator", other) for other in sponsors.get("collaborators", [])]:
        if sponsor:
            page.line(sponsor["name"])
            if sponsor.get("class"):
                page.line(sponsor["class"])
            page.inline("Sponsor Role", role)
    page.heading("Responsible Party")
    contacts = proto.get("contactsLocationsModule", {})
    if officials := contacts.get("overallOfficials"):
        page.heading("Principal Investigators")
        for official in officials:
            page.line(official["name"])
            if official.get("role"):
                page.line(f"Role: {official['role']}")
            if official.get("affiliation"):
                page.line(official["affiliation"])
    page.heading("Locations")
    for site in contacts.get("locations", []):
        if site.get("facility"):
            page.line(site["facility"])
        page.line(", ".join(site.get(key) or "" for key in ("city", "state", "country")))
        page.inline("Site Status", site.get("status"))
    page.heading("Countries")
    for country in dict.fromkeys(site["country"] for site in contacts.get("locations", []) if site.get("country")):
        page.line(country)
    page.heading("Other Identifiers")
    ident = proto.get("identificationModule", {})
    if org := ident.get("orgStudyIdInfo", {}).get("id"):
        page.line(org)
        page.line("Identifier Type: -")
        page.line("Identifier Source: org_study_id")
    for other in ident.get("secondaryIdInfos", []):
        page.line(other["id"])
        page.line(f"Identifier Type: {other.get('type') or '-'}")
        page.line("Identifier Source: secondary_id")
