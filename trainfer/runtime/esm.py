"""An npm package shipped only as an ES module, turned into a classic script for the site.

vega-interpreter (Vega's expression interpreter, which needs no `eval`) imports three helpers
from vega-util, which the vendored vega bundle already exposes on its global `vega`. Wrapping the
module so that it reads them from there (and publishes its exports on a global of its own) lets
the pages load it with a plain <script>, beside vega, with no bundler and no second vega-util.
"""

from __future__ import annotations

import re

IMPORT = re.compile(r"^import\s*\{([^}]*)\}\s*from\s*'([^']+)';\s*$", re.MULTILINE)
EXPORT = re.compile(r"^export\s*\{([^}]*)\};\s*$", re.MULTILINE)
NAME = re.compile(r"^[A-Za-z_$][\w$]*$")


def _names(listed: str) -> list[tuple[str, str]]:
    """`a as b, c` -> [("a", "b"), ("c", "c")], refusing anything else."""
    pairs = []
    for item in filter(None, (part.strip() for part in listed.split(","))):
        local, _, public = (w.strip() for w in item.partition(" as "))
        public = public or local
        if not (NAME.match(local) and NAME.match(public)):
            raise ValueError(f"unexpected name {item!r}")
        pairs.append((local, public))
    return pairs


def classic_script(module: str, imports_from: dict[str, str], exports_to: str, note: str) -> str:
    """The module as a classic script: each `import {..} from 'pkg'` reads the global named by
    `imports_from[pkg]`, and the `export {..}` list becomes the global `exports_to`.

    >>> print(classic_script("import { a } from 'u';\\nconst b = a;\\nexport { b as c };\\n",
    ...                      {"u": "vega"}, "lib", "note"), end="")
    // note
    (function () {
    const { a } = self.vega;
    const b = a;
    self.lib = { c: b };
    })();
    """
    exports = EXPORT.findall(module)
    if len(exports) != 1:
        raise ValueError("expected exactly one `export { ... };` line")

    def imported(match: re.Match) -> str:
        if match[2] not in imports_from:
            raise ValueError(f"imports from '{match[2]}', which no global provides")
        names = ", ".join(a if a == b else f"{a}: {b}" for a, b in _names(match[1]))
        return f"const {{ {names} }} = self.{imports_from[match[2]]};"

    published = ", ".join(f"{public}: {local}" for local, public in _names(exports[0]))
    body = EXPORT.sub(lambda _: f"self.{exports_to} = {{ {published} }};", module)
    body = IMPORT.sub(imported, body)
    body = re.sub(r"^//# sourceMappingURL=.*$", "", body, flags=re.MULTILINE)  # map not shipped
    if re.search(r"^\s*(?:import|export)\b", body, re.MULTILINE):
        raise ValueError("an import or export this wrapper does not understand")
    return f"// {note}\n(function () {{\n{body.rstrip()}\n}})();\n"
