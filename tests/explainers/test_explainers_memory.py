"""The memory ledger: what the teacher and the student really hold equals the closed forms
(written out again here, independently of memory.py)."""

import pytest

from explainers import Beside, Memory, Student, Teacher, board
from explainers import memory as mem

I, H, O = 144, 16, 10  # noqa: E741
P = I * H + H + H * O + O


@pytest.mark.parametrize("fmt, precision, optimizer, expected", [
    # (weights, gradients, optimizer state, master copy) in bytes per parameter
    ("fp32", "mixed", "sgd", (4, 4, 0, 0)),
    ("fp32", "pure", "momentum", (4, 4, 4, 0)),
    ("fp32", "pure", "adam", (4, 4, 8, 0)),  # Adam: 2 x parameters x bytes per value
    ("fp16", "pure", "adam", (2, 2, 4, 0)),
    ("bf16", "pure", "momentum", (2, 2, 2, 0)),
    ("fp16", "mixed", "adam", (2, 2, 8, 4)),  # 16 bytes a parameter, as ZeRO counts it
    ("bf16", "mixed", "sgd", (2, 2, 0, 4)),
    ("int32", "mixed", "momentum", (4, 4, 4, 0)),  # integer formats keep no master copy
    ("int8", "pure", "sgd", (1, 1, 0, 0)),
])
def test_what_teaching_holds_equals_its_closed_form(fmt, precision, optimizer, expected):
    batch, b = 8, expected[0]
    teacher = Teacher(fmt=fmt, precision=precision, optimizer=optimizer, hidden=H,
                      batch_size=batch, target=1.1)
    teacher.teach(20, epochs=1)  # batches of 8, 8 and 4: the peak is a full batch
    weights, gradients, state, master = (n * P for n in expected)
    closed = Memory(weights=weights, gradients=gradients, optimizer_state=state,
                    master_copy=master, activations=batch * (I + H + O) * b)
    assert teacher.memory == closed  # measured from the lists the learner holds
    assert mem.teaching(I, H, O, fmt, batch, optimizer, precision) == closed


def test_mixed_precision_adam_holds_16_bytes_a_parameter_and_a_reader_2():
    teaching = mem.teaching(I, H, O, "fp16", 32, "adam", "mixed")
    assert teaching.total() - teaching["activations"] == 16 * P
    assert mem.reading(I, H, O, "fp16")["weights"] == 2 * P


@pytest.mark.parametrize("fmt", ["fp32", "fp16", "bf16", "int8", "int32"])
def test_what_reading_holds_equals_its_closed_form(fmt):
    teacher = Teacher(hidden=H, batch_size=4)
    teacher.teach(8, epochs=1)
    report = Student(teacher, fmt=fmt).read(3)
    if fmt == "int8":  # int8 weights, int32 biases and logits
        closed = Memory(weights=I * H + H * O + 4 * (H + O), activations=I + H + 4 * O)
    else:
        b = {"fp32": 4, "fp16": 2, "bf16": 2, "int32": 4}[fmt]
        closed = Memory(weights=P * b, activations=(I + H + O) * b)
    assert report.memory == closed == mem.reading(I, H, O, fmt)


def test_activations_grow_with_the_batch_and_nothing_else_does():
    small, large = (mem.teaching(I, H, O, "fp32", n, "momentum") for n in (1, 64))
    assert large["activations"] == 64 * small["activations"]
    assert all(large[k] == small[k] for k in mem.KINDS if k != "activations")


def test_the_ledgers_side_by_side_show_on_the_board():
    shown = []
    stop = board.listen(lambda kind, payload: shown.append((kind, payload)))
    try:
        board.show(Beside(teacher=Memory(weights=8, gradients=8), student=Memory(weights=8)), "m")
    finally:
        stop()
    kind, table = shown[0]
    assert kind == "table" and table["columns"] == ["kind", "teacher", "student"]
    assert table["rows"][0] == ["weights", 8, 8] and table["rows"][-1] == ["total", 16, 8]
    assert [row[0] for row in table["rows"]] == [*mem.KINDS, "total"]


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="unknown kinds"):
        Memory(weight=3)
