"""quotecheck: check quotes in news articles against official transcripts.

The public API, imported lazily so ``import verifier`` stays cheap (no numpy,
rapidfuzz or YAML until a name is first used)::

    from verifier import Settings, Verifier, load_article

    verifier = Verifier.open(Settings.load())   # ./quotecheck.yaml if present, else defaults
    report = verifier.report(load_article("story.md"))
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from verifier import models
    from verifier.articles.loaders import load_article
    from verifier.articles.quotes import extract_quotes
    from verifier.corpus.memory import BUNDLED_CORPUS, Corpus
    from verifier.engine.policy import Policy
    from verifier.errors import QuotecheckError
    from verifier.report.render import article_report, finding_to_dict
    from verifier.session import CorpusOptions, Settings, Verifier, verify_article, verify_quote
    from verifier.transcripts.loader import load_transcript

# public name -> module that defines it (relative to this package)
_EXPORTS = {
    "load_transcript": ".transcripts.loader",
    "Corpus": ".corpus.memory",
    "BUNDLED_CORPUS": ".corpus.memory",
    "load_article": ".articles.loaders",
    "extract_quotes": ".articles.quotes",
    "verify_quote": ".session",
    "verify_article": ".session",
    "finding_to_dict": ".report.render",
    "article_report": ".report.render",
    "Policy": ".engine.policy",
    "Verifier": ".session",
    "Settings": ".session",
    "CorpusOptions": ".session",
    "QuotecheckError": ".errors",
}

__all__ = [
    "BUNDLED_CORPUS",
    "Corpus",
    "CorpusOptions",
    "Policy",
    "QuotecheckError",
    "Settings",
    "Verifier",
    "article_report",
    "extract_quotes",
    "finding_to_dict",
    "load_article",
    "load_transcript",
    "models",
    "verify_article",
    "verify_quote",
]


def __getattr__(name: str) -> Any:
    """Import a public name on first use, then keep it as a module attribute."""
    if name == "models":
        return import_module(".models", __name__)
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
