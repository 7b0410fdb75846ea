"""A fact-checker's decisions on an article's findings, kept in ``ARTICLE.review.yaml``.

Decisions are keyed by the quote's span and a hash of its text, and the file names the
article's hash, so when the article changes each decision is either still on its quote,
moved with it (same words elsewhere), or reported as no longer matching. Saving is
atomic (a temporary file in the same folder, then a rename): a crash never leaves half
a file, and a decision once saved is never lost.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from verifier.errors import QuotecheckError
from verifier.models import Attribution, Fidelity, Quote
from verifier.yamlnodes import load_yaml, mapping_value, seq_items

if TYPE_CHECKING:
    import yaml

SCHEMA = "quotecheck.review/1"


class ReviewFileError(QuotecheckError):
    """A review file exists but cannot be used (bad YAML, wrong shape, unknown values)."""


class Decision(StrEnum):
    """What the reviewer decided about a finding; a note alone is no decision."""

    ACCEPTED = "accepted"  # the engine's verdict stands
    OVERRIDDEN = "overridden"  # the reviewer's verdict replaces the engine's


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteKey:
    """Which quote a decision belongs to: where it stood and a hash of its words.

    The span alone would follow an edited quote; the hash alone would confuse two
    identical quotes. Together they survive a reopening and notice a changed article.
    """

    start: int
    end: int
    text_sha: str

    @classmethod
    def of(cls, quote: Quote) -> QuoteKey:
        return cls(start=quote.span.start, end=quote.span.end, text_sha=text_hash(quote.text))


@dataclass(frozen=True, slots=True, kw_only=True)
class Review:
    """One reviewer decision: accept or override the verdict, and/or a note."""

    key: QuoteKey
    quote: str  # the quoted words, for a person reading the file and for stale reports
    decision: Decision | None = None
    verdict: Fidelity | None = None  # set when the fidelity verdict is overridden
    attribution: Attribution | None = None  # set when the attribution verdict is overridden
    note: str = ""
    updated: str = ""  # ISO time of the last change

    @property
    def empty(self) -> bool:
        return self.decision is None and not self.note.strip()


@dataclass(frozen=True, slots=True, kw_only=True)
class ReviewFile:
    """Every decision on one article, and what article they were made on."""

    article_sha: str
    version: str = ""
    article_path: str | None = None
    reviews: tuple[Review, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Reconciled:
    """Decisions laid on the article's current quotes.

    ``by_index`` maps a quote's position in ``quotes`` to its decision; ``moved`` counts
    decisions found again by their words at a new place; ``stale`` are those whose
    quote is no longer in the article (kept in the file, shown to the reviewer).
    """

    by_index: Mapping[int, Review] = field(default_factory=dict)
    moved: int = 0
    stale: tuple[Review, ...] = ()
    article_changed: bool = False


def text_hash(text: str) -> str:
    """A short, stable hash of a quote's words (whitespace runs folded)."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def article_hash(text: str) -> str:
    """sha256 of the article text quotes index, as ``sha256:<hex>``."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def review_path_for(article_path: str | Path) -> Path:
    """``story.md`` -> ``story.review.yaml`` beside it."""
    p = Path(article_path)
    return p.with_name(p.stem + ".review.yaml")


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


# --- changing decisions -------------------------------------------------------------------


def set_review(file: ReviewFile, review: Review) -> ReviewFile:
    """The file with ``review`` replacing any decision on the same quote (dropped if empty)."""
    kept = [r for r in file.reviews if r.key != review.key]
    if not review.empty:
        kept.append(review)
    kept.sort(key=lambda r: (r.key.start, r.key.end))
    return replace(file, reviews=tuple(kept))


def decide(
    file: ReviewFile,
    quote: Quote,
    *,
    decision: Decision | None | str = "keep",
    verdict: Fidelity | None | str = "keep",
    attribution: Attribution | None | str = "keep",
    note: str | None = None,
    when: str | None = None,
) -> ReviewFile:
    """Change one quote's decision; the sentinel ``"keep"`` leaves a field as it was."""
    key = QuoteKey.of(quote)
    old = next((r for r in file.reviews if r.key == key), None) or Review(key=key, quote=quote.text)
    new = replace(
        old,
        quote=quote.text,
        decision=old.decision if decision == "keep" else (Decision(decision) if decision else None),
        verdict=old.verdict if verdict == "keep" else (Fidelity(verdict) if verdict else None),
        attribution=(
            old.attribution if attribution == "keep" else (Attribution(attribution) if attribution else None)
        ),
        note=old.note if note is None else note.strip(),
        updated=when or now_iso(),
    )
    if new.decision is not Decision.OVERRIDDEN:
        new = replace(new, verdict=None, attribution=None)
    return set_review(file, new)


def reconcile(file: ReviewFile, quotes: Sequence[Quote], article_text: str) -> Reconciled:
    """Match decisions to quotes: same span and words, else same words moved; else stale."""
    keys = [QuoteKey.of(q) for q in quotes]
    exact = {k: i for i, k in enumerate(keys)}
    by_index: dict[int, Review] = {}
    pending: list[Review] = []
    for review in file.reviews:
        i = exact.get(review.key)
        if i is not None and i not in by_index:
            by_index[i] = review
        else:
            pending.append(review)
    moved = 0
    stale: list[Review] = []
    for review in pending:
        free = [i for i, k in enumerate(keys) if k.text_sha == review.key.text_sha and i not in by_index]
        if free:
            i = min(free, key=lambda j: abs(keys[j].start - review.key.start))
            by_index[i] = replace(review, key=keys[i])
            moved += 1
        else:
            stale.append(review)
    return Reconciled(
        by_index=by_index,
        moved=moved,
        stale=tuple(stale),
        article_changed=bool(file.article_sha) and file.article_sha != article_hash(article_text),
    )


def rebase(file: ReviewFile, reconciled: Reconciled, article_text: str) -> ReviewFile:
    """The file after reconciling: moved decisions at their new place, stale ones kept."""
    reviews = list(reconciled.by_index.values()) + list(reconciled.stale)
    reviews.sort(key=lambda r: (r.key.start, r.key.end))
    return replace(file, reviews=tuple(reviews), article_sha=article_hash(article_text))


# --- reading and writing ------------------------------------------------------------------


def review_to_dict(review: Review) -> dict[str, Any]:
    """The ``review`` object a report's finding carries."""
    return {
        "decision": str(review.decision) if review.decision else None,
        "verdict": str(review.verdict) if review.verdict else None,
        "attribution": str(review.attribution) if review.attribution else None,
        "note": review.note or None,
    }


def dump_review_file(file: ReviewFile) -> str:
    data = {
        "schema": SCHEMA,
        "quotecheck": file.version,
        "article": {"path": file.article_path, "sha256": file.article_sha},
        "decisions": [
            {
                "start": r.key.start,
                "end": r.key.end,
                "quote_sha": r.key.text_sha,
                "quote": r.quote,
                **review_to_dict(r),
                "updated": r.updated or None,
            }
            for r in file.reviews
        ],
    }
    import yaml  # written only when a decision is saved

    return str(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100))


def save_review_file(path: str | Path, file: ReviewFile) -> None:
    """Write atomically: a temporary file in the same folder, flushed, then renamed."""
    target = Path(path)
    text = dump_review_file(file)
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.chmod(tmp, mode)  # mkstemp makes 0600; a saved file keeps the mode it had
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def backup_path(path: str | Path) -> Path:
    """A free name for setting aside an unreadable review file: never an earlier backup."""
    target = Path(path)
    candidate = target.with_name(target.name + ".unreadable")
    n = 1
    while candidate.exists():
        n += 1
        candidate = target.with_name(f"{target.name}.unreadable.{n}")
    return candidate


def load_review_file(path: str | Path) -> ReviewFile | None:
    """The decisions saved at ``path``; None when there is no file yet."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise ReviewFileError(f"cannot read review file: {exc}", path=str(p)) from None
    data, node = load_yaml(text, path=str(p), what="review file YAML", error=ReviewFileError)
    return parse_review_data(data, path=str(p), node=node)


def parse_review_data(data: Any, *, path: str | None = None, node: yaml.Node | None = None) -> ReviewFile:
    """Validate a loaded review document into a ReviewFile; ``node`` gives errors their line."""
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ReviewFileError(f"not a review file (expected schema {SCHEMA})", path=path, line=1)
    article = data.get("article") or {}
    items = data.get("decisions") or []
    if not isinstance(article, dict) or not isinstance(items, list):
        raise ReviewFileError("review file has a malformed 'article' or 'decisions'", path=path, line=1)
    item_nodes = seq_items(mapping_value(node, "decisions"))
    return ReviewFile(
        article_sha=str(article.get("sha256") or ""),
        version=str(data.get("quotecheck") or ""),
        article_path=article.get("path"),
        reviews=tuple(
            _parse_review(item, n, path, item_nodes[n - 1] if n <= len(item_nodes) else None)
            for n, item in enumerate(items, 1)
        ),
    )


def _parse_review(item: Any, n: int, path: str | None, node: yaml.Node | None) -> Review:
    """One decision; a bad one is named by its number, its key and the line it is on."""
    key: str | None = None
    try:
        if not isinstance(item, dict):
            raise ValueError("expected start, end, quote_sha and a decision")
        for key in ("start", "end", "quote_sha"):
            if key not in item:
                raise ValueError(f"'{key}' is missing")
        key = "start"
        start = _offset(item, key)
        key = "end"
        end = _offset(item, key)
        key = None
        decision = item.get("decision")
        verdict = item.get("verdict")
        attribution = item.get("attribution")
        return Review(
            key=QuoteKey(start=start, end=end, text_sha=str(item["quote_sha"])),
            quote=str(item.get("quote") or ""),
            decision=Decision(decision) if decision else None,
            verdict=Fidelity(verdict) if verdict else None,
            attribution=Attribution(attribution) if attribution else None,
            note=str(item.get("note") or ""),
            updated=str(item.get("updated") or ""),
        )
    except (AttributeError, KeyError, TypeError, ValueError, OverflowError) as exc:
        at = (mapping_value(node, key) if key else None) or node
        line = at.start_mark.line + 1 if at is not None else None
        raise ReviewFileError(f"decision {n} is malformed: {exc}", path=path, line=line) from None


def _offset(item: dict[str, Any], key: str) -> int:
    """A character offset: a whole number >= 0 (``.inf``, ``1.5`` or ``true`` are not)."""
    value = item[key]
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        shown = repr(value).replace("inf", ".inf") if isinstance(value, float) else repr(value)
        raise ValueError(f"'{key}' must be a whole number >= 0, not {shown}")
    return value
