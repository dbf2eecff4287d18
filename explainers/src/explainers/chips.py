"""Chips: three illustrative profiles and a cost model that prices a ledger on each.

The profiles are round numbers chosen to show the shapes of real chips, not any product: a
training chip whose 16x16 floating-point matrix unit does 8x the multiply-adds of its fp32 lanes
(NVIDIA's V100 has about that ratio: 125 tensor TFLOPS against 15.7 fp32), an inference chip
with only an int8 matrix unit and int32 lanes, and a scalar processor with a few lanes.

Beside its matrix unit each chip has a vector unit for element-wise work (activations, softmax,
the optimizer's update): W bits wide, it does W/32 fp32 or int32, W/16 fp16 or bf16 and W/8 int8
operations per cycle, since narrower numbers pack more to a lane. Packing is what real vector
units do: NVIDIA's P100, which has no matrix unit, peaks at 21.2 TFLOPS in packed FP16 against
10.6 in FP32 (AnandTech, GTC 2016; data/chips.yaml), and the 2048-bit vector unit of Huawei's Da
Vinci core holds 128 FP16 lanes next to its 4096-MAC Cube (data/figures.yaml). The widths here
(1024, 512 and 256 bits, keeping the 32, 16 and 8 fp32 lanes the profiles always had) are the
model's assumption, not any product's:

    chip        vector   fp32  fp16/bf16  int8  int32   matrix unit (multiply-adds per cycle)
    training    1024 b   32    64         128   32      fp16, bf16: 256
    inference    512 b   -     -          64    16      int8: 1024
    scalar       256 b   8     16         32    8       none
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from explainers.precision import FORMATS

if TYPE_CHECKING:  # only named in `cost`'s signature: chips needs no ledger to run
    from explainers.ledger import Ledger

# Energy per operation in picojoules: Horowitz, "Computing's energy problem (and what we can do
# about it)", ISSCC 2014, 45 nm at 0.9 V, as tabulated in Han et al., NeurIPS 2015, Table 1.
# data/ holds the same rows with their sources; a test keeps the two equal.
HOROWITZ_45NM_PJ = {
    "int32_add": 0.1,
    "int32_mult": 3.1,
    "fp32_add": 0.9,
    "fp32_mult": 3.7,
    "sram32_read": 5.0,  # 32-bit load from an 8 KB SRAM
    "int8_add": 0.03,
    "int8_mult": 0.2,
    "fp16_add": 0.4,
    "fp16_mult": 1.1,
    "dram32_read": 640.0,
}

_E = HOROWITZ_45NM_PJ
# A multiply-add is a multiply in the format plus an add in its accumulator: int8 products
# accumulate in int32, fp16 ones in fp32, as matrix units do. The table has no bf16 row: bf16
# reuses fp16's energies (its multiplier is smaller, so this is an upper bound).
MAC_PJ = {
    "fp32": _E["fp32_mult"] + _E["fp32_add"],
    "fp16": _E["fp16_mult"] + _E["fp32_add"],
    "bf16": _E["fp16_mult"] + _E["fp32_add"],
    "int8": _E["int8_mult"] + _E["int32_add"],
    "int32": _E["int32_mult"] + _E["int32_add"],
}
# Other operations are priced as an add in their format: exp, divide and compare cost more,
# so this is a floor.
OP_PJ = {"fp32": _E["fp32_add"], "fp16": _E["fp16_add"], "bf16": _E["fp16_add"],
         "int8": _E["int8_add"], "int32": _E["int32_add"]}
# The table prices a 32-bit read; writes are priced the same (it has no write row).
SRAM_PJ_PER_BYTE = _E["sram32_read"] / 4
DRAM_PJ_PER_BYTE = _E["dram32_read"] / 4


class Chip:
    """A chip profile: clock, vector width, formats, memory bandwidth and its matrix unit, if any."""

    def __init__(self, name: str, clock_hz: float, vector_bits: int, formats: tuple[str, ...],
                 bytes_per_cycle: int, matrix: dict[str, int] | None = None):
        self.name, self.clock_hz, self.vector_bits = name, clock_hz, vector_bits
        self.formats = formats  # what it can compute in at all
        self.bytes_per_cycle = bytes_per_cycle  # on-chip memory bandwidth
        self.matrix = matrix or {}  # format -> multiply-adds per cycle (an NxN unit does N*N)

    def __repr__(self) -> str:
        return f"Chip({self.name!r})"

    def can(self, fmt: str) -> bool:
        """Whether the chip computes in `fmt` at all."""
        return fmt in self.formats

    @property
    def lanes(self) -> int:
        """The vector unit's fp32 (32-bit) lanes."""
        return self.vector_bits // 32

    def vector(self, fmt: str) -> int:
        """Element-wise operations per cycle in `fmt` on the vector unit.

        >>> CHIPS["training"].vector("fp32"), CHIPS["training"].vector("bf16")
        (32, 64)
        """
        return self.vector_bits // (8 * FORMATS[fmt].bytes)


ALL = ("fp32", "fp16", "bf16", "int8", "int32")
CHIPS: dict[str, Chip] = {
    "training": Chip("training", 1.5e9, 1024, ALL, 128, {"fp16": 16 * 16, "bf16": 16 * 16}),
    "inference": Chip("inference", 1.0e9, 512, ("int8", "int32"), 64, {"int8": 32 * 32}),
    "scalar": Chip("scalar", 2.0e9, 256, ALL, 32),
}


ELEMENTWISE = ("update",)  # phases whose multiply-adds are element-wise


def _ceil(a: int, b: int) -> int:
    return -(-a // b)


def cost(ledger: Ledger, chip: Chip | str) -> dict:
    """Cycles, time and energy of a ledger's work on a chip, in total and by phase.

    Each (phase, format) row takes as long as the slower of its arithmetic and its memory
    traffic (a roofline), with every unit fully used: a best case. Multiply-adds of the
    forward and backward passes run on the matrix unit when it has the format; the update's
    (element-wise: no weight is used twice, so a matrix unit has nothing to reuse) and all
    other operations run on the vector unit. Energy prices memory as
    on-chip SRAM (this net fits); `dram_pj` says what the same bytes would cost from DRAM.

    >>> from explainers.ledger import reading
    >>> cost(reading(144, 16, 10, "fp32"), "inference")["supported"]
    False
    >>> cost(reading(144, 16, 10, "int8"), "inference")["cycles"]
    50
    """
    chip = CHIPS[chip] if isinstance(chip, str) else chip
    missing = [f for f in ledger.formats() if not chip.can(f)]
    if missing:
        return {"chip": chip.name, "supported": False, "missing": missing}
    phases: dict[str, dict] = {}
    for row in ledger.to_list():
        fmt, moved = row["format"], row["bytes_read"] + row["bytes_written"]
        vector = chip.vector(fmt)
        rate = vector if row["phase"] in ELEMENTWISE else chip.matrix.get(fmt, vector)
        compute = _ceil(row["macs"], rate) + _ceil(row["ops"], vector)
        arithmetic = row["macs"] * MAC_PJ[fmt] + row["ops"] * OP_PJ[fmt]
        phase = phases.setdefault(row["phase"], {"cycles": 0, "arithmetic_pj": 0.0,
                                                 "memory_pj": 0.0, "dram_pj": 0.0})
        phase["cycles"] += max(compute, _ceil(moved, chip.bytes_per_cycle))
        phase["arithmetic_pj"] += arithmetic
        phase["memory_pj"] += moved * SRAM_PJ_PER_BYTE
        phase["dram_pj"] += moved * DRAM_PJ_PER_BYTE
    for phase in phases.values():
        phase["energy_pj"] = phase["arithmetic_pj"] + phase["memory_pj"]
    totals = {k: sum(p[k] for p in phases.values())
              for k in ("cycles", "arithmetic_pj", "memory_pj", "dram_pj", "energy_pj")}
    return {"chip": chip.name, "supported": True, **totals,
            "seconds": totals["cycles"] / chip.clock_hz, "phases": phases}
