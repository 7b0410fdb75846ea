"""Write a ~1,500-word wire story with 12 quotes taken from the bundled corpus.

    python3 bench/make_long_article.py [OUT]     (default: bench/data/long-wire-1500.md)

Deterministic (seeded): eight quotes verbatim, two with a word changed, one elided,
one partial, credited to whoever said them, among paragraphs of wire-copy prose.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from verifier.models import Role  # noqa: E402
from verifier.transcripts.loader import load_transcript  # noqa: E402

DEFAULT_OUT = ROOT / "bench" / "data" / "long-wire-1500.md"
SOURCES = sorted((ROOT / "corpus" / "press-briefings" / "2024-01").glob("*press-briefing-by-*.md"))[:6]
PROSE = [
    "The remarks came during a week of intense diplomatic activity in Washington and abroad.",
    "Administration officials have repeatedly sought to balance pressure with engagement.",
    "Reporters pressed the White House on the timing and scope of the decision.",
    "Lawmakers from both parties have demanded more detail on the administration's plans.",
    "The briefing room was crowded, and the exchange at times grew pointed.",
    "Analysts said the comments signalled a shift in tone rather than in policy.",
    "Allies in Europe and Asia are watching the developments closely.",
    "The White House did not immediately respond to a request for further comment.",
    "Critics argue that the approach has left important questions unanswered.",
    "Supporters counter that patience has produced results that are easy to overlook.",
    "Officials declined to give a timeline for the next steps.",
    "The issue is expected to come up again when Congress returns next week.",
    "Markets showed little reaction to the news in afternoon trading.",
    "Several governors have weighed in, urging faster action from Washington.",
    "A spokesperson for the department referred questions back to the White House.",
    "The administration has framed the matter as a test of its broader strategy.",
]
CUES = ["said", "told reporters", "said at the White House", "added"]


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def candidates() -> list[tuple[str, str]]:
    """(sentence, speaker name) pairs: 14-32 words said by a named official."""
    out: list[tuple[str, str]] = []
    for path in SOURCES:
        t = load_transcript(path)
        for turn in t.turns:
            sp = turn.speaker
            if sp.role is not Role.OFFICIAL or not sp.name:
                continue
            for para in turn.paragraphs:
                for s in sentences(para.of(t.text)):
                    n = len(s.split())
                    if 14 <= n <= 32 and '"' not in s and "\u201c" not in s and "[" not in s:
                        out.append((s, sp.name))
    return out


def alter(sentence: str, rng: random.Random) -> str:
    words = sentence.split()
    swaps = {"not": "now", "will": "won't", "more": "less", "all": "some", "very": "not"}
    for i, w in enumerate(words):
        if w.lower() in swaps:
            words[i] = swaps[w.lower()]
            return " ".join(words)
    i = rng.randrange(2, len(words) - 2)
    words[i] = "significant"
    return " ".join(words)


def build(seed: int = 7) -> str:
    rng = random.Random(seed)
    pool = candidates()
    rng.shuffle(pool)
    picked = pool[:13]
    paras: list[str] = []
    prose = iter(rng.sample(PROSE, len(PROSE)) * 20)

    def filler(n: int) -> str:
        return " ".join(next(prose) for _ in range(n))

    for k in range(12):
        s, name = picked[k]
        surname = name.split()[-1]
        who = name if k < 2 or rng.random() < 0.3 else surname
        cue = CUES[k % len(CUES)]
        body = s.rstrip(".!?")
        if k in (3, 8):
            body = alter(body, rng)
        if k == 5:
            nxt = picked[12][0]
            body = f"{body} \u2026 {nxt.rstrip('.!?')}" if picked[12][1] == name else body
        if k == 10:
            words = body.split()
            part = " ".join(words[3:12])
            paras.append(f"{who} described the effort as \u201c{part}\u201d and more. {filler(2)}")
        else:
            paras.append(f"\u201c{body},\u201d {who} {cue}. {filler(3)}")
        paras.append(filler(4))
    head = "---\ntitle: White House defends its approach as pressure mounts\noutlet: Bench Wire\n"
    head += "date: 2024-01-31\n---\n\n# White House defends its approach as pressure mounts\n\n"
    text = head + "\n\n".join(paras) + "\n"
    while len(text.split()) < 1500:
        text += "\n" + filler(3) + "\n"
    return text


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT
    out.parent.mkdir(parents=True, exist_ok=True)
    text = build()
    out.write_text(text, "utf-8")
    print(f"{out}: {len(text.split())} words")


if __name__ == "__main__":
    main()
