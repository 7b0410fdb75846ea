"""Pure rules: edits and the speaker at the matched span -> verdicts, severity, reasons.

Nothing here searches or parses; every input is already decided, so the rules
can be read (and tested) as a table.
"""

from __future__ import annotations

from dataclasses import dataclass

from verifier.articles.cues import cue_words
from verifier.engine.credit import CreditRelation, credit_relation, explain_credit
from verifier.engine.policy import Policy
from verifier.models import (
    Attribution,
    Edit,
    EditKind,
    EditOp,
    Fidelity,
    Quote,
    QuoteFlag,
    Role,
    Severity,
    Speaker,
    Transcript,
)
from verifier.transcripts.speakers import Aliases

# Fidelity verdicts from least to most serious: the worst edit decides.
_RANK = [
    Fidelity.VERBATIM,
    Fidelity.PUNCTUATION,
    Fidelity.ELIDED,
    Fidelity.BRACKETED,
    Fidelity.MINOR_EDITS,
    Fidelity.PARAPHRASE,
    Fidelity.ALTERED,
    Fidelity.NOT_FOUND,
]
_MEANING = {EditKind.NEGATION, EditKind.NUMBER, EditKind.NAME, EditKind.QUALIFIER, EditKind.ANTONYM}
_HARD_CARRIERS = {EditKind.NEGATION, EditKind.NUMBER, EditKind.NAME, EditKind.ANTONYM}
_HARMLESS = {EditKind.FILLER, EditKind.GRAMMAR, EditKind.FUNCTION_WORD, EditKind.WORDING}
# The same words written otherwise: one token's spelling ("Zelensky", "behaviour"), dots or
# hyphens ("US", "ceasefire"). VERDICTS.md: punctuation, not a change of words.
_WRITTEN_OTHERWISE = {EditKind.SPELLING: "spelling", EditKind.PUNCTUATION: "punctuation or hyphenation"}
_FIDELITY_SEVERITY = {
    Fidelity.VERBATIM: Severity.OK,
    Fidelity.PUNCTUATION: Severity.OK,
    Fidelity.ELIDED: Severity.OK,
    Fidelity.BRACKETED: Severity.OK,
    Fidelity.MINOR_EDITS: Severity.WARN,
    Fidelity.PARAPHRASE: Severity.WARN,
    Fidelity.ALTERED: Severity.FAIL,
    Fidelity.NOT_FOUND: Severity.FAIL,
}
_ATTRIBUTION_SEVERITY = {
    Attribution.CONFIRMED: Severity.OK,
    Attribution.ANONYMOUS: Severity.OK,
    Attribution.INDIRECT: Severity.WARN,
    Attribution.UNATTRIBUTED: Severity.WARN,
    Attribution.UNKNOWN: Severity.WARN,
    Attribution.MISATTRIBUTED: Severity.FAIL,
}


@dataclass(frozen=True, slots=True, kw_only=True)
class MatchFacts:
    """What the aligner established, in the terms the rules need."""

    score: float
    quote_words: int
    matched_words: int
    stitched: bool = False
    stitch_gap_words: int | None = None  # words between stitched passages; None: out of order
    missing_pieces: int = 0  # ellipsis pieces not found near the rest
    content_words: int = 0  # quote words that carry meaning (not "the", "of", "you know")
    content_matched: int = 0  # of those, how many the transcript span has
    paraphrase_words: tuple[str, ...] = ()  # a reworded quote: the words it kept


def worst(a: Fidelity, b: Fidelity) -> Fidelity:
    return a if _RANK.index(a) >= _RANK.index(b) else b


def judge_fidelity(
    edits: tuple[Edit, ...], facts: MatchFacts | None, policy: Policy
) -> tuple[Fidelity, list[str]]:
    """The fidelity verdict and a plain sentence for each thing that decided it."""
    if facts is not None and facts.paraphrase_words:
        kept = ", ".join(f"\u201c{w}\u201d" for w in dict.fromkeys(facts.paraphrase_words))
        return Fidelity.PARAPHRASE, [
            f"The quote rewords this passage rather than quoting it: only "
            f"{facts.paraphrase_words.__len__()} of its {facts.content_words} meaningful words "
            f"are there ({kept}). Quotation marks promise the speaker's own words."
        ]
    if facts is None or facts.score < policy.not_found_below:
        closest = f" (the closest passage scores {facts.score:.2f})" if facts else ""
        return Fidelity.NOT_FOUND, [f"No transcript passage matches these words{closest}."]
    if too_few_content_words(facts, policy):
        return Fidelity.NOT_FOUND, [
            f"No transcript passage matches these words: the closest shares only "
            f"{facts.content_matched} of the quote's {facts.content_words} meaningful words."
        ]
    verdict = Fidelity.VERBATIM
    reasons: list[str] = []
    if facts.stitched:
        gap = facts.stitch_gap_words
        if gap is not None and gap <= policy.silent_cut_words:
            # a few words left out between two passages, in order: a cut, not a splice
            reasons.append(
                f"The quote leaves out {gap} word{'s' if gap != 1 else ''} between two passages "
                "without marking the cut with an ellipsis."
            )
            verdict = worst(verdict, Fidelity.MINOR_EDITS)
        else:
            where = f"{gap} words apart" if gap is not None else "in the opposite order"
            reasons.append(
                f"The quote joins two passages said {where} without marking the join with an ellipsis."
            )
            verdict = Fidelity.ALTERED
    if facts.missing_pieces:
        reasons.append("Words after an ellipsis were not found near the rest of the quote.")
        verdict = Fidelity.ALTERED
    rewordings = 0
    groups = change_groups(edits)
    moved = moved_carriers(groups)
    for n, group in enumerate(groups):
        fid, reason = judge_change(group, policy) if n not in moved else moved_change(group)
        verdict = worst(verdict, fid)
        rewordings += is_rewording(group)
        if reason:
            reasons.append(reason)
    survived = survival_share(edits)
    if (
        (
            rewordings >= policy.paraphrase_min_rewordings
            and survived < policy.paraphrase_survival_below
            or survived < policy.paraphrase_mostly_other_below
        )
        and not facts.stitched
        and not any(e.kind in _HARD_CARRIERS for e in edits)
    ):  # mostly other words: a paraphrase, whatever it added or dropped, unless a hard
        # carrier (polarity, a figure, a name, an opposite) changed on the way
        verdict = Fidelity.PARAPHRASE
        reasons.insert(
            0,
            f"The quote rewords the passage in {rewordings} places rather than quoting it; "
            "quotation marks promise the speaker's own words.",
        )
    for kind, fid, sentence in (
        (EditKind.ELISION, Fidelity.ELIDED, None),
        (EditKind.BRACKET, Fidelity.BRACKETED, "The article's square brackets mark a declared edit."),
        (EditKind.PUNCTUATION, Fidelity.PUNCTUATION, "Punctuation differs from the transcript."),
        (
            EditKind.CAPITALISATION,
            Fidelity.PUNCTUATION,
            "Capitalisation differs from the transcript.",
        ),
    ):
        if any(e.kind is kind and e.op is EditOp.EQUAL for e in edits) and sentence:
            verdict = worst(verdict, fid)
            reasons.append(sentence)
    for e in edits:
        if e.kind is EditKind.ELISION:
            verdict = worst(verdict, Fidelity.ELIDED)
            n = len(e.transcript_text.split())
            reasons.append(f"The ellipsis leaves out {n} words: \u201c{shorten(e.transcript_text)}\u201d.")
    if verdict is Fidelity.VERBATIM:
        reasons.append("The quote matches the transcript word for word.")
    return verdict, reasons


# Only a quantifier or limiter may move: a negation or a name moved changes what is denied
# or who did what to whom ("Xi told Biden" for "Biden told Xi").
_MOVABLE = (EditKind.QUALIFIER,)


def moved_carriers(groups: list[list[Edit]]) -> set[int]:
    """The changes that only move a meaning carrier within the quote: the article drops a
    word in one place and prints the same carrier in another ("we want to get these — all
    hostages" -> "we want to get all these hostages"). The claim keeps its quantifier,
    polarity or name, so each half is wording, not a carrier changed."""
    from verifier.engine.classify import carrier_classes, expand

    def words(group: list[Edit], op: EditOp) -> list[str]:
        text = " ".join(e.quote_text if op is EditOp.DELETE else e.transcript_text for e in group)
        return [w.strip(".,;:!?\"'\u2014-").lower().replace("\u2019", "'") for w in text.split()]

    def carrier(kind: EditKind, ws: list[str]) -> object:
        return tuple(carrier_classes(expand(ws)))

    ops = [{e.op for e in g} for g in groups]
    added = [n for n, g in enumerate(groups) if ops[n] == {EditOp.DELETE} and g[0].kind in _MOVABLE]
    dropped = [n for n, g in enumerate(groups) if ops[n] == {EditOp.INSERT} and g[0].kind in _MOVABLE]
    moved: set[int] = set()
    for a in added:
        kind = groups[a][0].kind
        mine = carrier(kind, words(groups[a], EditOp.DELETE))
        for d in dropped:
            if (
                d not in moved
                and groups[d][0].kind is kind
                and carrier(kind, words(groups[d], EditOp.INSERT)) == mine
            ):
                moved |= {a, d}
                break
    return moved


def moved_change(group: list[Edit]) -> tuple[Fidelity, str]:
    """A carrier printed elsewhere in the quote than the speaker said it: a minor edit."""
    added = " ".join(e.quote_text for e in group if e.op is EditOp.DELETE)
    dropped = " ".join(e.transcript_text for e in group if e.op is EditOp.INSERT)
    where = f"prints \u201c{shorten(added)}\u201d" if added else f"moves \u201c{shorten(dropped)}\u201d"
    return Fidelity.MINOR_EDITS, f"Minor edit (word order): the article {where} elsewhere in the quote."


def survival_share(edits: tuple[Edit, ...]) -> float:
    """The share of the transcript's words the quote keeps in order (fillers, false starts and
    what an ellipsis marks aside): VERDICTS.md's guide between minor edits and a paraphrase."""
    kept = lost = 0
    for e in edits:
        words = len(e.transcript_text.split())
        if e.op is EditOp.EQUAL:
            kept += words
        elif e.op is EditOp.INSERT and e.kind not in (EditKind.FILLER, EditKind.ELISION):
            lost += words
    return kept / (kept + lost) if kept + lost else 1.0


def too_few_content_words(facts: MatchFacts, policy: Policy) -> bool:
    """A loose match held together by small words ("the", "has", "my") is no match.

    A quote with hardly any meaningful words ("take to do to so you who which the")
    has nothing to anchor a loose match: it must match closely or not at all.
    """
    if facts.score >= policy.content_check_below:
        return False
    if facts.content_words < policy.anchor_content_words:
        return facts.quote_words >= policy.anchorless_quote_words
    needed = max(policy.anchor_matched_words, policy.content_share_needed * facts.content_words)
    return facts.content_matched < needed


def is_rewording(group: list[Edit]) -> bool:
    """A change that swaps the speaker's words for the article's own ("hold" for "participate in").

    A name written another way ("Israel's Benjamin" for "Prime Minister") is the article's
    style for a person, not a rewording of what was said.
    """
    swaps = {e.op for e in group} == {EditOp.DELETE, EditOp.INSERT}
    printed = " ".join(e.quote_text for e in group if e.op is EditOp.DELETE).split()
    naming = bool(printed) and all(w[:1].isupper() for w in printed)
    return swaps and not naming and group[0].kind in (EditKind.CONTENT, EditKind.NAME, EditKind.WORDING)


def change_groups(edits: tuple[Edit, ...]) -> list[list[Edit]]:
    """Adjacent delete/insert edits that form one change (a replacement is two edits)."""
    groups: list[list[Edit]] = []
    current: list[Edit] = []
    for e in edits:
        if e.op is EditOp.EQUAL or e.kind is EditKind.ELISION:
            if current:
                groups.append(current)
                current = []
            continue
        if current and (e.kind is not current[0].kind or e.op is EditOp.DELETE):
            groups.append(current)  # the next word-level change, judged on its own
            current = []
        current.append(e)
    if current:
        groups.append(current)
    return groups


def judge_change(group: list[Edit], policy: Policy) -> tuple[Fidelity, str | None]:
    """One change's verdict and the sentence that explains it."""
    kind = group[0].kind
    added = " ".join(e.quote_text for e in group if e.op is EditOp.DELETE)
    dropped = " ".join(e.transcript_text for e in group if e.op is EditOp.INSERT)
    what = describe(added, dropped)
    if kind is EditKind.TYPOGRAPHY:
        return Fidelity.VERBATIM, None
    if kind is EditKind.BRACKET:
        said = f" in place of \u201c{dropped}\u201d" if dropped else ""
        return (
            Fidelity.BRACKETED,
            f"The article's bracketed \u201c[{added}]\u201d{said} is a declared edit.",
        )
    if kind in _WRITTEN_OTHERWISE:
        return Fidelity.PUNCTUATION, f"The same word written otherwise ({_WRITTEN_OTHERWISE[kind]}): {what}."
    if kind in _MEANING:
        label = {
            EditKind.NEGATION: "a negation",
            EditKind.NUMBER: "a number",
            EditKind.NAME: "a name",
            EditKind.QUALIFIER: "a qualifier (a quantifier, limiter, condition or hedge)",
            EditKind.ANTONYM: "a word into its opposite",
        }[kind]
        return Fidelity.ALTERED, f"The article changes {label}: {what}."
    if kind in _HARMLESS:
        label = {
            EditKind.FILLER: "filler",
            EditKind.GRAMMAR: "tense or contraction",
            EditKind.FUNCTION_WORD: "a small word",
            EditKind.WORDING: "wording; no meaning carrier changed",
        }[kind]
        return Fidelity.MINOR_EDITS, f"Minor edit ({label}): {what}."
    if not added:
        return Fidelity.ALTERED, f"The article drops words that carry meaning, without an ellipsis: {what}."
    if not dropped:
        return Fidelity.ALTERED, f"The article adds a clause of its own: {what}."
    return Fidelity.ALTERED, f"The article changes words that carry meaning: {what}."


def describe(added: str, dropped: str) -> str:
    """'the article has X where the transcript has Y' in the fewest words."""
    if added and dropped:
        return f"\u201c{shorten(added)}\u201d where the transcript has \u201c{shorten(dropped)}\u201d"
    if added:
        return f"it adds \u201c{shorten(added)}\u201d, which the speaker did not say"
    return f"it drops \u201c{shorten(dropped)}\u201d"


def shorten(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def judge_attribution(
    quote: Quote,
    speaker: Speaker | None,
    transcript: Transcript | None,
    relayed: str | None,
    aliases: Aliases | None = None,
) -> tuple[Attribution, list[str]]:
    """Whether the article credits the person who said the words in the transcript."""
    if quote.attributed_to is None:
        return Attribution.UNATTRIBUTED, ["The article does not say who said this."]
    if speaker is None or transcript is None or speaker.role is Role.UNKNOWN:
        return Attribution.UNKNOWN, ["The transcript does not say who was speaking here."]
    who = speaker_phrase(speaker)
    if relayed and speaker.role is not Role.REPORTER:
        return Attribution.INDIRECT, [
            f"{who} was relaying someone else's words (\u201c{relayed}\u201d), not speaking for themselves."
        ]
    credited = quote.speaker_name or quote.attributed_to  # "he added" -> the resolved name
    if credited.strip().lower() in cue_words().pronouns:
        # An unresolved "he" or "she" names nobody: no evidence for a misattribution.
        return Attribution.UNKNOWN, [
            f"The article credits only ‘{credited.strip()}’, which names nobody; "
            f"the transcript speaker is {who}."
        ]
    relation = credit_relation(credited, speaker, transcript, aliases)
    explanation = explain_credit(relation, credited, speaker)
    if relation in (CreditRelation.SAME_PERSON, CreditRelation.ROLE_MATCH, CreditRelation.UNNAMED_REPORTER):
        return Attribution.CONFIRMED, [explanation]
    if relation is CreditRelation.ANONYMOUS_MATCH:
        return Attribution.ANONYMOUS, [explanation]
    if relation is CreditRelation.NO_SPEAKER:
        return Attribution.UNKNOWN, [explanation]
    if relation is CreditRelation.NO_CREDIT:
        return Attribution.UNATTRIBUTED, [explanation]
    return Attribution.MISATTRIBUTED, [explanation]


def speaker_phrase(speaker: Speaker) -> str:
    if speaker.name:
        return f"{speaker.name} ({speaker.label})"
    return speaker.label


def severity_of(fidelity: Fidelity, attribution: Attribution) -> Severity:
    """The worse of the two verdicts' severities (DESIGN.md's table)."""
    return max(_FIDELITY_SEVERITY[fidelity], _ATTRIBUTION_SEVERITY[attribution], key=lambda s: s.rank)


def attribution_decides(fidelity: Fidelity, attribution: Attribution) -> bool:
    """Whether the attribution, not the wording, sets the severity (a faithful quote misattributed)."""
    return _ATTRIBUTION_SEVERITY[attribution].rank > _FIDELITY_SEVERITY[fidelity].rank


def judge_severity(fidelity: Fidelity, attribution: Attribution, quote: Quote) -> Severity:
    """The worse of the two verdicts; a scare quote or a title never fails an article."""
    if QuoteFlag.SCARE in quote.flags:
        return Severity.OK
    return severity_of(fidelity, attribution)
