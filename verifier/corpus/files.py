"""A folder of transcripts, any size, any mix of formats: load it all, never crash on one file.

A bad file is a warning (file, line, message) and is skipped; the same body
under two names is loaded once and reported. Large folders load in worker
processes, in chunks, and the result keeps the sorted-path order whatever the
machine, so ids, counts and reports never depend on how busy it was.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from verifier.corpus.paths import corpus_paths, outside_links, slug_id
from verifier.errors import QuotecheckError, TranscriptError
from verifier.models import Role, Speaker, Transcript
from verifier.text.decode import read_text
from verifier.text.display import unescape_markdown
from verifier.transcripts.formats.frontmatter import body_offset
from verifier.transcripts.loader import parse_transcript
from verifier.transcripts.speakers import Aliases, load_aliases

PARALLEL_ABOVE = 200  # files; below this, worker start-up costs more than it saves
CHUNK = 64


@dataclass(frozen=True, slots=True, kw_only=True)
class LoadWarning:
    """A file that could not be used, and why: shown to the user, never raised unless strict."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Duplicate:
    """A file whose transcript body is the same as an earlier one's; the earlier is kept."""

    path: str
    same_as: str


@dataclass(frozen=True, slots=True, kw_only=True)
class CorpusLoad:
    """What loading a folder gave: transcripts in sorted-path order, and what was skipped."""

    root: str
    transcripts: tuple[Transcript, ...]
    warnings: tuple[LoadWarning, ...] = ()
    duplicates: tuple[Duplicate, ...] = ()
    files_seen: int = 0


@dataclass(frozen=True, slots=True)
class FileLoad:
    """What loading one file gave: a transcript and its body hash, or a warning."""

    path: str
    transcript: Transcript | None
    body_hash: str | None
    warning: LoadWarning | None


def load_one_file(path: str, tid: str, format: str | None, aliases: Aliases) -> FileLoad:
    """One file as the folder loader sees it: the transcript, or a warning, and its body hash.

    The index builds with this same step, so ids and duplicate hashes always agree.
    """
    try:
        text = read_text(path, what="transcript")
        transcript = parse_transcript(text, path=path, format=format, id=tid, aliases=aliases)
    except QuotecheckError as exc:
        return FileLoad(path, None, None, LoadWarning(path=path, line=exc.line, message=exc.message))
    body = body_offset(text)
    digest = hashlib.blake2b(" ".join(text[body:].split()).encode(), digest_size=16).hexdigest()
    return FileLoad(path, transcript, digest, None)


def _load_chunk(jobs: Sequence[tuple[str, str]], format: str | None, aliases: Aliases) -> list[FileLoad]:
    return [load_one_file(path, tid, format, aliases) for path, tid in jobs]


def _chunks(items: Sequence[tuple[str, str]], size: int) -> Iterator[Sequence[tuple[str, str]]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def load_corpus_files(
    root: str | Path,
    *,
    strict: bool = False,
    format: str | None = None,
    workers: int | None = None,
) -> CorpusLoad:
    """Load every transcript under ``root``; bad files become warnings (``strict``: errors).

    Ids are relative-path slugs, made unique with a numeric suffix. Speaker
    aliases come from ``root/speakers.yaml`` or the shipped defaults.
    """
    base = Path(root)
    if not base.is_dir():
        raise TranscriptError("corpus folder not found", path=str(root))
    aliases = load_aliases(base)
    paths = corpus_paths(base)
    jobs: list[tuple[str, str]] = []
    used: set[str] = set()
    for p in paths:
        tid = slug_id(p.relative_to(base).as_posix())
        n = 2
        unique = tid
        while unique in used:
            unique, n = f"{tid}-{n}", n + 1
        used.add(unique)
        jobs.append((str(p), unique))
    results: list[FileLoad] = [
        FileLoad(
            str(p),
            None,
            None,
            LoadWarning(
                path=str(p), line=None, message="a symlink to a file outside the corpus folder; skipped"
            ),
        )
        for p in outside_links(base)
    ]
    if len(jobs) > PARALLEL_ABOVE and (workers is None or workers > 1):
        size = max(1, min(CHUNK, len(jobs) // ((workers or os.cpu_count() or 2) * 4) or 1))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(_load_chunk, c, format, aliases) for c in _chunks(jobs, size)]
            for future in futures:  # submission order: deterministic
                results.extend(future.result())
    else:
        results.extend(_load_chunk(jobs, format, aliases))
    return _collect(str(base), results, strict=strict, files_seen=len(jobs))


def _collect(root: str, results: list[FileLoad], *, strict: bool, files_seen: int) -> CorpusLoad:
    transcripts: list[Transcript] = []
    warnings: list[LoadWarning] = []
    duplicates: list[Duplicate] = []
    first_by_hash: dict[str, str] = {}
    for r in results:
        if r.warning is not None:
            if strict:
                raise TranscriptError(r.warning.message, path=r.warning.path, line=r.warning.line)
            warnings.append(r.warning)
            continue
        assert r.transcript is not None and r.body_hash is not None
        if r.body_hash in first_by_hash:
            duplicates.append(Duplicate(path=r.path, same_as=first_by_hash[r.body_hash]))
            continue
        first_by_hash[r.body_hash] = r.path
        transcripts.append(r.transcript)
    if not transcripts:
        warnings.append(LoadWarning(path=root, line=None, message="the corpus folder holds no transcripts"))
    return CorpusLoad(
        root=root,
        transcripts=tuple(transcripts),
        warnings=tuple(warnings),
        duplicates=tuple(duplicates),
        files_seen=files_seen,
    )


def speaker_resolved(role: Role, name: str | None) -> bool:
    """Whether a turn's speaker is known: a name, or a role that stands on its own."""
    return name is not None or role in (Role.REPORTER, Role.MODERATOR, Role.ANONYMOUS, Role.OTHER)


def corpus_counts(load: CorpusLoad) -> tuple[int, int]:
    """(turns, turns whose speaker resolved to a name or role)."""
    turns = resolved = 0
    for t in load.transcripts:
        for turn in t.turns:
            turns += 1
            resolved += speaker_resolved(turn.speaker.role, turn.speaker.name)
    return turns, resolved


def format_counts(load: CorpusLoad) -> Counter[str]:
    return Counter(t.format for t in load.transcripts)


@dataclass(frozen=True, slots=True)
class FormatQuality:
    """How well one format's files read: turns with a resolved speaker, files with a date,
    and files with neither (nothing to rank or credit a quote by)."""

    files: int = 0
    turns: int = 0
    resolved: int = 0
    dated: int = 0
    neither: int = 0


def _resolved_turns(t: Transcript) -> int:
    return sum(speaker_resolved(x.speaker.role, x.speaker.name) for x in t.turns)


def format_quality(load: CorpusLoad) -> dict[str, FormatQuality]:
    """Per format: files, turns, turns with a resolved speaker, files with a date, neither."""
    out: dict[str, FormatQuality] = {}
    for t in load.transcripts:
        q, ok = out.get(t.format, FormatQuality()), _resolved_turns(t)
        out[t.format] = FormatQuality(
            files=q.files + 1,
            turns=q.turns + len(t.turns),
            resolved=q.resolved + ok,
            dated=q.dated + bool(t.date),
            neither=q.neither + (not t.date and not ok),
        )
    return out


def undated_and_unresolved(load: CorpusLoad) -> list[str]:
    """The files with no date and no turn whose speaker resolved: nothing to rank or credit by."""
    return [t.path or t.id for t in load.transcripts if not t.date and not _resolved_turns(t)]


def corpus_quality(load: CorpusLoad) -> dict[str, Any]:
    """The per-format numbers of ``summarize_corpus`` as data, for ``--format json``."""
    formats = {
        name: {
            "files": q.files,
            "turns": q.turns,
            "resolved_turns": q.resolved,
            "dated_files": q.dated,
            "neither_files": q.neither,
            "resolved_share": round(q.resolved / q.turns, 3) if q.turns else None,
            "dated_share": round(q.dated / q.files, 3) if q.files else None,
        }
        for name, q in sorted(format_quality(load).items())
    }
    turns, resolved = corpus_counts(load)
    return {
        "root": str(load.root),
        "transcripts": len(load.transcripts),
        "turns": turns,
        "resolved_turns": resolved,
        "formats": formats,
        "undated_and_unresolved": undated_and_unresolved(load),
    }


def summarize_corpus(load: CorpusLoad, *, top: int = 15) -> str:
    """A plain-text overview: counts per format and month, frequent speakers, what was skipped."""
    turns, resolved = corpus_counts(load)
    share = f"{resolved / turns:.1%}" if turns else "n/a"
    lines = [
        f"Corpus {load.root}: {len(load.transcripts)} transcripts from {load.files_seen} files, "
        f"{turns} turns, {share} with a known speaker",
        "",
        "Formats:",
    ]
    lines += [f"  {name:<14} {n:>6}" for name, n in sorted(format_counts(load).items())]
    lines += [
        "",
        "Per format (files, turns, turns with a resolved speaker, files with a date, files with neither):",
    ]
    for name, q in sorted(format_quality(load).items()):
        pct = f"{q.resolved / q.turns:.0%}" if q.turns else "n/a"
        dated_pct = f"({q.dated / q.files:.0%})"
        lines.append(
            f"  {name:<14} {q.files:>6} files {q.turns:>7} turns {pct:>5} resolved "
            f"{q.dated:>6} dated {dated_pct:<6} {q.neither:>5} neither"
        )
    neither = [t for t in load.transcripts if not t.date and not _resolved_turns(t)]
    if neither:
        lines += ["", f"No date and no resolved speaker ({len(neither)}):"]
        lines += [f"  {t.format:<14} {t.path or t.id}" for t in neither]
    months = Counter((t.date or "undated")[:7] for t in load.transcripts)
    lines += ["", "Months:"]
    lines += [f"  {month:<14} {n:>6}" for month, n in sorted(months.items())]
    speakers: Counter[str] = Counter()
    for t in load.transcripts:
        for turn in t.turns:
            s = turn.speaker
            if s.role is not Role.REPORTER and s.role is not Role.UNKNOWN:
                speakers[s.name or s.label] += 1
    lines += ["", f"Most frequent speakers (turns, reporters aside, top {top}):"]
    lines += [f"  {who:<40} {n:>6}" for who, n in speakers.most_common(top)]
    if load.warnings:
        lines += ["", f"Skipped {len(load.warnings)} file(s):"]
        lines += [f"  {w}" for w in load.warnings]
    if load.duplicates:
        lines += ["", f"Duplicates ({len(load.duplicates)}, the first copy kept):"]
        lines += [f"  {d.path} = {d.same_as}" for d in load.duplicates]
    return "\n".join(lines) + "\n"


def describe_speaker(speaker: Speaker) -> str:
    """``MS. JEAN-PIERRE = Karine Jean-Pierre, Press Secretary [official]``."""
    s = speaker
    label = s.label or "(no speaker)"
    who = ", ".join(x for x in (s.name, s.title, s.affiliation) if x)
    return f"{label} = {who} [{s.role}]" if who else f"{label} [{s.role}]"


def format_transcript(transcript: Transcript, *, words: int = 12) -> str:
    """The parsed turns, one a line: time, resolved speaker, first words of what they said."""
    t = transcript
    head = [
        f"{t.title or t.id}",
        f"  id {t.id} | format {t.format} | date {t.date or 'unknown'} | {len(t.turns)} turns",
    ]
    if t.date and t.metadata.get("date_source"):
        head.append(f"  date from {t.metadata['date_source']}")
    elif not t.date:  # say where it looked, so a reader knows to add front matter
        head.append(
            "  no date in front matter, title or header lines: speakers who held several offices get no title"
        )
    if t.source_url:
        head.append(f"  {t.source_url}")
    lines = [*head, ""]
    for i, turn in enumerate(t.turns, 1):
        said = unescape_markdown(" ".join(" ".join(p.of(t.text).split()) for p in turn.paragraphs)).split()
        opening = " ".join(said[:words]) + (" …" if len(said) > words else "")
        when = turn.start_time or ""
        if turn.end_time:
            when = f"{when}-{turn.end_time}"
        when = f"{when} " if when else ""
        lines.append(f"{i:>4}. {when}{describe_speaker(turn.speaker)}: {opening}")
    return "\n".join(lines) + "\n"
