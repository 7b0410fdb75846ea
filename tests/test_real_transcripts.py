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

from verifier.corpus.files import speaker_resolved
from verifier.corpus.memory import Corpus
from verifier.models import Attribution, Fidelity, Quote, Role
from verifier.session import verify_quote
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
    ("plain-historymusings-trump-press-conference-2017-08-15.txt", "plain", 2,
     "Donald Trump", "President",
     "2017-08-15", "It took 11 months to build the Empire State Building.", "Donald Trump"),
    ("plain-grabien-biden-three-reasons.txt", "plain", 1, None, None, None,
     "to restore the soul of the country", None),
    # the page's only date is its news feed's, so the press conference stays undated
    ("plain-conferencevault-obama-midterm-press-conference.txt", "plain", 1, None, None,
     None, "They expect the people they elect to work as hard as they do.", None),
    ("wsj-potomac-watch-video-captions-2021-01-07.vtt", "webvtt", 10, None, None, None,
     "All I can say is count me out, enough is enough.", None),
    # Factba.se and Roll Call: "Leans Positive" / "Unknown" are sentiments, the words come
    # in quotes with a sentence number after them; one speaker's segments are one turn
    ("factbase-biden-senators-infrastructure-2021-02-11.txt", "segments", 5, "Joe Biden",
     "President", "2021-02-11", "The highest point of land in Delaware is a bridge, for the record.",
     "Tom Carper"),
    ("rollcall-jean-pierre-press-briefing-2023-05-02.txt", "segments", 3, "Karine Jean-Pierre",
     "White House Press Secretary", "2023-05-02",
     "The updated projection should be a wake-up call to Congress.", "Karine Jean-Pierre"),
    # Rev posts the day after: the title's "August 17, 2022" is the briefing, not "Aug 18, 2022"
    ("rev-price-state-department-briefing-2022-08-17.txt", "timestamped", 5, "Ned Price",
     "State Department Spokesperson", "2022-08-17",
     "the Department of State is pleased to announce the new Colin Powell Leadership Program",
     "Ned Price"),
    ("acquired-sorkin-productivity-interview.txt", "timestamped", 4, "David", None, None,
     "We're dying just making one show.", "David"),
    # the quote runs across a bare "(00:20):" stamp, which is not a word
    ("iheart-building-the-good-life-sorkin-2022-01-14.txt", "timestamped", 1, None, None,
     "2022-01-14", "it never came easy. Ever, it didn't just happen.", None),
    ("spreaker-krc-morning-show-powers.vtt", "webvtt", 3, None, None, None,
     "Thank you, Brian. It's a pleasure to be here this morning.", None),
    # "The President:" on a line of its own heads the first cue; the clip's name has the date
    ("commons-obama-weekly-address-2009-11-07.srt", "srt", 1, "Barack Obama", "President",
     "2009-11-07", "It's an act of violence that would have been heartbreaking had it occurred "
     "anyplace in America.", "Barack Obama"),
    # no date on the page, so THE PRESIDENT stays unnamed rather than guessed
    ("commons-obama-state-dinner-cameron.srt", "srt", 1, None, None, None,
     "Michelle and I could not be more honored that you could join us", None),
    # YouTube's rolling auto-captions, stored with their line breaks lost: each word once
    ("archive-dctv-community-media-roundtable-autocaptions.vtt", "webvtt", 1, None, None, None,
     "good afternoon and my name is Antoine Haywood DCTV the public access corporation", None),
    # the clip's name dates it as the White House did: "West Wing Week 2-28-14"
    ("commons-west-wing-week-2014-02-28.srt", "srt", 2, "Amy Poehler", None, "2014-02-28",
     "your guide to everything that's happening at 1600 Pennsylvania Avenue and beyond.", None),
    # the stored page prints no date: Jean-Pierre, who held two offices, gets no title
    ("whitehouse-gov-jean-pierre-kirby-briefing-2023-04-20.txt", "whitehouse", 3,
     "Karine Jean-Pierre", None, None,
     "That is why we continue to call on the world’s largest economies", "Karine Jean-Pierre"),
    # a State Department mailing with one turn a line and no blank lines between them
    ("agenparl-state-dpb-price-2022-10-11.txt", "whitehouse", 6, "Ned Price",
     "State Department Spokesperson", "2022-10-11", "Let the transcript reflect the applause.",
     "Ned Price"),
    # plain pages: the title, date and "TRANSCRIPT" lines above the first label are the header
    ("usembassy-blinken-goldberg-atlantic-festival-2023-09-28.txt", "plain", 7,
     "Jeffrey Goldberg", None,
     "2023-09-28", "Jeff, I don’t think we’re in a new Cold War, but we are in a new era.",
     "Antony Blinken"),
    ("dailymotion-miller-state-briefing-video-transcript.txt", "plain", 1, None, None, None,
     "At the risk of disappointing everyone, I don't have any opening comments.", None),
    ("pbs-tavis-smiley-andrew-ross-sorkin.txt", "plain", 4, "Tavis", None, None,
     "I think he’s going to lay out a plan around how to spur business investment",
     "Andrew Ross Sorkin"),
]

# Every label in a sample and who a reader of the page takes it for: (name, role).
# A role of None is not asserted (a podcast host's first name says nothing of a role).
WHO = {
    "factbase-biden-senators-infrastructure-2021-02-11.txt": {
        "Joe Biden": ("Joe Biden", Role.OFFICIAL), "Tom Carper": ("Tom Carper", Role.OFFICIAL)},
    "rollcall-jean-pierre-press-briefing-2023-05-02.txt": {
        "Karine Jean-Pierre": ("Karine Jean-Pierre", Role.OFFICIAL),
        "Question": (None, Role.REPORTER)},
    "rev-price-state-department-briefing-2022-08-17.txt": {
        "Ned Price": ("Ned Price", Role.OFFICIAL), "Speaker 1": (None, Role.UNKNOWN)},
    "acquired-sorkin-productivity-interview.txt": {"David": ("David", None), "Ben": ("Ben", None)},
    "iheart-building-the-good-life-sorkin-2022-01-14.txt": {"Speaker 1": (None, Role.UNKNOWN)},
    "spreaker-krc-morning-show-powers.vtt": {
        "Speaker 1": (None, Role.UNKNOWN), "Speaker 2": (None, Role.UNKNOWN)},
    "commons-obama-weekly-address-2009-11-07.srt": {
        "The President": ("Barack Obama", Role.OFFICIAL)},
    "commons-obama-state-dinner-cameron.srt": {"The President": (None, Role.OFFICIAL)},
    "archive-dctv-community-media-roundtable-autocaptions.vtt": {"": (None, Role.UNKNOWN)},
    "commons-west-wing-week-2014-02-28.srt": {
        "Amy Poehler": ("Amy Poehler", None), "Narrator": (None, Role.OTHER)},
    "whitehouse-gov-jean-pierre-kirby-briefing-2023-04-20.txt": {
        "MS. JEAN-PIERRE": ("Karine Jean-Pierre", Role.OFFICIAL), "Q": (None, Role.REPORTER)},
    "agenparl-state-dpb-price-2022-10-11.txt": {
        "MR PRICE": ("Ned Price", Role.OFFICIAL), "QUESTION": (None, Role.REPORTER)},
    "usembassy-blinken-goldberg-atlantic-festival-2023-09-28.txt": {
        "MR GOLDBERG": ("Jeffrey Goldberg", Role.REPORTER),
        "SECRETARY BLINKEN": ("Antony Blinken", Role.OFFICIAL)},
    "dailymotion-miller-state-briefing-video-transcript.txt": {"": (None, Role.UNKNOWN)},
    "pbs-tavis-smiley-andrew-ross-sorkin.txt": {
        "Tavis": ("Tavis", None),
        "Andrew Ross Sorkin": ("Andrew Ross Sorkin", Role.REPORTER),
        "Sorkin": ("Andrew Ross Sorkin", Role.REPORTER)},
}


def test_every_sample_has_its_source() -> None:
    samples = [p for p in REAL.iterdir() if not p.name.endswith(".source.yaml")]
    assert sorted(p.name for p in samples) == sorted(c[0] for c in CASES)
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
    assert all(turn.speaker.label for turn in t.turns) or fmt in ("webvtt", "srt") or len(t.turns) == 1
    # a corpus of just this file: speakerless pages too (the CLI's --transcript wants labels)
    finding = verify_quote(Quote.typed(quote, attributed_to=speaker), Corpus([t]))
    assert finding.fidelity is Fidelity.VERBATIM, finding.reasons
    assert finding.match is not None and finding.speaker is not None
    if speaker:
        assert finding.attribution is Attribution.CONFIRMED, finding.reasons
        assert finding.speaker.name == speaker
    else:
        assert finding.attribution is Attribution.UNATTRIBUTED, finding.reasons
    # the match starts at the quote's first word and ends at its last, in the original text
    located, words = finding.match.span.of(t.text), quote.rstrip(".?").split()
    assert located.startswith(words[0]) and located.rstrip(".?!,").endswith(words[-1])


def test_every_label_is_the_person_a_reader_takes_it_for() -> None:
    for name, expected in WHO.items():
        t = load_transcript(REAL / name)
        seen = {turn.speaker.label: turn.speaker for turn in t.turns}
        assert set(seen) == set(expected), name
        for label, (who, role) in expected.items():
            assert seen[label].name == who, (name, label)
            if role is not None:
                assert seen[label].role is role, (name, label)


# Read in each sample: the turns whose speaker stays unresolved, and why the page leaves it open.
UNRESOLVED = {
    # captions and video transcripts with no voices at all
    ("archive-dctv-community-media-roundtable-autocaptions.vtt", ""): 1,
    ("dailymotion-miller-state-briefing-video-transcript.txt", ""): 1,
    ("wsj-potomac-watch-video-captions-2021-01-07.vtt", ""): 4,  # <v -> is a voice left unnamed
    # machine transcripts that number their speakers
    ("iheart-building-the-good-life-sorkin-2022-01-14.txt", "Speaker 1"): 1,
    ("rev-price-state-department-briefing-2022-08-17.txt", "Speaker 1"): 1,
    ("spreaker-krc-morning-show-powers.vtt", "Speaker 1"): 2,
    ("spreaker-krc-morning-show-powers.vtt", "Speaker 2"): 1,
    # an office or a surname, on a page that prints no date to say who held or bore it
    ("commons-obama-state-dinner-cameron.srt", "The President"): 1,
    ("plain-conferencevault-obama-midterm-press-conference.txt", "The President"): 1,
    ("reagan-remarks-soviet-exchange-students-1987-10-16.txt", "THE PRESIDENT"): 4,
    ("plain-grabien-biden-three-reasons.txt", "BIDEN"): 1,  # Joe or Jill Biden
}
# The samples that print no date of the event anywhere (the news feed's "November 14, 2019"
# and a reporter's "Happy 4/20" are not one).
UNDATED = {
    "acquired-sorkin-productivity-interview.txt", "archive-dctv-community-media-roundtable-autocaptions.vtt",
    "commons-obama-state-dinner-cameron.srt", "dailymotion-miller-state-briefing-video-transcript.txt",
    "pbs-tavis-smiley-andrew-ross-sorkin.txt", "plain-conferencevault-obama-midterm-press-conference.txt",
    "plain-grabien-biden-three-reasons.txt", "reagan-remarks-soviet-exchange-students-1987-10-16.txt",
    "spreaker-krc-morning-show-powers.vtt", "whitehouse-gov-jean-pierre-kirby-briefing-2023-04-20.txt",
    "wsj-potomac-watch-video-captions-2021-01-07.vtt",
}


def test_only_what_the_pages_leave_open_stays_unresolved_or_undated() -> None:
    unresolved: dict[tuple[str, str], int] = {}
    undated: set[str] = set()
    for name in (c[0] for c in CASES):
        t = load_transcript(REAL / name)
        if t.date is None:
            undated.add(name)
        for turn in t.turns:
            if not speaker_resolved(turn.speaker.role, turn.speaker.name):
                key = (name, turn.speaker.label)
                unresolved[key] = unresolved.get(key, 0) + 1
    assert unresolved == UNRESOLVED
    assert undated == UNDATED


def test_a_journalist_is_never_an_official() -> None:
    t = load_transcript(REAL / "usembassy-blinken-goldberg-atlantic-festival-2023-09-28.txt")
    goldberg = next(x.speaker for x in t.turns if x.speaker.label == "MR GOLDBERG")
    assert (goldberg.affiliation, goldberg.title) == ("The Atlantic", None)
    blinken = next(x.speaker for x in t.turns if x.speaker.label == "SECRETARY BLINKEN")
    assert blinken.title == "Secretary of State"


def test_a_sidebar_date_is_not_the_event_date() -> None:
    """The page prints only its news feed's date (2019-11-14): the 2014 press conference
    itself is undated, so THE PRESIDENT is left unnamed, never taken for Donald Trump."""
    t = load_transcript(REAL / "plain-conferencevault-obama-midterm-press-conference.txt")
    assert t.date is None
    assert t.title == "The President Holds a Press Conference After the Midterm Elections"
    president = t.turns[0].speaker
    assert president.label == "The President" and president.name is None


# A labelled plain page: the first label, the header's last line, and a header line nobody said.
PLAIN_HEADERS = [
    ("usembassy-blinken-goldberg-atlantic-festival-2023-09-28.txt", "MR GOLDBERG:",
     "SEPTEMBER 28, 2023",
     "Secretary Antony J. Blinken With The Atlantic’s Jeffrey Goldberg at The Atlantic Festival"),
    ("pbs-tavis-smiley-andrew-ross-sorkin.txt", "Tavis:", "TRANSCRIPT",
     "Too Big to Fail author weighs in on whether the financial crisis can happen again in the "
     "not-too-distant future."),
    ("plain-historymusings-trump-press-conference-2017-08-15.txt", "PRESIDENT DONALD TRUMP:",
     "Source: Politico, 8-15-17",
     "President Donald Trump’s Press Conference on Infrastructure & Chalottesville, Virginia"),
    ("plain-conferencevault-obama-midterm-press-conference.txt", "The President:",
     "The President Holds a Press Conference After the Midterm Elections",
     "The President Holds a Press Conference After the Midterm Elections"),
    ("plain-grabien-biden-three-reasons.txt", "BIDEN:", "TRANSCRIPT:", None),
]


@pytest.mark.parametrize(("name", "label", "last_line", "unsaid"), PLAIN_HEADERS)
def test_a_plain_pages_header_is_metadata_not_a_turn(
    name: str, label: str, last_line: str, unsaid: str | None
) -> None:
    """The title, dateline, section names and "TRANSCRIPT" line above the first label were
    never said: they are the header, so a quote of the page's title is not found as speech."""
    t = load_transcript(REAL / name)
    assert t.turns[0].span.start == t.text.index(label)
    assert t.metadata["header"][-1] == last_line
    if unsaid is not None:
        finding = verify_quote(Quote.typed(unsaid), Corpus([t]))
        assert finding.fidelity is Fidelity.NOT_FOUND, finding.reasons


def test_the_presidency_projects_portrait_caption_is_not_the_title() -> None:
    t = load_transcript(REAL / "app-trump-abe-news-conference-2018-04-18.txt")
    assert t.metadata["header"][0] == "Photo of Donald Trump"
    assert t.title == ("The President's News Conference With Prime Minister Shinzo Abe of Japan "
                       "in Palm Beach, Florida")


def test_factbase_participants_come_from_the_speaker_list() -> None:
    t = load_transcript(REAL / "factbase-biden-senators-infrastructure-2021-02-11.txt")
    assert t.metadata["participants"] == ["Joe Biden", "Question", "Tom Carper"]
    assert t.title.startswith("Remarks: Joe Biden Meets With Senators")
    said = [" ".join(p.of(t.text) for p in turn.paragraphs) for turn in t.turns]
    assert said[3] == "My first bill."
    assert not any("Leans Positive" in x or x.endswith(" 6") for x in said)


def test_rolling_auto_captions_say_each_word_once() -> None:
    t = load_transcript(REAL / "archive-dctv-community-media-roundtable-autocaptions.vtt")
    said = " ".join(p.of(t.text) for p in t.turns[0].paragraphs)
    assert said.startswith(
        "good afternoon and my name is Antoine Haywood DCTV the public access corporation of "
        "the District of respected in communication regulatory practices community media folks "
        "Jasmine white and reliance for community media Mike Wassenaar who Gretchen Clawson")
    assert t.turns[0].start_time == "00:07:10"


def test_caption_sound_descriptions_are_not_words() -> None:
    """The WSJ captions describe sounds for deaf viewers ("(chuckles)", "(metal bangs wall)"):
    nobody said them, so a quote printed without them is word for word."""
    t = load_transcript(REAL / "wsj-potomac-watch-video-captions-2021-01-07.vtt")
    said = " ".join(p.of(t.text) for turn in t.turns for p in turn.paragraphs)
    for sound in ("chuckles", "shouting overlaps", "metal bangs wall", "debris clatters"):
        assert sound not in said
    finding = verify_quote(Quote.typed("Trump and I, we've had a hell of a journey."), Corpus([t]))
    assert finding.fidelity is Fidelity.VERBATIM, finding.reasons


def test_video_transcript_times_are_not_words() -> None:
    t = load_transcript(REAL / "dailymotion-miller-state-briefing-video-transcript.txt")
    said = [p.of(t.text) for p in t.turns[0].paragraphs]
    assert said[:2] == ["Good afternoon.",
                        "At the risk of disappointing everyone, I don't have any opening comments."]
    assert "Forbes" not in " ".join(said)


def test_show_prints_where_the_date_came_from() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "verifier", "show", str(REAL / "state-dpb-kirby-2016-02-04.txt")],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout
    assert "date 2016-02-04" in out
    assert "date from header line 12: 'February 4, 2016'" in out
    undated = subprocess.run(
        [sys.executable, "-m", "verifier", "show", str(REAL / "plain-grabien-biden-three-reasons.txt")],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout
    assert "date unknown" in undated and "no date in front matter, title or header lines" in undated


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
        ("West Wing Week 2-28-14\n", "2014-02-28"),
        ("Briefing, Feb. 28, 2014, Washington\n", "2014-02-28"),
        ("Washington, 28 February 2014\n", "2014-02-28"),
        ("Call 1-800-555-0199 or 202-456-1111 for the desk\n", None),
    ],
)
def test_dates_from_the_header(text: str, iso: str | None) -> None:
    found = date_in_header(text)
    assert (found.iso if found else None) == iso


def test_a_date_said_in_a_turn_is_not_the_transcript_date() -> None:
    """No header date: the day Kirby names in his first answer is not the briefing's."""
    text = (REAL / "state-dpb-kirby-2016-02-04.txt").read_text("utf-8")
    header, body = text.split("MR KIRBY:", 1)
    undated = header.replace("February 4, 2016", "someday")
    t = parse_transcript(undated + "MR KIRBY: On January 5, 2016, we said so." + body)
    assert t.date is None and "date_source" not in t.metadata
    assert (t.turns[0].speaker.name, t.turns[0].speaker.title) == ("John Kirby", None)


def test_corpus_reports_speakers_and_dates_per_format() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "verifier", "corpus", str(REAL)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout
    rows = {line.split()[0]: line.split() for line in out.splitlines() if " files " in line}
    # hand count: the four Rev pages have 13 turns, one of them "Speaker 1"; Acquired's 4
    # turns are named by first name; iHeart's one turn is "Speaker 1": 16 of 18 named,
    # five of the six pages print a date
    assert rows["timestamped"][1:8] == ["6", "files", "18", "turns", "89%", "resolved", "5"]
    # the Reagan page prints no date, so its three THE PRESIDENT turns cannot be named
    assert rows["presidency"][1:8] == ["3", "files", "9", "turns", "56%", "resolved", "2"]
    # Factba.se and Roll Call: 9 turns, all named or a reporter, all dated
    assert rows["segments"][1:8] == ["3", "files", "9", "turns", "100%", "resolved", "3"]
    # files with neither a date nor a resolved speaker, per format: three plain pages (the
    # Grabien clip, the undated press conference, the video page), two of the three captions
    assert rows["plain"][-2:] == ["3", "neither"] and rows["webvtt"][-2:] == ["2", "neither"]
    assert rows["whitehouse"][-2:] == ["0", "neither"]
    neither = out.split("No date and no resolved speaker", 1)[1].split("\n\n", 1)[0]
    assert "  webvtt " in neither
    assert "plain-grabien-biden-three-reasons.txt" in neither
    assert "spreaker-krc-morning-show-powers.vtt" in neither
    assert "dailymotion-miller-state-briefing-video-transcript.txt" in neither


def test_corpus_json_gives_the_same_numbers_for_a_script() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "verifier", "corpus", str(REAL), "--format", "json"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout
    data = json.loads(out)
    # hand count: Commons' three clips have 4 turns; the state dinner's THE PRESIDENT is
    # undated and unnamed, the narrator is a role; the 2009 and 2014 clips name their dates
    assert data["formats"]["srt"] == {"files": 3, "turns": 4, "resolved_turns": 3,
                                      "dated_files": 2, "neither_files": 1,
                                      "resolved_share": 0.75, "dated_share": 0.667}
    # the WSJ clip's 10 turns (6 named or a role), Spreaker's 3 "Speaker N", archive.org's 1
    assert data["formats"]["webvtt"]["turns"] == 14
    assert data["formats"]["webvtt"]["resolved_turns"] == 6
    assert data["formats"]["webvtt"]["dated_files"] == 0
    assert any(p.endswith("commons-obama-state-dinner-cameron.srt")
               for p in data["undated_and_unresolved"])
