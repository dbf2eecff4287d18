"""Number formats, emulated bit for bit on Python's 64-bit floats and unbounded ints.

Float formats round to nearest, ties to even, as hardware does: fp32 and fp16 through `struct`
(which rounds that way), bf16 by rounding the fp32 bit pattern. Integer formats live in
`fixedpoint`; FORMATS names them all.
"""

import math
import struct

from explainers.fixedpoint import INT8, INT32, Fixed, quantize

__all__ = ["BF16", "FORMATS", "FP16", "FP32", "FP64", "INT8", "INT32", "PRECISIONS", "Fixed",
           "Float", "keeps_master", "quantize", "to_bf16", "to_fp16", "to_fp32"]

_STRUCTS: dict[tuple[str, int], struct.Struct] = {}
_F32: dict[int, struct.Struct] = {}
_F16: dict[int, struct.Struct] = {}


def _struct(code: str, n: int) -> struct.Struct:
    # One compiled Struct per list length: building format strings per call costs more.
    key = (code, n)
    if key not in _STRUCTS:
        _STRUCTS[key] = struct.Struct(f"<{n}{code}")
    return _STRUCTS[key]


def _one(code: str, value: float) -> float:
    try:
        return struct.unpack(code, struct.pack(code, value))[0]
    except OverflowError:  # struct refuses values that round past the largest finite one
        return math.copysign(math.inf, value)


# to_fp32 and to_fp16 run tens of thousands of times per lesson plan: each is one function
# with its own Struct cache, no helper calls, since a Python call costs as much as the work.


def to_fp32(values) -> list[float]:
    """Round each value to the nearest fp32 (ties to even).

    >>> to_fp32([0.1])[0] == 0.100000001490116119384765625
    True
    """
    packer = _F32.get(len(values)) or _F32.setdefault(len(values), _struct("f", len(values)))
    try:
        return list(packer.unpack(packer.pack(*values)))
    except OverflowError:  # rare: redo one by one so only the overflowing values become inf
        return [_one("f", v) for v in values]


def to_fp16(values) -> list[float]:
    """Round to the nearest fp16; beyond 65504 (from 65520 up) becomes inf, as hardware does.

    >>> to_fp16([65519.0, 65520.0, -1e6, 2049.0, 2051.0])
    [65504.0, inf, -inf, 2048.0, 2052.0]
    """
    packer = _F16.get(len(values)) or _F16.setdefault(len(values), _struct("e", len(values)))
    try:
        return list(packer.unpack(packer.pack(*values)))
    except OverflowError:  # struct raises where hardware gives inf: redo value by value
        return [_one("e", v) for v in values]


def _lanes(pattern: int, n: int) -> int:
    # `pattern` repeated in each of n 32-bit lanes of one big integer (cached per n).
    key = (pattern, n)
    if key not in _LANES:
        _LANES[key] = int.from_bytes(pattern.to_bytes(4, "little") * n, "little")
    return _LANES[key]


_LANES: dict[tuple[int, int], int] = {}


def to_bf16(values) -> list[float]:
    """Round to bf16: the fp32 bit pattern rounded to its top 16 bits, ties to even.

    Hardware converts fp32 accumulators to bf16, so the value is first rounded to fp32.

    >>> to_bf16([1.0 + 2**-8, 1.0 + 3 * 2**-8, 3.4e38, -1.0 - 2**-9])
    [1.0, 1.015625, inf, -1.0]
    """
    n = len(values)
    packer = _struct("f", n)
    try:
        raw = packer.pack(*values)  # packing rounds to fp32 already
    except OverflowError:
        raw = packer.pack(*to_fp32(values))
    big = int.from_bytes(raw, "little")
    # A lane is NaN when its magnitude exceeds inf's pattern: adding 0x007FFFFF then sets bit 31.
    if ((big & _lanes(0x7FFFFFFF, n)) + _lanes(0x007FFFFF, n)) & _lanes(0x80000000, n):
        # NaNs keep a quiet-NaN pattern instead of being rounded (possibly into inf).
        words = _struct("I", n)
        bits = [(b | 0x00400000) & 0xFFFF0000 if b & 0x7FFFFFFF > 0x7F800000
                else (b + 0x7FFF + ((b >> 16) & 1)) & 0xFFFF0000 for b in words.unpack(raw)]
        return list(packer.unpack(words.pack(*bits)))
    # All lanes at once in one big integer: add 0x7FFF plus the lowest kept bit, then cut the
    # low half: round to nearest, ties to even. A carry into the exponent is the right answer,
    # up to inf, and no lane can carry into its neighbour (only a negative NaN could).
    big += _lanes(0x7FFF, n) + ((big >> 16) & _lanes(1, n))
    big &= _lanes(0xFFFF0000, n)
    return list(packer.unpack(big.to_bytes(4 * n, "little")))


class Float:
    """A floating-point format: its name, width in bytes and rounding function."""

    def __init__(self, name: str, nbytes: int, rounding):
        self.name, self.bytes, self.round = name, nbytes, rounding

    def __repr__(self) -> str:
        return f"Float({self.name!r})"

    @property
    def op_format(self) -> str:
        """The format its other operations (adds, compares) run in: its own."""
        return self.name


FP64 = Float("fp64", 8, list)  # the reference for gradient checks; no chip offers it
FP32 = Float("fp32", 4, to_fp32)
FP16 = Float("fp16", 2, to_fp16)
BF16 = Float("bf16", 2, to_bf16)
FORMATS: dict[str, Float | Fixed] = {f.name: f for f in (FP32, FP16, BF16, INT8, INT32)}

#: How a float format narrower than fp32 trains: "mixed" keeps an fp32 master copy of the weights
#: (and the optimizer's state) as chips do, "pure" keeps every number in the format itself.
PRECISIONS = ("mixed", "pure")


def keeps_master(fmt: str, precision: str) -> bool:
    """Whether training in `fmt` keeps an fp32 master copy: mixed precision in fp16 or bf16.

    >>> keeps_master("fp16", "mixed"), keeps_master("fp32", "mixed"), keeps_master("bf16", "pure")
    (True, False, False)
    """
    if precision not in PRECISIONS:
        raise ValueError(f"precision must be one of {', '.join(PRECISIONS)}, got {precision!r}")
    fmt_ = FORMATS[fmt]
    return precision == "mixed" and isinstance(fmt_, Float) and fmt_.bytes < 4
