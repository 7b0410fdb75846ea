"""Walking a YAML node tree (``yaml.compose``) to say which line an entry is on."""

from __future__ import annotations

import yaml


def seq_items(node: yaml.Node | None) -> list[yaml.Node]:
    """The item nodes of a sequence node, or none."""
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


def mapping_value(node: yaml.Node | None, key: str) -> yaml.Node | None:
    """The value node under ``key`` in a mapping node, if there is one."""
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if getattr(k, "value", None) == key:
                value: yaml.Node = v
                return value
    return None


def item_line(items: list[yaml.Node], i: int) -> int | None:
    """1-based line of the ``i``-th item, when the tree has it."""
    return items[i].start_mark.line + 1 if i < len(items) else None
