"""Backpropagation against finite differences, in each format where it means something.

The reference is always the same weights in fp64 with central differences (eps = 1e-6, so the
reference itself is good to about 1e-9). Tolerances, |analytic - reference| <= atol + rtol *
|reference|, follow each format's unit roundoff u, with room for the few roundings a gradient
passes through:
    fp64   atol 1e-8,    rtol 1e-6   (the check of the algebra itself; seen: 4e-10)
    fp32   atol 2e-7,    rtol 1e-5   (u = 6e-8; seen: 4e-8)
    int32  atol 4e-5,    rtol 1e-3   (fixed point, step 2**-16 = 1.5e-5; seen: 1.3e-5)
    fp16   atol 2e-3,    rtol 1e-2   (u = 4.9e-4; seen: 4.3e-4)
    bf16   atol 1.5e-2,  rtol 5e-2   (u = 3.9e-3; seen: 3.6e-3)
int8 fixed point is left out on purpose: its step (1/32) is larger than most gradients, so a
comparison would only measure the rounding (test_explainers_training shows what it does).
"""

import pytest

from explainers.books import lessons
from explainers.net import Net, find_ink
from explainers.precision import FORMATS, FP64
from explainers.student import make_brain

TOLERANCES = {"fp64": (1e-8, 1e-6), "fp32": (2e-7, 1e-5), "int32": (4e-5, 1e-3),
              "fp16": (2e-3, 1e-2), "bf16": (1.5e-2, 5e-2)}
EPS = 1e-6


def numeric(weights: dict, on: list[int], label: int, name: str, row: int | None, col: int):
    """Central difference of the fp64 loss with respect to one weight."""
    def loss_at(delta: float) -> float:
        w = {k: [list(r) for r in v] if k in ("w1", "w2") else list(v) for k, v in weights.items()}
        if row is None:
            w[name][col] += delta
        else:
            w[name][row][col] += delta
        return Net(144, 8, 10, FP64, weights=w).loss(on, label)

    return (loss_at(EPS) - loss_at(-EPS)) / (2 * EPS)


@pytest.mark.parametrize("fmt", list(TOLERANCES))
def test_gradients_match_finite_differences(fmt):
    atol, rtol = TOLERANCES[fmt]
    net = Net(144, 8, 10, FP64, seed=3) if fmt == "fp64" else make_brain(fmt, 8, seed=3)
    weights = net.weights()  # the format's own (rounded) weights: both sides see the same net
    checked = 0
    for pixels, label in lessons(4, seed=7):
        on = find_ink(pixels)
        _, grads = net.gradients(on, label)
        picks = [("b2", None, k) for k in range(10)] + [("b1", None, j) for j in range(8)]
        picks += [("w2", k, j) for k in range(10) for j in (0, 3, 7)]
        picks += [("w1", i, j) for i in on[:4] + [n for n in range(144) if n not in on][:2]
                  for j in range(8)]
        for name, row, col in picks:
            analytic = grads[name][col] if row is None else grads[name][row][col]
            reference = numeric(weights, on, label, name, row, col)
            assert abs(analytic - reference) <= atol + rtol * abs(reference), (
                fmt, name, row, col, analytic, reference)
            checked += 1
    assert checked > 200


def test_fp32_gradients_are_not_trivially_zero():
    net = make_brain("fp32", 8, seed=3)
    pixels, label = lessons(1, seed=7)[0]
    _, grads = net.gradients(find_ink(pixels), label)
    assert max(abs(g) for g in grads["b2"]) > 0.01
    assert max(abs(g) for row in grads["w1"] for g in row) > 0.001


def test_every_format_is_checked_but_int8():
    assert set(TOLERANCES) - {"fp64"} == set(FORMATS) - {"int8"}
