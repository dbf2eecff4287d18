"""A seed gives the same numbers every time; another seed gives other numbers."""

import json

from explainers import Student, Teacher, bridge, lessons, new_books


def taught(seed: int, fmt: str = "fp32", **settings) -> Teacher:
    teacher = Teacher(hidden=8, seed=seed, fmt=fmt, **settings)
    teacher.teach(80, epochs=3)
    return teacher


def test_same_seed_same_pages():
    assert lessons(30, seed=5) == lessons(30, seed=5)
    assert new_books(30, seed=5) == new_books(30, seed=5)


def test_different_seeds_or_streams_give_different_pages():
    assert lessons(30, seed=5) != lessons(30, seed=6)
    assert [p for p, _ in lessons(30, seed=5)] != [p for p, _ in new_books(30, seed=5)]


def test_same_seed_same_training_to_the_bit():
    for fmt in ("fp32", "bf16", "int32"):
        a, b = taught(4, fmt), taught(4, fmt)
        assert a.net.weights() == b.net.weights()
        assert [(e["loss"], e["accuracy"]) for e in a.history] == [
            (e["loss"], e["accuracy"]) for e in b.history]
        assert a.ledger == b.ledger


def test_same_seed_same_training_with_state_and_loss_scaling():
    a, b = (taught(4, "fp16", optimizer="adam", batch_size=5) for _ in range(2))
    assert a.learner.master == b.learner.master and a.net.weights() == b.net.weights()
    assert a.learner.optimizer.state == b.learner.optimizer.state
    assert [(e["loss"], e["skipped"], e["scale"]) for e in a.history] == [
        (e["loss"], e["skipped"], e["scale"]) for e in b.history]


def test_different_seed_different_training():
    a, b = taught(4), taught(5)
    assert a.net.weights() != b.net.weights()
    assert [e["loss"] for e in a.history] != [e["loss"] for e in b.history]


def test_same_request_same_json():
    request = json.dumps({"lessons": 40, "epochs": 2, "pages": 20, "hidden": 4, "seed": 9})
    assert bridge.run(request) == bridge.run(request)
    other = json.dumps({"lessons": 40, "epochs": 2, "pages": 20, "hidden": 4, "seed": 10})
    assert bridge.run(request) != bridge.run(other)


def test_reading_does_not_change_the_student():
    teacher = taught(4)
    before = teacher.net.weights()
    Student(teacher).read(30)
    assert teacher.net.weights() == before
