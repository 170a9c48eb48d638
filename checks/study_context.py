"""Whether a sentence of a study's text speaks of this study or of another one (cited, earlier, planned)."""
from __future__ import annotations

import re

# Not right after "who" nor "who has", "who have" or "who had", in a relative clause of people ("patients who showed
# a response"), who are a study's participants (a lookbehind is of one width: one for each).
NOT_AFTER_WHO = r"(?<!\bwho\s)(?<!\bwho\shas\s)(?<!\bwho\shad\s)(?<!\bwho\shave\s)"
# A sentence speaks of another study when it cites one, reports a finding, or names an
# earlier, parent, ongoing or future study. Each entry: (what it recognises, pattern).
# A study the investigators propose is a next one where the sentence puts it later or makes it conditional ("Based on
# these results, we propose a randomized study", "we will then propose"); a grant-style summary's "We propose a
# randomized, double-blind trial of A versus B" proposes the study it describes.
OTHER_STUDY = tuple((name, re.compile(pattern, re.I)) for name, pattern in (
    # "An unpublished clinical trial with 100 patients showing superiority of chloroquine compared to placebo"
    # (NCT04359953): a trial the text cites, published or not.
    ("citation", r"\bet\s+al\b|\b(?:un)?published\b|\bliterature\b|\bmeta-?analys"),
    # Not in a relative clause of people, who are this study's participants ("patients who showed a response",
    # "subjects who have shown", "those who demonstrated"): "who" follows no study or drug. What someone showed
    # "that" is a finding ("Smith, who showed that drug X works").
    ("reported finding", r"\b(?:showed|demonstrated|(?:has|have|had)\s+(?:shown|demonstrated))\s+that\b|"
                         + NOT_AFTER_WHO + r"(?:\breported\s+(?:that|in|by)\b|\bshowed\b|\bdemonstrated\b"
                         r"|\b(?:has|have|had|was|were)\s+(?:been\s+)?(?:shown|proven|reported)\b)"),
    # ... or a recent one: "A recent prospective observational study of early PP ... was well tolerated"
    # (NCT04368000).
    ("previous study", r"\bprevious(?:ly)?\s+(?:[\w-]+\s+){0,2}?(?:study|studies|trials?|reports?|work|research"
                       r"|publications?)\b|\bpreviously\s+(?:reported|described|conducted|completed|randomi[sz]ed"
                       r"|enrolled|participated)\b"
                       r"|(?:(?<=\ba\s)|(?<=\ban\s))recent(?:ly\s+(?:published|completed|conducted|reported))?\s+"
                       r"(?:[\w-]+,?\s+){0,4}?(?:study|studies|trials?|rcts?)\b"),
    ("parent study", r"\b(?:parent|prior|preceding|feeder|core|originating|antecedent|earlier|lead-in|index)\s+"
                     r"(?:[\w-]+\s+)?(?:study|studies|trial|trials|protocol)\b"),
    ("registry id", r"\bNCT\d{8}\b"),
    ("a study elsewhere", r"\bin\s+(?:a|an|one|two|three|several|many|recent)\s+(?:[\w,()/-]+\s+){0,10}?"
                          r"(?:study|trial|studies|trials)\b"),
    # "Data from this study will be used to design and implement a population-based phase IIb/III randomized clinical
    # trial" (NCT04345653); the trial a pilot readies, in the general words for it: "to ensure that procedures are
    # adequate for a cluster randomized control trial", "in preparation for a randomised trial", "ahead of a",
    # "pave the way for a", "the groundwork for a".
    ("a study to prepare", r"\b(?:(?:perform|performing|conduct|conducting|inform|informs|informing|design|designing"
                           r"|prepare|prepares|preparing|support|feasibility\s+of)\s+(?:(?:and|or)\s+(?:implement"
                           r"|conduct|perform|run|plan|carry\s+out)\s+)?(?:of\s+|for\s+)?"
                           r"|(?:adequate|ready|suitable|sufficient|preparation|groundwork)\s+for\s+|ahead\s+of\s+"
                           r"|pav(?:e|es|ed|ing)\s+the\s+way\s+(?:for|to)\s+)(?:a|an)\s+"
                           r"(?:[\w/-]+,?\s+){0,6}?(?:study|trial)\b"
                           # not a visit or a drug of this study ("fasting ahead of a study visit")
                           r"(?!\s+(?:visits?|days?|drugs?|medications?|products?|sites?|staff|teams?|personnel"
                           r"|nurses?|physicians?|doctors?|coordinators?|procedures?|periods?|schedules?)\b)"),
    ("data for another study", r"\b(?:reference|preliminary|pilot|normative|background|supporting|foundational)\s+"
                               r"data\s+(?:for|to\s+(?:inform|design|plan|power|support))\s+(?:a|an|the\s+design\s+of"
                               r"\s+(?:a|an))\s+(?:[\w-]+,?\s+){0,4}?(?:study|trial|rct)\b"),
    # Or the work or research to come, not a "work-up" ("To guide future placebo-controlled work, at this preliminary
    # stage of research we will collect", NCT01071538).
    ("future study", r"\b(?:future|subsequent|larger|definitive|full[\s-]scale|large[\s-]scale|follow-on)\s+"
                     r"(?:[\w-]+,?\s+){0,3}?(?:study|studies|trials?|rcts?|research|work(?!-))\b"),
    ("study in the future", r"\b(?:study|studies|trials?|rcts?)\s+in\s+the\s+(?:near\s+)?future\b"),
    ("proposed next study", r"\b(?:we\s+(?:then|would|will)\s+|to\s+|(?:based\s+on|if|once|should|after|next|then"
                            r"|ultimately|eventually|subsequently|following)\b[^.;]{0,120}?\bwe\s+)propose\s+"
                            r"(?:to\s+(?:conduct|perform|run)\s+)?(?:a|an)\s+(?:[\w-]+,?\s+){0,6}?"
                            r"(?:study|trial|rct)\b"),
    # "advise on progressing from a pilot study to a randomised control trial" (NCT04356833).
    ("proceed to a study", r"\b(?:proceed(?:s|ed|ing)?|mov(?:e|es|ed|ing)|advanc(?:e|es|ed|ing)"
                           r"|progress(?:es|ed|ing)?|go(?:es|ing)?\s+on)\s+(?:on\s+)?"
                           r"(?:from\s+(?:a|an|the|this)\s+(?:[\w-]+\s+){0,3}?(?:study|trial|phase|stage|part)\s+)?"
                           r"(?:with|to|into)\s+(?:a|an)\s+(?:[\w-]+,?\s+){0,6}?(?:study|trial|rct)\b"),
    ("earlier study conducted", r"^\s*(?:a|an|one)\s+(?:[\w-]+\s+){0,6}?(?:study|trial|survey|analysis)\s+"
                                r"(?:was|were|had\s+been|has\s+been)\s+(?:conducted|performed|carried\s+out"
                                r"|done|undertaken|completed)\b"),
    # "the main endpoint will be the same under the patient preference protocol as for the randomized trial"
    # (NCT04418193): this study likened to another, whose design is that one's.
    ("likened to a study", r"\b(?:same|similar|identical|comparable)\b[^.;]{0,120}?\bas\s+(?:for\s+|in\s+|with\s+)?"
                           r"(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:study|trial|rct)\b"),
    ("patients of a parent study", r"\b(?:patients|participants|subjects|individuals)\s+(?:[\w-]+\s+){0,3}?"
                                   r"(?:from|who\s+(?:have\s+)?(?:completed|finished|took\s+part\s+in"
                                   r"|were\s+(?:enrolled|randomi[sz]ed)\s+in))\s+(?:the|a|an)\s+"
                                   r"(?:[\w-]+\s+){0,6}?(?:study|trial|protocol)\b"),
    ("ongoing", r"\bcurrently\s+in\s+progress\b|\bongoing\b"),
    ("studies in the plural", r"\bstudies\b"),
    ("extension of a study", r"\b(?:extension|continuation|roll-?over)\s+(?:study\s+|trial\s+)?(?:of|to|from)\s+"
                             r"(?:(?:the|a|an)\s+)?(?:[\w,()/-]+\s+){0,6}?(?:study|trial|protocol)\b"),
    ("rollover", r"\brolled\s+over\b|\bparticipated\s+in\b|\b(?:completed|enrolled\s+in|finished)\s+"
                 r"(?:the\s+|a\s+)?(?:[\w-]+\s+){0,4}?(?:study|trial|protocol)\b"),
))
# A narrative sentence speaks of this study when it says so ("this study", "we will", "patients will").
SELF_REFERENCE = tuple((name, re.compile(pattern, re.I)) for name, pattern in (
    ("this study", r"\b(?:this|the\s+present|the\s+current|the\s+proposed|our)\s+(?:[\w,()/-]+\s+){0,12}?"
                   r"(?:study|trial|protocol|research|investigation|project|design)\b"),
    ("we do", r"\bwe\s+(?:will|plan|propose|aim|intend|conducted|performed|designed|are\s+conducting)\b"),
    ("this is", r"^\s*this\s+(?:is|was|will)\b"),
    ("participants will", r"\b(?:patients|participants|subjects)\s+(?:are|will)\b"),
    # "BARI-SS is a randomized trial", "The study is designed as a single blind trial".
    ("named study is", r"^\s*(?:the\s+)?[\w-]+\s+(?:is|was|will\s+be)\s+(?:(?:designed|conducted|planned)\s+as\s+)?"
                       r"(?:a|an)\s+(?:[\w,()/-]+\s+){0,12}?(?:study|trial|rct)\b"),
    ("will be given", r"\b(?:will|shall)\s+(?:be|receive|undergo)\b"),
    # A sentence that opens with "a study" or with the study's design words, as a title does ("A double-blind trial in
    # adults", "Double-blinded, randomised, placebo controlled clinical trial of drug X", "Open label, multicentre,
    # phase II study of drug X", "Non-randomised, open-label, single-centre study.", "Single arm, open-label study of
    # drug X in Y", "One-arm, open-label study of drug X", "Single cohort study: 30 patients receive drug X"): its one
    # study. "One" counts only before its arm, group or cohort ("One randomized trial of drug X found ..." cites one).
    ("a study opens", r"^\s*(?:(?:a|an)\s+(?:[\w,()/-]+\s+){0,10}?(?:study|trial)\b"
                      r"|(?:(?:randomi[sz]ed|double|single|triple|quadruple|blind(?:ed)?|mask(?:ed)?|open"
                      r"|label(?:l?ed)?|placebo|sham|active|controlled|multi-?cent(?:er|re|ric)"
                      r"|single-?cent(?:er|re|ric)|cent(?:er|re)|multi-?national|prospective|parallel|group"
                      r"|cross-?over|pilot|clinical|interventional|non|un|phase|i{1,3}|iv|[0-4][ab]?|and|arm(?:ed)?"
                      r"|cohort|one(?=[\s-]+(?:arm|group|cohort))|dbpct?|db|pc|mc)[\s,/-]+){2,12}(?:study|trial)"
                      r"(?:\s+(?:of|to|in|on|for|with|among|comparing|evaluating|assessing|investigating)\b"
                      r"|\s*[.;!]?\s*$|\s*:)"
                      # The design answered no as the sentence's opening words: "No blinding: participants know
                      # the dose", "Without masking, patients receive drug X" (not "Without blinding, participants
                      # could guess their group": a reason for masking).
                      r"|(?:no|without)\s+(?:masking|blinding|randomi[sz]ation)\s*(?::|,?\s+(?:all\s+)?(?:the\s+)?"
                      r"(?:patients|participants|subjects|volunteers)\b(?!\s+(?:would|could|might|may|can|cannot"
                      r"|should|tend)\b)))"),
))


# Words (lower case) that every match of a context pattern contains: groups, each of which must
# have a word in the sentence. A sentence lacking them is not searched with the pattern. The test
# looks in the sentence's folded form (`folded_text`), so it is exact on any text.
CONTEXT_WORDS = {
    "citation": (("et", "published", "literature", "meta"), ("al", "published", "literature", "meta")),
    "reported finding": (("reported", "showed", "demonstrated", "shown", "proven"),),
    "previous study": (("previous", "recent"),),
    "parent study": (("parent", "prior", "preceding", "feeder", "core", "originating", "antecedent", "earlier",
                      "lead-in", "index"), ("stud", "trial", "protocol")),
    "registry id": (("nct",),),
    "a study elsewhere": (("in",), ("stud", "trial")),
    "a study to prepare": (("perform", "conduct", "inform", "design", "prepar", "support", "feasibility", "adequate",
                            "ready", "suitable", "sufficient", "groundwork", "ahead", "pav"), ("study", "trial")),
    "data for another study": (("reference", "preliminary", "pilot", "normative", "background", "supporting",
                                "foundational"), ("data",), ("study", "trial", "rct")),
    "future study": (("future", "subsequent", "larger", "definitive", "scale", "follow-on"),
                     ("stud", "trial", "rct", "work", "research")),
    "study in the future": (("future",), ("stud", "trial", "rct")),
    "proposed next study": (("we", "to"), ("propose",), ("study", "trial", "rct")),
    "proceed to a study": (("proceed", "mov", "advanc", "progress", "go"), ("with", "to"), ("study", "trial", "rct")),
    "earlier study conducted": (("study", "trial", "survey", "analysis"),
                                ("conducted", "performed", "carried", "done", "undertaken", "completed")),
    "likened to a study": (("same", "similar", "identical", "comparable"), ("as",), ("study", "trial", "rct")),
    "patients of a parent study": (("patients", "participants", "subjects", "individuals"), ("from", "who"),
                                   ("study", "trial", "protocol")),
    "ongoing": (("progress", "ongoing"),),
    "studies in the plural": (("studies",),),
    "extension of a study": (("extension", "continuation", "roll"), ("of", "to", "from"),
                             ("stud", "trial", "protocol")),
    "rollover": (("rolled", "participated", "completed", "enrolled", "finished"),),
    "this study": (("this", "present", "current", "proposed", "our"),
                   ("study", "trial", "protocol", "research", "investigation", "project", "design")),
    "we do": (("we",), ("will", "plan", "propose", "aim", "intend", "conducted", "performed", "designed",
                        "conducting")),
    "this is": (("this",),),
    "participants will": (("patients", "participants", "subjects"), ("are", "will")),
    "named study is": (("is", "was", "be"), ("study", "trial", "rct")),
    "will be given": (("will", "shall"), ("be", "receive", "undergo")),
    "a study opens": (("study", "trial", "masking", "blinding", "randomi"),),
}
# Where every match of a context pattern starts: at one of these words (lower case) of the folded
# sentence, or (None) at the sentence's start, for a pattern that begins with ^. A pattern is tried
# there only instead of at every character.
CONTEXT_STARTS = {
    "citation": ("et", "published", "unpublished", "literature", "meta"),
    "reported finding": ("reported", "showed", "demonstrated", "has", "have", "had", "was", "were"),
    "previous study": ("previous", "recent"),
    "parent study": ("parent", "prior", "preceding", "feeder", "core", "originating", "antecedent", "earlier",
                     "lead-in", "index"),
    "registry id": ("nct",),
    "a study elsewhere": ("in",),
    "a study to prepare": ("perform", "conduct", "inform", "design", "prepar", "support", "feasibility", "adequate",
                           "ready", "suitable", "sufficient", "groundwork", "ahead", "pav"),
    "data for another study": ("reference", "preliminary", "pilot", "normative", "background", "supporting",
                               "foundational"),
    "future study": ("future", "subsequent", "larger", "definitive", "full", "large", "follow-on"),
    "study in the future": ("study", "studies", "trial", "rct"),
    "proposed next study": ("we", "to", "based", "if", "once", "should", "after", "next", "then", "ultimately",
                            "eventually", "subsequently", "following"),
    "proceed to a study": ("proceed", "mov", "advanc", "progress", "go"),
    "earlier study conducted": None,
    "likened to a study": ("same", "similar", "identical", "comparable"),
    "patients of a parent study": ("patients", "participants", "subjects", "individuals"),
    "ongoing": ("currently", "ongoing"),
    "studies in the plural": ("studies",),
    "extension of a study": ("extension", "continuation", "roll"),
    "rollover": ("rolled", "participated", "completed", "enrolled", "finished"),
    "this study": ("this", "the", "our"),
    "we do": ("we",),
    "this is": None,
    "participants will": ("patients", "participants", "subjects"),
    "named study is": None,
    "will be given": ("will", "shall"),
    "a study opens": None,
}
_OTHER_STUDY_GATED = tuple((name, pattern, CONTEXT_WORDS[name], CONTEXT_STARTS[name]) for name, pattern in OTHER_STUDY)
_SELF_REFERENCE_GATED = tuple((pattern, CONTEXT_WORDS[name], CONTEXT_STARTS[name]) for name, pattern in SELF_REFERENCE)


# The characters a case-insensitive pattern reads as an ASCII letter that str.lower does not turn
# into it: 'İ' lowers to 'i' and a combining dot, 'ı' and 'ſ' stay as they are. Every other
# character that such a pattern reads as an ASCII letter lowers to that letter.
CASE_FOLDS = {0x130: "i", 0x131: "i", 0x17F: "s"}


_CASE_FOLD_CHARS = tuple(map(chr, CASE_FOLDS))


def folded_text(text: str) -> str:
    """The text in lower case, each character a case-insensitive pattern reads as an ASCII letter as that
    letter, at the text's offsets (only İ lowers to two characters, and it is folded to one first)."""
    if text.isascii():
        return text.lower()
    for char in _CASE_FOLD_CHARS:  # translating looks up every character: only a text with one to fold is
        if char in text:
            return text.translate(CASE_FOLDS).lower()
    return text.lower()


# Every character whose folded form (`folded_text`) is the ASCII letter: the letter in either case, those CASE_FOLDS
# folds to it, and the Kelvin sign, which lowers to "k" (tests/checks/test_study_texts_shared.py checks all of Unicode).
_FOLDED_FROM = {letter: letter + letter.upper() + "".join(chr(c) for c, to in CASE_FOLDS.items() if to == letter)
                + ("\u212a" if letter == "k" else "") for letter in map(chr, range(ord("a"), ord("z") + 1))}


def folded_words_pattern(words: tuple[str, ...]) -> str:
    """A regular expression (Python's and RE2's syntax) that finds one of `words` (lower-case ASCII letters) in a
    text exactly when the text's folded form (`folded_text`) holds one: each letter is the class of every character
    folded to it."""
    if not all(word.isascii() and word.isalpha() and word.islower() for word in words):
        raise ValueError(f"not lower-case ASCII words: {words!r}")
    return "|".join("".join(f"[{_FOLDED_FROM[letter]}]" for letter in word) for word in words)


def may_match(lowered: str | None, groups: tuple[tuple[str, ...], ...]) -> bool:
    """Whether a folded sentence (`folded_text`; None: not known) has the words a pattern needs."""
    if lowered is None:
        return True
    for group in groups:
        for word in group:
            if word in lowered:
                break
        else:
            return False
    return True


def other_study(sentence: str) -> str | None:
    """What marks a sentence as speaking of another study ('future study'...), or None."""
    return _other_study(sentence, folded_text(sentence))


def found_in(sentence: str, lowered: str, pattern: re.Pattern, starts: tuple[str, ...] | None) -> bool:
    """Whether `pattern.search(sentence)` finds a match, trying the pattern where its matches start only
    (`starts`, looked for in `lowered`, the folded sentence, whose offsets are the sentence's)."""
    if starts is None:
        return pattern.match(sentence) is not None
    for word in starts:
        at = lowered.find(word)
        while at >= 0:
            if pattern.match(sentence, at):
                return True
            at = lowered.find(word, at + 1)
    return False


def _other_study(sentence: str, lowered: str) -> str | None:
    return next((name for name, pattern, words, starts in _OTHER_STUDY_GATED
                 if may_match(lowered, words) and found_in(sentence, lowered, pattern, starts)), None)


def about_this_study(sentence: str, narrative: bool) -> bool:
    """Whether a sentence speaks of this study: never when it points at another; in narrative
    text (summaries, which also describe other studies) only when it says it is this one."""
    lowered = folded_text(sentence)
    if _other_study(sentence, lowered):
        return False
    return not narrative or any(may_match(lowered, words) and found_in(sentence, lowered, pattern, starts)
                                for pattern, words, starts in _SELF_REFERENCE_GATED)
