"""Which files under a corpus folder are transcripts, in the order every loader numbers them.

Kept apart from the loader so that checking an index's freshness (a stat of every
file, on every start) does not import the transcript parsers.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from verifier.transcripts.speakers import ALIAS_FILE

_SKIP_NAME_RE = re.compile(r"^(?:README.*|PROVENANCE.*|LICENSE.*|\..*|.*\.sqlite.*)$", re.I)
_NOT_SLUG_RE = re.compile(r"[^a-z0-9]+")
TRANSCRIPT_SUFFIXES = frozenset({".md", ".txt", ".vtt", ".srt", ".markdown", ".text", ""})


def corpus_files(root: str | Path) -> list[tuple[str, Path]]:
    """(relative POSIX path, path) of every transcript file under ``root``, by relative path:
    no hidden, README, alias or index files, and no symlink leading outside ``root``."""
    base = Path(root)
    inside: Path | None = None
    out = []
    for rel, path, link in _candidates(base):
        if link:  # only a link can lead out: the walk never enters a linked folder
            inside = inside or base.resolve()
            if not path.resolve().is_relative_to(inside):
                continue
        out.append((rel, path))
    return out


def corpus_paths(root: str | Path) -> list[Path]:
    """Transcript files under ``root`` in sorted order: no hidden, README, alias or index files.

    A symlink leading outside ``root`` is left out (see ``outside_links``): a corpus entry
    pointing at /etc/passwd must not become quotable.
    """
    return [path for _, path in corpus_files(root)]


def outside_links(root: str | Path) -> list[Path]:
    """Transcript-named entries under ``root`` that are symlinks to files outside it."""
    base = Path(root)
    inside = base.resolve()
    return [p for _, p, link in _candidates(base) if link and not p.resolve().is_relative_to(inside)]


def _candidates(base: Path) -> list[tuple[str, Path, bool]]:
    """(relative path, path, is a symlink) of every transcript-named file, sorted by relative path.

    Folders are walked without following links (as ``os.walk`` does), hidden ones skipped.
    """
    found: list[tuple[str, Path, bool]] = []
    stack = [(str(base), "")]
    while stack:
        top, prefix = stack.pop()
        try:
            with os.scandir(top) as it:
                entries = list(it)
        except OSError:
            continue
        for e in entries:
            try:
                is_dir = e.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if not e.name.startswith(".") and not e.is_symlink():
                    stack.append((e.path, f"{prefix}{e.name}/"))
                continue
            name = e.name
            if name == ALIAS_FILE or _SKIP_NAME_RE.match(name):
                continue
            if _suffix(name).lower() not in TRANSCRIPT_SUFFIXES:
                continue
            found.append((prefix + name, Path(top) / name, e.is_symlink()))
    found.sort(key=lambda f: f[0])
    return found


def _suffix(name: str) -> str:
    """``Path(name).suffix``, without building a Path for every file of a large folder."""
    i = name.rfind(".")
    return name[i:] if 0 < i < len(name) - 1 else ""


def slug_id(relative: str) -> str:
    """A stable id from a path relative to the corpus root, without the extension."""
    stem = relative.rsplit(".", 1)[0] if "." in relative.rpartition("/")[2] else relative
    return _NOT_SLUG_RE.sub("-", stem.lower()).strip("-") or "transcript"
