"""quotecheck.yaml: thresholds, the default corpus, speaker aliases and the fail-on level.

A config file is optional. It is the one given with ``--config FILE``, else
``quotecheck.yaml`` in the working directory, else none (every default applies).
Relative paths in it are relative to the file. Every key is checked: an unknown
key or a bad value is a ConfigError naming the key, the file and the line.

```yaml
corpus: ../transcripts        # default for --corpus
fail_on: warn                 # default for --fail-on: warn | fail
thresholds:                   # any Policy field
  not_found_below: 0.55
speakers: speakers.yaml       # or inline, as a corpus speakers.yaml; checked, not yet used in verdicts
```
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from verifier.engine.policy import Policy, policy_from_mapping
from verifier.errors import ConfigError
from verifier.transcripts.speakers import Aliases, parse_aliases
from verifier.yamlnodes import load_yaml

if TYPE_CHECKING:
    import yaml

CONFIG_NAME = "quotecheck.yaml"
FAIL_ON_LEVELS = ("warn", "fail")
_KEYS = ("corpus", "fail_on", "thresholds", "speakers")


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    """Settings from a config file; ``None`` means the file leaves it to the default."""

    path: str | None = None
    policy: Policy = field(default_factory=Policy)
    corpus: str | None = None
    fail_on: str | None = None
    aliases: Aliases | None = None  # loaded and checked; see ``speakers`` in the module docstring


def find_config(explicit: str | Path | None = None, *, cwd: str | Path | None = None) -> Path | None:
    """The config file to use: the one named, else ./quotecheck.yaml if present."""
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError("config file not found", path=str(explicit))
        return path
    here = Path(cwd) if cwd is not None else Path.cwd()
    candidate = here / CONFIG_NAME
    return candidate if candidate.is_file() else None


def load_config(explicit: str | Path | None = None, *, cwd: str | Path | None = None) -> Config:
    """Find and read the config file; no file gives the defaults."""
    path = find_config(explicit, cwd=cwd)
    if path is None:
        return Config()
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config: {exc}", path=str(path)) from None
    return parse_config(text, path=str(path))


def parse_config(text: str, *, path: str | None = None) -> Config:
    """A Config from YAML text; ``path`` is for messages and for resolving relative paths."""
    data, node = load_yaml(text, path=path, error=ConfigError)
    if data is None:
        return Config(path=path)
    if not isinstance(data, dict):
        raise ConfigError("a config file must be a mapping of settings", path=path, line=1)
    lines = _key_lines(node)
    base = Path(path).parent if path else Path.cwd()

    def fail(key: str, message: str, sub: str | None = None) -> ConfigError:
        line = lines.get(f"{key}.{sub}" if sub else key) or lines.get(key)
        return ConfigError(message, path=path, line=line)

    for key in data:
        if key not in _KEYS:
            raise fail(str(key), f"unknown key {key!r} (known: {', '.join(_KEYS)})")
    return Config(
        path=path,
        policy=_policy(data.get("thresholds"), fail, path),
        corpus=_corpus(data.get("corpus"), base, fail),
        fail_on=_fail_on(data.get("fail_on"), fail),
        aliases=_aliases(data.get("speakers"), base, fail, path),
    )


def _key_lines(node: yaml.Node | None) -> dict[str, int]:
    """1-based line of each top-level key and of each key one level down (``thresholds.x``)."""
    import yaml

    out: dict[str, int] = {}
    if not isinstance(node, yaml.MappingNode):
        return out
    for k, v in node.value:
        name = str(k.value)
        out[name] = k.start_mark.line + 1
        if isinstance(v, yaml.MappingNode):
            for k2, _ in v.value:
                out[f"{name}.{k2.value}"] = k2.start_mark.line + 1
    return out


def _policy(value: Any, fail: Any, path: str | None) -> Policy:
    if value is None:
        return Policy()
    if not isinstance(value, Mapping):
        raise fail("thresholds", "'thresholds' must be a mapping of threshold name to number")
    for key, v in value.items():
        try:
            policy_from_mapping({key: v}, path=path)
        except ConfigError as exc:
            raise fail("thresholds", exc.message, str(key)) from None
    return policy_from_mapping(dict(value), path=path)


def _corpus(value: Any, base: Path, fail: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise fail("corpus", f"'corpus' must be a folder path, got {value!r}")
    folder = (base / Path(value).expanduser()).resolve()
    if not folder.exists():
        raise fail("corpus", f"corpus folder not found: {folder}")
    return str(folder)


def _fail_on(value: Any, fail: Any) -> str | None:
    if value is None:
        return None
    if value not in FAIL_ON_LEVELS:
        raise fail("fail_on", f"'fail_on' must be one of {', '.join(FAIL_ON_LEVELS)}, got {value!r}")
    return str(value)


def _aliases(value: Any, base: Path, fail: Any, path: str | None) -> Aliases | None:
    """Speaker aliases: a path to an aliases YAML, or the mapping itself."""
    if value is None:
        return None
    if isinstance(value, str):
        file = base / Path(value).expanduser()
        try:
            raw = file.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise fail("speakers", f"cannot read speaker aliases {str(file)!r}: {exc}") from None
        data, _ = load_yaml(raw, path=str(file), what="speaker aliases YAML", error=ConfigError)
        source = str(file)
    elif isinstance(value, Mapping):
        data, source = dict(value), path or "<config>"
    else:
        raise fail("speakers", "'speakers' must be a path to an aliases file or a mapping")
    if isinstance(value, Mapping):
        for name, entry in value.items():  # one by one, so an error points at its line
            try:
                parse_aliases({name: entry}, source=source)
            except ConfigError as exc:
                raise fail("speakers", f"speakers: {exc.message}", str(name)) from None
    return parse_aliases(data, source=source)
