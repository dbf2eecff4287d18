"""A two-edition site (English and Chinese) of two notebooks that between them show everything
a teaching notebook produces: every output type (made by running code, since stored outputs are
cleared before a run), ANSI colours, a cell that fails on purpose, attachments, raw cells of
each format, a first cell with its own title and links between the notebooks."""

from __future__ import annotations

import base64
import shutil
from pathlib import Path

import nbformat
from conftest import ROOT, mkdocs_build
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_raw_cell
from notebooks_support import trainfer_meta

CONFIG = """site_name: Render all
strict: true
use_directory_urls: true
theme:
  name: material
  font: false
plugins:
  - trainfer/i18n:
      languages:
        en: English
        zh: 中文
  - trainfer/atomic
  - trainfer/runtime:
      node_modules: {root}/node_modules
      explainers: {root}/explainers
      # content-addressed, so one snapshot serves every fixture site built with these wheels
      snapshot_cache_dir: {root}/.trainfer-cache/snapshots
  - trainfer/notebooks
  - trainfer/security
markdown_extensions:
  - attr_list
  - md_in_html
  - tables
  - toc:
      permalink: true
  - pymdownx.highlight
  - pymdownx.superfences
extra_css:
  - assets/trainfer/trainfer.css
nav:
  - Home: index.md
  - Notebooks: notebooks/index.md
not_in_nav: |
  /notebooks/*.md
  /zh/
"""
GIF = "R0lGODlhAQABAIAAAAUEBAAAACwAAAAAAQABAAACAkQBADs="  # 1x1, dark

IMAGES = '''import struct, zlib

def png(width, height, rgb):
    """A one-colour PNG, written with the standard library."""
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    rows = b"".join(b"\\0" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\\x89PNG\\r\\n\\x1a\\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))

def jpeg():
    """An 8x8 baseline JPEG of one grey (64): one block, DC only, one-code Huffman tables."""
    def seg(marker, body):
        return bytes([0xFF, marker]) + struct.pack(">H", len(body) + 2) + body
    one_code = bytes([1] + [0] * 15)
    return (b"\\xff\\xd8" + seg(0xDB, bytes([0] + [1] * 64))
            + seg(0xC0, bytes([8]) + struct.pack(">HH", 8, 8) + bytes([1, 1, 0x11, 0]))
            + seg(0xC4, bytes([0x00]) + one_code + bytes([10]))
            + seg(0xC4, bytes([0x10]) + one_code + bytes([0]))
            + seg(0xDA, bytes([1, 1, 0x00, 0, 63, 0])) + bytes([0x3F, 0xEF]) + b"\\xff\\xd9")'''

SPEC = '''{"$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "title": "Two bars", "mark": "bar",
        "data": {"values": [{"k": "a", "v": 1}, {"k": "b", "v": 3}]},
        "encoding": {"x": {"field": "k", "type": "nominal"},
                     "y": {"field": "v", "type": "quantitative"}}}'''

CODE = [
    ("from IPython.display import HTML, SVG, Image, Latex, Markdown, display\n\n" + IMAGES, []),
    ('display(Markdown("**Bold Markdown output** with $e^{i\\\\pi} + 1 = 0$"))', []),
    ('display(Latex(r"$$\\int_0^1 x^2\\,dx = \\frac{1}{3}$$"))', []),
    ("display(HTML('<table class=\"tf-test-html\"><tr><th>html</th><td>output</td></tr></table>'))", []),
    ("display(Image(png(8, 8, (200, 30, 30)), width=64))", []),
    ("display(Image(jpeg(), format='jpeg'))", []),
    ("display(SVG('<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"30\">'\n"
     "            '<rect width=\"120\" height=\"30\" style=\"fill:#3f51b5\"/>'\n"
     "            '<text x=\"8\" y=\"20\" fill=\"#fff\">svg output</text></svg>'))", []),
    (f"spec = {SPEC}\n"
     "display({'application/vnd.vegalite.v6+json': spec, 'text/plain': '<VegaLite 6 object>'},"
     " raw=True)", []),
    ('import sys\nprint("\\x1b[31mred stream\\x1b[0m and \\x1b[1;32mbold green\\x1b[0m")\n'
     'print("\\x1b[38;5;28mextended colour\\x1b[0m")\nprint("to stderr", file=sys.stderr)', []),
    ("6 * 7", []),
    ("def divide(a, b):\n    return a / b\n\ndivide(1, 0)", ["raises-exception"]),
    ('print("after the failing cell")', []),
]


def _png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """The notebook's own PNG writer (IMAGES), for the attachment."""
    names: dict = {}
    exec(IMAGES, names)  # noqa: S102 - our own fixture code, run here as the kernel runs it
    return names["png"](width, height, rgb)


def _notebook(title: str, cells) -> nbformat.NotebookNode:
    nb = new_notebook()
    nb.cells = cells
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["trainfer"] = trainfer_meta(title=title, summary=f"{title}: the fixture.")
    return nb


def render_all() -> nbformat.NotebookNode:
    """The notebook with one of everything."""
    first = new_markdown_cell(
        "# Every output, rendered\n\n"
        "Read [the other notebook](other.ipynb), [its second section](./other.ipynb#Second-Section) "
        'or <a href="other.ipynb" class="tf-test-html-link">the same, in HTML</a>.\n\n'
        "An attached PNG: ![attached PNG](attachment:dot.png) and GIF: "
        "![attached GIF](attachment:dot%20one.gif)")
    first.attachments = {"dot.png": {"image/png": base64.b64encode(_png(4, 4, (30, 160, 60))).decode()},
                         "dot one.gif": {"image/gif": GIF}}
    raws = [new_raw_cell('<p class="tf-test-raw">Raw <b>HTML</b></p><script>alert(1)</script>',
                         metadata={"raw_mimetype": "text/html"}),
            new_raw_cell("**Raw Markdown** with $a^2 + b^2$", metadata={"raw_mimetype": "text/markdown"}),
            new_raw_cell(r"Raw \LaTeX: $$\sqrt{2}$$", metadata={"raw_mimetype": "text/latex"}),
            new_raw_cell("Raw text, <b>not bold</b>, shown as typed.")]
    code = [new_code_cell(source, metadata={"tags": tags} if tags else {}) for source, tags in CODE]
    return _notebook("Every output", [first, *raws, *code])


def other() -> nbformat.NotebookNode:
    """The notebook the first one links to."""
    return _notebook("The other notebook", [
        new_markdown_cell("# The other notebook\n\nBack to [every output](render_all.ipynb)."),
        new_markdown_cell("## Second Section\n\nLinked to from the first notebook."),
    ])


def render_all_project(folder: Path) -> Path:
    """The project folder; its mkdocs.yml."""
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "index.md").write_text("# Render all\n")
    shutil.copytree(ROOT / "i18n", folder / "i18n")
    (folder / "notebooks").mkdir()
    (folder / "data").mkdir()
    nbformat.write(render_all(), folder / "notebooks" / "render_all.ipynb")
    nbformat.write(other(), folder / "notebooks" / "other.ipynb")
    config = folder / "mkdocs.yml"
    config.write_text(CONFIG.format(root=ROOT.as_posix()))
    return config


_BUILT: dict[str, Path] = {}


def render_all_site(tmp_path_factory) -> Path:
    """The built site (built once per test session, shared by the HTML and browser tests)."""
    if "site" not in _BUILT:
        folder = tmp_path_factory.mktemp("render_all")
        done = mkdocs_build(render_all_project(folder), folder / "site")
        assert done.returncode == 0, f"{done.stdout}\n{done.stderr}"
        _BUILT["site"] = folder / "site"
    return _BUILT["site"]
