"""The student's brain: a one-hidden-layer perceptron in plain lists, in a floating-point format.

Pixels are 0 or 1, so a page is passed as the indices of its inked pixels (`find_ink`): the
hidden layer is then a sum of a few weight rows, not a full matrix product. The ledger still
counts the full product, as a matrix unit would do it; the shortcut only makes Python fast.

Rounding follows a chip with wide accumulators: each layer's sums are rounded once to the
format, as are the gradients passed backwards; each weight update `w - rate * g` is rounded once
(a fused multiply-add), and weights never leave the format.
"""

import math
import operator
from itertools import chain, repeat

from explainers.books import seed_stream
from explainers.precision import FP32, Float
from explainers.softmax import cross_entropy, softmax_loss

WEIGHT_STREAM = 2
add, mul, sub = operator.add, operator.mul, operator.sub


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

    def backward(self, h: list[float], z: list[float], label: int):
        """Loss, and gradients of the loss with respect to the logits and hidden sums."""
        rnd = self.fmt.round
        dz, loss = softmax_loss(z, label)
        dz[label] -= 1.0
        dz = rnd(dz)
        dh = rnd([sum(map(mul, col, dz)) for col in zip(*self.w2, strict=True)])
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

    def update(self, on: list[int], h: list[float], dz: list[float], dh: list[float],
               rate: float) -> None:
        """One step of plain gradient descent; only the rows of inked pixels change."""
        rnd, hidden = self.fmt.round, self.hidden
        self.w2 = [rnd(list(map(sub, row, map(mul, h, repeat(rate * d)))))
                   for row, d in zip(self.w2, dz, strict=True)]
        self.b2 = rnd([b - rate * d for b, d in zip(self.b2, dz, strict=True)])
        if any(dh):
            step = [rate * g for g in dh]
            w1 = self.w1
            # All changed rows in one flat list and one rounding call: far cheaper than a call
            # per row. The pixel is 1, so each row's gradient is dh itself.
            flat = rnd(list(map(sub, chain.from_iterable([w1[i] for i in on]), step * len(on))))
            start = 0
            for i in on:
                w1[i] = flat[start:start + hidden]
                start += hidden
            self.b1 = rnd(list(map(sub, self.b1, step)))

    def learn(self, on: list[int], label: int, rate: float) -> tuple[float, bool]:
        """Answer a page, be corrected: returns the loss and whether the answer was right."""
        h, z = self.forward(on)
        loss, dz, dh = self.backward(h, z, label)
        self.update(on, h, dz, dh, rate)
        return loss, z.index(max(z)) == label
