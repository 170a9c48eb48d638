"""Cases for the identity family."""
from datetime import date

from tests.checks.harness import Case


def _posted(day):
    def change(s):
        s["studies"][0]["study_first_posted_date"] = day
    return change


CASES = [
    Case("identity.nct_number_not_yet_issued", True, _posted(date(2008, 9, 30)), nct_id="NCT12345678",
         note="placeholder id posted 2008"),
    Case("identity.nct_number_not_yet_issued", True, _posted(None), nct_id="NCT87654321",
         note="far beyond the registry, no posting date"),
    Case("identity.nct_number_not_yet_issued", False, _posted(date(2010, 11, 5)), nct_id="NCT01234567",
         note="a real record whose number only looks made up"),
    Case("identity.nct_number_not_yet_issued", False, _posted(date(2026, 1, 5)), nct_id="NCT07312345",
         note="recent registration"),
]
