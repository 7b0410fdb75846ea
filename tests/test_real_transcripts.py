"""Transcripts as the public sites print them: real pages, saved byte-identical with their source.

Each row was labelled by hand from the page: the format it is, how many turns it
has, who speaks first, the date it prints, and one sentence copied from it that
``quotecheck check`` must find, verbatim, in the right speaker's words.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from verifier.models import Role
from verifier.transcripts.formats.dates import date_in_header
from verifier.transcripts.loader import load_transcript, parse_transcript
from verifier.transcripts.speakers import load_aliases

ROOT = Path(__file__).parent.parent
REAL = Path(__file__).parent / "data" / "transcripts" / "real"

# file, format, turns, first speaker's name, their title (None: none to give), date, quote, speaker
CASES = [
    ("state-dpb-kirby-2015-10-14.txt", "whitehouse", 13, "John Kirby",
     "State Department Spokesperson", "2015-10-14", "There does seem to be an echo.", "John Kirby"),
    ("state-dpb-kirby-2016-02-04.txt", "whitehouse", 2, "John Kirby",
     "State Department Spokesperson", "2016-02-04",
     "the crisis in Syria has shaken our conscience", "John Kirby"),
    ("state-dpb-kirby-2016-03-14-globalsecurity.txt", "whitehouse", 10, "John Kirby",
     "State Department Spokesperson", "2016-03-14", "No, no, I lost an hour too.", "John Kirby"),
    ("app-earnest-press-briefing-2015-12-11.txt", "whitehouse", 1, "Josh Earnest",
     "White House Press Secretary", "2015-12-11", "It's nice to see you all. Happy Friday.",
     "Josh Earnest"),
    ("app-mccurry-press-briefing-1995-06-28.txt", "whitehouse", 6, "Mike McCurry",
     "White House Press Secretary", "1995-06-28",
     "The President is very concerned about ensuring that we have adequate security at "
     "federal facilities", "Mike McCurry"),
    ("app-trump-abe-news-conference-2018-04-18.txt", "presidency", 1, "Donald Trump", "President",
     "2018-04-18", "For decades, Barbara was a titan in American life.", "Donald Trump"),
    ("gpo-wcpd-presidents-news-conference-2008-02-28.txt", "presidency", 1, "George W. Bush",
     "President", "2008-02-28", "Allowing these lawsuits to proceed would be unfair.",
     "George W. Bush"),
    ("reagan-remarks-soviet-exchange-students-1987-10-16.txt", "presidency", 7, None, None, None,
     "I have great confidence in the medical personnel who are in charge of this case.", None),
    ("rev-biden-roundtable-florida-2020-05-07.txt", "timestamped", 2, "Joe Biden", None,
     "2020-05-07", "The ACA is what has been very good for us.", "Joe Biden"),
    ("rev-pelosi-weekly-news-conference-2022-04-28.txt", "timestamped", 4, "Nancy Pelosi",
     "House Speaker", "2022-04-28", "We call it the Putin price hike", "Nancy Pelosi"),
    ("rev-biden-remarks-before-holidays-2020-12-22.txt", "timestamped", 2, "Joe Biden", None,
     "2020-12-22", "Over 320,000 lives lost to this virus.", "Joe Biden"),
    ("factbase-trump-press-gaggle-court-2023-10-25.txt", "segments", 1, None, None, "2023-10-25",
     "what do you think of the testimony of Michael Cohen so far?", None),
    ("plain-historymusings-trump-press-conference-2017-08-15.txt", "plain", 3, None, None,
     "2017-08-15", "It took 11 months to build the Empire State Building.", "Donald Trump"),
    ("plain-grabien-biden-three-reasons.txt", "plain", 2, None, None, None,
     "to restore the soul of the country", None),
    ("plain-conferencevault-obama-midterm-press-conference.txt", "plain", 2, None, None,
     "2019-11-14", "They expect the people they elect to work as hard as they do.", None),
    ("wsj-potomac-watch-video-captions-2021-01-07.vtt", "webvtt", 10, None, None, None,
     "All I can say is count me out, enough is enough.", None),
]


def test_every_sample_has_its_source() -> None:
    samples = [p for p in REAL.iterdir() if not p.name.endswith(".source.yaml")]
    assert len(samples) == len(CASES)
    for path in samples:
        side = yaml.safe_load(path.with_name(path.stem + ".source.yaml").read_text("utf-8"))
        assert side["url"].startswith("http") and side["retrieved"] and side["published"]


@pytest.mark.parametrize(("name", "fmt", "turns", "who", "title", "date", "quote", "speaker"), CASES)
def test_real_sample_parses_and_its_quote_is_found(
    name: str, fmt: str, turns: int, who: str | None, title: str | None, date: str | None,
    quote: str, speaker: str | None,
) -> None:
    t = load_transcript(REAL / name)
    assert t.format == fmt
    assert len(t.turns) == turns
    assert t.date == date
    if date is not None:
        assert str(t.metadata["date_source"]).startswith("header line")
    first = t.turns[0].speaker
    assert first.name == who
    assert first.title == title
    # the header (site furniture, title, date) is never a turn of its own
    assert all(turn.speaker.label for turn in t.turns) or fmt in ("webvtt", "plain")
    args = [sys.executable, "-m", "verifier", "check", quote, "--transcript", str(REAL / name),
            "--format", "json"]
    if speaker:
        args += ["--speaker", speaker]
    out = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=False)
    finding = json.loads(out.stdout)
    assert finding["fidelity"] == "verbatim", finding["reasons"]
    if speaker:
        assert finding["attribution"] == "confirmed"
        assert finding["match"]["speaker"]["name"] == speaker
    text = (REAL / name).read_text("utf-8")
    assert text[finding["match"]["start"] : finding["match"]["end"]].rstrip(".?") in text


@pytest.mark.xfail(strict=True, reason="the page's first dateline is the site's own sidebar date")
def test_a_sidebar_date_is_not_the_event_date() -> None:
    t = load_transcript(REAL / "plain-conferencevault-obama-midterm-press-conference.txt")
    assert t.date == "2014-11-05"


def test_show_prints_where_the_date_came_from() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "verifier", "show", str(REAL / "state-dpb-kirby-2016-02-04.txt")],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout
    assert "date 2016-02-04" in out
    assert "date from header line 12: 'February 4, 2016'" in out


def test_kirby_is_titled_by_the_briefing_date() -> None:
    text = (REAL / "state-dpb-kirby-2016-02-04.txt").read_text("utf-8")
    in_2016 = parse_transcript(text)
    assert in_2016.turns[0].speaker.title == "State Department Spokesperson"
    in_2023 = parse_transcript(text.replace("February 4, 2016", "March 3, 2023"))
    assert in_2023.turns[0].speaker.title == "NSC Coordinator for Strategic Communications"
    undated = parse_transcript(text.replace("February 4, 2016", "someday"))
    assert undated.date is None
    assert undated.turns[0].speaker.name == "John Kirby"
    assert undated.turns[0].speaker.title is None


def test_a_label_without_a_date_gets_the_person_and_no_title() -> None:
    kirby = load_aliases(None).lookup("MR KIRBY")
    assert kirby is not None and kirby.name == "John Kirby"
    assert kirby.title_on(None) is None
    assert kirby.title_on("2016-02-04") == "State Department Spokesperson"


def test_roll_call_panels_and_sentiment_labels_are_not_words_or_speakers() -> None:
    t = load_transcript(REAL / "factbase-trump-press-gaggle-court-2023-10-25.txt")
    turn = t.turns[0]
    assert turn.speaker.label == "Question" and turn.speaker.role is Role.REPORTER
    said = " ".join(p.of(t.text) for p in turn.paragraphs)
    assert said == "Mr. President, what do you think of the testimony of Michael Cohen so far?"
    assert t.metadata["participants"] == ["Donald Trump", "Question"]
    assert (turn.start_time, turn.end_time) == ("00:00:00", "00:00:03")


def test_rev_header_is_metadata_and_titles_the_transcript() -> None:
    t = load_transcript(REAL / "rev-pelosi-weekly-news-conference-2022-04-28.txt")
    assert t.title == "House Speaker Nancy Pelosi holds her weekly news conference 4/28/22 Transcript"
    assert t.metadata["header"][0] == "Apr 28, 2022"
    assert t.turns[0].span.start == t.text.index("Nancy Pelosi: (00:00)")


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Remarks\nAugust 18, 2016\n", "2016-08-18"),
        ("Jan 22, 2021\n\nTitle", "2021-01-22"),
        ("Posted 5/17/24 by the desk\n", "2024-05-17"),
        ("[Volume 44 (Monday, March 3, 2008)]\n\nFebruary 28, 2008\n", "2008-02-28"),
        ("no date here, only 13/45/99 and February 30, 2020", None),
    ],
)
def test_dates_from_the_header(text: str, iso: str | None) -> None:
    found = date_in_header(text)
    assert (found.iso if found else None) == iso


def test_corpus_reports_speakers_and_dates_per_format() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "verifier", "corpus", str(REAL)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout
    rows = {line.split()[0]: line.split() for line in out.splitlines() if " files " in line}
    # hand count: the three Rev pages have 8 turns, all named, all dated in their headers
    assert rows["timestamped"][1:8] == ["3", "files", "8", "turns", "100%", "resolved", "3"]
    # the Reagan page prints no date, so its three THE PRESIDENT turns cannot be named
    assert rows["presidency"][1:8] == ["3", "files", "9", "turns", "56%", "resolved", "2"]
