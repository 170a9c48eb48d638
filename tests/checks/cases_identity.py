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

CASES += [
    Case("identity.nct_number_not_yet_issued", False, _posted(date(2020, 1, 3)), nct_id="NCT04215500",
         note="a number issued in December 2019, posted in January 2020"),
    Case("identity.nct_number_not_yet_issued", False, _posted(date(2005, 1, 4)), nct_id="NCT00100001",
         note="before the table's first year"),
    Case("identity.nct_number_not_yet_issued", True, _posted(date(2019, 6, 1)), nct_id="NCT06500000",
         note="a 2024 number said to be posted in 2019"),
]
