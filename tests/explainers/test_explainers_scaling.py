"""Mixed precision in fp16: a scaled gradient past 65,504 overflows, the step is skipped and the
scale halved; good steps grow it again. bf16 has fp32's range and never needs it."""

import math

import pytest

from explainers import Teacher
from explainers.books import lessons
from explainers.learner import Learner
from explainers.ledger import Ledger, teaching
from explainers.net import draw_weights, find_ink
from explainers.scaling import LossScaler, finite
from explainers.student import make_brain

I, H, O = 144, 8, 10  # noqa: E741


@pytest.fixture(scope="module")
def pages():
    return [(find_ink(px), label) for px, label in lessons(4, seed=7)]


def learner(fmt: str, scale: float, growth: int = 100) -> Learner:
    weights = draw_weights(I, H, O, seed=3)
    taught = Learner(make_brain(fmt, H, weights=weights), "momentum", None, "mixed", weights)
    taught.scaler = LossScaler(scale, growth_interval=growth)
    return taught


def test_the_same_huge_scale_overflows_fp16_but_not_bf16(pages):
    scale = 2.0**24 / len(pages)  # the loss's gradient times 4 million
    fp16 = make_brain("fp16", H, seed=3).batch_gradients(pages, scale)[3]
    bf16 = make_brain("bf16", H, seed=3).batch_gradients(pages, scale)[3]
    assert not finite(fp16) and math.inf in map(abs, fp16)  # past 65,504: inf
    assert finite(bf16) and max(map(abs, bf16)) > 65504  # bf16 holds it


def test_an_overflowing_step_is_skipped_and_the_scale_lowered(pages):
    taught = learner("fp16", 2.0**24)
    master, weights = list(taught.master), taught.net.flat()
    velocity = list(taught.optimizer.state[0])
    assert taught.step(pages)[2] is False
    assert taught.master == master and taught.net.flat() == weights  # nothing changed
    assert taught.optimizer.state[0] == velocity
    assert (taught.scaler.scale, taught.scaler.skipped) == (2.0**23, 1)


def test_after_the_overflows_the_steps_go_through_and_the_scale_grows(pages):
    taught = learner("fp16", 2.0**24, growth=3)
    applied = [taught.step(pages)[2] for _ in range(12)]
    first = applied.index(True)
    assert first >= 2 and not any(applied[:first])  # halved until the gradients fit
    fitted = 2.0**24 / 2**first
    assert all(applied[first:first + 3])
    assert taught.scaler.grown >= 1  # three good steps in a row: the scale doubled
    assert taught.scaler.skipped >= first
    assert fitted <= taught.scaler.scale * 2  # and it kept near the largest that fits
    assert all(map(math.isfinite, taught.master))


def test_bf16_keeps_no_scaler_and_fp16_starts_where_pytorch_does():
    assert Teacher(fmt="bf16").scaler is None
    assert Teacher(fmt="fp16", precision="pure").scaler is None
    assert Teacher(fmt="fp16").scaler.scale == 2.0**16


def test_a_teacher_recovers_from_a_run_of_overflows_and_counts_them():
    teacher = Teacher(fmt="fp16", hidden=16, target=1.1, batch_size=16)
    teacher.learner.scaler = LossScaler(2.0**26)
    teacher.teach(160, epochs=3)
    first = teacher.history[0]
    assert first["skipped"] >= 5 and first["scale"] < 2.0**26
    assert sum(e["skipped"] for e in teacher.history) == teacher.scaler.skipped
    assert teacher.history[-1]["accuracy"] > 0.4  # it learned once the scale fitted
    # the skipped steps cost the overflow check only
    full = teaching(I, 16, O, "fp16", 16, "momentum", "mixed")
    skipped = teaching(I, 16, O, "fp16", 16, "momentum", "mixed", applied=False)
    epoch = Ledger().merge(skipped, times=first["skipped"])
    epoch.merge(full, times=first["steps"] - first["skipped"])
    assert first["ledger"] == epoch

