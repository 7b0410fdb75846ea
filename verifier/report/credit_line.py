"""The credit line a reader checks: who the article credits, what kind, and from where.

Shared by the text reports and the review desk's attribution pane, so both word a
resolved pronoun the same way ("he (said) -> John Kirby (named person), resolved from
'Kirby' at 1203-1208").
"""

from __future__ import annotations

from verifier.models import Quote, QuoteFlag, SpeakerKind

KIND_WORDS = {
    SpeakerKind.PERSON: "named person",
    SpeakerKind.ROLE: "described person",
    SpeakerKind.ANONYMOUS: "anonymous",
    SpeakerKind.INSTITUTION: "institution",
    SpeakerKind.REPORTER: "reporter",
    SpeakerKind.NOBODY: "nobody",
}


def credit_words(quote: Quote) -> str:
    """The credit as printed, whom it resolves to and what kind of speaker that is."""
    if quote.attributed_to is None:
        return "nobody"
    cue = f" ({quote.cue})" if quote.cue else ""
    who = quote.speaker_name
    kind = KIND_WORDS[quote.speaker_kind]
    if who is None:  # a typed credit, or a pronoun with nobody to point back to
        return f"{quote.attributed_to}{cue}"
    resolved = "" if who == quote.attributed_to else f" \u2192 {who}"
    return f"{quote.attributed_to}{cue}{resolved} ({kind})"


def mention_words(quote: Quote) -> str | None:
    """Where a pronoun or 'the official' was resolved from: 'Kirby' at 1203\u20131208."""
    m = quote.speaker_mention
    if m is None:
        return None
    printed = " ".join((quote.speaker_mention_text or "").split())
    return f"resolved from \u2018{printed}\u2019 at {m.start}\u2013{m.end}"


def not_speech_words(quote: Quote) -> str | None:
    """Why a quote is kept but not verified as speech: a title, or a scare quote."""
    if QuoteFlag.TITLE in quote.flags:
        return "a title (plan, book, programme or list), kept but not verified as speech"
    if QuoteFlag.SCARE in quote.flags:
        return "a scare quote, nickname or word used as a word, kept but not verified as speech"
    return None
