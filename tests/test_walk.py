"""The walk of a source folder: every file in the order of its path, folder by folder, never all at once."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from hypothesis import given, settings, strategies as st

from flows import inputs
from flows.inputs import FileEntry, InputProblem

# Characters that sort before the separator ("-", ".", " ", "!"), after it, and beyond ASCII.
NAME = st.text(alphabet=" !-.0_aAzé", min_size=1, max_size=4).filter(lambda n: n.strip(". ") == n and n[0] != ".")
TREE = st.recursive(st.dictionaries(NAME, st.none(), max_size=4),
                    lambda below: st.dictionaries(NAME, st.none() | below, max_size=4), max_leaves=25)


def _make(folder: Path, tree: dict) -> list[str]:
    made = []
    for name, below in tree.items():
        path = folder / name
        if below is None:
            path.write_text(name)
            made.append(str(path))
        else:
            path.mkdir()
            made += _make(path, below)
    return made


@settings(max_examples=60, deadline=None)
@given(tree=TREE)
def test_the_walk_gives_every_file_once_in_the_order_of_its_path(tmp_path_factory, tree):
    root = tmp_path_factory.mktemp("walk")
    try:
        made = _make(root, tree)
        walked = list(inputs.walk(root))
        assert all(isinstance(e, FileEntry) for e in walked)
        assert [e.path for e in walked] == sorted(made)
        assert inputs.discover(root) == walked
    finally:
        shutil.rmtree(root)


def test_the_first_file_comes_before_the_other_folders_are_listed(tmp_path, monkeypatch):
    for n in range(50):
        (tmp_path / f"NCT{n:04d}").mkdir()
        (tmp_path / f"NCT{n:04d}" / f"NCT{n:08d}.json").write_text("{}")
    listed = []
    real = os.scandir

    def counted(path):
        listed.append(os.fspath(path))
        return real(path)
    # undone within the test: the test's folder is removed after it with os.scandir on folder descriptors
    with monkeypatch.context() as patch:
        patch.setattr(os, "scandir", counted)
        walk = inputs.walk(tmp_path)
        first = next(walk)
        assert first.path.endswith("NCT0000/NCT00000000.json")
        assert listed == [str(tmp_path), str(tmp_path / "NCT0000")]
        assert len(list(walk)) == 49 and len(listed) == 51


def test_a_file_gone_between_its_folder_s_listing_and_its_stat_is_a_problem_not_an_error(tmp_path, monkeypatch):
    for name in ("a.json", "b.json", "c.json"):
        (tmp_path / name).write_text("{}")
    real = os.lstat

    def vanishing(path, *args, **kwargs):
        if os.fspath(path).endswith("b.json"):
            raise FileNotFoundError(2, "No such file or directory")
        return real(path, *args, **kwargs)
    monkeypatch.setattr(os, "lstat", vanishing)
    walked = list(inputs.walk(tmp_path))
    assert [Path(e.path).name for e in walked] == ["a.json", "b.json", "c.json"]
    assert isinstance(walked[1], InputProblem)
    assert (walked[1].problem.reason, walked[1].problem.detail) == (
        "unreadable file", "FileNotFoundError: No such file or directory")
