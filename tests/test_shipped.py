"""The shipped vocabulary files: the parsed-data cache gives what the YAML says, and only while fresh."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

from verifier.text import shipped

NAMES = sorted(p.name for p in shipped.DATA.glob("*.yaml"))


@pytest.fixture()
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in NAMES:
        shutil.copy(shipped.DATA / name, tmp_path / name)
    monkeypatch.setattr(shipped, "DATA", tmp_path)
    monkeypatch.setattr(shipped, "CACHE", tmp_path / "__pycache__")
    shipped.shipped_data.cache_clear()
    yield tmp_path
    shipped.shipped_data.cache_clear()


def test_every_shipped_file_reads_the_same_from_the_cache(data_dir: Path) -> None:
    assert NAMES
    for name in NAMES:
        want = yaml.safe_load((data_dir / name).read_text("utf-8"))
        assert shipped.shipped_data(name) == want  # parsed, cache written
        assert (data_dir / "__pycache__" / f"{name}.pickle").is_file()
        shipped.shipped_data.cache_clear()
        assert shipped.shipped_data(name) == want  # from the cache


def test_an_edited_file_is_parsed_again(data_dir: Path) -> None:
    shipped.shipped_data("words.yaml")
    shipped.shipped_data.cache_clear()
    path = data_dir / "words.yaml"
    path.write_text(path.read_text("utf-8") + "\nzz_added_for_test: [one]\n", "utf-8")
    assert shipped.shipped_data("words.yaml")["zz_added_for_test"] == ["one"]


def test_a_damaged_cache_is_ignored_and_a_read_only_one_is_not_needed(data_dir: Path) -> None:
    want = shipped.shipped_data("cues.yaml")
    shipped.shipped_data.cache_clear()
    (data_dir / "__pycache__" / "cues.yaml.pickle").write_bytes(b"not a pickle")
    assert shipped.shipped_data("cues.yaml") == want
    shipped.shipped_data.cache_clear()
    shutil.rmtree(data_dir / "__pycache__")
    (data_dir / "__pycache__").write_text("a file where the folder would go")
    assert shipped.shipped_data("cues.yaml") == want
    assert not any(p.name.endswith(".tmp") for p in data_dir.iterdir()), os.listdir(data_dir)
