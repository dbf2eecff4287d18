"""Number formats: fp16, bf16 and fp32 rounding as hardware does it; fixed point; int8 scales."""

import math
import struct

import pytest

from explainers.fixedpoint import INT8, INT32, Fixed, quantize
from explainers.precision import FORMATS, to_bf16, to_fp16, to_fp32


def bits32(value: float) -> int:
    return struct.unpack("<I", struct.pack("<f", value))[0]


def from_bits32(word: int) -> float:
    return struct.unpack("<f", struct.pack("<I", word))[0]


def test_fp16_overflows_to_inf_where_hardware_does():
    # 65504 is the largest fp16; the midpoint to the next binade, 65520, rounds to even: inf.
    assert to_fp16([65504.0, 65519.99, 65520.0, 70000.0, 1e300]) == [
        65504.0, 65504.0, math.inf, math.inf, math.inf]
    assert to_fp16([-65520.0, -1e6]) == [-math.inf, -math.inf]
    assert to_fp16([math.inf, -math.inf]) == [math.inf, -math.inf]
    assert math.isnan(to_fp16([math.nan])[0])


def test_fp16_rounds_ties_to_even():
    # Between 2048 and 4096 fp16 steps by 2: odd integers are ties.
    assert to_fp16([2049.0, 2051.0, 2053.0]) == [2048.0, 2052.0, 2052.0]
    assert to_fp16([1.0 + 2**-11, 1.0 + 3 * 2**-11]) == [1.0, 1.0 + 2**-9]
    # Subnormals: the smallest is 2**-24; half of it is a tie that goes to zero (even).
    assert to_fp16([2**-25, 3 * 2**-25, 2**-24]) == [0.0, 2**-23, 2**-24]


def test_fp32_rounds_ties_to_even_and_overflows_to_inf():
    assert to_fp32([1.0 + 2**-24, 1.0 + 3 * 2**-24]) == [1.0, 1.0 + 2**-22]
    assert to_fp32([3.5e38, -1e39]) == [math.inf, -math.inf]


def test_bf16_rounds_the_fp32_pattern_to_nearest_even_not_by_truncation():
    assert to_bf16([1.0 + 2**-8]) == [1.0]  # tie, 1.0 is even
    assert to_bf16([1.0 + 3 * 2**-8]) == [1.0 + 2**-6]  # tie, rounds up to even
    assert to_bf16([1.0 + 2**-8 + 2**-20]) == [1.0 + 2**-7]  # above the tie: up (truncation: down)
    assert to_bf16([-(1.0 + 2**-8 + 2**-20)]) == [-(1.0 + 2**-7)]
    assert to_bf16([3.4e38, -3.4e38]) == [math.inf, -math.inf]  # past bf16's largest: inf
    assert to_bf16([0.0, -0.0, math.inf]) == [0.0, -0.0, math.inf]
    assert math.isnan(to_bf16([math.nan, 1.0])[0])


def test_bf16_matches_a_plain_bit_by_bit_reference():
    def reference(value: float) -> float:
        word = bits32(value)
        word = (word + 0x7FFF + ((word >> 16) & 1)) & 0xFFFF0000
        return from_bits32(word)

    values = [(-1) ** k * (k * 0.3711 + 1e-3) * 10.0 ** (k % 9 - 4) for k in range(2000)]
    values += [from_bits32((k << 16) | 0x8000) for k in range(0, 0x7F80, 7)]  # exact ties
    assert to_bf16(values) == [reference(v) for v in to_fp32(values)]


def test_fixed_point_shift_rounds_ties_to_even_and_saturates():
    assert INT8.shift([5, 6, 7, 10, -6, -7, -10], 2) == [1, 2, 2, 2, -2, -2, -2]
    assert INT8.shift([1000, -1000], 1) == [127, -128]
    assert INT8.encode([0.5, -0.5, 1 / 64, 3 / 64, 100.0]) == [16, -16, 0, 2, 127]
    assert INT8.decode(INT8.encode([1.25])) == [1.25]
    assert INT32.encode([1.0]) == [65536]


def test_per_tensor_quantization_maps_the_largest_magnitude_to_127():
    ints, scale = quantize([0.3, -0.6, 0.15, 0.0])
    assert ints == [64, -127, 32, 0]
    assert scale == pytest.approx(0.6 / 127)
    assert quantize([0.0, 0.0]) == ([0, 0], 1.0)


def test_formats_know_their_width():
    assert {name: f.bytes for name, f in FORMATS.items()} == {
        "fp32": 4, "fp16": 2, "bf16": 2, "int8": 1, "int32": 4}
    assert isinstance(FORMATS["int8"], Fixed) and FORMATS["int8"].op_format == "int32"
