"""The memory ledger: the most bytes held at once, by kind, for teaching a batch and for reading
a page. This is where training and inference chips differ most.

For P parameters, b bytes per value in the compute format, a batch of B pages of I pixels, H
hidden units and O outputs, teaching holds at the end of a batch's backward pass:

    kind             teaching                                   reading a page
    weights          P b                                        P b (int8: weights 1 byte,
                                                                    biases 4)
    gradients        P b                                        0
    optimizer_state  k P s: k = 0 (sgd), 1 (momentum), 2 (adam) 0
    master_copy      4 P in mixed precision (fp16, bf16), else 0 0
    activations      B (I + H + O) b: kept for the backward     (I + H + O) b (int8: I + H + 4 O)

where s = 4 (fp32) in mixed precision, else b. Mixed-precision Adam thus holds 2 + 2 + 8 + 4 =
16 bytes per parameter before activations, as Rajbhandari et al. count it (ZeRO, SC 2020); an
fp16 reader holds 2. The teacher and student measure these from the lists they really hold
(`Learner.remember`, `Student.read`); the closed forms below are the check.
"""

from explainers.ledger import count_params
from explainers.optimizers import OPTIMIZERS
from explainers.precision import FORMATS, keeps_master

KINDS = ("weights", "gradients", "optimizer_state", "master_copy", "activations")


class Memory:
    """Bytes held, by kind (KINDS); absent kinds hold nothing.

    >>> Memory(weights=40, activations=8).total(), Memory(weights=4) == Memory(weights=4)
    (48, True)
    """

    def __init__(self, **held: int):
        unknown = set(held) - set(KINDS)
        if unknown:
            raise ValueError(f"unknown kinds {sorted(unknown)}: expected {', '.join(KINDS)}")
        self.held = {kind: held.get(kind, 0) for kind in KINDS}

    def __repr__(self) -> str:
        return "Memory(" + ", ".join(f"{k}={v}" for k, v in self.held.items() if v) + ")"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Memory) and self.held == other.held

    def __getitem__(self, kind: str) -> int:
        return self.held[kind]

    def total(self) -> int:
        """All the bytes held."""
        return sum(self.held.values())

    def to_list(self) -> list[dict]:
        """One plain dict per kind, then the total: ready for JSON."""
        rows = [{"kind": k, "bytes": v} for k, v in self.held.items()]
        return rows + [{"kind": "total", "bytes": self.total()}]

    def table(self) -> str:
        """The ledger as aligned text."""
        return _table(self.to_list())


class Beside:
    """Memory ledgers side by side, one column each (teacher against student, say).

    >>> print(Beside(teaching=Memory(weights=8), reading=Memory(weights=2)).table())
    kind             teaching  reading
    weights                 8        2
    gradients               0        0
    optimizer_state         0        0
    master_copy             0        0
    activations             0        0
    total                   8        2
    """

    def __init__(self, **columns: Memory):
        self.columns = columns

    def to_list(self) -> list[dict]:
        """One plain dict per kind (and the total), a key per column."""
        rows = [{"kind": k, **{n: m[k] for n, m in self.columns.items()}} for k in KINDS]
        return rows + [{"kind": "total", **{n: m.total() for n, m in self.columns.items()}}]

    def table(self) -> str:
        """The ledgers as aligned text."""
        return _table(self.to_list())


def _table(rows: list[dict]) -> str:
    lines = [list(rows[0])] + [[r["kind"], *(f"{v:,}" for k, v in r.items() if k != "kind")]
                               for r in rows]
    widths = [max(len(line[n]) for line in lines) for n in range(len(lines[0]))]
    return "\n".join("  ".join(c.ljust(w) if n == 0 else c.rjust(w)
                               for n, (c, w) in enumerate(zip(line, widths, strict=True)))
                     for line in lines)


def teaching(inputs: int, hidden: int, outputs: int, fmt: str, batch: int = 1,
             optimizer: str = "sgd", precision: str = "pure") -> Memory:
    """What teaching a batch holds at its peak, in closed form.

    >>> teaching(144, 16, 10, "fp16", optimizer="adam", precision="mixed").total() // 2490
    16
    """
    i, h, o, b = inputs, hidden, outputs, FORMATS[fmt].bytes
    p = count_params(i, h, o)
    master = keeps_master(fmt, precision)
    state = 4 if master else b
    return Memory(weights=p * b, gradients=p * b,
                  optimizer_state=OPTIMIZERS[optimizer].states * p * state,
                  master_copy=4 * p if master else 0, activations=batch * (i + h + o) * b)


def reading(inputs: int, hidden: int, outputs: int, fmt: str) -> Memory:
    """What reading one page holds, in closed form (int8: per-tensor scales, int32 biases).

    >>> reading(144, 16, 10, "int8")
    Memory(weights=2568, activations=200)
    """
    i, h, o, b = inputs, hidden, outputs, FORMATS[fmt].bytes
    if fmt == "int8":
        return Memory(weights=i * h + h * o + 4 * (h + o), activations=i + h + 4 * o)
    return Memory(weights=count_params(i, h, o) * b, activations=(i + h + o) * b)
