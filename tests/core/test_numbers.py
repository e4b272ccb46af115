"""Specification of giaoban.core.numbers: Vietnamese number input and display."""

from decimal import Decimal

import pytest

from giaoban.core.numbers import (
    NumberFormatError,
    format_vn_money,
    format_vn_number,
    format_vn_percent,
    parse_vn_number,
    to_decimal,
)

PARSE_OK = [
    ("29.774", "29774"),
    ("29774", "29774"),
    ("1,5", "1.5"),
    ("3.000.000.000", "3000000000"),
    ("1.234,56", "1234.56"),
    (" 12 ", "12"),
    ("12,5%", "12.5"),
    ("12,5 %", "12.5"),
    ("100%", "100"),
    ("-3", "-3"),
    ("- 3", "-3"),
    ("\u22123", "-3"),
    ("+7", "7"),
    ("-1.234,5", "-1234.5"),
    ("0", "0"),
    ("-0", "0"),
    ("0,25", "0.25"),
    ("007", "7"),
    ("1.500", "1500"),
    ("1.000", "1000"),
    ("999", "999"),
    ("3 000 000", "3000000"),
    ("3\u00a0000\u00a0000", "3000000"),
    ("1 234,5", "1234.5"),
    ("14,917", "14.917"),  # in a form, ',' is always the decimal mark
    ("99,7", "99.7"),
    ("0,19%", "0.19"),
    ("１２", "12"),  # full-width digits (NFKC)
    ("124,756", "124.756"),
    ("2.875", "2875"),
    # money words, as officers type them (issue 19)
    ("65,2 tỷ", "65200000000"),
    ("40 triệu", "40000000"),
    ("1,5 tỷ đồng", "1500000000"),
    ("1,5 TỶ", "1500000000"),
    ("2 tỉ", "2000000000"),
    ("3 nghìn tỷ", "3000000000000"),
    ("700 nghìn", "700000"),
    ("700 ngàn đồng", "700000"),
    ("238,9 triệu đồng", "238900000"),
    ("1.234 đồng", "1234"),
    ("64,7tỷ", "64700000000"),
    ("5 triệu đ", "5000000"),
]


@pytest.mark.parametrize("text,expected", PARSE_OK)
def test_parse_vn_number(text, expected):
    value = parse_vn_number(text)
    assert isinstance(value, Decimal)
    assert value == Decimal(expected)
    assert str(value) != "-0"


PARSE_BAD = [
    ("1.2.3", "3 chữ số"),
    ("1,2,3", "nhiều hơn một dấu phẩy"),
    ("abc", "chữ số"),
    ("", "trống"),
    ("   ", "trống"),
    ("1.5", "dấu chấm dùng để nhóm hàng nghìn"),
    ("12.34", "dấu chấm dùng để nhóm hàng nghìn"),
    ("1.5000", "dấu chấm dùng để nhóm hàng nghìn"),
    ("1.50,5", "3 chữ số"),
    ("1234.567", "3 chữ số"),  # first group has more than 3 digits
    ("1,234.56", "tiếng Anh"),
    ("1,", "cả hai bên"),
    (",5", "cả hai bên"),
    ("1.", "3 chữ số"),
    (".5", "3 chữ số"),
    ("-", "thiếu chữ số"),
    ("%", "thiếu chữ số"),
    ("12a", "chữ số"),
    ("1e5", "chữ số"),
    ("--3", "chữ số"),
    ("1 2", "3 chữ số"),
    ("tỷ", "chữ số"),
    ("1,5 tỷ tỷ", "chữ số"),
    ("1.5 triệu", "dấu chấm dùng để nhóm hàng nghìn"),
    ("NaN", "chữ số"),
]


@pytest.mark.parametrize("text,why", PARSE_BAD)
def test_parse_rejects_malformed_input(text, why):
    with pytest.raises(NumberFormatError) as exc:
        parse_vn_number(text)
    msg = str(exc.value)
    assert msg.startswith(f"Không đọc được số '{text}'")
    assert why in msg
    assert isinstance(exc.value, ValueError)


def test_parse_passes_numbers_through():
    assert parse_vn_number(5) == Decimal(5)
    assert parse_vn_number(Decimal("1.5")) == Decimal("1.5")
    for bad in [True, 1.5, None, Decimal("NaN")]:
        with pytest.raises(NumberFormatError):
            parse_vn_number(bad)


FORMAT = [
    (29774, None, "29.774"),
    (Decimal("29774"), None, "29.774"),
    (1.5, None, "1,5"),
    (Decimal("1.5"), None, "1,5"),
    (3_000_000_000, None, "3.000.000.000"),
    (Decimal("82.91"), None, "82,91"),
    (Decimal("82.910"), None, "82,91"),
    (Decimal("82.9149"), 2, "82,91"),
    (Decimal("82.915"), 2, "82,92"),  # half up, not banker's rounding
    (Decimal("0.125"), 2, "0,13"),
    (2.675, 2, "2,68"),  # no binary-float surprise
    (0.1 + 0.2, None, "0,3"),
    (-1234.5, None, "-1.234,5"),
    (-29774, None, "-29.774"),
    (Decimal("-0.004"), 2, "0,00"),
    (0, None, "0"),
    (Decimal("0.00"), None, "0"),
    (Decimal("1E+3"), None, "1.000"),
    (Decimal("1000.0"), None, "1.000"),
    (999, None, "999"),
    (1000, None, "1.000"),
    (123456789, None, "123.456.789"),
    (1234567.891, 1, "1.234.567,9"),
    (12, 2, "12,00"),
    (None, None, ""),
    (None, 2, ""),
]


@pytest.mark.parametrize("value,decimals,expected", FORMAT)
def test_format_vn_number(value, decimals, expected):
    assert format_vn_number(value, decimals) == expected


@pytest.mark.parametrize("text", ["29.774", "1,5", "3.000.000.000", "1.234,56", "-12,5", "0,19", "999"])
def test_format_and_parse_round_trip(text):
    assert format_vn_number(parse_vn_number(text)) == text


def test_format_refuses_non_finite():
    with pytest.raises(ValueError):
        format_vn_number(float("inf"))


MONEY = [
    (1_500_000_000, "1,5 tỷ đồng"),
    (238_900_000, "238,9 triệu đồng"),
    (700_000, "700.000 đồng"),
    (2_000_000_000, "2 tỷ đồng"),
    (2_875_000_000_000, "2.875 tỷ đồng"),
    (4_230_000_000, "4,2 tỷ đồng"),
    (1_000_000, "1 triệu đồng"),
    (1_940_000_000, "1,9 tỷ đồng"),
    (999_950_000, "1 tỷ đồng"),  # rounding to 1.000,0 triệu moves up to tỷ
    (999_940_000, "999,9 triệu đồng"),
    (999_999, "999.999 đồng"),
    (0, "0 đồng"),
    (Decimal("700000.4"), "700.000 đồng"),
    (-238_900_000, "-238,9 triệu đồng"),
    (None, ""),
]


@pytest.mark.parametrize("value,expected", MONEY)
def test_format_vn_money(value, expected):
    assert format_vn_money(value) == expected


def test_format_vn_money_decimals():
    assert format_vn_money(50_261_000_000, decimals=3) == "50,261 tỷ đồng"
    assert format_vn_money(124_756_000_000, decimals=3) == "124,756 tỷ đồng"
    assert format_vn_money(1_500_000_000, decimals=0) == "2 tỷ đồng"


PERCENT = [
    (12.345, 1, "12,3%"),
    (Decimal("12.35"), 1, "12,4%"),
    (99.7, 1, "99,7%"),
    (100, 1, "100,0%"),
    (100, 0, "100%"),
    (Decimal("0.19"), 2, "0,19%"),
    (-3.64, 2, "-3,64%"),
    (1234.5, 1, "1.234,5%"),
    (None, 1, ""),
]


@pytest.mark.parametrize("value,decimals,expected", PERCENT)
def test_format_vn_percent(value, decimals, expected):
    assert format_vn_percent(value, decimals) == expected


def test_to_decimal():
    assert to_decimal(0.1) == Decimal("0.1")
    assert to_decimal("1,5") == Decimal("1.5")
    assert to_decimal(3) == Decimal(3)
    with pytest.raises(TypeError):
        to_decimal(True)
    with pytest.raises(TypeError):
        to_decimal(None)


# Property: whatever we display, we read back (form fields are filled with formatted values).
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@given(st.decimals(min_value=-10**15, max_value=10**15, places=4, allow_nan=False, allow_infinity=False))
def test_every_formatted_number_parses_back(value):
    assert parse_vn_number(format_vn_number(value)) == value


@given(st.integers(min_value=0, max_value=10**15))
def test_grouping_inserts_a_dot_every_three_digits(n):
    text = format_vn_number(n)
    assert text.replace(".", "") == str(n)
    assert all(len(g) == 3 for g in text.split(".")[1:])
