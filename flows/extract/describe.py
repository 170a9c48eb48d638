"""A pull's outcome in words: what was asked, what arrived, and whether it passed the gate."""
from __future__ import annotations

from flows.extract.bulk import BulkOutcome
from flows.extract.departures import DepartureOutcome
from flows.extract.pull import PullOutcome


def describe(outcome) -> str:
    """One or two sentences about one outcome, for the terminal, the log and the artifact."""
    if isinstance(outcome, PullOutcome):
        return _search(outcome)
    if isinstance(outcome, BulkOutcome):
        if outcome.complete:
            return f"bulk zip verified: {outcome.entries} study files in {outcome.path}; load it with `trialqc run`"
        return f"bulk zip INCOMPLETE: {outcome.reason}" + (" (resumable)" if outcome.resumable else "")
    if isinstance(outcome, DepartureOutcome):
        if not outcome.gate.complete:
            return f"registry id list INCOMPLETE, no study marked: {outcome.gate.reason}"
        d = outcome.departures
        return (f"registry id list: {outcome.gate.received} ids; {len(d.new)} studies newly left the registry, "
                f"{len(d.still)} still gone, {len(d.returned)} came back")
    raise TypeError(f"not a pull outcome: {outcome!r}")


def _search(o: PullOutcome) -> str:
    what = f"{o.search_key}, updated since {o.since}" if o.since else f"{o.search_key}, everything"
    resumed = " (resumed)" if o.resumed else f" (in place of the unfinished pull {o.replaced})" if o.replaced else ""
    counts = f"{o.received} studies of {o.announced if o.announced is not None else '?'} announced in {o.pages} pages"
    if o.complete:
        where = f" -> {o.folder}" if o.pages else ""
        return f"pull {what}{resumed}: complete, {counts}{where}"
    # (a reason that says where the next pull resumes is not said twice)
    tail = " The next pull of this search resumes where it stopped." if o.resumable and "resumes" not in (
        o.reason or "") else ""
    return f"pull {what}{resumed}: INCOMPLETE, {o.reason}; recorded in meta.registry_pulls.{tail}"
