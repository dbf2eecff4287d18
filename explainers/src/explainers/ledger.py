"""Ledgers: multiply-adds, other operations and bytes moved, by phase and by number format.

Counts follow formulas for dense layers, as a chip runs them, never the Python shortcuts (a
chip does not know that a pixel is 0). For I inputs, H hidden units, O outputs,
P = I*H + H + H*O + O parameters and b bytes per value, a batch of B pages costs:

    phase     multiply-adds  other operations                       bytes read        written
    forward   B(I*H + H*O)   B(2H + O) (biases, ReLU) + B(3O)       P b + B I b       B(H + O) b
                             (softmax: exp, sum, divide) + B (log)
    backward  B(I*H + 2H*O)  B(O + H) (p - y, ReLU mask)            H*O b +           P b
                             + B O (times the scale, when B > 1     B(I + H + O) b
                             or the loss is scaled)
    update    k_m P          k_o P                                  (2 + k) P b       (1 + k) P b
    reading   I*H + H*O      2H + O + O (argmax)                    (P + I) b         (H + O) b

The weights are read once per batch, not once per page: a batch of B pages is one matrix product
with B columns. Backward forms every weight's gradient, summed over the batch (I*H + H*O products
a page) and passes the error back through the second layer (H*O); the first layer's input
gradient is never needed, so with one hidden layer backward is close to forward, not the 2x of
deep nets. The update is element-wise: the optimizer (see `optimizers`) does k_m multiply-adds
and k_o other operations per parameter and keeps k values of state per parameter.

Mixed precision (fp16 or bf16 with an fp32 master copy) moves the update to fp32: it reads the
gradients (P b), the master and the state ((1 + k) P 4), writes them back and writes the new
weights into the format (P b): k_o P + P operations (the rounding into the format); fp16 also
checks the gradients for overflow (P operations, in fp16) and unscales them (P, in fp32). A step
skipped for an overflow costs only that check.

Integer-only training adds what fixed point needs: every product is shifted back and saturated
(forward B(H + 2O); backward B(O + 2H) + 2(I*H + H*O), the summed gradient products shifted once,
and P rounding divisions for the mean when B > 1; update 2 k_m P), all in int32.
Int8 reading with per-tensor scales keeps int32 biases and logits and rescales the hidden layer
(4H + 2O int32 operations; weights 1 byte, biases 4).
"""

from explainers.optimizers import OPTIMIZERS
from explainers.precision import FORMATS, Fixed, keeps_master

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
        if times == 0:
            return self
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


def teaching(inputs: int, hidden: int, outputs: int, fmt: str, batch: int = 1,
             optimizer: str = "sgd", precision: str = "pure", applied: bool = True) -> Ledger:
    """The ledger of teaching one batch of `batch` pages in `fmt`: forward, backward, update.

    `applied` False is a step skipped for an overflow (fp16 loss scaling): no update.

    >>> teaching(144, 16, 10, "fp32").total("forward")["macs"] == 144 * 16 + 16 * 10
    True
    >>> teaching(144, 16, 10, "fp32", batch=8).total("forward")["bytes_read"] == (2490 + 8 * 144) * 4
    True
    """
    i, h, o, b, n = inputs, hidden, outputs, FORMATS[fmt].bytes, batch
    p = count_params(i, h, o)
    ops, fixed = FORMATS[fmt].op_format, isinstance(FORMATS[fmt], Fixed)
    master, scaled = keeps_master(fmt, precision), keeps_master(fmt, precision) and fmt == "fp16"
    opt = OPTIMIZERS[optimizer]
    ledger = Ledger()
    ledger.add("forward", fmt, macs=n * (i * h + h * o), bytes_read=(p + n * i) * b,
               bytes_written=n * (h + o) * b)
    ledger.add("forward", ops, ops=n * (2 * h + 4 * o + 1))
    ledger.add("backward", fmt, macs=n * (i * h + 2 * h * o),
               bytes_read=(h * o + n * (i + h + o)) * b, bytes_written=p * b)
    scaling = n * o if (n > 1 or scaled) and not fixed else 0
    ledger.add("backward", ops, ops=n * (o + h) + scaling)
    if fixed:  # shifts back after products, and saturation; the mean is a rounding division
        ledger.add("forward", ops, ops=n * (h + 2 * o))
        ledger.add("backward", ops, ops=n * (o + 2 * h) + 2 * (i * h + h * o) + (p if n > 1 else 0))
    if scaled:  # the overflow check happens whether or not the step is then skipped
        ledger.add("update", fmt, ops=p, bytes_read=p * b)
    if not applied:
        return ledger
    k = opt.states
    if master:
        ledger.add("update", "fp32", macs=opt.macs * p, ops=opt.ops * p + p + (p if scaled else 0),
                   bytes_read=(1 + k) * p * 4 + (0 if scaled else p * b),
                   bytes_written=(1 + k) * p * 4)
        ledger.add("update", fmt, bytes_written=p * b)
        return ledger
    ledger.add("update", fmt, macs=opt.macs * p, ops=opt.ops * p, bytes_read=(2 + k) * p * b,
               bytes_written=(1 + k) * p * b)
    if fixed:
        ledger.add("update", ops, ops=2 * opt.macs * p)
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
