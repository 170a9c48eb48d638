"""Rule status.completed_with_reason_stopped: a COMPLETED study's reason for stopping, read for whether it says the
study ended early, only says the study ran its course, or says no reason at all."""
from __future__ import annotations

from checks.sql_text import literal, sql_text
from checks.status_reason_words import NO_REASON, NO_REASON_WORDS, REASON_READ_WHOLE

# A reason that says the study ended before its plan: it was terminated, not completed. "Closed" or "ended" alone
# ("Closed to accrual", "Funding ended") is how a study that ran its course is often described.
_ENDED_EARLY = (r"(?i)\b(?:terminat\w*|stopped|halted|discontinued|abandoned|aborted)\b"
                r"|\b(?:early|prematurely)\s+(?:terminat|stop|clos|end)|\b(?:closed|ended)\s+(?:early|prematurely)\b")
# A stop the study came back from ("Recruitment temporarily halted during COVID-19; resumed"), or a denial ("The
# study was not stopped"): no early end.
_NOT_ENDED = (r"(?i)\b(?:temporar\w*|paus\w*|resum\w*|restart\w*|re-?start\w*|re-?open\w*|re-?initiat\w*|"
              r"interrupt\w*|on\s+hold)\b|\b(?:not|never)\s+(?:been\s+)?(?:terminat|stop|halt|discontinu)")
# Words that say the study ran its course ("Study completed as planned", "Enrollment goal reached", "Closed to
# accrual after the target sample size was reached", "Recruitment stopped since the planned number of patients was
# reached", "Stopped enrolling: sample size met", "Study was completed, no reason for stopping"), beside the words
# that say no reason: such a reason only says the status again.
_COMPLETION_WORDS = ("complete", "completed", "completion", "finished", "concluded", "planned", "normally",
                     "scheduled", "expected", "as", "after", "all", "participants", "patients", "subjects",
                     "enrolled", "enrollment", "enrolment", "recruitment", "accrual", "data", "collection", "follow",
                     "up", "target", "goal", "sample", "size", "number", "of", "reached", "met", "achieved", "end",
                     "ended", "when", "to", "stop", "it", "and", "successfully",
                     "due", "since", "because", "once", "had", "required", "in", "per", "ahead", "schedule",
                     "recruiting", "enrolling", "recruited", "last", "patient", "participant", "subject", "visit",
                     "reaching", "randomized", "randomised", "included", "needed", "intended",
                     "did", "or", "on", "according", "analysis", "analyses", "for", "stopping")
# One of them that says the course was run ("completed", "goal reached", "end of study", "as planned", "ended
# normally", "ended on schedule", "ended as per protocol"), or that the number the study needed had been enrolled
# ("Recruitment stopped because the required number of participants had been enrolled").
_RAN_ITS_COURSE = (r"\b(?:complet\w*|finished|concluded|reached|reaching|met|achieved|end\s+of|normally|"
                   r"as\s+(?:planned|scheduled|expected)|on\s+schedule|"
                   r"ended\s+(?:as\s+per|per|according\s+to)\s+(?:the\s+)?(?:study\s+)?protocol)\b|"
                   r"\b(?:required|planned|target|needed|intended|expected)\s+(?:\w+\s+){0,3}?"
                   r"(?:had|have|has|were|was)\s+(?:been\s+)?(?:enrolled|recruited|randomi[sz]ed|included)\b")
# A stop denied ("The study was never stopped", "Not terminated or suspended", "The study did not stop"): the course
# was run, unless the words beside the denial say the study ended early ("Discontinued, not suspended").
_STOP_DENIED = r"\b(?:not|never)\s+(?:been\s+)?(?:terminat|stop|halt|discontinu|suspend)\w*"
# The course said not run: "Target enrollment not reached", "Study not completed", "Not all planned patients were
# enrolled", "No patients were randomized".
_COURSE_NOT_RUN = (r"\bnot\s+(?:been\s+)?(?:complet\w*|finished|concluded|reached|met|achieved)\b|\bnot\s+all\b|"
                   r"\bno\s+(?:\w+\s+){0,3}?(?:had|have|has|were|was)\b")
# A reason that is only enrolment closed at a count ("Enrollment stopped at 120 participants", "Accrual stopped after
# 24 patients", "Recruitment closed with n=60, as planned"), or the treatment ended as the protocol has it ("Treatment
# discontinued per protocol", "Dosing stopped according to the protocol"): the course the protocol set was run. A word
# more ("stopped early at 40", "at only 40", "before the target", "(planned 90)", "per protocol stopping rules", "Study
# stopped per protocol") says otherwise, or may: such a reason is read as the others are.
_PARTICIPANTS = r"participants|patients|subjects|persons|people|volunteers|individuals|children|women|men|cases"
_CLOSED_AT_COUNT = (r"(?:the\s+)?(?:enrol?ment|enrollment|recruitment|accrual|inclusions?|randomi[sz]ation)\s+"
                    r"(?:was\s+|has\s+been\s+|had\s+been\s+)?(?:stopped|closed|ended|completed|terminated|halted|"
                    r"finished)\s+(?:at|after|with)\s+(?:a\s+total\s+of\s+)?(?:n\s*=\s*)?\d+"
                    rf"(?:\s+(?:{_PARTICIPANTS}))?(?:\s+(?:enrolled|recruited|randomi[sz]ed|included))?"
                    r"(?:\W+as\s+(?:planned|scheduled|expected)(?:\s+in\s+the\s+protocol)?)?")
_TREATED_PER_PROTOCOL = (r"(?:the\s+)?(?:study\s+)?(?:treatments?|therapy|dosing|interventions?|drug\s+administration)"
                         r"\s+(?:was\s+|were\s+|has\s+been\s+)?(?:stopped|discontinued|ended|completed|finished)\s+"
                         r"(?:as\s+)?(?:per|according\s+to|as\s+(?:specified|defined|planned|described)\s+in)\s+"
                         r"(?:the\s+)?(?:study\s+)?protocol")
_RAN_AS_PLANNED = rf"\PL*(?:{_CLOSED_AT_COUNT}|{_TREATED_PER_PROTOCOL})\PL*"
# SQL: the reason denies a stop, and its words beside the denial say no early end.
_DENIED_ONLY = (f"regexp_matches(lower(s.why_stopped), {literal(_STOP_DENIED)}) AND NOT regexp_matches("
                f"regexp_replace(lower(s.why_stopped), {literal(_STOP_DENIED)}, ' ', 'g'), {literal(_ENDED_EARLY)})")
_SAID_COMPLETED = (r"(regexp_full_match(lower(s.why_stopped), "
                   rf"'\PL*(?:\b(?:{'|'.join(NO_REASON_WORDS + _COMPLETION_WORDS)})\b\PL*)*') AND "
                   f"(regexp_matches(lower(s.why_stopped), {literal(_RAN_ITS_COURSE)}) OR {_DENIED_ONLY}) AND "
                   f"NOT regexp_matches(lower(s.why_stopped), {literal(_COURSE_NOT_RUN)}) OR "
                   f"regexp_full_match(lower(s.why_stopped), {literal(_RAN_AS_PLANNED)}))")


def completed_with_reason_stopped_sql() -> str:
    """SQL: the COMPLETED studies whose reason for stopping says they ended early (warning) or is left from an earlier
    stop (info)."""
    texts = {"st": "s.overall_status", "why": "s.why_stopped"}
    message = ("CASE WHEN s.early THEN "
               + sql_text("Status is COMPLETED but the record says why the study stopped: '{why}', which says it "
                          "ended early (TERMINATED).", **texts)
               + " ELSE " + sql_text("Status is COMPLETED but the record still gives a reason why the study "
                                     "stopped: '{why}'.", **texts) + " END")
    # Each reading of the reason made once per study, in the inner SELECTs, and read as s.said_completed, s.early.
    given = (f"SELECT *, coalesce({_SAID_COMPLETED}, FALSE) AS said_completed FROM studies s "
             f"WHERE s.overall_status = 'COMPLETED' AND s.why_stopped IS NOT NULL AND {REASON_READ_WHOLE}")
    read = (f"SELECT *, regexp_matches(s.why_stopped, {literal(_ENDED_EARLY)}) AND NOT regexp_matches(s.why_stopped, "
            f"{literal(_NOT_ENDED)}) AND NOT s.said_completed AS early FROM ({given}) s")
    return (f"SELECT s.nct_id, {message} AS message, "
            f"{sql_text('overall_status={st}; why_stopped={why}', **texts)} AS evidence, "
            f"CASE WHEN s.early THEN 'warning' ELSE 'info' END AS severity FROM ({read}) s "
            f"WHERE s.early OR NOT ({NO_REASON} OR s.said_completed)")
