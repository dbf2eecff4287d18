"""Integers standing in for real numbers: fixed point for integer-only training, and per-tensor
scales for int8 reading.

Fixed point keeps one power-of-two scale for the whole run, which is what training without
floating point has to live with: products are shifted back with round-to-nearest-even, and
results saturate at the format's limits instead of wrapping around.
"""


class Fixed:
    """A two's-complement integer of `bits` bits holding value * 2**frac (fixed point)."""

    def __init__(self, name: str, nbytes: int, bits: int, frac: int):
        self.name, self.bytes, self.bits, self.frac = name, nbytes, bits, frac

    def __repr__(self) -> str:
        return f"Fixed({self.name!r}, bits={self.bits}, frac={self.frac})"

    @property
    def op_format(self) -> str:
        """Integer chips do their adds, compares and shifts in 32-bit integers."""
        return "int32"

    @property
    def one(self) -> int:
        """The integer that means 1.0."""
        return 1 << self.frac

    def saturate(self, ints) -> list[int]:
        """Clamp to the representable range instead of wrapping around."""
        hi = (1 << (self.bits - 1)) - 1
        lo = -hi - 1
        ints = list(ints)
        if not ints or (min(ints) >= lo and max(ints) <= hi):  # the common case, at C speed
            return ints
        return [lo if v < lo else hi if v > hi else v for v in ints]

    def shift(self, ints, by: int) -> list[int]:
        """Divide by 2**by (by >= 1), rounding to nearest with ties to even, then saturate.

        >>> INT8.shift([5, 6, 7, -6, -7], 2)  # 1.25 1.5 1.75 -1.5 -1.75
        [1, 2, 2, -2, -2]
        """
        # Adding half-minus-one plus the lowest kept bit before the arithmetic shift makes
        # ties go to the even neighbour, without any float in sight.
        bias = (1 << (by - 1)) - 1
        return self.saturate([(v + bias + ((v >> by) & 1)) >> by for v in ints])

    def divide(self, ints, by: int) -> list[int]:
        """Divide by a whole number (by >= 1), rounding to nearest with ties to even, then saturate.

        >>> INT8.divide([5, 7, -7, 9, 10], 2)  # 2.5 3.5 -3.5 4.5 5
        [2, 4, -4, 4, 5]
        """
        if by == 1:
            return self.saturate(ints)
        out = []
        for v in ints:
            q, r = divmod(v, by)  # floor division: 0 <= r < by
            out.append(q + 1 if 2 * r > by or (2 * r == by and q & 1) else q)
        return self.saturate(out)

    def encode(self, values) -> list[int]:
        """Real values to fixed point (`round` on floats also ties to even).

        >>> INT8.encode([0.5, 100.0])
        [16, 127]
        """
        scale = float(self.one)
        return self.saturate([round(v * scale) for v in values])

    def decode(self, ints) -> list[float]:
        """Fixed point back to real values (exact: a power-of-two scale)."""
        scale = 1.0 / self.one
        return [v * scale for v in ints]


def quantize(values, bits: int = 8) -> tuple[list[int], float]:
    """Per-tensor symmetric quantization: ints in [-(2**(bits-1)-1), 2**(bits-1)-1] and a scale.

    >>> quantize([0.5, -1.0, 0.25])
    ([64, -127, 32], 0.007874015748031496)
    """
    top = (1 << (bits - 1)) - 1
    largest = max((abs(v) for v in values), default=0.0)
    scale = largest / top if largest > 0.0 else 1.0
    return [round(v / scale) for v in values], scale


# Fixed-point choices: int8 keeps 5 fraction bits (range +-4, step 1/32); int32 keeps 16
# (range +-32768, step 2**-16), finer than fp16 near 1 and far wider. Measured with the
# default lesson: int32 teaches as well as fp32; int8 barely teaches (most hidden sums pin at
# +3.97, most updates round to zero: class accuracy 14%, chance being 10%), and no choice of 3
# to 6 fraction bits or of learning rate tried got it past about 45%: 8 bits cannot hold both
# the range of the sums and the smallness of the steps.
INT8 = Fixed("int8", 1, 8, 5)
INT32 = Fixed("int32", 4, 32, 16)
