"""A synthetic registry corpus, deterministic by seed: real-sized records in every layout, defects labelled.

Records are the real ones in ../shared/corpus (API v2 JSON ~27 KB average with a long tail, legacy
XML, text pages) with new NCT ids, shifted dates and varied titles. Without ../shared the bundled
golden files and data/samples are the templates, so the bench runs from the repository alone.
Some records carry an injected defect; `labels.csv` says which and the rule family it should trip.

Usage: python bench/generate.py OUT [--n 20000] [--seed 7] [--layout json|xml|text|mixed]
                                    [--arrange folders|flat|zip]
"""
from __future__ import annotations

import argparse
import csv
import random
import re
import zipfile
from datetime import date, timedelta
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
NCT = re.compile(rb"NCT\d{8}")
DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
# Injected defects and the rule family each should trip (the label a run's issues are compared to).
DEFECTS = {"no_conditions": "missing_fields", "start_after_completion": "dates"}


def templates(layout: str) -> list[bytes]:
    """Template records of one layout: the shared corpus, else what the repository bundles."""
    where = {"json": (SHARED / "json_v2", ROOT / "tests/golden/ctgov_json_v2", "*.json"),
             "xml": (SHARED / "xml_legacy", ROOT / "tests/golden/ctgov_xml", "*.xml"),
             "text": (ROOT / "data/samples", ROOT / "data/samples", "*.txt")}[layout]
    shared, bundled, pattern = where
    found = sorted((shared if shared.is_dir() else bundled).glob(pattern))
    found = [p for p in found if not p.name.endswith(".expected.json")]
    return [p.read_bytes() for p in found]


def _shift(value, days: int):
    """A date string moved by `days`, at its own precision."""
    if not isinstance(value, str) or not DATE.match(value):
        return value
    parts = [int(x) for x in value.split("-")]
    day = date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1) + timedelta(days=days)
    return day.isoformat() if len(parts) == 3 else day.isoformat()[:7]


def _walk_dates(node, days: int):
    if isinstance(node, dict):
        return {k: (_shift(v, days) if k == "date" or k.endswith("Date") else _walk_dates(v, days))
                for k, v in node.items()}
    if isinstance(node, list):
        return [_walk_dates(v, days) for v in node]
    return node


def _studies(document) -> list[dict]:
    """The full studies of a template: one record, or each study of an API page; id-only fragments left out."""
    found = document.get("studies", []) if isinstance(document, dict) and "studies" in document else [document]
    return [s for s in found if isinstance(s, dict) and "statusModule" in s.get("protocolSection", {})]


def json_record(template: dict, nct_id: str, rng: random.Random, defect: str | None) -> bytes:
    """One API v2 study: a template with a new id, dates moved together, a varied title, maybe a defect."""
    record = _walk_dates(template, rng.randint(-400, 400))
    protocol = record["protocolSection"]
    ident = protocol["identificationModule"]
    ident["nctId"] = nct_id
    ident["briefTitle"] = f"{ident.get('briefTitle', 'Study')} ({rng.randint(1, 999)})"
    if defect == "no_conditions":
        protocol.pop("conditionsModule", None)
    elif defect == "start_after_completion":
        status = protocol.setdefault("statusModule", {})
        status["startDateStruct"] = {"date": "2031-05-01", "type": "ESTIMATED"}
        status["completionDateStruct"] = {"date": "2029-01-01", "type": "ESTIMATED"}
    return orjson.dumps(record)


def id_swapped(template: bytes, nct_id: str) -> bytes:
    """An XML or text record with every NCT id of its own study replaced."""
    own = NCT.search(template)
    return template.replace(own.group(0), nct_id.encode()) if own else template


def records(n: int, seed: int, layout: str):
    """(name, bytes, defect) for n studies, the same for the same seed."""
    rng = random.Random(seed)
    layouts = ["json", "xml", "text"] if layout == "mixed" else [layout]
    pools = {name: templates(name) for name in layouts}
    parsed_json = [study for t in pools.get("json", []) for study in _studies(orjson.loads(t))]
    for i in range(n):
        kind = layouts[i % len(layouts)]
        nct_id = f"NCT{10_000_000 + i * 7 + seed % 7:08d}"
        defect = rng.choice(list(DEFECTS)) if kind == "json" and rng.random() < 0.05 else None
        if kind == "json":
            data = json_record(parsed_json[rng.randrange(len(parsed_json))], nct_id, rng, defect)
        else:
            data = id_swapped(pools[kind][rng.randrange(len(pools[kind]))], nct_id)
        yield f"{nct_id}.{ {'json': 'json', 'xml': 'xml', 'text': 'txt'}[kind] }", data, defect


def write(out: Path, n: int, seed: int, layout: str, arrange: str) -> Path:
    """Write the corpus under `out` (folders of 1,000 files, flat, or one zip); returns the source path."""
    out.mkdir(parents=True, exist_ok=True)
    labels = []
    archive = zipfile.ZipFile(out / "studies.zip", "w", zipfile.ZIP_DEFLATED) if arrange == "zip" else None
    for i, (name, data, defect) in enumerate(records(n, seed, layout)):
        if defect:
            labels.append((name.split(".")[0], defect, DEFECTS[defect]))
        if archive:
            archive.writestr(name, data)
            continue
        folder = out / "records" / (f"{i // 1000:04d}" if arrange == "folders" else "")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    if archive:
        archive.close()
    with open(out / "labels.csv", "w", newline="") as handle:
        csv.writer(handle).writerows([("nct_id", "defect", "family"), *labels])
    return out / "studies.zip" if archive else out / "records"


def main() -> None:
    """Write a corpus as the command line says."""
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--layout", choices=["json", "xml", "text", "mixed"], default="json")
    parser.add_argument("--arrange", choices=["folders", "flat", "zip"], default="folders")
    args = parser.parse_args()
    print(write(args.out, args.n, args.seed, args.layout, args.arrange))


if __name__ == "__main__":
    main()
