"""Mini-batches: a batch's gradient is the mean of its pages' gradients (up to rounding), so one
update on a batch of N equals the update made from N single-page gradients, averaged."""

import pytest

from explainers.books import lessons
from explainers.learner import Learner
from explainers.net import Net, draw_weights, find_ink
from explainers.precision import FORMATS, FP64, Fixed
from explainers.student import make_brain

I, H, O = 144, 8, 10  # noqa: E741
N = 6
# |batch - mean of singles| <= ABS + REL * (mean of |single|): a few roundings of the format
# (seen: fp64 4e-15, fp32 4.4e-7, fp16 2.5e-3, bf16 2.9e-2; int32 two thirds of a step),
# relative to the pages' gradients before they cancel each other out in the sum
TOLERANCE = {"fp64": (1e-15, 1e-12), "fp32": (1e-9, 1e-6), "fp16": (1e-6, 4e-3),
             "bf16": (1e-5, 4e-2), "int32": (2 * 2**-16, 0.0)}


@pytest.fixture(scope="module")
def pages():
    return [(find_ink(px), label) for px, label in lessons(N, seed=11)]


def brain(fmt: str):
    weights = draw_weights(I, H, O, seed=5)
    return Net(I, H, O, FP64, weights=weights) if fmt == "fp64" else make_brain(fmt, H, 5, weights)


def as_floats(net, values):
    return net.fmt.decode(values) if isinstance(net.fmt, Fixed) else list(values)


@pytest.mark.parametrize("fmt", list(TOLERANCE))
def test_a_batch_gradient_is_the_mean_of_its_pages(fmt, pages):
    net = brain(fmt)
    loss, right, rows, part, kept = net.batch_gradients(pages, 1.0 / N)
    batch = as_floats(net, net.expand(rows, part))
    singles = []
    total = 0.0
    for page in pages:
        one = net.batch_gradients([page], 1.0)
        singles.append(as_floats(net, net.expand(one[2], one[3])))
        total += one[0]
    mean = [sum(col) / N for col in zip(*singles, strict=True)]
    size = [sum(map(abs, col)) / N for col in zip(*singles, strict=True)]  # before cancelling
    atol, rtol = TOLERANCE[fmt]
    assert all(abs(a - b) <= atol + rtol * s
               for a, b, s in zip(batch, mean, size, strict=True)), max(
        abs(a - b) / (s or 1) for a, b, s in zip(batch, mean, size, strict=True))
    assert loss == total and kept == N * (I + H + O)
    assert max(map(abs, mean)) > 0.01  # not trivially zero


@pytest.mark.parametrize("fmt, precision", [("fp32", "pure"), ("fp16", "mixed"),
                                            ("bf16", "pure"), ("int32", "pure")])
def test_one_update_on_n_pages_equals_the_averaged_single_page_updates(fmt, precision, pages):
    weights = draw_weights(I, H, O, seed=5)
    learner = Learner(make_brain(fmt, H, weights=weights), "sgd", 0.1, precision, weights)
    net = learner.net
    start = learner.master if learner.master is not None else as_floats(net, net.flat())
    singles = []
    for page in pages:  # each page's gradient alone, from the same weights, unscaled
        scale = learner.scaler.scale if learner.scaler else 1.0
        _, _, rows, part, _ = net.batch_gradients([page], scale)
        singles.append([g / scale for g in as_floats(net, net.expand(rows, part))])
    mean = [sum(col) / N for col in zip(*singles, strict=True)]
    size = [sum(map(abs, col)) / N for col in zip(*singles, strict=True)]
    expected = [w - 0.1 * g for w, g in zip(start, mean, strict=True)]
    assert learner.step(pages)[2]
    after = learner.master if learner.master is not None else as_floats(net, net.flat())
    atol, rtol = TOLERANCE[fmt]
    unit = {"fp32": 2**-24, "fp16": 2**-24, "bf16": 2**-8, "int32": 0.0}[fmt]  # the stored w
    assert all(abs(a - b) <= 0.1 * (atol + rtol * s) + unit * abs(b) + atol
               for a, b, s in zip(after, expected, size, strict=True))
    assert after != start


def test_the_teacher_takes_one_step_per_batch():
    from explainers import Teacher

    teacher = Teacher(hidden=H, batch_size=7, target=1.1, optimizer="momentum")
    teacher.teach(30, epochs=2)
    assert [(e["steps"], e["skipped"], e["scale"]) for e in teacher.history] == [
        (5, 0, None), (5, 0, None)]  # 4 batches of 7 and one of 2, each epoch


def test_fixed_point_takes_the_mean_by_a_rounding_division():
    f = FORMATS["int32"]
    assert f.divide([7, -7, 5, 6], 2) == [4, -4, 2, 3]  # 3.5 -3.5 2.5 3: ties to even
    assert f.divide([2**40], 3) == [2**31 - 1]  # saturates
