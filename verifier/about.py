"""What every front end asks about its surroundings: the installed version, colour or not."""

from __future__ import annotations

import os


def version() -> str:
    """The installed package's version (``0+unknown`` when run from a bare checkout)."""
    from importlib import metadata  # slow to import; only --version and exports need it

    try:
        return metadata.version("quotecheck")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def wants_color(stream: object) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set."""
    return (
        "NO_COLOR" not in os.environ
        and hasattr(stream, "isatty")
        and bool(stream.isatty())
    )
