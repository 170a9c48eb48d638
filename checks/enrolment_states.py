"""What a study's type, status and enrollment say of whom it has enrolled, as SQL on `studies s`."""
from __future__ import annotations

INTERVENTIONAL = "s.study_type = 'INTERVENTIONAL'"
# A trial that reports an ACTUAL enrollment of 0, or a TERMINATED one that reports 0 of any type (an ended study's 0
# is a count, whatever type was left on it), enrolled nobody: it has no participant data to post as results, and no
# first enrolment a registration deadline ran from.
ENROLLED_NOBODY = ("coalesce(s.enrollment = 0 AND (s.enrollment_type = 'ACTUAL' OR s.overall_status = 'TERMINATED'), "
                   "FALSE)")
# A study NOT_YET_RECRUITING (or last known so, where the registry now says UNKNOWN) has enrolled nobody yet: a start
# it gives as past, typed ACTUAL or untyped, contradicts that (contradictions.not_yet_recruiting_with_actuals), and
# which of the two is wrong the record cannot tell.
NOT_YET_ENROLLING = ("coalesce(s.overall_status = 'NOT_YET_RECRUITING' OR s.overall_status = 'UNKNOWN' "
                     "AND s.last_known_status = 'NOT_YET_RECRUITING', FALSE)")
