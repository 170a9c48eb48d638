"""Where an observational study says what it is, and a group of it given placebo or a sham."""
from __future__ import annotations

import re

from checks.design_parent_study import COMPARATORS
from checks.study_text import NARRATIVE_FIELDS
from checks.trial_text import PLACEBO_GROUP

# Where an observational study says what it is. Not its groups: an observational study's cohorts are often named
# for the trial their participants came from ("patients given placebo in the parent trial").
TRIAL_FIELDS = ("studies.official_title", "studies.brief_title") + NARRATIVE_FIELDS
# Words every claim of checks.trial_text holds.
TRIAL_WORDS = ("random", "controlled", "blind", "mask", "rct", "clinical")


# A group's title that names what its people were given before, in another trial ("Former placebo recipients",
# "Previously received placebo", "Placebo in parent study", "Placebo arm of study ABC-301"), or how they responded to
# a placebo ("Placebo responders"): an observational follow-up's cohorts, named for the trial they came from, that
# this study gives nothing.
_GIVEN_BEFORE_GROUP = re.compile(
    r"\b(?:former(?:ly)?|previous(?:ly)?|prior|parent|original(?:ly)?|earlier)\b"
    r"|\b(?:in|from|of)\s+(?:the\s+)?(?!this\b)(?:[\w-]+\s+){0,2}?(?:study|trial|protocol)\b"
    r"|\bplacebo[\s-]+(?:non-?)?respon(?:ders?|se)\b", re.I)


def placebo_group(groups: list[tuple]) -> str | None:
    """The title of the first of a study's groups (group_type, title) given placebo or a sham (by its type or
    title), if it has one: not a group named for the placebo its people were given in another trial."""
    return next((title or group_type for group_type, title in groups
                 if group_type in COMPARATORS or PLACEBO_GROUP.search(title or "")
                 and not _GIVEN_BEFORE_GROUP.search(title)), None)
