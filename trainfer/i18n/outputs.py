"""The words in a notebook's outputs: printed sentences and chart titles, translated at render
time so that a notebook runs once for every edition. A unit is keyed by the digest of the exact
English text, numbers included: when a computed figure changes, its translation no longer
matches and the English line is shown (and listed) until the translation is updated."""

from __future__ import annotations

import re

from trainfer.i18n.units import digest

#: a printed line is prose when it holds four or more words in a row
SENTENCE = re.compile(r"[A-Za-z]{2,}(?:[ ,:;()'/-]+[A-Za-z]{2,}){3,}")
VEGALITE = re.compile(r"^application/vnd\.vegalite\.v\d+\+json$")


def _titles(spec, found: list[str]) -> None:
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key == "title" and isinstance(value, str) and value.strip():
                found.append(value)
            elif key == "title" and isinstance(value, dict) and isinstance(value.get("text"), str):
                found.append(value["text"])
            else:
                _titles(value, found)
    elif isinstance(spec, list):
        for item in spec:
            _titles(item, found)


def output_texts(nb) -> dict[str, str]:
    """Every translatable English text in the outputs, by unit key ('out.<digest>')."""
    found: list[str] = []
    for cell in nb.cells:
        for out in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if out.get("output_type") == "stream":
                found += [line.strip() for line in out.get("text", "").splitlines()
                          if SENTENCE.search(line)]
            for mime, data in (out.get("data") or {}).items():
                if VEGALITE.match(mime):
                    _titles(data, found)
    return {f"out.{digest(text)}": text.strip() for text in found}


def _swap_titles(spec, shown: dict):
    if isinstance(spec, dict):
        out = {}
        for key, value in spec.items():
            if key == "title" and isinstance(value, str):
                out[key] = shown.get(f"out.{digest(value)}", value)
            else:
                out[key] = _swap_titles(value, shown)
        if isinstance(out.get("title"), dict) and isinstance(out["title"].get("text"), str):
            text = out["title"]["text"]
            out["title"] = {**out["title"], "text": shown.get(f"out.{digest(text)}", text)}
        return out
    if isinstance(spec, list):
        return [_swap_titles(item, shown) for item in spec]
    return spec


def _swap_line(line: str, shown: dict) -> str:
    if not SENTENCE.search(line):
        return line
    text = shown.get(f"out.{digest(line.strip())}")
    if text is None:
        return line
    indent = line[: len(line) - len(line.lstrip())]
    return indent + text


def translate_outputs(nb, shown: dict) -> None:
    """Put the fresh output units into the notebook's outputs, in place."""
    for cell in nb.cells:
        for out in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if out.get("output_type") == "stream":
                lines = out.get("text", "").split("\n")
                out["text"] = "\n".join(_swap_line(line, shown) for line in lines)
            for mime in list(out.get("data") or {}):
                if VEGALITE.match(mime):
                    out["data"][mime] = _swap_titles(out["data"][mime], shown)
