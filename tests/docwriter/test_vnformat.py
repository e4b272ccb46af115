import datetime as dt
from decimal import Decimal

import pytest

from giaoban.docwriter.vnformat import format_date_line, format_money, format_number, format_pct, format_value, table_value


@pytest.mark.parametrize("value,decimals,expected", [
    (29774, 0, "29.774"),
    (558, 0, "558"),
    (1000000, 0, "1.000.000"),
    (2950.5, 1, "2.950,5"),
    (Decimal("34.50"), 2, "34,5"),
    (-1234.5, 1, "-1.234,5"),
    (0, 0, "0"),
    (-0.01, 1, "0"),
    (99.95, 1, "100"),
])
def test_format_number(value, decimals, expected):
    assert format_number(value, decimals) == expected


@pytest.mark.parametrize("value,expected", [
    (1_500_000_000, "1,5 tỷ đồng"),
    (3_000_000_000_000, "3.000 tỷ đồng"),
    (1_062_400_000_000, "1.062,4 tỷ đồng"),
    (238_900_000, "238,9 triệu đồng"),
    (700_000, "700.000 đồng"),
    (4_200_000_000, "4,2 tỷ đồng"),
])
def test_format_money(value, expected):
    assert format_money(value) == expected


def test_format_pct_and_value():
    assert format_pct(12.345) == "12,3%"
    assert format_pct(100) == "100%"
    assert format_value(29774, "integer", "lượt người") == "29.774 lượt người"
    assert format_value(34.5, "decimal", "km") == "34,5 km"
    assert format_value(87.5, "percent", "%") == "87,5%"
    assert table_value(1_520_000_000, "money") == "1.520"  # the table's money column is in triệu đồng
    assert table_value(None) == "–"


@pytest.mark.parametrize("date,expected", [
    (dt.date(2023, 10, 5), "Lai Châu, ngày 05 tháng 10 năm 2023"),
    (dt.date(2020, 1, 5), "Lai Châu, ngày 05 tháng 01 năm 2020"),
    (dt.date(2023, 3, 15), "Lai Châu, ngày 15 tháng 3 năm 2023"),
])
def test_date_line_pads_days_below_10_and_months_1_2(date, expected):
    assert format_date_line("Lai Châu", date) == expected
