"""meddatax study pages as users copy or save them from a browser, read as the record gives them: the site's controls
kept as lines ('Show more', 'Show all 45 locations', 'Back to top'), a reader view's head, dates, statuses and counts
in the site's display forms, tabs, no-break spaces and curly quotes; a text the page shows cut is said. Compact groups
and interventions whose lines may be read more than one way are a load problem, and a 'Why Stopped' shown over lines
is read whole. Each beside a nearby page that reads as before; and a sample of the corpus's records round-tripped."""
from __future__ import annotations

import json
import re

import pytest

from flows.parsers import aggregator_text, ctgov_json_v2
from flows.parsers.aggregator_text import compact_arms
from tests.parsers.meddatax_render import render
from tests.parsers.page_variants import AS_SHOWN as _AS_SHOWN, COMPACT as _COMPACT, LABELLED as _LABELLED
from tests.parsers.page_variants import all_but as _but, read_variant as _read, same_study as _same
from tests.parsers.test_pages_roundtrip_meddatax import _FIELDS, _GROUP_TABLES, _GROUPS_UNDECIDED, _rows
from tests.shared_corpus import CORPUS, needs_corpus

_CUT = "unreadable value: a text the page shows cut"
_GROUPS = compact_arms.UNDECIDED


def _replaced(page: str, old: str, new: str) -> str:
    assert old in page
    return page.replace(old, new, 1)


def _gap(base: str) -> str:
    return "\n\n" if base is _LABELLED else "\n"


def _after(base: str, heading: str, line: str) -> str:
    """The page with `line` right above the heading, as a copy keeps a control at the foot of the section above."""
    gap = _gap(base)
    return _replaced(base, f"{gap}{heading}\n", f"{gap}{line}{gap}{heading}\n")


_BOTH = pytest.mark.parametrize("base", [_LABELLED, _COMPACT], ids=["labelled", "compact"])


# A text's expander, a list's expander and a link back to the top, kept by a copy --------------------------------------

@_BOTH
@pytest.mark.parametrize("control", ["Show more", "Read more", "Show less", "+ Show more", "Show more \u25bc",
                                     "READ MORE", "See less", "View more details"])
@pytest.mark.parametrize("heading", ["Conditions", "Study Design", "Sponsors"])
def test_a_text_s_expander_kept_by_a_copy_is_no_line_of_the_study(base, control, heading):
    # new: the word was read into the criteria, a description, a group's title or the title (silently)
    _same(_after(base, heading, control), base)


@_BOTH
@pytest.mark.parametrize("control", ["Show all 45 locations", "View all 3 sites", "Show fewer locations",
                                     "See 12 more locations", "Show all study locations (45)"])
def test_a_list_s_expander_below_the_sites_is_no_site(base, control):
    # new: the line was read as a site's name (silently)
    _same(_after(base, "Countries", control), base)


@_BOTH
@pytest.mark.parametrize("control", ["Back to top", "\u2191 Back to top", "Return to top of page", "Top \u2191",
                                     "Scroll to top"])
def test_a_link_back_to_the_top_at_every_section_s_foot_is_no_line_of_the_study(base, control):
    # new: conditions, countries, ages and sex took the line (an unknown label, or a country more)
    page = base
    for heading in ("Conditions", "Study Design", "Sponsors", "Countries", "Other Identifiers", "More Related Trials"):
        page = _after(page, heading, control)
    _same(page, base)


_SUMMARY = "Systemic sclerosis (SSc) is a systemic autoimmune disease."


@pytest.mark.parametrize("sentence", [
    "Read more about the study at the sponsor's website.",
    "Patients who show more than 3 digital ulcers",
    "Show all",
    "Top",
    "See the protocol for more details",
])
def test_a_line_of_the_study_that_names_a_control_s_words_is_kept(sentence):
    tables = _but(_replaced(_LABELLED, _SUMMARY, f"{_SUMMARY}\n\n{sentence}"), _LABELLED, "brief_summaries")
    assert sentence in tables["brief_summaries"][0]["description"]


@pytest.mark.parametrize("cut", ["{text}\u2026\n\nShow more", "{text}...\n\nRead more", "{text}... Read more",
                                 "{text}\u2026 [Show more]"])
def test_a_text_the_page_shows_cut_by_its_expander_is_read_as_shown_and_said(cut):
    # new: the text was read cut (and the expander as its last line) without a word
    page = _LABELLED.split("\n")
    at = next(index for index, line in enumerate(page) if line.startswith(_SUMMARY))
    text = page[at][:200].rsplit(" ", 1)[0]
    tables, problems = _read("\n".join(page[:at] + [cut.format(text=text)] + page[at + 1:]), _LABELLED)
    assert problems == [_CUT]
    assert tables["brief_summaries"][0]["description"].rstrip(".\u2026") == text


def test_a_text_that_ends_in_an_ellipsis_above_show_less_is_whole():
    page = _replaced(_LABELLED, _SUMMARY, f"{_SUMMARY} Its causes are unknown\u2026\n\nShow less")
    assert _read(page, _LABELLED)[1] == []


# A reader view's head: the title again, the site's name, a reading time -----------------------------------------------

_LABELLED_TITLE = _LABELLED.split("\n", 1)[0]
_COMPACT_TITLE = _COMPACT.split("\n", 1)[0]


@pytest.mark.parametrize("site, minutes", [("meddatax.com", "8 min read"), ("www.meddatax.com", "7\u20139 minutes"),
                                           ("meddatax", "12 minutes")])
@pytest.mark.parametrize("base, title", [(_LABELLED, _LABELLED_TITLE), (_COMPACT, _COMPACT_TITLE)],
                         ids=["labelled", "compact"])
def test_a_reader_view_s_head_above_the_page_is_no_part_of_the_title(site, minutes, base, title):
    # new: the title shown twice was taken for a print's running header and dropped, and the reading time read as
    # the title (silently)
    gap = _gap(base)
    _same(f"{title}{gap}{site}{gap}{minutes}{gap}{base}", base)


@pytest.mark.parametrize("base, title", [(_LABELLED, _LABELLED_TITLE), (_COMPACT, _COMPACT_TITLE)],
                         ids=["labelled", "compact"])
def test_a_reader_view_that_shows_the_title_only_in_its_head_keeps_it(base, title):
    gap = _gap(base)
    _same(_replaced(base, f"{title}{gap}", f"{title}{gap}meddatax.com{gap}6 min read{gap}"), base)


def test_a_title_that_names_minutes_is_read_whole():
    title = "Effect of 10 Minutes of Daily Walking on Fatigue in Adults With Systemic Sclerosis"
    tables = _but(_replaced(_LABELLED, _LABELLED_TITLE, title), _LABELLED, "studies")
    assert tables["studies"][0]["brief_title"] == title


# The site's display forms, tabs and typography (read as before: guards) -----------------------------------------------

@pytest.mark.parametrize("old, new", [
    ("2024-01-01", "January 1, 2024"), ("2024-01-01", "1 Jan 2024"), ("2025-05-31", "May 31, 2025"),
    ("RECRUITING", "Recruiting"), ("24 participants", "24 Participants"),
])
def test_a_labelled_value_in_the_site_s_display_form_reads_as_its_registry_value(old, new):
    page = _replaced(_LABELLED, f"\n{old}\n", f"\n{new}\n")
    assert _read(page, _LABELLED)[0]["studies"] == _AS_SHOWN[id(_LABELLED)]["studies"]


def test_a_compact_block_in_display_forms_reads_as_its_registry_values():
    page = _COMPACT
    for old, new in (("ACTIVE_NOT_RECRUITING", "Active, not recruiting"), ("60 participants", "1,250 participants"),
                     ("2022-03-08", "March 8, 2022"), ("2026-11-12", "12 Nov 2026")):
        page = _replaced(page, f"\n{old}\n", f"\n{new}\n")
    studies = _read(page, _COMPACT)[0]["studies"]
    assert studies == [{**_AS_SHOWN[id(_COMPACT)]["studies"][0], "enrollment": 1250}]


def test_a_page_copied_with_tabs_no_break_spaces_and_curly_quotes_reads_as_before():
    page = _LABELLED.replace("Recruitment Status\n\nRECRUITING", "Recruitment Status\tRECRUITING")
    page = re.sub(r"(?<=[a-z]) (?=[a-z])", "\u00a0", page)
    tables, problems = _read(page.replace("Spearman's", "Spearman\u2019s"), _LABELLED)
    assert problems == [] and tables["studies"] == _AS_SHOWN[id(_LABELLED)]["studies"]
    assert tables["facilities"] == _AS_SHOWN[id(_LABELLED)]["facilities"]


# Compact groups and interventions that a page leaves undecided --------------------------------------------------------

@pytest.mark.parametrize("groups", [
    ["Diabetic retinopathy cohort", "Mild visual impairment cohort"],
    ["Cohort 1: EGFR exon 20 insertion mutations", "Cohort 2: HER2 exon 20 insertion mutations"],
    ["Group A: adults aged 18-64", "Group B: adults aged 65 years and older"],
    ["Healthy controls", "Age-matched healthy controls"],
])
def test_two_lines_named_alike_are_no_title_and_its_description(groups):
    # new for the first three: the second line was read as the first's description (silently)
    assert (compact_arms.read_sections(groups, []).heads, compact_arms.read_sections(groups, []).arms) == (None, None)


@pytest.mark.parametrize("groups, heads", [
    (["Disc weight", "Estimation of total disc weight"], (("Disc weight", "Estimation of total disc weight"),)),
    (["Head neck cancer", "Histologically diagnosed cases of head and neck cancer"],
     (("Head neck cancer", "Histologically diagnosed cases of head and neck cancer"),)),
    (["IA group", "Immune checkpoint inhibitors plus angiogenesis inhibitors group"],
     (("IA group", "Immune checkpoint inhibitors plus angiogenesis inhibitors group"),)),
    (["Cohort A", "Adults with asthma who use an inhaler daily."],
     (("Cohort A", "Adults with asthma who use an inhaler daily."),)),
])
def test_a_description_that_says_its_title_again_at_length_is_its_description(groups, heads):
    assert compact_arms.read_sections(groups, []).heads == heads


_DISC = ["Chronic Discogenic Low Back Pain", "Patient is skeletally mature and between 21 and 60 years of age.",
         "Patient has Degenerative Disc Disease (DDD) at one or more levels",
         "between L1 and S1 but must have a single level identified as the pain generator.",
         "Patient has adequate disc height (6mm) at the level to be treated",
         "Patient is not responsive to conservative, non-surgical treatment for back pain."]
_DEVICE = ["PerQdisc", "Observational trial to collect post-market safety and efficacy information"]


def test_a_description_s_line_that_begins_mid_sentence_leaves_the_groups_undecided():
    # new: the description's lines were read as three groups, the last with the device (silently)
    decided = compact_arms.read_sections(_DISC + _DEVICE, _DEVICE)
    assert (decided.heads, decided.arms, decided.entries) == (None, None, (tuple(_DEVICE),))


@pytest.mark.parametrize("line", ["an evidence-based app designed for the general population",
                                  "a smoking cessation app for people with HIV"])
def test_a_description_that_begins_with_an_article_in_lower_case_is_read(line):
    groups = ["QuitGuide App", line, "QuitGuide", "Behavioral support."]
    assert compact_arms.read_sections(groups, ["QuitGuide", "Behavioral support."]).heads == (("QuitGuide App", line),)


_GAME = ["Computerized cognitive training (CCT) using EndeavorRx",
         "The EndeavorRx video game is a digital therapeutic designed to improve attention.",
         "\\~25 minutes of EndeavorRx video game play per day, for 5 days/week, for up to 4 weeks"]


def test_a_long_line_below_an_intervention_s_description_leaves_the_interventions_undecided():
    # new: the description's second line was read as a second intervention (silently)
    decided = compact_arms.read_sections([_GAME[0], "Youth-friendly computer game.", *_GAME], _GAME)
    assert (decided.entries, decided.arms) == (None, None)


def test_an_intervention_of_a_few_words_below_a_described_one_is_read():
    lines = [*_GAME[:2], "Usual care"]
    decided = compact_arms.read_sections([_GAME[0], "Youth-friendly computer game.", *_GAME[:2], "Control",
                                          "Usual care"], lines)
    assert decided.entries == ((_GAME[0], _GAME[1]), ("Usual care", None))


def test_a_page_s_groups_left_undecided_are_said():
    cohorts = "Cohort 1: EGFR exon 20 insertion mutations\nCohort 2: HER2 exon 20 insertion mutations"
    page = _replaced(_COMPACT, "\nInterventions\n", f"\n{cohorts}\nInterventions\n")
    assert _GROUPS in _read(page, _COMPACT)[1]


# A 'Why Stopped' shown over lines -------------------------------------------------------------------------------------

_COMPLETION = "Study Completion Date\n\n2025-05-31\n"


@pytest.mark.parametrize("shown, whole", [
    ("Why Stopped\n\nThe sponsor decided to stop the study\ndue to slow enrollment.",
     "The sponsor decided to stop the study due to slow enrollment."),
    ("Why Stopped\n\nStudy halted prematurely\nFunding withdrawn by the sponsor",
     "Study halted prematurely Funding withdrawn by the sponsor"),
    ("Why Stopped:\n\nTerminated for business reasons. The sponsor\nwill not pursue the indication.",
     "Terminated for business reasons. The sponsor will not pursue the indication."),
    ("Why Stopped: Low accrual at all sites\nand funding ended", "Low accrual at all sites and funding ended"),
])
def test_a_why_stopped_shown_over_lines_is_read_whole(shown, whole):
    # new: the value was cut after its first line, the rest an 'unknown label' problem
    tables = _but(_replaced(_LABELLED, _COMPLETION, f"{_COMPLETION}\n{shown}\n"), _LABELLED, "studies")
    assert tables["studies"][0]["why_stopped"] == whole


@pytest.mark.parametrize("below", ["\nThe site closed in 2020.", "Study halted\n\nNot provided."])
def test_a_line_a_blank_line_parts_from_why_stopped_is_still_a_problem(below):
    first, _, rest = below.rpartition("\n")
    page = _replaced(_LABELLED, _COMPLETION, f"{_COMPLETION}\nWhy Stopped\n\n{first or 'Low accrual'}\n\n{rest}\n")
    assert "unknown label" in _read(page, _LABELLED)[1]


def test_a_label_below_why_stopped_is_its_own_value():
    page = _replaced(_LABELLED, _COMPLETION, f"{_COMPLETION}\nWhy Stopped\n\nLow accrual\nBiospecimen Retention\n\n"
                                             "NONE_RETAINED\n")
    studies = _but(page, _LABELLED, "studies")["studies"][0]
    assert (studies["why_stopped"], studies["biospec_retention"]) == ("Low accrual", "NONE_RETAINED")


# A sample of the corpus's records, each page copied from a browser, read back -----------------------------------------

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_STATUSES = {"ACTIVE_NOT_RECRUITING": "Active, not recruiting", "NOT_YET_RECRUITING": "Not yet recruiting",
             "ENROLLING_BY_INVITATION": "Enrolling by invitation", "RECRUITING": "Recruiting", "COMPLETED": "Completed",
             "TERMINATED": "Terminated", "WITHDRAWN": "Withdrawn", "SUSPENDED": "Suspended",
             "UNKNOWN": "Unknown status"}
# The record's status, the first of its values a page shows alone on its line ('UNKNOWN' is also an agency class).
_STATUS_LINE = re.compile(rf"(?m)^({'|'.join(_STATUSES)})$")
_LABEL_LINE = re.compile(r"(?m)^(Recruitment Status|Total Enrollment|Study Start Date|Eligible Sex)\n\n(?=\S)")


def _displayed(date: re.Match) -> str:
    year, month, day = date.group(1), int(date.group(2)), date.group(3)
    return f"{_MONTHS[month - 1]} {int(day)}, {year}" if day else f"{_MONTHS[month - 1]} {year}"


def _copied(page: str, labelled: bool) -> str:
    """The page as a browser's copy or reader view keeps it: its head, the site's controls, display forms, tabs."""
    gap = "\n\n" if labelled else "\n"
    title = page.split("\n", 1)[0]
    page = re.sub(r"(?m)^(\d{4})-(\d{2})(?:-(\d{2}))?$", _displayed, page)
    page = re.sub(r"(?m)^(\d+) participants$", lambda count: f"{int(count.group(1)):,} participants", page)
    page = _STATUS_LINE.sub(lambda status: _STATUSES[status.group(1)], page, count=1)
    page = re.sub(r"(?m)^(.{300,})$", lambda text: f"{text.group(1)}{gap}Show less", page)
    for heading in ("Conditions", "Eligibility Criteria", "Sponsors", "Countries", "More Related Trials"):
        page = page.replace(f"{gap}{heading}\n", f"{gap}Back to top{gap}{heading}\n", 1)
    page = page.replace(f"{gap}Countries\n", f"{gap}Show all {page.count('Site Status')} locations{gap}Countries\n", 1)
    page = _LABEL_LINE.sub(lambda label: f"{label.group(1)}\t", page).replace("Safety and", "Safety\u00a0and")
    return f"{title}{gap}meddatax.com{gap}9 min read{gap}{page}"


def _differences(raw: bytes, labelled: bool) -> set[str]:
    """The tables a record's copied page reads otherwise than the record gives them."""
    want = ctgov_json_v2.parse(raw).records[0].tables
    parsed = aggregator_text.parse(_copied(render(json.loads(raw), labelled), labelled).encode("utf-8"))
    plain = aggregator_text.parse(render(json.loads(raw), labelled).encode("utf-8"))
    assert parsed.records and {problem.reason for problem in parsed.problems} == {
        problem.reason for problem in plain.problems}
    got, shown = parsed.records[0].tables, plain.records[0].tables
    fields = {**_FIELDS, "facilities": ("name", "city", "state", "country", "status")}
    # the page reads as its plain form does, and that as the record where the plain form reads it so
    return {table for table, columns in fields.items() if _rows(got, table, columns) != _rows(shown, table, columns)
            or (labelled and table != "facilities" and _rows(shown, table, columns) != _rows(want, table, columns))}


@needs_corpus
@pytest.mark.parametrize("labelled", [True, False], ids=["labelled", "compact"])
def test_a_sample_of_registry_records_reads_back_from_their_pages_copied_from_a_browser(labelled):
    paths = sorted((CORPUS / "json_v2").glob("*.json"))[::7]
    assert len(paths) >= 40
    differing = {path.stem: sorted(found) for path in paths if (found := _differences(path.read_bytes(), labelled) - (
        _GROUP_TABLES if path.stem in _GROUPS_UNDECIDED else set()))}
    assert differing == {}
