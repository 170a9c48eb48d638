"""Two amounts that may be one dose stated once of a salt ("Amlodipine besylate 6.94 mg") and once of the active part
it carries ("Amlodipine 5 mg (as besylate)")."""
from __future__ import annotations

import re

from checks.arm_stated_doses import StatedDose

# The salts and esters a drug's amount may be stated of ("Amlodipine besylate 6.94 mg", "Tenofovir disoproxil
# fumarate 300 mg", "Dexamethasone sodium phosphate 4 mg"), rather than of the active part the salt carries.
SALT_WORDS = ("hydrochloride", "hcl", "dihydrochloride", "hydrobromide", "sulfate", "sulphate", "bisulfate",
              "phosphate", "diphosphate", "fumarate", "hemifumarate", "maleate", "besylate", "besilate", "mesylate",
              "mesilate", "dimesylate", "tosylate", "tartrate", "bitartrate", "citrate", "succinate", "acetate",
              "malate", "lactate", "gluconate", "hyclate", "monohydrate", "dihydrate", "trihydrate", "pentahydrate",
              "sesquihydrate", "hemihydrate", "bromide", "nitrate", "pamoate", "embonate", "decanoate", "xinafoate",
              "tromethamine", "trometamol", "meglumine", "sodium", "potassium", "edisylate", "esylate", "oxalate")
_SALT = r"(?:" + "|".join(SALT_WORDS) + r")"
# A salt named right before the amount, in its item ("Quinine sulfate 648 mg", "dexamethasone sodium phosphate
# (4 mg)") ...
_SALT_BEFORE = re.compile(rf"\b{_SALT}\b(?:\s+{_SALT}\b)?\s*[(:,]?\s*(?:[a-z]+\s+){{0,1}}$", re.I)
# ... or right after it, after the drug's name ("200 mg ferrous sulfate", "300 mg of tenofovir disoproxil fumarate") ...
_SALT_AFTER = re.compile(rf"\s*(?:of\s+)?(?:(?!(?:in|into|with|and|or|plus|per|of)\b)[a-z]+\s+){{1,2}}{_SALT}\b",
                         re.I)
# ... or the amount said of the active part, with the salt it is given as ("5 mg (as besylate)", "245 mg (as
# fumarate)", "3.3 mg base").
_BASE_AFTER = re.compile(rf"\s*[(,]?\s*(?:as\s+(?:the\s+)?(?:[a-z]+\s+)?{_SALT}\b|(?:free\s+)?base\b)", re.I)
# What a salt's amount is of its active part's at most: a salt adds its counter-ion's mass (amlodipine besylate
# 6.94 mg is 5 mg amlodipine, primaquine phosphate 26.3 mg is 15 mg base), never doubling it (a dose level does).
SALT_RATIO_MOST = 1.8
# How far before an amount its salt may be named.
SALT_LOOKBACK = 40


def _salt_form(stated: StatedDose) -> str | None:
    """'salt' for an amount stated of a salt, 'base' for one stated of the active part a salt carries, None for an
    amount whose text says neither."""
    text, dose = stated.text, stated.dose
    if _BASE_AFTER.match(text, dose.end):
        return "base"
    if _SALT_AFTER.match(text, dose.end):
        return "salt"
    return "salt" if _SALT_BEFORE.search(text, max(0, dose.start - SALT_LOOKBACK), dose.start) else None


def salt_and_base(a: StatedDose, b: StatedDose) -> bool:
    """Whether two amounts that differ may be one dose stated once of a salt and once of its active part: one text
    names the salt with its amount ("Amlodipine besylate 6.94 mg", "Chloroquine phosphate 500 mg"), the other says
    its amount is the active part's ("Amlodipine 5 mg (as besylate)", "Chloroquine 300 mg base"), and the salt's
    amount is the greater, by less than a counter-ion adds. An amount said of neither may be either ("Sertraline
    50 mg" against "Sertraline hydrochloride 100 mg" is a dose level)."""
    forms = (_salt_form(a), _salt_form(b))
    if set(forms) != {"salt", "base"}:
        return False
    salt, base = (a.dose, b.dose) if forms[0] == "salt" else (b.dose, a.dose)
    return base.high < salt.low and salt.high < base.low * SALT_RATIO_MOST
