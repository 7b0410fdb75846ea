"""A bare pronoun credit ("he", "she") names nobody, so it is never evidence of misattribution."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from verifier.cli import main

KIRBY_0119 = (Path(__file__).parent.parent / "corpus" / "press-briefings" / "2024-01"
              / "2024-01-19-press-briefing-by-press-secretary-karine-jean-pierre-and-nsc-"
              "coordinator-for-strategic-communications-john-kirby-40.md")
# Printed by roundtablethoughts.com (2024-01-20) as "..., he added" after naming Kirby.
QUOTE = "They can make that choice. Clearly, they've made opposite choices"


@pytest.mark.parametrize("credit, expected", [
    ("he", "unknown"),
    ("She", "unknown"),
    ("Kirby", "confirmed"),
    ("Karine Jean-Pierre", "misattributed"),
])
def test_pronoun_credit_is_not_misattributed(
    credit: str, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", QUOTE, "--speaker", credit, "--transcript", str(KIRBY_0119),
          "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data["fidelity"] == "verbatim"
    assert data["attribution"] == expected
    if expected == "unknown":
        assert any("names nobody" in r for r in data["reasons"])
