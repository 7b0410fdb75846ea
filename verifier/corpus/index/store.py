"""The persistent index's file format: SQLite schema, transcript (de)serialisation, freshness.

One SQLite file holds a corpus: every file seen (with its content hash), every
parsed transcript (JSON + text, compressed), its word arrays, a vocabulary and
word / word-pair postings. The file is only ever written as a new temporary
file that replaces the old one atomically (``os.replace``), so a reader always
holds one complete, consistent index, and opens it ``immutable``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from verifier.corpus.search_space import DocTokens, speakers_of
from verifier.models import Role, Span, Speaker, Transcript, Turn

if TYPE_CHECKING:
    from verifier.transcripts.speakers import Aliases

SCHEMA = "quotecheck.index/1"
Progress = Callable[[str, int, int], None]  # (stage, done, total) of a build
INDEX_NAME = ".quotecheck-index.sqlite"
# Sources whose behaviour shapes what the index stores: a change makes an index stale.
_FINGERPRINT_GLOBS = (
    "transcripts/*.py",
    "transcripts/formats/*.py",
    "data/*.yaml",
    "text/*.py",
    "corpus/search_space.py",
    "corpus/postings.py",
    "corpus/files.py",
    "corpus/paths.py",
    "models.py",
    "corpus/index/store.py",
    "corpus/index/build.py",
    "corpus/index/write.py",
)

DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (
    path TEXT PRIMARY KEY,      -- relative to the corpus root, POSIX separators
    size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, sha TEXT NOT NULL,
    tid TEXT NOT NULL,          -- the id this path gets in the whole folder
    body_hash TEXT,             -- same body = duplicate (the first path wins)
    message TEXT, line INTEGER, -- a load warning, when the file could not be used
    row INTEGER                 -- its parsed transcript in docs, when it has one
);
CREATE TABLE docs (
    row INTEGER PRIMARY KEY,
    path TEXT NOT NULL, tid TEXT NOT NULL, date TEXT,
    speakers TEXT NOT NULL,     -- every label and name in it, one a line (for filters)
    n_words INTEGER NOT NULL,
    seg INTEGER NOT NULL,       -- 0: main postings, 1: delta postings
    seg_base INTEGER NOT NULL,  -- first word's position in its segment
    live INTEGER NOT NULL,      -- 0: superseded; its main-segment postings are discounted
    body BLOB NOT NULL,         -- zlib(JSON transcript)
    arrays BLOB NOT NULL        -- int32 word ids | starts | ends | turns, uncompressed
);
CREATE TABLE blobs (name TEXT PRIMARY KEY, data BLOB NOT NULL);  -- vocab: zlib(words by id),
                                                                 -- aliases: zlib(JSON speakers.yaml)
CREATE TABLE post (key INTEGER PRIMARY KEY, n INTEGER NOT NULL, pos BLOB NOT NULL);
CREATE TABLE dpost (key INTEGER PRIMARY KEY, n INTEGER NOT NULL, pos BLOB NOT NULL);
CREATE TABLE adjust (key INTEGER PRIMARY KEY, n INTEGER NOT NULL);
"""


def default_index_path(root: str | Path) -> Path:
    """Where a corpus folder's index lives unless ``--index`` says otherwise."""
    return Path(root) / INDEX_NAME


def fingerprint() -> str:
    """A hash of the code and data that decide parsing and tokenising."""
    here = Path(__file__).resolve().parent.parent.parent  # verifier/
    h = hashlib.blake2b(SCHEMA.encode(), digest_size=12)
    for pattern in _FINGERPRINT_GLOBS:
        for path in sorted(here.glob(pattern)):
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def aliases_hash(root: str | Path) -> str:
    """A hash of the corpus's own speakers.yaml (empty when it has none)."""
    path = Path(root) / "speakers.yaml"
    data = path.read_bytes() if path.is_file() else b""
    return hashlib.blake2b(data, digest_size=12).hexdigest()


def aliases_blob(root: str | Path) -> bytes | None:
    """The corpus's own speakers.yaml as parsed data (compressed JSON, dates tagged), so that
    opening the index gives the session its aliases without starting PyYAML.

    None when the corpus has no speakers.yaml, or its data would not come back the same.
    """
    from verifier.errors import ConfigError
    from verifier.transcripts.speakers import ALIAS_FILE
    from verifier.yamlnodes import load_yaml

    path = Path(root) / ALIAS_FILE
    if not path.is_file():
        return None
    data, _ = load_yaml(
        path.read_text("utf-8"), path=str(path), what="speaker aliases YAML", error=ConfigError
    )
    plain = json.dumps(_plain(data), ensure_ascii=False)
    if _unplain(json.loads(plain)) != data:
        return None
    return zlib.compress(plain.encode(), 6)


def aliases_from_blob(blob: bytes, root: str | Path) -> Aliases:
    """The aliases ``load_aliases(root)`` gives, from ``aliases_blob``'s data."""
    from verifier.transcripts.speakers import ALIAS_FILE, parse_aliases

    return parse_aliases(_unplain(json.loads(zlib.decompress(blob))), source=str(Path(root) / ALIAS_FILE))


def file_sha(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def unique_ids(relatives: list[str]) -> list[str]:
    """Ids for sorted relative paths, made unique with a numeric suffix (as the loader does)."""
    from verifier.corpus.paths import slug_id

    used: set[str] = set()
    out = []
    for rel in relatives:
        tid = slug_id(rel)
        n, unique = 2, tid
        while unique in used:
            unique, n = f"{tid}-{n}", n + 1
        used.add(unique)
        out.append(unique)
    return out


# -- transcripts as JSON -------------------------------------------------------------


def _plain(value: Any) -> Any:
    """YAML front-matter values as JSON, dates tagged so they come back as dates."""
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return {"$str": str(value)}


def _unplain(value: Any) -> Any:
    if isinstance(value, dict):
        if len(value) == 1:
            ((tag, v),) = value.items()
            if tag == "$datetime":
                return dt.datetime.fromisoformat(v)
            if tag == "$date":
                return dt.date.fromisoformat(v)
            if tag == "$str":
                return v
        return {k: _unplain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_unplain(v) for v in value]
    return value


def transcript_blob(t: Transcript) -> bytes:
    """The whole parsed transcript, compressed JSON; its path is stored relative elsewhere."""
    speakers: list[Speaker] = []
    where: dict[Speaker, int] = {}
    turns = []
    for turn in t.turns:
        s = turn.speaker
        if s not in where:
            where[s] = len(speakers)
            speakers.append(s)
        turns.append(
            [
                where[s],
                turn.span.start,
                turn.span.end,
                [[p.start, p.end] for p in turn.paragraphs],
                turn.start_time,
                turn.end_time,
            ]
        )
    data = {
        "id": t.id,
        "title": t.title,
        "format": t.format,
        "date": t.date,
        "source_url": t.source_url,
        "metadata": _plain(dict(t.metadata)),
        "speakers": [[s.label, str(s.role), s.name, s.title, s.affiliation] for s in speakers],
        "turns": turns,
        "text": t.text,
    }
    return zlib.compress(json.dumps(data, ensure_ascii=False).encode(), 6)


def transcript_from_blob(blob: bytes, path: str | None) -> Transcript:
    data = json.loads(zlib.decompress(blob))
    speakers = [
        Speaker(label=lab, role=Role(role), name=name, title=title, affiliation=aff)
        for lab, role, name, title, aff in data["speakers"]
    ]
    turns = tuple(
        Turn(
            speaker=speakers[s],
            span=Span(start=a, end=b),
            paragraphs=tuple(Span(start=p, end=q) for p, q in paras),
            start_time=st,
            end_time=et,
        )
        for s, a, b, paras, st, et in data["turns"]
    )
    return Transcript(
        id=data["id"],
        title=data["title"],
        text=data["text"],
        turns=turns,
        format=data["format"],
        date=data["date"],
        source_url=data["source_url"],
        path=path,
        metadata=_unplain(data["metadata"]),
    )


def speaker_lines(t: Transcript) -> str:
    """Every distinct label and name of a transcript, one a line, for the speaker filter."""
    return "\n".join(speakers_of(t))


# -- word arrays ----------------------------------------------------------------------


def pack_arrays(toks: DocTokens, ids: npt.NDArray[np.int32]) -> bytes:
    """One transcript's word ids, offsets and turns: read without copying or decompressing."""
    return np.concatenate(
        [
            ids.astype(np.int32),
            np.frombuffer(toks.starts, np.int32),
            np.frombuffer(toks.ends, np.int32),
            np.frombuffer(toks.turns, np.int32),
        ]
    ).tobytes()


def unpack_arrays(blob: bytes) -> npt.NDArray[np.int32]:
    """The 4 x n int32 arrays: word ids, starts, ends, turns."""
    return np.frombuffer(blob, np.int32).reshape(4, -1)


def pack_vocab(words: Iterable[str]) -> bytes:
    return zlib.compress("\n".join(words).encode(), 1)


def unpack_vocab(blob: bytes) -> list[str]:
    text = zlib.decompress(blob).decode()
    return text.split("\n") if text else []


# -- files on disk -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FileState:
    """A transcript file as found on disk now."""

    rel: str
    path: Path
    size: int
    mtime_ns: int
    tid: str


def scan(root: str | Path) -> list[FileState]:
    """Every transcript file under ``root`` in the loader's order, with its stat and id."""
    from verifier.corpus.paths import corpus_files

    files = corpus_files(root)
    out = []
    for (rel, p), tid in zip(files, unique_ids([rel for rel, _ in files]), strict=True):
        st = p.stat()
        out.append(FileState(rel, p, st.st_size, st.st_mtime_ns, tid))
    return out


@dataclass(frozen=True, slots=True, kw_only=True)
class Freshness:
    """How an index compares with its folder now."""

    exists: bool
    compatible: bool = False  # same schema and parser code
    added: int = 0
    changed: int = 0
    deleted: int = 0
    reason: str = ""

    @property
    def fresh(self) -> bool:
        return self.exists and self.compatible and not (self.added or self.changed or self.deleted)


def clean_stale_tmp(ipath: Path) -> None:
    """Remove temporary files left by builds that were killed (their process is gone)."""
    for p in ipath.parent.glob(f"{ipath.name}.tmp-*"):
        try:
            pid = int(p.name.rsplit("-", 1)[1].split("-")[0])
            os.kill(pid, 0)
        except ProcessLookupError:
            p.unlink(missing_ok=True)
        except (ValueError, PermissionError, OSError):
            continue


def connect_ro(path: str | Path) -> sqlite3.Connection:
    """A read-only connection; safe without locks because the file is never written in place."""
    uri = Path(path).resolve().as_uri() + "?mode=ro&immutable=1"
    return sqlite3.connect(uri, uri=True, check_same_thread=False)


def read_meta(con: sqlite3.Connection) -> dict[str, str]:
    try:
        return dict(con.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.DatabaseError:
        return {}


def check_freshness(root: str | Path, index_path: str | Path) -> Freshness:
    """Compare the index with the folder: by stat, and by content hash where the stat moved."""
    ipath = Path(index_path)
    if not ipath.is_file():
        return Freshness(exists=False, reason="no index")
    try:
        con = connect_ro(ipath)
    except sqlite3.Error as exc:
        return Freshness(exists=True, reason=f"unreadable index: {exc}")
    try:
        meta = read_meta(con)
        if meta.get("schema") != SCHEMA:
            return Freshness(exists=True, reason="index from another version")
        if meta.get("fingerprint") != fingerprint():
            return Freshness(exists=True, reason="index built by other parsing code")
        if meta.get("aliases") != aliases_hash(root):
            return Freshness(exists=True, reason="speakers.yaml changed")
        stored = {
            r[0]: r[1:] for r in con.execute("SELECT path, size, mtime_ns, sha, tid FROM files").fetchall()
        }
    except sqlite3.Error as exc:
        return Freshness(exists=True, reason=f"unreadable index: {exc}")
    finally:
        con.close()
    added = changed = 0
    now = scan(root)
    for f in now:
        old = stored.pop(f.rel, None)
        if old is None:
            added += 1
        elif old[3] != f.tid:
            changed += 1
        elif (old[0], old[1]) != (f.size, f.mtime_ns) and file_sha(f.path.read_bytes()) != old[2]:
            changed += 1
    return Freshness(exists=True, compatible=True, added=added, changed=changed, deleted=len(stored))
