"""Cases for the invalid_values family: a refused value of the study's current version is reported."""
from tests.checks.harness import Case, read_as_spelt, refused, unread_part

RULE = "invalid_values.refused_value"
UNREAD = "invalid_values.unread_part"
AGE = "invalid_values.unreadable_age"
READ = "invalid_values.read_from_text"
YES = "document: patientRegistry is the string 'YES', not a JSON boolean: read as true"


def _ages(minimum: str | None, maximum: str | None, layout: str = "ctgov_json_v2"):
    def change(s):
        s["eligibilities"][0].update(minimum_age=minimum, maximum_age=maximum)
        s["studies"][0]["source_layout"] = layout
    return change


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
    Case(RULE, True, refused("designs", "time_perspective", "Longitudinal, Prospective", "an API v2 value"),
         note="a time perspective of 2007 (NCT00501488): info"),
    Case(RULE, True, refused("designs", "observational_model", "Prospektive Cohort", "an API v2 value"),
         note="a misspelt model: a warning"),
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
    Case(READ, True, read_as_spelt(YES), note="a flag given as a string (three of the corpus's invalid files)"),
    Case(READ, True, read_as_spelt("document: enrollmentInfo.count is the string '+12', not a number: read as 12"),
         note="a count given as a string"),
    Case(READ, False, _nothing, note="every value of its type"),
    Case(READ, False, read_as_spelt(YES, sha256="f" * 64), note="in a version that is no longer current"),
    Case(READ, False, unread_part("document: designModule is a string, not an object"),
         note="a part that could not be read is the other rule's"),
    Case(UNREAD, False, read_as_spelt(YES), note="a value read as it spells is the other rule's"),
    Case(AGE, True, _ages("abc", "75 Years"), note="a word"),
    Case(AGE, True, _ages("18", "75 Years"), note="a number without its unit"),
    Case(AGE, True, _ages("18 Years", "-3 Years"), note="a negative maximum"),
    Case(AGE, True, _ages("18 Years", "75 Decades", "ctgov_xml"), note="a unit the registry does not use"),
    Case(AGE, False, _ages("18 Years", "75 Years"), note="years"),
    Case(AGE, False, _ages("6 Months", "17 Years"), note="months"),
    Case(AGE, False, _ages("1 Day", "28 Days"), note="days"),
    Case(AGE, False, _ages("30 Minutes", "N/A"), note="minutes, and no limit as legacy XML writes it"),
    Case(AGE, False, _ages(None, None), note="no limits given"),
    Case(AGE, False, _ages("18 years and older", None, "aggregator_text"), note="a text page's own wording"),
]

CASES += [
    Case(AGE, False, _ages("n/a", "N/A", "ctgov_xml"), note="no limit written in lower case"),
    Case(AGE, False, _ages("", " ", "ctgov_xml"), note="blank ages set no limit"),
    Case(AGE, False, _ages("18 years", "65 YEARS"), note="a unit in another case"),
    Case(AGE, True, _ages("18 yrs", None), note="a unit the registry does not write"),
]
