"""The classroom's default settings: one table that the bridge, the teacher, the student and the
books all read (and that notebooks quote), so nothing is stated twice.

`rate` None means each optimizer's own usual rate (`optimizers.RATES`).
"""

DEFAULTS = {
    "chip": "training",
    "format": "fp32",
    "hidden": 16,
    "noise": 0.05,
    "difficulty": 0.5,
    "epochs": 8,
    "seed": 1,
    "lessons": 500,
    "pages": 200,
    "rate": None,
    "target": 0.97,
    "batch_size": 32,
    "optimizer": "momentum",
    "precision": "mixed",
    "labels": {},
}
