"""Quote extraction: the quoted passages of an article, in pieces, with whom it credits.

Quote marks are paired per paragraph (curly and straight double quotes; single quotes
inside stay part of the outer quote, so apostrophes never end one). Pieces are then
joined into quotes: a quote reopened at each paragraph, or split around its attribution.
Loading lives in ``article_loaders``; attribution words in ``cues``.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass

from verifier.articles.anaphora import SpeakerResolver
from verifier.articles.cues import (
    NAME_RUN,
    Cue,
    alternation,
    cue_after,
    cue_before,
    cue_in,
    cue_words,
    describes,
    fragment_subject,
    is_person_name,
    label_lead,
    sentence_subject,
    split_name,
    subject_cue,
)
from verifier.articles.loaders import load_article, load_article_text
from verifier.articles.marks import (
    CLOSERS,
    MARKS,
    QUOTED,
    TERMINAL,
    Piece,
    paragraphs,
    scan_paragraph,
    sentence_end,
    sentence_start,
)
from verifier.models import Article, Quote, QuoteFlag, Span

__all__ = ["extract_quotes", "load_article", "load_article_text"]


@dataclass(frozen=True, slots=True)
class _Group:
    """Pieces that make one quote, and how they were joined."""

    pieces: tuple[Piece, ...]
    flags: frozenset[QuoteFlag]
    cue: Cue | None  # the attribution between split pieces


def extract_quotes(article: Article) -> list[Quote]:
    """Every quote in article order, attributed and resolved; a claims file's own quotes."""
    if article.claims is not None:
        return list(article.claims)
    text = article.text
    paras = paragraphs(text)
    pieces = [p for i, span in enumerate(paras) for p in scan_paragraph(text, i, span)]
    groups = _group(text, paras, pieces)
    quotes = _attribute([_build(text, paras, g) for g in groups], text, paras)
    resolver = SpeakerResolver(text)
    return [_resolve(q, cue, resolver, text) for q, cue in quotes]


# --- Joining pieces into quotes -----------------------------------------------------------


def _group(text: str, paras: list[tuple[int, int]], pieces: list[Piece]) -> list[_Group]:
    """Join run-on paragraphs and quotes split around their attribution."""
    groups: list[_Group] = []
    for piece in pieces:
        prev = groups[-1] if groups else None
        link = _link(text, paras, prev.pieces[-1], piece) if prev else None
        if prev is None or link is None:
            groups.append(_Group((piece,), piece.flags, None))
            continue
        kind, cue = link
        last = prev.pieces[-1]
        flags = set(prev.flags) | piece.flags | {kind}
        if kind is QuoteFlag.MULTI_PARAGRAPH:
            flags.discard(QuoteFlag.UNOPENED)
            if QuoteFlag.UNCLOSED not in piece.flags:
                flags.discard(QuoteFlag.UNCLOSED)
            last = dataclasses.replace(last, flags=last.flags - {QuoteFlag.UNCLOSED})
            piece = dataclasses.replace(piece, flags=piece.flags - {QuoteFlag.UNOPENED})
        groups[-1] = _Group(prev.pieces[:-1] + (last, piece), frozenset(flags), prev.cue or cue)
    return groups


def _link(text: str, paras: list[tuple[int, int]], a: Piece, b: Piece) -> tuple[QuoteFlag, Cue | None] | None:
    """How piece ``b`` continues the quote ending in piece ``a``, if it does."""
    if a.at_edge and a.close_end is None:
        next_para = b.para == a.para + 1 and _starts_paragraph(text, paras[b.para][0], b)
        same_para_line = b.para == a.para and b.open_mark is not None
        if next_para or same_para_line:
            return QuoteFlag.MULTI_PARAGRAPH, None
    if a.close_end is None or b.open_mark is None or a.para != b.para:
        return None
    gap = text[a.close_end : b.open_mark]
    cue = cue_after(gap)
    if cue is None or not re.fullmatch(r"\s*[,:\u2014]\s*", gap[cue.end :]):
        return None
    if text[a.end - 1 : a.end] in TERMINAL:
        return None
    shifted = dataclasses.replace(cue, start=a.close_end + cue.start, end=a.close_end + cue.end)
    return QuoteFlag.SPLIT, shifted


def _starts_paragraph(text: str, para_start: int, piece: Piece) -> bool:
    if piece.open_mark is not None:
        return piece.open_mark == para_start
    return piece.start == para_start


def _build(text: str, paras: list[tuple[int, int]], group: _Group) -> tuple[Quote, Cue | None]:
    """The Quote for a group (attribution still raw), flagged by how it sits in its sentence."""
    pieces = group.pieces
    spans = tuple(Span(start=p.start, end=p.end) for p in pieces)
    first, last = pieces[0], pieces[-1]
    flags = set(group.flags)
    cue = group.cue or last.cue or _cue_after_close(text, paras, last)
    prefix = _prefix(text, paras, first)
    if cue is None:
        cue = _cue_in_sentence(text, paras, first)
    if _is_partial(text, paras, first, last, prefix, cue):
        flags.add(QuoteFlag.PARTIAL)
    if cue is None and QuoteFlag.PARTIAL in flags:
        cue = _cue_late_in_sentence(text, paras, last)
    quote = Quote(
        text=" ... ".join(s.of(text) for s in spans),
        span=Span(start=spans[0].start, end=spans[-1].end),
        pieces=spans,
        attributed_to=cue.speaker if cue else None,
        cue=cue.cue or None if cue else None,
        context=Span(start=paras[first.para][0], end=paras[last.para][1]),
        flags=frozenset(flags),
    )
    return quote, cue


def _shift(cue: Cue | None, by: int) -> Cue | None:
    return None if cue is None else dataclasses.replace(cue, start=cue.start + by, end=cue.end + by)


def _cue_after_close(text: str, paras: list[tuple[int, int]], piece: Piece) -> Cue | None:
    """'..., Kirby said.' right after the closing mark (not after a full stop)."""
    if piece.close_end is None:
        return None
    if text[piece.end - 1 : piece.end] == ".":
        return None
    hi = _next_mark(text, piece.close_end, paras[piece.para][1])
    return _shift(cue_after(text[piece.close_end : hi]), piece.close_end)


def _next_mark(text: str, pos: int, hi: int) -> int:
    found = [i for i in (text.find(c, pos, hi) for c in MARKS) if i >= 0]
    return min(found, default=hi)


def _prefix(text: str, paras: list[tuple[int, int]], piece: Piece) -> tuple[int, str] | None:
    """The start of the sentence before the opening mark (after any earlier quote)."""
    if piece.open_mark is None:
        return None
    para_start = paras[piece.para][0]
    lo = max([para_start] + [_prev_close(text, para_start, piece.open_mark)])
    start = sentence_start(text, lo, piece.open_mark)
    return start, text[start : piece.open_mark]


def _cue_in_sentence(text: str, paras: list[tuple[int, int]], piece: Piece) -> Cue | None:
    """The last attribution in the sentence before the opening mark, earlier quotes blanked."""
    if piece.open_mark is None:
        return None
    start = sentence_start(text, _reach(text, paras[piece.para][0], piece.open_mark), piece.open_mark)
    before = QUOTED.sub(lambda m: " " * len(m.group()), text[start : piece.open_mark])
    return _shift(cue_before(before), start)


def _prev_close(text: str, lo: int, pos: int) -> int:
    closes = [text.rfind(c, lo, pos) for c in CLOSERS + '"']
    best = max(closes)
    return best + 1 if best >= 0 else lo


def _is_partial(
    text: str,
    paras: list[tuple[int, int]],
    first: Piece,
    last: Piece,
    prefix: tuple[int, str] | None,
    cue: Cue | None,
) -> bool:
    """A fragment inside the article's own sentence, judged at either end."""
    words = text[first.start : first.end].lstrip("\u2018'(\u2014\u2013- ")
    upper = words[:1].isupper() or words[:1].isdigit()
    if prefix is not None and prefix[1].strip(" \t\n*`\u2022\u00b7"):
        lead = prefix[1].rstrip()
        intro_cue = cue is not None and cue.end >= prefix[0] + len(lead) - 1
        if not ((lead[-1] in ":," and (upper or intro_cue)) or (intro_cue and upper)):
            return True
    if last.close_end is None or text[last.end - 1 : last.end] in TERMINAL + ",;:\u2014\u2026-":
        return False
    after = text[last.close_end : paras[last.para][1]]
    return bool(re.match(r"\s*[\w\u2019']", after)) and cue_after(after) is None


def _cue_late_in_sentence(text: str, paras: list[tuple[int, int]], piece: Piece) -> Cue | None:
    """A partial quote's attribution at its sentence end: '... "pivotal," the official said.'"""
    if piece.close_end is None or text[piece.end - 1 : piece.end] in TERMINAL:
        return None
    end = sentence_end(text, piece.close_end, paras[piece.para][1])
    return _shift(cue_in(text[piece.close_end : end]), piece.close_end)


# --- Attribution across quotes ------------------------------------------------------------


def _attribute(
    built: list[tuple[Quote, Cue | None]], text: str, paras: list[tuple[int, int]]
) -> list[tuple[Quote, Cue | None]]:
    """Fill attributions the quote's own sentence lacks: a colon intro, or the same speaker."""
    out: list[tuple[Quote, Cue | None]] = []
    for quote, cue in built:
        weak = False  # credited only as its sentence's subject
        if cue is None and QuoteFlag.PARTIAL not in quote.flags:
            cue = (
                _label_lead(text, paras, quote)
                or _paragraph_lead(text, paras, quote)
                or _dash_credit(text, paras, quote)
                or _colon_intro(text, paras, quote)
                or _colon_subject(text, paras, quote)
                or _name_line(text, paras, quote)
                or _continued(text, paras, quote, out)
                or _narrated_before(text, paras, quote, out)
                or _paragraph_subject(text, paras, quote)
            )
        elif cue is None and not _title_cased(quote.text) and not _named_as_word(text, quote):
            cue = _subject_of_sentence(text, paras, quote) or _headline_subject(text, paras, quote)
            weak = cue is not None
        if cue is not None and quote.attributed_to is None:
            quote = dataclasses.replace(quote, attributed_to=cue.speaker, cue=cue.cue or None)
        words = len(re.findall(r"[\w\u2019'-]+", quote.text))
        if cue is None or weak:
            if _title_cased(quote.text):
                flags = {QuoteFlag.SCARE, QuoteFlag.TITLE}
                quote = dataclasses.replace(quote, flags=quote.flags | flags)
            elif words <= 2 or _named_as_word(text, quote):
                quote = dataclasses.replace(quote, flags=quote.flags | {QuoteFlag.SCARE})
        out.append((quote, cue))
    return out


def _title_cased(quoted: str) -> bool:
    """'her "Growing Jobs Plan"', 'the "Best State for Business" list': a name, not speech.

    Every longer word capitalised and no clause punctuation: a plan, book, programme
    or ranking printed in quotes, kept as a scare quote rather than verified as speech.
    """
    if re.search(r"[.,;:!?\u2026]", quoted):
        return False
    words = re.findall(r"[\w\u2019'-]+", quoted)
    long = [w for w in words if len(w) > 3]
    return len(words) >= 2 and bool(long) and all(w[0].isupper() for w in long)


def _named_as_word(text: str, quote: Quote) -> bool:
    """'known as "the Professor"', 'the word "resilient"': a nickname or a word, not speech."""
    lead = text[max(0, quote.span.start - 40) : max(0, quote.span.start - 1)].lower()
    leads = alternation(list(cue_words().not_speech_leads))
    return re.search(rf"\b(?:{leads})\s*,?\s*$", lead) is not None


def _label_lead(text: str, paras: list[tuple[int, int]], quote: Quote) -> Cue | None:
    """A speaker label opening the quote's line: 'Armbruster: “…”', one label per line."""
    para_start = paras[_para_index(paras, quote.span.start)][0]
    line_start = max(para_start, text.rfind("\n", para_start, quote.span.start) + 1)
    return _shift(label_lead(text[line_start : quote.span.start - 1]), line_start)


def _subject_of_sentence(text: str, paras: list[tuple[int, int]], quote: Quote) -> Cue | None:
    """A fragment with no cue of its own: the words of its sentence's subject."""
    para_start = paras[_para_index(paras, quote.span.start)][0]
    start = sentence_start(text, _reach(text, para_start, quote.span.start), quote.span.start)
    before = QUOTED.sub(lambda m: " " * len(m.group()), text[start : quote.span.start])
    return _shift(fragment_subject(before), start)


_HEADLINE_PARAGRAPHS = 3  # a headline sits in the article's first few lines
_HEADLINE_WORDS = 25


def _headline_subject(text: str, paras: list[tuple[int, int]], quote: Quote) -> Cue | None:
    """'Mayor Ines Carvalho ‘deeply troubled’ by delay', 'Sussan Ley: Roe v Wade overturning
    ‘a backward step’': a headline quotes the person it opens with, verb or not."""
    i = _para_index(paras, quote.span.start)
    s, e = paras[i]
    line = text[s:e]
    if i >= _HEADLINE_PARAGRAPHS or "\n" in line.strip() or len(line.split()) > _HEADLINE_WORDS:
        return None
    if re.search(r"[.!?]\W*$", line):
        return None  # a sentence of the story, not a headline
    cue = subject_cue(text[s : quote.span.start])
    if cue is None or cue.kind != "name" or not is_person_name(cue.speaker):
        return None
    # the story names this person in full ("Wenger" -> "Arsene Wenger"), so it is someone,
    # not a place or a word ("Ukraine: King's Lynn woman", "Aussie pensioner")
    surname = re.escape(cue.speaker.split()[-1])
    if not re.search(rf"\b[A-Z][\w’'-]+\s+{surname}\b", text[e:]):
        return None
    return _shift(cue, s)


def _colon_subject(text: str, paras: list[tuple[int, int]], quote: Quote) -> Cue | None:
    """'… he wanted to make one thing clear: “…”': a colon intro whose subject is the speaker."""
    para_start = paras[_para_index(paras, quote.span.start)][0]
    opening = quote.span.start - 1
    if not re.search(r":\s*$", text[para_start:opening]):
        return None
    start = sentence_start(text, para_start, opening)
    before = QUOTED.sub(lambda m: " " * len(m.group()), text[start:opening])
    return _shift(sentence_subject(before), start)


def _name_line(text: str, paras: list[tuple[int, int]], quote: Quote) -> Cue | None:
    """A statement credited by a name on a line of its own, as press releases print them.

    The article's own layout decides whether the name comes before or after the quotes:
    the side where a bare name stands beside more of its whole-paragraph quotes.
    """
    if not _whole_paragraphs(text, paras, quote):
        return None
    first = _para_index(paras, quote.span.start)
    last = _para_index(paras, quote.span.end)
    before = _bare_name(text, paras, first - 1)
    after = _bare_name(text, paras, last + 1)
    if before is None and after is None:
        return None
    if before is not None and after is not None:
        return after if _names_follow(text, paras) else before
    return before or after


def _bare_name(text: str, paras: list[tuple[int, int]], i: int) -> Cue | None:
    """A paragraph that is only a person's name (and title): 'Superintendent George Arlotto'."""
    if not 0 <= i < len(paras):
        return None
    s, e = paras[i]
    line = text[s:e]
    m = re.fullmatch(rf"(?:[\u2014\u2013-]\s*)?(?P<run>{NAME_RUN})", line)
    if m is None:
        return None
    name, skipped, nouns = split_name(m.group("run"))
    w = cue_words()
    if name is None or len(name.split()) < 2 or not is_person_name(name):
        return None
    if name.split()[-1] in w.title_words or name.split()[-1].lower() in w.roles:
        return None
    start = s + m.start("run") + skipped
    return Cue(name, "name", "", start, start + len(name), nouns)


def _names_follow(text: str, paras: list[tuple[int, int]]) -> bool:
    """Whether this article prints a bare name after its quotes (rather than before)."""
    after = before = 0
    for i, (s, _e) in enumerate(paras):
        if text[s : s + 1] not in MARKS + "`":
            continue
        before += _bare_name(text, paras, i - 1) is not None
        after += _bare_name(text, paras, i + 1) is not None
    return after > before


def _para_index(paras: list[tuple[int, int]], pos: int) -> int:
    """The first paragraph holding ``pos``; paragraphs are in order, so a bisect finds it."""
    i = bisect.bisect_right(paras, (pos, len(paras) and paras[-1][1] + 1)) - 1
    while i > 0 and paras[i - 1][1] >= pos:
        i -= 1
    if 0 <= i < len(paras) and paras[i][0] <= pos <= paras[i][1]:
        return i
    return next(i for i, (s, e) in enumerate(paras) if s <= pos <= e)


_SENTENCE_REACH = 1000  # characters before a quote searched for its cue; no sentence is longer


def _reach(text: str, lo: int, pos: int) -> int:
    """Where a backward search for a quote's cue starts: ``lo``, or a word start in reach of ``pos``.

    A paragraph of thousands of quotes with no full stop would otherwise be searched
    from its start again for each quote.
    """
    if pos - lo <= _SENTENCE_REACH:
        return lo
    space = re.compile(r"\s").search(text, pos - _SENTENCE_REACH, pos)
    return pos if space is None else space.end()


def _paragraph_lead(text: str, paras: list[tuple[int, int]], quote: Quote) -> Cue | None:
    """An attribution in an earlier sentence of the quote's paragraph: 'Kirby said X. "..."'."""
    opening = quote.span.start - 1
    para_start = _reach(text, paras[_para_index(paras, quote.span.start)][0], opening)
    before = QUOTED.sub(lambda m: " " * len(m.group()), text[para_start:opening])
    cue = cue_before(before)
    if cue is None or not cue.cue.lower().startswith(cue_words().lead_cues):
        return None
    return _shift(cue, para_start)


_DASH = r"(?:[\u2014\u2013]|-{1,3})"
_CREDIT_TAIL = r"(?:,[^\n]*|\s+(?:on|to|in|at|about|after|when|of|during|speaking)\b[^\n]*)?\s*$"
_DASH_CREDIT = re.compile(
    rf"[\u201d\"\u2019']?\s*{_DASH}\s*(?P<desc>(?:[\w’'.-]+\s+){{0,5}}?)(?P<run>{NAME_RUN})"
    rf"(?:\s*\([^()\n]{{1,30}}\))?{_CREDIT_TAIL}"
)
# a round-up prints the credit right after the closing mark, with no dash:
# '* "Most of the councilors here work day shifts." Ward 5 Councilor Kerry Winterson, when ...'
_BARE_CREDIT = re.compile(rf"[\u201d\"]?\s+(?P<desc>)(?P<run>{NAME_RUN}){_CREDIT_TAIL}")


def _dash_credit(text: str, paras: list[tuple[int, int]], quote: Quote) -> Cue | None:
    """A dash and a name after the quote: '"..." — Commissioner Ruth Hale, on the fares'.

    The credit closes the quote's paragraph, or opens the next one when the quote
    fills its own paragraph (quotation round-ups print it so).
    """
    i = _para_index(paras, quote.span.end)
    m = _DASH_CREDIT.match(text, quote.span.end, paras[i][1])
    if m is not None and not _describes_or_names(m.group("desc")):
        m = None
    lead = text[paras[_para_index(paras, quote.span.start)][0] : quote.span.start]
    if m is None and re.fullmatch(r"[\s*\u2022\u00b7-]*[\u201c\"]", lead):
        m = _BARE_CREDIT.match(text, quote.span.end, paras[i][1])
    if m is None and i + 1 < len(paras) and _whole_paragraphs(text, paras, quote):
        m = _DASH_CREDIT.match(text, paras[i + 1][0] - 1, paras[i + 1][1])
        if m is not None and not re.match(r"\s*" + _DASH, text[paras[i + 1][0] : paras[i + 1][1]]):
            m = None
    if m is None:
        return None
    name, skipped, nouns = split_name(m.group("run"))
    if name is None:
        return None
    start = m.start("run") + skipped
    return Cue(name, "name", "\u2014", start, m.end(), nouns)


def _describes_or_names(words: str) -> bool:
    """What a round-up prints before a name: 'Phoenix Cardinals free safety', or nothing."""
    return not words.strip() or not re.search(r"[,;:!?]", words) and describes(words)


def _colon_intro(text: str, paras: list[tuple[int, int]], quote: Quote) -> Cue | None:
    """'Kirby put it this way:' ending the paragraph before a quote paragraph."""
    i = _para_index(paras, quote.span.start)
    if i == 0 or not _whole_paragraphs(text, paras, quote):
        return None
    s, e = paras[i - 1]
    if not text[s:e].endswith(":"):
        return None
    return _shift(cue_before(text[s:e]) or subject_cue(text[s:e]), s)


def _continued(
    text: str,
    paras: list[tuple[int, int]],
    quote: Quote,
    earlier: list[tuple[Quote, Cue | None]],
) -> Cue | None:
    """The same speaker goes on: an earlier attributed quote in this or the last paragraph."""
    if not earlier or earlier[-1][1] is None:
        return None
    prev, cue = earlier[-1]
    here = _para_index(paras, quote.span.start)
    there = _para_index(paras, prev.span.end)
    if here == there or (here == there + 1 and _whole_paragraphs(text, paras, quote)):
        return cue
    return None


def _narrated_before(
    text: str,
    paras: list[tuple[int, int]],
    quote: Quote,
    earlier: list[tuple[Quote, Cue | None]],
) -> Cue | None:
    """A quote paragraph after narration of what someone said: 'Neighbor Tefferroa James
    said he woke up to commotion.' then '"He was trying to bang and get inside."'.

    The paragraph before holds no quote of its own and reports a person's words (a cue
    verb with its subject); the quote paragraph goes on with that person's own words.
    """
    i = _para_index(paras, quote.span.start)
    if i == 0 or not _whole_paragraphs(text, paras, quote):
        return None
    s, e = paras[i - 1]
    if any(s <= q.span.start < e for q, _ in earlier[-1:]) or QUOTED.search(text, s, e):
        return None
    at = s
    cue = cue_before(text[s:e])
    if cue is None:  # no cue verb: the person the last sentence is about
        at = sentence_start(text, s, e - 1)
        cue = _person_subject(text[at:e], text)
    if cue is None or cue.kind == "pronoun" and not earlier:
        return None
    return _shift(cue, at)


def _paragraph_subject(text: str, paras: list[tuple[int, int]], quote: Quote) -> Cue | None:
    """'George Osborne, the chancellor, called on rebels to wait. "Let us see what we bring
    home."': a quote after whole sentences about one person, in the same paragraph."""
    para_start = paras[_para_index(paras, quote.span.start)][0]
    opening = quote.span.start - 1
    before = text[para_start:opening]
    if not before.strip() or QUOTED.search(before) or not re.search(r"[.!?]\s*$", before):
        return None
    cue = _person_subject(before, text)
    return _shift(cue, para_start)


def _person_subject(sentence: str, text: str) -> Cue | None:
    """The person a narration sentence is about ('Tefferroa believes ...', 'He went from ...').

    A one-word subject must be part of a full name the article prints, so an imperative
    ("Watch the video above") is never taken for a person.
    """
    cue = sentence_subject(sentence)
    if cue is None or cue.kind == "role":
        return None
    if cue.kind == "name" and not _names_someone(cue.speaker, text):
        return None
    return cue


def _names_someone(name: str, text: str) -> bool:
    """A printed name is a person's: two words or more, or one the article prints in full."""
    if not is_person_name(name):
        return False
    if len(name.split()) > 1:
        return True
    one = re.escape(name)
    if re.search(rf"\b[A-Z][\w’'-]+[ \t]+{one}\b", text):
        return True  # "Tefferroa James" ... "James"
    w = cue_words()
    known_first = name in w.male_names or name in w.female_names
    return known_first and re.search(rf"\b{one}[ \t]+[A-Z][\w’'-]+", text) is not None


def _whole_paragraphs(text: str, paras: list[tuple[int, int]], quote: Quote) -> bool:
    """The quote is all its paragraphs hold, marks and punctuation aside."""
    first = _para_index(paras, quote.span.start)
    last = _para_index(paras, quote.span.end)
    before = text[paras[first][0] : quote.span.start]
    after = text[quote.span.end : paras[last][1]]
    return not re.search(r"\w", before + after)


def _resolve(quote: Quote, cue: Cue | None, resolver: SpeakerResolver, text: str) -> Quote:
    """Who the attribution means ("he" -> "John Kirby"), in article order."""
    if cue is None:
        return quote
    credit = resolver.credit(cue, quote.span.start)
    return dataclasses.replace(
        quote,
        speaker_name=credit.name,
        speaker_kind=credit.kind,
        speaker_mention=credit.mention,
        speaker_mention_text=credit.mention.of(text) if credit.mention else None,
    )
