"""Dynamic loss scaling, as mixed-precision training in fp16 does it (Micikevicius et al., "Mixed
Precision Training", ICLR 2018; PyTorch's GradScaler works the same way).

fp16 holds nothing above 65,504 and loses small numbers below about 6e-8, so the gradient of the
loss is multiplied by a large scale before the backward pass, which keeps small gradients
representable. When a scaled gradient passes 65,504 it becomes inf: the step is skipped (the
weights stay as they were) and the scale is halved. After GROWTH_INTERVAL good steps in a row the
scale is doubled again, to find the largest scale that does not overflow. bf16 has fp32's range
(up to about 3.4e38), so it needs no loss scaling.
"""

import math

START = 2.0**16  # PyTorch's GradScaler starts here
#: Good steps before the scale doubles. PyTorch uses 2000 for runs of many thousand steps; the
#: classroom's runs take about a hundred, so the simulator doubles after 20 (its own choice):
#: a default fp16 run then shows the scale growing until a step overflows, and halving.
GROWTH_INTERVAL = 20


def finite(values) -> bool:
    """Whether no value is inf or NaN.

    >>> finite([1.0, -2.0]), finite([1.0, math.inf])
    (True, False)
    """
    return all(map(math.isfinite, values))


class LossScaler:
    """The scale, and how it has moved: steps skipped and times grown.

    >>> scaler = LossScaler(8.0, growth_interval=2)
    >>> [scaler.update(ok) for ok in (False, True, True)], scaler.scale, scaler.skipped
    ([False, True, True], 8.0, 1)
    """

    def __init__(self, scale: float = START, growth_interval: int = GROWTH_INTERVAL):
        self.scale, self.growth_interval = scale, growth_interval
        self.good, self.skipped, self.grown = 0, 0, 0

    def __repr__(self) -> str:
        return f"LossScaler(scale={self.scale:g}, skipped={self.skipped}, grown={self.grown})"

    def update(self, ok: bool) -> bool:
        """After a step's gradients were checked: skip it and halve, or count it (and grow)."""
        if not ok:
            self.scale, self.good, self.skipped = max(self.scale / 2.0, 1.0), 0, self.skipped + 1
            return False
        self.good += 1
        if self.good == self.growth_interval:
            self.scale, self.good, self.grown = self.scale * 2.0, 0, self.grown + 1
        return True
