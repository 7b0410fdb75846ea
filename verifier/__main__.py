"""``python -m verifier`` runs the quotecheck command."""

from verifier.cli import main

raise SystemExit(main())
