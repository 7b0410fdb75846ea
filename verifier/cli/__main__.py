"""``python -m verifier.cli``: the same as ``python -m verifier`` and ``quotecheck``."""

from verifier.cli import main

raise SystemExit(main())
