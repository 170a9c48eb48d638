"""meddatax and trial-summary pages: pages as users save them in other ways. A trial-summary page cut short before its
closing 'See also' table; an identifier's no-value dash turned typographic; the zero-width marks a browser's copy keeps
at its lines' edges; a page saved as UTF-8 after it was read as Windows-1252; a meddatax page printed to PDF and turned
into text keeping its layout (a margin on every line, labels and values side by side). Each beside a page that reads as
before."""
from __future__ import annotations

import textwrap

from flows.parsers import aggregator_text, summary_text
from flows.parsers.copied_text import MIS_DECODED
from flows.parsers.model import Refused
from flows.parsers.summary_text.title import HYPHEN_KNOWN
from tests.parsers.golden import GOLDEN_DIR

_LABELLED = GOLDEN_DIR / "aggregator_text" / "004_NCT06936215.txt"
_COMPACT = GOLDEN_DIR / "aggregator_text" / "002_NCT05300932.txt"
_SUMMARY = GOLDEN_DIR / "summary_text" / "003_NCT04966884.txt"
_EMPTY_SEE_ALSO = GOLDEN_DIR / "summary_text" / "unknown_label_NCT09000302.txt"
_WINDOWS_1252_UNDEFINED = (0x81, 0x8D, 0x8F, 0x90, 0x9D)


def _text(path) -> str:
    return path.read_text(encoding="utf-8")


def _tables(parsed) -> dict:
    assert len(parsed.records) == 1, parsed.problems
    return parsed.records[0].tables


def _reasons(parsed) -> list[str]:
    return [problem.reason for problem in parsed.problems]


def _read_as_windows_1252(text: str, lossy: bool = False) -> bytes:
    """The page's UTF-8 read as Windows-1252 (its undefined bytes kept as control characters, or lost as U+FFFD)
    and saved again as UTF-8."""
    if lossy:
        return text.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8")
    return "".join(chr(byte) if byte in _WINDOWS_1252_UNDEFINED else bytes([byte]).decode("cp1252")
                   for byte in text.encode("utf-8")).encode("utf-8")


# A trial-summary page cut short -------------------------------------------------------------------------------------

def test_a_summary_page_cut_in_its_key_block_is_read_and_says_it_may_be_cut_short():
    text = _text(_SUMMARY)
    cut = text[:text.index("Completion date")]  # the last keys and the 'See also' table are not there
    parsed = summary_text.parse(cut.encode())
    assert [record.nct_id for record in parsed.records] == [summary_text.parse(text.encode()).records[0].nct_id]
    assert [problem.reason for problem in parsed.problems] == [summary_text.CUT_SHORT]
    assert summary_text.CUT_SHORT not in [problem.reason for problem in summary_text.parse(text.encode()).problems]


def test_a_summary_page_with_its_see_also_heading_reads_as_before():
    for path in (_SUMMARY, _EMPTY_SEE_ALSO):  # 'See also' listing trials, and listing none
        assert summary_text.parse(path.read_bytes()).records
    text = _text(_SUMMARY)
    assert _tables(summary_text.parse(text.replace("\nSee also\n", "\nSee Also\n").encode())) == _tables(
        summary_text.parse(text.encode()))


# An identifier's no-value dash --------------------------------------------------------------------------------------

def test_an_identifier_type_given_as_a_typographic_dash_is_no_type():
    text = _text(_LABELLED)
    plain = _tables(aggregator_text.parse(text.encode()))["id_information"]
    for dash in ("\u2013", "\u2014", "\u2212"):
        copied = text.replace("Identifier Type: -", f"Identifier Type: {dash}")
        assert _tables(aggregator_text.parse(copied.encode()))["id_information"] == plain
    assert plain[0]["id_type"] is None


def test_an_identifier_type_the_page_gives_is_read_as_before():
    text = _text(_LABELLED).replace("Identifier Type: -", "Identifier Type: NIH")
    assert _tables(aggregator_text.parse(text.encode()))["id_information"][0]["id_type"] == "NIH"


# Zero-width marks a browser's copy keeps ----------------------------------------------------------------------------

def _with_zero_width_edges(text: str) -> str:
    return "\n".join(f"\u200b{line}\u200b" if line.strip() else line for line in text.split("\n"))


def test_pages_copied_with_zero_width_marks_at_line_edges_read_as_the_page():
    for module, path in ((aggregator_text, _LABELLED), (aggregator_text, _COMPACT), (summary_text, _SUMMARY)):
        copied = _with_zero_width_edges(_text(path)).encode()
        assert module.sniff(copied)
        parsed = module.parse(copied)
        assert _tables(parsed) == _tables(module.parse(path.read_bytes()))
        assert parsed.problems == module.parse(path.read_bytes()).problems


def test_a_zero_width_mark_within_a_title_is_kept():
    text = _text(_COMPACT)
    title = text.split("\n", 1)[0]
    marked = text.replace(title, title.replace(" ", " \u200bX", 1), 1)
    assert _tables(aggregator_text.parse(marked.encode()))["studies"][0]["brief_title"] == title.replace(
        " ", " \u200bX", 1)


# A page saved as UTF-8 after it was read as Windows-1252 -----------------------------------------------------------

def test_pages_read_as_windows_1252_and_saved_again_read_as_their_utf8():
    for module, path in ((aggregator_text, _COMPACT), (summary_text, _SUMMARY)):
        text = _text(path)
        assert any(ord(character) > 0x7F for character in text)
        parsed = module.parse(_read_as_windows_1252(text))
        assert _tables(parsed) == _tables(module.parse(text.encode()))
        assert _reasons(parsed) == [*_reasons(module.parse(text.encode())), MIS_DECODED]


def test_a_no_break_byte_of_a_mis_decoded_character_is_read_back():
    conditions = "Conditions\nMaladie à déclaration\nSclérodermie à\nSclérose\u00a0systémique\n"
    text = _text(_COMPACT).replace("Conditions\n", conditions, 1)
    parsed = aggregator_text.parse(_read_as_windows_1252(text))  # 'à' is C3 A0: A0 read as a no-break space
    assert [row["name"] for row in _tables(parsed)["conditions"]] == [
        "Maladie à déclaration", "Sclérodermie à", "Sclérose systémique"]  # a no-break space is a space, as shown


def test_a_page_whose_reader_lost_bytes_is_read_as_shown_with_the_problem():
    text = _text(_SUMMARY)
    lossy = _read_as_windows_1252(text, lossy=True)
    parsed = summary_text.parse(lossy)
    assert MIS_DECODED in _reasons(parsed)
    assert _tables(parsed)["brief_summaries"][0]["description"].startswith("Anti-melanoma")


def test_a_utf8_page_holding_one_mis_decoded_name_among_other_characters_reads_as_before():
    # a registry's own 'HÃ©matologie' on a page that also shows characters Windows-1252 cannot hold ('≥')
    source = "Source First Affiliated Hospital"
    text = _text(_SUMMARY).replace(source, "Source HÃ©matologie First Affiliated Hospital")
    parsed = summary_text.parse(text.encode())
    assert _tables(parsed)["studies"][0]["source"].startswith("HÃ©matologie")
    assert MIS_DECODED not in _reasons(parsed)


# A meddatax page printed to PDF and turned into text keeping its layout --------------------------------------------

_LABELS = ("Recruitment Status", "Clinical Phase", "Total Enrollment", "Study Classification", "Study Start Date",
           "Allocation Method", "Intervention Model", "Primary Study Purpose", "Blinding Strategy",
           "Minimum Eligible Age", "Eligible Sex", "Accepts Healthy Volunteers")


def _laid_out(text: str) -> str:
    """pdftotext -layout: every line indented by the sheet's margin, a label and its value side by side."""
    lines, out, at = text.split("\n"), [], 0
    while at < len(lines):
        line = lines[at]
        if line.strip() in _LABELS:
            value = next(index for index in range(at + 1, len(lines)) if lines[index].strip())
            out.append(f"    {line.strip():<30}{lines[value].strip()}")
            at = value + 1
            continue
        out.append(f"    {line}" if line.strip() else line)
        at += 1
    return "\n".join(out)


def test_a_labelled_page_printed_keeping_its_layout_reads_as_the_page():
    text = _text(_LABELLED)
    laid_out = _laid_out(text)
    assert "    Recruitment Status" in laid_out
    parsed = aggregator_text.parse(laid_out.encode())
    assert _tables(parsed) == _tables(aggregator_text.parse(text.encode()))
    assert parsed.problems == aggregator_text.parse(text.encode()).problems


def test_a_sentence_with_wide_spaces_stays_one_line_of_its_text():
    text = _text(_COMPACT)
    spaced = "Patients   are   seen   every   week."
    marked = text.replace("Detailed Description\n", f"Detailed Description\n{spaced}\n", 1)
    description = _tables(aggregator_text.parse(marked.encode()))["detailed_descriptions"][0]["description"]
    assert description.startswith(spaced + "\n")


# An explainer sentence a print hyphenates -------------------------------------------------------------------------

_GROUPS_EXPLAINER = ("Review each arm or cohort in the study, along with the interventions and objectives associated "
                     "with them.")


def _explainer_broken(text: str, first: str, rest: str) -> str:
    assert _GROUPS_EXPLAINER in text
    return text.replace(_GROUPS_EXPLAINER, f"{first}\n{rest}", 1)


def test_an_explainer_a_print_breaks_with_a_hyphen_of_its_own_is_the_sites_text():
    text = _text(_COMPACT)
    first = "Review each arm or cohort in the study, along with the interventions and object-"
    broken = _explainer_broken(text, first, "ives associated with them.")
    assert _tables(aggregator_text.parse(broken.encode())) == _tables(aggregator_text.parse(text.encode()))


def test_an_explainer_wrapped_between_words_reads_as_before():
    text = _text(_COMPACT)
    wrapped = _explainer_broken(text, "Review each arm or cohort in the study, along with the interventions and",
                                "objectives associated with them.")
    assert _tables(aggregator_text.parse(wrapped.encode())) == _tables(aggregator_text.parse(text.encode()))


# An identifier's domain a print wraps -------------------------------------------------------------------------------

_DOMAIN = "Identifier Domain: Ministry of Health and the National Institute of Public Health of the Republic"


def _with_identifiers(*entries: str) -> str:
    org = "Identifier Source: org_study_id\n"
    return _text(_COMPACT).replace(org, org + "".join(entries), 1)


def _wrapped_at_80(text: str) -> str:
    return "\n".join("\n".join(textwrap.wrap(line, 80, break_long_words=False, break_on_hyphens=False)) or line
                     for line in text.split("\n"))


def _identifier_rows(text: str) -> list[tuple]:
    rows = _tables(aggregator_text.parse(text.encode()))["id_information"]
    return [(row["id_value"], row["id_type"], row.get("id_type_description")) for row in rows]


def test_an_identifier_domain_a_print_wraps_is_one_domain():
    secondary = f"GRANT-7\nIdentifier Type: OTHER\nIdentifier Source: secondary_id\n{_DOMAIN}\n"
    wrapped = _wrapped_at_80(_with_identifiers(secondary))
    assert "\nHealth of the Republic\n" in wrapped
    assert _identifier_rows(wrapped) == [("TJ-SSc202203", None, None), ("GRANT-7", "OTHER", _DOMAIN[19:])]


def test_an_identifier_below_a_domain_a_print_wraps_stays_an_identifier():
    secondary = f"GRANT-7\nIdentifier Type: OTHER\nIdentifier Source: secondary_id\n{_DOMAIN}\n"
    third = "R01-CA-1\nIdentifier Type: NIH\nIdentifier Source: secondary_id\n"
    rows = _identifier_rows(_wrapped_at_80(_with_identifiers(secondary.replace(" Health of the Republic", ""), third)))
    assert [row[:2] for row in rows] == [("TJ-SSc202203", None), ("GRANT-7", "OTHER"), ("R01-CA-1", "NIH")]


# A 'See also' row a print wraps after a word's hyphen ---------------------------------------------------------------

_ROW = ("Recruiting NCT05375435 - Efficacy and Safety of Triple Therapy in Patients With Anti-MDA5 Antibody-positive "
        "Dermatomyositis Phase 4")


def _see_also_titles(upper: str, lower: str):
    text = _text(_SUMMARY)
    assert _ROW in text
    parsed = summary_text.parse(text.replace(_ROW, f"{upper}\n{lower}").encode())
    return [row["title"] for row in _tables(parsed)["related_studies"]], parsed.problems


def test_a_see_also_row_wrapped_after_a_words_hyphen_has_its_title_refused_as_shown():
    upper, lower = _ROW.split("Antibody-")[0] + "Antibody-", "positive Dermatomyositis Phase 4"
    titles, problems = _see_also_titles(upper, lower)
    assert titles[1] == Refused("Efficacy and Safety of Triple Therapy in Patients With Anti-MDA5 Antibody- positive "
                                "Dermatomyositis", HYPHEN_KNOWN)
    assert [problem.reason for problem in problems] == ["unreadable value"]
    assert "'See also' row title(s) wrapped after a word's hyphen" in problems[0].detail


def test_a_see_also_row_wrapped_between_words_reads_as_before():
    upper, lower = _ROW.split(" Dermatomyositis")[0], "Dermatomyositis Phase 4"
    titles, problems = _see_also_titles(upper, lower)
    assert titles[1] == "Efficacy and Safety of Triple Therapy in Patients With Anti-MDA5 Antibody-positive " \
                        "Dermatomyositis"
    assert problems == []
