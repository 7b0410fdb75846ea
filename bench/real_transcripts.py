"""How the real transcript samples read, per format, and the verdict on one quote from each.

    python3 bench/real_transcripts.py [SAMPLES] [--quotes FILE]

For each format: samples, turns, the share of turns whose speaker resolved, the
share of samples with a date (the numbers ``quotecheck corpus`` gives), then the
quotes checked (one hand-picked sentence per sample, from
``tests/data/transcripts/real-quotes.yaml``, each verified in a corpus of its
sample alone), the verdicts they got as ``fidelity/attribution`` counts, and how
many got the verdict the file says they are owed. Prints a Markdown table and the
quotes whose verdict is not the one owed. A benchmark prints numbers; it asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from verifier.corpus.files import FormatQuality, format_quality, load_corpus_files  # noqa: E402
from verifier.corpus.memory import Corpus  # noqa: E402
from verifier.models import Quote, Transcript  # noqa: E402
from verifier.session import Verifier  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "transcripts"


@dataclass(frozen=True, slots=True)
class Checked:
    """One sample's quote: the verdict it got and the one it is owed."""

    sample: str
    format: str
    got: str
    owed: str


def check_quotes(transcripts: dict[str, Transcript], rows: list[dict[str, str]]) -> list[Checked]:
    """Each row's quote verified against its own sample only, as the tests do."""
    out: list[Checked] = []
    for row in rows:
        t = transcripts[row["sample"]]
        quote = Quote.typed(row["quote"], attributed_to=row.get("credited"))
        finding = Verifier(Corpus([t])).verify_quote(quote)
        out.append(
            Checked(
                row["sample"],
                t.format,
                f"{finding.fidelity}/{finding.attribution}",
                f"{row['fidelity']}/{row['attribution']}",
            )
        )
    return out


def _pct(n: int, d: int) -> str:
    return f"{n / d:.0%}" if d else "n/a"


def table(checked: list[Checked], quality: dict[str, FormatQuality]) -> str:
    """The per-format Markdown table, with a total row."""
    lines = [
        "| format | samples | turns | resolved | dated | quotes checked "
        "| verdicts (fidelity/attribution) | as owed |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |",
    ]
    totals = [0, 0, 0, 0]
    for name, q in sorted(quality.items()):
        mine = [c for c in checked if c.format == name]
        verdicts = Counter(c.got for c in mine)
        said = ", ".join(f"{v} {n}" for v, n in sorted(verdicts.items(), key=lambda x: (-x[1], x[0])))
        owed = sum(c.got == c.owed for c in mine)
        files, turns, resolved, dated = q.files, q.turns, q.resolved, q.dated
        lines.append(
            f"| {name} | {files} | {turns} | {_pct(resolved, turns)} | {_pct(dated, files)} "
            f"| {len(mine)} | {said} | {owed}/{len(mine)} |"
        )
        for i, n in enumerate((files, turns, resolved, dated)):
            totals[i] += n
    files, turns, resolved, dated = totals
    owed = sum(c.got == c.owed for c in checked)
    verdicts = Counter(c.got for c in checked)
    said = ", ".join(f"{v} {n}" for v, n in sorted(verdicts.items(), key=lambda x: (-x[1], x[0])))
    lines.append(
        f"| all | {files} | {turns} | {_pct(resolved, turns)} | {_pct(dated, files)} "
        f"| {len(checked)} | {said} | {owed}/{len(checked)} |"
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("samples", nargs="?", default=str(DATA / "real"))
    parser.add_argument("--quotes", default=str(DATA / "real-quotes.yaml"))
    args = parser.parse_args()
    load = load_corpus_files(args.samples)
    transcripts = {Path(t.path or t.id).name: t for t in load.transcripts}
    rows = yaml.safe_load(Path(args.quotes).read_text("utf-8"))
    checked = check_quotes(transcripts, rows)
    print(table(checked, format_quality(load)))
    wrong = [c for c in checked if c.got != c.owed]
    missing = sorted(set(transcripts) - {c.sample for c in checked})
    if wrong:
        print(f"\nNot the verdict owed ({len(wrong)}):")
        for c in wrong:
            print(f"  {c.format:<12} {c.sample}: {c.got}, owed {c.owed}")
    if missing:
        print(f"\nSamples with no quote checked ({len(missing)}):")
        for name in missing:
            print(f"  {name}")


if __name__ == "__main__":
    main()
