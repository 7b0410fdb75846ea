"""Small articles with known verdicts against the 2024-01-28 call, and a one-transcript corpus."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import CALL

SAID = "\u201cWe\u2019re starting to see {} in seizures of precursors at some U.S. airports already,\u201d"
CREDIT = " a senior administration official told reporters.\n"
OK_ARTICLE = "Officials spoke on Sunday.\n\n" + SAID.format("reductions") + CREDIT
WARN_ARTICLE = (
    "Officials spoke on Sunday.\n\nThe call noted that \u201cwe\u2019re starting to see reductions in "
    "seizures of precursors at some U.S. airports already.\u201d\n"
)
FAIL_ARTICLE = "Officials spoke on Sunday.\n\n" + SAID.format("increases") + CREDIT


def small_corpus(root: Path) -> Path:
    """A corpus folder holding just the counternarcotics call: loads in well under a second."""
    corpus = root / "corpus"
    corpus.mkdir(exist_ok=True)
    shutil.copy(CALL, corpus / CALL.name)
    return corpus


def write_articles(root: Path) -> dict[str, Path]:
    """ok.txt, warn.txt and fail.txt under ``root``: one quote each, one severity each."""
    root.mkdir(parents=True, exist_ok=True)
    out = {}
    for name, text in (("ok", OK_ARTICLE), ("warn", WARN_ARTICLE), ("fail", FAIL_ARTICLE)):
        out[name] = root / f"{name}.txt"
        out[name].write_text(text, "utf-8")
    return out
