"""What a stopped study's reason says: nothing (a placeholder, the status said again, a reason said to be missing),
or only where in the record the reason is given; and whether a page may have lost words of it."""
from __future__ import annotations

from checks.sql_text import one_of
from flows.parsers.page_controls import CUT_TEXT
from flows.parsers.summary_text import CUT_SHORT

# A page may have lost its reason, or words of it: a text the site's 'Show more' cut where a copy kept it folded, a
# trial summary cut short before its closing table (its reader's load problems say so). Its reason is not judged.
_MAY_HAVE_LOST = (CUT_TEXT, CUT_SHORT)
REASON_READ_WHOLE = (f"NOT EXISTS (SELECT 1 FROM meta.load_problems p WHERE p.nct_id = s.nct_id "
                     f"AND p.sha256 = s.source_sha256 AND p.reason IN {one_of(_MAY_HAVE_LOST)})")

# Words that say no reason: a placeholder ("N/A", "None", "Other", "Unknown", "-"), the status said again ("Study
# discontinued.", "Terminated early", "Early stop", "Study closure"), a stop denied ("Never stopped") or a reason said
# to be missing or withheld ("No reason given", "Not specified", "Confidential"). A reason names something more:
# "Sponsor decision", "No funding", "Slow accrual", "Confidential business reasons".
NO_REASON_WORDS = ("n", "a", "na", "not", "never", "applicable", "none", "nil", "null", "other", "others", "unknown",
                   "tbd", "no", "given", "specified", "unspecified", "provided", "stated", "disclosed",
                   "reason", "reasons", "the", "this", "study", "trial", "protocol", "was", "were", "has", "have",
                   "been", "is", "terminated", "termination", "discontinued", "stopped", "withdrawn", "suspended",
                   "suspension", "closed", "closure", "halted", "ended", "stop", "early", "prematurely",
                   "confidential",
                   "any", "known", "undisclosed", "information", "available", "unavailable")
# Phrases that say no reason either, though a word of them alone may be part of one: other, unknown or unnamed
# reasons ("Terminated for other reasons", "Various reasons"), a reason the sponsor did not give ("Not provided by
# sponsor", "Sponsor did not provide a reason") and a pointer to nothing ("See above"). "Terminated by sponsor",
# "Sponsor decision", "For business reasons" and "Other reasons: funding" name who or what stopped it: reasons.
_NO_REASON_PHRASES = (
    r"(?:for|due\s+to|because\s+of|owing\s+to)\s+"
    r"(?:(?:other|unknown|unspecified|undisclosed|various|several|multiple)\s+)?reasons?",
    r"(?:various|several|multiple)\s+reasons",
    r"(?:provided|given|disclosed|stated|specified|reported)\s+by\s+(?:the\s+)?(?:sponsor|investigators?|pi)",
    r"(?:sponsor|investigators?|pi)\s+(?:(?:did|does|has|have)\s+not|didn.t|declined\s+to)\s+"
    r"(?:provide|give|disclose|state|specify|share)d?",
    r"(?:please\s+)?see\s+(?:above|below)",
)
# SQL: the reason given is blank or says no reason: nothing but those words and phrases, and no letter of another.
NO_REASON = (r"regexp_full_match(lower(coalesce(s.why_stopped, '')), "
             rf"'\PL*(?:\b(?:{'|'.join(_NO_REASON_PHRASES + NO_REASON_WORDS)})\b\PL*)*')")
BLANK_REASON = "coalesce(trim(s.why_stopped), '') = ''"
# A reason that only points to a part of the record ("See detailed description", "Other reasons (see detailed
# description)", "Terminated - see brief summary", "As described in the study description"): the reason is given
# there, or nowhere where the record has no such part. The part pointed to (the Description section holds the brief
# summary and the detailed description) is read only for whether the record gives it: what it says of stopping is not
# judged. A pointer to what the warehouse does not hold ("See results section", "See protocol") is left as a reason.
_POINTED_PART = r"(detailed\s+description|(?:brief\s+)?summary|description)"
POINTER = (r"^\PL*(?:(?:the\s+)?(?:study\s+|trial\s+)?(?:was\s+|has\s+been\s+)?"
           r"(?:terminated|withdrawn|suspended|stopped|discontinued|halted)\PL*)?"
           r"(?:(?:(?:for|due\s+to)\s+)?others?(?:\s+reasons?)?\PL*)?"
           r"(?:(?:the\s+)?reasons?\PL*(?:is\s+|are\s+)?)?"
           r"(?:(?:please\s+)?(?:see|refer\s+to|read)|(?:as\s+)?(?:described|explained|given|stated|detailed)\s+in)"
           rf"\s+(?:the\s+)?(?:study(?:'s)?\s+)?{_POINTED_PART}(?:\s+(?:section|field))?\PL*$")
