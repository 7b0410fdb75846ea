"""The core never imports the UI: a script can use verifier without Textual installed."""

from __future__ import annotations

import subprocess
import sys


def test_importing_verifier_does_not_import_textual_or_tui() -> None:
    code = (
        "import sys, verifier, verifier.pipeline, verifier.cli, verifier.report;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'tui')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
