"""Every trainfer plugin's options as Markdown tables, read from the config classes at build time.

`<!-- trainfer:options -->` in a page becomes one table per plugin: each option's name, type,
default and the `#:` comment above it in the config class, so the documentation cannot drift
from the code.
"""

from __future__ import annotations

import ast
import inspect
import json
import textwrap
from importlib.metadata import entry_points

from mkdocs.config import config_options as c

MARKER = "<!-- trainfer:options -->"


def plugins() -> dict[str, type]:
    """Each trainfer plugin's config class, by the name a mkdocs.yml gives the plugin."""
    found = {e.name: e.load() for e in entry_points(group="mkdocs.plugins")
             if e.name.startswith("trainfer/")}
    return {name: found[name].config_class for name in sorted(found)}


def comments(config_class: type) -> dict[str, str]:
    """The `#:` comment lines right above each option in the class's source."""
    source = textwrap.dedent(inspect.getsource(config_class))
    lines = source.splitlines()
    out = {}
    for node in ast.parse(source).body[0].body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            above, row = [], node.lineno - 2
            while row >= 0 and lines[row].strip().startswith("#:"):
                above.insert(0, lines[row].strip()[2:].strip())
                row -= 1
            out[node.targets[0].id] = " ".join(above)
    return out


def kind(option) -> str:
    """The option's type in words: str, int, bool, dict, list of str, optional str."""
    if isinstance(option, c.Optional):
        return f"optional {kind(option.option)}"
    if isinstance(option, c.ListOfItems):
        return f"list of {kind(option.option_type)}"
    if isinstance(option, c.Type):
        expected = option._type
        return "/".join(t.__name__ for t in expected) if isinstance(expected, tuple) else expected.__name__
    return type(option).__name__


def options(config_class: type) -> list[tuple[str, str, object, str]]:
    """(name, type, default, about) of every option, in the class's order."""
    about = comments(config_class)
    return [(name, kind(option), option.default, about.get(name, ""))
            for name, option in config_class._schema]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def options_markdown(words: dict[str, str]) -> str:
    """One heading and table per plugin; `words` gives the column titles in the page's language."""
    parts = []
    for plugin, config_class in plugins().items():
        head = f"| {words['option']} | {words['type']} | {words['default']} | {words['about']} |"
        rows = [f"| `{name}` | {kind_} | `{_cell(json.dumps(default, ensure_ascii=False))}` | "
                f"{_cell(about)} |" for name, kind_, default, about in options(config_class)]
        parts.append(f"### `{plugin}`\n\n{head}\n| --- | --- | --- | --- |\n" + "\n".join(rows))
    return "\n\n".join(parts) + "\n"
