"""What every stage of one verification shares: where to look and how to judge."""

from __future__ import annotations

from dataclasses import dataclass

from verifier.corpus.search_space import SearchSpace
from verifier.engine.policy import Policy
from verifier.transcripts.speakers import Aliases


@dataclass(frozen=True, slots=True)
class Context:
    """What every step of one verification shares: where to look and how to judge."""

    corpus: SearchSpace
    policy: Policy
    aliases: Aliases
