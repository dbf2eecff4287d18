"""Ledgers: multiply-adds, other operations and bytes moved, by phase and by number format.

Counts follow formulas for dense layers, as a chip runs them, never the Python shortcuts (a
chip does not know that a pixel is 0). For I inputs, H hidden units, O outputs,
P = I*H + H + H*O + O parameters and b bytes per value, one page costs:

    phase     multiply-adds  other operations                       bytes read       written
    forward   I*H + H*O      2H + O (biases, ReLU) + 3O (softmax:   (P + I) b        (H + O) b
                             exp, sum, divide) + 1 (the loss's log)
    backward  I*H + 2H*O     O (p - y) + H (ReLU mask)              (H*O+I+H+O) b    P b
    update    P              0                                      2P b             P b
    reading   I*H + H*O      2H + O + O (argmax)                    (P + I) b        (H + O) b

Backward forms the gradient of every weight (I*H + H*O products) and passes the error back
through the second layer (H*O); the first layer's input gradient is never needed. The update is
one multiply-add per parameter (w - rate * g).

Integer-only training adds what fixed point needs: every product is shifted back and saturated
(forward H + 2O, backward O + 2H + 2(I*H + H*O), update 2P operations), all in int32.
Int8 reading with per-tensor scales keeps int32 biases and logits and rescales the hidden layer
(4H + 2O int32 operations; weights 1 byte, biases 4).
"""

from explainers.precision import FORMATS, Fixed

PHASES = ("forward", "backward", "update")
FIELDS = ("macs", "ops", "bytes_read", "bytes_written")


class Ledger:
    """Counts keyed by (phase, format); add, merge and total them.

    >>> ledger = Ledger().add("forward", "fp32", macs=10, ops=2)
    >>> ledger.merge(ledger, times=2).total()["macs"]
    30
    """

    def __init__(self):
        self.rows: dict[tuple[str, str], list[int]] = {}

    def add(self, phase: str, fmt: str, macs: int = 0, ops: int = 0, bytes_read: int = 0,
            bytes_written: int = 0) -> "Ledger":
        """Count some work; returns the ledger, so calls chain."""
        row = self.rows.setdefault((phase, fmt), [0, 0, 0, 0])
        for n, value in enumerate((macs, ops, bytes_read, bytes_written)):
            row[n] += value
        return self

    def merge(self, other: "Ledger", times: int = 1) -> "Ledger":
        """Add `times` copies of another ledger's counts to this one."""
        for key, row in list(other.rows.items()):
            self.add(*key, *(value * times for value in row))
        return self

    def total(self, phase: str | None = None, fmt: str | None = None) -> dict[str, int]:
        """Field totals, optionally for one phase and/or one format."""
        sums = [0, 0, 0, 0]
        for (p, f), row in self.rows.items():
            if phase in (None, p) and fmt in (None, f):
                sums = [a + b for a, b in zip(sums, row, strict=True)]
        return dict(zip(FIELDS, sums, strict=True))

    def formats(self) -> list[str]:
        """The formats this ledger's work runs in."""
        return sorted({f for _, f in self.rows})

    def to_list(self) -> list[dict]:
        """One plain dict per (phase, format), in phase order: ready for JSON."""
        order = sorted(self.rows, key=lambda k: (PHASES.index(k[0]), k[1]))
        return [{"phase": p, "format": f, **dict(zip(FIELDS, self.rows[(p, f)], strict=True))}
                for p, f in order]

    def table(self) -> str:
        """The ledger as aligned text, one line per (phase, format) and a total."""
        lines = [("phase", "format", *FIELDS)]
        lines += [(r["phase"], r["format"], *(f"{r[k]:,}" for k in FIELDS))
                  for r in self.to_list()]
        lines.append(("total", "", *(f"{v:,}" for v in self.total().values())))
        widths = [max(len(line[n]) for line in lines) for n in range(len(lines[0]))]
        return "\n".join(
            "  ".join(cell.rjust(w) if n > 1 else cell.ljust(w)
                      for n, (cell, w) in enumerate(zip(line, widths, strict=True))).rstrip()
            for line in lines)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Ledger) and self.rows == other.rows


def count_params(inputs: int, hidden: int, outputs: int) -> int:
    """The number of weights and biases."""
    return inputs * hidden + hidden + hidden * outputs + outputs


def teaching(inputs: int, hidden: int, outputs: int, fmt: str) -> Ledger:
    """The ledger of teaching one page in `fmt`: forward, backward and update.

    >>> teaching(144, 16, 10, "fp32").total("forward")["macs"] == 144 * 16 + 16 * 10
    True
    """
    i, h, o, b = inputs, hidden, outputs, FORMATS[fmt].bytes
    p = count_params(i, h, o)
    ops = FORMATS[fmt].op_format
    ledger = Ledger()
    ledger.add("forward", fmt, macs=i * h + h * o, bytes_read=(p + i) * b,
               bytes_written=(h + o) * b)
    ledger.add("forward", ops, ops=2 * h + o + 3 * o + 1)
    ledger.add("backward", fmt, macs=i * h + 2 * h * o, bytes_read=(h * o + i + h + o) * b,
               bytes_written=p * b)
    ledger.add("backward", ops, ops=o + h)
    ledger.add("update", fmt, macs=p, bytes_read=2 * p * b, bytes_written=p * b)
    if isinstance(FORMATS[fmt], Fixed):  # shifts back after products, and saturation
        ledger.add("forward", ops, ops=h + 2 * o)
        ledger.add("backward", ops, ops=o + 2 * h + 2 * (i * h + h * o))
        ledger.add("update", ops, ops=2 * p)
    return ledger


def reading(inputs: int, hidden: int, outputs: int, fmt: str) -> Ledger:
    """The ledger of reading one page in `fmt` (int8: per-tensor scales, int32 biases).

    >>> reading(144, 16, 10, "int8").total()["bytes_read"]
    2712
    """
    i, h, o, b = inputs, hidden, outputs, FORMATS[fmt].bytes
    ops = FORMATS[fmt].op_format
    ledger = Ledger()
    if fmt == "int8":
        ledger.add("forward", fmt, macs=i * h + h * o, bytes_read=i * h + h * o + 4 * (h + o) + i,
                   bytes_written=h + 4 * o)
        return ledger.add("forward", ops, ops=4 * h + 2 * o)
    ledger.add("forward", fmt, macs=i * h + h * o, bytes_read=(count_params(i, h, o) + i) * b,
               bytes_written=(h + o) * b)
    extra = h + 2 * o if isinstance(FORMATS[fmt], Fixed) else 0
    return ledger.add("forward", ops, ops=2 * h + 2 * o + extra)
