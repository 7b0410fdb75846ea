"""Who held which office when: the shipped dates, and labels titled by a transcript's date.

The holders and dates are public record (the offices' own announcements and
briefing pages); the cases below were written by hand from them.
"""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from verifier.errors import ConfigError
from verifier.text.shipped import DATA
from verifier.transcripts.loader import parse_transcript
from verifier.transcripts.offices import parse_offices, shipped_offices
from verifier.transcripts.speakers import load_aliases


def test_the_shipped_dates_are_real_days_in_order_and_never_overlap() -> None:
    raw = yaml.safe_load((DATA / "offices.yaml").read_text("utf-8"))
    for key, office in raw.items():
        spans = []
        for h in office["holders"]:
            start, end = h["from"], h.get("to")
            assert isinstance(start, date), (key, h)  # YAML read it as a calendar day
            assert end is None or (isinstance(end, date) and start < end), (key, h)
            spans.append((start, end))
        spans.sort(key=lambda s: s[0])
        for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
            assert end is not None and end <= start, key
    assert shipped_offices().offices  # and the loader accepts it


def test_the_offices_cover_2009_to_2025() -> None:
    offices = {o.key: o for o in shipped_offices().offices}
    for key in (
        "president",
        "vice_president",
        "press_secretary",
        "national_security_advisor",
        "secretary_of_state",
        "chief_of_staff",
    ):
        terms = offices[key].terms
        assert min(t.start for t in terms) <= "2009-01-21", key
        assert any(t.end is None or t.end >= "2025-01-20" for t in terms), key
    # the State Department podium from Crowley (March 2010) on; Wood and Kelly before him
    # are not dated, so a 2009 State briefing gets names and no titles
    state = [t.name for t in offices["state_department_spokesperson"].terms if t.start >= "2009"]
    assert state[0] == "P. J. Crowley" and state[-1] == "Matthew Miller"
    press = [t.name for t in offices["press_secretary"].terms if t.start >= "2009"]
    assert press == [
        "Robert Gibbs",
        "Jay Carney",
        "Josh Earnest",
        "Sean Spicer",
        "Sarah Sanders",
        "Stephanie Grisham",
        "Kayleigh McEnany",
        "Jen Psaki",
        "Karine Jean-Pierre",
        "Karoline Leavitt",
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"x": {"title": "T", "holders": [{"name": "A", "from": "2010-01-01", "to": "2009-01-01"}]}},
            "A ends before starting",
        ),
        (
            {
                "x": {
                    "title": "T",
                    "holders": [
                        {"name": "A", "from": "2010-01-01", "to": "2012-01-01"},
                        {"name": "B", "from": "2011-06-01"},
                    ],
                }
            },
            "A and B overlap",
        ),
        (
            {
                "x": {
                    "title": "T",
                    "holders": [{"name": "A", "from": "2010-01-01"}, {"name": "B", "from": "2011-06-01"}],
                }
            },
            "A and B overlap",
        ),
        ({"x": {"title": "T", "holders": [{"name": "A"}]}}, "needs a name and a from date"),
        ({"x": {"holders": []}}, "needs a title"),
    ],
)
def test_bad_office_data_is_refused_naming_the_office(data: object, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_offices(data, source="offices.yaml")


def _speakers(labels: list[str], day: str | None) -> list[tuple[str | None, str | None]]:
    head = f"---\ndate: '{day}'\n---\n\n" if day else ""
    text = head + "".join(f"{label}: Words.\n\n" for label in labels)
    return [(t.speaker.name, t.speaker.title) for t in parse_transcript(text, format="whitehouse").turns]


@pytest.mark.parametrize(
    ("day", "title"),
    [
        ("2014-06-03", "Pentagon Press Secretary"),
        ("2016-02-04", "State Department Spokesperson"),
        ("2021-09-01", "Pentagon Press Secretary"),
        ("2023-03-03", "NSC Coordinator for Strategic Communications"),
        ("2024-06-11", "White House National Security Communications Advisor"),
        ("2019-06-01", None),  # a CNN analyst then: no office, so no title
        (None, None),  # no date: the person, and no title rather than a guess
    ],
)
def test_kirby_is_titled_by_the_date(day: str | None, title: str | None) -> None:
    assert _speakers(["MR KIRBY"], day) == [("John Kirby", title)]


def test_psaki_and_jean_pierre_by_the_date() -> None:
    assert _speakers(["MS. PSAKI"], "2014-03-04") == [("Jen Psaki", "State Department Spokesperson")]
    assert _speakers(["MS. PSAKI"], "2016-05-01") == [("Jen Psaki", "White House Communications Director")]
    assert _speakers(["MS. PSAKI"], "2021-03-01") == [("Jen Psaki", "White House Press Secretary")]
    assert _speakers(["MS. JEAN-PIERRE"], "2021-06-01") == [
        ("Karine Jean-Pierre", "Principal Deputy Press Secretary")
    ]
    assert _speakers(["MS. JEAN-PIERRE"], "2023-06-01") == [
        ("Karine Jean-Pierre", "White House Press Secretary")
    ]


def test_a_staff_label_is_the_holder_of_that_day() -> None:
    labels = [
        "MR. O'BRIEN",
        "MR. DONILON",
        "MS. RICE",
        "SECRETARY KERRY",
        "SENATOR SULLIVAN",
        "MS. TRUMP",
        "MR CARNEY",
    ]
    assert _speakers(labels, "2014-05-01") == [
        ("O'Brien", None),
        ("Donilon", None),
        ("Susan Rice", "National Security Advisor"),
        ("John Kerry", "Secretary of State"),
        ("Sullivan", "Senator"),
        ("Trump", None),
        ("Jay Carney", "White House Press Secretary"),
    ]
    # MS. TRUMP at a Trump White House event is his daughter, not the First Lady; the
    # senator named Sullivan is not the adviser; out of office, O'Brien is only a surname
    assert _speakers(labels, "2020-05-01") == [
        ("Robert O'Brien", "National Security Advisor"),
        ("Donilon", None),
        ("Rice", None),
        ("Kerry", "Secretary"),
        ("Sullivan", "Senator"),
        ("Trump", None),
        ("Jay Carney", None),
    ]


@pytest.mark.parametrize(
    ("phrase", "day", "name"),
    [
        ("the press secretary", "2015-03-01", "Josh Earnest"),
        ("the press secretary", "2017-05-01", "Sean Spicer"),
        ("the White House press secretary", "2023-01-05", "Karine Jean-Pierre"),
        ("the national security adviser", "2014-01-01", "Susan Rice"),
        ("the national security adviser", "2018-06-01", "John Bolton"),
        ("the NSC spokesman", "2023-01-01", "John Kirby"),
        ("the State Department spokesman", "2016-01-01", "John Kirby"),
        ("the State Department spokesman", "2022-01-01", "Ned Price"),
        ("the press secretary", None, None),
        ("the NSC spokesman", "2016-01-01", None),
    ],
)
def test_an_article_phrase_means_the_holder_of_its_date(
    phrase: str, day: str | None, name: str | None
) -> None:
    person = load_aliases(None).lookup(phrase, day)
    assert (person.name if person else None) == name


def test_every_title_a_person_held_can_match_a_credit() -> None:
    titles = load_aliases(None).titles_of("John Kirby")
    assert set(titles) == {
        "Pentagon Press Secretary",
        "State Department Spokesperson",
        "NSC Coordinator for Strategic Communications",
        "White House National Security Communications Advisor",
    }
