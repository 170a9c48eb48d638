"""meddatax study pages made from real registry records read back as the records give them: a Study Population
written in paragraphs, a site named with its city and country above its address, a cookie notice above the title,
and a page saved at a fixed width (a wrapped title, sponsor, official's affiliation or Basic Information value).
Each read right, beside a nearby page that reads as before; and a sample of the corpus's records round-tripped."""
from __future__ import annotations

import json
import re
import textwrap

import pytest

from flows.parsers import aggregator_text, ctgov_json_v2
from tests.parsers.meddatax_render import render
from tests.parsers.page_variants import AS_SHOWN as _AS_SHOWN, COMPACT as _COMPACT, LABELLED as _LABELLED
from tests.parsers.page_variants import all_but as _but, read_variant as _read
from tests.shared_corpus import CORPUS, needs_corpus


def _wrapped(page: str, width: int = 80) -> str:
    """The page as a copy saved at a fixed width shows it: every longer line wrapped between words."""
    return "\n".join("\n".join(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False))
                     if len(line) > width else line for line in page.split("\n"))


def _replaced(page: str, old: str, new: str) -> str:
    assert old in page
    return page.replace(old, new, 1)


# A Study Population written in paragraphs ----------------------------------------------------------------------------

_AGES_END = "Accepts Healthy Volunteers\n\nNo\n"
_POPULATION = ("A pilot paediatric cohort of 12 patients with acute leukaemia, aged 5-25 years old, will be studied "
               "before and after transplantation.")
_SECOND = "Patients with either of the two types of acute leukaemia will be included."


@pytest.mark.parametrize("second", [_SECOND, "Cases : children with asthma Control : healthy children (PMID: 29170358)",
                                    "* remote areas of district Bahawalpur"])
def test_a_study_population_in_paragraphs_is_read_whole(second):
    # new: the paragraphs below the first were an 'unknown label' problem and the population was cut to one
    page = _replaced(_LABELLED, _AGES_END, f"{_AGES_END}\nStudy Population\n\n{_POPULATION}\n\n{second}\n")
    tables = _but(page, _LABELLED, "eligibilities")
    assert tables["eligibilities"][0]["population"] == f"{_POPULATION}\n{second}"
    assert {key: value for key, value in tables["eligibilities"][0].items() if key != "population"} == _AS_SHOWN[
        id(_LABELLED)]["eligibilities"][0]


def test_a_study_population_in_paragraphs_above_a_sampling_method_keeps_both():
    page = _replaced(_LABELLED, _AGES_END, f"{_AGES_END}\nStudy Population\n\n{_POPULATION}\n\n{_SECOND}\n\n"
                                           "Sampling Method\n\nNON_PROBABILITY_SAMPLE\n")
    row = _but(page, _LABELLED, "eligibilities")["eligibilities"][0]
    assert (row["population"], row["sampling_method"]) == (f"{_POPULATION}\n{_SECOND}", "NON_PROBABILITY_SAMPLE")


def test_a_study_population_of_one_paragraph_reads_as_before():
    page = _replaced(_LABELLED, _AGES_END, f"{_AGES_END}\nStudy Population\n\n{_POPULATION}\n")
    assert _but(page, _LABELLED, "eligibilities")["eligibilities"][0]["population"] == _POPULATION


def test_a_line_below_the_sex_that_no_label_tags_is_still_a_problem():
    page = _replaced(_LABELLED, _AGES_END, f"{_AGES_END}\n{_SECOND}\n")
    tables, problems = _read(page, _LABELLED)
    assert "population" not in tables["eligibilities"][0] or tables["eligibilities"][0]["population"] is None
    assert problems == ["unknown label"]


# A site named with its city and country, above its address -----------------------------------------------------------

_SITE = "BSMMU\n\nDhaka, , Bangladesh\n\nSite Status RECRUITING"


@pytest.mark.parametrize("name, address", [
    ("St. Anna Children's Hospital, Vienna, Austria", "Vienna, , Austria"),
    ("Hospital Sant Joan de Deu, Barcelona, Spain", "Barcelona, Catalonia, Spain"),
    ("Rigshospitalet, Copenhagen, Denmark", "Copenhagen, , 2100, Denmark"),
])
def test_a_site_named_with_its_city_and_country_above_its_address_is_one_site(name, address):
    # new: the name read as an address as well, and then no site of the page was read (a problem)
    page = _replaced(_LABELLED, _SITE, f"{_SITE}\n\n{name}\n\n{address}\n\nSite Status COMPLETED")
    sites = _but(page, _LABELLED, "facilities", "countries")["facilities"]
    assert [site["name"] for site in sites] == ["BSMMU", name]
    assert (sites[1]["city"], sites[1]["country"], sites[1]["status"]) == (address.split(",")[0],
                                                                          address.split(",")[-1].strip(), "COMPLETED")


def test_an_address_above_another_city_s_address_is_still_undecided():
    page = _replaced(_LABELLED, _SITE, f"{_SITE}\n\nGraz Clinic, Graz, Austria\n\nVienna, , Austria")
    tables, problems = _read(page, _LABELLED)
    assert tables.get("facilities", []) == [] and problems == ["unreadable section: site names and addresses undecided"]


# A cookie notice above the title --------------------------------------------------------------------------------------

_LABELLED_TITLE = _LABELLED.split("\n", 1)[0]
_COMPACT_TITLE = _COMPACT.split("\n", 1)[0]


@pytest.mark.parametrize("notice", [
    "We use cookies to improve your experience on our site. Accept all cookies",
    "This website uses cookies to ensure you get the best experience",
    "By continuing you agree to our Cookie Policy and Terms",
    "Accept all cookies",
])
@pytest.mark.parametrize("base, title", [(_LABELLED, _LABELLED_TITLE), (_COMPACT, _COMPACT_TITLE)])
def test_a_cookie_notice_above_the_title_is_not_its_first_line(notice, base, title):
    # new: the notice was taken for the title's first line, and the title refused (a problem)
    gap = "\n\n" if base is _LABELLED else "\n"
    tables, problems = _read(_replaced(base, title, f"{notice}{gap}{title}"), base)
    assert tables == _AS_SHOWN[id(base)] and problems == []


def test_a_title_about_cookies_is_read_whole():
    title = "Fibre-Enriched Cookies and Glycaemic Control in Adults With Type 2 Diabetes"
    tables = _but(_replaced(_LABELLED, _LABELLED_TITLE, title), _LABELLED, "studies")
    assert tables["studies"][0]["brief_title"] == title


def test_a_line_of_many_words_above_a_compact_title_is_still_undecided():
    tables, problems = _read(_replaced(_COMPACT, _COMPACT_TITLE, f"Trials in rheumatology near you\n{_COMPACT_TITLE}"),
                             _COMPACT)
    assert problems == ["unreadable title: its first line undecided"]


# A page saved at a fixed width ----------------------------------------------------------------------------------------

_LONG_SPONSOR = ("State Budgetary Healthcare Institution, National Medical Surgical Center N.A. N.I. Pirogov, Ministry "
                 "of Health of Russia")


def test_a_compact_sponsor_wrapped_by_a_fixed_width_copy_is_one_name():
    # new: the name's second line was read as a second sponsor (a collaborator), and the first had no class
    page = _wrapped(_replaced(_COMPACT, "Union Hospital, Tongji Medical College, Huazhong University of Science and "
                                        "Technology\nOTHER", f"{_LONG_SPONSOR}\nOTHER"))
    tables, _ = _read(page, _COMPACT)
    assert tables["sponsors"][0] == {"agency_class": "OTHER", "lead_or_collaborator": "lead", "name": _LONG_SPONSOR}
    assert len(tables["sponsors"]) == len(_AS_SHOWN[id(_COMPACT)]["sponsors"])


def test_a_compact_title_wrapped_by_a_fixed_width_copy_is_read_whole():
    # new: the title's first line was taken for the site's text above it, and the title refused
    title = ("A Randomized, Controlled Trial of Baricitinib Versus Cyclophosphamide for Skin Tightening in Diffuse "
             "Cutaneous Systemic Sclerosis")
    tables, problems = _read(_wrapped(_replaced(_COMPACT, _COMPACT_TITLE, title)), _COMPACT)
    assert tables["studies"][0]["brief_title"] == title
    assert "unreadable title: its first line undecided" not in problems


_AFFILIATION = "Bangabandhu Sheikh Mujib Medical University, Dhaka, Bangladesh"
_LONG_AFFILIATION = ("Karolinska University Hospital and Karolinska Institutet, Department of Rheumatology, K54, "
                     "Huddinge, SE-141 86 Stockholm, Sweden")


def test_an_official_s_affiliation_wrapped_by_a_fixed_width_copy_is_read_whole():
    # new: the affiliation's second line was an unread line ('unread lines: principal investigators'), the rest cut
    page = _wrapped(_replaced(_LABELLED, f"Role: PRINCIPAL_INVESTIGATOR\n\n{_AFFILIATION}",
                              f"Role: PRINCIPAL_INVESTIGATOR\n\n{_LONG_AFFILIATION}"))
    tables, problems = _read(page, _LABELLED)
    assert tables["overall_officials"][0]["affiliation"] == _LONG_AFFILIATION
    assert "unread lines: principal investigators" not in problems


def test_an_official_s_name_below_a_full_affiliation_line_starts_the_next_official():
    page = _replaced(_LABELLED, f"Role: PRINCIPAL_INVESTIGATOR\n\n{_AFFILIATION}",
                     f"Role: PRINCIPAL_INVESTIGATOR\n\n{_LONG_AFFILIATION}\n\nA. Second\n\nRole: STUDY_CHAIR\n\n"
                     f"{_AFFILIATION}")
    officials = _read(_wrapped(page), _LABELLED)[0]["overall_officials"]
    assert [(row["name"], row["role"]) for row in officials][1:] == [("A. Second", "STUDY_CHAIR")]


_WHY_STOPPED = ("Data Safety Monitoring Board (DSMB) recommendation per Charter stopping rules. The study surpassed "
                "the pre-planned futility boundary.")


def test_a_labelled_why_stopped_wrapped_by_a_fixed_width_copy_is_read_whole():
    # new: the value's second line was an 'unknown label' problem and the reason was cut at the wrap
    page = _replaced(_LABELLED, "Study Completion Date\n\n2025-05-31\n",
                     f"Study Completion Date\n\n2025-05-31\n\nWhy Stopped\n\n{_WHY_STOPPED}\n")
    tables, problems = _read(_wrapped(page), _LABELLED)
    assert tables["studies"][0]["why_stopped"] == _WHY_STOPPED and "unknown label" not in problems


# A sample of the corpus's registry records, each made into a labelled page and read back -----------------------------

def _rows(tables: dict, table: str, columns: tuple[str, ...]) -> list[tuple]:
    return sorted({tuple(_spaced(row.get(column)) for column in columns) for row in tables.get(table, [])}, key=repr)


def _spaced(value: object) -> object:
    """A text with its whitespace as one space (the page shows a record's line breaks as its own)."""
    return " ".join(value.split()).rstrip(",") if isinstance(value, str) else value


_FIELDS = {
    "studies": ("brief_title", "overall_status", "phase", "study_type", "enrollment", "start_date",
                "primary_completion_date", "completion_date", "last_update_posted_date", "why_stopped"),
    "conditions": ("name",),
    "designs": ("allocation", "intervention_model", "primary_purpose", "masking", "observational_model",
                "time_perspective", "intervention_model_description", "masking_description"),
    "design_groups": ("group_type", "title", "description"),
    "interventions": ("intervention_type", "name", "description"),
    "design_group_interventions": ("design_group", "intervention"),
    "eligibilities": ("criteria", "minimum_age", "maximum_age", "gender", "healthy_volunteers", "sampling_method",
                      "population"),
    "sponsors": ("name", "agency_class", "lead_or_collaborator"),
    "overall_officials": ("name", "role", "affiliation"),
    "countries": ("name",),
}
# A site's city and state where the page's commas cannot tell them apart (the reader says so and reads neither).
_SITE_UNDECIDED = "unreadable value: site city and state undecided"
# Every 7th record of the corpus, in file order: a fixed sample of its kinds of record.
_SAMPLE_STEP = 7


def _differences(raw: bytes) -> dict[str, tuple]:
    """The fields a record's labelled page reads otherwise than the record gives them."""
    want = ctgov_json_v2.parse(raw).records[0].tables
    parsed = aggregator_text.parse(render(json.loads(raw)).encode("utf-8"))
    assert parsed.records, [problem.reason for problem in parsed.problems]
    got = parsed.records[0].tables
    site_columns = ("name", "country", "status") if any(
        problem.reason == _SITE_UNDECIDED for problem in parsed.problems) else ("name", "city", "state", "country",
                                                                               "status")
    fields = {**_FIELDS, "facilities": site_columns}
    return {table: (_rows(want, table, columns), _rows(got, table, columns)) for table, columns in fields.items()
            if _rows(want, table, columns) != _rows(got, table, columns)}


# Records whose groups the page cannot tell apart (an observational cohort without interventions whose description
# spans lines, or two groups each of one line): the reader says so or reads them as the page shows them.
_GROUPS_UNDECIDED = frozenset({"NCT03058588", "NCT03571217", "NCT03884920", "NCT05105490", "NCT05999253",
                               "NCT06508918"})


_GROUP_TABLES = {"design_groups", "interventions", "design_group_interventions"}


@needs_corpus
def test_a_sample_of_registry_records_reads_back_from_their_labelled_pages():
    paths = sorted((CORPUS / "json_v2").glob("*.json"))[::_SAMPLE_STEP]
    assert len(paths) >= 40
    differing = {path.stem: sorted(found) for path in paths if (found := _differences(path.read_bytes()).keys() - (
        _GROUP_TABLES if path.stem in _GROUPS_UNDECIDED else set()))}
    assert differing == {}


def test_the_renderer_makes_the_golden_labelled_page_s_shape():
    record = {"protocolSection": {
        "identificationModule": {"nctId": "NCT09000999", "briefTitle": "A Study of Example Drug"},
        "statusModule": {"overallStatus": "RECRUITING", "startDateStruct": {"date": "2024-01-01"},
                         "lastUpdatePostDateStruct": {"date": "2025-04-20"}},
        "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE1", "PHASE2"],
                         "enrollmentInfo": {"count": 24}},
        "sponsorCollaboratorsModule": {"leadSponsor": {"name": "Example University", "class": "OTHER"}}}}
    tables, problems = _read_page(render(record))
    assert problems == [] and tables["studies"][0]["phase"] == "PHASE1/PHASE2"
    assert re.search(r"\nClinical Phase\n\nPHASE1/PHASE2\n", render(record))


def _read_page(page: str) -> tuple[dict, list[str]]:
    parsed = aggregator_text.parse(page.encode("utf-8"))
    return parsed.records[0].tables, [problem.reason for problem in parsed.problems]
