"""The bridge: JSON in, JSON out; bad input names the key and what was expected."""

import json

import pytest

from explainers import DEFAULTS, bridge

SMALL = {"lessons": 40, "epochs": 2, "pages": 20, "hidden": 4}


def run(request, **kwargs) -> dict:
    text = request if isinstance(request, str) else json.dumps(request)
    return json.loads(bridge.run(text, **kwargs))


@pytest.mark.parametrize("request_json, code, key", [
    ("{not json", "bad_json", None),
    ("[1, 2]", "not_an_object", None),
    ('{"hiden": 16}', "unknown_key", "hiden"),
    ('{"hidden": "abc"}', "bad_value", "hidden"),
    ('{"hidden": 0}', "bad_value", "hidden"),
    ('{"hidden": 16.5}', "bad_value", "hidden"),
    ('{"hidden": true}', "bad_value", "hidden"),
    ('{"noise": 0.9}', "bad_value", "noise"),
    ('{"noise": "lots"}', "bad_value", "noise"),
    ('{"epochs": -1}', "bad_value", "epochs"),
    ('{"seed": 1e20}', "bad_value", "seed"),
    ('{"format": "fp8"}', "bad_value", "format"),
    ('{"chip": "gpu"}', "bad_value", "chip"),
    ('{"labels": {"loss": 3}}', "bad_value", "labels"),
    ('{"chip": "inference", "format": "fp32"}', "unsupported", "format"),
    ('{"batch_size": 0}', "bad_value", "batch_size"),
    ('{"batch_size": 2.5}', "bad_value", "batch_size"),
    ('{"optimizer": "lion"}', "bad_value", "optimizer"),
    ('{"precision": "half"}', "bad_value", "precision"),
    ('{"rate": null}', "bad_value", "rate"),
    ('{"format": "int8", "optimizer": "adam"}', "unsupported", "optimizer"),
])
def test_bad_input_is_a_json_error_naming_the_key(request_json, code, key):
    result = run(request_json)
    assert result["ok"] is False
    error = result["error"]
    assert (error["code"], error["key"]) == (code, key)
    assert error["expected"] and error["message"]
    if key:
        assert error["message"].startswith(key) or repr(key) in error["message"]


def test_errors_say_what_was_expected():
    error = run({"hidden": 0})["error"]
    assert error["expected"] == "an integer from 1 to 256" and error["got"] == 0
    assert run({"format": "fp8"})["error"]["expected"].startswith("one of 'fp32'")
    error = run({"chip": "inference", "format": "fp16"})["error"]
    assert error["expected"] == "one of 'int8', 'int32'"
    error = run({"format": "int32", "optimizer": "adam"})["error"]
    assert error["expected"] == "one of 'sgd', 'momentum'" and "floating point" in error["message"]


def test_defaults_live_in_one_place():
    assert bridge.parse("{}") == DEFAULTS
    assert set(bridge.RULES) == set(DEFAULTS)
    from explainers import books, student, teacher

    for module in (books, student, teacher):  # they read the defaults, not the bridge
        assert not hasattr(module, "bridge") and module.DEFAULTS is DEFAULTS


def test_the_new_settings_reach_the_teacher_and_the_memory_ledger():
    result = run({**SMALL, "batch_size": 8, "optimizer": "adam", "format": "fp16"})
    assert result["ok"] is True and result["teacher"]["rate"] == 0.02
    assert [e["steps"] for e in result["history"]] == [5, 5]  # 40 lessons in batches of 8
    assert all(isinstance(e["scale"], float) and e["skipped"] >= 0 for e in result["history"])
    P = 144 * 4 + 4 + 4 * 10 + 10  # noqa: N806
    teacher, student = result["memory"]["teacher"], result["memory"]["student"]
    assert teacher == {"weights": 2 * P, "gradients": 2 * P, "optimizer_state": 8 * P,
                       "master_copy": 4 * P, "activations": 8 * (144 + 4 + 10) * 2}
    assert student == {"weights": 2 * P, "gradients": 0, "optimizer_state": 0,
                       "master_copy": 0, "activations": (144 + 4 + 10) * 2}
    bf16 = run({**SMALL, "format": "bf16", "precision": "pure"})
    assert bf16["memory"]["teacher"]["master_copy"] == 0
    assert all(e["scale"] is None for e in bf16["history"])


def test_a_small_run_has_every_part():
    result = run(SMALL)
    assert result["ok"] is True
    assert {"request", "alphabet", "history", "teacher", "student", "readers", "costs",
            "memory", "charts"} <= set(result)
    assert result["request"] == {**DEFAULTS, **SMALL}
    assert len(result["history"]) == 2 and len(result["alphabet"]) == 10
    assert result["student"]["pages"] == 20
    assert set(result["readers"]) == {"fp32", "fp16", "bf16", "int8", "int32"}
    teaching = {c["chip"]: c["supported"] for c in result["costs"] if c["task"] == "teach"}
    assert teaching == {"training": True, "inference": False, "scalar": True}


def test_charts_are_vega_lite_v6_with_inline_data():
    charts = run(SMALL)["charts"]
    assert set(charts) == {"learning", "cost", "energy"}
    for spec in charts.values():
        assert spec["$schema"] == "https://vega.github.io/schema/vega-lite/v6.json"
        assert spec["data"]["values"]
    assert len(charts["learning"]["data"]["values"]) == 4  # 2 epochs x (loss, accuracy)
    assert {v["phase"] for v in charts["energy"]["data"]["values"]} == {
        "forward", "backward", "update"}


def test_labels_translate_what_the_reader_sees():
    labels = {"loss": "损失", "chart.learning": "学习"}
    spec = run({**SMALL, "labels": labels})["charts"]["learning"]
    assert spec["title"] == "学习"
    assert "损失" in {v["measure"] for v in spec["data"]["values"]}


def test_progress_events_and_cancellation():
    events = []
    result = run({**SMALL, "target": 1.0}, progress=events.append)
    assert [e["epoch"] for e in events] == [e["epoch"] for e in result["history"]] == [1, 2]
    assert all(set(e) == {"epoch", "epochs", "loss", "accuracy"} for e in events)

    asks = []
    stopped = run({**SMALL, "lessons": 100, "epochs": 3, "target": 1.0},
                  should_stop=lambda: asks.append(1) or len(asks) > 5)
    assert stopped["ok"] is False and stopped["error"]["code"] == "stopped"
    assert [e["epoch"] for e in stopped["history"]] == [1]  # 4 chunks of 32 per epoch


def test_integer_only_training_runs_and_its_infinities_stay_valid_json():
    result = run({**SMALL, "format": "int8", "chip": "inference"})
    assert result["ok"] is True
    text = bridge.run(json.dumps({**SMALL, "format": "int8"}))
    assert "Infinity" not in text and "NaN" not in text
