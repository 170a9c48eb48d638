"""What the run's process still holds when its check stage begins: nothing of the batches it loaded."""
from __future__ import annotations

import tempfile
from pathlib import Path

from flows import batch_workers, check_studies


def test_no_loaded_batch_is_still_mapped_when_the_checks_begin(run, samples, monkeypatch, tmp_path):
    folders, mapped, arrived = [], [], []

    def memory_folder():
        folders.append(Path(tempfile.mkdtemp(dir=tmp_path)))
        return str(folders[-1])
    monkeypatch.setattr(batch_workers, "memory_folder", memory_folder)
    real_unshared, real_check = batch_workers.unshared, check_studies.check_studies
    monkeypatch.setattr(batch_workers, "unshared", lambda p: arrived.append(p.shared is not None) or real_unshared(p))

    def check(*args, **kwargs):
        mapped.extend(line for line in Path("/proc/self/maps").read_text().splitlines() if str(folders[0]) in line)
        return real_check(*args, **kwargs)
    monkeypatch.setattr(check_studies, "check_studies", check)
    result = run(samples, batch_size=2, workers=2)
    assert result.loaded == 5 and arrived == [True] * 3  # the batches came through mapped files
    assert mapped == []
