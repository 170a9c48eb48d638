"""Cases for the registry_presence family."""
from datetime import date, datetime

from tests.checks.harness import Case


def _departed(first_missing: datetime, returned: datetime | None = None):
    def change(s):
        s["meta.registry_departures"] = [{
            "first_missing_pull": "p1", "first_missing_at": first_missing,
            "last_missing_pull": "p2", "last_missing_at": datetime(2026, 11, 21, 6),
            "registry_count": 512_345, "returned_pull": "p3" if returned else None, "returned_at": returned,
        }]
    return change


CASES = [
    Case("registry_presence.left_registry", True, _departed(datetime(2026, 11, 1, 6)),
         note="missing from the complete id list since November"),
    Case("registry_presence.left_registry", False, _departed(datetime(2026, 11, 1, 6), datetime(2026, 11, 20, 6)),
         note="missing once, back in a later list"),
    Case("registry_presence.left_registry", False, _departed(datetime(2026, 11, 1, 6)), as_of=date(2026, 10, 1),
         note="checked as of a day when the registry still listed it"),
    Case("registry_presence.left_registry", False, lambda s: None, note="never missing"),
]

CASES += [
    Case("registry_presence.left_registry", False, _departed(datetime(2026, 9, 1, 6), datetime(2026, 11, 20, 6)),
         as_of=date(2026, 10, 1), note="missing on as_of but listed again since: not removed"),
    Case("registry_presence.left_registry", True, _departed(datetime(2026, 11, 22, 6)),
         note="missing from the list taken on as_of"),
]
