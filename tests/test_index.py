"""The persistent index: same answers as in memory, incremental updates, crash safety, filters."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from verifier.cli import main
from verifier.corpus.filters import DocFilter, allowed_mask, filtered
from verifier.corpus.index import IndexedCorpus, build_index, check_freshness, default_index_path
from verifier.corpus.memory import BUNDLED_CORPUS, Corpus
from verifier.models import Quote
from verifier.report.render import finding_to_dict
from verifier.session import verify_quote

REPO = Path(__file__).resolve().parent.parent
SMALL = sorted((BUNDLED_CORPUS / "speeches-remarks" / "2023-12").glob("*.md"))[:6]


def sample_quotes(corpus: Corpus, n: int, seed: int) -> list[str]:
    """Passages of the corpus, some edited the way articles edit them."""
    rng = random.Random(seed)
    out: list[str] = []
    while len(out) < n:
        d = rng.randrange(len(corpus))
        toks, text = corpus.tokens(d), corpus.transcript(d).text
        if len(toks.norms) < 60:
            continue
        size = rng.choice([3, 6, 10, 16, 24])
        i = rng.randrange(len(toks.norms) - size - 20)
        quote = text[toks.starts[i] : toks.ends[i + size - 1]]
        kind = rng.randrange(4)
        words = quote.split()
        if kind == 1 and len(words) > 4:
            del words[rng.randrange(len(words))]
            quote = " ".join(words)
        elif kind == 2:
            j = i + size + rng.randrange(3, 15)
            quote += " ... " + text[toks.starts[j] : toks.ends[min(j + 5, len(toks.norms) - 1)]]
        elif kind == 3:
            quote = quote.upper().replace(",", "")
        out.append(quote)
    return out


def findings(space: object, quotes: list[str]) -> list[dict[str, object]]:
    return [finding_to_dict(verify_quote(Quote.typed(q), space)) for q in quotes]  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def bundled_index(tmp_path_factory: pytest.TempPathFactory) -> IndexedCorpus:
    path = tmp_path_factory.mktemp("index") / "bundled.sqlite"
    build_index(BUNDLED_CORPUS, path)
    return IndexedCorpus(path, root=BUNDLED_CORPUS)


@pytest.fixture()
def small_dir(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    for p in SMALL:
        shutil.copy(p, root / p.name)
    return root


def test_bundled_corpus_same_findings_with_and_without_index(
    bundled_corpus: Corpus, bundled_index: IndexedCorpus
) -> None:
    assert len(bundled_index) == len(bundled_corpus)
    for d in range(0, len(bundled_corpus), 37):
        assert bundled_index.transcript(d) == bundled_corpus.transcript(d)
        assert bundled_index.tokens(d) == bundled_corpus.tokens(d)
        assert bundled_index.doc_base(d) == bundled_corpus.doc_base(d)
    quotes = sample_quotes(bundled_corpus, 60, seed=11)
    quotes += ["we are going to continue to do that", "not a word of this was ever said by anyone"]
    assert findings(bundled_index, quotes) == findings(bundled_corpus, quotes)


def test_counts_and_hits_match_memory(bundled_corpus: Corpus, bundled_index: IndexedCorpus) -> None:
    for gram in [("the",), ("fentanyl",), ("working", "group"), ("of", "the"), ("zzzz",)]:
        assert bundled_index.count(gram) == bundled_corpus.count(gram)
        assert np.array_equal(bundled_index.hits(gram), bundled_corpus.hits(gram))


def test_hits_many_answers_as_hits(bundled_corpus: Corpus, bundled_index: IndexedCorpus) -> None:
    grams = [("the",), ("zzzz",), ("working", "group"), ("the",), ("of", "the"), ("zzzz", "the")]
    for gram, got in zip(grams, bundled_index.hits_many(grams), strict=True):
        assert np.array_equal(np.sort(got), bundled_corpus.hits(gram))


def test_incremental_update_adds_changes_and_deletes(small_dir: Path) -> None:
    first = build_index(small_dir)
    assert first.mode == "full" and first.transcripts == len(SMALL)
    assert build_index(small_dir).mode == "unchanged"
    victim, edited = sorted(small_dir.glob("*.md"))[:2]
    victim.unlink()
    text = edited.read_text()
    edited.write_text(text.replace("the ", "the quite remarkable ", 3))
    shutil.copy(
        BUNDLED_CORPUS / "2024-01-28-background-press-call-counternarcotics-working-group-beijing.md",
        small_dir / "added.md",
    )
    assert not check_freshness(small_dir, default_index_path(small_dir)).fresh
    stats = build_index(small_dir)
    assert (stats.mode, stats.added, stats.changed, stats.deleted, stats.parsed) == (
        "incremental",
        1,
        1,
        1,
        2,
    )
    assert check_freshness(small_dir, default_index_path(small_dir)).fresh
    indexed = IndexedCorpus(default_index_path(small_dir))
    memory = Corpus.from_path(small_dir)
    assert [indexed.transcript(d).id for d in range(len(indexed))] == [t.id for t in memory.transcripts]
    quotes = sample_quotes(memory, 25, seed=5) + ["the quite remarkable"]
    assert findings(indexed, quotes) == findings(memory, quotes)
    for gram in [("the",), ("the", "quite"), ("fentanyl",)]:
        assert indexed.count(gram) == memory.count(gram)
        assert np.array_equal(indexed.hits(gram), memory.hits(gram))
    # A full rebuild gives the very same answers as the updated index.
    full = build_index(small_dir, small_dir / "full.sqlite", full=True)
    assert full.mode == "full"
    assert findings(IndexedCorpus(small_dir / "full.sqlite", root=small_dir), quotes) == findings(
        memory, quotes
    )


def test_duplicate_becomes_the_kept_copy_when_the_first_is_deleted(small_dir: Path) -> None:
    first = sorted(small_dir.glob("*.md"))[0]
    shutil.copy(first, small_dir / "zz-copy.md")
    build_index(small_dir)
    assert len(IndexedCorpus(default_index_path(small_dir))) == len(SMALL)
    first.unlink()
    build_index(small_dir)
    indexed = IndexedCorpus(default_index_path(small_dir))
    memory = Corpus.from_path(small_dir)
    assert [indexed.transcript(d).id for d in range(len(indexed))] == [t.id for t in memory.transcripts]


def test_reader_keeps_its_snapshot_while_the_index_is_updated(small_dir: Path) -> None:
    build_index(small_dir)
    reader = IndexedCorpus(default_index_path(small_dir))
    before = findings(reader, sample_quotes(reader, 8, seed=2))  # type: ignore[arg-type]
    n = len(reader)
    sorted(small_dir.glob("*.md"))[0].unlink()
    build_index(small_dir)
    assert len(reader) == n
    assert findings(reader, sample_quotes(reader, 8, seed=2)) == before  # type: ignore[arg-type]
    assert len(IndexedCorpus(default_index_path(small_dir))) == n - 1


def test_killed_build_leaves_the_previous_index_usable(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    shutil.copytree(BUNDLED_CORPUS / "speeches-remarks", root)
    build_index(root)
    index = default_index_path(root)
    quote = sample_quotes(Corpus.from_path(root), 1, seed=3)[0]
    expected = findings(IndexedCorpus(index), [quote])
    stamp = index.stat().st_mtime_ns
    proc = subprocess.Popen(
        [sys.executable, "-m", "verifier", "index", str(root), "--full", "--quiet", "--workers", "1"],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    tmp = index.with_name(f"{index.name}.tmp-{proc.pid}")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (tmp.exists() and tmp.stat().st_size > 0):
        time.sleep(0.02)
    time.sleep(0.3)
    assert proc.poll() is None, "the build finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert index.stat().st_mtime_ns == stamp
    assert findings(IndexedCorpus(index), [quote]) == expected
    assert check_freshness(root, index).fresh
    build_index(root)  # the next build clears what the killed one left
    assert not tmp.exists()


def test_filters_by_date_speaker_and_id(bundled_index: IndexedCorpus, bundled_corpus: Corpus) -> None:
    flt = DocFilter(date_from="2024-01", date_to="2024-01-31", speaker="Kirby")
    mask = allowed_mask(bundled_index, flt)
    assert mask is not None and mask.any() and not mask.all()
    assert np.array_equal(mask, allowed_mask(bundled_corpus, flt))
    for d in np.flatnonzero(mask).tolist():
        t = bundled_index.transcript(d)
        assert t.date is not None and "2024-01" <= t.date <= "2024-01-31"
        assert any("kirby" in (x.speaker.name or x.speaker.label).lower() for x in t.turns)
    call = "2024-01-28-background-press-call-counternarcotics-working-group-beijing"
    quote = Quote.typed("We're starting to see reductions in seizures of precursors at some U.S. airports")
    only = filtered(bundled_index, DocFilter(transcript_ids=(call,)))
    assert verify_quote(quote, only).match.transcript.id == call  # type: ignore[union-attr]
    elsewhere = filtered(bundled_index, DocFilter(date_to="2023-12"))
    assert verify_quote(quote, elsewhere).match is None
    with pytest.raises(Exception, match="bad date"):
        DocFilter(date_from="January")


def test_cli_index_then_check_uses_it(small_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", str(small_dir), "--quiet"]) == 0
    assert "indexed 6 transcripts" in capsys.readouterr().out
    assert default_index_path(small_dir).is_file()
    memory = Corpus.from_path(small_dir)
    quote = sample_quotes(memory, 1, seed=9)[0]
    main(["check", quote, "--corpus", str(small_dir), "--format", "json"])
    with_index = capsys.readouterr()
    main(["check", quote, "--corpus", str(small_dir), "--format", "json", "--no-index"])
    without = capsys.readouterr()
    assert with_index.out == without.out
    assert "index" not in with_index.err


def test_article_date_ranks_the_nearest_earlier_transcript_first(tmp_path: Path) -> None:
    source = SMALL[0].read_text()
    root = tmp_path / "corpus"
    root.mkdir()
    for day in ("2023-12-02", "2024-03-05", "2024-06-01"):
        text = source.replace("date: '2023-12-02'", f"date: '{day}'")
        (root / f"{day}.md").write_text(text + f"\nTHE VICE PRESIDENT: Said again on {day}.\n")
    build_index(root)
    corpus = IndexedCorpus(default_index_path(root))
    memory = Corpus.from_path(root)
    quote = Quote.typed(sample_quotes(memory, 1, seed=4)[0])

    def where(space: object, near: str | None) -> str | None:
        m = verify_quote(quote, space, near_date=near).match  # type: ignore[arg-type]
        return m.transcript.date if m else None

    assert where(corpus, None) == "2023-12-02"  # the first time it was said
    assert where(corpus, "2024-04-01") == "2024-03-05"  # the latest before the article
    assert where(corpus, "2024-06-02") == "2024-06-01"
    assert where(corpus, "2023-01-01") == "2023-12-02"  # all later: the nearest
    assert where(memory, "2024-04-01") == "2024-03-05"


def test_index_keeps_the_corpus_aliases_while_speakers_yaml_is_unchanged(tmp_path: Path) -> None:
    from verifier.session import own_aliases
    from verifier.transcripts.speakers import ALIAS_FILE, load_aliases

    root = tmp_path / "corpus"
    root.mkdir()
    for p in SMALL:
        shutil.copy(p, root / p.name)
    shutil.copy(BUNDLED_CORPUS / ALIAS_FILE, root / ALIAS_FILE)
    build_index(root)
    index = IndexedCorpus(default_index_path(root), root=root)
    stored = index.own_aliases()
    assert stored is not None and stored == load_aliases(root)
    assert own_aliases(filtered(index, DocFilter(date_from="2023"))) == stored
    aliases = root / ALIAS_FILE
    aliases.write_text(aliases.read_text("utf-8") + "\nZelda Quokka: [MS. QUOKKA]\n", "utf-8")
    assert index.own_aliases() is None  # changed since the build: the file itself is read
    assert own_aliases(index).lookup("MS. QUOKKA") is not None
