"""The text-page readers' faster readings (string search for patterns that try every position, C-level
passes for line-by-line loops) give exactly what the plain readings they stand for give: on phrase-level
cases that fire and that stay quiet, odd whitespace and Unicode, and any mix hypothesis makes."""
from __future__ import annotations


from hypothesis import given, settings
from hypothesis import strategies as st

from flows.parsers import aggregator_text, labels, page_sections, page_text, page_values, summary_text
from flows.parsers.aggregator_text import design as aggregator_design
from flows.parsers.ctgov_classic_text import header
from flows.parsers.ctgov_classic_text import people_places as classic_people
from flows.parsers.dates import date_columns
from flows.parsers.model import Problem, StudyRecord
from flows.parsers.ctgov_classic_text import design as classic_design
from flows.parsers.page_text import unbullet
from tests.parsers.test_parse_shortcuts import _plain_text_block
from tests.parsers.test_text_page_shortcuts import _plain_assignments

# Pieces of text whose mixes hit every branch: brackets, line breaks, the whitespace str.strip and \s agree on.
_BRACKETED = st.lists(st.sampled_from(["[", "]", " ", "\t", "\u00a0", "\u3000", "\n", "\r", "a", "12 weeks", "x]",
                                       "[y", "\x1c", "\x85", "\u2028"]), max_size=14).map("".join)

MEASURES = [
    "First time to relapse [From baseline to one year after]", "ESSDAI [12 weeks]", "ESSDAI [ 12 weeks ]  ",
    "ESSDAI[12 weeks]", "Events [safety] [From baseline to 52 weeks]", "[12 weeks]", "  [12 weeks]", "ESSDAI",
    "ESSDAI [12 weeks", "ESSDAI 12 weeks]", "ESSDAI [12 [weeks]", "ESSDAI [12] weeks]", "ESSDAI []", "[]", "]", "[",
    "", " ", "ESSDAI [12 weeks]\u00a0", "ESSDAI\u3000[12 weeks]", "ESSDAI [12 weeks] x", "ESSDAI [a\nb]",
    "ES\nSDAI [12 weeks]", "ESSDAI [12 weeks]\n", "ESSDAI [12 weeks]\n\n", "ESSDAI\n[12 weeks]", "[[]]", "a ][ b]",
    "ESSDAI [12 weeks]\x1c", "ESSDAI [12 weeks]\u2028",
]


def test_an_outcome_line_splits_into_measure_and_time_frame_as_the_pattern_splits_it():
    for text in MEASURES:
        assert classic_design._measure(text) == classic_design._measure_by_pattern(text), repr(text)
    assert classic_design._measure("ESSDAI [12 weeks]") == {"measure": "ESSDAI", "time_frame": "12 weeks"}


@settings(max_examples=500, deadline=None)
@given(_BRACKETED)
def test_any_bracketed_text_splits_as_the_pattern_splits_it(text):
    assert classic_design._measure(text) == classic_design._measure_by_pattern(text)


def _plain_outcome_lines(lines: list[str]) -> list[tuple[str, list[str]]]:
    """Numbered outcome lines and the lines under each, every line matched against the pattern."""
    items: list[tuple[str, list[str]]] = []
    for line in lines:
        match = classic_design._NUMBERED.match(line)
        if match and int(match.group(1)) == len(items) + 1:
            items.append((match.group(2).strip(), []))
        elif items:
            items[-1][1].append(line.strip())
    return items


OUTCOME_LINES = ["", "  1. ESSDAI [12 weeks]", "", "    A score.", "  2. Pain [4 weeks]", "2. Again", " ", "\t",
                 "3.x", "  3. Third", "\u00a0", "10. Tenth", "  1. Restart"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(OUTCOME_LINES), max_size=20))
def test_outcome_items_are_read_as_every_line_matched(lines):
    rows = classic_design.outcome_measures(["Primary Outcome Measures", *lines])
    expected = [{"outcome_type": "primary", **classic_design._measure_by_pattern(text),
                 "description": _plain_text_block(more)} for text, more in _plain_outcome_lines(lines)]
    assert rows == expected


BULLETED = ["• X", "* X", "- X", "  •  X  ", "•X", "-X", "--X", "- ", "-", "•", "", " ", "X", "X • Y", "\u00a0• X",
            "\u3000-\tX", "\t*\u00a0X", "• • X", "–X", "– X", "· X", "+ X", "• \n X", "\n- X", "-\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["•", "*", "-", "–", " ", "\t", "\u00a0", "\n", "X", "Drug: A"]), max_size=8).map("".join))
def test_a_bullet_is_taken_off_as_the_pattern_takes_it_off(line):
    for text in (line, *BULLETED):
        assert unbullet(text) == page_text.BULLET.sub("", text).strip(), repr(text)


def _plain_typed_line(line: str, allowed: frozenset[str]) -> tuple[str, str] | None:
    match = classic_design._TYPED.match(page_text.BULLET.sub("", line).strip())
    return (match.group(1), match.group(2).strip()) if match and match.group(1) in allowed else None


TYPED_LINES = ["Drug: Baricitinib", "• Drug: Baricitinib", "Drug:Baricitinib", "Drug:  A: B", "Other: x", "Drug", "",
               "Experimental: Arm A", "Baricitinib will be taken orally with a dose of 2mg once daily", "drug: x",
               "Drug: ", "Drug:\u00a0x", "Procedure/Surgery: y", "Dietary Supplement: Vitamin D", "Drug: A\nB", ":",
               "Behavioral: a: b", "  Drug: padded  "]


def test_a_typed_line_is_read_as_the_pattern_reads_it():
    for line in TYPED_LINES:
        for allowed in (classic_design.INTERVENTION_LABELS, classic_design.ARM_LABELS | classic_design.INTERVENTION_LABELS):
            assert classic_design.typed_line(line, allowed) == _plain_typed_line(line, allowed), repr(line)
    assert classic_design.typed_line("Drug: Baricitinib", classic_design.INTERVENTION_LABELS) == ("Drug", "Baricitinib")


def _plain_see_also_parts(line: str):
    match = summary_text._SEE_ALSO.match(line)
    return match.group("status", "nct", "title", "phase") if match else None


SEE_ALSO_LINES = [
    "Completed NCT03529955 - Evaluating Safety of Apremilast Phase 2",
    "Recruiting NCT05375435 - Efficacy and Safety of Triple Therapy Phase 4",
    "Not yet recruiting NCT05986162 - Safety of Itolizumab in Dermatomyositis Phase 1",
    "Completed NCT03529955 - A title Phase 1/Phase 2", "Completed NCT03529955 - A title Early Phase 1",
    "Completed NCT03529955 - A title Early Phase 1/Phase 2", "Completed NCT03529955 - A title N/A",
    "Completed NCT03529955 - A title", "Completed NCT03529955 - Phase 2", "Completed NCT03529955 - ",
    "Completed NCT03529955 -  Phase 2", "Completed NCT03529955 - A Phase 2 title", "Completed NCT03529955 - A title Phase 22",
    "Completed NCT03529955 - A title/Phase 2", "Completed NCT03529955 - A title\u00a0Phase 2", "Completed NCT03529955 - A  \t Phase 2",
    "Completed NCT03529955 - A title Phase \u0663", "Completed NCT03529955 - A title phase 2", "Completed NCT03529955 - A Early  Phase 1",
    "Completed NCT03529955 - A title Phase 2 ", "Completed NCT03529955 - A title Phase 2\n", "Completed NCT03529955 - A\nB Phase 2",
    "Completed\nNCT03529955 - A title Phase 2", "Completed NCT0352995 - A title", "NCT03529955 - A title", " NCT03529955 - x",
    "  NCT03529955 - x", "Completed NCT03529955 -A title", "Completed NCT03529955 NCT03529956 - A title",
    "Completed NCT03529955 - A - NCT03529956 - B Phase 3", "Completed NCT03529955 - A title Phase 1/Phase 2 Phase 3",
    "Completed NCT03529955 - A title Early Phase 1/Phase", "Completed NCT03529955 - A title  N/A", "Completed NCT03529955 - N/A",
    "", "Completed", "Completed NCT03529955 - A title Phase 2\u2028",
]


def test_a_see_also_line_is_read_as_the_pattern_reads_it():
    for line in SEE_ALSO_LINES:
        assert summary_text.see_also_parts(line) == _plain_see_also_parts(line), repr(line)
    assert summary_text.see_also_parts(SEE_ALSO_LINES[3]) == ("Completed", "NCT03529955", "A title", "Phase 1/Phase 2")


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["Completed", " ", "  ", "\t", "\u00a0", "\n", "NCT03529955", "NCT0352995", " - ", "-",
                                 "Phase 2", "Phase ", "1", "\u0663", "/", "/Phase 3", "Early ", "N/A", "x", "Phase"]),
                max_size=12).map("".join))
def test_any_see_also_line_is_read_as_the_pattern_reads_it(line):
    assert summary_text.see_also_parts(line) == _plain_see_also_parts(line)


@settings(max_examples=1000, deadline=None)
@given(st.sampled_from(["Completed NCT03529955 - ", "Not yet recruiting  NCT03529955 -\t", " NCT03529955 - "]),
       st.lists(st.sampled_from([" ", "\t", "\u00a0", "A title", "Phase 2", "Phase ", "1", "\u0663", "/", "/Phase 3",
                                 "Early ", "N/A", "x", "\n"]), max_size=8).map("".join))
def test_any_title_and_phase_after_a_see_also_head_is_read_as_the_pattern_reads_it(head, tail):
    assert summary_text.see_also_parts(head + tail) == _plain_see_also_parts(head + tail)


def _plain_labelled_values(lines: list[str], is_key) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    current = None
    for line in [line.strip() for line in lines if line.strip()]:
        if is_key(line):
            current = values.setdefault(line.rstrip(":").strip(), [])
        elif current is not None:
            current.append(line)
    return values


LABELLED_PIECES = ["Study Type:", "Interventional", "", "  ", "Keywords provided by X:", "Keywords provided by Y",
                   "alpha", "Key : ", ":", "::", "Key:\u00a0", "Keywords provided", " Last Verified:", "Mar 1, 2023"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LABELLED_PIECES), max_size=16))
def test_labelled_values_are_read_as_with_a_key_test_per_line(lines):
    assert page_values.labelled_values(lines) == _plain_labelled_values(lines, lambda line: line.endswith(":"))
    assert page_values.labelled_values(lines, key_start="Keywords provided by") == _plain_labelled_values(
        lines, lambda line: line.endswith(":") or line.startswith("Keywords provided by"))


def test_first_line_is_the_first_nonblank_line_stripped():
    for lines in ([], [""], ["", "  ", "\u00a0"], ["", " a ", "b"], ["a"], ["\t", "\u3000x\u3000"]):
        assert page_values.first_line(lines) == next((line.strip() for line in lines if line.strip()), None)


def test_no_design_label_reads_as_an_enrollment_or_a_date():
    # study_design sets design labels aside before trying the two patterns: no label may match one of them
    for label in classic_design._DESIGN_LABELS:
        assert not classic_design._ENROLLMENT.match(label) and not classic_design._DATED.match(label)


def _plain_study_design(lines: list[str]):
    known = {label.casefold(): label for label in classic_design._DESIGN_LABELS}  # a label in any case is itself
    values = {known.get(key.casefold(), key): " ".join(value)
              for key, value in _plain_labelled_values(lines, lambda l: l.endswith(":")).items()}
    study = {"official_title": values.get("Official Title") or None,
             "study_type": labels.lookup("study_type", values.get("Study Type"))}
    unknown = []
    for key, value in values.items():
        if match := classic_design._ENROLLMENT.match(key):
            study["enrollment"] = page_values.int_value(value)
            study["enrollment_type"] = labels.lookup("enrollment_type", match.group(1)) if value else None
        elif match := classic_design._DATED.match(key):
            date_type = labels.lookup("date_type", match.group(1)) if value else None
            study.update(date_columns(classic_design._DATE_PREFIX[match.group(2).casefold()], value or None,
                                      date_type))
        elif key not in classic_design._DESIGN_LABELS:
            unknown.append(key)
    return study, classic_design._design_row(values), unknown


DESIGN_PIECES = ["Study Type:", "Interventional", "Anticipated Enrollment :", "12 participants", "Actual Enrollment:",
                 "Enrollment:", "60", "Estimated Enrollment", "Actual Study Start Date :", "Mar 20, 2023",
                 "Study Start Date:", "Primary Completion Date:", "Anticipated Study Completion Date :", "Sep 2024",
                 "Actual Date:", "Date:", "Enrollment Date:", "Masking:", "None (Open Label)", "Allocation:",
                 "Randomized", "Odd Label:", "Official Title:", "A title", "", "  Study Type :  ", "Enrollment x:",
                 "Actual  Enrollment:", "actual enrollment:", "Study Start Date\u00a0:"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(DESIGN_PIECES), max_size=20))
def test_the_study_design_block_is_read_as_with_both_patterns_tried_on_every_key(lines):
    assert classic_design.study_design(lines) == _plain_study_design(lines)


def _plain_read_header(values: list, known: dict, nct_id=None):
    """read_header as first written: a dict per reading, scored with a list of checks."""
    if not values:
        return None, []
    if len(values) > len(header.FIELDS):
        return header.read_header(values, known, nct_id)  # the count check comes before any reading
    scored = [(header._score(row, known), row) for row in _plain_assignments(values)]
    if not scored:
        return header.read_header(values, known, nct_id)  # the same refusal, no reading involved
    best = max(score for score, _ in scored)
    rows = [row for score, row in scored if score == best]
    agreed = {f: rows[0][f] for f in header.FIELDS if all(row[f] == rows[0][f] for row in rows)}
    row = {f: agreed.get(f) for f in header.FIELDS}
    problems = []
    if len(rows) > 1:
        problems.append(Problem("clincosm header numbers ambiguous",
                                f"{len(values)} numbers fit {len(rows)} readings; kept only what they agree on", nct_id))
    if len(values) == len(header.FIELDS) and row["sites"] == 1:
        problems.append(Problem("clincosm header numbers inconsistent", f"{len(values)} numbers for 1 site(s)", nct_id))
    return header._typed(row), problems


HEADER_VALUES = [12.0, 1.0, 2.0, 3.0, 18.1, 0.7, 60.0, 30.0, 0.5, 2.5, 1.3, 20.0, 4.0, 0.0, None, float("nan")]
KNOWN = [{}, {"enrollment": 12, "arms": 1, "sites": 1}, {"enrollment": 60, "arms": 2, "sites": 3},
         {"enrollment": None, "arms": 2, "sites": None}, {"sites": 2}]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(HEADER_VALUES), max_size=7), st.sampled_from(KNOWN))
def test_header_numbers_are_read_as_with_a_dict_per_reading(values, known):
    got, expected = header.read_header(values, known, "NCT00000001"), _plain_read_header(values, known, "NCT00000001")
    assert repr(got) == repr(expected)  # repr: a NaN kept in both reads equal


def test_page_header_numbers_read_as_before():
    cases = [([12.0, 1.0, 1.0, 18.1, 0.7], {"enrollment": 12, "arms": 1, "sites": 1}),
             ([60.0, 3.0, 2.0, 24.0, 20.0, 0.8], {"enrollment": 60, "arms": 2, "sites": 3}),
             ([60.0, 3.0, 2.0], {}), ([60.0, 2.0], {"arms": 2}), ([1.5], {})]
    for values, known in cases:
        assert header.read_header(values, known) == _plain_read_header(values, known)


def test_rows_added_at_once_land_as_added_one_by_one():
    batches = [("sponsors", [{"name": "a"}, {"name": "b"}]), ("keywords", []), ("sponsors", [{"name": "c"}]),
               ("conditions", [{"name": "x"}]), ("facilities", [])]
    at_once, one_by_one = StudyRecord("NCT00000001", {"studies": [{}]}), StudyRecord("NCT00000001", {"studies": [{}]})
    for table, rows in batches:
        page_values.add_rows(at_once, table, rows)
        for row in rows:
            one_by_one.add(table, row)
    assert list(at_once.tables.items()) == list(one_by_one.tables.items())
    assert list(at_once.tables) == ["studies", "sponsors", "conditions"]  # no table without a row


def test_a_bare_design_value_goes_to_the_first_column_whose_values_hold_it():
    values = {value for _, allowed in aggregator_design._DESIGN_VALUES for value in allowed}
    for value in sorted(values) + ["", "other", "Randomized", "RANDOMIZED ", "NA"]:
        expected = next((column for column, allowed in aggregator_design._DESIGN_VALUES if value in allowed), None)
        assert aggregator_design._design_column(value) == expected, value
    assert aggregator_design._design_column("OTHER") == "primary_purpose"


ANCHOR_LINES = ["Group Type EXPERIMENTAL", "Group Type  OTHER", "Group Type", "Group TypeX", "Group Type EXP x",
                " Group Type EXPERIMENTAL", "Intervention Type DRUG", "Intervention Type\u00a0DRUG", "Intervention Type DRUG\n",
                "group type EXPERIMENTAL", "Arm A", "", "Intervention Types DRUG", "Group Type\tX"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ANCHOR_LINES), max_size=15))
def test_anchor_lines_are_the_lines_the_pattern_matches(lines):
    for pattern, prefix in ((aggregator_design._GROUP_TYPE, "Group Type"),
                            (aggregator_design._INTERVENTION_TYPE, "Intervention Type")):
        assert aggregator_design.anchor_lines(lines, pattern, prefix) == [
            index for index, line in enumerate(lines) if pattern.match(line)]


SUMMARY_LINES = ["Clinical Trials Logo", "  Clinical Trials Logo\u00a0", "Clinical Trials logo", "Status Clinical Trial Phase",
                 "Clinical Trial Summary", "NCT number NCT10000014", "  NCT number NCT10000014", "NCT number", "NCT numberX",
                 "nct number NCT1", "Status Recruiting", "Study type Interventional", "", " ", "Study Design",
                 "Phase Phase 4", "Odd line", "\u3000NCT number NCT10000014\u3000", "See also"]


def _plain_key_block(lines: list[str]):
    start = next((i for i, line in enumerate(lines) if line.strip().startswith("NCT number ")), None)
    if start is None:  # the key in another case ('NCT Number'), when no line spells it as usual
        start = next((i for i, line in enumerate(lines) if line.strip().lower().startswith("nct number ")),
                     len(lines))
    values, strays, end = {}, [], start
    for index in range(start, len(lines)):
        line = lines[index].strip()
        if line in summary_text.HEADINGS:
            break
        end = index + 1
        if not line:
            continue
        if match := summary_text._KEY_LINE.match(line):
            values.setdefault(summary_text._KEY_CASE[match.group(1).lower()], (match.group(2) or "").strip())
        else:
            strays.append(line.split()[0])
    return start, end, values, strays


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SUMMARY_LINES), max_size=16))
def test_summary_chrome_and_key_block_are_found_as_line_by_line(lines):
    assert summary_text.without_chrome(lines) == [line for line in lines if line.strip() not in summary_text._CHROME]
    assert summary_text.key_block(lines) == _plain_key_block(lines)


CRITERIA_LINES = ["Criteria", "  Criteria ", "Criteria:", "Ages Eligible for Study:", "18 Years to 85 Years",
                  "Sexes Eligible for Study:", "All", "Accepts Healthy Volunteers:", "No", "Inclusion Criteria:",
                  "  1. Male or female patients", "", "\u00a0Criteria", "Minimum Eligible Age", "18 Years",
                  "Maximum Eligible Age", "Eligible Sex", "ALL", "Accepts Healthy Volunteers", "  Eligible Sex  ",
                  "Yes", "65 Years", "FEMALE"]


def _plain_classic_eligibility(lines: list[str]):
    values, expecting = {}, None
    body = [line for line in lines if line.strip() != "Criteria"]
    for index, line in enumerate(body):
        key = line.strip()
        if key in classic_people._ELIGIBILITY_KEYS:
            expecting = classic_people._ELIGIBILITY_KEYS[key]
        elif expecting and key:
            values[expecting], expecting = key, None
        elif key:
            return classic_people._eligibility_row(values, body[index:])
    return classic_people._eligibility_row(values, [])


def _plain_aggregator_eligibility(lines: list[str]):
    labels_ = aggregator_design._ELIGIBILITY_LABELS
    end = next((i for i, line in enumerate(lines) if line.strip() in labels_), None)
    if end is not None:
        values = {labels_[label]: value for label, value in page_values.tagged_lines(lines[end:], labels_) if label}
    else:
        end, values = aggregator_design._trailing_values(lines)
    return {"gender": labels.lookup("sex", values.get("gender")), "minimum_age": values.get("minimum_age"),
            "maximum_age": values.get("maximum_age"),
            "healthy_volunteers": labels.lookup("yes_no", values.get("healthy_volunteers")),
            "criteria": page_text.text_block(lines[:end])}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(CRITERIA_LINES), max_size=16))
def test_eligibility_blocks_are_read_as_line_by_line(lines):
    assert classic_people.eligibility(lines) == _plain_classic_eligibility(lines)
    assert aggregator_design.eligibility_criteria(lines) == _plain_aggregator_eligibility(lines)


_CHROME_SENTENCE = aggregator_text.CHROME["Basic Information"]
PAGE_LINES = [*sorted(aggregator_text.HEADINGS)[:6], "Basic Information", "  Basic Information ", "basic information",
              " " * 40 + "Basic Information", _CHROME_SENTENCE, _CHROME_SENTENCE.upper(), "  " + _CHROME_SENTENCE + "\t",
              "Results pending", "RESULTS PENDING", "Title", "NCT ID: NCT00000001", "", "Recruiting", "A sentence.",
              "More Related Trials", "\u00a0More Related Trials"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PAGE_LINES), max_size=25))
def test_a_meddatax_page_is_cut_in_one_pass_as_in_two(lines):
    one = aggregator_text.page_sections(lines)
    two = page_sections.split_sections(aggregator_text.without_chrome(lines), aggregator_text.HEADINGS)
    assert one.preamble == two.preamble
    assert [(h, one.lines(h)) for h in one.order] == [(h, two.lines(h)) for h in two.order]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["", " ", "\t", "\u00a0", "\u2028", "a", "  b  ", "c\n", "\nd", "e\u00a0"]), min_size=1, max_size=4))
def test_short_blocks_read_as_the_loop_reads_them(lines):
    assert page_text.text_block(lines) == _plain_text_block(lines)
    assert page_text.text_block(["", *lines[:1], ""]) == _plain_text_block(["", *lines[:1], ""])
