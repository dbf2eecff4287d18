"""Optimizers: how one step turns the gradients into new weights, and the state each one keeps.

They work on flat lists (every weight and bias of the net in one list). In a float format each
stored value (weight, moment) is rounded once, as a fused multiply-add rounds; in fixed point
every product is shifted back to the format's step and saturated. Per parameter, a step costs:

    optimizer  state       multiply-adds     other operations       values read   written
    sgd        none        1: w - r g        0                      w g           w
    momentum   v           2: v = mu v + g,  0                      w g v         w v
                              w - r v
    adam       m, v        3: m, v, w        6: (1-b1) g, g g,      w g m v       w m v
                                             (1-b2) g g, sqrt, + eps, divide

Adam follows Kingma and Ba (2015) in its "efficient" form: the bias corrections fold into the
step size and epsilon, so a step needs no per-parameter division by them. Its powers b1**t and
b2**t are running products, not `**`, which could differ in the last bit between platforms.
Integer-only chips get sgd and momentum; Adam's square root and division need floating point.
"""

import math
import operator
from itertools import repeat

from explainers.precision import Fixed

add, mul, sub = operator.add, operator.mul, operator.sub
MOMENTUM = 0.9  # the usual choice (He et al. 2016 trained ResNets with it)
BETA1, BETA2, EPSILON = 0.9, 0.999, 1e-8  # Kingma and Ba's defaults, also PyTorch's
#: Each optimizer's usual learning rate for this net and the default batch: picked by hand so
#: the default lesson reaches its target in a few epochs (the model's choice, not a citation).
RATES = {"sgd": 1.0, "momentum": 0.1, "adam": 0.02}


class SGD:
    """w <- w - rate * g: no state. (Every optimizer holds its state, zeros, from the start.)"""

    name, states, macs, ops = "sgd", 0, 1, 0
    zero = 0.0

    def __init__(self, rate: float, rnd, params: int):
        self.rate, self.round = rate, rnd
        self.state = [[self.zero] * params for _ in range(self.states)]

    def step(self, w: list, g: list) -> list:
        """The new weights."""
        return self.round(list(map(sub, w, map(mul, g, repeat(self.rate)))))


class Momentum(SGD):
    """v <- mu * v + g; w <- w - rate * v: one value of state per parameter."""

    name, states, macs, ops = "momentum", 1, 2, 0

    def step(self, w: list, g: list) -> list:
        """The new weights; the velocity is kept."""
        v = self.round(list(map(add, map(mul, self.state[0], repeat(MOMENTUM)), g)))
        self.state = [v]
        return self.round(list(map(sub, w, map(mul, v, repeat(self.rate)))))


class Adam(SGD):
    """Adam: running means of the gradient (m) and of its square (v): two values per parameter."""

    name, states, macs, ops = "adam", 2, 3, 6

    def __init__(self, rate: float, rnd, params: int):
        super().__init__(rate, rnd, params)
        self.beta1_t = self.beta2_t = 1.0  # b1**t and b2**t, as running products

    def step(self, w: list, g: list) -> list:
        """The new weights; both moments are kept."""
        m, v = self.state
        self.beta1_t *= BETA1
        self.beta2_t *= BETA2
        m = self.round([BETA1 * a + (1.0 - BETA1) * b for a, b in zip(m, g, strict=True)])
        v = self.round([BETA2 * a + ((1.0 - BETA2) * b) * b for a, b in zip(v, g, strict=True)])
        self.state = [m, v]
        root = math.sqrt(1.0 - self.beta2_t)
        size, eps = self.rate * root / (1.0 - self.beta1_t), EPSILON * root
        sqrt = math.sqrt  # correctly rounded everywhere (IEEE 754 requires it)
        return self.round([x - size * (a / (sqrt(b) + eps))
                           for x, a, b in zip(w, m, v, strict=True)])


class FixedSGD(SGD):
    """SGD in fixed point: the rate is itself fixed point; each product is shifted back."""

    zero = 0

    def __init__(self, rate: float, fmt: Fixed, params: int):
        super().__init__(fmt.encode([rate])[0], fmt.saturate, params)
        self.fmt = fmt

    def step(self, w: list, g: list) -> list:
        """The new weights (ints)."""
        f, r = self.fmt, self.rate
        return f.saturate(map(sub, w, f.shift([r * v for v in g], f.frac)))


class FixedMomentum(FixedSGD):
    """Momentum in fixed point: mu and the rate are fixed point, the velocity saturates."""

    name, states, macs, ops = "momentum", 1, 2, 0

    def step(self, w: list, g: list) -> list:
        """The new weights (ints); the velocity is kept."""
        f, r = self.fmt, self.rate
        mu = f.encode([MOMENTUM])[0]
        v = f.saturate(map(add, f.shift([mu * x for x in self.state[0]], f.frac), g))
        self.state = [v]
        return f.saturate(map(sub, w, f.shift([r * x for x in v], f.frac)))


OPTIMIZERS = {"sgd": SGD, "momentum": Momentum, "adam": Adam}
FIXED = {"sgd": FixedSGD, "momentum": FixedMomentum}


def check(name: str, fixed: bool) -> None:
    """Refuse an optimizer that does not exist, or Adam on an integer-only chip."""
    if name not in OPTIMIZERS:
        raise ValueError(f"optimizer must be one of {', '.join(OPTIMIZERS)}, got {name!r}")
    if fixed and name not in FIXED:
        raise ValueError(f"the {name} optimizer needs floating point (a square root and a "
                         f"division per weight); integer-only training offers {', '.join(FIXED)}")


def make(name: str, rate: float | None, fmt, params: int):
    """The optimizer `name` at `rate` (None: its usual rate) for `params` weights in `fmt`.

    >>> from explainers.precision import FP32
    >>> adam = make("adam", None, FP32, 3)
    >>> adam.rate, adam.state
    (0.02, [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]])
    """
    fixed = isinstance(fmt, Fixed)
    check(name, fixed)
    rate = RATES[name] if rate is None else rate
    if fixed:
        return FIXED[name](rate, fmt, params)
    return OPTIMIZERS[name](rate, fmt.round, params)
