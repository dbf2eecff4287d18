"""The same perceptron with no floating point at all: integer-only training in fixed point.

Weights, activations and gradients are integers meaning value * 2**frac, held in the format's
bits: every product is shifted back with round-to-nearest-even and every result saturates
instead of wrapping. Sums of products run in a wide accumulator, as on integer chips.
The one float left is the softmax's exp, which an integer chip reads from a table; its result
is rounded to the format, which is what such a table would hold.
"""

import operator
from itertools import repeat

from explainers import batch
from explainers.fixedpoint import Fixed
from explainers.net import Net, draw_weights
from explainers.softmax import cross_entropy, softmax_loss

add, mul = operator.add, operator.mul


class FixedNet:
    """inputs -> hidden (ReLU) -> outputs in fixed point; the same layout as `Net`.

    >>> from explainers.precision import INT32
    >>> net = FixedNet(144, 8, 10, INT32, seed=1)
    >>> h, z = net.forward([0, 5, 77])
    >>> all(isinstance(v, int) for v in h + z)
    True
    """

    def __init__(self, inputs: int, hidden: int, outputs: int, fmt: Fixed, seed: int = 1,
                 weights: dict[str, list] | None = None):
        self.inputs, self.hidden, self.outputs, self.fmt = inputs, hidden, outputs, fmt
        w = weights or draw_weights(inputs, hidden, outputs, seed)
        enc = fmt.encode
        self.w1 = [enc(row) for row in w["w1"]]
        self.b1 = enc(w["b1"])
        self.w2 = [enc(row) for row in w["w2"]]
        self.b2 = enc(w["b2"])

    def weights(self) -> dict[str, list]:
        """The weights decoded to floats (exactly: the scale is a power of two)."""
        dec = self.fmt.decode
        return {"w1": [dec(r) for r in self.w1], "b1": dec(self.b1),
                "w2": [dec(r) for r in self.w2], "b2": dec(self.b2)}

    def forward(self, on: list[int]) -> tuple[list[int], list[int]]:
        """Hidden activations and logits (fixed point) for a page given by its inked pixels."""
        f = self.fmt
        rows = [self.w1[i] for i in on]
        sums = map(sum, zip(*rows, strict=True)) if rows else repeat(0)
        h = f.saturate(map(add, self.b1, sums))  # pixels are 1: no product, no shift
        h = [v if v > 0 else 0 for v in h]
        # Products carry 2*frac fraction bits: add the bias at that scale, then shift back once.
        sums = [sum(map(mul, row, h)) + (b << f.frac)
                for row, b in zip(self.w2, self.b2, strict=True)]
        z = f.shift(sums, f.frac)
        return h, z

    def predict(self, on: list[int]) -> int:
        """The label with the largest logit."""
        z = self.forward(on)[1]
        return z.index(max(z))

    def loss(self, on: list[int], label: int) -> float:
        """Cross-entropy of one page (reported as a float; training never uses it)."""
        return cross_entropy(self.fmt.decode(self.forward(on)[1]), label)

    def backward(self, h: list[int], z: list[int], label: int, scale: float = 1.0,
                 columns: list | None = None):
        """Loss, and fixed-point gradients with respect to the logits and hidden sums.

        `scale` is ignored: fixed point takes a batch's mean by a division (`batch_gradients`).
        `columns` are w2's columns, when a batch has them already.
        """
        f = self.fmt
        p, loss = softmax_loss(f.decode(z), label)
        dz = f.encode(p)
        dz[label] -= f.one
        dz = f.saturate(dz)
        dh = f.shift([sum(map(mul, col, dz)) for col in columns or zip(*self.w2, strict=True)],
                     f.frac)
        dh = [g if v > 0 else 0 for g, v in zip(dh, h, strict=True)]
        return loss, dz, dh

    def gradients(self, on: list[int], label: int) -> tuple[float, dict[str, list]]:
        """Loss and every weight's gradient, decoded to floats, for checking."""
        f = self.fmt
        h, z = self.forward(on)
        loss, dz, dh = self.backward(h, z, label)
        w1 = [[0.0] * self.hidden for _ in range(self.inputs)]
        for i in on:
            w1[i] = f.decode(dh)
        w2 = [f.decode(f.shift([d * v for v in h], f.frac)) for d in dz]
        return loss, {"w1": w1, "b1": f.decode(dh), "w2": w2, "b2": f.decode(dz)}

    flat, load, part, set_part, expand = Net.flat, Net.load, Net.part, Net.set_part, Net.expand

    def batch_gradients(self, pages: list, scale: float = 1.0):
        """Forward and backward over a batch, as `Net.batch_gradients`, in integers.

        Products are summed exactly over the batch (a wide accumulator), shifted back to the
        step once, then divided by the batch size (the mean) with rounding, and saturated.
        `scale` is ignored: fixed point takes the mean by that division instead.
        """
        f, n = self.fmt, len(pages)
        total, right, rows, w1, hs, dzs, dhs = batch.collect(self, pages, scale)
        part = batch.sums(w1, dhs, f.shift(batch.products(hs, dzs), f.frac), dzs)
        kept = n * (self.inputs + self.hidden + self.outputs)
        return total, right, rows, f.divide(part, n), kept
