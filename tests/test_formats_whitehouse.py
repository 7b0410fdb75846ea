"""White House briefing-room pages: gaggles, background calls, remarks and the archive's variants."""

from __future__ import annotations

from pathlib import Path

import pytest

from verifier.models import NO_SPEAKER, Role
from verifier.transcripts.formats import detect
from verifier.transcripts.loader import load_transcript, parse_transcript

DATA = Path(__file__).parent / "data" / "transcripts"


def said(transcript, i):  # type: ignore[no-untyped-def]
    return [p.of(transcript.text) for p in transcript.turns[i].paragraphs]


def test_gaggle_labels_time_stamps_and_page_furniture_are_not_words() -> None:
    t = load_transcript(DATA / "gaggle.md")
    assert t.format == "whitehouse"
    words = " ".join(p.of(t.text) for turn in t.turns for p in turn.paragraphs)
    for unsaid in ("11:35", "END", "###", "MS. JEAN-PIERRE", "Laughter", "Aboard Air Force One"):
        assert unsaid not in words
    assert t.metadata["times"] == ["11:35 A.M. EST", "END 12:01 P.M. EST"]
    assert t.metadata["header"] == ["Aboard Air Force One En Route Las Vegas, Nevada"]
    assert said(t, 0) == ["Hello.  Okay, I have a couple of things.", "Go ahead, Zeke."]


def test_label_on_a_line_after_a_hard_break_opens_a_turn() -> None:
    t = load_transcript(DATA / "gaggle.md")
    labels = [turn.speaker.label for turn in t.turns]
    assert labels[3:5] == ["MR. KIRBY", "Q"]  # "Q:" right under Kirby's line, no blank line
    assert said(t, 4) == ["Is a pause coming?"]


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Q    Thanks.", "Q"),
        ("Q:  Thanks.", "Q"),
        ("Q  Thanks.", "Q"),
        ("Q\u00a0\u00a0\u00a0 Thanks.", "Q"),
        ("THE PRESIDENT:  Thanks.", "THE PRESIDENT"),
        ("PRESIDENT BIDEN:\u00a0 Thanks.", "PRESIDENT BIDEN"),
        ("MR. JEAN-PIERRE:  Thanks.", "MR. JEAN-PIERRE"),
        ("AIDE:  Thanks.", "AIDE"),
        ("SENIOR ADMINISTRATION OFFICIAL:  Thanks.", "SENIOR ADMINISTRATION OFFICIAL"),
        ("MR. KIRBY.\u00a0 Thanks.", "MR. KIRBY"),  # the 2022-08-04 briefing: a period for the colon
        ("MR.\u00a0 SULLIVAN:\u00a0 Thanks.", "MR. SULLIVAN"),  # the 2021-08-17 briefing: a no-break space
    ],
)
def test_archive_label_variants(line: str, label: str) -> None:
    text = f"---\ntitle: A briefing\ndate: '2023-05-01'\n---\n\n{line}\n"
    t = parse_transcript(text, format="whitehouse")
    assert t.turns[0].speaker.label == label
    assert t.turns[0].paragraphs[0].of(text) == "Thanks."


def test_remarks_with_a_foreign_leader_as_interpreted() -> None:
    t = load_transcript(DATA / "remarks.md")
    yoon = t.turns[1]
    assert yoon.speaker.label == "PRESIDENT YOON"
    assert [p.of(t.text) for p in yoon.paragraphs] == ["Thank you, President Biden."]
    assert t.turns[0].speaker.name == "Joe Biden"
    assert t.turns[2].speaker.name == "Joe Biden"  # THE PRESIDENT on a 2023 date
    assert t.turns[4].speaker.role is Role.OTHER  # AIDE
    assert t.turns[5].speaker.name == "Jill Biden"


def test_background_call_keeps_officials_anonymous_and_names_questioners() -> None:
    t = load_transcript(DATA / "background.md")
    roles = [turn.speaker.role for turn in t.turns]
    assert roles == [Role.MODERATOR, Role.REPORTER, Role.ANONYMOUS, Role.MODERATOR,
                     Role.REPORTER, Role.ANONYMOUS]
    assert (t.turns[1].speaker.name, t.turns[1].speaker.affiliation) == (
        "Cate Cadell", "Washington Post")
    assert t.turns[4].speaker.name == "Christina Anderson"
    assert t.metadata["header"] == ["Via Teleconference"]


def test_a_sentence_opening_with_an_honorific_is_not_a_label() -> None:
    text = "---\ntitle: A briefing\ndate: '2023-05-01'\n---\n\nMS. PSAKI:  Hi.\n\nMr. Kirby. He is here.\n"
    t = parse_transcript(text, format="whitehouse")
    assert [turn.speaker.label for turn in t.turns] == ["MS. PSAKI"]


def test_page_without_labels_is_one_speakerless_turn() -> None:
    text = "---\ntitle: Remarks as Prepared\ndate: '2022-01-01'\n---\n\nMy fellow Americans.\n\nGo.\n"
    t = parse_transcript(text)
    assert len(t.turns) == 1 and t.turns[0].speaker == NO_SPEAKER
    assert not t.has_speakers


def test_bundled_corpus_is_detected_as_whitehouse() -> None:
    path = Path(__file__).parents[1] / "corpus"
    for f in [f for f in sorted(path.rglob("*.md")) if f.name != "README.md"][:10]:
        assert detect(f.read_text("utf-8"), str(f)).name == "whitehouse"
