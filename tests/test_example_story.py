"""The example story end to end: the verdict of every quote, exit status 1, a valid report."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from jsonschema import Draft202012Validator

from tests.conftest import REPO
from verifier.cli import main

EXPECTED = [  # (first words, fidelity, attribution): one quote of each kind a desk meets
    ("100,000 people a year", "verbatim", "anonymous"),
    ("President Biden has made", "elided", "anonymous"),
    ("a key part of the implementation", "bracketed", "anonymous"),
    ("We're starting to see reductions in shipments", "altered", "anonymous"),
    ("This is such a complicated problem", "minor_edits", "anonymous"),
    ("Is there anything that China", "verbatim", "misattributed"),  # a reporter's question
    ("We expect Beijing to arrest", "not_found", "unknown"),
    ("the enduring architecture", "verbatim", "unattributed"),
    ("There are two kinds of countries", "verbatim", "indirect"),
    ("So a big ask of this trip", "verbatim", "anonymous"),
    ("We do not seek another war", "verbatim", "confirmed"),  # Kirby, another transcript
]


def test_example_story_verdicts_exit_status_and_schema(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["article", str(REPO / "examples/counternarcotics-story.md"), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert status == 1
    got = [(f["quote"]["text"], f["fidelity"], f["attribution"]) for f in report["findings"]]
    assert len(got) == len(EXPECTED)
    for (text, fidelity, attribution), (start, want_f, want_a) in zip(got, EXPECTED, strict=True):
        assert text.startswith(start)
        assert (fidelity, attribution) == (want_f, want_a), text
    schema = json.loads(
        resources.files("verifier").joinpath("data/report.schema.json").read_text("utf-8")
    )
    assert not list(Draft202012Validator(schema).iter_errors(report))
