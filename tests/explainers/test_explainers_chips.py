"""Chips: the Horowitz table, and what a ledger costs on each profile."""

import pytest

from explainers.chips import CHIPS, HOROWITZ_45NM_PJ, MAC_PJ, SRAM_PJ_PER_BYTE, cost
from explainers.ledger import Ledger, reading, teaching


def test_the_energy_table_has_exactly_the_ten_rows():
    assert HOROWITZ_45NM_PJ == {
        "int32_add": 0.1, "int32_mult": 3.1, "fp32_add": 0.9, "fp32_mult": 3.7,
        "sram32_read": 5, "int8_add": 0.03, "int8_mult": 0.2, "fp16_add": 0.4,
        "fp16_mult": 1.1, "dram32_read": 640}


def test_energy_is_arithmetic_plus_memory():
    ledger = Ledger().add("forward", "int8", macs=1000, bytes_read=400)
    priced = cost(ledger, "inference")
    assert priced["arithmetic_pj"] == pytest.approx(1000 * (0.2 + 0.1))  # int8 mult, int32 add
    assert priced["memory_pj"] == pytest.approx(400 * 5 / 4)
    assert priced["dram_pj"] == pytest.approx(400 * 640 / 4)
    assert priced["energy_pj"] == pytest.approx(300 + 500)
    assert MAC_PJ["bf16"] == MAC_PJ["fp16"] and SRAM_PJ_PER_BYTE == 1.25


def test_cycles_take_the_slower_of_arithmetic_and_memory():
    ledger = Ledger().add("forward", "fp16", macs=2560, ops=64, bytes_read=128)
    # Matrix unit: 256 multiply-adds per cycle; a 1024-bit vector unit (64 fp16 lanes).
    assert cost(ledger, "training")["cycles"] == 10 + 1
    assert cost(ledger, "scalar")["cycles"] == 2560 // 16 + 64 // 16  # 256 bits: 16 fp16 lanes
    slow = Ledger().add("forward", "fp16", macs=256, bytes_read=128 * 50)  # 128 bytes a cycle
    assert cost(slow, "training")["cycles"] == 50


def test_vector_units_pack_narrow_numbers():
    widths = {name: chip.vector_bits for name, chip in CHIPS.items()}
    assert widths == {"training": 1024, "inference": 512, "scalar": 256}
    training = CHIPS["training"]
    assert [training.vector(f) for f in ("fp32", "fp16", "bf16", "int8", "int32")] == [
        32, 64, 64, 128, 32]
    assert {name: chip.lanes for name, chip in CHIPS.items()} == {
        "training": 32, "inference": 16, "scalar": 8}


def test_element_wise_updates_run_on_the_vector_unit_not_the_matrix_unit():
    work = {"macs": 25600, "ops": 640}
    forward = cost(Ledger().add("forward", "fp16", **work), "training")
    update = cost(Ledger().add("update", "fp16", **work), "training")
    assert forward["cycles"] == 25600 // 256 + 640 // 64
    assert update["cycles"] == 25600 // 64 + 640 // 64
    # int8 on the inference chip: the matrix unit for products, its 512-bit vector for updates
    assert cost(Ledger().add("update", "int8", macs=6400), "inference")["cycles"] == 6400 // 64


def test_a_chip_without_a_format_cannot_price_it():
    priced = cost(reading(144, 16, 10, "fp32"), CHIPS["inference"])
    assert priced == {"chip": "inference", "supported": False, "missing": ["fp32"]}


def test_matrix_units_pay_off_for_training():
    ledger = teaching(144, 16, 10, "fp16")
    matrix, lanes = cost(ledger, "training"), cost(ledger, "scalar")
    assert matrix["cycles"] < lanes["cycles"]
    assert set(matrix["phases"]) == {"forward", "backward", "update"}
    assert matrix["seconds"] == matrix["cycles"] / CHIPS["training"].clock_hz
