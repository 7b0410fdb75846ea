"""The review UI and ``quotecheck article`` open the same Verifier from the same settings,
so on the same file they give the same findings, config and all."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from tests.samples import small_corpus
from tests.test_tui_review import settle
from tui.app import create_app
from tui.launch import build_source
from verifier.cli import build_parser, main
from verifier.cli.common import settings_from_args
from verifier.report.render import finding_to_dict
from verifier.session import CorpusOptions, Settings, Verifier

EXAMPLE = REPO / "examples" / "counternarcotics-story.md"
GAGGLE = REPO / "corpus" / "press-briefings" / "2024-01" / (
    "2024-01-12-press-gaggle-by-deputy-press-secretary-andrew-bates-and-nsc-coordinator-for-"
    "strategic-communications-john-kirby-en-route-allentown-pa.md"
)

# Two claims a fact-checker typed: the first credits Kirby by a newsroom's own name for him,
# the second changes one word, which the config's strict threshold no longer calls a source.
CLAIMS = """\
- quote: "We're very comfortable and confident in the legal authorities that the President exercised."
  speaker: the admiral
- quote: "We're not interested in a war with Iran."
  speaker: John Kirby
"""
CONFIG = """\
corpus: corpus
speakers:
  John Kirby: [the admiral]
thresholds:
  not_found_below: 0.97
"""


def cli_findings(*args: str, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    main(["article", *args, "--format", "json"])
    findings: list[dict[str, Any]] = json.loads(capsys.readouterr().out)["findings"]
    return findings


async def ui_findings(*args: str) -> list[dict[str, Any]]:
    """What the review screen holds once every quote is verified, opened as `quotecheck review`."""
    parsed = build_parser().parse_args(["review", *args])
    source = replace(build_source(parsed.file, settings_from_args(parsed)), review_path=None)
    app = create_app(source)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        items = app.review_screen.items
    assert all(it.finding is not None for it in items)
    return [finding_to_dict(it.finding) for it in items if it.finding is not None]


def test_example_story_same_findings_in_ui_and_report(capsys: pytest.CaptureFixture[str]) -> None:
    import asyncio

    ui = asyncio.run(ui_findings(str(EXAMPLE)))
    cli = cli_findings(str(EXAMPLE), capsys=capsys)
    assert len(ui) == len(cli) >= 5
    assert ui == cli


def test_claims_with_config_same_findings_in_ui_and_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import asyncio

    corpus = small_corpus(tmp_path)
    shutil.copy(GAGGLE, corpus / GAGGLE.name)
    claims = tmp_path / "claims.yaml"
    claims.write_text(CLAIMS, "utf-8")
    config = tmp_path / "qc.yaml"
    config.write_text(CONFIG, "utf-8")
    args = (str(claims), "--config", str(config), "--no-index")
    ui = asyncio.run(ui_findings(*args))
    cli = cli_findings(*args, capsys=capsys)
    assert ui == cli
    # the config really decided both: its alias confirms the credit, its threshold drops the source
    assert [f["attribution"] for f in cli][0] == "confirmed"
    assert cli[1]["fidelity"] in ("not_found", "paraphrase")
    plain = cli_findings(str(claims), "--corpus", str(corpus), "--no-index", capsys=capsys)
    assert plain[0]["attribution"] != "confirmed" and plain[1]["fidelity"] == "altered"


def test_a_session_reads_aliases_once_not_per_quote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import verifier.session as session
    from verifier.models import Quote

    corpus = small_corpus(tmp_path)
    settings = Settings.load(None, CorpusOptions(folder=str(corpus), use_index=False))
    verifier = Verifier.open(settings)
    assert verifier.settings is settings and len(verifier.space) == 1

    def no_more(*_: object) -> None:
        raise AssertionError("aliases loaded again while verifying")

    monkeypatch.setattr(session, "load_aliases", no_more)
    finding = verifier.verify_quote(Quote.typed("some U.S. airports already"))
    assert finding.match is not None
