"""Patterns that failed on 26 texts written fresh for issue 15 (tests/fixtures/corpus/src_n.py),
each in new wording: who did it, what it counts, and the meeting's people and tasks."""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text
from giaoban.textfigures.meetings import parse_meeting

ALL = ["ccb", "congdoan", "doan", "mttq", "nongdan", "phunu"]


def owners(text: str) -> list:
    return [sorted(f["orgs"]) if f["orgs"] else f["org"] for f in extract_text(text)["figures"]]


OWNERS: list[tuple[str, list]] = [
    # A period's numeral ends a sentence: 'quý I.' is no initial, the next organization is the subject.
    ("Các đoàn thể báo cáo kết quả quý I. Hội Cựu chiến binh xã kết nạp 21 hội viên.", ["ccb"]),
    # An apposition says what the body is; the body alone stays the subject.
    ("Hội Nông dân xã Tân An, tổ chức chính trị - xã hội trực thuộc Ủy ban MTTQ xã, đã kết nạp 52 hội viên.",
     ["nongdan"]),
    # A place as the subject after joint work led by the MTTQ is the MTTQ's.
    ("Ủy ban MTTQ phường cùng các tổ chức chính trị - xã hội vận động được 500 triệu đồng. "
     "Từ nguồn này, phường đã xây 4 căn nhà Đại đoàn kết.", [ALL, "mttq"]),
    # The people of a place give their own work.
    ("Hội LHPN xã tổ chức 6 buổi tuyên truyền. Người dân ở các thôn đóng góp 300 ngày công.", ["phunu", "other"]),
    # A state corporation gives like a company.
    ("Ủy ban MTTQ tỉnh trao 2.000 suất quà. Tổng công ty Điện lực miền Trung tặng thêm 10 tấn gạo.",
     ["mttq", "other"]),
    # An aside about one place does not carry its subject on.
    ("Tỉnh đoàn tổ chức 40 đội hình tình nguyện. Ở huyện Đông Hưng, Hội Nông dân huyện mở 2 lớp tập huấn. "
     "Chương trình hè dự kiến huy động 800 tình nguyện viên.", ["doan", "nongdan", "doan"]),
    # 'Hội' right after an association in the same chain is that association; 'Đối với X,' opens X's clause.
    ("Về phía Hội LHPN huyện, các cấp Hội đã tổ chức 36 buổi tuyên truyền. Đối với Hội Nông dân, "
     "tổ chức Hội kết nạp 90 hội viên.", ["phunu", "nongdan"]),
    # The front and the organizations together.
    ("Quý III, khối Mặt trận, đoàn thể xã đã phối hợp sửa 12 nhà cho hộ nghèo.", [ALL]),
    # Givers listed with a generic group are 'other', even after a fund named before them.
    ("Ủy ban MTTQ huyện cho biết, ngoài quỹ, các cơ quan, đơn vị, doanh nghiệp còn tặng 900 suất quà.",
     ["other"]),
    # No body named, but only the MTTQ reports what is counted; the second of a pair goes with the first.
    ("Dịp này, Ngân hàng Vietcombank tặng 20 suất học bổng.\nNăm 2024, toàn xã có 960/1.010 hộ đạt danh hiệu "
     "gia đình văn hóa.", ["other", "mttq", "mttq"]),
]


@pytest.mark.parametrize("text,expected", OWNERS, ids=[c[0][:50] for c in OWNERS])
def test_owner(text: str, expected: list) -> None:
    assert owners(text) == expected


def test_places_of_two_syllables_before_their_figures_are_figures() -> None:
    text = "Hội Nông dân tỉnh có dư nợ ủy thác lớn ở các huyện Yên Thế 86 tỷ đồng và Lục Nam 71 tỷ đồng."
    assert [f["value"] for f in extract_text(text)["figures"]] == [86000000000, 71000000000]
    assert [f["value"] for f in extract_text("Tại Khu 5 có 40 hộ.")["figures"]] == [40]


CODES: list[tuple[str, list]] = [
    # The next items of a list of places take the indicator of the first.
    ("Hội LHPN tỉnh quản lý dư nợ ủy thác 900 tỷ đồng. Trong các huyện, Tân Uyên có dư nợ cao nhất, "
     "160 tỷ đồng; tiếp theo là Phú Giáo, 132 tỷ đồng.", ["du_no_uy_thac"] * 3),
    # … but not an item with a verb of its own, nor a stock after 'còn'.
    ("Tỉnh đoàn kết nạp 300 đoàn viên; 25 đoàn viên được kết nạp Đảng.", ["ket_nap_moi", None]),
    # A comparison is a change, with the time compared in between.
    ("Quỹ Hỗ trợ nông dân huyện đạt 5,2 tỷ đồng, tăng trưởng thêm 640 triệu đồng.", ["quy_ho_tro_nong_dan", None]),
    ("Ủy ban MTTQ tỉnh trao quà trị giá trên 1,2 tỷ đồng, cao hơn Tết năm trước khoảng 150 triệu đồng.",
     ["tri_gia_qua", None]),
    # A measure word ending its clause stands for what the clause before counted.
    ("Ban Thường trực Ủy ban MTTQ tỉnh chủ trì 4 cuộc giám sát; Mặt trận cấp xã tổ chức 96 cuộc.",
     ["cuoc_giam_sat", "cuoc_giam_sat"]),
    # The cost of coordinated things is read from all of them.
    ("Ủy ban MTTQ huyện xây mới 15 nhà Đại đoàn kết và sửa chữa 6 nhà, tổng kinh phí 900 triệu đồng.",
     ["nha_dai_doan_ket", "nha_dai_doan_ket", "kinh_phi_nha_dai_doan_ket"]),
    # Branches founded are not the branches held; the people a team serves are not volunteers.
    ("Hội Nông dân tỉnh thành lập mới 9 chi hội nghề nghiệp, nâng tổng số lên 1.020 chi hội.", [None, "chi_hoi"]),
    ("Tỉnh đoàn thành lập 40 đội hình tình nguyện hướng dẫn 6.000 lượt người dân cài ứng dụng.",
     ["doi_hinh_tinh_nguyen", None]),
    # 'N đoàn viên mới' are members admitted; voters at a propaganda session are its attendees.
    ("Liên đoàn Lao động tỉnh kết nạp 3.000 đoàn viên. Công đoàn cơ sở Công ty Cổ phần May 10 dẫn đầu "
     "với 420 đoàn viên mới.", ["ket_nap_moi", "ket_nap_moi"]),
    ("Ủy ban MTTQ xã tổ chức 4 buổi tuyên truyền về bầu cử cho 520 lượt cử tri.",
     ["tuyen_truyen_buoi", "tuyen_truyen_luot_nguoi"]),
    # An amount per item is no total, whatever verb stands before it.
    ("Liên đoàn Lao động tỉnh hỗ trợ xây 12 nhà \"Mái ấm Công đoàn\" với mức hỗ trợ 50 triệu đồng mỗi nhà.",
     ["nha_mai_am_cong_doan", None]),
    # After ';' a clause opened by a time word and its verb goes on with the fund before it.
    ("Quỹ Hỗ trợ nông dân huyện có 3 tỷ đồng; trong năm cho 120 hộ vay.", ["quy_ho_tro_nong_dan", None]),
]


@pytest.mark.parametrize("text,codes", CODES, ids=[c[0][:50] for c in CODES])
def test_codes(text: str, codes: list) -> None:
    assert [f["indicator_code"] for f in extract_text(text)["figures"]] == codes


def test_a_counted_noun_opening_a_quoted_name() -> None:
    figures = extract_text('Công đoàn các khu công nghiệp xây 7 "nhà nhân ái" cho công nhân.')["figures"]
    assert [(f["value"], f["unit"], f["indicator_code"]) for f in figures] == [(7, "ngôi nhà", None)]


def test_comparisons_are_changes() -> None:
    figures = extract_text("Quỹ Hỗ trợ nông dân huyện đạt 5,2 tỷ đồng, tăng trưởng thêm 640 triệu đồng.")["figures"]
    assert [f["kind"] for f in figures] == ["level", "change"]


def test_a_name_joined_by_an_apostrophe_keeps_the_list_going() -> None:
    text = ("Hội Nông dân tỉnh giao ban quý II năm 2024. Dự hội nghị có các đồng chí: Hoàng Văn Tư, Chủ tịch "
            "Hội Nông dân tỉnh; K' Brơi, Phó Chủ tịch Hội Nông dân tỉnh; Lê Thị Hoa, Chủ tịch Hội LHPN tỉnh.")
    assert [p["name"] for p in parse_meeting(text)["people"]] == ["Hoàng Văn Tư", "K' Brơi", "Lê Thị Hoa"]


def test_tasks_under_a_tasks_heading_that_open_with_a_request() -> None:
    text = ("THÔNG BÁO KẾT LUẬN\nhội nghị giao ban tháng 4 năm 2025 của Ủy ban MTTQ Việt Nam xã\n"
            "1. Kết quả tháng 4\nMặt trận xã trao 120 suất quà.\n2. Nhiệm vụ tháng 5\n"
            "Đề nghị các đoàn thể tiếp tục vận động hội viên tham gia bảo hiểm y tế; "
            "Hội Nông dân xã hướng dẫn hội viên phòng dịch cho đàn gia súc; Đoàn xã ra quân dọn vệ sinh kênh mương.")
    tasks = [t["text"] for t in parse_meeting(text)["tasks"]]
    assert tasks == ["Các đoàn thể tiếp tục vận động hội viên tham gia bảo hiểm y tế.",
                     "Hội Nông dân xã hướng dẫn hội viên phòng dịch cho đàn gia súc.",
                     "Đoàn xã ra quân dọn vệ sinh kênh mương."]
