"""The browser's example runs as a plain script and reports the student's accuracy."""

import re
import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[2] / "explainers/web/examples/classroom.py"


def test_the_example_prints_a_good_accuracy():
    done = subprocess.run([sys.executable, str(EXAMPLE)], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stdout.splitlines() if x.startswith("The student read"))
    accuracy = float(re.search(r"(\d+(?:\.\d+)?)%", line)[1])
    assert accuracy > 85


def test_the_example_keeps_its_controls_as_literal_keywords():
    code = EXAMPLE.read_text("utf-8")
    from trainfer.demos.controls import CONTROLS

    assert [name for name, _ in CONTROLS] == ["chip", "fmt", "hidden", "noise", "epochs",
                                              "batch_size", "optimizer", "precision"]
    for name, _ in CONTROLS:
        assert len(re.findall(rf"\b{name}\s*=\s*\S+,\n", code)) == 1, name
