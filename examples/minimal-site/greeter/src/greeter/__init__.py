"""Greetings, in plain Python (it runs in a notebook, at build time and in the browser)."""

__version__ = "0.1.0"


def greet(name: str) -> str:
    """A greeting for `name`.

    >>> greet("Ada")
    'Hello, Ada!'
    """
    return f"Hello, {name}!"


def shout(text: str) -> str:
    """`text` in capitals, with a mark."""
    return text.upper() + "!"
