"""The JSON Schema of the report contract matches what the commands really print."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from tests.conftest import CALL, REPO
from verifier import models
from verifier.articles.loaders import load_article
from verifier.cli import main
from verifier.corpus.memory import Corpus
from verifier.report.render import article_report
from verifier.session import verify_article

ARTICLES = Path(__file__).parent / "data" / "articles"
SEIZURES = "We're starting to see reductions in seizures of precursors at some U.S. airports already"


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    data = json.loads(resources.files("verifier").joinpath("data/report.schema.json").read_text("utf-8"))
    Draft202012Validator.check_schema(data)
    return data


def validator(schema: dict[str, Any], name: str | None = None) -> Draft202012Validator:
    """The whole schema, or one of its $defs (Finding, BatchLine) as the root."""
    if name is None:
        return Draft202012Validator(schema)
    return Draft202012Validator({**schema, "$ref": f"#/$defs/{name}"})


def errors(v: Draft202012Validator, data: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in v.iter_errors(data)]


@pytest.fixture()
def tmp_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CALL, corpus / CALL.name)
    # The transcript claims-kirby.yaml names in its transcript: key must be in the corpus.
    briefings = REPO / "corpus" / "press-briefings" / "2024-01"
    for named in briefings.glob("2024-01-12-press-gaggle-*allentown*.md"):
        shutil.copy(named, corpus / named.name)
    return corpus


@pytest.mark.parametrize(
    "article", ["multi-paragraph-counternarcotics.txt", "liveblog-beijing-counternarcotics.txt",
                "markdown-black-history.md", "claims-kirby.yaml"]
)
def test_article_json_output_validates(
    article: str, schema: dict[str, Any], tmp_corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["article", str(ARTICLES / article), "--corpus", str(tmp_corpus), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert report["findings"], "the article should have quotes"
    assert errors(validator(schema), report) == []


@pytest.mark.parametrize(
    "quote", [SEIZURES, SEIZURES.replace("seizures", "shipments"), "Nobody ever said these words at all"]
)
def test_check_json_output_validates_as_a_finding(
    quote: str, schema: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", quote, "--speaker", "a senior administration official",
          "--transcript", str(CALL), "--format", "json"])
    finding = json.loads(capsys.readouterr().out)
    assert errors(validator(schema, "Finding"), finding) == []
    if quote.startswith("Nobody"):
        assert finding["match"] is None
    assert errors(validator(schema), finding) != []  # a Finding is not a whole report


def every_report(corpus: Corpus) -> Iterator[dict[str, Any]]:
    for path in sorted(ARTICLES.iterdir()):
        if path.is_file() and path.name != "labels.yaml":
            article = load_article(path)
            findings = verify_article(article, corpus)
            yield article_report(article, findings, corpus_path=corpus.path, transcripts=len(corpus))


def test_every_test_article_against_the_bundled_corpus_validates(
    schema: dict[str, Any], bundled_corpus: Corpus
) -> None:
    v = validator(schema)
    seen_alternatives = False
    for report in every_report(bundled_corpus):
        assert errors(v, report) == [], report["article"]["path"]
        seen_alternatives |= any(f["alternatives"] for f in report["findings"])
    assert seen_alternatives  # the runners-up part of the contract was exercised


def test_schema_rejects_a_renamed_or_dropped_key(
    schema: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", SEIZURES, "--transcript", str(CALL), "--format", "json"])
    finding = json.loads(capsys.readouterr().out)
    v = validator(schema, "Finding")
    finding["verdict"] = finding.pop("fidelity")
    assert errors(v, finding)


@pytest.mark.parametrize(
    "name, enum",
    [("Fidelity", models.Fidelity), ("Attribution", models.Attribution), ("Severity", models.Severity),
     ("EditOp", models.EditOp), ("EditKind", models.EditKind), ("QuoteFlag", models.QuoteFlag)],
)
def test_schema_enums_are_the_models_enums(schema: dict[str, Any], name: str, enum: Any) -> None:
    assert schema["$defs"][name]["enum"] == [m.value for m in enum]


def test_schema_roles_are_the_models_roles(schema: dict[str, Any]) -> None:
    assert schema["$defs"]["Role"]["enum"] == [*(r.value for r in models.Role), None]
