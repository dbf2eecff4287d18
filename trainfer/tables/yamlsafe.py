"""YAML for data files: anchors and aliases kept, their expansion bounded; tags and deep nesting refused.

PyYAML shares an aliased node instead of copying it, so a "billion laughs" file loads small,
then explodes in whatever walks it (validation, a repr in a message). Its C parser also recurses
once per nesting level (a few hundred thousand `[` crash the process) and slows quadratically
with depth. So, before building anything, one pass over the parser's events counts the nodes
the document would have with every alias expanded, and stops at the first event over a limit.
"""

from __future__ import annotations

import yaml

from trainfer.tables.errors import brief, cut
from trainfer.tables.limits import OPTION, position

BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: 10x faster
BYTE_OFFSETS = BASE is not yaml.SafeLoader  # libyaml counts a ReaderError's position in bytes
MAX_DEPTH = 32  # levels of nesting; today's files use 4 (file, rows, row, list of sources)
YAML_TAGS = "tag:yaml.org,2002:"


class YamlRefused(ValueError):
    """A YAML document refused or malformed: the message says where (line, column) and why."""


class Loader(BASE):
    """A safe loader that refuses a repeated key (YAML keeps the last) and leaves dates as text."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != f"{YAML_TAGS}timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {brief(key)}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def load(text: str, max_nodes: int):
    """The document in `text`, checked first (see `check`); YamlRefused says what is wrong where."""
    try:
        check(text, max_nodes)
        return yaml.load(text, Loader=Loader)
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, e.g. NUL
        data = text.encode() if BYTE_OFFSETS else text
        line, column = position(data, exc.position)
        raise YamlRefused(f"malformed YAML at line {line}, column {column}: character "
                          f"#x{exc.character:04X}: {exc.reason}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise YamlRefused(f"malformed YAML{where}: {cut(problem)}") from None


def check(text: str, max_nodes: int) -> None:
    """Raise YamlRefused at the first tag, nesting past MAX_DEPTH, or node past `max_nodes`.

    Nodes are counted as if every alias were replaced by a copy of its anchored node.
    """
    parser = BASE(text)
    try:
        _walk(parser, max_nodes)
    finally:
        parser.dispose()


def _walk(parser, max_nodes: int) -> None:
    sizes: dict[str, int | None] = {}  # anchor -> expanded node count (None: still open)
    stack: list[list] = []  # per open collection: [anchor, node count so far, itself included]
    total = 0
    while parser.check_event():
        event = parser.get_event()
        line = event.start_mark.line + 1
        if isinstance(event, yaml.CollectionEndEvent):
            anchor, size = stack.pop()
            if anchor is not None:
                sizes[anchor] = size
            if stack:
                stack[-1][1] += size
            continue
        if isinstance(event, yaml.AliasEvent):
            size = sizes.get(event.anchor, 1)  # an undefined alias: the composer names it
            if size is None:
                raise _refused(line, f"alias *{cut(event.anchor)} is inside the collection "
                               "it refers to (a loop)")
        elif isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)):
            if event.tag is not None:
                tag = event.tag.replace(YAML_TAGS, "!!", 1)
                raise _refused(line, f"tag {brief(tag)}: data files are plain YAML (text, "
                               "numbers, lists, mappings) without tags")
            size = 1
        else:  # stream and document boundaries
            continue
        total += size
        if total > max_nodes:
            what = "aliases expand this file" if isinstance(event, yaml.AliasEvent) else "this file has"
            raise _refused(line, f"{what} past {max_nodes:,} nodes (values, keys, lists, "
                           f"mappings), the limit set by {OPTION.format('max_yaml_nodes')}")
        if isinstance(event, yaml.CollectionStartEvent):
            if len(stack) >= MAX_DEPTH:
                raise _refused(line, f"nested deeper than {MAX_DEPTH} levels")
            stack.append([event.anchor, 1])
            if event.anchor is not None:
                sizes[event.anchor] = None
            continue
        if event.anchor is not None:
            sizes[event.anchor] = size
        if stack:
            stack[-1][1] += size


def _refused(line: int, why: str) -> YamlRefused:
    return YamlRefused(f"refused YAML at line {line}: {why}")
