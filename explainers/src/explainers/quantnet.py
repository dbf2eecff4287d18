"""The perceptron for an int8 reader: per-tensor scaled int8 weights, int32 sums, no floats.

Each weight matrix gets one scale (its largest magnitude maps to 127). Biases are int32 at
their accumulator's scale. The hidden layer is requantized to int8 per page (its largest value
maps to 127) with integer arithmetic only; the second bias is rescaled to match, the one step an
int8 chip does with a fixed-point multiplier and emulated here with a float division.
"""

import operator
from itertools import repeat

from explainers.fixedpoint import quantize

mul = operator.mul
add = operator.add


class QuantNet:
    """Read-only: built from float weights, answers pages, never learns.

    >>> from explainers.net import draw_weights
    >>> net = QuantNet(draw_weights(144, 8, 10, seed=1))
    >>> max(max(abs(w) for w in row) for row in net.w1)
    127
    """

    def __init__(self, weights: dict[str, list]):
        hidden = len(weights["b1"])
        q1, self.s1 = quantize([w for row in weights["w1"] for w in row])
        q2, self.s2 = quantize([w for row in weights["w2"] for w in row])
        self.w1 = [q1[n:n + hidden] for n in range(0, len(q1), hidden)]
        self.w2 = [q2[n:n + hidden] for n in range(0, len(q2), hidden)]
        # Pixels are exactly 0 or 1 (scale 1), so the first sums sit at the weights' scale.
        self.b1 = [round(b / self.s1) for b in weights["b1"]]
        self.b2 = list(weights["b2"])

    def forward(self, on: list[int]) -> tuple[list[int], list[int]]:
        """The int8 hidden layer and the int32 logits (at a per-page scale) of a page."""
        rows = [self.w1[i] for i in on]
        sums = map(sum, zip(*rows, strict=True)) if rows else repeat(0)
        acc = [v if v > 0 else 0 for v in map(add, self.b1, sums)]
        top = max(acc)
        if top == 0:
            hq, scale = [0] * len(acc), self.s1
        else:
            # Round v * 127 / top to nearest (ties up) in integers: a multiply and a division.
            hq = [(254 * v + top) // (2 * top) for v in acc]
            scale = self.s1 * top / 127
        bias = [round(b / (self.s2 * scale)) for b in self.b2]
        return hq, [sum(map(mul, row, hq)) + b for row, b in zip(self.w2, bias, strict=True)]

    def predict(self, on: list[int]) -> int:
        """The label with the largest logit (the per-page scale is positive: no need to undo)."""
        z = self.forward(on)[1]
        return z.index(max(z))
