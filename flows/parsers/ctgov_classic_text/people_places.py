"""clincosm study page, people: eligibility, sponsors, investigators (the sites are read by sites)."""
from __future__ import annotations

import re

from flows.parsers import labels
from flows.parsers.page_text import nonblank, text_block, unbullet
from flows.parsers.page_values import no_value
from schemas.enums import AGENCY_CLASS, SAMPLING_METHOD

_AGE = r"\d+\s+(?:Years?|Months?|Weeks?|Days?|Hours?|Minutes?)"
_ELIGIBILITY_KEYS = {"Ages Eligible for Study:": "ages", "Sexes Eligible for Study:": "sex",
                     "Genders Eligible for Study:": "sex", "Accepts Healthy Volunteers:": "healthy",
                     # the registry's gender-based eligibility fields, shown (when given) below the sexes
                     "Gender Based Eligibility:": "gender_based",
                     "Gender Eligibility Description:": "gender_description",
                     # observational pages: shown above the criteria (the population as a heading, its text
                     # one paragraph below it; the sampling method loads into eligibilities.sampling_method)
                     "Sampling Method:": "sampling_method", "Study Population": "population",
                     "Study Population:": "population"}
_GENDER_FIELDS = ("gender_based", "gender_description")
CRITERIA = _CRITERIA = "Criteria"
# The registry's criteria open with their own label: 'Inclusion Criteria:', 'Key Exclusion Criteria', 'Eligibility
# Criteria:', as sponsors spell it too ('Inclusion Criteriar:', 'Inclusion Critera', 'Exclusion Criterion').
_CRITERIA_START = re.compile(r"^(?:key\s+)?(?:inclusion|exclusion|eligibility)\s+crit[a-z]*\b", re.I)
_PARENTHESES = re.compile(r"\(.*?\)")
_AGE_TO_AGE = re.compile(rf"^({_AGE})\s+to\s+({_AGE})$", re.I)
_AGE_AND_OLDER = re.compile(rf"^({_AGE})\s+and\s+(?:older|over)$", re.I)
_UP_TO_AGE = re.compile(rf"^(?:up\s+to\s+({_AGE})|({_AGE})\s+and\s+younger)$", re.I)
_NAME_AND_CLASS = re.compile(r"^(.*?)\s*\(([^()]*)\)$")
_OFFICIAL = re.compile(r"^(Study Chair|Study Director|Principal Investigator|Sub-Investigator):\s*(\S.*)$")
# A role shown before an official's name: words (no comma, no digit) and a colon ('Study Chair: ...').
_ROLE_LABEL = re.compile(r"^([A-Za-z][A-Za-z-]*(?: [A-Za-z-]+){0,3}):\s")
# The marks the page lists its officials with ('• Study Chair: ...'); a copy may show '*' or '-'.
_BULLET_MARKS = frozenset("•*-")
# Degrees, titles and name suffixes ('Jr.') that follow an investigator's name before the affiliation.
_CREDENTIALS = frozenset("""md phd dr prof professor mbbs mbchb ms msc mph rn do pharmd frcp frcpc
facp fcps bsc ma mba np pa dds dmd mpharm mmed md-phd mphil dphil ba bs msn dnp cnm crnp aprn fnp frcs frcsc
facs mrcp fracp mrcs mbbch bds kmd dmsc dc ph bm bch bchir bmbs mrcpch frcr frcog mdsci dnb
assocprof asstprof assoc asst
rph drs dm pt edd faan aocn pi mdphd med ompt dpt
drph rd mb chb mm mmm bsn jr sr ii iii
""".split())
UNDECIDED_OFFICIAL = "clincosm official's name and affiliation undecided"
# An academic rank alone ('Professor', 'Prof.', 'Assoc. Prof.', 'Associate Professor', 'Asst Professor').
_RANK = re.compile(r"^(?:(?:assoc(?:iate)?|asst|assistant|adjunct|clinical|visiting|full)\.?\s+)?prof(?:essor)?\.?$",
                   re.I)
# A company's form after a comma continues its name ('Janssen Research & Development, LLC Clinical Trial').
_COMPANY_FORMS = frozenset("llc inc ltd gmbh ag sa srl bv plc corp co".split())
# Commas outside brackets part an investigator line ('(UTC/GMT - 5 hours, EST)' is one part).
_LINE_COMMA = re.compile(r",(?![^()]*\))")
_CREDENTIAL_WORD = re.compile(r"[\s/-]+")


def is_eligibility_label(text: str) -> bool:
    """Whether the text is an eligibility label shown without its colon ('Ages Eligible for Study')."""
    return f"{text}:" in _ELIGIBILITY_KEYS


def eligibility(lines: list[str]) -> dict[str, object]:
    """The 'Criteria' block: ages, sex, healthy volunteers (an observational study's population), then the criteria
    text as shown."""
    values: dict[str, str] = {}
    expecting: str | None = None
    index = 0
    while index < len(lines):
        key = lines[index].strip()
        field, value = _labelled(key)
        if key == _CRITERIA:  # the heading (above or below the labels) is no value
            pass
        elif field and not value:
            expecting = field
        elif field:
            values[field], expecting = value, None
        elif expecting == "population" and key:
            end = _population_end(lines, index)
            values[expecting], expecting = text_block([line.strip() for line in lines[index:end]]) or "", None
            index = end
            continue
        elif expecting and key:
            values[expecting], expecting = key, None
        elif key:
            return _eligibility_row(values, [line for line in lines[index:] if line.strip() != _CRITERIA])
        index += 1
    return _eligibility_row(values, [])


def _population_end(lines: list[str], start: int) -> int:
    """Where the study population that starts at lines[start] ends: a population of several lines or paragraphs runs
    to the 'Criteria' heading, the criteria's own first label ('Inclusion Criteria:') or the next eligibility label
    below it; where none of these follows (the criteria may be free text), the population is its first paragraph when
    a blank line parts it from the criteria below (older records break their lines within a paragraph), else its
    first line."""
    for index in range(start + 1, len(lines)):
        line = lines[index].strip()
        if line == _CRITERIA or _labelled(line)[0]:
            return index
        if _CRITERIA_START.match(unbullet(line)):
            return _above_lone_item(lines, start, index)
    return next((index for index in range(start + 1, len(lines)) if not lines[index].strip()
                 and any(line.strip() for line in lines[index:])), start + 1)


def _above_lone_item(lines: list[str], start: int, end: int) -> int:
    """Where a population that runs from lines[start] to the criteria's first label at lines[end] ends: above a list
    of one item standing alone below its text ('• Healthy Controls' above 'Inclusion Criteria:'), as a record that
    groups its criteria by cohort heads each group; a population's own list has several items."""
    shown = [index for index in range(start, end) if lines[index].strip()]
    if len(shown) < 2:
        return end
    above, item = shown[-2:]
    listed = unbullet(lines[item]) != lines[item].strip()
    return item if listed and item - above > 1 and unbullet(lines[above]) == lines[above].strip() else end


def unread_ages(lines: list[str]) -> str | None:
    """The ages the eligibility lines show when they give ages (a number) that age_range cannot read ('18 to 65
    Years'), else None: such a value is no missing age."""
    shown = iter(nonblank(lines))
    for line in shown:
        field, value = _labelled(line)
        if field == "ages":
            ages = value or next(shown, "")
            digits = any(character.isdigit() for character in _PARENTHESES.sub("", ages))
            return ages if digits and age_range(ages) == (None, None) else None
    return None


def _labelled(line: str) -> tuple[str | None, str]:
    """(field, value) of a label line: ('sex', '') for 'Sexes Eligible for Study:' alone, ('gender_based', 'No')
    for 'Gender Based Eligibility: No'; (None, '') for any other line."""
    if line in _ELIGIBILITY_KEYS:
        return _ELIGIBILITY_KEYS[line], ""
    label, colon, value = line.partition(":")
    field = _ELIGIBILITY_KEYS.get(label.rstrip() + colon) if colon else None
    return (field, value.strip()) if field else (None, "")


def _eligibility_row(values: dict[str, str], criteria: list[str]) -> dict[str, object]:
    minimum, maximum = age_range(values.get("ages"))
    row = {"gender": labels.page_label("sex", values.get("sex")), "minimum_age": minimum,
           "maximum_age": maximum, "healthy_volunteers": labels.lookup("yes_no", values.get("healthy")),
           "criteria": text_block(criteria)}
    if any(field in values for field in _GENDER_FIELDS):  # only pages that show them
        row.update(gender_based=labels.lookup("yes_no", values.get("gender_based")),
                   gender_description=values.get("gender_description"))
    if "population" in values:
        row["population"] = values["population"] or None
    if values.get("sampling_method"):  # 'Non-Probability Sample' -> NON_PROBABILITY_SAMPLE; another value as shown
        shown = values["sampling_method"]
        spelt = labels.enum_spelling(shown)
        row["sampling_method"] = spelt if spelt in SAMPLING_METHOD else shown
    return row


def age_range(text: str | None) -> tuple[str | None, str | None]:
    """'18 Years and Older' -> ('18 Years', None); '18 Years to 85 Years' -> both; 'up to 5 Years'."""
    text = _PARENTHESES.sub("", text or "").strip()
    if match := _AGE_TO_AGE.match(text):
        return match.group(1), match.group(2)
    if match := _AGE_AND_OLDER.match(text):
        return match.group(1), None
    if match := _UP_TO_AGE.match(text):
        return None, match.group(1) or match.group(2)
    return None, None


def party(text: str) -> dict[str, str | None]:
    """'Peking Union Medical College Hospital (Other)' -> name and agency class."""
    match = _NAME_AND_CLASS.match(text.strip())
    agency_class = labels.lookup("agency_class", match.group(2)) if match else None
    if agency_class not in AGENCY_CLASS:
        return {"name": text.strip(), "agency_class": None}
    return {"name": match.group(1), "agency_class": agency_class}


def sponsors(lead: str | None, collaborators: list[str], listed: list[str]) -> list[dict[str, object]]:
    """Lead and collaborators from the header; 'Sponsors and Collaborators' adds any others."""
    shown = [unbullet(line) for line in nonblank(listed)]
    parties = [_as_listed(party(text), shown) for text in ([lead] if lead else []) + collaborators]
    names = {p["name"] for p in parties}
    parties += [{"name": name, "agency_class": None} for name in shown if name not in names]
    return [{"agency_class": p["agency_class"], "lead_or_collaborator": "collaborator" if i else "lead",
             "name": p["name"]} for i, p in enumerate(parties)]


def unread_classes(lead: str | None, collaborators: list[str], listed: list[str]) -> list[str]:
    """The header's agency classes that are none the parser knows ('X (Other Federal)' where 'Sponsors and
    Collaborators' names X): the party is X, its class is not loaded."""
    shown = [unbullet(line) for line in nonblank(listed)]
    return [match.group(2) for text in ([lead] if lead else []) + collaborators
            if party(text)["agency_class"] is None and (match := _NAME_AND_CLASS.match(text.strip()))
            and match.group(1) in shown]


def _as_listed(shown: dict[str, str | None], listed: list[str]) -> dict[str, str | None]:
    """A header party whose parentheses hold no agency class the parser knows, as 'Sponsors and Collaborators'
    names it when it names it without them ('X (Other Federal)' there 'X'): the name without the class."""
    match = _NAME_AND_CLASS.match(shown["name"] or "") if shown["agency_class"] is None else None
    return {**shown, "name": match.group(1)} if match and match.group(1) in listed else shown


def investigators(lines: list[str]) -> list[dict[str, object]]:
    """'• Study Chair: Xiaomei Leng, Dr., Peking Union Medical College Hospital' rows; an official the registry gives
    no role ('• Jane Roe, MD, Mercy Hospital': older records) is read with none."""
    rows = []
    for line in _official_lines(lines):
        if match := _OFFICIAL.match(line):
            role, shown = labels.lookup("official_role", match.group(1)), match.group(2)
        elif _ROLE_LABEL.match(line):  # a role the parser does not know: unread_roles names it
            continue
        else:
            role, shown = None, line
        name, affiliation = name_and_affiliation(shown)
        rows.append({"role": role, "name": name, "affiliation": affiliation})
    return rows


def unread_roles(lines: list[str]) -> list[str]:
    """The roles shown before an official's name that are none the parser knows ('• Site Lead: Jane Roe'): the
    official is not loaded."""
    return [match.group(1) for line in _official_lines(lines)
            if not _OFFICIAL.match(line) and (match := _ROLE_LABEL.match(line))]


def _official_lines(lines: list[str]) -> list[str]:
    """The section's official lines without their bullets: each line that shows a role (bulleted or, in a copy, not),
    and each bulleted line (an official without a role); 'None specified.', a bare mark and the page's word for no
    value ('-', 'N/A') are no official."""
    return [shown for line in nonblank(lines) if (shown := unbullet(line)).strip(_NO_NAME_MARKS) and not no_value(shown)
            and (line.strip()[:1] in _BULLET_MARKS or _ROLE_LABEL.match(shown))]


# The marks a line that names no official may show alone (a bullet, a dash).
_NO_NAME_MARKS = "".join(_BULLET_MARKS) + " -\u2013\u2014"


def undecided_officials(lines: list[str]) -> list[str]:
    """The role ('Study Chair'; 'official' where none is shown) of each official whose line shows an academic rank
    ('Professor', 'Assoc. Prof.', 'Assistant Professor') where the name's titles end: a registry gives it with the
    name ('Yuan Jin, Professor') as often as it opens the affiliation with it ('Professor,Tata Memorial Centre', or
    'Professor' alone), and the page's comma tells neither. The line is read as name_and_affiliation reads it."""
    roles = []
    for line in _official_lines(lines):
        match = _OFFICIAL.match(line)
        if match or not _ROLE_LABEL.match(line):
            shown = match.group(2) if match else line
            if _rank_at_name_end(shown):
                roles.append(match.group(1) if match else "official")
    return roles


def _rank_at_name_end(text: str) -> bool:
    """Whether the part that closes an official's name, or the one that opens the affiliation, is an academic rank."""
    parts = _LINE_COMMA.split(text)
    taken = _name_size(parts)
    return any(_RANK.match(parts[at].strip()) for at in (taken - 1, taken) if 0 < at < len(parts))


def _credentials(part: str) -> bool:
    """Whether a comma-parted part of an investigator line is only degrees and titles: one ('PhD', 'Dr.') or several
    parted by spaces, slashes or hyphens ('Prof. MD PhD', 'MD / PhD', 'MS-OMPT'), a specialty in brackets after them
    ('MD (Radiation Oncology)')."""
    words = [word for word in _CREDENTIAL_WORD.split(_PARENTHESES.sub("", part).casefold().replace(".", "")) if word]
    return bool(words) and all(word in _CREDENTIALS for word in words)


def _company_form(part: str) -> bool:
    """Whether a comma-parted part begins with a company's form ('LLC Clinical Trial', 'Inc.'): it goes on from the
    name before the comma."""
    words = part.casefold().replace(".", "").split()
    return bool(words) and words[0] in _COMPANY_FORMS


def name_and_affiliation(text: str) -> tuple[str, str | None]:
    """'Xiaomei Leng, Dr., Peking Union Medical College Hospital' -> name with titles, affiliation; each as the line
    shows it ('John Roe, DC,PhD' keeps its comma without a space); a comma inside brackets parts nothing."""
    parts = _LINE_COMMA.split(text)
    taken = _name_size(parts)
    return ",".join(parts[:taken]).strip(), ",".join(parts[taken:]).strip() or None


def _name_size(parts: list[str]) -> int:
    """How many comma-parted parts of an investigator line are the name with its titles."""
    taken = 1
    while taken < len(parts) and (_credentials(parts[taken].strip()) or (taken == 1 and _company_form(parts[1]))):
        taken += 1
    return taken
