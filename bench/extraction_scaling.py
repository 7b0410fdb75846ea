"""How quote extraction and crediting grow with the article: time at 4x the size, as a ratio.

Each shape is one kind of copy an article can hold in bulk (interview Q/A lines, pronoun
credits, single-quoted fragments, "the statement said", pairs of names). Linear work gives
a ratio near 4 between the large and the small article; a ratio far above it is work that
grows with the square of the article, the kind hostile input turns into a hang.

    python3 bench/extraction_scaling.py [--small]
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from verifier.articles.quotes import extract_quotes, load_article_text


def interview(n: int) -> str:
    head = "Mayor Nell Ambrose took questions. Here are notes of Carl Weber\u2019s questions.\n"
    q, a = "Q: \u201cWill you run again, {}?\u201d\n", "A: \u201cNot this time, {}.\u201d\n"
    lines = (q.format(i) + a.format(i) for i in range(n))
    return head + "".join(lines)


def pronouns(n: int) -> str:
    credits = (f"\u201cWe will build it {i},\u201d she said." for i in range(n))
    return "Ana Diaz spoke.\n\n" + "\n\n".join(credits)


def single_quotes(n: int) -> str:
    line = (
        "Police \u2018made contact\u2019 with the officials\u2019 team and said she was "
        "\u2018safe and well\u2019."
    )
    return "\n\n".join(line for _ in range(n))


def statements(n: int) -> str:
    issued = "The Harlow County Office of Emergency Management issued a statement.\n\n"
    return "\n\n".join(issued + f"\u201cThere is no case {i},\u201d the statement said." for i in range(n))


def pairs(n: int) -> str:
    return " ".join(f"Dana Whitlock and Rafael Osei met Ines Carvalho and Paul Eckart {i}." for i in range(n))


SHAPES: dict[str, Callable[[int], str]] = {
    "interview Q/A": interview,
    "pronoun credits": pronouns,
    "single quotes": single_quotes,
    "statements": statements,
    "pairs of names": pairs,
}


def timed(text: str) -> float:
    start = time.perf_counter()
    extract_quotes(load_article_text(text))
    return time.perf_counter() - start


def main() -> None:
    base = 100 if "--small" in sys.argv else 500
    print(f"{'shape':<18}{'KB':>7}{'small s':>9}{'KB':>7}{'4x s':>9}{'ratio':>7}")
    for name, make in SHAPES.items():
        small, large = make(base), make(4 * base)
        t1, t4 = timed(small), timed(large)
        ratio = t4 / t1 if t1 else float("inf")
        print(f"{name:<18}{len(small) // 1000:>7}{t1:>9.2f}{len(large) // 1000:>7}{t4:>9.2f}{ratio:>7.1f}")


if __name__ == "__main__":
    main()
