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
    teacher = Teacher(hidden=H, target=1.1, batch_size=1, optimizer="sgd")  # every epoch runs
    teacher.teach(50, epochs=3)
    assert teacher.ledger == Ledger().merge(teaching(I, H, O, "fp32"), times=150)
    assert all(e["ledger"] == Ledger().merge(teaching(I, H, O, "fp32"), times=50)
               for e in teacher.history)


def test_the_teacher_ledger_adds_up_its_batches():
    teacher = Teacher(hidden=H, target=1.1, batch_size=16, optimizer="adam")
    teacher.teach(50, epochs=2)  # each epoch: three batches of 16 and one of 2
    epoch = Ledger().merge(teaching(I, H, O, "fp32", 16, "adam"), times=3)
    epoch.merge(teaching(I, H, O, "fp32", 2, "adam"))
    assert teacher.ledger == Ledger().merge(epoch, times=2)
    assert [e["steps"] for e in teacher.history] == [4, 4]


def test_a_batch_reads_the_weights_once_and_updates_once():
    B, b = 16, 4  # noqa: N806
    one, batch = teaching(I, H, O, "fp32"), teaching(I, H, O, "fp32", batch=B)
    assert batch.total("forward")["macs"] == B * one.total("forward")["macs"]
    assert batch.total("forward")["bytes_read"] == (P + B * I) * b  # weights once, every input
    assert batch.total("backward")["bytes_read"] == (H * O + B * (I + H + O)) * b
    assert batch.total("backward")["bytes_written"] == P * b  # the summed gradient, once
    assert batch.total("backward")["ops"] == B * (O + H) + B * O  # and each dz times 1/B
    assert batch.total("update") == one.total("update")  # one update per batch
    per_page = {k: v / B for k, v in batch.total().items()}
    assert per_page["bytes_read"] < one.total()["bytes_read"] / 2


def test_optimizer_state_is_read_and_written_by_every_update():
    b = 4
    for name, k, macs, ops in (("sgd", 0, 1, 0), ("momentum", 1, 2, 0), ("adam", 2, 3, 6)):
        update = teaching(I, H, O, "fp32", batch=8, optimizer=name).total("update")
        assert update == {"macs": macs * P, "ops": ops * P, "bytes_read": (2 + k) * P * b,
                          "bytes_written": (1 + k) * P * b}, name


def test_mixed_precision_updates_an_fp32_master_copy():
    c = 2  # fp16 and bf16 bytes
    for fmt in ("fp16", "bf16"):
        ledger = teaching(I, H, O, fmt, batch=8, optimizer="adam", precision="mixed")
        assert ledger.formats() == sorted(["fp32", fmt])
        master = ledger.total("update", "fp32")
        scaled = fmt == "fp16"  # only fp16 checks for overflow and unscales
        assert master == {"macs": 3 * P, "ops": 6 * P + P + (P if scaled else 0),
                          "bytes_read": 3 * P * 4 + (0 if scaled else P * c),
                          "bytes_written": 3 * P * 4}
        low = ledger.total("update", fmt)
        assert low == {"macs": 0, "ops": P if scaled else 0,
                       "bytes_read": P * c if scaled else 0, "bytes_written": P * c}
    pure = teaching(I, H, O, "fp16", batch=8, optimizer="adam", precision="pure")
    assert pure.formats() == ["fp16"]
    assert teaching(I, H, O, "fp32", precision="mixed") == teaching(I, H, O, "fp32")


def test_a_skipped_step_costs_the_overflow_check_only():
    kept = teaching(I, H, O, "fp16", batch=8, optimizer="momentum", precision="mixed")
    skipped = teaching(I, H, O, "fp16", batch=8, optimizer="momentum", precision="mixed",
                       applied=False)
    assert skipped.total("update") == {"macs": 0, "ops": P, "bytes_read": P * 2,
                                       "bytes_written": 0}
    for phase in ("forward", "backward"):
        assert skipped.total(phase) == kept.total(phase)


def test_integer_batches_shift_the_summed_products_once():
    B = 8  # noqa: N806
    ledger = teaching(I, H, O, "int32", batch=B, optimizer="momentum")
    assert ledger.total("backward", "int32")["ops"] == (
        B * (O + H) + B * (O + 2 * H) + 2 * (I * H + H * O) + P)  # P: the rounding mean
    assert ledger.total("update", "int32")["ops"] == 2 * 2 * P


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
