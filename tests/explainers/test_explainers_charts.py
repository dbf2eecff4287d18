"""The classroom's cost charts tell the chips apart where the model does (time), in readable units."""

import pytest

from explainers import Student, Teacher, charts


@pytest.fixture(scope="module")
def spec():
    teacher = Teacher(hidden=8)
    teacher.teach(40, epochs=1)
    return charts.teach_vs_read(teacher, Student(teacher).read(10))


def _value(spec, chip, task_prefix, measure):
    return next(v["value"] for v in spec["data"]["values"]
                if v["chip"] == chip and v["task"].startswith(task_prefix) and v["measure"] == measure)


def test_time_separates_the_chips_energy_per_operation_does_not(spec):
    # the matrix unit does many multiply-adds a cycle: teaching takes less time on it
    assert _value(spec, "training", "teach", "time_us") < _value(spec, "scalar", "teach", "time_us")
    # the cost model prices an operation's energy the same on each chip: the chart must not hide
    # that behind a single energy panel where two chips look identical for no visible reason
    assert _value(spec, "training", "teach", "energy_uj") == pytest.approx(
        _value(spec, "scalar", "teach", "energy_uj"))
    assert {v["measure"] for v in spec["data"]["values"]} == {"time_us", "energy_uj"}


def test_units_are_readable_not_nine_digit_picojoules(spec):
    teach = _value(spec, "training", "teach", "energy_uj")
    assert 1e-3 < teach < 1e6  # µJ, not pJ
    assert spec["resolve"]["scale"]["y"] == "independent"


def test_energy_chart_is_in_microjoules():
    teacher = Teacher(hidden=8)
    teacher.teach(40, epochs=1)
    priced = teacher.cost()
    spec = charts.energy(priced, {"energy_uj": "énergie (µJ)"})
    total = sum(v["energy_uj"] for v in spec["data"]["values"])
    assert total == pytest.approx(priced["energy_pj"] / 1e6)
    assert spec["encoding"]["y"]["title"] == "énergie (µJ)"
