"""Is a quote that matches no passage word for word a paraphrase of one nearby?

A back-translated or reworded quote shares few words in order with its source,
but it keeps the distinctive ones ("chemicals", "synthetic", "fentanyl"). A
quote counts as a paraphrase of a passage when enough of its rare meaningful
words (compared as forms of one word, so "pursue" meets "pursuing") sit in
that passage, and every figure it gives (digits, "million") is there too; otherwise it stays
not_found. Common words never count: any briefing has "the President said".
"""

from __future__ import annotations

from dataclasses import dataclass

from verifier.corpus.search_space import SearchSpace
from verifier.engine.classify import canonical_number, numbers_of
from verifier.engine.policy import Policy
from verifier.text.stems import same_word
from verifier.text.tokens import Token
from verifier.text.wordlists import word_lists


@dataclass(frozen=True, slots=True)
class ParaphraseEvidence:
    """The passage a reworded quote keeps the distinctive words of."""

    doc: int
    start: int  # local word index of the first shared word
    end: int  # one past the last shared word
    shared: tuple[str, ...]  # the quote's meaningful words found there
    rare: int  # how many of those are rare in the corpus
    content: int  # meaningful words in the quote
    rare_content: int  # how many of the quote's meaningful words are rare in the corpus


def evidence_near(
    words: list[Token], space: SearchSpace, doc: int, start: int, end: int, policy: Policy
) -> ParaphraseEvidence | None:
    """Shared meaningful words of the quote in the passage around [start, end)."""
    small = word_lists().function_words | word_lists().qualifiers
    content = [t.norm for t in words if t.norm not in small]
    if not content:
        return None
    toks = space.tokens(doc)
    reach = max(policy.paraphrase_min_reach, len(words) // 2)
    lo, hi = max(0, start - reach), min(len(toks.norms), end + reach)
    wanted = set(content)
    at = [k for k in range(lo, hi) if any(same_word(toks.norms[k], w) for w in wanted)]
    if not at:
        return None
    window = {toks.norms[k] for k in at}
    shared = tuple(w for w in content if any(same_word(w, v) for v in window))
    common = space.count(("the",)) or 1
    rare_words = {w for w in content if space.count((w,)) < policy.rare_word_share * common}
    rare = len(rare_words & set(shared))
    quote_numbers = {n for n in numbers_of(content) if n[:1].isdigit() or n in _SCALES}
    passage_numbers = {canonical_number(w) for w in toks.norms[lo:hi]}
    if not quote_numbers <= passage_numbers:
        return None  # a figure the speaker never gave is not a paraphrase of them
    return ParaphraseEvidence(
        doc=doc,
        start=at[0],
        end=at[-1] + 1,
        shared=shared,
        rare=rare,
        content=len(content),
        rare_content=len(rare_words),
    )


# With digits, the figures a paraphrase must keep.
_SCALES = frozenset(
    "hundred hundreds thousand thousands million millions billion billions trillion percent".split()
)


def is_paraphrase(evidence: ParaphraseEvidence, policy: Policy) -> bool:
    """Enough distinctive words of the quote, close together in one passage."""
    return (
        evidence.content <= policy.paraphrase_max_content_words
        and evidence.rare >= policy.paraphrase_min_rare_words
        and len(evidence.shared) >= policy.paraphrase_min_share * evidence.content
        and evidence.rare >= policy.paraphrase_min_rare_share * evidence.rare_content
    )
