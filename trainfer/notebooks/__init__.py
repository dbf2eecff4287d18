"""Executable notebooks: run at build time (cached by an honest key), rendered into pages."""
