"""Chips: three illustrative profiles and a cost model that prices a ledger on each.

The profiles are round numbers chosen to show the shapes of real chips, not any product: a
training chip whose 16x16 floating-point matrix unit does 8x the multiply-adds of its fp32 lanes
(NVIDIA's V100 has about that ratio: 125 tensor TFLOPS against 15.7 fp32), an inference chip
with only an int8 matrix unit and int32 lanes, and a scalar processor with a few lanes.
"""

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
    """A chip profile: clock, lanes, formats, memory bandwidth and its matrix unit, if any."""

    def __init__(self, name: str, clock_hz: float, lanes: int, formats: tuple[str, ...],
                 bytes_per_cycle: int, matrix: dict[str, int] | None = None):
        self.name, self.clock_hz, self.lanes = name, clock_hz, lanes  # a lane: 1 op per cycle
        self.formats = formats  # what it can compute in at all
        self.bytes_per_cycle = bytes_per_cycle  # on-chip memory bandwidth
        self.matrix = matrix or {}  # format -> multiply-adds per cycle (an NxN unit does N*N)

    def __repr__(self) -> str:
        return f"Chip({self.name!r})"

    def can(self, fmt: str) -> bool:
        """Whether the chip computes in `fmt` at all."""
        return fmt in self.formats


ALL = ("fp32", "fp16", "bf16", "int8", "int32")
CHIPS: dict[str, Chip] = {
    "training": Chip("training", 1.5e9, 32, ALL, 128, {"fp16": 16 * 16, "bf16": 16 * 16}),
    "inference": Chip("inference", 1.0e9, 16, ("int8", "int32"), 64, {"int8": 32 * 32}),
    "scalar": Chip("scalar", 2.0e9, 8, ALL, 32),
}


def _ceil(a: int, b: int) -> int:
    return -(-a // b)


def cost(ledger: Ledger, chip: Chip | str) -> dict:
    """Cycles, time and energy of a ledger's work on a chip, in total and by phase.

    Each (phase, format) row takes as long as the slower of its arithmetic and its memory
    traffic (a roofline), with every unit fully used: a best case. Energy prices memory as
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
        rate = chip.matrix.get(fmt, chip.lanes)
        compute = _ceil(row["macs"], rate) + _ceil(row["ops"], chip.lanes)
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
