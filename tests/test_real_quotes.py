"""One quote checked per real transcript sample, with the verdict it is owed.

Each sentence in ``data/transcripts/real-quotes.yaml`` was copied by hand from its
sample and credited as a news story would credit it. It is verified in a corpus of
that sample alone: it must land in that sample, on its own words, with the fidelity
and attribution VERDICTS.md gives it. A row with ``open`` is a verdict quotecheck does
not yet give: expected to fail until it does (strict, so the fix is noticed).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from verifier.corpus.files import speaker_resolved
from verifier.corpus.memory import Corpus
from verifier.models import Attribution, Fidelity, Quote
from verifier.session import Verifier
from verifier.text.display import unescape_markdown
from verifier.transcripts.loader import load_transcript

ROOT = Path(__file__).parent.parent
DATA = Path(__file__).parent / "data" / "transcripts"
REAL = DATA / "real"
ROWS: list[dict[str, Any]] = yaml.safe_load((DATA / "real-quotes.yaml").read_text("utf-8"))


def _folded(text: str) -> str:
    return " ".join(unescape_markdown(text).replace("’", "'").split())


def _case(row: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(reason=row["open"], strict=True)] if row.get("open") else []
    return pytest.param(row, id=row["sample"], marks=marks)


def test_every_sample_has_one_quote_copied_from_its_spoken_words() -> None:
    samples = sorted(p.name for p in REAL.iterdir() if not p.name.endswith(".source.yaml"))
    assert sorted(r["sample"] for r in ROWS) == samples
    for row in ROWS:
        t = load_transcript(REAL / row["sample"])
        said = " ".join(_folded(p.of(t.text)) for turn in t.turns for p in turn.paragraphs)
        assert _folded(row["quote"]) in said, row["sample"]
        assert row["credited"] and Fidelity(row["fidelity"]) and Attribution(row["attribution"])


@pytest.mark.parametrize("row", [_case(r) for r in ROWS])
def test_the_quote_gets_its_verdict_in_its_sample(row: dict[str, Any]) -> None:
    t = load_transcript(REAL / row["sample"])
    finding = Verifier(Corpus([t])).verify_quote(Quote.typed(row["quote"], attributed_to=row["credited"]))
    assert finding.fidelity is Fidelity(row["fidelity"]), finding.reasons
    assert finding.attribution is Attribution(row["attribution"]), finding.reasons
    # located in this sample, from the quote's first word to its last, in the original text
    assert finding.match is not None and finding.match.transcript.id == t.id
    located = _folded(finding.match.span.of(t.text))
    words = _folded(row["quote"]).rstrip(".?!").split()
    assert located.startswith(words[0]) and located.rstrip(".?!,").endswith(words[-1])
    # a speaker the sample names (or a reporter's role) is confirmed; none is never a misattribution
    assert finding.speaker is not None
    if speaker_resolved(finding.speaker.role, finding.speaker.name):
        assert finding.attribution is Attribution.CONFIRMED, finding.reasons
    else:
        assert finding.attribution is Attribution.UNKNOWN, finding.reasons


def test_bench_table_counts_the_quotes_and_their_verdicts() -> None:
    """The table's sample, turn and share columns are ``quotecheck corpus``'s own numbers."""
    out = subprocess.run(
        [sys.executable, "bench/real_transcripts.py"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    corpus = subprocess.run(
        [sys.executable, "-m", "verifier", "corpus", str(REAL), "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    table = {
        cells[0]: cells[1:]
        for line in out.splitlines()
        if line.startswith("| ")
        for cells in [[c.strip() for c in line.strip("|").split("|")]]
    }
    for name, q in json.loads(corpus)["formats"].items():
        assert table[name][:4] == [
            str(q["files"]),
            str(q["turns"]),
            f"{q['resolved_share']:.0%}",
            f"{q['dated_share']:.0%}",
        ], name
    assert table["all"][4] == str(len(ROWS))
    owed = sum(not r.get("open") for r in ROWS)
    assert table["all"][-1] == f"{owed}/{len(ROWS)}"
    assert table["whitehouse"][5] == "verbatim/confirmed 7"
    if owed < len(ROWS):
        assert f"Not the verdict owed ({len(ROWS) - owed}):" in out
    else:
        assert "Not the verdict owed" not in out
