"""clincosm pages saved as text at 80 columns or printed with their lines wrapped at a sheet's width: a citation, a
word broken after its hyphen and a line of the page are read whole again; a label below a full line, a bullet and a
line of a copy that wraps nothing stay lines of their own. Each reading beside a nearby page or line whose reading
stays as it was."""
from __future__ import annotations

import textwrap

from flows.parsers import ctgov_classic_text
from flows.parsers.ctgov_classic_text.wrapped_lines import unwrapped
from tests.parsers.test_classic_page_variants import PAGE

CITATION = ("Nathan DM, Cleary PA, Backlund JY, Genuth SM, Lachin JM, Orchard TJ, Raskin P, Zinman B. Intensive "
            "diabetes treatment and cardiovascular disease in patients with type 1 diabetes. N Engl J Med. 2005 "
            "Dec 22;353(25):2643-53. doi: 10.1056/NEJMoa052187.")
PUBLICATIONS = ("Publications\n\nNone provided.\n",
                f"Publications\n\nPublications:\n  \u2022 {CITATION} PubMed 16371630\n"
                "  \u2022 Short citation. PubMed 123\n")


def _saved(text: str, width: int = 80) -> str:
    """The page as a browser saves it as text: every line wrapped at `width` columns."""
    return "\n".join(part for line in text.split("\n") for part in (textwrap.wrap(line, width) or [""]))


def _references(text: str) -> list[tuple]:
    parsed = ctgov_classic_text.parse(text.encode())
    return [(r["citation"], r["pmid"], r["reference_type"]) for r in parsed.records[0].tables["study_references"]]


def test_a_citation_wrapped_over_lines_is_one_reference_with_its_pubmed_id():
    page = PAGE.replace(*PUBLICATIONS)
    assert _saved(page).count(CITATION[:40]) == 1 and CITATION not in _saved(page)
    expected = [(CITATION, "16371630", "BACKGROUND"), ("Short citation.", "123", "BACKGROUND")]
    assert _references(_saved(page)) == _references(page) == expected
    assert _references(_saved(page, 95)) == expected


def test_a_word_broken_after_its_hyphen_is_one_word_again_and_a_dash_keeps_its_space():
    text = "The investigators then ran a trial in 11 health centres, a pragmatic cluster-randomized trial."
    wrapped = textwrap.wrap(text, 80)
    assert wrapped[0].endswith("cluster-")
    assert unwrapped(wrapped) == [text]
    dashed = "The investigators then ran a trial in 11 health centres, a pragmatic one - randomized."
    assert unwrapped(textwrap.wrap(dashed, 80)) == [dashed]


def test_a_label_or_a_bullet_below_a_full_line_stays_a_line_of_its_own():
    full = "A value that fills its line of the copy up to the wrap's width of eighty cols"
    lines = [full, "Other Names:", full, "  \u2022 Placebo", full, "Bilateral"]
    assert unwrapped(lines) == [full, "Other Names:", full, "  \u2022 Placebo", f"{full} Bilateral"]


def test_a_line_that_is_not_full_stays_and_a_copy_that_wraps_nothing_reads_as_before():
    assert unwrapped(["Drug: Placebo", "One tablet a day."]) == ["Drug: Placebo", "One tablet a day."]
    wide = ["x" * 200, "y" * 79, "Continues"]
    assert unwrapped(wide) == wide
    assert _references(PAGE.replace(*PUBLICATIONS))[0] == (CITATION, "16371630", "BACKGROUND")


FULL_ROW = "1 Department of Neurology Mayo Clinic Rochester Minnesota United States 55905"


def test_the_next_site_row_below_a_full_row_stays_a_row_and_a_number_that_follows_no_item_goes_on():
    assert unwrapped([FULL_ROW, "2 Mercy Health Research Saint Louis Missouri United States 63141"]) == [
        FULL_ROW, "2 Mercy Health Research Saint Louis Missouri United States 63141"]
    cited = "  \u2022 Immunol. 2013 Mar;131(3):695-703. doi: 10.1016/j.jaci.2012.08.023. Epub 2012 Oct"
    assert unwrapped([cited, "8. PubMed 23058645"]) == [f"{cited} 8. PubMed 23058645"]


def test_a_header_sponsor_below_a_full_sponsor_line_stays_its_own_party():
    lead = "Pediatric Oncology Experimental Therapeutics Investigators' Consortium (Unknown)"
    assert unwrapped([lead, "Amgen (Industry)"]) == [lead, "Amgen (Industry)"]
    cut = "Pediatric Oncology Experimental Therapeutics Investigators' Consortium of the"
    assert unwrapped([cut, "Amgen (Industry)"]) == [f"{cut} Amgen (Industry)"]


def test_a_sentence_ending_with_a_colon_goes_on_but_a_label_does_not():
    cited = "  \u2022 Melosini L, Dente FL, Bacci E, Bartoli ML, Cianchetti S, Costa F, Di Franco"
    sentence = "A, Malagrino L, Novelli F, Vagaggini B, Paggiaro P. Asthma control test (ACT):"
    assert unwrapped([cited, sentence]) == [f"{cited} {sentence}"]
    assert unwrapped([cited, "Keywords provided by Azienda Ospedaliero Universitaria Pisana:"])[1].startswith("Key")
