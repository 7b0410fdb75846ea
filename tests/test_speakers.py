"""Who is speaking, and whether the person an article credits is them."""

from __future__ import annotations

from pathlib import Path

import pytest

from verifier.corpus.memory import Corpus
from verifier.engine.credit import CreditRelation, credit_relation, explain_credit
from verifier.models import NO_SPEAKER, Attribution, Quote, Role, Speaker, Transcript
from verifier.session import verify_quote
from verifier.transcripts.loader import load_transcript, parse_transcript
from verifier.transcripts.questioners import find_handoff
from verifier.transcripts.speakers import (
    load_aliases,
    office_holder,
    role_for_label,
)

DATA = Path(__file__).parent / "data" / "transcripts"
ROOT = Path(__file__).parents[1]
BRIEFING_TITLE = (
    "Press Briefing by Press Secretary Karine Jean-Pierre and NSC Coordinator for "
    "Strategic Communications John Kirby"
)


def briefing(*labels: str, date: str = "2023-11-02") -> Transcript:
    """A tiny White House briefing with one turn per label, resolved."""
    head = (f'---\ntitle: "{BRIEFING_TITLE}"\ndate: \'{date}\'\n'
            "source_url: https://www.whitehouse.gov/x\n---\n\n")
    text = head + "".join(f"{label}:  Words.\n\n" for label in labels)
    return parse_transcript(text, format="whitehouse")


def test_roles_from_labels() -> None:
    assert role_for_label("Q") is Role.REPORTER
    assert role_for_label("MODERATOR") is Role.MODERATOR
    assert role_for_label("SENIOR ADMINISTRATION OFFICIAL") is Role.ANONYMOUS
    assert role_for_label("Speaker 2") is Role.UNKNOWN
    assert role_for_label("AUDIENCE MEMBER") is Role.OTHER
    assert role_for_label("MS. JEAN-PIERRE") is Role.OFFICIAL


def test_honorifics_resolve_from_title_and_aliases() -> None:
    t = briefing("MS. JEAN-PIERRE", "MR. KIRBY", "MR. JEAN-PIERRE", "MS. DALTON")
    jp, kirby, typo, dalton = (turn.speaker for turn in t.turns)
    # the page's "Press Secretary" is the office she held that day, named in full
    assert (jp.name, jp.title) == ("Karine Jean-Pierre", "White House Press Secretary")
    assert (kirby.name, kirby.title) == ("John Kirby", "NSC Coordinator for Strategic Communications")
    assert typo.name == "Karine Jean-Pierre"
    assert (dalton.name, dalton.title) == ("Olivia Dalton", "Principal Deputy Press Secretary")


@pytest.mark.parametrize(
    ("label", "date", "name"),
    [
        ("THE PRESIDENT", "2023-05-01", "Joe Biden"),
        ("THE PRESIDENT", "2019-05-01", "Donald Trump"),
        ("THE PRESIDENT", "2025-02-01", "Donald Trump"),
        ("PRESIDENT BIDEN", None, "Joe Biden"),
        ("THE VICE PRESIDENT", "2022-05-18", "Kamala Harris"),
        ("THE FIRST LADY", "2023-01-01", "Jill Biden"),
    ],
)
def test_office_holders_by_date(label: str, date: str | None, name: str) -> None:
    held = office_holder(label, date)
    assert held is not None and held[0] == name


def test_corpus_alias_file_and_fallback(tmp_path: Path) -> None:
    assert load_aliases(tmp_path).source.endswith("verifier/data/aliases.yaml")
    (tmp_path / "speakers.yaml").write_text("Ada Lovelace: [MS. LOVELACE, the countess]\n")
    aliases = load_aliases(tmp_path)
    person = aliases.lookup("the Countess")
    assert person is not None and person.name == "Ada Lovelace"
    shipped = load_aliases(ROOT / "corpus")
    assert shipped.lookup("MR. JEAN-PIERRE") is not None


def test_dated_role_aliases() -> None:
    aliases = load_aliases(None)
    assert aliases.lookup("the press secretary", "2021-06-01").name == "Jen Psaki"  # type: ignore[union-attr]
    assert aliases.lookup("the press secretary", "2023-06-01").name == "Karine Jean-Pierre"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Our first question is going to go to Cate Cadell with the Washington Post.",
         ("Cate Cadell", "Washington Post")),
        ("Next, we’ll go to Demetri with the FT.", ("Demetri", "FT")),
        ("Go ahead, Zeke.", ("Zeke", None)),
        ("Great.  Our next question will go to Christina Anderson.", ("Christina Anderson", None)),
        ("Okay.  Go ahead.", False),
        ("We have been very clear about that.", None),
    ],
)
def test_handoffs(words: str, expected: object) -> None:
    assert find_handoff(words) == expected


KIRBY = "MR. KIRBY"


@pytest.mark.parametrize(
    ("credited", "label", "date", "expected"),
    [
        ("Kirby", KIRBY, "2023-11-02", CreditRelation.SAME_PERSON),
        ("John Kirby", KIRBY, "2023-11-02", CreditRelation.SAME_PERSON),
        ("MR. KIRBY", KIRBY, "2023-11-02", CreditRelation.SAME_PERSON),
        ("Mr. Kirby", KIRBY, "2023-11-02", CreditRelation.SAME_PERSON),
        ("the NSC spokesman", KIRBY, "2023-11-02", CreditRelation.SAME_PERSON),
        ("National Security Council spokesman John Kirby", KIRBY, "2023-11-02",
         CreditRelation.SAME_PERSON),
        ("the White House", KIRBY, "2023-11-02", CreditRelation.ROLE_MATCH),
        ("a White House official", "MS. JEAN-PIERRE", "2023-11-02", CreditRelation.ROLE_MATCH),
        ("the administration", "MS. JEAN-PIERRE", "2023-11-02", CreditRelation.ROLE_MATCH),
        ("the press secretary", "MS. JEAN-PIERRE", "2023-11-02", CreditRelation.SAME_PERSON),
        ("Jen Psaki", "MS. JEAN-PIERRE", "2023-11-02", CreditRelation.DIFFERENT),
        ("a senior administration official", "SENIOR ADMINISTRATION OFFICIAL", "2024-01-28",
         CreditRelation.ANONYMOUS_MATCH),
        ("a senior U.S. official", "SENIOR ADMINISTRATION OFFICIAL", "2024-01-28",
         CreditRelation.ANONYMOUS_MATCH),
        ("the moderator", "MODERATOR", "2024-01-28", CreditRelation.SAME_PERSON),
        ("President Biden", "THE PRESIDENT", "2023-04-26", CreditRelation.SAME_PERSON),
        ("Biden", "THE PRESIDENT", "2023-04-26", CreditRelation.SAME_PERSON),
        ("the president", "THE PRESIDENT", "2023-04-26", CreditRelation.SAME_PERSON),
        ("Hunter Biden", "THE PRESIDENT", "2023-04-26", CreditRelation.DIFFERENT),
        ("Trump", "THE PRESIDENT", "2023-04-26", CreditRelation.DIFFERENT),
        ("Kirby", "Q", "2023-11-02", CreditRelation.REPORTER_CREDITED_TO_OFFICIAL),
        ("the White House", "Q", "2023-11-02", CreditRelation.REPORTER_CREDITED_TO_OFFICIAL),
        ("Karine Jean-Pierre", KIRBY, "2023-11-02", CreditRelation.DIFFERENT),
        (None, KIRBY, "2023-11-02", CreditRelation.NO_CREDIT),
    ],
)
def test_credit_relation(credited: str | None, label: str, date: str,
                         expected: CreditRelation) -> None:
    t = briefing(label, date=date)
    speaker = t.turns[0].speaker
    relation = credit_relation(credited, speaker, t)
    assert relation is expected, (credited, speaker)
    assert explain_credit(relation, credited, speaker).endswith(".")


def test_unknown_speaker_is_no_speaker() -> None:
    t = load_transcript(DATA / "nospeakers.txt")
    assert credit_relation("Biden", NO_SPEAKER, t) is CreditRelation.NO_SPEAKER
    generic = Speaker(label="Speaker 1", role=Role.UNKNOWN)
    assert credit_relation("Biden", generic, t) is CreditRelation.NO_SPEAKER


def test_named_questioner_credited_by_name() -> None:
    t = load_transcript(DATA / "background.md")
    cate = t.turns[1].speaker
    assert credit_relation("Cate Cadell", cate, t) is CreditRelation.SAME_PERSON
    assert credit_relation("a senior administration official", cate, t) is (
        CreditRelation.REPORTER_CREDITED_TO_OFFICIAL)


@pytest.mark.parametrize(
    "phrase",
    ["a second senior administration official", "the second official", "one official",
     "the other official", "two administration officials", "a senior U.S. official"],
)
def test_counted_unnamed_officials_match_an_anonymous_speaker(phrase: str) -> None:
    from verifier.engine.credit import CreditRelation, credit_relation
    from verifier.models import Role, Speaker, Transcript

    speaker = Speaker(label="SENIOR ADMINISTRATION OFFICIAL", role=Role.ANONYMOUS)
    transcript = Transcript(id="t", title="Background Press Call", text="", turns=(),
                            format="whitehouse")
    assert credit_relation(phrase, speaker, transcript) is CreditRelation.ANONYMOUS_MATCH


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Remarks as Prepared for Delivery by First Lady Jill Biden at a Toys for Tots Event",
         "Jill Biden"),
        ("Remarks by National Economic Advisor Lael Brainard on Place-Based Growth", "Lael Brainard"),
        ("Remarks by President Biden on the Economy", "Joe Biden"),
    ],
)
def test_a_page_with_no_labels_takes_its_speaker_from_the_title(title: str, name: str) -> None:
    from verifier.transcripts.loader import parse_transcript

    text = f"---\ntitle: {title}\ndate: '2023-12-01'\n---\n\nThank you all for coming today.\n"
    transcript = parse_transcript(text, path="remarks.md")
    assert {turn.speaker.name for turn in transcript.turns} == {name}
    assert transcript.has_speakers


def test_a_page_with_no_labels_and_no_speaker_in_its_title_stays_speakerless() -> None:
    from verifier.transcripts.loader import parse_transcript

    text = "---\ntitle: Fact Sheet on the Economy\n---\n\nThe economy grew.\n"
    assert not parse_transcript(text, path="fact.md").has_speakers


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("ANDREW ROSS SORKIN", (None, "Andrew Ross Sorkin")),
        ("MR. SORKIN", (None, "Sorkin")),
        ("SENATOR DE LA CRUZ", ("Senator", "De La Cruz")),
        ("MR. VAN HOLLEN", (None, "Van Hollen")),
        ("SECRETARY OF STATE BLINKEN", ("Secretary of State", "Blinken")),
        ("DEPUTY SECRETARY CAMPBELL", ("Deputy Secretary", "Campbell")),
        # the 2024-02-02 Middle East call: a rank is a title, not part of the name
        ("LIEUTENANT GENERAL SIMS", ("Lieutenant General", "Sims")),
        ("REAR ADMIRAL KIRBY", ("Rear Admiral", "Kirby")),
    ],
)
def test_labels_with_particles_and_compound_names_split_at_the_title(
    label: str, expected: tuple[str | None, str]
) -> None:
    from verifier.transcripts.speakers import split_label

    assert split_label(label) == expected


def test_mr_sorkin_is_andrew_ross_sorkin() -> None:
    from verifier.transcripts.speakers import load_aliases

    person = load_aliases(None).lookup("MR. SORKIN", "2024-05-17")
    assert person is not None and person.name == "Andrew Ross Sorkin"


def test_mr_sorkin_in_a_briefing_is_a_journalist_not_an_official() -> None:
    t = briefing("MR. SORKIN", "THE PRESIDENT", date="2024-05-17")
    sorkin, president = (turn.speaker for turn in t.turns)
    assert (sorkin.name, sorkin.role, sorkin.title) == ("Andrew Ross Sorkin", Role.REPORTER, None)
    assert sorkin.affiliation == "The New York Times"
    assert (president.name, president.role) == ("Joe Biden", Role.OFFICIAL)
    relation = credit_relation("Andrew Ross Sorkin", sorkin, t)
    assert relation is CreditRelation.SAME_PERSON


def test_first_names_resolve_to_the_full_name_the_transcript_gives() -> None:
    # written by hand in Rev's layout: full names first, first names later
    text = (
        "Karine Jean-Pierre (00:00):\nGood afternoon.\n\n"
        "John Kirby (00:05):\nThanks, Karine.\n\n"
        "Karine (00:09):\nNext question.\n\n"
        "John (00:12):\nSure.\n\n"
        "Speaker 1 (00:15):\nA question.\n"
    )
    t = parse_transcript(text)
    names = [(turn.speaker.label, turn.speaker.name) for turn in t.turns]
    assert names == [
        ("Karine Jean-Pierre", "Karine Jean-Pierre"), ("John Kirby", "John Kirby"),
        ("Karine", "Karine Jean-Pierre"), ("John", "John Kirby"), ("Speaker 1", None),
    ]
    # two people with one first name: neither is guessed
    two = parse_transcript(text + "\nJohn Doe (00:20):\nMe too.\n")
    assert next(x.speaker.name for x in two.turns if x.speaker.label == "John") == "John"


def test_a_bad_role_in_an_alias_file_is_a_config_error() -> None:
    from verifier.errors import ConfigError
    from verifier.transcripts.speakers import parse_aliases

    with pytest.raises(ConfigError, match="bad role"):
        parse_aliases({"Someone": {"role": "journalist", "aliases": ["X"]}}, source="s.yaml")


def test_the_president_with_no_date_is_nobody() -> None:
    t = parse_transcript("The President Speaks\n\nThe President: Good afternoon.\n", format="plain")
    assert t.turns[-1].speaker.name is None


def test_particles_and_compound_surnames_stay_whole() -> None:
    """Written by hand: the labels as briefing pages print them, a title that names them."""
    text = (
        '---\ntitle: "Remarks by President Biden, Mayor Bill de Blasio and Senator Chris Van '
        "Hollen\"\ndate: '2021-08-01'\n---\n\n"
        "MAYOR DE BLASIO: x\n\nSENATOR VAN HOLLEN: y\n\nMS. JEAN-PIERRE: v\n\n"
        "MR. O'BRIEN: u\n\nMR. SORKIN: t\n\nMR. VAN HOLLEN: s\n"
    )
    got = [(x.speaker.name, x.speaker.title, x.speaker.role)
           for x in parse_transcript(text, format="whitehouse").turns]
    assert got == [
        ("Bill de Blasio", "Mayor", Role.OFFICIAL),
        ("Chris Van Hollen", "Senator", Role.OFFICIAL),
        ("Karine Jean-Pierre", "Principal Deputy Press Secretary", Role.OFFICIAL),
        ("O'Brien", None, Role.OFFICIAL),  # no O'Brien held an office that day
        ("Andrew Ross Sorkin", None, Role.REPORTER),  # never "Ross Sorkin, Andrew"
        ("Chris Van Hollen", "Senator", Role.OFFICIAL),
    ]
    # with no title to name them, the surname as printed, particle and all
    bare = parse_transcript("MAYOR DE BLASIO: x\n\nMR. VAN HOLLEN: y\n", format="whitehouse")
    assert [(x.speaker.name, x.speaker.title) for x in bare.turns] == [
        ("de Blasio", "Mayor"), ("Van Hollen", None)]


def test_numbered_speakers_stay_distinct_and_unknown() -> None:
    """A Rev-style export with no participant list: Speaker 1 and Speaker 2 are two people
    nobody has named, so a quote of either is never confirmed nor called misattributed."""
    text = ("Speaker 1 (00:00):\nGood morning, it is a pleasure to have you here.\n\n"
            "Speaker 2 (00:05):\nThank you, the pleasure is all mine this morning.\n\n"
            "Speaker 1 (00:09):\nLet us begin with the budget then.\n")
    t = parse_transcript(text)
    speakers = [x.speaker for x in t.turns]
    assert [s.label for s in speakers] == ["Speaker 1", "Speaker 2", "Speaker 1"]
    assert all(s.role is Role.UNKNOWN and s.name is None and s.title is None for s in speakers)
    assert speakers[0] == speakers[2] != speakers[1]
    finding = verify_quote(Quote.typed("the pleasure is all mine this morning",
                                       attributed_to="Joe Biden"), Corpus([t]))
    assert finding.speaker is not None and finding.speaker.label == "Speaker 2"
    assert finding.attribution not in (Attribution.CONFIRMED, Attribution.MISATTRIBUTED)


@pytest.mark.parametrize(
    ("title", "label", "expected"),
    [
        # a title word the vocabulary lacks: the page title's full name still answers
        ("Remarks by President Biden and Taoiseach Leo Varadkar of Ireland", "TAOISEACH VARADKAR",
         ("Leo Varadkar", "Taoiseach")),
        # a relative of the president is not the president the title names
        ("Remarks by President Biden at a Campaign Reception", "NATALIE BIDEN",
         ("Natalie Biden", None)),
        ("Remarks by President Biden and Sir Elton John", "SIR ELTON JOHN", ("Elton John", "Sir")),
        ("Remarks by Representative Lisa Blunt Rochester", "REPRESENTATIVE BLUNT ROCHESTER",
         ("Lisa Blunt Rochester", "Representative")),
        # the label's extra words are a title the vocabulary lacks, not part of the name
        ("Press Briefing by Press Secretary Karine Jean-Pierre and National Climate Advisor "
         "Ali Zaidi", "NATIONAL CLIMATE ADVISOR ALI ZAIDI", ("Ali Zaidi", "National Climate Advisor")),
        # a misspelt title before the surname is still the title's president
        ("Remarks by President Biden in a Bilateral Meeting", "PRESIDEN BIDEN",
         ("Biden", "President")),
    ],
)
def test_the_page_title_settles_a_labels_name_and_title(
    title: str, label: str, expected: tuple[str, str | None]
) -> None:
    """A surname of several words is found whole in the page title, and title words in a
    label the vocabulary lacks are taken as a title, not as part of the surname."""
    text = f'---\ntitle: "{title}"\n---\n\n{label}: Words.\n'
    speaker = parse_transcript(text, format="whitehouse").turns[0].speaker
    assert (speaker.name, speaker.title) == expected


@pytest.mark.parametrize(
    ("credited", "label", "expected"),
    [
        ("Barack Obama", "THE PRESIDENT", CreditRelation.NO_SPEAKER),
        ("Joe Biden", "BIDEN", CreditRelation.NO_SPEAKER),
        ("Jill Biden", "BIDEN", CreditRelation.NO_SPEAKER),
        ("Kamala Harris", "BIDEN", CreditRelation.DIFFERENT),
    ],
)
def test_undated_office_or_surname_label_names_no_one_else(
    credited: str, label: str, expected: CreditRelation
) -> None:
    """An undated "THE PRESIDENT" or a bare "BIDEN" does not say who spoke: no one else either."""
    t = parse_transcript(f"{label}: We will get this done.\n", path="undated.txt")
    speaker = t.turns[0].speaker
    assert speaker.name is None, speaker
    assert credit_relation(credited, speaker, t) is expected
