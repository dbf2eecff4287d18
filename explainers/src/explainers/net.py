"""The student's brain: a one-hidden-layer perceptron in plain lists, in a floating-point format.

Pixels are 0 or 1, so a page is passed as the indices of its inked pixels (`find_ink`): the
hidden layer is then a sum of a few weight rows, not a full matrix product. The ledger still
counts the full product, as a matrix unit would do it; the shortcut only makes Python fast.

Rounding follows a chip with wide accumulators: each layer's sums are rounded once to the
format, as are the gradients passed backwards and the gradients summed over a batch. The update
belongs to the optimizer (`optimizers`, `learner`), on these weights or on an fp32 master copy.
"""

import math
import operator
from itertools import chain, repeat

from explainers import batch
from explainers.books import seed_stream
from explainers.precision import FP32, Float
from explainers.softmax import cross_entropy, softmax_loss

WEIGHT_STREAM = 2
add, mul = operator.add, operator.mul


def find_ink(pixels: list[float]) -> list[int]:
    """The indices of the inked pixels of a page.

    >>> find_ink([0.0, 1.0, 1.0, 0.0])
    [1, 2]
    """
    return [i for i, v in enumerate(pixels) if v]


def draw_weights(inputs: int, hidden: int, outputs: int, seed: int) -> dict[str, list]:
    """He-uniform starting weights (zero biases) from the seed's weight stream."""
    rng = seed_stream(seed, WEIGHT_STREAM)

    def rows(n: int, width: int, fan_in: int) -> list[list[float]]:
        limit = math.sqrt(6.0 / fan_in)  # keeps ReLU activations from shrinking or exploding
        return [[limit * (2.0 * rng.random() - 1.0) for _ in range(width)] for _ in range(n)]

    return {"w1": rows(inputs, hidden, inputs), "b1": [0.0] * hidden,
            "w2": rows(outputs, hidden, hidden), "b2": [0.0] * outputs}


class Net:
    """inputs -> hidden (ReLU) -> outputs; w1 holds a row per input, w2 a row per output.

    >>> net = Net(144, 8, 10, seed=1)
    >>> h, z = net.forward([0, 5, 77])
    >>> len(h), len(z), net.predict([0, 5, 77]) in range(10)
    (8, 10, True)
    """

    def __init__(self, inputs: int, hidden: int, outputs: int, fmt: Float = FP32, seed: int = 1,
                 weights: dict[str, list] | None = None):
        self.inputs, self.hidden, self.outputs, self.fmt = inputs, hidden, outputs, fmt
        w = weights or draw_weights(inputs, hidden, outputs, seed)
        rnd = fmt.round
        self.w1 = [rnd(row) for row in w["w1"]]
        self.b1 = rnd(w["b1"])
        self.w2 = [rnd(row) for row in w["w2"]]
        self.b2 = rnd(w["b2"])

    def weights(self) -> dict[str, list]:
        """The weights as plain floats (copies), to hand to another net or format."""
        return {"w1": [list(r) for r in self.w1], "b1": list(self.b1),
                "w2": [list(r) for r in self.w2], "b2": list(self.b2)}

    def forward(self, on: list[int]) -> tuple[list[float], list[float]]:
        """Hidden activations and logits for a page given by its inked pixels."""
        rnd = self.fmt.round
        rows = [self.w1[i] for i in on]
        sums = map(sum, zip(*rows, strict=True)) if rows else repeat(0.0)
        h = rnd(list(map(add, self.b1, sums)))
        h = [v if v > 0.0 else 0.0 for v in h]
        z = rnd([sum(map(mul, row, h)) + b for row, b in zip(self.w2, self.b2, strict=True)])
        return h, z

    def predict(self, on: list[int]) -> int:
        """The label with the largest logit."""
        z = self.forward(on)[1]
        return z.index(max(z))

    def loss(self, on: list[int], label: int) -> float:
        """Cross-entropy of one page."""
        return cross_entropy(self.forward(on)[1], label)

    def backward(self, h: list[float], z: list[float], label: int, scale: float = 1.0,
                 columns: list | None = None):
        """Loss, and gradients of the loss (times `scale`) with respect to logits and hidden sums.

        `scale` carries the batch mean (1/B) and, in fp16, the loss scale: it multiplies the
        loss's gradient before anything is rounded, as a scaled loss would. `columns` are w2's
        columns, when a batch has them already.
        """
        rnd = self.fmt.round
        dz, loss = softmax_loss(z, label)
        dz[label] -= 1.0
        dz = rnd([d * scale for d in dz] if scale != 1.0 else dz)
        dh = rnd([sum(map(mul, col, dz)) for col in columns or zip(*self.w2, strict=True)])
        dh = [g if v > 0.0 else 0.0 for g, v in zip(dh, h, strict=True)]
        return loss, dz, dh

    def gradients(self, on: list[int], label: int) -> tuple[float, dict[str, list]]:
        """Loss and the gradient of every weight (zero rows for blank pixels), for checking."""
        h, z = self.forward(on)
        loss, dz, dh = self.backward(h, z, label)
        w1 = [[0.0] * self.hidden for _ in range(self.inputs)]
        for i in on:
            w1[i] = list(dh)  # the pixel is 1, so its row's gradient is dh itself
        return loss, {"w1": w1, "b1": dh, "w2": [[d * v for v in h] for d in dz], "b2": dz}

    def flat(self) -> list[float]:
        """Every weight and bias in one list: w1 row by row, b1, w2 row by row, b2."""
        return [*chain.from_iterable(self.w1), *self.b1, *chain.from_iterable(self.w2), *self.b2]

    def load(self, flat: list[float]) -> None:
        """Take the weights from a flat list (see `flat`), already in the format."""
        i, h, o = self.inputs, self.hidden, self.outputs
        self.w1 = [flat[k:k + h] for k in range(0, i * h, h)]
        self.b1 = flat[i * h:i * h + h]
        start = i * h + h
        self.w2 = [flat[k:k + h] for k in range(start, start + o * h, h)]
        self.b2 = flat[start + o * h:]

    def part(self, rows: list[int]) -> list[float]:
        """The weights a batch's gradient touches, in one list: the first layer's `rows` (the
        inked pixels), then b1, w2 and b2 whole (see `batch_gradients`)."""
        w1 = self.w1
        return [*chain.from_iterable([w1[i] for i in rows]), *self.b1,
                *chain.from_iterable(self.w2), *self.b2]

    def set_part(self, rows: list[int], values: list[float]) -> None:
        """Put back the weights `part(rows)` took out."""
        h, w1 = self.hidden, self.w1
        start = 0
        for i in rows:
            w1[i] = values[start:start + h]
            start += h
        o = self.outputs
        self.b1 = values[start:start + h]
        start += h
        self.w2 = [values[k:k + h] for k in range(start, start + o * h, h)]
        self.b2 = values[start + o * h:]

    def expand(self, rows: list[int], part: list) -> list:
        """A gradient in `part` layout as a full flat list (see `flat`): zeros elsewhere."""
        h = self.hidden
        zero, full, start = [part[0] * 0] * h if part else [], [], 0
        by_row = {}
        for i in rows:
            by_row[i] = part[start:start + h]
            start += h
        for i in range(self.inputs):
            full += by_row.get(i, zero)
        return full + part[start:]

    def batch_gradients(self, pages: list, scale: float = 1.0):
        """Forward and backward over a batch of (inked pixels, label) pages.

        Returns the summed loss, the answers right (before any update), the rows of the first
        layer that any page inked (sorted), the gradient summed over the batch (each page's
        times `scale`) in `part` layout, rounded once to the format (a wide accumulator, as
        matrix units have), and the activation values kept for the backward pass (inputs,
        hidden, logits of every page). Rows no page inked have a zero gradient.
        """
        total, right, rows, w1, hs, dzs, dhs = batch.collect(self, pages, scale)
        part = batch.sums(w1, dhs, batch.products(hs, dzs), dzs)
        kept = len(pages) * (self.inputs + self.hidden + self.outputs)
        return total, right, rows, self.fmt.round(part), kept
