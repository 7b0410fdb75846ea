"""One verification session: the corpus, the policy and the aliases, opened once.

Every front end (``quotecheck check``/``article``/``batch``/``eval`` and the review
UI) builds a :class:`Settings` and opens a :class:`Verifier` from it, so the same
file gets the same verdicts whichever way it is checked. Nothing here reads the
command line: ``Settings`` is plain data, and ``cli`` builds it from arguments.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from verifier.config import Config, load_config
from verifier.corpus.search_space import SearchSpace
from verifier.engine.policy import Policy
from verifier.errors import InputError
from verifier.models import Article, Finding, Quote
from verifier.transcripts.speakers import Aliases, load_aliases, merge_aliases

if TYPE_CHECKING:
    from verifier.corpus.filters import DocFilter

Note = Callable[[str], None]


@dataclass(frozen=True, slots=True, kw_only=True)
class CorpusOptions:
    """Which transcripts to search: given files, a folder (indexed or not), and filters."""

    folder: str | None = None  # None: the bundled corpus
    transcripts: tuple[str, ...] = ()  # given files replace the folder
    transcript_format: str | None = None
    strict: bool = False
    index: str | None = None
    use_index: bool = True
    date_from: str | None = None
    date_to: str | None = None
    said_by: str | None = None
    transcript_ids: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """How a screen names this corpus."""
        from verifier.corpus.memory import BUNDLED_CORPUS

        return ", ".join(self.transcripts) if self.transcripts else str(self.folder or BUNDLED_CORPUS)


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Everything a session is opened with; built once from the command line and quotecheck.yaml."""

    corpus: CorpusOptions = field(default_factory=CorpusOptions)
    policy: Policy = field(default_factory=Policy)
    aliases: Aliases | None = None  # the config's, laid over the corpus's own
    fail_on: str = "fail"
    config_path: str | None = None

    @classmethod
    def from_config(
        cls, config: Config, corpus: CorpusOptions | None = None, *, fail_on: str | None = None
    ) -> Settings:
        """A config file's settings under the explicit options: the command line wins."""
        options = corpus or CorpusOptions()
        if config.corpus and options.folder is None and not options.transcripts:
            options = _replace(options, folder=config.corpus)
        return cls(
            corpus=options,
            policy=config.policy,
            aliases=config.aliases,
            fail_on=fail_on or config.fail_on or "fail",
            config_path=config.path,
        )

    @classmethod
    def load(
        cls,
        config: str | Path | None = None,
        corpus: CorpusOptions | None = None,
        *,
        fail_on: str | None = None,
    ) -> Settings:
        """Read ``config`` (or ./quotecheck.yaml when present) and apply it under the options."""
        return cls.from_config(load_config(config), corpus, fail_on=fail_on)


def _replace(options: CorpusOptions, **changes: Any) -> CorpusOptions:
    from dataclasses import replace

    return replace(options, **changes)


def open_space(options: CorpusOptions, *, note: Note | None = None) -> SearchSpace:
    """The search space the options name: given transcript files, a folder, or the bundled one."""
    from verifier.corpus.filters import filtered
    from verifier.corpus.index import open_corpus_dir
    from verifier.corpus.memory import BUNDLED_CORPUS, Corpus

    if options.transcripts:
        from verifier.transcripts.loader import load_transcript

        space: SearchSpace = Corpus(
            [
                load_transcript(p, format=options.transcript_format, require_speakers=True)
                for p in options.transcripts
            ],
            path=None,
        )
    else:
        path = Path(options.folder) if options.folder else BUNDLED_CORPUS
        if not path.exists():
            raise InputError("corpus not found", path=str(path))
        space = open_corpus_dir(
            path,
            index_path=options.index,
            use_index=path.is_dir() and options.use_index and not os.environ.get("QUOTECHECK_NO_INDEX"),
            # the bundled corpus, or an index file the user named: build it when missing
            build_missing=path.resolve() == BUNDLED_CORPUS.resolve() or options.index is not None,
            strict=options.strict,
            note=note,
        )
    return filtered(space, doc_filter(options))


def doc_filter(options: CorpusOptions) -> DocFilter:
    """The transcript filter the options set (empty: every transcript)."""
    from verifier.corpus.filters import DocFilter

    return DocFilter(
        date_from=options.date_from,
        date_to=options.date_to,
        speaker=options.said_by,
        transcript_ids=options.transcript_ids,
    )


def own_aliases(space: SearchSpace) -> Aliases:
    """The corpus folder's speakers.yaml (else the shipped aliases): from its index when the
    index holds the file as it is now, which spares a check starting PyYAML."""
    from verifier.corpus.filters import FilteredSpace
    from verifier.corpus.index.read import IndexedCorpus

    inner = space
    while isinstance(inner, FilteredSpace):
        inner = inner.space
    if isinstance(inner, IndexedCorpus):
        stored = inner.own_aliases()
        if stored is not None:
            return stored
    return load_aliases(space.path if space.path and Path(space.path).is_dir() else None)


class Verifier:
    """A corpus, a policy and speaker aliases, ready to verify any number of quotes.

    Built once per run (per worker in a batch): the aliases are merged and the corpus
    opened here, never per quote.
    """

    def __init__(
        self,
        space: SearchSpace,
        *,
        policy: Policy | None = None,
        aliases: Aliases | None = None,
        settings: Settings | None = None,
    ) -> None:
        from verifier.engine.context import Context

        self.space = space
        self.settings = settings or Settings(policy=policy or Policy(), aliases=aliases)
        self.policy = policy or self.settings.policy
        own = own_aliases(space)
        self.context = Context(
            corpus=space, policy=self.policy, aliases=merge_aliases(own, aliases or self.settings.aliases)
        )

    @classmethod
    def open(cls, settings: Settings | None = None, *, note: Note | None = None) -> Verifier:
        """Open the corpus the settings name (may take seconds: it may build an index)."""
        settings = settings or Settings()
        return cls(open_space(settings.corpus, note=note), settings=settings)

    @property
    def warnings(self) -> tuple[str, ...]:
        """Corpus files that could not be used, and a filter that leaves nothing."""
        return tuple(self.space.warnings)

    def verify_quote(self, quote: Quote, *, near_date: str | None = None) -> Finding:
        """The quote's best source in the corpus, and the verdicts on it."""
        from verifier.engine.stages import verify_in

        return verify_in(self.context, quote, near_date=near_date)

    def iter_article(self, article: Article) -> Iterator[Finding]:
        """Findings one at a time, in article order, so a UI can show each when ready."""
        from verifier.articles.quotes import extract_quotes

        for n, quote in enumerate(extract_quotes(article), 1):
            try:
                yield self.verify_quote(quote, near_date=article.date)
            except InputError as exc:
                if not quote.transcript_hint:
                    raise
                # a claims file's own mistake: say which file and which claim
                raise InputError(
                    f"claim {n} names transcript {quote.transcript_hint!r}, which is not in the corpus",
                    path=article.path,
                ) from exc

    def verify_article(self, article: Article) -> list[Finding]:
        """Every quote of an article, verified in article order."""
        return list(self.iter_article(article))

    def report(self, article: Article, findings: list[Finding] | None = None) -> dict[str, Any]:
        """The article's report (the report contract), verifying it first if needed."""
        from verifier.report.render import article_report

        if findings is None:
            findings = self.verify_article(article)
        return article_report(article, findings, corpus_path=self.space.path, transcripts=len(self.space))


# --- one-off calls: a session for a single quote or article ----------------------------------


def verify_quote(
    quote: Quote,
    corpus: SearchSpace,
    *,
    policy: Policy | None = None,
    near_date: str | None = None,
    aliases: Aliases | None = None,
) -> Finding:
    """Find the quote's best source in the corpus and judge it (a one-quote ``Verifier``).

    ``near_date`` (the article's date) ranks, among equally good matches, the
    transcript nearest before it first.
    """
    return Verifier(corpus, policy=policy, aliases=aliases).verify_quote(quote, near_date=near_date)


def verify_article(
    article: Article,
    corpus: SearchSpace,
    *,
    policy: Policy | None = None,
    aliases: Aliases | None = None,
) -> list[Finding]:
    """Every quote of an article, verified in article order (a one-article ``Verifier``)."""
    return list(iter_article(article, corpus, policy=policy, aliases=aliases))


def iter_article(
    article: Article,
    corpus: SearchSpace,
    *,
    policy: Policy | None = None,
    aliases: Aliases | None = None,
) -> Iterator[Finding]:
    """Findings one at a time, so a UI can show each as soon as it is ready."""
    return Verifier(corpus, policy=policy, aliases=aliases).iter_article(article)
