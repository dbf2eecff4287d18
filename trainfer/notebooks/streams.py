"""A cell's stream outputs merged into one per stream, carriage returns applied (a progress line
keeps its last state), in time linear in the text: what nbclient's `coalesce_streams` does.

nbclient does it with a regular expression that is quadratic on a long line (`.*\\r(?=[^\\n])`
tries `.*` from every position): a cell printing 200 KB without a newline held the build for 43 s
after the cell had ended, beyond any time limit (2 MB: over an hour). (Its backspace pass never
runs, so backspaces stay as they are here too.)
"""

from __future__ import annotations


def _carriage_returns(text: str) -> str:
    """Each line keeps what follows its last carriage return (one that ends the line is text)."""
    if "\r" not in text:
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        cut = line.rfind("\r", 0, len(line) - 1)
        if cut >= 0:
            lines[i] = line[cut + 1:]
    return "\n".join(lines)


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def coalesce(outputs: list) -> list:
    """One output per stream name (at the place of its first), then stdout before stderr when
    they are neighbours: the two come asynchronously, so their order is not the program's."""
    merged, streams, parts = [], {}, {}
    for output in outputs:
        if output.get("output_type") != "stream":
            merged.append(output)
            continue
        name = output.get("name")
        if name not in streams:
            streams[name], parts[name] = output, []
            merged.append(output)
        parts[name].append(_text(output.get("text", "")))
    for name, output in streams.items():
        output["text"] = _carriage_returns("".join(parts[name]))
    for i in range(len(merged) - 1):
        this, after = merged[i], merged[i + 1]
        if (this.get("output_type") == after.get("output_type") == "stream"
                and this.get("name") == "stderr" and after.get("name") == "stdout"):
            merged[i], merged[i + 1] = after, this
    return merged


def coalesce_cells(nb) -> None:
    """Coalesce the stream outputs of every code cell of `nb`, in place."""
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.get("outputs"):
            cell.outputs = coalesce(cell.outputs)
