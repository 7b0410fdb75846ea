"""What kind of change one edit is: harmless (filler, tense) or meaning-changing (negation)."""

from __future__ import annotations

import re
from collections.abc import Container
from functools import lru_cache

from verifier.engine.policy import Policy
from verifier.models import EditKind
from verifier.text.stems import same_word
from verifier.text.tokens import Token, fold_typography
from verifier.text.wordlists import word_lists

_LETTERS_RE = re.compile(r"[^\w]|_")
_DIGIT_RE = re.compile(r"\d")
_ORDINAL_RE = re.compile(r"^(\d+)(?:st|nd|rd|th)$")


def expand(words: list[str]) -> list[str]:
    """Words with contractions and spoken spellings spelled out (we're -> we are, gonna -> going to)."""
    lists = word_lists()
    if not any("'" in w or w in lists.spoken for w in words):
        return list(words)
    out: list[str] = []
    for w in words:
        w = lists.spoken.get(w, w)
        for short, long in lists.contractions:
            if w.endswith(short) and len(w) > len(short):
                stem = w[: -len(short)]
                if short == "n't":
                    stem = {"wo": "will", "ca": "can", "sha": "shall"}.get(stem, stem)
                w = stem + long
                break
        out.extend(w.split())
    return out


def classify_change(
    deleted: list[Token],
    inserted: list[Token],
    after: list[Token],
    before: list[Token],
    lower_vocab: Container[str],
    policy: Policy,
) -> EditKind:
    """Classify replacing ``deleted`` (quote words) by ``inserted`` (transcript words).

    ``before`` and ``after`` are the transcript words around the inserted ones: a
    dropped repeat of them is a false start ("we — we are", "any changes that — any
    governance changes"), not a lost word. ``lower_vocab`` holds the words the
    transcript prints in lower case somewhere: a capitalised word it never writes
    so is a name; one it does ("Today", a headline's "Economy") is not. ``policy``
    holds the session's word counts for a false start, a dropped aside and an invented clause.
    """
    lists = word_lists()
    dq = [t.norm for t in deleted]
    it = [t.norm for t in inserted]
    if any(t.editorial or t.bracketed for t in deleted) or (inserted and all(t.bracketed for t in inserted)):
        return EditKind.BRACKET
    if _LETTERS_RE.sub("", "".join(dq)) == _LETTERS_RE.sub("", "".join(it)):
        return typography_kind(dq, it)
    if not dq and is_false_start(it, [t.norm for t in before], [t.norm for t in after], policy):
        return EditKind.FILLER
    if not dq and is_broken_off(inserted, after, policy):
        return EditKind.FILLER
    if not dq and is_filler(it) or not it and is_filler(dq):
        return EditKind.FILLER
    said = spoken_words(inserted, after, policy)  # what the speaker meant, false starts cut
    printed = [w for w in dq if not is_filler([w])] if it else dq
    if negation_count(expand(printed)) != negation_count(expand(said)):
        return EditKind.NEGATION
    if expand(dq) == expand(it) or expand(printed) == expand(said):
        return EditKind.GRAMMAR
    if numbers_differ(printed, said):
        return EditKind.NUMBER
    if [canonical_number(w) for w in dq] == [canonical_number(w) for w in it]:
        return EditKind.TYPOGRAPHY  # "Sixteen" printed as "16"
    if numbers_of(dq) and without_number_words(dq) == without_number_words(it):
        return EditKind.TYPOGRAPHY  # "a hundred thousand" printed as "100,000": one value
    steady = without_stutter(it)
    if dq and steady != it:  # "need" for "needs — needs": judge the words once said
        kind = classify_change(
            deleted,
            [t for t in inserted if t.norm in steady][: len(steady)],
            after,
            before,
            lower_vocab,
            policy,
        )
        if kind in (EditKind.GRAMMAR, EditKind.TYPOGRAPHY, EditKind.SPELLING):
            return EditKind.GRAMMAR
    if len(dq) == len(it) == 1 and is_misspelling(dq[0], it[0]) and not inflected_forms(dq[0], it[0]):
        return EditKind.SPELLING  # "destabilising", "Stephanopolous": one token spelt otherwise
    if same_words_inflected(printed, said) and carrier_classes(printed) == carrier_classes(said):
        return EditKind.GRAMMAR  # not "might be" for "are": a hedge is certainty, not tense
    if len(dq) == len(it) == 1 and is_misspelling(dq[0], it[0]):
        return EditKind.SPELLING
    if names_changed(deleted, inserted, lower_vocab):
        return EditKind.NAME
    if is_qualifier_change(printed, said) and not is_floating_quantifier(dq, it, [t.norm for t in before]):
        return EditKind.QUALIFIER
    small = lists.function_words | lists.auxiliaries
    if all(w in small for w in expand(printed) + expand(said)):
        return EditKind.FUNCTION_WORD
    if not dq and is_aside(inserted, after, policy):
        return EditKind.WORDING
    if adds_or_drops_a_clause(printed, said, policy):
        return EditKind.CONTENT
    return swap_kind(printed, said)


_QUOTE_MARK_RE = re.compile("['\u2018\u2019\"\u201c\u201d`]")


def typography_kind(printed: list[str], said: list[str]) -> EditKind:
    """The same letters in the same order: verbatim when only quote marks or apostrophes
    differ, punctuation when dots, hyphens or the split into words do ("US" for "U.S.",
    "wellbeing" for "well-being", "ceasefire" for "cease-fire": VERDICTS.md)."""
    a = " ".join(_QUOTE_MARK_RE.sub("", w) for w in printed)
    b = " ".join(_QUOTE_MARK_RE.sub("", w) for w in said)
    return EditKind.TYPOGRAPHY if a == b else EditKind.PUNCTUATION


_INFLECTION_ENDINGS = ("s", "es", "d", "ed", "ing")


def inflected_forms(a: str, b: str) -> bool:
    """Two inflections of one noun or verb: by the lexicon ("things"/"thing", "said"/"say"), or
    one the other with a regular ending ("gunfires"/"gunfire") for words it does not hold."""
    from verifier.text.stems import forms

    if any(a == b + e or b == a + e for e in _INFLECTION_ENDINGS):
        return True
    return not forms(a).isdisjoint(forms(b))


def is_aside(inserted: list[Token], after: list[Token], policy: Policy) -> bool:
    """A few words the speaker set off with a dash, dropped whole ("secure this deal — to nail
    it down."): a restatement or an aside, not a word cut out of a phrase."""
    if not inserted or content_count([t.norm for t in inserted]) > policy.aside_max_words:
        return False
    opens = inserted[0].gap_before.strip().startswith(_DASHES)
    closes = not after or after[0].gap_before.strip()[:1] in (".", "?", "!", "\u2014", "-", ";")
    return opens and closes


def swap_kind(printed: list[str], said: list[str]) -> EditKind:
    """One meaningful word for another: its opposite, a different thing, or wording.

    Only WordNet's firm facts count against the article: an antonym, or two nouns
    with no verb or adjective reading that name unrelated things. A synonym, an
    adjective or verb swapped ("crucial" for "critical") is wording (VERDICTS.md).
    """
    from verifier.text.lexicon import Relation, relation

    small = word_lists().function_words | word_lists().auxiliaries
    a = [w for w in expand(printed) if w not in small]
    b = [w for w in expand(said) if w not in small]
    if len(a) != 1 or len(b) != 1 or a == b or not a[0].isalpha() or not b[0].isalpha():
        return EditKind.WORDING
    found = relation(a[0], b[0])
    if found is Relation.ANTONYMS:
        return EditKind.ANTONYM
    if found is Relation.OTHER_THINGS:
        return EditKind.CONTENT
    return EditKind.WORDING


# Carriers judged over a whole changed chunk; ANTONYM and CONTENT are judged per word swap.
CHUNK_KINDS = frozenset({EditKind.NEGATION, EditKind.NUMBER, EditKind.NAME, EditKind.QUALIFIER})
MEANING_KINDS = CHUNK_KINDS | {EditKind.ANTONYM, EditKind.CONTENT}


def chunk_carriers(
    deleted: list[Token],
    inserted: list[Token],
    after: list[Token],
    lower_vocab: Container[str],
    policy: Policy,
) -> set[EditKind]:
    """Every meaning carrier a whole changed chunk changes, judged over the chunk at once.

    Polarity, number values and names are properties of the chunk, not of its words:
    "there is no" for "there was not a" splits into word edits that each look like a
    negation change, yet the chunk keeps its polarity.
    """
    dq = [t.norm for t in deleted]
    said = spoken_words(inserted, after, policy)
    printed = [w for w in dq if not is_filler([w])] if inserted else dq
    found: set[EditKind] = set()
    if negation_count(expand(printed)) != negation_count(expand(said)):
        found.add(EditKind.NEGATION)
    if numbers_differ(printed, said):
        found.add(EditKind.NUMBER)
    if names_changed(deleted, inserted, lower_vocab):
        found.add(EditKind.NAME)
    if is_qualifier_change(printed, said) and not is_floating_quantifier(dq, [t.norm for t in inserted], []):
        found.add(EditKind.QUALIFIER)
    if adds_or_drops_a_clause(printed, said, policy):
        found.add(EditKind.CONTENT)
    return found


def spoken_words(inserted: list[Token], after: list[Token], policy: Policy) -> list[str]:
    """The transcript words without what the speaker broke off at a dash ("we're not — we don't")."""
    out: list[str] = []
    part: list[str] = []
    following = [*inserted[1:], *after[:1]]
    for i, tok in enumerate(inserted):
        part.append(tok.norm)
        nxt = following[i] if i < len(following) else None
        abandoned = len(part) <= policy.broken_off_words and i + 1 < len(inserted)
        if nxt is not None and nxt.gap_before.endswith(_DASHES) and abandoned:
            part = []  # abandoned: the speaker started again after the dash
            continue
        if nxt is None or nxt.gap_before.endswith(_DASHES) or i + 1 == len(inserted):
            out.extend(part)
            part = []
    out.extend(part)
    return [w for w in without_repeats(out) if not is_filler([w])]


def without_repeats(words: list[str], longest: int = 4) -> list[str]:
    """Words with immediate repeats of up to ``longest`` words said once
    ("I don't I don't know" -> "I don't know", "needs needs" -> "needs")."""
    out = list(words)
    for n in range(longest, 0, -1):
        i = 0
        while i + 2 * n <= len(out):
            if out[i : i + n] == out[i + n : i + 2 * n]:
                del out[i + n : i + 2 * n]
            else:
                i += 1
    return out


def content_count(words: list[str]) -> int:
    """Words that say something: not small words, auxiliaries, fillers or negations."""
    lists = word_lists()
    small = lists.function_words | lists.auxiliaries | lists.negations
    return sum(1 for w in expand(words) if w not in small and not is_filler([w]))


def adds_or_drops_a_clause(printed: list[str], said: list[str], policy: Policy) -> bool:
    """The article adds words nobody said, or drops a clause, rather than swapping a word."""
    added = content_count(printed) - content_count(said)
    if not printed or not said:  # words dropped or added outright, nothing in their place
        return added >= policy.added_words_altered or -added >= policy.dropped_words_altered
    return added >= policy.invented_clause_words or -added >= policy.dropped_clause_words


def negation_count(words: list[str]) -> int:
    negs = word_lists().negations
    return sum(1 for w in words if w in negs or w.endswith("n't"))


def numbers_differ(a: list[str], b: list[str]) -> bool:
    """Different number values; a lone "one" against no number is an article, not a number."""
    na, nb = numbers_of(a), numbers_of(b)
    if not na or not nb:
        na, nb = [n for n in na if n != "1"], [n for n in nb if n != "1"]
    return sorted(na) != sorted(nb)


def numbers_of(words: list[str]) -> list[str]:
    """The numbers among ``words``, spelled one way ("Sixteen" and "16" are the same, and
    "a hundred thousand", "100 thousand" and "100,000" are one value)."""
    return [value for value, is_number in read_numbers(words) if is_number]


def without_number_words(words: list[str]) -> list[str]:
    """The words around the numbers, numbers spelled one way ("a hundred thousand troops" ->
    "100000 troops")."""
    return [value for value, _ in read_numbers(words)]


def read_numbers(words: list[str]) -> list[tuple[str, bool]]:
    """``words`` with each number phrase read as one value, numbers spelled one way: each
    item is (word or value, whether it is a number)."""
    nums = word_lists().number_words
    out: list[tuple[str, bool]] = []
    i = 0
    while i < len(words):
        value, used = spoken_number(words, i)
        if used:
            out.append((value, True))
            i += used
            continue
        w = words[i]
        plain = canonical_number(w)
        out.append((plain, bool(_DIGIT_RE.search(w)) or w in nums or plain != w))
        i += 1
    return out


_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_PLAIN_NUMBER_RE = re.compile(r"^\d+(?:\.\d+)?$")


def spoken_number(words: list[str], i: int) -> tuple[str, int]:
    """The value of a number written in words from ``words[i]`` on ("a hundred thousand",
    "twenty-five million", "1.5 billion") and how many words it takes; (\"\", 0) when no
    scale word ("hundred", "thousand", "million") makes it a phrase."""
    total = current = 0.0
    used = 0
    scaled = False
    j = i
    while j < len(words):
        w = words[j].replace(",", "")
        if w in _SCALES:
            current = (current or 1.0) * _SCALES[w]
            if _SCALES[w] >= 1000:
                total, current = total + current, 0.0
            scaled = True
        elif w in ("a", "one") and j + 1 < len(words) and words[j + 1] in _SCALES and not used:
            current = 1.0
        elif w == "and" and used and j + 1 < len(words) and canonical_number(words[j + 1]).isdigit():
            pass
        elif (
            (n := canonical_number(w)).isdigit()
            and not _DIGIT_RE.search(w)
            or (_PLAIN_NUMBER_RE.match(w) and not used)
        ):
            current += float(n if n.isdigit() else w)
        else:
            break
        j += 1
        used = j - i
    if not scaled or used < 2:
        return "", 0
    value = total + current
    return (str(int(value)) if value == int(value) else str(value)), used


_ROMAN = {"ii": "2", "iii": "3"}  # "World War II"; "I", "V" and "Xi" are words too often

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
        return _ORDINAL_RE.sub(r"\1", word.replace(",", ""))
    if word in _UNITS:
        return _UNITS[word]
    if word in _ROMAN:
        return _ROMAN[word]
    head, _, tail = word.partition("-")
    if head in _TENS and head != "_":
        return str(_TENS[head] + (int(_UNITS.get(tail, "0")) if tail else 0))
    return word


def names_of(tokens: list[Token], lower_vocab: Container[str] = frozenset()) -> list[str]:
    """Capitalised words that are names: not at a sentence start, or never written in lower case.

    A word the transcript also prints in lower case ("Today", "Economy" in a headline)
    is an ordinary word capitalised; "China" or "Kirby" is not.
    """
    small = word_lists().function_words
    titles = title_words()
    out = []
    for t in tokens:
        if not t.surface[:1].isupper() or t.norm in small or t.norm.rstrip(".") in titles:
            continue  # "President", "Prime Minister": an office, not who holds it
        starts = not t.gap_before.strip() or t.gap_before.endswith((".", "?", "!", '"', ":"))
        bare = _POSSESSIVE_RE.sub("", t.norm)
        if bare in lower_vocab or (starts and not lower_vocab):
            continue
        out.append(bare)
    return out


_POSSESSIVE_RE = re.compile(r"'s?$")


class LowerWords:
    """The words a text prints in lower case somewhere, looked up one word at a time: most
    quotes ask about no word at all, and a transcript is tens of thousands of characters."""

    def __init__(self, text: str) -> None:
        self.text = fold_typography(text)  # words are looked up as tokens spell them: "they're"
        self._known: dict[str, bool] = {}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        if word not in self._known:
            pattern = rf"(?<![\w'\u2019-]){re.escape(word)}(?![\w])"
            self._known[word] = re.search(pattern, self.text) is not None
        return self._known[word]

    def __bool__(self) -> bool:
        return bool(self.text)


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Words of office ("president", "minister", "secretary"), from the speaker vocabulary."""
    from verifier.transcripts.speakers import role_words

    return frozenset(str(w).casefold() for w in role_words()["title_words"])


def same_name(a: str, b: str) -> bool:
    """Two spellings of one name: equal, one part of the other ("El-Sisi", "Sisi"), or a typo."""
    if a == b:
        return True
    parts_a, parts_b = set(re.split(r"[-.]", a)) - {""}, set(re.split(r"[-.]", b)) - {""}
    if parts_a & parts_b and min(len(p) for p in parts_a & parts_b) >= 3:
        return True
    if min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)):
        return True  # "Netanya-" cut off, "Zelensky" / "Zelenskyy"
    return is_misspelling(a, b) or min(len(a), len(b)) >= 6 and edit_distance(a, b) <= 3 and a[0] == b[0]


def names_changed(deleted: list[Token], inserted: list[Token], lower_vocab: Container[str]) -> bool:
    """The article names someone or something the transcript passage does not (or swaps one).

    A printed full name is one name: "Benjamin Netanyahu" for "Netanyahu", "President
    Abdel Fattah El-Sisi" for "President Sisi" are explained by any of their words.
    """
    said = names_of(inserted, lower_vocab)
    runs = [run for run in capital_runs(deleted) if names_of(run, lower_vocab)]
    if not runs:
        return bool(said) and not deleted  # a name dropped with nothing in its place
    return not all(any(same_name(p, s) for p in names_of(run, _NOTHING_LOWER) for s in said) for run in runs)


# A vocabulary that is never empty and holds no word: every capitalised word of a printed
# full name counts, its first word at a sentence start included.
_NOTHING_LOWER: frozenset[str] = frozenset({"\0"})


def capital_runs(tokens: list[Token]) -> list[list[Token]]:
    """Capitalised words printed side by side (joined by a space or a hyphen): one full name."""
    small = word_lists().function_words
    runs: list[list[Token]] = []
    current: list[Token] = []
    for t in tokens:
        capital = t.surface[:1].isupper() and t.norm not in small
        if capital and current and t.gap_before.strip() in ("", "-"):
            current.append(t)
            continue
        if current:
            runs.append(current)
        current = [t] if capital else []
    if current:
        runs.append(current)
    return runs


_DASHES = ("\u2014", "-")


def is_broken_off(inserted: list[Token], after: list[Token], policy: Policy) -> bool:
    """Words the speaker cut off with a dash, or filler: "putting — playing", "it's — you know,".

    The run is split where a dash follows a word; each part must be a filler
    phrase or at most ``policy.broken_off_words`` words that end at a dash (a thought abandoned).
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
        (dash and len(part) <= policy.broken_off_words) or is_filler(part)
        for part, dash in zip(parts, ends_at_dash, strict=True)
    )


def without_stutter(words: list[str]) -> list[str]:
    """Words with immediate repeats said once ("needs needs" -> "needs")."""
    out: list[str] = []
    for w in words:
        if not out or out[-1] != w:
            out.append(w)
    return out


def is_false_start(inserted: list[str], before: list[str], after: list[str], policy: Policy) -> bool:
    """The dropped words are a restart: repeated straight after, or ending where they began."""
    n = len(inserted)
    if not 0 < n <= policy.false_start_words:
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
    return all(x == y or same_word(x, y) for x, y in zip(a2, b2, strict=True))


def is_qualifier_change(printed: list[str], said: list[str]) -> bool:
    """A quantifier, limiter, condition or hedge added, dropped or changed in kind.

    Words compare by class: "every" for "all" or "might" for "may" keeps the meaning.
    A comparative adjective stands for "more" ("one day longer" for "one day more").
    """
    return carrier_classes(printed) != carrier_classes(said)


def carrier_classes(words: list[str]) -> list[str]:
    """The classes of the carrier words among ``words``, sorted; comparatives count as "more"."""
    classes = word_lists().carrier_class
    negs = word_lists().negations
    found = [
        classes[w]
        for k, w in enumerate(words)
        if w in classes and not (k and _belongs_to_previous(w, words[k - 1], negs))
    ]
    found += ["quantifiers:more" for w in words if w not in classes and is_comparative(w)]
    return sorted(found)


_FLOATING = frozenset({"all", "both", "each"})
_PLURAL_PRONOUNS = frozenset({"we", "you", "they", "us", "them"})


def _belongs_to_previous(word: str, previous: str, negations: frozenset[str]) -> bool:
    """A carrier word that only restates its neighbour: "not any" is the negation's ("there
    was not any" says "there is no"); "we all", "they both" name the same people as "we"."""
    if word == "any" and (previous in negations or previous.endswith("n't")):
        return True
    return word in _FLOATING and previous in _PLURAL_PRONOUNS


def is_floating_quantifier(printed: list[str], said: list[str], before: list[str]) -> bool:
    """An "all", "both" or "each" dropped or added after a plural pronoun it only restates
    ("what we all know" -> "what we know", "they have all been" -> "they have been"): it
    names the same people as the pronoun, so the claim's reach is unchanged."""
    if printed and said or not (words := printed or said) or not set(words) <= _FLOATING:
        return False
    context = [w for w in before[-2:] if w not in word_lists().auxiliaries]
    return bool(context) and context[-1] in _PLURAL_PRONOUNS


def is_comparative(word: str) -> bool:
    """An adjective or adverb in its comparative form ("longer", "sooner")."""
    if len(word) < 5 or not word.endswith("er") or not word.isalpha():
        return False
    from verifier.text.lexicon import lemmas

    found = lemmas(word)
    return any(pos in found and word not in found[pos] for pos in ("ADJ", "ADV"))


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
        return same_word(a, b) or is_misspelling(a, b)
    return False
