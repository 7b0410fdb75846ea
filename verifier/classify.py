"""What kind of change one edit is: harmless (filler, tense) or meaning-changing (negation)."""

from __future__ import annotations

import re

from .models import EditKind
from .text import Token
from .wordlists import word_lists

_LETTERS_RE = re.compile(r"[^\w]|_")
_DIGIT_RE = re.compile(r"\d")


def expand(words: list[str]) -> list[str]:
    """Words with contractions spelled out (we're -> we are), for comparing them."""
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


def classify_change(deleted: list[Token], inserted: list[Token], after: list[Token]) -> EditKind:
    """Classify replacing ``deleted`` (quote words) by ``inserted`` (transcript words).

    ``after`` are the transcript words that follow the inserted ones: a dropped
    repeat of them is a false start ("we — we are"), not a lost word.
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
    if not dq and is_false_start(it, [t.norm for t in after]):
        return EditKind.FILLER
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
    nums = word_lists().number_words
    return [w for w in words if _DIGIT_RE.search(w) or w in nums]


def names_of(tokens: list[Token]) -> list[str]:
    """Capitalised words not at a sentence start: likely names."""
    return [
        t.norm
        for t in tokens
        if t.surface[:1].isupper()
        and t.norm not in word_lists().function_words
        and not t.gap_before.endswith((".", "?", "!", '"'))
    ]


def is_false_start(inserted: list[str], after: list[str]) -> bool:
    """The dropped words are repeated straight after: the speaker restarted."""
    n = len(inserted)
    return 0 < n <= 4 and after[:n] == inserted


def is_filler(words: list[str]) -> bool:
    """Words made only of filler phrases ("you know", "I think", "sort of")."""
    if not words:
        return False
    i = 0
    while i < len(words):
        for phrase in word_lists().fillers:
            if tuple(words[i : i + len(phrase)]) == phrase:
                i += len(phrase)
                break
        else:
            return False
    return True


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
    """One word spelt two ways: at most two letters differ in a word of five or more."""
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    j = 0
    while j < min(len(a), len(b)) - i and a[-1 - j] == b[-1 - j]:
        j += 1
    return max(len(a), len(b)) - i - j <= 2
