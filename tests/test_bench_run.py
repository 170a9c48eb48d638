"""bench/run.py: it prints its figures again into a folder an earlier bench kept, each run's peak memory, and a
changed run's line."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.run import print_proportion

ROOT = Path(__file__).resolve().parent.parent


def test_the_line_through_two_changed_runs_gives_their_fixed_part_and_cost_per_study(capsys):
    print_proportion([(200, 0.83), (1000, 1.19)], first_wall=9.9, n=20_000)
    assert capsys.readouterr().out == ("changed runs: 0.74 s fixed + 0.45 ms per changed study "
                                       "(the first run: 0.49 ms per study)\n")


def test_a_larger_change_that_ran_no_longer_is_said_too_small_to_part_not_given_a_negative_cost(capsys):
    """Two changed runs of a small bench, the larger one quicker on a noisy host, gave '-1.15 ms per changed study'."""
    print_proportion([(20, 1.33), (100, 1.24)], first_wall=2.0, n=2_000)
    assert capsys.readouterr().out == ("changed runs: 20 studies 1.33 s, 100 studies 1.24 s: too few changed studies "
                                       "to part a fixed cost from a cost per study (the first run: 1.00 ms per "
                                       "study)\n")


@pytest.mark.long  # two benches of 100 studies, about 40 s: `make test-long`
def test_a_bench_into_the_folder_an_earlier_bench_kept_measures_again(tmp_path):
    """The earlier bench's warehouses (and their run ids) and its writer's folder are replaced, not taken up:
    every figure is printed again."""
    env = {k: v for k, v in os.environ.items() if k != "TRIALQC_REPORTS"}
    command = [sys.executable, "bench/run.py", "--n", "100", "--text", "5", "--keep", str(tmp_path)]
    stale = tmp_path / ".bench.duckdb.writer" / "left-by-the-earlier-bench"
    for _ in range(2):
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, env=env)
        assert done.returncode == 0, done.stderr[-2000:]
        [first] = [line for line in done.stdout.splitlines() if line.startswith("first run: ")]
        assert first.startswith("first run: 100 studies loaded, 0 rejected") and first.endswith(" MiB (this process)")
        assert int(first.split("peak ")[1].split()[0].replace(",", "")) > 50  # the sampled resident memory
        assert "changed runs: " in done.stdout
        assert " ms per changed study" in done.stdout or "too few changed studies" in done.stdout
        assert not stale.exists()
        stale.write_text("")  # the `trialqc run` measurements made the writer's folder
    assert len(list((tmp_path / "json").rglob("*.json"))) == 100
