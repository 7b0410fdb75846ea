"""The quotecheck command: output, exit codes, and one clear line for bad input."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CALL
from verifier.cli import build_parser, main

SEIZURES = "We're starting to see reductions in seizures of precursors at some U.S. airports already"
SAO = "a senior administration official"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "verifier", *args], capture_output=True, text=True, timeout=120
    )


def test_check_verbatim_text_report_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["check", SEIZURES, "--speaker", SAO, "--transcript", str(CALL)])
    out = capsys.readouterr().out
    assert status == 0
    assert "verbatim / anonymous" in out
    assert "Background Press Call on the Counternarcotics Working Group Trip to Beijing" in out
    assert "SENIOR ADMINISTRATION OFFICIAL" in out
    assert "\x1b[" not in out  # not a terminal: plain text


def test_check_json_is_one_finding(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["check", SEIZURES.replace("seizures", "shipments"), "--speaker", SAO,
                   "--transcript", str(CALL), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert status == 1
    assert data["fidelity"] == "altered" and data["severity"] == "fail"
    assert data["match"]["speaker"]["label"] == "SENIOR ADMINISTRATION OFFICIAL"
    assert {"quote", "fidelity", "attribution", "severity", "score", "match", "edits", "reasons",
            "alternatives"} <= set(data)
    assert any(e["op"] == "delete" and e["quote_text"] == "shipments" for e in data["edits"])


def test_fail_on_warn_turns_a_warning_into_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["check", SEIZURES, "--transcript", str(CALL)]  # unattributed: warn
    assert main(args) == 0
    assert main([*args, "--fail-on", "warn"]) == 1


def test_every_command_has_help_with_an_example() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, p in sub.choices.items():
        text = p.format_help()
        assert "example" in text.lower(), name


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "not found"),
        (b"", "empty"),
        (b"\x00\x01\x02binary", "binary"),
        (b"---\ntitle: x\n---\nMR. KIRBY: caf\xe9 au lait\n", "not valid UTF-8"),
        (b"---\ntitle: [unclosed\ndate: 2024-01-01\n---\nMR. KIRBY: hello there\n", "malformed front matter"),
        (b"---\ntitle: A statement\n---\nThe President signed the bill today.\n", "no speaker turns"),
    ],
)
def test_bad_transcript_is_one_clear_line_and_exit_2(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "bad.md"
    if content is not None:
        path.write_bytes(content)
    before = path.read_bytes() if content is not None else None
    result = run("check", "hello there", "--transcript", str(path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and message in lines[0], result.stderr
    assert "Traceback" not in result.stderr
    if before is not None:
        assert path.read_bytes() == before


def test_bad_front_matter_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text("---\ntitle: ok\ndate: [2024\n---\nQ  Hello?\n", encoding="utf-8")
    result = run("check", "hello", "--transcript", str(path))
    assert result.returncode == 2
    assert f"{path}:" in result.stderr and "malformed front matter" in result.stderr


def test_missing_corpus_and_usage_errors_exit_2(tmp_path: Path) -> None:
    result = run("check", "hello", "--corpus", str(tmp_path / "nope"))
    assert result.returncode == 2 and "corpus not found" in result.stderr
    result = run("check")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_corpus_folder_with_a_bad_file_warns_and_goes_on(tmp_path: Path) -> None:
    shutil.copy(CALL, tmp_path / CALL.name)
    (tmp_path / "broken.md").write_bytes(b"---\ntitle: [x\n---\nQ  hi\n")
    result = run("check", SEIZURES, "--speaker", SAO, "--corpus", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "broken.md" in result.stderr and "verbatim" in result.stdout


@pytest.mark.parametrize("quote", ["", "   ", " ... ", "\u201c\u201d"])
def test_a_quote_with_no_words_is_a_usage_error(quote: str) -> None:
    result = run("check", quote, "--transcript", str(CALL))
    assert result.returncode == 2
    assert "no words" in result.stderr and "Traceback" not in result.stderr
