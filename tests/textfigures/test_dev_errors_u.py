"""Causes of the development part's errors (issue 15), each in new wording: the indicator code a
figure gets (or none) and the body that owns it. One row per case; every row failed before its fix."""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text


def codes(text: str) -> list:
    return [(f["text"], f["indicator_code"]) for f in extract_text(text)["figures"]]


def owners(text: str) -> list:
    return [(f["text"], sorted(f["orgs"]) if f["orgs"] else f["org"]) for f in extract_text(text)["figures"]]


CODES: list[tuple[str, list]] = [
    # Stocks vs flows: 'lượt' counts times something happened (a flow); an indicator of a level
    # held ('Số hộ còn dư nợ') never counts it.
    ("Hội LHPN huyện quản lý 96 tổ tiết kiệm và vay vốn, dư nợ 150 tỷ đồng, với 4.310 lượt hộ vay.",
     [("96 tổ tiết kiệm và vay vốn", "to_tk_vv"), ("150 tỷ đồng", "du_no_uy_thac"), ("4.310 lượt hộ vay", None)]),
    ("Dư nợ ủy thác qua Hội Nông dân đạt 88 tỷ đồng với 2.150 hộ vay.",
     [("88 tỷ đồng", "du_no_uy_thac"), ("2.150 hộ vay", "ho_du_no")]),
    # What is added ('thêm') to a level held is no level: the balance, the membership, the groups.
    ("Trong quý, Hội Nông dân huyện tín chấp thêm với Ngân hàng Chính sách xã hội 2,4 tỷ đồng.", [("2,4 tỷ đồng", None)]),
    ("Hội CCB xã có thêm 2 chi hội, nâng tổng số lên 11 chi hội.", [("2 chi hội", None), ("11 chi hội", "chi_hoi")]),
    ("Hội LHPN xã kết nạp thêm 64 hội viên.", [("64 hội viên", "ket_nap_moi")]),
    # An indicator named for a programme ('nhà Đại đoàn kết') is named by the programme, not by
    # the verbs of building or the word for cost: houses mended from the fund, the cost of a
    # house-clearing programme are not the Đại đoàn kết houses.
    ('Quỹ "Vì người nghèo" xã hỗ trợ sửa chữa 3 căn nhà, kinh phí 90 triệu đồng.',
     [("3 căn nhà", None), ("90 triệu đồng", None)]),
    ("Tổng kinh phí xóa nhà tạm của tỉnh hơn 210 tỷ đồng, trong đó ngân sách nhà nước 150 tỷ đồng.",
     [("hơn 210 tỷ đồng", None), ("150 tỷ đồng", None)]),
    ("Ủy ban MTTQ huyện xây mới 14 nhà Đại đoàn kết và sửa chữa 6 căn, kinh phí 980 triệu đồng.",
     [("14 nhà", "nha_dai_doan_ket"), ("6 căn", "nha_dai_doan_ket"), ("980 triệu đồng", "kinh_phi_nha_dai_doan_ket")]),
    # Scholarships for the workers' children are no support to the union's members (as they are
    # no gifts).
    ("Liên đoàn Lao động tỉnh trao 180 suất học bổng cho con đoàn viên có hoàn cảnh khó khăn.", [("180 suất", None)]),
    ("Liên đoàn Lao động tỉnh trao 180 suất quà cho đoàn viên có hoàn cảnh khó khăn.",
     [("180 suất quà", "suat_ho_tro_doan_vien")]),
    # The items of an enumeration count the first item's thing; whom each was for does not change it.
    ("Hội LHPN xã trao 60 suất quà cho phụ nữ nghèo; Hội CCB 25 suất cho hội viên ốm đau; Đoàn xã 40 suất cho thiếu nhi.",
     [("60 suất quà", "suat_qua"), ("25 suất", "suat_qua"), ("40 suất", "suat_qua")]),
    # The veterans' word after 2025 for their grassroots associations ('hội cơ sở').
    ("Hội CCB tỉnh hiện có 152 hội cơ sở.", [("152 hội cơ sở", "chi_hoi")]),
    # A part of a total already counted ('Trong số đó, …', 'trong số này …') is not counted again
    # under the total's indicator; a part that says another thing keeps its own.
    ("Hội LHPN huyện trao 200 suất quà cho hội viên nghèo; mỗi suất 500.000 đồng. Trong số đó, 24 suất quà được trao "
     "cho trẻ mồ côi.", [("200 suất quà", "suat_qua"), ("500.000 đồng", None), ("24 suất quà", None)]),
    ("Công đoàn ký 40 bản thỏa ước lao động tập thể, trong số này 12 bản thỏa ước được đánh giá loại A.",
     [("40 bản thỏa ước", "thoa_uoc_lao_dong"), ("12 bản thỏa ước", None)]),
    ("Hội LHPN huyện giúp 420 hộ phụ nữ nghèo, trong đó 96 hộ thoát nghèo.", [("420 hộ", None), ("96 hộ", "ho_thoat_ngheo")]),
    # The Front's own programme keeps its name where the Front works jointly with its members.
    ('Ủy ban MTTQ và các tổ chức thành viên xã đã tổ chức 8 hội nghị; vận động các tổ chức, cá nhân ủng hộ Quỹ '
     '"Vì người nghèo" 240 triệu đồng.', [("8 hội nghị", None), ("240 triệu đồng", "quy_vi_nguoi_ngheo")]),
    ("Hội Nông dân xã tổ chức Đại hội với 68 đại biểu thay mặt cho hơn 1.500 hội viên toàn xã.",
     [("68 đại biểu", None), ("hơn 1.500 hội viên", "tong_hoi_vien")]),
    # An amount per item stays one when the item takes a few words to name ('bình quân mỗi công đoàn
    # cơ sở giới thiệu ít nhất 1 đoàn viên'): no total.
    ("Năm 2026, Công đoàn phường phấn đấu bình quân mỗi công đoàn cơ sở giới thiệu ít nhất 1 đoàn viên ưu tú cho Đảng.",
     [("ít nhất 1 đoàn viên", None)]),
    ("Năm 2026, Công đoàn phường giới thiệu 12 đoàn viên ưu tú cho Đảng.", [("12 đoàn viên", "gioi_thieu_dang")]),
    # What several kinds of work were worth together is no gift's value.
    ("Tuổi trẻ tỉnh trao 120 suất quà, sửa 3 ngôi nhà và thắp sáng 2 km đường quê; tổng giá trị các hoạt động "
     "hơn 400 triệu đồng.", [("120 suất quà", "suat_qua"), ("3 ngôi nhà", None), ("2 km", None), ("hơn 400 triệu đồng", None)]),
    ("Hội LHPN xã trao 120 suất quà, tổng trị giá 60 triệu đồng.", [("120 suất quà", "suat_qua"), ("60 triệu đồng", "tri_gia_qua")]),
    # Those at a ceremony or a game are not volunteers at work.
    ("Huyện đoàn tổ chức lễ ra quân Chiến dịch hè với sự tham gia của 350 đoàn viên, thanh niên.",
     [("350 đoàn viên, thanh niên", None)]),
    ("Đoàn xã tổ chức giải bóng chuyền chào mừng ngày thành lập Đoàn, thu hút 220 lượt đoàn viên tham gia.",
     [("220 lượt đoàn viên", None)]),
    ("Đoàn phường tổ chức 2 đợt ra quân dọn vệ sinh kênh rạch, thu hút 180 lượt đoàn viên tham gia.",
     [("2 đợt", None), ("180 lượt đoàn viên", "luot_dvtn_tinh_nguyen")]),
    # The Youth Union's summer activities for children ('sinh hoạt hè') are no propaganda sessions.
    ("Các chi đoàn tổ chức 48 buổi sinh hoạt hè cho 1.900 thiếu nhi tại khu dân cư.",
     [("48 buổi", None), ("1.900 thiếu nhi", None)]),
    ("Hội Phụ nữ xã tổ chức 12 buổi sinh hoạt chuyên đề cho 540 lượt hội viên.",
     [("12 buổi", "tuyen_truyen_buoi"), ("540 lượt hội viên", "tuyen_truyen_luot_nguoi")]),
    # Near-poor households are not poor ones: fewer near-poor is not fewer poor.
    ("Năm 2024, Hội CCB huyện giảm được 42 hộ hội viên nghèo và 19 hộ hội viên cận nghèo.",
     [("42 hộ hội viên", "ho_ccb_ngheo_giam"), ("19 hộ hội viên", None)]),
    # Loans of a commercial bank (Agribank) are not the Social Policy Bank's entrusted loans.
    ("Hội Nông dân xã duy trì 12 tổ vay vốn với Ngân hàng Nông nghiệp và Phát triển nông thôn, dư nợ 48 tỷ đồng "
     "cho 615 hộ vay.", [("12 tổ vay vốn", None), ("48 tỷ đồng", None), ("615 hộ vay", None)]),
    ("Hội Nông dân xã quản lý 12 tổ tiết kiệm và vay vốn, dư nợ ủy thác 48 tỷ đồng cho 615 hộ vay.",
     [("12 tổ tiết kiệm và vay vốn", "to_tk_vv"), ("48 tỷ đồng", "du_no_uy_thac"), ("615 hộ vay", "ho_du_no")]),
    # An organization's make-up given as a list ('N chi hội, M hội viên'): the members listed right
    # after its own grassroots units are its membership (a level held) ...
    ("Hội CCB phường gồm 9 chi hội, 612 hội viên.", [("9 chi hội", "chi_hoi"), ("612 hội viên", "tong_hoi_vien")]),
    ("Liên đoàn Lao động huyện phụ trách 76 công đoàn cơ sở, gần 4.900 đoàn viên.",
     [("76 công đoàn cơ sở", None), ("gần 4.900 đoàn viên", "tong_hoi_vien")]),
    ("Đoàn xã hiện nay: 17 chi đoàn, 930 đoàn viên.", [("17 chi đoàn", "chi_hoi"), ("930 đoàn viên", "tong_hoi_vien")]),
    # ... but not the members of the units just founded, nor members with a verb of their own.
    ("Hội Nông dân huyện thành lập 4 chi hội nghề nghiệp với 86 hội viên.", [("4 chi hội", None), ("86 hội viên", None)]),
    ("Hội Phụ nữ xã có 11 chi hội, kết nạp 45 hội viên.", [("11 chi hội", "chi_hoi"), ("45 hội viên", "ket_nap_moi")]),
]


@pytest.mark.parametrize("text,expected", CODES, ids=[c[0][:50] for c in CODES])
def test_code(text: str, expected: list) -> None:
    assert codes(text) == expected


OWNERS: list[tuple[str, list]] = [
    # The campaign committee of the 'Vì người nghèo' fund is the Front's (CONVENTIONS.md, 3);
    # a committee that campaigns to found a grassroots union is the trade union's.
    ('Năm 2023, Ban Vận động Quỹ "Vì người nghèo" thị xã đặt mục tiêu vận động 1,8 tỷ đồng.', [("1,8 tỷ đồng", "mttq")]),
    ("Ban vận động thành lập công đoàn cơ sở ở Công ty Giày Thái Bình đã vận động 260 công nhân gia nhập.",
     [("260 công nhân", "congdoan")]),
    # 'Ban' alone, as 'Hội' does, refers back to the body named 'Ban …' last (the post-2025 Ban
    # Tuyên giáo và Dân vận, the Front's Ban Công tác Mặt trận); 'Ban Thường vụ' is another body.
    ("ĐẢNG ỦY XÃ TÂN HÒA\nBan Tuyên giáo và Dân vận Đảng ủy xã sơ kết quý I.\nTrong quý, Ban đã tham mưu Ban Thường vụ "
     "Đảng ủy ban hành 7 văn bản, phối hợp tổ chức 3 hội nghị học tập nghị quyết.", [("7 văn bản", "other"), ("3 hội nghị", "other")]),
    ("Ban Công tác Mặt trận ấp 4 họp dân. Chi hội Nông dân ấp tổ chức 2 buổi tuyên truyền. Ban đã vận động 38 hộ "
     "hiến 900 m2 đất làm đường.", [("2 buổi", "nongdan"), ("38 hộ", "mttq"), ("900 m2", "mttq")]),
    # An area's income per head is a statistic of the area (CONVENTIONS.md 5), not the members'.
    ("Hội Nông dân xã có 1.200 hộ đạt danh hiệu sản xuất, kinh doanh giỏi; thu nhập bình quân đầu người của xã "
     "đạt 62 triệu đồng.", [("1.200 hộ", "nongdan"), ("62 triệu đồng", None)]),
    ("Hội Nông dân huyện giúp nâng thu nhập bình quân đầu người của hộ hội viên lên 58 triệu đồng.",
     [("58 triệu đồng", "nongdan")]),
    # The National Assembly is another body, named inside what was done ('trước và sau các kỳ họp
    # Quốc hội, HĐND các cấp'): it opens no clause of its own, the subject goes on.
    ("Ủy ban MTTQ xã tổ chức 12 hội nghị tiếp xúc cử tri trước và sau các kỳ họp Quốc hội, HĐND các cấp, với "
     "940 lượt cử tri tham dự; trao 310 suất quà Tết cho hộ nghèo.",
     [("12 hội nghị", "mttq"), ("940 lượt cử tri", "mttq"), ("310 suất quà", "mttq")]),
    # The whole place raising the Front's fund ('toàn xã vận động Quỹ …') acts through the body that
    # leads the joint work, as 'xã đã bàn giao …' does.
    ("Ủy ban MTTQ xã cùng các tổ chức chính trị - xã hội tuyên truyền 60 cuộc. Việc chăm lo Tết được làm kịp thời; "
     'toàn xã vận động Quỹ "Vì người nghèo" được 85 triệu đồng.',
     [("60 cuộc", ["ccb", "congdoan", "doan", "mttq", "nongdan", "phunu"]), ("85 triệu đồng", "mttq")]),
    # 'nhiệm kỳ qua' (the past term) is a time, not 'qua' (through): the bodies after it are the subject.
    ("Báo cáo tại Đại hội cho biết, nhiệm kỳ qua Ủy ban MTTQ và các tổ chức thành viên xã đã tổ chức 16 hội nghị "
     "tiếp xúc cử tri; trao 420 suất quà Tết cho hộ nghèo.",
     [("16 hội nghị", ["ccb", "congdoan", "doan", "mttq", "nongdan", "phunu"]),
      ("420 suất quà", ["ccb", "congdoan", "doan", "mttq", "nongdan", "phunu"])]),
    # The area's land and crops, in a sentence that names no body, are a statistic of the area;
    # land a body's work touched stays the body's.
    ("Hội Nông dân xã tổng kết năm 2024. Năm qua, sản xuất nông nghiệp của xã ổn định: diện tích gieo cấy lúa "
     "trên 900 ha, sản lượng đạt 5.600 tấn. Hội vận động hội viên chuyển đổi 40 ha đất lúa kém hiệu quả.",
     [("trên 900 ha", None), ("5.600 tấn", None), ("40 ha", "nongdan")]),
    # The delegates 'thay mặt cho' the members, as 'đại diện cho', give the membership.
    ("Hội Nông dân xã tổ chức Đại hội với 68 đại biểu thay mặt cho hơn 1.500 hội viên toàn xã.",
     [("68 đại biểu", "nongdan"), ("hơn 1.500 hội viên", "nongdan")]),
    # A headline that names no body speaks of the body the lead names (the owner of the whole text).
    ("Gần 300 triệu đồng cho các phần việc hướng về cộng đồng\nNgày 2/3/2026, Huyện đoàn Phong Điền tổ chức lễ "
     "khởi động Tháng Thanh niên; Ủy ban MTTQ huyện tặng hoa chúc mừng. Huyện đoàn trao 40 suất quà cho hộ nghèo.",
     [("Gần 300 triệu đồng", "doan"), ("40 suất quà", "doan")]),
    # 'do' giving the cause ('… do doanh nghiệp ngừng hoạt động') names no giver: the figure stays the body's.
    ("Liên đoàn Lao động tỉnh có 264 công đoàn cơ sở; thành lập mới 11 công đoàn cơ sở, giải thể 6 công đoàn cơ sở "
     "do doanh nghiệp ngừng hoạt động.", [("264 công đoàn cơ sở", "congdoan"), ("11 công đoàn cơ sở", "congdoan"),
                                          ("6 công đoàn cơ sở", "congdoan")]),
    ("Hội Nông dân huyện giải thể 4 tổ hội nghề nghiệp do các thành viên chuyển đi nơi khác.", [("4 tổ hội", "nongdan")]),
    ("Đoàn xã trao 30 suất học bổng do doanh nghiệp ủng hộ.", [("30 suất", "other")]),
    # The OCOP products of a whole area are the authorities' programme's, not the members' own.
    ("Hội Nông dân huyện hỗ trợ hội viên xây dựng thương hiệu. Đến nay, toàn huyện có 27 sản phẩm OCOP, trong đó "
     "hội viên nông dân làm chủ 12 sản phẩm.", [("27 sản phẩm", "other"), ("12 sản phẩm", "nongdan")]),
    ("Hội LHPN tỉnh hỗ trợ phụ nữ khởi nghiệp. Trong số 64 sản phẩm OCOP của tỉnh, 21 sản phẩm do hội viên phụ nữ làm chủ.",
     [("64 sản phẩm", "other"), ("21 sản phẩm", "phunu")]),
    ("Hội Nông dân huyện giúp hội viên phát triển 8 sản phẩm OCOP.", [("8 sản phẩm", "nongdan")]),
]


@pytest.mark.parametrize("text,expected", OWNERS, ids=[c[0][:50] for c in OWNERS])
def test_owner(text: str, expected: list) -> None:
    assert owners(text) == expected
