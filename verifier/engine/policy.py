"""Thresholds as data: every number that decides a verdict, with why it is what it is."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from verifier.errors import ConfigError


@dataclass(frozen=True, slots=True, kw_only=True)
class Policy:
    """The knobs of matching and judging; defaults are measured on the evaluation set."""

    # Below this word-level similarity nothing in the corpus counts as the quote's source.
    not_found_below: float = 0.5
    # Below this share of the quote's words found in order, a match is a paraphrase.
    paraphrase_below: float = 0.6
    # Other places that score at least this share of the best are listed as alternatives.
    alternative_ratio: float = 0.9
    max_alternatives: int = 5
    # An ellipsis may skip at most this many transcript words between two pieces.
    elision_max_gap_words: int = 400
    # A quote without an ellipsis scoring below this, or leaving this many of its words
    # unmatched, is also tried as two stitched passages.
    stitch_try_below: float = 0.85
    stitch_unmatched_words: int = 3
    # Only quotes of at least this many words are tried as stitched; two stitched passages
    # replace the single best place only when they score this much higher, and each passage
    # holds this share of its words (a stitch that is itself loose explains nothing).
    stitch_min_words: int = 8
    stitch_min_gain: float = 0.1
    stitch_piece_share: float = 0.9
    # Each stitched passage takes at least this many of the quote's words: a two-word head
    # or tail finds itself anywhere and explains nothing.
    stitch_min_part_words: int = 3
    # Two passages in order with at most this many words left out between them are one
    # passage with a silent cut (minor_edits); farther apart, or out of order, a splice
    # (altered). VERDICTS.md: "pieces stitched from places far apart without an ellipsis".
    silent_cut_words: int = 12
    # Sentence breaks tried as the stitch point, those nearest the quote's middle first.
    stitch_split_points: int = 3
    # The best this many places of each part are paired up: lower ones never win the pair.
    stitch_places_per_part: int = 3
    # Candidate regions examined per quote piece: more is slower but surer.
    candidates_per_piece: int = 12
    # Of those, only regions with at least this share of the best region's seed votes are
    # aligned: a place that shares few of the quote's rare words cannot be its best source.
    candidate_vote_share: float = 0.5
    # Seeds are taken rarest first until their hits add up to this: rare seeds settle
    # where a quote is; many common ones only cost time (the corpus may hold millions of words).
    seed_hit_budget: int = 20000
    # A word pair this common (hits in the corpus) is too weak to seed candidates.
    common_seed_hits: int = 20000
    # At most this many seeds per piece, rarest first: the rarest settle where a quote is, and
    # each one more costs a lookup.
    max_seeds: int = 16
    # A single rare word votes this much, a rare word pair 1: a pair says more about where a
    # quote is than either of its words alone.
    single_seed_vote: float = 0.5
    # A piece of at most this many words, all of whose pairs are in the corpus, is seeded by
    # every pair: a short phrase of common words ("and I have") is found only whole.
    phrase_seed_words: int = 4
    # Seeds whose diagonals lie at most max(region_min_gap, half the piece + region_gap_pad)
    # words apart vote for one region: a quote's words drift from the transcript's by the
    # words a writer drops or a speaker adds.
    region_min_gap: int = 8
    region_gap_pad: int = 4
    # A region is aligned with at least this many words (or half the piece) of transcript
    # either side of it, so a quote whose seeds sit in its middle still fits whole.
    align_min_slack: int = 6
    # An unmatched edge word of the quote may be found this many words beyond the span's
    # edge: the speaker hesitated or restarted in between ("as we have said — as we have said").
    edge_skip_words: int = 5
    # Up to this many unmatched edge words are taken one for one with the transcript's next
    # words, so a swapped last word reads as a replacement ("days" for "time"), not an addition.
    edge_swap_words: int = 2
    # A match scoring below this must also share this share of the quote's meaningful words.
    content_check_below: float = 0.8
    content_share_needed: float = 0.5
    # ...and at least this many of them. A loose match of a quote with fewer meaningful words
    # than anchor_content_words has nothing to anchor it: past anchorless_quote_words words
    # ("take to do to so you who which the") it is no match at all.
    anchor_matched_words: int = 2
    anchor_content_words: int = 3
    anchorless_quote_words: int = 5
    # A quote matching nothing word for word is a paraphrase of a passage that holds at
    # least this many of its rare words, and this share of its meaningful words.
    paraphrase_min_rare_words: int = 5
    paraphrase_min_share: float = 0.35
    # ...and at least this share of the quote's own rare words: a paraphrase keeps what is
    # distinctive in it, while text from elsewhere meets a passage only in its commoner words.
    paraphrase_min_rare_share: float = 0.4
    # A paraphrase rewords a sentence or two; past this many meaningful words, text that
    # matches nothing word for word only shares vocabulary (a salad of common words).
    paraphrase_max_content_words: int = 80
    # A word used less than this share as often as "the" is rare: distinctive in any corpus
    # (one in twenty), where "the President said" is in every briefing.
    rare_word_share: float = 0.05
    # A paraphrase's shared words are looked for this many words (or half the quote) either
    # side of where its words were found: a rewording moves words about within a sentence or two.
    paraphrase_min_reach: int = 6
    # A quote found in place but with this many words swapped for others is a paraphrase.
    paraphrase_min_rewordings: int = 2
    # Inside a changed chunk, the article adding this many more meaningful words than the
    # transcript has is an invented clause; the transcript having this many more is a
    # dropped clause (no ellipsis). Fewer is wording: a synonym, a phrase tightened.
    invented_clause_words: int = 3
    dropped_clause_words: int = 6
    # Meaningful words dropped or added outright (nothing said in their place), without an
    # ellipsis: this many make an invented or a lost clause. Real copy cuts a short clause
    # silently ("and we're using those lines of communication"): dropping one says less, it
    # does not misstate (labelled minor_edits on real news), so the drop bar is higher.
    # Fewer are wording (VERDICTS.md: "changes, drops or adds a few words without changing
    # the claim"), unless a meaning carrier is among them.
    added_words_altered: int = 3
    dropped_words_altered: int = 6
    # An aside the speaker set off with dashes, of at most this many meaningful words, may be
    # dropped without an ellipsis: it restates, it does not qualify.
    aside_max_words: int = 3
    # Transcript words dropped that are repeated straight after or end where they began are a
    # false start when at most this many ("we — we are"); a longer run dropped is a lost phrase.
    false_start_words: int = 5
    # A speaker who breaks off at a dash abandons at most this many words ("putting — playing"):
    # a longer run before a dash is said, not restarted.
    broken_off_words: int = 3
    # Transcript words after a matched span read as its context, for a false start or a
    # thought broken off at the span's edge.
    after_context_words: int = 4
    # A quote found in place is a paraphrase only when, besides its rewordings, less than
    # this share of the transcript's words (fillers and false starts aside) survive in order.
    paraphrase_survival_below: float = 0.8
    # Below this share, whatever the edits, the quote is in mostly other words: a paraphrase.
    paraphrase_mostly_other_below: float = 0.5
    # Places scoring within this of the best explain a quote "about equally well": among
    # them the credited speaker's wins (VERDICTS.md's search order).
    credited_margin: float = 0.1
    # A quote of at most this many words, or one the corpus holds in more than this many
    # places about as well, is weak evidence: never misattributed on it alone.
    short_quote_words: int = 3
    common_phrase_places: int = 3
    # A credit's last capitalised word is looked up as a surname among a corpus's speakers
    # only when at least this long: a shorter one is a suffix or an initial ("Jr.", "J.").
    min_surname_letters: int = 3
    # A quote longer than this many words is not looked up (not_found, with the reason):
    # real quotes run to a few dozen words, and work per quote must stay bounded.
    max_quote_words: int = 600


DEFAULT_POLICY = Policy()


def policy_from_mapping(data: dict[str, Any], *, path: str | None = None) -> Policy:
    """A Policy from a YAML mapping; an unknown key or a bad value is a ConfigError."""
    known = {f.name: f for f in fields(Policy)}
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known:
            names = ", ".join(sorted(known))
            raise ConfigError(f"unknown threshold {key!r} (known: {names})", path=path)
        default = getattr(Policy(), key)
        if isinstance(default, bool) or not isinstance(value, (int, float)) or isinstance(value, bool):
            raise ConfigError(f"threshold {key!r} must be a number, got {value!r}", path=path)
        if isinstance(default, int) and not isinstance(default, bool):
            if int(value) != value or value < 0:
                raise ConfigError(f"threshold {key!r} must be a whole number >= 0", path=path)
            value = int(value)
        elif not 0.0 <= float(value) <= 1.0:
            raise ConfigError(f"threshold {key!r} must be between 0 and 1", path=path)
        values[key] = value
    return Policy(**values)
