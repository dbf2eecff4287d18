"""Softmax and cross-entropy, with exp and log built from + - * / only.

`math.exp` and `math.log` come from the platform's C library, which may differ from CPython's
to Pyodide's in the last bit; the four basic operations are IEEE-exact everywhere, so these
versions give the very same floats in both places (to about 1e-14 of the true values).
"""

import math

# Cody-Waite split of ln 2 (the fdlibm constants): k * LN2_HI is exact for the k used here.
LN2_HI = 6.93147180369123816490e-01
LN2_LO = 1.90821492927058770002e-10
INV_LN2 = 1.44269504088896338700e00
SQRT_HALF = 0.70710678118654752440


def exp(x: float) -> float:
    """e**x, the same to the bit on every IEEE platform.

    >>> abs(exp(1.0) - 2.718281828459045) < 1e-15, exp(-800.0), exp(0.0)
    (True, 0.0, 1.0)
    """
    if x != x:
        return x
    if x < -745.0:
        return 0.0
    if x > 709.0:
        return math.inf
    k = int(x * INV_LN2 + (0.5 if x >= 0.0 else -0.5))
    r = (x - k * LN2_HI) - k * LN2_LO  # |r| <= ln(2)/2
    # Taylor series to r**12, by Horner: the remainder is below 2e-16 for |r| <= 0.35.
    p = 1.0 + r * (1.0 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120 + r * (
        1 / 720 + r * (1 / 5040 + r * (1 / 40320 + r * (1 / 362880 + r * (
            1 / 3628800 + r * (1 / 39916800 + r / 479001600)))))))))))
    return math.ldexp(p, k)  # exact scaling by 2**k


def log(x: float) -> float:
    """The natural logarithm, the same to the bit on every IEEE platform.

    >>> abs(log(10.0) - 2.302585092994046) < 1e-15, log(1.0), log(0.0)
    (True, 0.0, -inf)
    """
    if x <= 0.0:
        return -math.inf if x == 0.0 else math.nan
    m, e = math.frexp(x)  # x = m * 2**e exactly, m in [0.5, 1)
    if m < SQRT_HALF:
        m, e = m * 2.0, e - 1
    s = (m - 1.0) / (m + 1.0)  # log(m) = 2 atanh(s), |s| <= 0.172
    z = s * s
    series = 2.0 * s * (1.0 + z * (1 / 3 + z * (1 / 5 + z * (1 / 7 + z * (1 / 9 + z * (
        1 / 11 + z * (1 / 13 + z * (1 / 15 + z * (1 / 17 + z / 19)))))))))
    return e * LN2_HI + (series + e * LN2_LO)


def softmax(logits: list[float]) -> list[float]:
    """Probabilities from logits (shifted by their maximum, so exp never overflows).

    >>> [round(p, 4) for p in softmax([0.0, 0.0, 1.0])]
    [0.2119, 0.2119, 0.5761]
    """
    top = max(logits)
    if top == math.inf or top != top:  # overflowed or poisoned logits: no information left
        return [1.0 / len(logits)] * len(logits)
    e = [exp(v - top) for v in logits]
    total = sum(e)
    return [v / total for v in e]


def cross_entropy(logits: list[float], label: int) -> float:
    """-log of the probability given to `label`, computed without forming that probability.

    >>> round(cross_entropy([0.0, 0.0, 1.0], 2), 4)
    0.5514
    """
    top = max(logits)
    if top == math.inf or top != top:
        return math.inf
    return log(sum(exp(v - top) for v in logits)) - (logits[label] - top)


def softmax_loss(logits: list[float], label: int) -> tuple[list[float], float]:
    """`softmax` and `cross_entropy` together, sharing their exponentials (training needs both).

    >>> p, loss = softmax_loss([0.0, 0.0, 1.0], 2)
    >>> p == softmax([0.0, 0.0, 1.0]), loss == cross_entropy([0.0, 0.0, 1.0], 2)
    (True, True)
    """
    top = max(logits)
    if top == math.inf or top != top:
        return [1.0 / len(logits)] * len(logits), math.inf
    e = [exp(v - top) for v in logits]
    total = sum(e)
    return [v / total for v in e], log(total) - (logits[label] - top)
