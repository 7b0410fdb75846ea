"""quotecheck.yaml: every key checked with file and line, and its settings really used."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.samples import small_corpus, write_articles
from verifier.cli import main
from verifier.config import Config, load_config, parse_config
from verifier.engine.policy import Policy
from verifier.errors import ConfigError

# what the 0.93-scoring altered quote becomes when nothing below 0.97 counts as its source
STRICTER = ("not_found", "paraphrase")
ALTERED = "We're starting to see increases in seizures of precursors at some U.S. airports already"


def write(path: Path, text: str) -> Path:
    path.write_text(text, "utf-8")
    return path


def test_no_file_means_defaults(tmp_path: Path) -> None:
    assert load_config(cwd=tmp_path) == Config()


def test_all_keys_are_read_and_relative_paths_follow_the_file(tmp_path: Path) -> None:
    small_corpus(tmp_path)
    write(tmp_path / "people.yaml", "John Kirby: [Admiral Kirby, the spokesman]\n")
    cfg = load_config(write(tmp_path / "qc.yaml", (
        "corpus: corpus\nfail_on: warn\nspeakers: people.yaml\n"
        "thresholds:\n  not_found_below: 0.6\n  max_alternatives: 2\n"
    )))
    assert cfg.corpus == str((tmp_path / "corpus").resolve())
    assert cfg.fail_on == "warn"
    assert cfg.policy == Policy(not_found_below=0.6, max_alternatives=2)
    assert cfg.aliases is not None and cfg.aliases.lookup("the spokesman").name == "John Kirby"


def test_inline_speaker_aliases() -> None:
    cfg = parse_config("speakers:\n  Karine Jean-Pierre:\n    aliases: [KJP]\n", path="q.yaml")
    assert cfg.aliases is not None and cfg.aliases.lookup("kjp").name == "Karine Jean-Pierre"


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("corpus: .\nfailon: warn\n", 2, "unknown key 'failon'"),
        ("thresholds:\n  not_found_below: 0.5\n  not_found_abov: 0.4\n", 3,
         "unknown threshold 'not_found_abov'"),
        ("thresholds:\n  not_found_below: 1.5\n", 2, "'not_found_below' must be between 0 and 1"),
        ("thresholds:\n  max_alternatives: 2.5\n", 2, "'max_alternatives' must be a whole number"),
        ("thresholds:\n  paraphrase_below: high\n", 2, "'paraphrase_below' must be a number"),
        ("thresholds: 3\n", 1, "'thresholds' must be a mapping"),
        ("# settings\nfail_on: ok\n", 2, "'fail_on' must be one of warn, fail"),
        ("corpus: no/such/folder\n", 1, "corpus folder not found"),
        ("speakers: [a, b]\n", 1, "'speakers' must be a path"),
        ("speakers:\n  John Kirby: 3\n", 2, "bad entry for 'John Kirby'"),
        ("speakers: missing.yaml\n", 1, "cannot read speaker aliases"),
        ("- a list\n", 1, "must be a mapping"),
        ("fail_on: [warn\n", 2, "not valid YAML"),
    ],
)
def test_a_bad_key_or_value_names_the_key_file_and_line(
    tmp_path: Path, text: str, line: int, words: str
) -> None:
    path = write(tmp_path / "quotecheck.yaml", text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert info.value.path == str(path) and info.value.line == line
    assert words in str(info.value)
    assert str(info.value).startswith(f"{path}:{line}: ")


def test_missing_config_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "nope.yaml")


def test_cli_bad_config_is_one_line_and_exit_2(tmp_path: Path) -> None:
    path = write(tmp_path / "qc.yaml", "thresholds:\n  not_found_below: 7\n")
    result = subprocess.run(
        [sys.executable, "-m", "verifier", "check", ALTERED, "--config", str(path)],
        capture_output=True, text=True, cwd=REPO, timeout=120,
    )
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == f"quotecheck: {path}:2: threshold 'not_found_below' must be between 0 and 1\n"


def test_thresholds_change_the_verdict_of_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = small_corpus(tmp_path)
    args = ["check", ALTERED, "--corpus", str(corpus), "--format", "json"]
    main(args)
    assert json.loads(capsys.readouterr().out)["fidelity"] == "altered"
    strict = write(tmp_path / "strict.yaml", "thresholds:\n  not_found_below: 0.97\n")
    main([*args, "--config", str(strict)])
    assert json.loads(capsys.readouterr().out)["fidelity"] in STRICTER


def test_word_level_thresholds_reach_the_edit_classifier(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A dropped word is judged by the session's policy, not the default one: "of precursors"
    left out is wording by default, a lost clause when one dropped word is enough."""
    corpus = small_corpus(tmp_path)
    dropped = "We're starting to see reductions in seizures at some U.S. airports already"
    args = ["check", dropped, "--corpus", str(corpus), "--format", "json"]
    main(args)
    assert json.loads(capsys.readouterr().out)["fidelity"] == "minor_edits"
    strict = write(tmp_path / "strict.yaml", "thresholds:\n  dropped_words_altered: 1\n")
    main([*args, "--config", str(strict)])
    assert json.loads(capsys.readouterr().out)["fidelity"] == "altered"


def test_config_in_working_directory_sets_corpus_fail_on_and_thresholds(tmp_path: Path) -> None:
    small_corpus(tmp_path)
    articles = write_articles(tmp_path / "articles")

    def article(path: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "verifier", "article", str(path), "--format", "json"],
            capture_output=True, text=True, cwd=tmp_path, timeout=120,
            env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
        )

    write(tmp_path / "quotecheck.yaml", "corpus: corpus\nfail_on: warn\n")
    warn = article(articles["warn"])
    assert warn.returncode == 1, warn.stderr  # fail_on: warn from the config
    report = json.loads(warn.stdout)
    assert report["corpus"] == {"path": str((tmp_path / "corpus").resolve()), "transcripts": 1}
    write(tmp_path / "quotecheck.yaml", "corpus: corpus\nthresholds:\n  not_found_below: 0.97\n")
    fail = json.loads(article(articles["fail"]).stdout)
    assert [f["fidelity"] in STRICTER for f in fail["findings"]] == [True]


def test_command_line_beats_the_config(tmp_path: Path) -> None:
    small_corpus(tmp_path)
    articles = write_articles(tmp_path / "articles")
    cfg = write(tmp_path / "qc.yaml", "corpus: corpus\nfail_on: warn\n")
    assert main(["article", str(articles["warn"]), "--config", str(cfg), "--format", "json"]) == 1
    assert main(["article", str(articles["warn"]), "--config", str(cfg), "--fail-on", "fail",
                 "--format", "json"]) == 0


def test_batch_judges_with_the_config_policy(tmp_path: Path) -> None:
    corpus = small_corpus(tmp_path)
    articles = write_articles(tmp_path / "articles")
    out = tmp_path / "report.jsonl"
    cfg = write(tmp_path / "qc.yaml", "thresholds:\n  not_found_below: 0.97\nfail_on: warn\n")
    folder = str(articles["ok"].parent)
    assert main(["batch", folder, "--out", str(out), "--corpus", str(corpus), "--jobs", "2",
                 "--config", str(cfg)]) == 1
    verdicts = {Path(line["path"]).stem: line["findings"][0]["fidelity"]
                for line in map(json.loads, out.read_text("utf-8").splitlines())}
    assert verdicts["ok"] == verdicts["warn"] == "verbatim" and verdicts["fail"] in STRICTER


def test_config_speaker_aliases_decide_attribution(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A newsroom's own name for a speaker ('the NSC's envoy') counts once the config says so."""
    from tests.samples import small_corpus

    corpus = small_corpus(tmp_path)
    quote = "What's to stop them from instead of shipping directly to the U.S., shipping via third countries"
    args = ["check", quote, "--speaker", "our Reuters colleague", "--corpus", str(corpus), "--no-index",
            "--format", "json"]
    assert main(args) == 1  # nobody in the call is 'our Reuters colleague': no evidence either way
    assert json.loads(capsys.readouterr().out)["fidelity"] == "not_found"
    config = tmp_path / "quotecheck.yaml"
    config.write_text("speakers:\n  Christina Anderson: [our Reuters colleague]\n", "utf-8")
    assert main([*args, "--config", str(config)]) == 0
    assert json.loads(capsys.readouterr().out)["attribution"] == "confirmed"
