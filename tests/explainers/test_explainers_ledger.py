"""Ledger counts equal their formulas (written out again here, independently of ledger.py)."""

from explainers import Student, Teacher
from explainers.ledger import Ledger, reading, teaching

I, H, O = 144, 16, 10  # noqa: E741 (the names of the formulas in ledger.py)
P = I * H + H + H * O + O


def test_teaching_one_page_in_fp32():
    b = 4
    ledger = teaching(I, H, O, "fp32")
    assert ledger.total("forward") == {"macs": I * H + H * O, "ops": 2 * H + 4 * O + 1,
                                       "bytes_read": (P + I) * b, "bytes_written": (H + O) * b}
    assert ledger.total("backward") == {"macs": I * H + 2 * H * O, "ops": O + H,
                                        "bytes_read": (H * O + I + H + O) * b,
                                        "bytes_written": P * b}
    assert ledger.total("update") == {"macs": P, "ops": 0, "bytes_read": 2 * P * b,
                                      "bytes_written": P * b}
    assert ledger.formats() == ["fp32"]


def test_half_precision_halves_the_bytes_not_the_work():
    fp32, fp16 = teaching(I, H, O, "fp32").total(), teaching(I, H, O, "fp16").total()
    assert fp16["macs"] == fp32["macs"] and fp16["ops"] == fp32["ops"]
    assert 2 * fp16["bytes_read"] == fp32["bytes_read"]


def test_integer_only_training_pays_for_shifts_and_saturation():
    fixed, float_ = teaching(I, H, O, "int8"), teaching(I, H, O, "fp32")
    assert fixed.formats() == ["int32", "int8"]
    assert fixed.total()["macs"] == float_.total()["macs"]
    extra = (H + 2 * O) + (O + 2 * H + 2 * (I * H + H * O)) + 2 * P
    assert fixed.total(fmt="int32")["ops"] == float_.total()["ops"] + extra


def test_reading_one_page():
    assert reading(I, H, O, "fp16").total() == {
        "macs": I * H + H * O, "ops": 2 * H + 2 * O, "bytes_read": (P + I) * 2,
        "bytes_written": (H + O) * 2}
    # int8 with per-tensor scales: 1-byte weights and pixels, int32 biases and logits.
    assert reading(I, H, O, "int8").total() == {
        "macs": I * H + H * O, "ops": 4 * H + 2 * O,
        "bytes_read": I * H + H * O + 4 * (H + O) + I, "bytes_written": H + 4 * O}


def test_the_teacher_ledger_is_pages_times_epochs_times_one_page():
    teacher = Teacher(hidden=H, target=1.1)  # an unreachable target: every epoch runs
    teacher.teach(50, epochs=3)
    assert teacher.ledger == Ledger().merge(teaching(I, H, O, "fp32"), times=150)
    assert all(e["ledger"] == Ledger().merge(teaching(I, H, O, "fp32"), times=50)
               for e in teacher.history)


def test_the_student_ledger_is_pages_times_one_page():
    teacher = Teacher(hidden=H)
    teacher.teach(30, epochs=1)
    report = Student(teacher, fmt="int8").read(25)
    assert report.per_page == reading(I, H, O, "int8")
    assert report.ledger.total() == {k: 25 * v for k, v in report.per_page.total().items()}


def test_teaching_everything_costs_far_more_than_reading_one_page():
    teacher = Teacher(hidden=H)
    teacher.teach(100, epochs=2)
    report = Student(teacher).read(10)
    assert teacher.ledger.total()["macs"] > 100 * report.per_page.total()["macs"]


def test_table_lists_every_row_and_a_total():
    text = teaching(I, H, O, "fp32").table()
    assert text.splitlines()[0].split() == ["phase", "format", "macs", "ops", "bytes_read",
                                            "bytes_written"]
    assert [line.split()[0] for line in text.splitlines()[1:]] == [
        "forward", "backward", "update", "total"]
