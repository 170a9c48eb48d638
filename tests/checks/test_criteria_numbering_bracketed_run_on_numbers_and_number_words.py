"""contradictions.criteria_numbering_gap reads three more ways a list number stands: run on in brackets with a point
after a semicolon ("...; (2). The person has a phone;", NCT01342523), glued to the bracket that closes a word ("R0
(as applicable)8. Females", NCT01371747), and a count spelled out then written in brackets ("at least two (2)
orthogonal views", NCT00595959), which is no list number. A true gap beside these forms still fires."""
from __future__ import annotations

import pytest

from checks import contradictions_criteria
from tests.checks import harness

_RUN_ON = ("Inclusion Criteria:\n\n(1). Interest in quitting smoking within the next 30 days, but not already "
           "actively\nengaged in quitting (e.g., no cessation medication treatment for the purpose of a quit\n"
           "attempt); (2). The person has a phone and has home internet access; (3). The person has an\nemail "
           "address that can be used to send assessments, and deliver email prompts; (4). The\nperson expresses "
           "willingness to provide assessment information and have his/her computer\nuse of the assigned website "
           "tracked; (5). There are contraindications to over the counter\nnicotine replacement therapy (NRT) use "
           "(e.g., pregnancy); {six}The person smokes >= 5 cpd;\n(7). The person is >= 18 years;(8). The person "
           "accesses the internet with no more than 3\ncomputers/devices; and (9). No other members of the "
           "household are participating.\n")
_GLUED = ("Inclusion Criteria:\n\n" + "".join(f"  {n}. Must be receiving an ACEI and/or ARB for at least {n} weeks\n\n"
                                             for n in range(1, 7))
          + "  7. Average systolic blood pressure (SBP) >= 130 - < 180 mmHg AND average DBP >= 80 - < 110\n     mmHg "
          "(sitting) at both screening and R0 {glued}Females of child-bearing\n     potential must be non-lactating, "
          "must have a negative serum pregnancy test at\n     screening\n\n9. Provide their written informed "
          "consent prior to participation in the study\n")
# the record's lone "1." above a list numbered again from 1
_SPELLED = ("Exclusion Criteria:\n\nAngiographic Exclusion Criteria\n\n1.\n\n  1. Subintimal guidewire placement "
            "following pilot channel creation through a stenosis or\n     occlusion with any excimer laser catheter, "
            "as visualized with IVUS;\n\n  2. "
            "Calcification likely to prevent the passage of the excimer laser catheter;\n\n  3. Ipsilateral and/or "
            "contralateral iliac stenosis >/= 50% DS that is not treated prior\n     to enrollment in this study;\n\n"
            "  4. Ipsilateral and/or contralateral iliac treatment of a stenosis prior to enrollment\n     with final "
            "residual stenosis >/= 30%, as determined in at least {word} (2) orthogonal\n     views and documented by "
            "angiography;\n\n  {next}. Iliac treatment prior to enrollment where a perforation occurred requiring a "
            "covered\n     stent;\n")

# (name, criteria text, the rule's messages)
CASES = {
    # the numbers are there: no gap
    "run on in brackets after semicolons": (_RUN_ON.format(six="(6). "), []),
    "glued to a closing bracket": (_GLUED.format(glued="(as applicable)8. "), []),
    "a count spelled out, then bracketed": (_SPELLED.format(word="two", next=5), []),
    "a count spelled out in capitals": (_SPELLED.format(word="Two", next=5), []),
    # still gaps
    "run on in brackets, one number not written": (
        _RUN_ON.format(six=""), ["The numbered inclusion criteria jump to 7, so criteria 2 to 6 are missing."]),
    "a value glued to a closing bracket": (
        _GLUED.format(glued="(as applicable)8.5 mmHg. "),
        ["The numbered inclusion criteria jump to 9, so criterion 8 is missing."]),
    "a number in brackets after another count's word": (
        _SPELLED.format(word="two", next=7), ["The numbered exclusion criteria jump to 7, so criteria 5 and 6 are "
                                              "missing."]),
}


@pytest.fixture(scope="module")
def gap_messages() -> dict[str, list[str]]:
    """The numbering gap rule's messages for every text of CASES."""
    return harness.criteria_rule_messages(contradictions_criteria.criteria_numbering_gap,
                                          {name: text for name, (text, _) in CASES.items()})


@pytest.mark.parametrize("name", CASES)
def test_numbers_in_brackets_or_glued_are_read_and_true_gaps_stay(gap_messages, name):
    assert gap_messages[name] == CASES[name][1]
