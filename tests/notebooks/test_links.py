"""Links between notebooks lead to their pages: Markdown links to the page's source (MkDocs
resolves it within the edition), HTML links to its URL; code and other links are left alone."""

from __future__ import annotations

from trainfer.notebooks.links import NotebookLinks

LINKS = NotebookLinks({"other", "08-More", "Index", "two words"})


def test_markdown_links_reference_definitions_and_html_links():
    source = ("[a](other.ipynb) [b](./08-More.ipynb#Section-Two) [c](<Index.ipynb>)\n"
              "[d]: other.ipynb#What's-New?\n"
              '<a href="other.ipynb#A-B">e</a> <a href=\'Index.ipynb\'>f</a> [g](two%20words.ipynb)')
    out = LINKS.markdown(source)
    assert "[a](other.md) [b](08-More.md#section-two) [c](<Index.md>)" in out
    assert "[d]: other.md#whats-new" in out
    assert '<a href="../other/#a-b">e</a> <a href=\'../Index/\'>f</a>' in out
    assert "[g](two%20words.md)" in out


def test_code_unknown_notebooks_other_hosts_and_files_stay_as_they_are():
    source = ("`[x](other.ipynb)`\n\n```\n[y](other.ipynb)\n```\n\n[z](missing.ipynb) "
              "[w](https://example.com/other.ipynb) [v](data/other.ipynb) ![i](other.ipynb.png)")
    assert LINKS.markdown(source) == source


def test_html_outputs_and_pages_without_directory_urls():
    html = '<a href="other.ipynb">x</a> <pre>href="other.ipynb"</pre>'
    assert LINKS.html(html) == '<a href="../other/">x</a> <pre>href="other.ipynb"</pre>'
    flat = NotebookLinks({"other"}, directory_urls=False)
    assert flat.html('<a href="other.ipynb#S-T">') == '<a href="other.html#s-t">'
    assert flat.markdown("[x](other.ipynb)") == "[x](other.md)"
