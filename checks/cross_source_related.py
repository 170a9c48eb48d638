"""What one record says about another (related_studies) against that study's own record in `studies`.

The finding goes to the study that makes the statement; a related study that is not in the
warehouse is not compared. Labels are normalised first ("Not yet recruiting" = NOT_YET_RECRUITING,
"Phase 1/Phase 2" = PHASE1/PHASE2), and titles are compared without case, spacing or punctuation. An entry whose
title names another trial (an extension or sub-study under its parent's id) is not held to the study's status or phase.
"""
from __future__ import annotations

from checks.rule import Rule
from checks.sql_text import literal
from schemas.enums import OPEN_STATUSES, OVERALL_STATUS, PHASE_COMBINED

OPEN = "(" + ", ".join(map(literal, OPEN_STATUSES)) + ")"
# The statuses a list can be held to: a word the registry does not use ('Ongoing', 'Open') cannot be compared.
KNOWN_STATUSES = "(" + ", ".join(map(literal, OVERALL_STATUS)) + ")"


def _status(expr: str) -> str:
    code = f"trim(regexp_replace(upper(trim({expr})), '[^A-Z0-9]+', '_', 'g'), '_')"
    return f"CASE {code} WHEN 'UNKNOWN_STATUS' THEN 'UNKNOWN' ELSE {code} END"


# A phase number in roman figures after 'Phase' or a slash ('Phase I-II', 'Phase IIb/III').
ROMAN_PHASES = (("IV", "4"), ("III", "3"), ("II", "2"), ("I", "1"))
# The phases a list can be held to, as _phase spells them: a word that names no phase ('Pilot', 'Pivotal') cannot.
KNOWN_PHASES = "(" + ", ".join(literal(p.replace("_", "")) for p in PHASE_COMBINED) + ")"


def _arabic(code: str) -> str:
    """SQL: `code` with each roman phase number written in figures."""
    for roman, number in ROMAN_PHASES:
        code = f"regexp_replace({code}, '(PHASE|/){roman}([AB]?)(/|$)', '\\1{number}\\2\\3', 'g')"
    return code


def _phase_code(expr: str) -> str:
    """SQL: a phase label as the registry spells it, without separators: PHASE1/PHASE2, EARLYPHASE1, 'Phase 2' is
    PHASE2 (the phase of a record, and of most lists)."""
    return f"regexp_replace(upper({expr}), '[^A-Z0-9/]+', '', 'g')"


def _lettered(expr: str) -> str:
    """SQL: a phase as a list writes it, in figures and slashes, its sub-phase letters kept: 'Phase Ib' is PHASE1B,
    'Phase I-IIa' PHASE1/2A (a joining hyphen, comma or 'and' is a slash)."""
    code = f"regexp_replace(upper({expr}), '\\s*(-|–|/|,|&|\\bAND\\b)\\s*', '/', 'g')"
    return _arabic(_arabic(f"regexp_replace({code}, '[^A-Z0-9/]+', '', 'g')"))


def _phase(lettered: str, code: str) -> str:
    """SQL: a phase as a list writes it, spelt one way, from its spelling with sub-phase letters (`lettered`, SQL, as
    _lettered gives it) and as a registry code (`code`, as _phase_code gives it): 'Phase I-II', 'Phase 1b/2a' and
    PHASE1/PHASE2 are PHASE1/PHASE2, 'Phase 0' and EARLY_PHASE1 are EARLYPHASE1, 'N/A' is NA (a sub-phase letter
    is the same phase)."""
    spelt = f"regexp_replace({lettered}, '(\\d)[AB](/|$)', '\\1\\2', 'g')"
    spelt = f"regexp_replace({spelt}, '^PHASE(\\d)/(?:PHASE)?(\\d)$', 'PHASE\\1/PHASE\\2')"
    spelt = f"regexp_replace({spelt}, '^PHASE0$', 'EARLYPHASE1')"
    written = f"CASE WHEN {spelt} IN ('N/A', 'NOTAPPLICABLE', '') THEN 'NA' ELSE {spelt} END"
    return f"CASE WHEN {code} IN {KNOWN_PHASES} THEN {code} ELSE {written} END"


# Words a title may write either way, as (pattern on the title in lower case, its words parted by one space, spelt
# as): 'vs' or 'v' for 'versus', British '-ise' spellings ('Randomised', 'Optimising'), and a leading article; '&' is
# 'and'.
TITLE_WORDS = (("\\bvs?\\b", "versus"), ("is(e|ed|es|ing|ation|ations)\\b", "iz\\1"), ("^(a|an|the) ", ""))
# British spellings of medical words, as TITLE_WORDS: 'Tumours', 'Behaviour' (a word of three letters or more before
# '-our', so 'four' and 'your' stay); 'Haemophilia', 'Paediatric', 'Leukaemia' (an 'ae' inside a word, so 'Aerosol'
# stays); 'Oesophageal', 'Oedema', 'Diarrhoea' (an 'oe' before a letter); 'Centres', 'Fibre'; 'Labelled',
# 'Modelling'; 'Analysed'; 'Catalogue'.
BRITISH_WORDS = (("([a-z]{2,})our(s?)\\b", "\\1or\\2"), ("([a-z])ae([a-z])", "\\1e\\2"), ("oe([a-z])", "e\\1"),
                 ("([a-z]{2,})([tb])re(s?)\\b", "\\1\\2er\\3"), ("([a-z])ll(ed|ing|er)\\b", "\\1l\\2"),
                 ("ys(e|ed|es|ing)\\b", "yz\\1"), ("ogue\\b", "og"))
# A possessive a title may drop ('Sjogren's Syndrome', 'Sjogren Syndrome'; 'Crohn's Disease'): its 's', a word of its
# own once the apostrophe is a space.
POSSESSIVE = (("\\b([a-z]{2,}) s\\b", "\\1"),)
# A number in roman figures after 'phase', 'type', 'stage' or 'grade' ('Phase II', 'Type II Diabetes', 'Stage IIIb'),
# and after a first such number ('Phase I/IIa' is 'phase 1 2a'), in figures: one pattern per figure, I before II (so
# the I of 'phase i ii' is read first) and II before III.
PHASE_FIGURES = tuple((f"(\\b(?:phase|type|stage|grade) (?:[0-9][ab]? )?){roman}([ab]?)\\b", f"\\1{number}\\2")
                      for roman, number in (("i", "1"), ("ii", "2"), ("iii", "3"), ("iv", "4")))


def _title(expr: str) -> str:
    """SQL: a title without case, accents, spacing or punctuation, its words spelt one way (TITLE_WORDS, BRITISH_WORDS,
    POSSESSIVE, PHASE_FIGURES)."""
    code = f"trim(regexp_replace(replace(lower(strip_accents({expr})), '&', ' and '), '[^a-z0-9]+', ' ', 'g'))"
    for pattern, spelt in TITLE_WORDS + BRITISH_WORDS + POSSESSIVE + PHASE_FIGURES:
        code = f"regexp_replace({code}, '{pattern}', '{spelt}', 'g')"
    return code


# An acronym in brackets that ends a record's title ('... Syndrome (BARI-SS)'), which a list may leave out: capitals,
# figures and hyphens, one letter at least not a roman figure (a title ending '(II)' may be the second of two trials),
# a full stop after it or not ('... Syndrome (BARI-SS).').
_END_ACRONYM = "'\\s*\\([A-Z0-9-]*[A-HJ-UWYZ][A-Z0-9-]*\\)[\\s.]*$'"

_ENTRIES = """
    SELECT r.nct_id, r.related_nct_id, r.stated_status, r.stated_phase, r.title AS stated_title,
           s.overall_status, s.last_known_status, s.phase, s.brief_title, s.official_title,
           s.last_update_posted_date AS own_updated, s.acronym,
           (SELECT coalesce(w.snapshot_date, w.last_update_posted_date) FROM studies w WHERE w.nct_id = r.nct_id)
             AS stated_on
    FROM related_studies r JOIN studies s ON s.nct_id = r.related_nct_id
    WHERE r.related_nct_id IS NOT NULL AND r.related_nct_id <> r.nct_id
"""
# The titles that name the study: its brief or official title, either without the acronym in brackets that ends it,
# either with its acronym before or after, or the acronym alone. A stated title cut short with an ellipsis is
# compared as a prefix; a title an earlier version of the study's record gave (titles are revised) names it too.
_OWN_TITLES = {
    "own_brief": "brief_title", "own_official": "official_title", "own_acronym": "acronym",
    "own_brief_bare": f"regexp_replace(brief_title, {_END_ACRONYM}, '')",
    "own_official_bare": f"regexp_replace(official_title, {_END_ACRONYM}, '')",
}
_NAMES = ("own_brief", "own_official", "own_brief_bare", "own_official_bare", "own_brief || ' ' || own_acronym",
          "own_official || ' ' || own_acronym", "own_acronym || ' ' || own_brief", "own_acronym || ' ' || own_official",
          "own_acronym")
_TITLE_MATCHES = " OR ".join(f"said_title = {own} OR (cut_short AND starts_with({own}, said_title))"
                             for own in _NAMES)
_NORMALISED = ", ".join(f"{_title(expr)} AS {name}" for name, expr in _OWN_TITLES.items())
# The brief titles each listed study's stored versions gave other than its current one, spelt as _title spells them.
_EARLIER_TITLES = (f"SELECT DISTINCT v.nct_id, {_title('v.brief_title')} AS earlier_title "
                   f"FROM meta.source_records v JOIN studies s ON s.nct_id = v.nct_id "
                   f"WHERE v.brief_title IS NOT NULL AND v.brief_title IS DISTINCT FROM s.brief_title "
                   f"AND v.nct_id IN (SELECT related_nct_id FROM related_studies)")


def _named(entries: str) -> str:
    """SQL: the entries `entries` selects (_ENTRIES' columns), each with whether its title names the study (names_it;
    NULL where it gives no title or the study's record none): an entry titled as another trial (an extension or
    sub-study under its parent's id, a sibling of one sponsor's program) speaks of that trial, whose status and phase
    are its own."""
    return f"""
    SELECT n.*, CASE WHEN said_title <> '' AND brief_title IS NOT NULL
                     THEN coalesce({_TITLE_MATCHES}, false) OR e.earlier_title IS NOT NULL END AS names_it
    FROM (SELECT *, {_title('stated_title')} AS said_title, {_NORMALISED},
                 coalesce(regexp_matches(stated_title, '(\\.\\.\\.|…)\\s*$'), false) AS cut_short
          FROM ({entries})) n
    LEFT JOIN ({_EARLIER_TITLES}) e ON e.nct_id = n.related_nct_id AND e.earlier_title = n.said_title"""


_NAMES_IT = "coalesce(names_it, true)"


# The stated title beside a status or phase, so a reader sees which entry is meant.
_ABOUT = "|| coalesce(' (''' || left(stated_title, 80) || ''')', '')"


def _select(what: str, stated: str, own: str, differs: str, field: str, own_field: str, keep: str = "",
            statements: str = _ENTRIES) -> str:
    """The SELECT of one comparison; `keep` names further columns of the statement to select, `statements` the
    query of the statements compared (_ENTRIES, or one that adds columns to it)."""
    about = "" if field == "title" else _ABOUT
    quoted = "'''' || {} || ''''" if field == "title" else "{}"
    shown_stated, shown_own = quoted.format(stated), quoted.format(own)
    kept = f", {keep}" if keep else ""
    return f"""
    SELECT nct_id,
           'This record says ' || related_nct_id || ' {what} ' || {shown_stated}
             || ' but that study''s own record says ' || {shown_own} || '.' AS message,
           'related_studies.{field} = ''' || {stated} || ''' for ' || related_nct_id {about}
             || '; studies.{own_field} of ' || related_nct_id || ' = ''' || {own} || '''' AS evidence{kept}
    FROM ({statements}) WHERE {differs}"""


# The registry shows an open study not verified for two years as UNKNOWN, beside its last known status: a list
# that gives that status (or an open one, where the record keeps no last known status) shows what was last
# reported, out of date rather than wrong.
_LAST_KNOWN = (f"overall_status = 'UNKNOWN' AND {_status('stated_status')} IN {OPEN} "
               f"AND {_status('stated_status')} = coalesce({_status('last_known_status')}, {_status('stated_status')})")
_LAST_KNOWN_MESSAGE = ("'This record says ' || related_nct_id || ' is ' || stated_status || ', its last known "
                       "status, but that study''s own record now says UNKNOWN (not verified for two years).'")
_LAST_KNOWN_EVIDENCE = ("coalesce('; studies.last_known_status of ' || related_nct_id || ' = ''' "
                        "|| last_known_status || '''', '')")
# The order in which the registry moves a study on: a list giving an earlier stage than the study's own record
# was true when it was written unless it was written after that record's last update, when the study had moved on
# already. A list of no known date (a trial-summary page shows none) is out of date, not wrong. A study is withdrawn
# only before it enrolls, and moves on from no status that ends it.
STAGES = {"NOT_YET_RECRUITING": 0, "RECRUITING": 1, "ENROLLING_BY_INVITATION": 1, "WITHDRAWN": 2,
          "ACTIVE_NOT_RECRUITING": 2, "COMPLETED": 3, "TERMINATED": 3}
ENDED = ("WITHDRAWN", "COMPLETED", "TERMINATED")


def stage(column: str) -> str:
    """SQL: the stage the registry status in `column` is at, in the order the registry moves a study on (NULL for
    one outside it)."""
    cases = " ".join(f"WHEN {literal(status)} THEN {place}" for status, place in STAGES.items())
    return f"(CASE {column} {cases} END)"


def _stage(expr: str) -> str:
    """SQL: the stage of a status a list gives in its own words (`_status`)."""
    return stage(_status(expr))


# A study the registry shows as UNKNOWN is at its last known status's stage: a list giving an earlier one was written
# before the study moved on to it.
_OWN_STAGE = _stage("CASE WHEN overall_status = 'UNKNOWN' THEN last_known_status ELSE overall_status END")
_MOVED_ON = (f"{_stage('stated_status')} < {_OWN_STAGE} "
             f"AND {_status('stated_status')} NOT IN ({', '.join(map(literal, ENDED))}) "
             "AND NOT coalesce(stated_on >= own_updated, false)")
# Moves the stages leave out: a suspended study resumes or stops, an open one is suspended, a study shown as UNKNOWN
# is verified again with any status, and expanded access becomes available or not again. A list that gives the
# status before such a move is out of date, as above.
OTHER_MOVES = {
    "SUSPENDED": ("RECRUITING", "ENROLLING_BY_INVITATION", "ACTIVE_NOT_RECRUITING", "COMPLETED", "TERMINATED",
                  "WITHDRAWN"),
    **{status: ("SUSPENDED",) for status in OPEN_STATUSES},
    "UNKNOWN": tuple(s for s in OVERALL_STATUS if s != "UNKNOWN"),
    **{status: ("AVAILABLE", "TEMPORARILY_NOT_AVAILABLE", "NO_LONGER_AVAILABLE", "APPROVED_FOR_MARKETING")
       for status in ("AVAILABLE", "TEMPORARILY_NOT_AVAILABLE")},
}
_OTHER_MOVES = "(" + ", ".join(literal(f"{stated}>{status}") for stated, later in OTHER_MOVES.items()
                               for status in later) + ")"
# A study the registry shows as UNKNOWN asserts no status: the one it last verified, over two years ago, is its last
# known status. A list giving a later stage (active, completed, terminated) may give the newer word, and the registry's
# status is out of date, unless the list was written by the study's last update, when the study was still at its last
# known stage: the list's own record was last updated on or before it (the list is no newer than its record).
_PAST_LAST_KNOWN = (f"overall_status = 'UNKNOWN' "
                    f"AND {_stage('stated_status')} > coalesce({_stage('last_known_status')}, -1) "
                    "AND NOT coalesce(listed_by <= own_updated, false)")
_PAST_LAST_KNOWN_MESSAGE = ("'This record says ' || related_nct_id || ' is ' || stated_status || ' but that "
                            "study''s own record says UNKNOWN' || coalesce(' (last known ' || last_known_status "
                            "|| ')', '') || ': "
                            "the registry''s status is out of date (not verified for two years), and this record may "
                            "give the later one.'")
_PAST_LAST_KNOWN_EVIDENCE = ("'; ' || coalesce('this record last updated ' || listed_by, 'this record gives no update "
                             "date') || ', that study''s own record updated ' || coalesce(own_updated::VARCHAR, 'on no "
                             "date given')")
_MOVED_TO = (f"{_status('stated_status')} || '>' || overall_status IN {_OTHER_MOVES} "
             "AND NOT coalesce(stated_on >= own_updated, false)")
_MOVED_TO_MESSAGE = ("'This record says ' || related_nct_id || ' is ' || stated_status || ' but that study''s own "
                     "record says ' || overall_status || ', a status it may have taken since: this record may have "
                     "listed it before (out of date rather than wrong).'")
_MOVED_ON_MESSAGE = ("'This record says ' || related_nct_id || ' is ' || stated_status || ' but that study''s own "
                     "record says ' || overall_status || coalesce(' (last known ' || CASE WHEN overall_status = "
                     "'UNKNOWN' THEN last_known_status END || ')', '') || ', a later stage: this record may have "
                     "listed it before it moved on (out of date rather than wrong).'")
_MOVED_ON_EVIDENCE = ("'; ' || coalesce('this record dated ' || stated_on, 'this record gives no date') || ', that "
                      "study''s own record updated ' || coalesce(own_updated::VARCHAR, 'on no date given')")
# The entries whose status differs from the study's own, each with whether its title names the study (titles are
# read only where the statuses differ) and the last update of the record that lists it (listed_by).
_STATUSES_DIFFERING = _named(
    f"SELECT e.*, (SELECT w.last_update_posted_date FROM studies w WHERE w.nct_id = e.nct_id) AS listed_by "
    f"FROM ({_ENTRIES}) e WHERE stated_status IS NOT NULL AND overall_status IS NOT NULL "
    f"AND {_status('stated_status')} IN {KNOWN_STATUSES} AND {_status('stated_status')} <> {_status('overall_status')}")
_STATUS_DIFFERS = _select(
    "is", "stated_status", "overall_status", _NAMES_IT, "stated_status", "overall_status",
    statements=_STATUSES_DIFFERING,
    keep=f"related_nct_id, stated_status, last_known_status, overall_status, stated_on, own_updated, "
         f"coalesce({_LAST_KNOWN}, false) AS last_reported, coalesce({_MOVED_ON}, false) AS moved_on, "
         f"coalesce({_MOVED_TO}, false) AS moved_to, listed_by, "
         f"coalesce({_PAST_LAST_KNOWN}, false) AS past_last_known",
)
RELATED_STATUS_DIFFERS = f"""
    SELECT nct_id, CASE WHEN last_reported THEN {_LAST_KNOWN_MESSAGE}
                        WHEN moved_on THEN {_MOVED_ON_MESSAGE}
                        WHEN moved_to THEN {_MOVED_TO_MESSAGE}
                        WHEN past_last_known THEN {_PAST_LAST_KNOWN_MESSAGE} ELSE message END AS message,
           evidence || CASE WHEN last_reported THEN {_LAST_KNOWN_EVIDENCE}
                            WHEN moved_on OR moved_to THEN {_MOVED_ON_EVIDENCE} || {_LAST_KNOWN_EVIDENCE}
                            WHEN past_last_known THEN {_PAST_LAST_KNOWN_EVIDENCE} || {_LAST_KNOWN_EVIDENCE}
                            ELSE '' END AS evidence,
           CASE WHEN last_reported OR moved_on OR moved_to OR past_last_known THEN 'info' END AS severity
    FROM ({_STATUS_DIFFERS})"""
# Each phase label the lists give, spelt one way: said_phase (PHASE1/PHASE2, EARLYPHASE1) and said_lettered, its
# sub-phase letters kept (PHASE1B). Lists give few labels, so each is spelt once, not once per entry.
_SPELLINGS = (f"SELECT stated_phase, {_phase(_lettered('stated_phase'), _phase_code('stated_phase'))} AS said_phase, "
              f"{_lettered('stated_phase')} AS said_lettered "
              f"FROM (SELECT DISTINCT stated_phase FROM related_studies WHERE stated_phase IS NOT NULL)")
_PHASES_STATED = (f"SELECT st.*, sp.said_phase, sp.said_lettered, {_phase_code('phase')} AS own_phase "
                  f"FROM ({_ENTRIES}) st JOIN ({_SPELLINGS}) sp USING (stated_phase) WHERE st.phase IS NOT NULL")
# A sub-phase that sponsors register as a combined phase: a 'Phase 1b' or 'Phase 2a' trial as PHASE1/PHASE2, a
# 'Phase 2b' one as PHASE2/PHASE3 (as title_phase_differs reads titles). A list that names it names the study's phase.
SUBPHASE_REGISTERED_AS = {"PHASE1B": "PHASE1/PHASE2", "PHASE2A": "PHASE1/PHASE2", "PHASE2B": "PHASE2/PHASE3"}
_SUBPHASE_AGREES = ("said_lettered || '>' || own_phase IN ("
                    + ", ".join(literal(f"{sub}>{combined}") for sub, combined in SUBPHASE_REGISTERED_AS.items()) + ")")
# A list that names one of a combined phase's two phases ('Phase 2' for PHASE1/PHASE2) tells part of the study's
# phase, and one that calls an Early Phase 1 study (formerly Phase 0) 'Phase 1' names the phase it leads into: less
# than the record says, not a contradiction (info).
_PART_OF_PHASE = ("(list_contains(string_split(own_phase, '/'), said_phase) "
                  "OR (said_phase = 'PHASE1' AND own_phase = 'EARLYPHASE1'))")
_PART_OF_PHASE_MESSAGE = ("'This record says ' || related_nct_id || ' is in ' || stated_phase || ', but that "
                          "study''s own record says ' || phase || CASE WHEN own_phase = 'EARLYPHASE1' "
                          "THEN ' (Early Phase 1, formerly Phase 0), the phase before it.' "
                          "ELSE ', of which this is one phase.' END")
# The entries whose phase differs from the study's own, each with whether its title names the study.
_PHASES_DIFFERING = _named(f"SELECT * FROM ({_PHASES_STATED}) WHERE said_phase IN {KNOWN_PHASES} "
                           f"AND said_phase <> own_phase AND NOT {_SUBPHASE_AGREES}")
_PHASE_DIFFERS = _select(
    "is in", "stated_phase", "phase", _NAMES_IT,
    "stated_phase", "phase", keep=f"related_nct_id, stated_phase, phase, own_phase, "
                                  f"coalesce({_PART_OF_PHASE}, false) AS part_of_phase",
    statements=_PHASES_DIFFERING,
)
RELATED_PHASE_DIFFERS = f"""
    SELECT nct_id, CASE WHEN part_of_phase THEN {_PART_OF_PHASE_MESSAGE} ELSE message END AS message, evidence,
           CASE WHEN part_of_phase THEN 'info' END AS severity
    FROM ({_PHASE_DIFFERS})"""
RELATED_TITLE_DIFFERS = _select(
    "is titled", "stated_title", "brief_title", "NOT names_it", "title", "brief_title",
    statements=_named(f"SELECT * FROM ({_ENTRIES}) WHERE stated_title IS NOT NULL AND trim(stated_title) <> '' "
                      f"AND brief_title IS NOT NULL"),
)

RULES = (
    Rule("cross_source.related_study_status_differs", "contradiction", "warning",
         "A related-trials list that misstates another trial's status sends readers to closed or open trials wrongly; "
         "one giving the last known status of a study the registry now shows as UNKNOWN is out of date: info, "
         "as is one giving an earlier stage (not yet recruiting, recruiting, active) than the study's own record, "
         "or a status the study may have left since (suspended, UNKNOWN, open before a suspension, expanded access "
         "available), unless the list is dated after that record's last update (for a study shown as UNKNOWN, its last "
         "known status's stage); and so is a later stage than the last known status of a study shown as UNKNOWN "
         "(which asserts no status: the registry's is out of date), unless the list's record was last updated on or "
         "before that study's record; a word that is no registry status, or an entry titled as another trial, "
         "is not compared.",
         ("related_studies.stated_status", "studies.overall_status"), sql=RELATED_STATUS_DIFFERS,
         reads_other_studies=True),
    Rule("cross_source.related_study_phase_differs", "contradiction", "warning",
         "A related-trials list that misstates another trial's phase misclassifies it for anyone comparing trials "
         "('Phase I-II' and 'Phase 2-3' are combined phases; a word that names no phase is not compared). A list "
         "that names one of a combined phase's phases ('Phase 2' for PHASE1/PHASE2), or 'Phase 1' for Early "
         "Phase 1, says less than the record, not otherwise: info; 'Phase 1b' and 'Phase 2a' agree with "
         "PHASE1/PHASE2 and 'Phase 2b' with PHASE2/PHASE3, as sponsors register them; an entry titled as another "
         "trial is not compared.",
         ("related_studies.stated_phase", "studies.phase"), sql=RELATED_PHASE_DIFFERS, reads_other_studies=True),
    Rule("cross_source.related_study_title_differs", "contradiction", "info",
         "A related-trials entry whose title is not the trial's title may point at the wrong trial (its acronym, "
         "before or after its title, its title without the acronym that ends it, or a title an earlier version of its "
         "record gave, names the same trial; '&', 'vs', '-ise' and other British spellings, a possessive's 's', "
         "roman phase numbers and a leading article are read as one).",
         ("related_studies.title", "studies.brief_title"), sql=RELATED_TITLE_DIFFERS, reads_other_studies=True),
)
