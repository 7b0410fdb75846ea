"""What kind of change one edit is: harmless (filler, tense) or meaning-changing (negation)."""

from __future__ import annotations

import re

from verifier.models import EditKind
from verifier.text.tokens import Token
from verifier.text.wordlists import word_lists

_LETTERS_RE = re.compile(r"[^\w]|_")
_DIGIT_RE = re.compile(r"\d")


def expand(words: list[str]) -> list[str]:
    """Words with contractions spelled out (we're -> we are), for comparing them."""
    if not any("'" in w for w in words):
        return list(words)
    out: list[str] = []
    for w in words:
        for short, long in word_lists().contractions:
            if w.endswith(short) and len(w) > len(short):
                stem = w[: -len(short)]
                if short == "n't":
                    stem = {"wo": "will", "ca": "can", "sha": "shall"}.get(stem, stem)
                w = stem + long
                break
        out.extend(w.split())
    return out


def classify_change(
    deleted: list[Token], inserted: list[Token], after: list[Token], before: list[Token] = ()  # type: ignore[assignment]
) -> EditKind:
    """Classify replacing ``deleted`` (quote words) by ``inserted`` (transcript words).

    ``before`` and ``after`` are the transcript words around the inserted ones: a
    dropped repeat of them is a false start ("we — we are", "any changes that — any
    governance changes"), not a lost word.
    """
    lists = word_lists()
    dq = [t.norm for t in deleted]
    it = [t.norm for t in inserted]
    if any(t.editorial or t.bracketed for t in deleted) or (
        inserted and all(t.bracketed for t in inserted)
    ):
        return EditKind.BRACKET
    if _LETTERS_RE.sub("", "".join(dq)) == _LETTERS_RE.sub("", "".join(it)):
        return EditKind.TYPOGRAPHY
    if negation_count(dq) != negation_count(it):
        return EditKind.NEGATION
    if expand(dq) == expand(it):
        return EditKind.GRAMMAR
    if numbers_of(dq) != numbers_of(it):
        return EditKind.NUMBER
    if [canonical_number(w) for w in dq] == [canonical_number(w) for w in it]:
        return EditKind.TYPOGRAPHY  # "Sixteen" printed as "16"
    if not dq and is_false_start(it, [t.norm for t in before], [t.norm for t in after]):
        return EditKind.FILLER
    if not dq and is_broken_off(inserted, after):
        return EditKind.FILLER
    steady = without_stutter(it)
    if dq and steady != it:  # "need" for "needs — needs": judge the words once said
        kind = classify_change(deleted, [t for t in inserted if t.norm in steady][: len(steady)],
                               after, before)
        if kind in (EditKind.GRAMMAR, EditKind.TYPOGRAPHY, EditKind.SPELLING):
            return EditKind.GRAMMAR
    if not dq and is_filler(it) or not it and is_filler(dq):
        return EditKind.FILLER
    if same_words_inflected(dq, it):
        return EditKind.GRAMMAR
    if len(dq) == len(it) == 1 and is_misspelling(dq[0], it[0]):
        return EditKind.SPELLING
    if names_of(deleted) != names_of(inserted):
        return EditKind.NAME
    if all(w in lists.function_words for w in dq + it):
        return EditKind.FUNCTION_WORD
    return EditKind.CONTENT


def negation_count(words: list[str]) -> int:
    negs = word_lists().negations
    return sum(1 for w in words if w in negs or w.endswith("n't"))


def numbers_of(words: list[str]) -> list[str]:
    """The numbers among ``words``, spelled one way ("Sixteen" and "16" are the same)."""
    nums = word_lists().number_words
    return [
        canonical_number(w)
        for w in words
        if _DIGIT_RE.search(w) or w in nums or canonical_number(w) != w
    ]


_UNITS = {
    w: str(n)
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {w: n * 10 for n, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split())}


def canonical_number(word: str) -> str:
    """Digits without thousands separators; small number words as digits."""
    if _DIGIT_RE.search(word):
        return word.replace(",", "")
    if word in _UNITS:
        return _UNITS[word]
    head, _, tail = word.partition("-")
    if head in _TENS and head != "_":
        return str(_TENS[head] + (int(_UNITS.get(tail, "0")) if tail else 0))
    return word


def names_of(tokens: list[Token]) -> list[str]:
    """Capitalised words not at a sentence start: likely names."""
    return [
        t.norm
        for t in tokens
        if t.surface[:1].isupper()
        and t.norm not in word_lists().function_words
        and not t.gap_before.endswith((".", "?", "!", '"'))
    ]


_DASHES = ("\u2014", "-")


def is_broken_off(inserted: list[Token], after: list[Token]) -> bool:
    """Words the speaker cut off with a dash, or filler: "putting — playing", "it's — you know,".

    The run is split where a dash follows a word; each part must be a filler
    phrase or at most three words that end at a dash (a thought abandoned).
    """
    following = [*inserted[1:], *after[:1]]
    parts: list[list[str]] = [[]]
    ends_at_dash: list[bool] = []
    for tok, nxt in zip(inserted, following + [None] * (len(inserted) - len(following)), strict=True):
        parts[-1].append(tok.norm)
        if nxt is not None and nxt.gap_before.endswith(_DASHES):
            ends_at_dash.append(True)
            parts.append([])
    if not parts[-1]:
        parts.pop()
    else:
        ends_at_dash.append(False)
    if not any(ends_at_dash):
        return False
    return all(
        (dash and len(part) <= 3) or is_filler(part)
        for part, dash in zip(parts, ends_at_dash, strict=True)
    )


def without_stutter(words: list[str]) -> list[str]:
    """Words with immediate repeats said once ("needs needs" -> "needs")."""
    out: list[str] = []
    for w in words:
        if not out or out[-1] != w:
            out.append(w)
    return out


def is_false_start(inserted: list[str], before: list[str], after: list[str]) -> bool:
    """The dropped words are a restart: repeated straight after, or ending where they began."""
    n = len(inserted)
    if not 0 < n <= 5:
        return False
    if after[:n] == inserted or after[:1] == inserted[:1] and is_filler_or_small(inserted[1:]):
        return True
    if after[:1] == inserted[:1] and set(inserted) <= set(after[: n + 3]):
        return True  # "any changes that — any governance changes that"
    for k in range(1, min(n, len(before)) + 1):
        if inserted[-k:] == before[-k:]:
            return True
    return False


def is_filler_or_small(words: list[str]) -> bool:
    """Only filler phrases and small function words (the rest of a false start)."""
    lists = word_lists()
    rest = [w for w in words if w not in lists.function_words]
    return not rest or is_filler(rest)


def is_filler(words: list[str]) -> bool:
    """Filler phrases ("you know", "I think", "sort of"), with at most two stray small words."""
    lists = word_lists()
    i = fillers = strays = 0
    while i < len(words):
        for phrase in lists.fillers:
            if tuple(words[i : i + len(phrase)]) == phrase:
                i += len(phrase)
                fillers += 1
                break
        else:
            if words[i] not in lists.function_words or strays >= 2:
                return False
            strays += 1
            i += 1
    return fillers > 0


def same_words_inflected(a: list[str], b: list[str]) -> bool:
    """Same words but for tense, number or an auxiliary (said/says, is/was, seizure/s)."""
    aux = word_lists().auxiliaries
    a2 = [w for w in expand(a) if w not in aux]
    b2 = [w for w in expand(b) if w not in aux]
    if len(a2) != len(b2):
        return False
    if not a2:
        return bool(a or b)
    return all(x == y or share_stem(x, y) for x, y in zip(a2, b2, strict=True))


def share_stem(a: str, b: str) -> bool:
    """Two forms of one word: a long common prefix and short different endings."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= 4 and len(a) - n <= 3 and len(b) - n <= 3 or {a, b} in IRREGULAR


IRREGULAR = [
    {"say", "said"},
    {"says", "said"},
    {"go", "went"},
    {"make", "made"},
    {"take", "took"},
    {"see", "saw"},
    {"think", "thought"},
    {"tell", "told"},
    {"give", "gave"},
    {"come", "came"},
]


def is_qualifier_change(deleted: list[Token], inserted: list[Token]) -> bool:
    """A qualifier or condition ("some", "may", "if") added or dropped."""
    quals = word_lists().qualifiers
    return any(t.norm in quals for t in deleted) != any(t.norm in quals for t in inserted) or (
        {t.norm for t in deleted if t.norm in quals}
        != {t.norm for t in inserted if t.norm in quals}
    )


def is_misspelling(a: str, b: str) -> bool:
    """One word spelt two ways: within two edits (a swap counts as one) in a word of five or more."""
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 2 or a[0] != b[0]:
        return False
    return edit_distance(a, b) <= (1 if min(len(a), len(b)) < 7 else 2)


def edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions, swaps."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def says_the_same(quote_words: list[str], transcript_words: list[str]) -> bool:
    """The same words but for a contraction, an inflection or a misspelling."""
    if expand(quote_words) == expand(transcript_words):
        return True
    if len(quote_words) == len(transcript_words) == 1:
        a, b = quote_words[0], transcript_words[0]
        return share_stem(a, b) or is_misspelling(a, b)
    return False
