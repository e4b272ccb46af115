"""A denominator goes with its numerator (issue 15, CONVENTIONS.md convention 13).

The whole a body's result is counted out of ('N … trên tổng số M …', 'N … trong tổng số M …', 'N/M …')
is the base of that body's own figure: it has the numerator's organization (never a code), even
when it counts the people or households of the area ('trên tổng số 2.930 nông dân'). What the area
has said as such ('Toàn xã có 3.860 phụ nữ') stays nobody's (convention 5). Rows in new wording.
"""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text

# (a numerator's code is not what these rows are about: ANY takes whatever the engine gives)
ANY = "*"

ROWS: list[tuple[str, list[tuple[str, str | None, str | None]]]] = [
    # The people the members are counted among: the body's base.
    ("Hội Nông dân xã Tân Lập báo cáo năm 2023: Hội có 2.410 hội viên trên tổng số 2.930 nông dân của xã.",
     [("2.410", "nongdan", "tong_hoi_vien"), ("2.930", "nongdan", None)]),
    ("Công đoàn cơ sở Công ty May Hòa Bình kết nạp 85 đoàn viên, nâng tổng số đoàn viên lên 1.320 người "
     "trong tổng số 1.405 công nhân.", [("1.320", "congdoan", "tong_hoi_vien"), ("1.405", "congdoan", None)]),
    ("Đoàn xã Yên Sơn tổng kết năm: Đoàn xã hiện có 640 đoàn viên trong tổng số 1.870 thanh niên.",
     [("640", "doan", ANY), ("1.870", "doan", None)]),
    # … and the households a result is counted out of.
    ("Ban Công tác Mặt trận thôn Đồng Tâm báo cáo: 318 hộ đạt danh hiệu gia đình văn hóa trên tổng số 342 hộ.",
     [("318", "mttq", "gia_dinh_van_hoa"), ("342", "mttq", None)]),
    # Guards: what the area has said as such stays nobody's (convention 5).
    ("Hội Phụ nữ xã Tân Lập sơ kết. Toàn xã có 2.640 phụ nữ từ 18 tuổi trở lên.", [("2.640", None, None)]),
    ("Mặt trận xã tổng kết năm. Xã có 9 thôn với 1.420 hộ, trong đó 1.301 hộ đạt danh hiệu gia đình văn hóa.",
     [("9", None, None), ("1.420", None, None), ("1.301", "mttq", "gia_dinh_van_hoa")]),
]


@pytest.mark.parametrize("text,expected", ROWS, ids=[r[0][:50] for r in ROWS])
def test_denominator_goes_with_its_numerator(text: str, expected: list) -> None:
    figures = extract_text(text)["figures"]
    got = []
    for start, _, code in expected:
        found = [f for f in figures if f["text"].startswith(start)]
        assert len(found) == 1, [f["text"] for f in figures]
        got.append((start, found[0]["org"], ANY if code == ANY else found[0]["indicator_code"]))
    assert got == expected
