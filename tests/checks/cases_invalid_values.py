"""Cases for the invalid_values family: a refused value of the study's current version is reported."""
from tests.checks.harness import Case, refused, unread_part

RULE = "invalid_values.refused_value"
UNREAD = "invalid_values.unread_part"


def _nothing(s):
    pass


CASES = [
    Case(RULE, True, refused("studies", "phase", "PHASE1/PHASE2/PHASE3/PHASE4/PHASE5", "an API v2 value"),
         note="PHASE5"),
    Case(RULE, True, refused("studies", "study_type", "N/A", "an API v2 value"), note="legacy study type N/A"),
    Case(RULE, True, refused("studies", "enrollment", "abc", "a whole number"), note="enrollment abc"),
    Case(RULE, True, refused("studies", "start_date", "2023-13-45", "a date"), note="impossible date"),
    Case(RULE, True, refused("facilities", "status", "Active, not yet enrolling", "an API v2 value"),
         note="legacy facility status"),
    Case(RULE, True, refused("responsible_parties", "name", None, "text"), note="personal column, unquoted"),
    Case(RULE, False, _nothing, note="nothing refused"),
    Case(RULE, False, refused("studies", "phase", "PHASE5", "an API v2 value", sha256="f" * 64),
         note="refused in a version that is no longer current"),
    Case(UNREAD, True, unread_part("document: designModule is a string, not an object"), note="module as a string"),
    Case(UNREAD, True, unread_part("document, study 2 of 3: armGroups[1] is a string, not an object"),
         note="one arm of a page's study given as a string"),
    Case(UNREAD, True, unread_part("document: <brief_title> holds <i>, not text only"),
         note="a legacy XML element that holds elements"),
    Case(UNREAD, False, _nothing, note="every part read"),
    Case(UNREAD, False, unread_part("document: designModule is a string, not an object", sha256="f" * 64),
         note="unread in a version that is no longer current"),
]
