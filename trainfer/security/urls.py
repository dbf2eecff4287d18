"""Which URLs stay on the site's own origin, and which URLs a piece of HTML or SVG would load."""

from __future__ import annotations

import re
from html.parser import HTMLParser

SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.IGNORECASE)
NETWORK_SCHEMES = {"http", "https", "ftp", "ws", "wss"}
DATA_IMAGE = re.compile(r"^data:image/(?:png|jpeg|gif|webp);", re.IGNORECASE)
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]*)|@import\s+['"]([^'"]*)""", re.IGNORECASE)
# Attributes with which an element loads something by itself (no click needed).
LOADING = {"src", "srcset", "poster", "data", "background", "href", "xlink:href"}
HREF_LOADS = {"link", "image", "use", "feimage", "script"}  # href elsewhere is a link


def normalized(url: str) -> str:
    """The URL as a browser reads it: no whitespace or control characters, `\\` as `/`."""
    return re.sub(r"[\x00-\x20\x7f]", "", url).replace("\\", "/")


def is_local(url: str) -> bool:
    """Relative to this site (a path, a #fragment or ?query): no scheme, no //host.

    >>> [is_local(u) for u in ("../x.png", "#a", "/x", "//evil.test/x", "https://a", "java\\nscript:x")]
    [True, True, True, False, False, False]
    """
    url = normalized(url)
    return not SCHEME.match(url) and not url.startswith("//")


def is_outside(url: str) -> bool:
    """Whether fetching this URL would reach another host (http(s), ftp, ws(s) or //host)."""
    url = normalized(url)
    match = SCHEME.match(url)
    return url.startswith("//") or bool(match and match[1].lower() in NETWORK_SCHEMES)


def is_image_source(url: str) -> bool:
    """An <img> source the site allows: a relative path, or an inline PNG/JPEG/GIF/WebP."""
    return is_local(url) or bool(DATA_IMAGE.match(normalized(url)))


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        self.in_style = tag == "style"
        for name, value in attrs:
            if value is None:
                continue
            if name == "style":
                self.found += [a or b for a, b in CSS_URL.findall(value)]
            elif name in ("href", "xlink:href") and tag not in HREF_LOADS:
                continue
            elif name == "srcset":
                self.found += [part.split()[0] for part in value.split(",") if part.split()]
            elif name in LOADING:
                self.found.append(value)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.in_style = False

    def handle_endtag(self, tag):
        self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            self.found += [a or b for a, b in CSS_URL.findall(data)]


def outside_loads(html: str) -> list[str]:
    """The URLs on other hosts that this HTML or SVG would load by itself (images, styles...).

    >>> outside_loads('<img src="https://x.test/a.png"><a href="https://y.test/">ok</a><img src="a.png">')
    ['https://x.test/a.png']
    """
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return [url for url in finder.found if is_outside(url)]
