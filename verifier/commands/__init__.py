"""One module per subcommand: each has ``add_parser(subparsers)`` and sets ``run``."""

from __future__ import annotations

from types import ModuleType

from . import article, batch_cmd, check, corpus_cmd, eval_cmd, index_cmd, review_cmd, show

COMMANDS: list[ModuleType] = [check, article, batch_cmd, corpus_cmd, show, eval_cmd, review_cmd, index_cmd]
