"""Paths a user names that quotecheck will write: checked before any work is done."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from verifier.errors import InputError


def check_index_path(path: str | None) -> None:
    """Refuse an ``--index`` that a build could not write, or would write over a user's file.

    A build replaces the file it is given, so anything there must already be a quotecheck
    index (of any version) or empty: notes or another program's database are refused.
    """
    if path is None:
        return
    target = Path(path)
    if target.is_dir():
        raise InputError("--index is a folder; give the index file's name", path=path)
    if not target.parent.is_dir():
        raise InputError("--index's folder does not exist", path=path)
    if target.exists() and target.stat().st_size and not is_index_file(target):
        raise InputError(
            "--index names a file that is not a quotecheck index; refusing to replace it", path=path
        )


def is_index_file(path: Path) -> bool:
    """An SQLite file whose meta table says it is a quotecheck index (any version)."""
    try:
        with path.open("rb") as f:
            if f.read(16) != b"SQLite format 3\x00":
                return False
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            row = con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        finally:
            con.close()
    except (OSError, sqlite3.Error):
        return False
    return row is not None and str(row[0]).startswith("quotecheck.index/")
