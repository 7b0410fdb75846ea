"""One effective verdict: a reviewer's override changes every place that shows or counts it.

The list row, the verdict row, the header counts, both exports from the desk and
``quotecheck article --review`` in every format must agree, and keep the engine's verdict.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from rich.console import Console
from rich.text import Text

from tests.test_tui_review import ALTERED, BEIJING, QUOTES, copy_example, make_app, settle, sync
from tui.screens.dialogs import ChoiceDialog
from tui.widgets.quote_list import QuoteList, option_id
from tui.widgets.verdict_bar import VerdictBar
from verifier.cli import main
from verifier.models import Fidelity, Severity
from verifier.report.review import review_path_for

ENGINE = {"fail": 4, "warn": 3, "ok": 4}  # the example story against the one Beijing call
AFTER = {"fail": 3, "warn": 4, "ok": 4}  # quote 4 overridden from altered (fail) to paraphrase (warn)


def plain(renderable: object, width: int = 100) -> str:
    console = Console(width=width, record=True, color_system=None)
    console.print(renderable)
    return console.export_text()


@pytest.fixture
def article(tmp_path: Path) -> Path:
    return copy_example(tmp_path)


@sync
async def test_an_override_changes_the_row_the_verdict_the_counts_and_every_export(
    article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = make_app(article)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = app.review_screen
        header = screen.query_one("#list-header")
        assert "FAIL 4" in str(header.content) and "WARN 3" in str(header.content)  # type: ignore[attr-defined]
        for _ in range(ALTERED):
            await pilot.press("j")
        await pilot.press("o")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("down", "enter")  # from altered (the engine's) down to paraphrase
        await pilot.pause()
        item = screen.items[ALTERED]
        assert (item.fidelity, item.severity) == (Fidelity.PARAPHRASE, Severity.WARN)
        quotes = screen.query_one(QuoteList)
        row = quotes.get_option(option_id(ALTERED)).prompt
        assert isinstance(row, Text) and row.plain.split("\n")[0].split()[:3] == ["4", "WARN", "paraphrase"]
        verdict = next(line for line in plain(screen.query_one(VerdictBar).render()).splitlines()
                       if "paraphrase" in line)
        assert "WARN" in verdict and "paraphrase / anonymous" in verdict
        assert "reviewer; engine: altered" in verdict
        assert "FAIL 3" in str(header.content) and "WARN 4" in str(header.content)  # type: ignore[attr-defined]
        capsys.readouterr()
        screen.export_now("json")
        screen.export_now("markdown")
    report = json.loads(article.with_name(article.stem + ".report.json").read_text(encoding="utf-8"))
    assert report["summary"] == AFTER
    found = report["findings"][ALTERED]
    assert (found["fidelity"], found["attribution"], found["severity"]) == ("paraphrase", "anonymous", "warn")
    assert found["engine_verdict"] == {"fidelity": "altered", "attribution": "anonymous", "severity": "fail"}
    assert found["review"]["decision"] == "overridden"
    markdown = article.with_name(article.stem + ".report.md").read_text(encoding="utf-8")
    assert f"**{QUOTES} quotes**: 3 fail, 4 warn, 4 ok." in markdown
    assert "| 4 | WARN |" in markdown and "paraphrase, anonymous (reviewer; engine: altered)" in markdown

    # The command line, from the same review file, says the same in every format.
    review = str(review_path_for(article))
    base = ["article", str(article), "--transcript", str(BEIJING), "--review", review]
    assert main([*base, "--format", "json"]) == 1
    cli_json = json.loads(capsys.readouterr().out)
    assert cli_json["summary"] == AFTER and cli_json["findings"][ALTERED] == found
    schema = json.loads(resources.files("verifier").joinpath("data/report.schema.json").read_text("utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(cli_json)) == []
    assert main([*base, "--format", "markdown"]) == 1
    cli_md = capsys.readouterr().out
    assert "3 fail, 4 warn, 4 ok" in cli_md and "paraphrase, anonymous (reviewer; engine: altered)" in cli_md
    assert main([*base]) == 1
    text = capsys.readouterr().out
    assert "3 fail, 4 warn, 4 ok" in text
    assert "WARN  paraphrase / anonymous (reviewer; engine: altered)" in text
    assert "  review:   overridden: paraphrase" in text
    assert main(base[:4]) == 1
    assert "4 fail, 3 warn, 4 ok" in capsys.readouterr().out  # without --review: the engine's verdicts
