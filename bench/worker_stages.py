"""CPU seconds of a batch worker's stages (parse, validate, assemble, and freeing the batch) in one process.

What a worker does with each batch, without the run around it: files read beforehand, batches of the run's
size, CPU time (not wall time, which other processes on the machine inflate), the least of several rounds.
Usage:
    python bench/worker_stages.py SOURCE [--n 4000] [--batch-size 2000] [--rounds 3] [--profile FILE]
--profile writes cProfile statistics of the last round to FILE, timed in CPU seconds of this process (wall time
counts the time other processes hold the cores).
"""
from __future__ import annotations

import argparse
import cProfile
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flows import assemble, batch_stages, parse_batch  # noqa: E402
from flows.inputs import IGNORED_NAMES, Input  # noqa: E402
from warehouse import load  # noqa: E402

STAGES = ("parse", "validate", "assemble", "free")


def read_inputs(source: Path, n: int) -> list[Input]:
    """The first n files under source (sorted), read and hashed."""
    paths = sorted(p for p in source.rglob("*") if p.is_file() and p.name not in IGNORED_NAMES)[:n]
    inputs = [Input(str(p), p.read_bytes(), None) for p in paths]
    for item in inputs:
        item.sha256  # noqa: B018 - hashed now, as the reading stage does, not inside a stage
    return inputs


def one_round(inputs: list[Input], batch_size: int, profile: cProfile.Profile | None = None) -> dict[str, float]:
    """CPU seconds per stage over every batch of the inputs, as `batch_stages.prepare_batch` runs them."""
    spent = dict.fromkeys(STAGES, 0.0)
    for start in range(0, len(inputs), batch_size):
        items = inputs[start:start + batch_size]
        if profile is not None:
            profile.enable()
        with parse_batch.rows_without_cycle_collection():
            began = time.process_time()
            parsed = parse_batch.parse_inputs(items, set())
            parsed_at = time.process_time()
            validated = batch_stages.validate_records(parsed)
            validated_at = time.process_time()
            batch = load.in_arrow(assemble.assemble("bench", parsed, validated))
            assembled_at = time.process_time()
            del parsed, validated, batch
            freed_at = time.process_time()
        if profile is not None:
            profile.disable()
        spent["parse"] += parsed_at - began
        spent["validate"] += validated_at - parsed_at
        spent["assemble"] += assembled_at - validated_at
        spent["free"] += freed_at - assembled_at
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("--n", type=int, default=4000)
    parser.add_argument("--batch-size", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", type=Path)
    args = parser.parse_args()
    inputs = read_inputs(args.source, args.n)
    one_round(inputs[:50], args.batch_size)  # imports, schemas and caches made before the rounds
    rounds = []
    for index in range(args.rounds):
        profile = cProfile.Profile(time.process_time) if args.profile and index == args.rounds - 1 else None
        rounds.append(one_round(inputs, args.batch_size, profile))
        if profile is not None:
            profile.dump_stats(args.profile)
    least = {stage: min(r[stage] for r in rounds) for stage in STAGES}
    total = min(sum(r.values()) for r in rounds)
    print(f"{len(inputs)} files, least of {args.rounds} rounds, CPU seconds: "
          + " ".join(f"{stage} {least[stage]:.3f}" for stage in STAGES) + f" total {total:.3f}")


if __name__ == "__main__":
    main()
