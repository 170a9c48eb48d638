"""Trial-summary page, its key/value block: 'NCT number NCT...', 'Status Recruiting', one key a line."""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress, count

from flows.parsers import labels
from flows.parsers.page_text import nonblank
from flows.parsers.page_values import no_value
from flows.parsers.printed_pages import broken_before
from flows.parsers.summary_text import design, listed_keys
from flows.parsers.summary_text.sections import NCT_KEY, NCT_KEY_ANY_CASE, continues_name, unfinished
from flows.parsers.summary_text.value_forms import type_after_label
from flows.parsers.summary_text.wrapped_words import hyphen_undecided

HEADINGS = frozenset({"Clinical Trial Summary", "Clinical Trial Description", "Study Design",
                      "Related Conditions & MeSH terms", "See also"})
# The keys read here; the block's other keys are the labelled fields of summary_text.design (Phase, Enrollment...).
OWN_KEYS = ("NCT number", "Source", "Sponsor", "Lead sponsor", "Collaborators", "Collaborator", "Contact", "Phone",
            "Email", "Study type", *listed_keys.KEYS)
_COLLABORATOR_KEYS = ("Collaborator", "Collaborators")
# Names parted by semicolons ('Genentech, Inc.; Chugai Pharmaceutical'): an organisation's name holds commas, not these.
_NAMES_APART = re.compile(r";\s")
_CONTACT_COLUMNS = {"Contact": "name", "Phone": "phone", "Email": "email"}
KEYS = OWN_KEYS + tuple(label.capitalize() for label in design.FIELDS if label.capitalize() not in OWN_KEYS)
# A key may be followed by a colon ('Status: Recruiting'); longer keys first so 'Start date' is not 'Status'.
KEY_LINE = re.compile(r"^(%s)(?:\s*:)?(?:\s+(.*))?$" % "|".join(
    re.escape(key) for key in sorted(KEYS, key=len, reverse=True)), re.IGNORECASE)
KEY_CASE = {key.lower(): key for key in KEYS}
# Keys a page repeats, one line per person or organisation.
_REPEATED_KEYS = frozenset({"Collaborator", "Collaborators", "Contact", "Phone", "Email", *listed_keys.KEYS})


def _keys_of(*fields: str) -> frozenset[str]:
    """The keys (as KEYS spells them) that fill these summary_text.design fields."""
    return frozenset(key for key in KEYS if design.FIELDS.get(key.lower()) in fields)


# The keys whose value is a name or free text, which a narrow page may wrap onto the next line.
_WRAPPING_KEYS = frozenset({"Source", "Sponsor", "Lead sponsor", "Collaborator", "Collaborators", "Contact"}) | \
    _keys_of("biospec_description", "why_stopped", "expanded_access_type", "other_names", "official_title",
             "brief_title", "population") | \
    {key for key, (table, _) in listed_keys.KEYS.items() if table in ("design_outcomes", "overall_officials")}
# The keys whose value is a name, an id or free text: a page's word for no value ('Not Provided', 'N/A') there is
# none, never a name (the keys of the registry's labels read 'N/A' themselves: 'Phase N/A' is NA).
_FREE_TEXT_KEYS = _WRAPPING_KEYS | {"Phone", "Email", *listed_keys.KEYS} | _keys_of("acronym")
# The keys whose value is one of the registry's labels: a wrapped rest joins it only when the two read together
# are a label and the first part alone is none ('Active, not' / 'recruiting'; 'Terminated (Low' / 'accrual)', a
# stopped status with its reason).
_STATUS_KEYS = _keys_of("status")
_LABEL_KEYS = {key: design.read_status for key in _keys_of("status")} | {
    key: labels.phase for key in _keys_of("phase")} | {"Study type": design.study_type}
# The keys whose value may carry its type in brackets, which a narrow page may wrap alone onto the next line.
_TYPED_KEYS = _keys_of("enrollment", "start_date", "primary_completion_date", "completion_date")
_TYPE_ALONE = re.compile(r"^\((?:Actual|Anticipated|Estimated|Expected)\)$", re.IGNORECASE)


def key_block(lines: list[str]) -> tuple[int, int, dict[str, str], list[str]]:
    """Where the key/value block starts (its 'NCT number' line) and ends (the next heading), its values
    (an empty value kept as ''), and the first word of each line in it that starts with no known key."""
    # the key as the page spells it ('NCT number'), or in another case ('NCT Number'), as every key of the block
    start = next(compress(count(), map(NCT_KEY.match, map(str.strip, lines))), None)
    if start is None:
        start = next(compress(count(), map(NCT_KEY_ANY_CASE.match, map(str.strip, lines))), len(lines))
    end = start
    for index in range(start, len(lines)):
        if lines[index].strip() in HEADINGS:
            break
        end = index + 1
    return (start, end, *key_values(lines[start:end]))


def key_values(block: list[str]) -> tuple[dict[str, str], list[str]]:
    """The key block's values (an empty value kept as ''; the first line of a key wins) and the first word of
    each line that starts with no known key and continues no value."""
    values: dict[str, str] = {}
    strays: list[str] = []
    for key, value in keyed_lines(block):
        if key is None:
            strays.append(value.split()[0])  # only the first word: the rest may be a person's name
        else:
            values.setdefault(key, value)
    return values, strays


def keyed_lines(block: list[str]) -> list[tuple[str | None, str]]:
    """(key as the page's key list spells it, value) of each line of the key block, in page order; (None, line)
    for a line that starts with no known key, unless it is the wrapped rest of the value above it."""
    return list(_keyed_lines(tuple(block)))


@lru_cache(maxsize=4)  # a page's block is read by several of its readers (values, contacts, collaborators...)
def _keyed_lines(block: tuple[str, ...]) -> tuple[tuple[str | None, str], ...]:
    found: list[tuple[str | None, str]] = []
    for line in map(type_after_label, nonblank(list(block))):
        match = KEY_LINE.match(line)
        if found and (joined := _joined(found[-1], line, match)) is not None:
            found[-1] = (found[-1][0], joined)
        elif match:
            key, value = KEY_CASE[match.group(1).lower()], (match.group(2) or "").strip()
            found.append((key, "" if key in _FREE_TEXT_KEYS and no_value(value) else value))
        else:
            found.append((None, line))
    return tuple(found)


def _joined(above: tuple[str | None, str], line: str, match: re.Match | None) -> str | None:
    """The value above with `line` as its wrapped rest, or None when `line` is no part of it: the rest of a name
    or text that plainly goes on (see continues_name), a count's or date's type in brackets ('(Actual)'), the
    rest of a label that only the two lines together spell, or the next phase of a list of phases
    ('Phase Phase 1' / 'Phase 2', the second line spelling the Phase key again), or a stopped status's reason in
    brackets, which a narrow page wraps onto a line of its own."""
    key, value = above
    if key == "Phase" and match and value and labels.written_phase(value) and labels.written_phase(line):
        return f"{value}/{line}"
    if match or key is None or not value:
        return None
    if (key in _WRAPPING_KEYS and continues_name(value, line)) or (key in _TYPED_KEYS and _TYPE_ALONE.match(line)):
        return f"{value} {line}"
    read = _LABEL_KEYS.get(key)
    both = f"{value} {line}"
    if key in _STATUS_KEYS and line.startswith("(") and design.opens_reason(value, line):
        return both  # a stopped status's reason, wrapped alone onto the next line ('Terminated' / '(Low accrual)')
    if read is not None and read(value) == value.strip() and read(both) != both:
        return both
    return None


def unwrapped(block: list[str], width: int | None) -> list[str]:
    """The key block of a page saved wrapped at `width` (see title.wrap_width) with each name or text a wrap broke
    onto the next line(s) joined again: a line that starts with no key goes on the value above when the line above
    was too full to hold its first word ('Source National Institute of Arthritis and Musculoskeletal and Skin
    Diseases' / '(NIAMS)'), and so does a stopped status's reason until its bracket closes, on the status's line
    ('Status Terminated (Low' / 'accrual)') or on a line of its own below it ('Status Terminated' / '(Low' /
    'accrual)'). A break after a word's hyphen stays, as whether a space follows it cannot be told."""
    if width is None:
        return block
    lines: list[str] = []
    key: str | None = None  # the key of the line above, when its value may go on
    above = ""  # the line above, as the page shows it
    for line in block:
        text = line.strip()
        match = KEY_LINE.match(type_after_label(text)) if text else None
        if key is not None and text and match is None and (_reason_below(key, lines[-1], text) or (
                _goes_on(key, lines[-1]) and broken_before(above, text, width) and not hyphen_undecided(above, text))):
            lines[-1] = f"{lines[-1].rstrip()} {text}"
        else:
            lines.append(line)
            key = KEY_CASE[match.group(1).lower()] if match and match.group(2) else None
        above = text
    return lines


def _reason_below(key: str, line: str, below: str) -> bool:
    """Whether `below` opens the reason of the stopped status `line` gives alone ('Status Terminated' / '(Low'), or
    why the completed study it gives ended early (design.opens_reason)."""
    match = KEY_LINE.match(type_after_label(line.strip()))
    return key in _STATUS_KEYS and below.startswith("(") and bool(match) and design.opens_reason(match.group(2), below)


def _goes_on(key: str, line: str) -> bool:
    """Whether the value of a key block line may go on in the next line: a name or text, or a stopped status whose
    reason's bracket is still open ('Terminated (Low')."""
    return key in _WRAPPING_KEYS or (key in _STATUS_KEYS and line.count("(") > line.count(")"))


def conflicting_keys(block: list[str]) -> list[str]:
    """The keys (other than those a page repeats) given twice in the block with different values: the first
    is read, and which the page means cannot be told."""
    seen: dict[str, str] = {}
    conflicts: list[str] = []
    for key, value in keyed_lines(block):
        if key is None or key in _REPEATED_KEYS:
            continue
        if seen.setdefault(key, value) != value and key not in conflicts:
            conflicts.append(key)
    return conflicts


def undecided_wraps(block: list[str]) -> list[str]:
    """The keys whose value plainly goes on (see unfinished: 'Institute for') while the next line starts with a
    key ('Contact Lens Research'): that line is the value's rest or a key of its own, which cannot be told."""
    found = keyed_lines(block)
    return [key for (key, value), (next_key, _) in zip(found, found[1:])
            if key in _WRAPPING_KEYS and next_key is not None and unfinished(value)]


def collaborators(block: list[str]) -> tuple[list[str], list[str]]:
    """The names on the key block's 'Collaborator' lines, one a line; a 'Collaborators' line naming several with
    commas cannot be split safely (a name may hold a comma: 'University of California, San Francisco'), nor is a
    line that parts names with semicolons one name."""
    names: list[str] = []
    unread: list[str] = []
    for key, value in keyed_lines(block):
        if key in _COLLABORATOR_KEYS and value:
            if (key == "Collaborators" and "," in value) or _NAMES_APART.search(value):
                unread.append(f"'{key}' names several collaborators in one line")
            else:
                names.append(value)
    return names, unread


def central_contacts(block: list[str]) -> list[dict[str, object]]:
    """One contact per 'Contact' line with the 'Phone' and 'Email' lines after it; as AACT, the first is the
    primary contact and the others backup."""
    contacts: list[dict[str, object]] = []
    for key, value in keyed_lines(block):
        column = _CONTACT_COLUMNS.get(key)
        if column is None:
            continue
        if key == "Contact" or not contacts or contacts[-1][column] is not None:
            contacts.append(dict.fromkeys(_CONTACT_COLUMNS.values()))
        contacts[-1][column] = value or None
    kept = [contact for contact in contacts if any(contact.values())]
    return [{"contact_type": "backup" if index else "primary", **contact} for index, contact in enumerate(kept)]
