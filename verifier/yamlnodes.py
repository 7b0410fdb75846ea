"""The one YAML loader for every file a user gives, plus node-tree helpers for line numbers.

User files (claims, front matter, quotecheck.yaml, review files, speaker aliases, eval and
label files) never need anchors or aliases, and an alias bomb ("billion laughs") expands
without bound when turned into strings, so any anchor or alias is refused before a single
object is built. Documents are capped in size and nesting so a hostile file cannot hang or
exhaust memory; every failure is one ``QuotecheckError`` naming the file and line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from verifier.errors import InputError, QuotecheckError

if TYPE_CHECKING:
    import yaml


def _loader() -> type[yaml.SafeLoader]:
    """libyaml when installed (same safety, ~10x faster), else the pure-Python loader.

    PyYAML is imported here, on the first file read, not with this module: building its
    classes costs more than a quote check's whole search.
    """
    import yaml

    loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return loader


MAX_YAML_CHARS = 8_000_000
"""Largest YAML document accepted (characters): far above any real review or claims file."""

MAX_YAML_DEPTH = 100
"""Deepest nesting of lists and mappings accepted; real files nest a few levels."""


def load_yaml(
    text: str,
    *,
    path: str | None = None,
    what: str = "YAML",
    error: type[QuotecheckError] = InputError,
    line_offset: int = 0,
    bad: str | None = None,
) -> tuple[Any, yaml.Node | None]:
    """The data and node tree of one YAML document, or ``error`` naming file and line.

    ``line_offset`` shifts reported lines, for a block (front matter) that starts mid-file;
    ``bad`` is the start of the message for text that is not YAML ("not valid <what>").
    """
    if len(text) > MAX_YAML_CHARS:
        raise error(
            f"{what} is too large ({len(text):,} characters; at most {MAX_YAML_CHARS:,})",
            path=path,
            line=None,
        )
    import yaml

    try:
        _refuse_aliases(text, path=path, what=what, error=error, line_offset=line_offset)
        loader = _loader()(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        except (ValueError, OverflowError) as err:  # a scalar YAML cannot build: 2024-02-30
            culprit = _unbuildable(loader, node) if node is not None else None
            at = culprit.start_mark.line + 1 + line_offset if culprit is not None else None
            shown = f" {culprit.value!r}" if culprit is not None else ""
            raise error(f"{what} has an impossible value{shown}: {err}", path=path, line=at) from None
        finally:
            loader.dispose()
    except yaml.YAMLError as fast:
        exc = _precise(text, fast)
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 + line_offset if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise error(f"{bad or 'not valid ' + what}: {problem}", path=path, line=line) from None
    except RecursionError:
        raise error(f"{what} is nested too deeply", path=path, line=None) from None
    return data, node


def _unbuildable(loader: yaml.SafeLoader, root: yaml.Node) -> yaml.ScalarNode | None:
    """The first scalar whose value cannot be built (an impossible date), for its line."""
    import yaml

    stack = [root]
    while stack:
        node = stack.pop(0)
        if isinstance(node, yaml.ScalarNode):
            loader.constructed_objects, loader.recursive_objects = {}, {}  # after the failed build
            try:
                loader.construct_object(node)
            except (ValueError, OverflowError, yaml.YAMLError):
                return node
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(n for pair in node.value for n in pair)
    return None


def _precise(text: str, fast: yaml.YAMLError) -> yaml.YAMLError:
    """The pure-Python loader's error for bad text: libyaml marks some errors a line late."""
    import yaml

    if _loader() is yaml.SafeLoader:
        return fast
    try:
        yaml.safe_load(text)
    except yaml.YAMLError as exc:
        return exc
    return fast


def _refuse_aliases(
    text: str, *, path: str | None, what: str, error: type[QuotecheckError], line_offset: int
) -> None:
    """Scan parser events (no objects built) for anchors, aliases and excess nesting."""
    import yaml

    depth = 0
    for event in yaml.parse(text, Loader=_loader()):
        line = event.start_mark.line + 1 + line_offset if event.start_mark else None
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise error(
                f"{what} uses an anchor or alias (&/*), which quotecheck files may not", path=path, line=line
            )
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                raise error(f"{what} is nested more than {MAX_YAML_DEPTH} levels deep", path=path, line=line)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1


def seq_items(node: yaml.Node | None) -> list[yaml.Node]:
    """The item nodes of a sequence node, or none."""
    import yaml

    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


def mapping_value(node: yaml.Node | None, key: str) -> yaml.Node | None:
    """The value node under ``key`` in a mapping node, if there is one."""
    import yaml

    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if getattr(k, "value", None) == key:
                value: yaml.Node = v
                return value
    return None


def item_line(items: list[yaml.Node], i: int) -> int | None:
    """1-based line of the ``i``-th item, when the tree has it."""
    return items[i].start_mark.line + 1 if i < len(items) else None
