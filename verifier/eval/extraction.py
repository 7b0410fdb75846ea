"""Scoring quote extraction against hand labels: the scoreboard for ``verifier.articles.quotes``.

A label file lists, per article, the quotes a careful reader finds. An extracted quote
counts as found when it sits where the labelled words are printed and shares most of
their words; then its speaker, cue and flags are compared. Verification keys in the
labels (``fidelity``, ``attribution``) are left for the verification scorer.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from verifier.articles.quotes import extract_quotes, load_article
from verifier.errors import ArticleError
from verifier.models import Quote, Span
from verifier.text.decode import read_text
from verifier.text.tokens import tokenize
from verifier.yamlnodes import load_yaml

MIN_WORD_OVERLAP = 0.6  # Dice overlap of word multisets for a quote to count as found


@dataclass(frozen=True, slots=True, kw_only=True)
class ExpectedQuote:
    """One labelled quote: where its pieces are printed and what should be read from it."""

    file: str
    pieces: tuple[str, ...]
    span: Span | None  # where the labelled words were found in the article text
    attributed_to: str | None
    speaker_name: str | None
    cue: str | None
    flags: frozenset[str]
    checks: frozenset[str]  # which of the optional keys the label sets

    @property
    def text(self) -> str:
        return " ... ".join(self.pieces)


@dataclass(frozen=True, slots=True, kw_only=True)
class Mismatch:
    """One disagreement, for debugging: missed, spurious, speaker, attributed_to, cue, flags."""

    file: str
    kind: str
    quote: str
    expected: str | None = None
    got: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ExtractionScores:
    """Extraction precision and recall, and how often the attribution read is right."""

    articles: int
    expected: int
    extracted: int
    true_positives: int
    precision: float
    recall: float
    speaker_accuracy: float
    cue_accuracy: float
    attributed_to_accuracy: float
    flag_accuracy: float
    mismatches: tuple[Mismatch, ...]


def evaluate_extraction(labels_path: str | Path) -> ExtractionScores:
    """Run extraction on every labelled article and score it against the labels."""
    path = Path(labels_path)
    entries = _read_labels(path)
    tally: Counter[str] = Counter()
    mismatches: list[Mismatch] = []
    for entry in entries:
        article_path = path.parent / str(entry["file"])
        article = load_article(article_path)
        expected = _expected_quotes(entry, article.text, str(entry["file"]))
        got = extract_quotes(article)
        tally["articles"] += 1
        tally["expected"] += len(expected)
        tally["extracted"] += len(got)
        _score_article(expected, got, article.text, tally, mismatches)
    return _scores(tally, mismatches)


def _read_labels(path: Path) -> list[dict[str, Any]]:
    text = read_text(path, what="labels file")
    data, _ = load_yaml(text, path=str(path), what="labels YAML", error=ArticleError)
    articles = data.get("articles") if isinstance(data, dict) else None
    if not isinstance(articles, list):
        raise ArticleError("labels file needs an 'articles' list", path=str(path))
    return [a for a in articles if isinstance(a, dict) and "file" in a]


def _expected_quotes(entry: dict[str, Any], text: str, file: str) -> list[ExpectedQuote]:
    """Labelled quotes, each located in the article after the one before it."""
    out: list[ExpectedQuote] = []
    cursor = 0
    for raw in entry.get("quotes") or []:
        pieces = tuple(str(p) for p in raw.get("pieces") or [raw.get("text", "")])
        span = _locate(text, pieces, cursor)
        if span is not None:
            cursor = span.start + 1
        out.append(
            ExpectedQuote(
                file=file,
                pieces=pieces,
                span=span,
                attributed_to=raw.get("attributed_to"),
                speaker_name=raw.get("speaker_name"),
                cue=raw.get("cue"),
                flags=frozenset(str(f) for f in raw.get("flags") or []),
                checks=frozenset(k for k in ("speaker_name", "attributed_to", "cue", "flags")
                                 if k in raw),
            )
        )
    return out


def _locate(text: str, pieces: tuple[str, ...], cursor: int) -> Span | None:
    """Where the pieces are printed, in order; searching from ``cursor`` first."""
    for start_at in (cursor, 0):
        pos = start_at
        first: int | None = None
        for piece in pieces:
            found = text.find(piece, pos)
            if found < 0:
                break
            first = found if first is None else first
            pos = found + len(piece)
        else:
            if first is not None:
                return Span(start=first, end=pos)
    return None


def _words(text: str) -> Counter[str]:
    return Counter(t.norm for t in tokenize(text))


def word_overlap(a: str, b: str) -> float:
    """Dice coefficient of the two texts' word multisets (0 to 1)."""
    wa, wb = _words(a), _words(b)
    total = sum(wa.values()) + sum(wb.values())
    return 2 * sum((wa & wb).values()) / total if total else 0.0


def _score_article(
    expected: list[ExpectedQuote],
    got: list[Quote],
    text: str,
    tally: Counter[str],
    mismatches: list[Mismatch],
) -> None:
    """Pair expected and extracted quotes one to one by best overlap, then compare fields."""
    pairs = _pair(expected, got, text)
    for i, exp in enumerate(expected):
        j = pairs.get(i)
        if j is None:
            mismatches.append(Mismatch(file=exp.file, kind="missed", quote=exp.text))
            continue
        tally["true_positives"] += 1
        _compare(exp, got[j], tally, mismatches)
    paired = set(pairs.values())
    for j, quote in enumerate(got):
        if j not in paired:
            file = expected[0].file if expected else ""
            mismatches.append(Mismatch(file=file, kind="spurious", quote=quote.text))


def _pair(expected: list[ExpectedQuote], got: list[Quote], text: str) -> dict[int, int]:
    candidates: list[tuple[float, int, int]] = []
    for i, exp in enumerate(expected):
        for j, quote in enumerate(got):
            if exp.span is not None and not exp.span.overlaps(quote.span):
                continue
            overlap = word_overlap(exp.text, quote.text)
            if overlap >= MIN_WORD_OVERLAP:
                candidates.append((overlap, i, j))
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in sorted(candidates, reverse=True):
        if i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    return pairs


def _same(a: str | None, b: str | None) -> bool:
    def norm(s: str | None) -> str:
        return " ".join((s or "").lower().split())

    return norm(a) == norm(b)


def _compare(
    exp: ExpectedQuote, quote: Quote, tally: Counter[str], mismatches: list[Mismatch]
) -> None:
    fields = {
        "speaker_name": (exp.speaker_name, quote.speaker_name),
        "attributed_to": (exp.attributed_to, quote.attributed_to),
        "cue": (exp.cue, quote.cue),
        "flags": (
            ",".join(sorted(exp.flags)),
            ",".join(sorted(f.value for f in quote.flags)),
        ),
    }
    for name, (want, have) in fields.items():
        if name not in exp.checks:
            continue
        tally[f"{name}_checked"] += 1
        if _same(want, have):
            tally[f"{name}_right"] += 1
        else:
            mismatches.append(
                Mismatch(file=exp.file, kind=name, quote=exp.text, expected=want, got=have)
            )


def _ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


def _scores(tally: Counter[str], mismatches: list[Mismatch]) -> ExtractionScores:
    return ExtractionScores(
        articles=tally["articles"],
        expected=tally["expected"],
        extracted=tally["extracted"],
        true_positives=tally["true_positives"],
        precision=_ratio(tally["true_positives"], tally["extracted"]),
        recall=_ratio(tally["true_positives"], tally["expected"]),
        speaker_accuracy=_ratio(tally["speaker_name_right"], tally["speaker_name_checked"]),
        cue_accuracy=_ratio(tally["cue_right"], tally["cue_checked"]),
        attributed_to_accuracy=_ratio(tally["attributed_to_right"], tally["attributed_to_checked"]),
        flag_accuracy=_ratio(tally["flags_right"], tally["flags_checked"]),
        mismatches=tuple(mismatches),
    )


def format_extraction_scores(scores: ExtractionScores, *, max_mismatches: int = 20) -> str:
    """A plain-text table of the scores, then the first few mismatches."""
    rows = [
        ("articles", str(scores.articles)),
        ("expected quotes", str(scores.expected)),
        ("extracted quotes", str(scores.extracted)),
        ("true positives", str(scores.true_positives)),
        ("precision", f"{scores.precision:.3f}"),
        ("recall", f"{scores.recall:.3f}"),
        ("speaker accuracy", f"{scores.speaker_accuracy:.3f}"),
        ("attributed_to accuracy", f"{scores.attributed_to_accuracy:.3f}"),
        ("cue accuracy", f"{scores.cue_accuracy:.3f}"),
        ("flag accuracy", f"{scores.flag_accuracy:.3f}"),
    ]
    width = max(len(name) for name, _ in rows)
    lines = [f"{name:<{width}}  {value:>7}" for name, value in rows]
    if scores.mismatches:
        lines.append("")
        lines.append(f"mismatches ({len(scores.mismatches)}):")
        for m in scores.mismatches[:max_mismatches]:
            detail = "" if m.kind in ("missed", "spurious") else f": {m.expected!r} != {m.got!r}"
            lines.append(f"  {m.file}  {m.kind}{detail}  {_short(m.quote)}")
        if len(scores.mismatches) > max_mismatches:
            lines.append(f"  ... {len(scores.mismatches) - max_mismatches} more")
    return "\n".join(lines)


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."
