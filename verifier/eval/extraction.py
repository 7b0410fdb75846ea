"""Scoring quote extraction against hand labels: the scoreboard for ``verifier.articles.quotes``.

A label file lists, per article, the quotes a careful reader finds. An extracted quote
counts as found when it sits where the labelled words are printed and shares most of
their words; then its speaker, speaker kind, the mention a pronoun resolved to, cue and
flags are compared. Marks that report no speech are listed as ``not_quotes``: an
extracted quote on one costs precision unless it is flagged scare or title (kept, not
verified as speech). Verification keys in the labels (``fidelity``, ``attribution``) are
left for the verification scorer. The label rules: tests/data/articles/real/README.md.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from verifier.articles.quotes import extract_quotes, load_article
from verifier.errors import ArticleError
from verifier.models import Quote, QuoteFlag, Span
from verifier.text.decode import read_text
from verifier.text.tokens import tokenize
from verifier.yamlnodes import load_yaml

MIN_WORD_OVERLAP = 0.6  # Dice overlap of word multisets for a quote to count as found
NOT_SPEECH = frozenset({QuoteFlag.SCARE, QuoteFlag.TITLE})
LABEL_SCHEMA = "quotecheck.labels/1"


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
    speaker_kind: str | None = None
    mention: str | None = None
    patterns: tuple[str, ...] = ()
    piece_spans: tuple[Span, ...] = ()  # where each piece was found

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
    speaker_kind_accuracy: float = 1.0
    mention_accuracy: float = 1.0
    mentions: int = 0  # labelled quotes with a mention to resolve to
    not_quotes: int = 0
    not_quote_accuracy: float = 1.0  # not_quotes left out, or kept flagged scare/title
    excused: int = 0  # extracted quotes on a not_quote, flagged as not speech
    patterns: tuple[PatternScore, ...] = field(default=())


@dataclass(frozen=True, slots=True, kw_only=True)
class PatternScore:
    """How one labelled pattern fares: found, and its credit (speaker, mention) right."""

    pattern: str
    support: int
    found: int
    right: int  # found with the speaker (and the mention, when labelled) right

    @property
    def accuracy(self) -> float:
        return self.right / self.support if self.support else 1.0


def evaluate_extraction(labels_path: str | Path | Iterable[str | Path]) -> ExtractionScores:
    """Run extraction on every labelled article (of one label file or several) and score it."""
    paths = [Path(labels_path)] if isinstance(labels_path, (str, Path)) else [Path(p) for p in labels_path]
    tally: Counter[str] = Counter()
    mismatches: list[Mismatch] = []
    for path in paths:
        for entry in _read_labels(path):
            article_path = path.parent / str(entry["file"])
            article = load_article(article_path)
            expected = _expected_quotes(entry, article.text, str(entry["file"]))
            not_quotes = _not_quotes(entry, article.text)
            got = extract_quotes(article)
            tally["articles"] += 1
            tally["expected"] += len(expected)
            tally["extracted"] += len(got)
            _score_article(expected, got, article.text, tally, mismatches, not_quotes)
    return _scores(tally, mismatches)


def is_extraction_labels(path: str | Path) -> bool:
    """Whether a YAML file is an extraction label file (not a verification eval set).

    It says ``schema: quotecheck.labels/1``, or its ``articles`` list holds articles
    (mappings with a ``file``) rather than the paths of label files.
    """
    try:
        text = read_text(Path(path), what="labels file")
    except Exception:  # noqa: BLE001 - unreadable files are reported by the loader that owns them
        return False
    head = re.search(r"^schema:\s*[\"']?([\w./-]+)", text, re.MULTILINE)
    if head is not None:
        return head.group(1) == LABEL_SCHEMA
    return re.search(r"^articles:\s*\n(?:\s*#.*\n)*\s*-\s+file:", text, re.MULTILINE) is not None


def _read_labels(path: Path) -> list[dict[str, Any]]:
    text = read_text(path, what="labels file")
    data, _ = load_yaml(text, path=str(path), what="labels YAML", error=ArticleError)
    articles = data.get("articles") if isinstance(data, dict) else None
    if not isinstance(articles, list):
        raise ArticleError("labels file needs an 'articles' list", path=str(path))
    return [a for a in articles if isinstance(a, dict) and "file" in a]


def _not_quotes(entry: dict[str, Any], text: str) -> list[tuple[str, Span | None]]:
    """The labelled marks that report no speech, located in order like the quotes."""
    out: list[tuple[str, Span | None]] = []
    cursor = 0
    for raw in entry.get("not_quotes") or []:
        if not isinstance(raw, dict):
            continue
        words = str(raw.get("text", ""))
        span = _locate(text, (words,), cursor)
        if span is not None:
            cursor = span.start + 1
        out.append((words, span))
    return out


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
                piece_spans=_piece_spans(text, pieces, span),
                file=file,
                pieces=pieces,
                span=span,
                attributed_to=raw.get("attributed_to"),
                speaker_name=raw.get("speaker_name"),
                cue=raw.get("cue"),
                flags=frozenset(str(f) for f in raw.get("flags") or []),
                checks=frozenset(
                    k for k in ("speaker_name", "attributed_to", "cue", "flags", "speaker_kind") if k in raw
                ),
                speaker_kind=raw.get("speaker_kind"),
                mention=raw.get("mention"),
                patterns=tuple(str(p) for p in raw.get("patterns") or []),
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


def _piece_spans(text: str, pieces: tuple[str, ...], span: Span | None) -> tuple[Span, ...]:
    """Each piece's own span, in order inside the quote's located span."""
    if span is None or len(pieces) < 2:
        return ()
    out: list[Span] = []
    pos = span.start
    for piece in pieces:
        found = text.find(piece, pos, span.end)
        if found < 0:
            return ()
        out.append(Span(start=found, end=found + len(piece)))
        pos = found + len(piece)
    return tuple(out)


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
    not_quotes: list[tuple[str, Span | None]] | None = None,
) -> None:
    """Pair expected and extracted quotes one to one by best overlap, then compare fields."""
    pairs = _pair(expected, got, text)
    for i, exp in enumerate(expected):
        j = pairs.get(i)
        right = _compare(exp, got[j], text, tally, mismatches) if j is not None else False
        for pattern in exp.patterns or ("plain",):
            tally[f"pattern:{pattern}:support"] += 1
            tally[f"pattern:{pattern}:found"] += j is not None
            tally[f"pattern:{pattern}:right"] += right
        if j is None:
            mismatches.append(Mismatch(file=exp.file, kind="missed", quote=exp.text))
            continue
        tally["true_positives"] += 1
    paired = set(pairs.values())
    file = expected[0].file if expected else ""
    not_quotes = not_quotes or []
    for words, span in not_quotes:
        on = [q for q in got if span is not None and q.span.overlaps(span)]
        tally["not_quotes"] += 1
        if all(q.flags & NOT_SPEECH for q in on):
            tally["not_quotes_right"] += 1
        else:
            mismatches.append(Mismatch(file=file, kind="not_quote", quote=words))
    for j, quote in enumerate(got):
        if j in paired:
            continue
        if any(_is_piece_of(exp, quote) for exp in expected):
            tally["excused"] += 1  # one piece of a labelled split quote, extracted on its own
            continue
        on_not_quote = any(span is not None and quote.span.overlaps(span) for _, span in not_quotes)
        if on_not_quote and quote.flags & NOT_SPEECH:
            tally["excused"] += 1
            continue
        mismatches.append(Mismatch(file=file, kind="spurious", quote=quote.text))


def _is_piece_of(exp: ExpectedQuote, quote: Quote) -> bool:
    """Whether an extracted quote is one piece of a labelled split quote, and only that.

    Copy that breaks a quote with its credit ('"A," he said. "B."') may be read as one
    quote in pieces or as a quote per piece; both readings credit the same words.
    """
    return any(
        span.overlaps(quote.span) and word_overlap(span_text, quote.text) >= MIN_WORD_OVERLAP
        for span, span_text in zip(exp.piece_spans, exp.pieces, strict=False)
    )


def _pair(expected: list[ExpectedQuote], got: list[Quote], text: str) -> dict[int, int]:
    candidates: list[tuple[float, int, int]] = []
    for i, exp in enumerate(expected):
        for j, quote in enumerate(got):
            if exp.span is not None and not exp.span.overlaps(quote.span):
                continue
            overlap = word_overlap(exp.text, quote.text)
            if (
                overlap < MIN_WORD_OVERLAP
                and exp.piece_spans
                and quote.span.start <= (exp.piece_spans[0].end)
            ):
                # the first piece, extracted on its own: the credit is read from it
                overlap = word_overlap(exp.pieces[0], quote.text) * 0.99
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


def same_speaker(a: str | None, b: str | None) -> bool:
    """Speaker names agree: case, whitespace, punctuation and a leading determiner aside.

    "a source", "one source", "another resident" and "resident" name the same kind of
    speaker; the label writes the role, the credit prints it with its determiner.
    """

    def norm(s: str | None) -> str:
        words = re.sub(r"[^\w\s]", " ", (s or "").lower()).split()
        if words and words[0] in ("the", "a", "an", "one", "another", "this", "that"):
            words = words[1:]
        return "".join(words)

    return norm(a) == norm(b)


def mention_right(exp: ExpectedQuote, quote: Quote, text: str) -> bool:
    """The reported mention overlaps a printing of the labelled mention before the quote."""
    if exp.mention is None or quote.speaker_mention is None:
        return False
    before = quote.span.start if exp.span is None else min(exp.span.start, quote.span.start)
    pattern = r"\s+".join(re.escape(t) for t in exp.mention.split())
    for m in re.finditer(pattern, text[:before]):
        if quote.speaker_mention.overlaps(Span(start=m.start(), end=m.end())):
            return True
    return False


def _compare(
    exp: ExpectedQuote, quote: Quote, text: str, tally: Counter[str], mismatches: list[Mismatch]
) -> bool:
    """Compare the labelled fields; True when the credit (speaker, mention) is right."""
    got_flags = {f.value for f in quote.flags}
    if "title" not in exp.flags:  # title is a kind of scare quote: old labels say scare
        got_flags.discard("title")
    fields = {
        "speaker_name": (exp.speaker_name, quote.speaker_name),
        "attributed_to": (exp.attributed_to, quote.attributed_to),
        "cue": (exp.cue, quote.cue),
        "flags": (",".join(sorted(exp.flags)), ",".join(sorted(got_flags))),
        "speaker_kind": (exp.speaker_kind, str(quote.speaker_kind)),
    }
    right = True
    for name, (want, have) in fields.items():
        if name not in exp.checks:
            continue
        tally[f"{name}_checked"] += 1
        same = same_speaker(want, have) if name == "speaker_name" else _same(want, have)
        if same:
            tally[f"{name}_right"] += 1
        else:
            mismatches.append(Mismatch(file=exp.file, kind=name, quote=exp.text, expected=want, got=have))
            right = right and name not in ("speaker_name",)
    if exp.mention is not None:
        tally["mention_checked"] += 1
        if mention_right(exp, quote, text):
            tally["mention_right"] += 1
        else:
            got = quote.speaker_mention.of(text) if quote.speaker_mention else None
            mismatches.append(
                Mismatch(file=exp.file, kind="mention", quote=exp.text, expected=exp.mention, got=got)
            )
            right = False
    return right


def _ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


def _scores(tally: Counter[str], mismatches: list[Mismatch]) -> ExtractionScores:
    return ExtractionScores(
        articles=tally["articles"],
        expected=tally["expected"],
        extracted=tally["extracted"],
        true_positives=tally["true_positives"],
        precision=_ratio(tally["true_positives"], tally["extracted"] - tally["excused"]),
        recall=_ratio(tally["true_positives"], tally["expected"]),
        speaker_accuracy=_ratio(tally["speaker_name_right"], tally["speaker_name_checked"]),
        cue_accuracy=_ratio(tally["cue_right"], tally["cue_checked"]),
        attributed_to_accuracy=_ratio(tally["attributed_to_right"], tally["attributed_to_checked"]),
        flag_accuracy=_ratio(tally["flags_right"], tally["flags_checked"]),
        mismatches=tuple(mismatches),
        speaker_kind_accuracy=_ratio(tally["speaker_kind_right"], tally["speaker_kind_checked"]),
        mention_accuracy=_ratio(tally["mention_right"], tally["mention_checked"]),
        mentions=tally["mention_checked"],
        not_quotes=tally["not_quotes"],
        not_quote_accuracy=_ratio(tally["not_quotes_right"], tally["not_quotes"]),
        excused=tally["excused"],
        patterns=tuple(
            PatternScore(
                pattern=name,
                support=tally[f"pattern:{name}:support"],
                found=tally[f"pattern:{name}:found"],
                right=tally[f"pattern:{name}:right"],
            )
            for name in sorted(
                k.split(":")[1] for k in tally if k.startswith("pattern:") and k.endswith(":support")
            )
        ),
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
        ("speaker kind accuracy", f"{scores.speaker_kind_accuracy:.3f}"),
        (f"mention accuracy ({scores.mentions})", f"{scores.mention_accuracy:.3f}"),
        (f"not_quote handling ({scores.not_quotes})", f"{scores.not_quote_accuracy:.3f}"),
        ("attributed_to accuracy", f"{scores.attributed_to_accuracy:.3f}"),
        ("cue accuracy", f"{scores.cue_accuracy:.3f}"),
        ("flag accuracy", f"{scores.flag_accuracy:.3f}"),
    ]
    width = max(len(name) for name, _ in rows)
    lines = [f"{name:<{width}}  {value:>7}" for name, value in rows]
    if scores.patterns:
        lines += ["", f"{'pattern':<16} {'support':>7} {'found':>6} {'right':>6} {'acc':>6}"]
        lines += [
            f"{p.pattern:<16} {p.support:>7} {p.found:>6} {p.right:>6} {p.accuracy:>6.3f}"
            for p in scores.patterns
        ]
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


def extraction_to_dict(scores: ExtractionScores, *, mismatches: bool = True) -> dict[str, Any]:
    """The scores as JSON-ready data (``quotecheck eval LABELS --format json``)."""
    data: dict[str, Any] = {
        "articles": scores.articles,
        "expected": scores.expected,
        "extracted": scores.extracted,
        "true_positives": scores.true_positives,
        "excused": scores.excused,
        "precision": round(scores.precision, 4),
        "recall": round(scores.recall, 4),
        "speaker_accuracy": round(scores.speaker_accuracy, 4),
        "speaker_kind_accuracy": round(scores.speaker_kind_accuracy, 4),
        "mention_accuracy": round(scores.mention_accuracy, 4),
        "mentions": scores.mentions,
        "not_quotes": scores.not_quotes,
        "not_quote_accuracy": round(scores.not_quote_accuracy, 4),
        "attributed_to_accuracy": round(scores.attributed_to_accuracy, 4),
        "cue_accuracy": round(scores.cue_accuracy, 4),
        "flag_accuracy": round(scores.flag_accuracy, 4),
        "patterns": {
            p.pattern: {
                "support": p.support,
                "found": p.found,
                "right": p.right,
                "accuracy": round(p.accuracy, 4),
            }
            for p in scores.patterns
        },
    }
    if mismatches:
        data["mismatches"] = [
            {"file": m.file, "kind": m.kind, "quote": m.quote, "expected": m.expected, "got": m.got}
            for m in scores.mismatches
        ]
    return data
