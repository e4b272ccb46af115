"""Patterns that failed on the fresh set src_t (tests/fixtures/corpus/src_t.py, its development part),
each in new wording: whether it is a figure and who holds it."""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text


def spans(text: str) -> list[str]:
    return [f["text"] for f in extract_text(text)["figures"]]


NOT_FIGURES: list[tuple[str, list[str]]] = [
    # A year after an event's or a season's name, before a word that counts nothing.
    ("Hè tình nguyện 2022 sôi nổi khắp các xã; Huyện đoàn trao 40 suất quà.", ["40 suất quà"]),
    ("Xuân Canh Tý 2020 ấm áp nơi khu trọ công nhân", []),
    ("Ngày hội Đại đoàn kết 2021 lan tỏa khắp 36 khu dân cư", ["36 khu dân cư"]),
    # A star rating is no count: 'OCOP 3 sao', 'đạt 4 sao'.
    ("Hội giúp 7 sản phẩm đạt chứng nhận OCOP 3 sao, 2 sản phẩm được nâng lên 4 sao.", ["7 sản phẩm", "2 sản phẩm"]),
]


@pytest.mark.parametrize("text,expected", NOT_FIGURES, ids=[c[0][:50] for c in NOT_FIGURES])
def test_not_a_figure(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


def test_a_large_count_written_with_four_bare_digits_stays_a_figure() -> None:
    assert spans("Công đoàn trao 2024 suất quà Tết.") == ["2024 suất quà"]


def owners(text: str) -> list:
    return [sorted(f["orgs"]) if f["orgs"] else f["org"] for f in extract_text(text)["figures"]]


OWNERS: list[tuple[str, list]] = [
    # A body that only tells ('X cho biết, …', 'Theo X, …') owns nothing the statement gives to a
    # body of its own; with none named, the teller's figure stays the teller's.
    ("Phòng giao dịch Ngân hàng Chính sách xã hội huyện cho biết, vốn ủy thác qua Hội Nông dân đạt 205 tỷ đồng.",
     ["nongdan"]),
    ("Theo Ngân hàng Chính sách xã hội tỉnh, dư nợ qua Đoàn Thanh niên tăng 12 tỷ đồng.", ["doan"]),
    ("Sở Lao động - Thương binh và Xã hội cho biết, thưởng Tết bình quân tăng 5%.", ["other"]),
    # An official speaks for the body whose office the apposition names.
    ("Bà Phạm Thị Hoa, Chủ tịch Hội LHPN huyện cho biết, đơn vị đã vận động được 140 triệu đồng.", ["phunu"]),
    ("Anh Võ Văn Tư cho biết, gia đình nuôi 120 con lợn.", [None]),
    # The authorities named by their function act for themselves.
    ("Hội Nông dân kiến nghị 12 nội dung; các cơ quan có thẩm quyền đã giải quyết 9 nội dung.", ["nongdan", "other"]),
    ("Công đoàn phát hiện 5 vụ vi phạm; lực lượng chức năng xử phạt 3 doanh nghiệp.", ["congdoan", "other"]),
    # A part ('trong đó X') or a contrast ('…, còn X') holds for its own sentence only: the next
    # sentence with no subject of its own is the document's body's, not the part's.
    ("ỦY BAN MTTQ VIỆT NAM PHƯỜNG AN HÒA\nCác đoàn thể quyên góp 210 triệu đồng, trong đó Hội Phụ nữ "
     "góp 60 triệu đồng. Có 12 khu dân cư đăng ký tổ chức Ngày hội.",
     [["ccb", "congdoan", "doan", "nongdan", "phunu"], "phunu", "mttq"]),
    ("HỘI NÔNG DÂN HUYỆN\nHội Cựu chiến binh hỗ trợ 40 ngày công, còn Đoàn Thanh niên góp 90 ngày công.\n"
     "Kết nạp 310 hội viên.", ["ccb", "doan", "nongdan"]),
    # The agent of a passive between the subject and the figure gave it.
    ("Hội Nông dân huyện có Quỹ Hỗ trợ nông dân 4 tỷ đồng; Quỹ do UBND huyện hỗ trợ từ ngân sách 500 triệu đồng.",
     ["nongdan", "other"]),
]


@pytest.mark.parametrize("text,expected", OWNERS, ids=[c[0][:50] for c in OWNERS])
def test_owner(text: str, expected: list) -> None:
    assert owners(text) == expected


def test_the_next_items_words_after_va_do_not_exclude_a_code() -> None:
    # 'trồng' says the next item is planting; it does not make the road before it lit road or planting.
    text = "Huyện đoàn bê tông hóa 2,3 km đường liên thôn và trồng 4.000 cây xanh."
    assert [f["indicator_code"] for f in extract_text(text)["figures"]] == ["km_duong", "cay_xanh"]


def test_start_up_models_are_economic_models() -> None:
    # The associations' start-up models ('mô hình khởi nghiệp') are economic models, not clubs.
    text = "Hội LHPN huyện hỗ trợ thành lập 14 mô hình khởi nghiệp của hội viên và duy trì 6 câu lạc bộ."
    assert [f["indicator_code"] for f in extract_text(text)["figures"]] == ["du_an_mo_hinh_kinh_te", "mo_hinh_cau_lac_bo"]


def test_among_so_many_is_a_count_not_a_number_named() -> None:
    # 'số 11' names a thing, 'trong số 11 …' counts among how many.
    assert spans("Trong số 40 hộ đăng ký, Hội giúp 25 hộ.") == ["40 hộ", "25 hộ"]
