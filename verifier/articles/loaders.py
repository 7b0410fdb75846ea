"""Loading articles (text, Markdown, HTML, claims YAML) into an Article whose text quotes index.

Each loader decides what ``Article.text`` is, because every quote offset points into it:
the body after Markdown front matter, the main text trafilatura extracts from HTML, or
the claims' quotes joined by blank lines.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from verifier.errors import ArticleError
from verifier.models import Article, Quote, Span
from verifier.text.decode import read_text
from verifier.yamlnodes import item_line, load_yaml, mapping_value, seq_items

_KINDS = {
    "text": "text",
    "txt": "text",
    "markdown": "markdown",
    "md": "markdown",
    "html": "html",
    "htm": "html",
    "claims": "claims",
    "yaml": "claims",
    "yml": "claims",
}
_CLAIM_KEYS = frozenset({"quote", "speaker", "transcript", "note"})
_META_KEYS = ("title", "url", "outlet", "date")


def kind_for_path(path: str | Path) -> str:
    """The loader a file's suffix asks for; unknown suffixes are read as plain text."""
    return _KINDS.get(Path(path).suffix.lower().lstrip("."), "text")


def load_article(path: str | Path) -> Article:
    """Read an article file, choosing the loader by suffix (.txt .md .html .htm .yaml .yml)."""
    text = read_text(path, what="article")
    kind = kind_for_path(path)
    if kind == "text" and _looks_like_html(text):
        kind = "html"
    return load_article_text(text, path=str(path), kind=kind)


def load_article_text(text: str, *, path: str | None = None, kind: str = "text") -> Article:
    """Build an Article from text already read (stdin, tests); ``kind`` names the format."""
    fmt = _KINDS.get(kind.lower())
    if fmt == "text" and _looks_like_html(text):  # stdin has no suffix: HTML is known by content
        fmt = "html"
    if fmt is None:
        raise ArticleError(f"unknown article kind {kind!r}", path=path)
    if not text.strip():
        raise ArticleError("article is empty", path=path)
    if fmt == "markdown":
        return _load_markdown(text, path)
    if fmt == "html":
        return _load_html(text, path)
    if fmt == "claims":
        return _load_claims(text, path)
    return Article(text=text, path=path, format="text")


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html"))


# --- Markdown ---------------------------------------------------------------------------


def _load_markdown(text: str, path: str | None) -> Article:
    """Split off YAML front matter; the body after it is what quotes index."""
    meta: Mapping[str, Any] = {}
    body = text
    lines = text.split("\n")
    if lines and lines[0].rstrip() == "---":
        close = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
        if close is None:
            raise ArticleError("front matter is never closed with '---'", path=path, line=1)
        meta = _front_matter("\n".join(lines[1:close]), path)
        body = "\n".join(lines[close + 1 :]).lstrip("\n")
    title = _meta_str(meta, "title") or _first_heading(body)
    return Article(
        text=body,
        path=path,
        title=title,
        url=_meta_str(meta, "url"),
        outlet=_meta_str(meta, "outlet"),
        date=_meta_str(meta, "date"),
        format="markdown",
    )


def _front_matter(block: str, path: str | None) -> Mapping[str, Any]:
    """Parse front matter; errors name the file's line (the block starts on line 2)."""
    data, _ = load_yaml(block, path=path, what="YAML front matter", error=ArticleError, line_offset=1)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ArticleError("front matter must be a mapping of keys", path=path, line=2)
    return data


def _meta_str(meta: Mapping[str, Any], key: str) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value).strip() or None


def _first_heading(body: str) -> str | None:
    first = body.lstrip().split("\n", 1)[0]
    return first.lstrip("#").strip() or None if first.startswith("# ") else None


# --- HTML -------------------------------------------------------------------------------


def _load_html(html: str, path: str | None) -> Article:
    """Main text via trafilatura (drops nav, ads, banners, footers); one paragraph per block."""
    import trafilatura  # heavy: imported only when an HTML page is loaded

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    raw = getattr(doc, "text", None) if doc is not None else None
    if not raw or not raw.strip():
        # trafilatura gives up on pages it cannot parse as a tree (lxml stops at 256
        # levels of nesting); the page's own text is still the article, so read it plainly
        raw = _plain_html_text(html)
    if not raw or not raw.strip():
        raise ArticleError("no article text found in the HTML page", path=path)
    paragraphs = [line.strip() for line in raw.split("\n") if line.strip()]
    return Article(
        text="\n\n".join(paragraphs),
        path=path,
        title=_clean(getattr(doc, "title", None)),
        url=_clean(getattr(doc, "url", None)),
        outlet=_clean(getattr(doc, "sitename", None)),
        date=_clean(getattr(doc, "date", None)),
        format="html",
    )


_SKIPPED_TAGS = frozenset("script style noscript template nav header footer aside head".split())
_BLOCK_TAGS = frozenset("p div br li h1 h2 h3 h4 h5 h6 blockquote section article tr pre".split())


def _plain_html_text(html: str) -> str:
    """The visible text of a page, one line per block, with no tree depth limit.

    A flat pass of the standard library's tokenizer: scripts, styles and page furniture
    are skipped, block tags end a line; no nesting is kept, so no depth can break it.
    """
    from html.parser import HTMLParser

    lines: list[str] = []
    current: list[str] = []
    skipping: list[str] = []

    class _Text(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in _SKIPPED_TAGS:
                skipping.append(tag)
            elif tag in _BLOCK_TAGS:
                _end_line()

        def handle_endtag(self, tag: str) -> None:
            if tag in _SKIPPED_TAGS and tag in skipping:
                while skipping and skipping.pop() != tag:
                    pass
            elif tag in _BLOCK_TAGS:
                _end_line()

        def handle_data(self, data: str) -> None:
            if not skipping:
                current.append(data)

    def _end_line() -> None:
        line = " ".join("".join(current).split())
        if line:
            lines.append(line)
        current.clear()

    parser = _Text(convert_charrefs=True)
    parser.feed(html)
    parser.close()
    _end_line()
    return "\n".join(lines)


def _clean(value: object) -> str | None:
    return str(value).strip() or None if value else None


# --- Claims YAML ------------------------------------------------------------------------


def _load_claims(text: str, path: str | None) -> Article:
    """A list of ``{quote, speaker, transcript}``; the quotes are given, not extracted."""
    data, root = _parse_claims_yaml(text, path)
    meta: Mapping[str, Any] = {}
    items: Any = data
    item_nodes: list[yaml.Node] = seq_items(root)
    if isinstance(data, dict):
        meta = data
        items = data.get("claims")
        item_nodes = seq_items(mapping_value(root, "claims"))
    if not isinstance(items, list) or not items:
        raise ArticleError("claims file must hold a non-empty list of claims", path=path, line=1)
    base = Path(path).parent if path else None
    claims: list[Quote] = []
    pos = 0
    for i, item in enumerate(items):
        line = item_line(item_nodes, i)
        quote_text, speaker, hint = _claim_fields(item, path, line)
        claims.append(
            Quote(
                text=quote_text,
                span=Span(start=pos, end=pos + len(quote_text)),
                pieces=(Span(start=pos, end=pos + len(quote_text)),),
                attributed_to=speaker,
                speaker_name=speaker,
                context=Span(start=pos, end=pos + len(quote_text)),
                transcript_hint=_resolve_hint(hint, base),
            )
        )
        pos += len(quote_text) + 2
    return Article(
        text="\n\n".join(q.text for q in claims),
        path=path,
        title=_meta_str(meta, "title"),
        url=_meta_str(meta, "url"),
        outlet=_meta_str(meta, "outlet"),
        date=_meta_str(meta, "date"),
        format="claims",
        claims=tuple(claims),
    )


def _parse_claims_yaml(text: str, path: str | None) -> tuple[Any, yaml.Node | None]:
    """Data via safe_load, plus the node tree (compose builds no objects) for line numbers."""
    return load_yaml(text, path=path, what="claims YAML", error=ArticleError)


def _claim_fields(item: Any, path: str | None, line: int | None) -> tuple[str, str | None, Any]:
    """Validate one claim: a mapping with a non-empty ``quote`` and only known keys."""
    if not isinstance(item, dict):
        raise ArticleError("each claim must be a mapping with a 'quote' key", path=path, line=line)
    unknown = sorted(str(k) for k in item if k not in _CLAIM_KEYS)
    if unknown:
        raise ArticleError(f"unknown claim key(s): {', '.join(unknown)}", path=path, line=line)
    quote = item.get("quote")
    if not isinstance(quote, str) or not quote.strip():
        raise ArticleError("claim has no 'quote' text", path=path, line=line)
    speaker = item.get("speaker")
    if speaker is not None and not isinstance(speaker, str):
        raise ArticleError("claim 'speaker' must be text", path=path, line=line)
    return quote.strip(), (speaker.strip() or None) if speaker else None, item.get("transcript")


def _resolve_hint(hint: Any, base: Path | None) -> str | None:
    """A transcript path relative to the claims file when it exists there; else an id as given."""
    if hint is None:
        return None
    text = str(hint).strip()
    if base is not None and text and (base / text).is_file():
        return str(base / text)
    return text or None
