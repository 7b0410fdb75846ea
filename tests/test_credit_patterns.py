"""Who said it: each credit pattern of issue 15, in short copy written by hand for the test.

Every case is a made-up local-news passage (names and places invented), one pattern each:
the quote's words, whom the article credits, what kind of speaker, and for a pronoun or
"the official" the earlier mention it points back to.
"""

from __future__ import annotations

import pytest

from verifier.articles.quotes import extract_quotes
from verifier.models import Article, Quote, QuoteFlag, SpeakerKind

LQ, RQ = "\u201c", "\u201d"  # curly double marks
SO, SC = "\u2018", "\u2019"  # curly single marks


def quotes(text: str) -> list[Quote]:
    return extract_quotes(Article(text=text))


def only(text: str) -> Quote:
    found = quotes(text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


def mention(text: str, quote: Quote) -> str | None:
    return quote.speaker_mention.of(text) if quote.speaker_mention else None


# (pattern, copy, first words, speaker_name, kind, mention as printed or None)
CASES = [
    (
        "pronoun he",
        f"The county's budget director, Walter Brandt, spoke to the board on Monday.\n\n"
        f"{LQ}We cannot keep borrowing against next year,{RQ} he said.",
        "We cannot keep",
        "Walter Brandt",
        SpeakerKind.PERSON,
        "Walter Brandt",
    ),
    (
        "pronoun she noted, past a place name",
        "Maria Lopez runs the food bank on Fifth Street.\n\n"
        f"{LQ}Demand has doubled since spring,{RQ} she noted.",
        "Demand has doubled",
        "Maria Lopez",
        SpeakerKind.PERSON,
        "Maria Lopez",
    ),
    (
        "colon intro said:",
        f"Maria Lopez, the agency\u2019s spokeswoman, said: {LQ}The road will reopen on Friday.{RQ}",
        "The road will reopen",
        "Maria Lopez",
        SpeakerKind.PERSON,
        None,
    ),
    (
        "colon intro stated: in the paragraph above",
        f"Maria Lopez, the agency\u2019s spokeswoman, stated:\n\n{LQ}The road will reopen on Friday.{RQ}",
        "The road will reopen",
        "Maria Lopez",
        SpeakerKind.PERSON,
        None,
    ),
    (
        "dash credit",
        f"{LQ}We will not raise fares this year.{RQ} \u2014 Commissioner Ruth Hale",
        "We will not raise",
        "Ruth Hale",
        SpeakerKind.PERSON,
        None,
    ),
    (
        "dash credit on the next line of a round-up",
        f"{LQ}Nobody told us the bridge would close.{RQ}"
        "\n\n\u2014 Dale Ostrowski, owner of the corner bakery, on the detour",
        "Nobody told us",
        "Dale Ostrowski",
        SpeakerKind.PERSON,
        None,
    ),
    (
        "speaker introduced in the paragraph above",
        "The council met late into the night.\n\n"
        f"And from the chairwoman:\n\n{LQ}This vote is about whether the pool opens at all.{RQ}",
        "This vote is about",
        "the chairwoman",
        SpeakerKind.ROLE,
        None,
    ),
    (
        "adverb between name and verb",
        f"Ana Lopez later told reporters {LQ}the count will take two more days.{RQ}",
        "the count will take",
        "Ana Lopez",
        SpeakerKind.PERSON,
        None,
    ),
    (
        "time between name and verb",
        f"Ana Lopez on Tuesday said, {LQ}We have found no fraud.{RQ}",
        "We have found no fraud",
        "Ana Lopez",
        SpeakerKind.PERSON,
        None,
    ),
    (
        "according to",
        f"The plant will close in May, according to Tom Reed, the union\u2019s "
        f"president. {LQ}Nobody saw this coming,{RQ} Reed said.",
        "Nobody saw this coming",
        "Tom Reed",
        SpeakerKind.PERSON,
        None,
    ),
    (
        "common noun",
        f"{LQ}We are watching the river closely,{RQ} the minister said.",
        "We are watching",
        "the minister",
        SpeakerKind.ROLE,
        None,
    ),
    (
        "institution, bare",
        f"{LQ}The driver was not hurt,{RQ} police said.",
        "The driver was not hurt",
        "police",
        SpeakerKind.INSTITUTION,
        None,
    ),
    (
        "institution in a statement",
        f"{LQ}The outage was caused by a failed transformer,{RQ} the department said in a statement.",
        "The outage was caused",
        "the department",
        SpeakerKind.INSTITUTION,
        None,
    ),
    (
        "described person with a clause",
        f"{LQ}I have lived here forty years,{RQ} said a man who gave only his first name, Sam.",
        "I have lived here",
        "a man who gave only his first name",
        SpeakerKind.ROLE,
        None,
    ),
    (
        "anonymous official",
        f"{LQ}The talks are stuck,{RQ} a senior city official said.",
        "The talks are stuck",
        "a senior city official",
        SpeakerKind.ANONYMOUS,
        None,
    ),
    (
        "two speakers",
        f"{LQ}We are proud of this team,{RQ} Tom Reed and Ana Diaz said.",
        "We are proud",
        "Tom Reed and Ana Diaz",
        SpeakerKind.PERSON,
        None,
    ),
    (
        "job words before the name",
        f"{LQ}The pumps held,{RQ} Harlow Fire Chief Dana Whitcomb said.",
        "The pumps held",
        "Dana Whitcomb",
        SpeakerKind.PERSON,
        None,
    ),
    (
        "speaker label and colon",
        f"Whitcomb: {LQ}We were lucky tonight.{RQ}\n\nOstrowski: {LQ}Lucky is one word for it.{RQ}",
        "We were lucky",
        "Whitcomb",
        SpeakerKind.PERSON,
        None,
    ),
    (
        "role anaphora to a named person",
        "Gov. Rhonda Pike toured the levee on Sunday.\n\n"
        f"{LQ}It held because people worked all night,{RQ} the governor said.",
        "It held because",
        "Rhonda Pike",
        SpeakerKind.PERSON,
        "Rhonda Pike",
    ),
    (
        "fragment credited to its sentence's subject",
        f"Mayor Lena Ortiz called the flooding {LQ}a warning we cannot ignore{RQ} on Monday.",
        "a warning we cannot ignore",
        "Lena Ortiz",
        SpeakerKind.PERSON,
        None,
    ),
    (
        "a description the vocabulary lacks",
        f"Karen Lowe found the purse on the bus.\n\n{LQ}I knew someone would be frantic,{RQ} "
        "the 54-year-old said.",
        "I knew someone",
        "Karen Lowe",
        SpeakerKind.PERSON,
        "Karen Lowe",
    ),
    (
        "a name on its own line, as releases print it",
        f"{LQ}Our schools need these funds now.{RQ}\n\nSuperintendent Carol Baines",
        "Our schools need",
        "Carol Baines",
        SpeakerKind.PERSON,
        None,
    ),
    (
        "description before the name",
        f"{LQ}The water came up to the porch in ten minutes,{RQ} neighbor Tomas Ferreira said.",
        "The water came up",
        "Tomas Ferreira",
        SpeakerKind.PERSON,
        None,
    ),
    (
        "description between an inverted verb and the name",
        f"{LQ}We will sell the old depot,{RQ} said board chairwoman Edith Marsh.",
        "We will sell",
        "Edith Marsh",
        SpeakerKind.PERSON,
        None,
    ),
    (
        "a pair with ages, then they",
        "Dana Whitlock and Rafael Osei have sold the bakery.\n\n"
        f"{LQ}Twenty years was enough,{RQ} Whitlock, 61, and Osei, 58, said.\n\n"
        f"{LQ}We will miss the early mornings,{RQ} they said.",
        "We will miss",
        "Dana Whitlock and Rafael Osei",
        SpeakerKind.PERSON,
        None,
    ),
    (
        "the two leaders, after a pair",
        "Mayor Ines Carvalho met Governor Paul Eckart on Friday. Carvalho and Eckart spoke for an hour.\n\n"
        f"The two leaders agreed to {LQ}finish the bypass before winter.{RQ}",
        "finish the bypass",
        "Ines Carvalho and Paul Eckart",
        SpeakerKind.PERSON,
        None,
    ),
    (
        "a surname printed in the possessive earlier",
        "Sheriff Lyle Brandauer\u2019s deputies were not at the meeting.\n\n"
        f"Brandauer: {LQ}Nobody asked us to come.{RQ}",
        "Nobody asked us",
        "Lyle Brandauer",
        SpeakerKind.PERSON,
        None,
    ),
    (
        "a quote paragraph after narration of what someone said",
        "Neighbor Colette Dufresne said she heard the crash from her kitchen.\n\n"
        f"{LQ}It sounded like the whole wall came down.{RQ}",
        "It sounded like",
        "Colette Dufresne",
        SpeakerKind.PERSON,
        None,
    ),
    (
        "a fragment after a speech verb deep in the sentence",
        "Before the vote, council member Abel Nakamura had already warned colleagues that the plan was "
        f"{LQ}a blank cheque{RQ} for the developer.",
        "a blank cheque",
        "Abel Nakamura",
        SpeakerKind.PERSON,
        None,
    ),
    (
        "the statement is its issuer's",
        "The Harlow County Office of Emergency Management issued a statement on Tuesday night.\n\n"
        f"{LQ}There is no confirmed case in the county,{RQ} the statement reads.",
        "There is no confirmed",
        "Harlow County Office of Emergency Management",
        SpeakerKind.INSTITUTION,
        None,
    ),
    (
        "an acronym credit",
        f"The Riverton Fire Department was called at noon.\n\n{LQ}Two crews stayed overnight,{RQ} RFD said.",
        "Two crews stayed",
        "Riverton Fire Department",
        SpeakerKind.INSTITUTION,
        None,
    ),
    (
        "interview labels Q and A",
        "Mayor Nell Ambrose took questions after the ceremony. Ambrose smiled often. "
        "Here are my notes, starting with Carl Weber\u2019s questions.\n"
        f"Q: {LQ}Will you run again?{RQ}\n"
        f"A: {LQ}Not this time.{RQ}",
        "Not this time",
        "Nell Ambrose",
        SpeakerKind.PERSON,
        None,
    ),
    (
        "interview labels: the questioner",
        "Mayor Nell Ambrose took questions after the ceremony. Ambrose smiled often. "
        "Here are my notes, starting with Carl Weber\u2019s questions.\n"
        f"Q: {LQ}Will you run again?{RQ}\n"
        f"A: {LQ}Not this time.{RQ}",
        "Will you run",
        "Carl Weber",
        SpeakerKind.PERSON,
        None,
    ),
    (
        "a single-quoted fragment in a headline",
        "Carvalho \u2018deeply troubled\u2019 by bypass delay\n\n"
        "Mayor Ines Carvalho told the council on Monday that the bypass would open a year late.",
        "deeply troubled",
        "Ines Carvalho",
        SpeakerKind.PERSON,
        None,
    ),
    (
        "an unnamed lead, named later, then she",
        "A teacher from Harlow said she had not slept since the flood.\n\n"
        "Odile Brancusi, who now lives in East Mercy, Vermont, said she was \u201cworn out\u201d.\n\n"
        f"{LQ}We lost every book in the school,{RQ} she said.",
        "We lost every book",
        "Odile Brancusi",
        SpeakerKind.PERSON,
        "Odile Brancusi",
    ),
    (
        "a place after a preposition is not the subject",
        "Odile Brancusi, who now lives in East Mercy, Vermont, said she was \u201cworn out\u201d.",
        "worn out",
        "Odile Brancusi",
        SpeakerKind.PERSON,
        None,
    ),
    (
        "a quote after whole sentences about one person in its paragraph",
        "Treasurer Amara Okafor, the longest-serving member, urged patience with the auditors. "
        f"{LQ}Let them finish before we judge the books.{RQ}",
        "Let them finish",
        "Amara Okafor",
        SpeakerKind.PERSON,
        None,
    ),
    (
        "a quote paragraph after narration about the person, no cue verb",
        "Neighbor Colette Dufresne heard the crash.\n\n"
        "Dufresne believes the driver fell asleep at the wheel.\n\n"
        f"{LQ}He never even braked.{RQ}",
        "He never even braked",
        "Colette Dufresne",
        SpeakerKind.PERSON,
        None,
    ),
    (
        "an imperative opening the paragraph before is no one",
        f"Watch the video above to hear more.\n\n{LQ}The bridge is closed until spring.{RQ}",
        "The bridge is closed",
        None,
        SpeakerKind.NOBODY,
        None,
    ),
    (
        "a round-up credit with a description after the dash",
        f"{LQ}We play the next one for the fans.{RQ} - Harlow Hawks free safety Darnell Pike, on the win.",
        "We play the next one",
        "Darnell Pike",
        SpeakerKind.PERSON,
        None,
    ),
    (
        "a round-up credit right after the closing mark",
        f"* {LQ}Could we get a breakdown of that card?{RQ} Ostrowski to the city treasurer.\n\n"
        "Councilor Mina Ostrowski chaired the meeting.",
        "Could we get a breakdown",
        "Mina Ostrowski",
        SpeakerKind.PERSON,
        None,
    ),
    (
        "the broadcaster is the organisation the story is about",
        "Questions for Harlowvision were leaked before Harlowvision saw them. Staff at Harlowvision "
        "were angry.\n\n"
        f"{LQ}We had not received the questions,{RQ} the broadcaster said in a statement.",
        "We had not received",
        "Harlowvision",
        SpeakerKind.INSTITUTION,
        None,
    ),
]


@pytest.mark.parametrize(
    "copy, first, name, kind, printed",
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_credit_pattern(
    copy: str, first: str, name: str | None, kind: SpeakerKind, printed: str | None
) -> None:
    quote = next(q for q in quotes(copy) if q.text.startswith(first))
    assert quote.speaker_name == name
    assert quote.speaker_kind is kind
    if printed is not None:
        assert mention(copy, quote) == printed
        assert quote.speaker_mention_text == printed
        assert quote.speaker_mention is not None
        assert quote.speaker_mention.end <= quote.span.start  # an earlier mention


def test_the_official_after_the_first_official_is_the_first_one() -> None:
    copy = (
        f"A senior county official said the plan was ready. {LQ}We start in June,{RQ} the official "
        "said.\n\n"
        f"A second county official disagreed. {LQ}Not before the audit,{RQ} the second official said."
        "\n\n"
        f"The first official said the audit was done. {LQ}Read it,{RQ} the official said."
    )
    last = quotes(copy)[-1]
    assert last.text.startswith("Read it")
    assert last.speaker_name == "a senior county official"
    assert last.speaker_kind is SpeakerKind.ANONYMOUS
    assert mention(copy, last) == "The first official"


def test_titles_and_words_as_words_are_kept_flagged_not_credited() -> None:
    copy = (
        f"The governor defended her {LQ}Growing Jobs Plan{RQ} on Tuesday. The state fell on the "
        f"{LQ}Best State for Business{RQ} list. The bridge is known as {LQ}the old lady{RQ} around here, and "
        f"the word {LQ}resilient{RQ} was everywhere."
    )
    found = quotes(copy)
    assert [q.text for q in found] == [
        "Growing Jobs Plan",
        "Best State for Business",
        "the old lady",
        "resilient",
    ]
    for q in found:
        assert QuoteFlag.SCARE in q.flags
        assert q.speaker_kind is SpeakerKind.NOBODY
    assert QuoteFlag.TITLE in found[0].flags and QuoteFlag.TITLE in found[1].flags


def test_first_single_quoted_piece_before_its_credit_is_found() -> None:
    found = quotes(f"{SO}Hello,{SC} he said, {SO}how are you?{SC}")
    assert found and found[0].text.startswith("Hello")
    assert "how are you?" in found[-1].text


def test_quote_broken_over_single_line_breaks_keeps_its_middle_line() -> None:
    copy = (
        f"Ruth Hale said: {LQ}We will build the bridge\nand we will build it on time\n"
        f"and under budget.{RQ}\nThe vote is next week."
    )
    quote = only(copy)
    assert "and we will build it on time" in quote.text
    assert quote.speaker_name == "Ruth Hale"


def test_hard_wrapped_release_keeps_every_line_of_a_quote() -> None:
    copy = (
        'The grants were announced on Monday.\n"These grants will reach\nevery county in the '
        'state and\nevery school that applied," said\nSecretary Alma Ruiz. "We are proud."\n'
    )
    first = quotes(copy)[0]
    assert "every county in the state and" in first.text
    assert first.speaker_name == "Alma Ruiz"


def test_a_stray_mark_does_not_swallow_the_narration() -> None:
    copy = (
        f"The board met on Monday.\n{LQ}We need a new roof, the chair said.\n"
        "The meeting ran long.\nMembers voted on the budget.\nThe roof was left for June.\n"
        "Residents were not told.\nThe clerk read the minutes.\n"
        f"{LQ}It leaks every winter,{RQ} the clerk said."
    )
    found = quotes(copy)
    assert not any("Members voted" in q.text for q in found)
    assert found[-1].text.startswith("It leaks every winter")


def test_nested_marks_of_the_same_style_stay_one_quote() -> None:
    copy = f"{LQ}They called it {SO}a done deal{SC} before we read it,{RQ} said Tom Reed, a resident."
    quote = only(copy)
    assert QuoteFlag.NESTED in quote.flags
    assert "a done deal" in quote.text and quote.speaker_name == "Tom Reed"


def test_typewriter_marks_are_quote_marks() -> None:
    copy = "``We will reopen the pool in July.''\n\nMayor Lena Ortiz\n"
    quote = only(copy)
    assert quote.text == "We will reopen the pool in July."
    assert quote.speaker_name == "Lena Ortiz"
