"""``python -m verifier`` runs the quotecheck command."""

from .cli import main

raise SystemExit(main())
