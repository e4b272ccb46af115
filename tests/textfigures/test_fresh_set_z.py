"""Causes of the errors on the dev part of the fresh set src_z (issue 15: post-reform communes and
wards, the Women's Union, the Farmers and the Veterans under the commune's Front), each in new
wording. One row per case; every row failed before its fix, except the guards marked as such
(wording that must keep its answer)."""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text


def orgs(text: str) -> list:
    return [(f["text"], f.get("orgs") or f["org"]) for f in extract_text(text)["figures"]]


ORGS: list[tuple[str, list]] = [
    # An association's partner ('Hội phối hợp Hội Nông dân xã …') is not what the association's own
    # report then calls 'Hội': the text goes on with its own association.
    ("HỘI LIÊN HIỆP PHỤ NỮ PHƯỜNG TÂN AN\nBÁO CÁO THÁNG 5\n1. Hội phối hợp Hội Nông dân phường hướng dẫn 12 hộ "
     "trồng rau sạch.\n2. Trong tháng, Hội kết nạp 9 hội viên mới.\n",
     [("12 hộ", "phunu"), ("9 hội viên", "phunu")]),
    ("HỘI NÔNG DÂN XÃ AN PHÚ\nBÁO CÁO QUÝ III\nHội phối hợp với Hội Cựu chiến binh xã sửa 2 km đường nội đồng. "
     "Hội giới thiệu 3 hội viên ưu tú cho Đảng.\n",
     [("2 km", "nongdan"), ("3 hội viên", "nongdan")]),
    # A guard: a partner of a body that is no association is the 'Hội' that follows.
    ("ỦY BAN MTTQ VIỆT NAM XÃ AN PHÚ\nBÁO CÁO\nỦy ban MTTQ xã phối hợp Hội LHPN xã tổ chức 2 buổi tuyên truyền. "
     "Hội đã trao 14 suất quà cho hội viên nghèo.\n",
     [("2 buổi", "mttq"), ("14 suất quà", "phunu")]),
]


@pytest.mark.parametrize("text,expected", ORGS, ids=[c[0][:60] for c in ORGS])
def test_orgs(text: str, expected: list) -> None:
    assert orgs(text) == expected


DELEGATION: list[tuple[str, list]] = [
    # A capitalized 'Đoàn' opening a sentence after 'đoàn công tác' is that delegation, not the Youth
    # Union: whose delegation it is owns what it does.
    ("Sáng 9/5, đoàn công tác Hội Nông dân tỉnh về làm việc tại xã Tân Lập. Đoàn đi thăm mô hình trồng "
     "cam của 7 hộ hội viên và trao 20 suất quà.",
     [("7 hộ hội viên", "nongdan"), ("20 suất quà", "nongdan")]),
    ("Đoàn giám sát của Ủy ban MTTQ huyện làm việc với Hội Cựu chiến binh xã. Đoàn ghi nhận 14 ý kiến của "
     "hội viên.", [("14 ý kiến", "mttq")]),
    # A guard: the Youth Union's report, no delegation named: 'Đoàn' is the Youth Union.
    ("BAN CHẤP HÀNH ĐOÀN XÃ TÂN LẬP\nBÁO CÁO\nĐoàn đã tổ chức 3 buổi ra quân làm sạch đường làng.",
     [("3 buổi", "doan")]),
]


@pytest.mark.parametrize("text,expected", DELEGATION, ids=[c[0][:60] for c in DELEGATION])
def test_delegation(text: str, expected: list) -> None:
    assert orgs(text) == expected


AREA: list[tuple[str, list]] = [
    # The Party's members in an area are a fact of the area (CONVENTIONS.md, 5), in a union's text too,
    # whoever is cited as the source.
    ("HỘI LHPN HUYỆN BẢO LẠC\nToàn huyện hiện có 9.860 đảng viên, trong đó 3.120 đảng viên nữ.\n",
     [("9.860 đảng viên", None), ("3.120 đảng viên", None)]),
    ("HỘI LHPN HUYỆN BẢO LẠC\nTheo Huyện ủy, toàn huyện có 9.860 đảng viên, trong đó nữ chiếm 31,6%.\n",
     [("9.860 đảng viên", None), ("31,6%", None)]),
    # Units counted and named one by one ('sau khi 3 phường A, B và C được sắp xếp …') are the area's
    # units themselves (CONVENTIONS.md, 5), whatever the text's body.
    ("HỘI NÔNG DÂN PHƯỜNG AN HÒA\nĐây là đại hội đầu tiên sau khi 3 phường Tân Mai, Tân Tiến và Quyết Thắng "
     "được sắp xếp thành phường An Hòa.\n", [("3 phường", None)]),
    ("HỘI NÔNG DÂN PHƯỜNG AN HÒA\nHội Nông dân phường được hợp nhất từ Hội Nông dân 2 phường Tân Mai và Tân "
     "Tiến.\n", [("2 phường", None)]),
    # The households a survey finds still in a makeshift house or poor are the area's (convention 5),
    # not what the body that found them did.
    ("ỦY BAN MTTQ XÃ AN PHÚ\nBan Công tác Mặt trận ở 12 thôn rà soát, phát hiện 19 hộ còn nhà tạm.\n",
     [("12 thôn", "mttq"), ("19 hộ", None)]),
    ("ỦY BAN MTTQ XÃ AN PHÚ\nQua rà soát, Mặt trận xã thống kê được 23 hộ dân vẫn còn ở nhà dột nát.\n",
     [("23 hộ", None)]),
    # Guards: the households helped; the members' own households.
    ("ỦY BAN MTTQ XÃ AN PHÚ\nMặt trận xã hỗ trợ 19 hộ còn nhà tạm sửa chữa nhà.\n", [("19 hộ", "mttq")]),
    ("ỦY BAN MTTQ XÃ AN PHÚ\nQua khảo sát, Hội LHPN xã xác định 14 hộ hội viên còn nghèo.\n",
     [("14 hộ hội viên", "phunu")]),
    # A guard: the union's own members.
    ("HỘI LHPN TỈNH HÀ GIANG\nToàn tỉnh hiện có 148.560 hội viên, chiếm 82,1% phụ nữ trong độ tuổi.\n",
     [("148.560 hội viên", "phunu"), ("82,1%", "phunu")]),
]


@pytest.mark.parametrize("text,expected", AREA, ids=[c[0][:60] for c in AREA])
def test_area(text: str, expected: list) -> None:
    assert orgs(text) == expected


def qualifiers(text: str) -> list:
    return [(f["text"], f["qualifier"]) for f in extract_text(text)["figures"]]


QUALIFIERS: list[tuple[str, list]] = [
    # 'từ N … trở lên' is at least N (CONVENTIONS.md, second reading) with words between the measure
    # and 'trở lên' too.
    ("Năm 2026, Hội phấn đấu kết nạp từ 45 đoàn viên mới trở lên.", [("45 đoàn viên", "over")]),
    ("Hội phấn đấu có từ 85% chi đoàn được xếp loại vững mạnh trở lên.", [("85%", "over")]),
    ("Toàn xã có 9 hộ nuôi từ 30 con dê sinh sản trở lên.", [("9 hộ", "exact"), ("30 con", "over")]),
    # Guards: no 'từ' before the number, or a number between.
    ("Hội giúp 12 hộ, mỗi hộ 3 con bò giống để nuôi lâu dài trở lên khá giả.", [("12 hộ", "exact"), ("3 con", "exact")]),
    ("Hội phấn đấu kết nạp mới từ 20 hội viên trở lên.", [("20 hội viên", "over")]),
]


@pytest.mark.parametrize("text,expected", QUALIFIERS, ids=[c[0][:60] for c in QUALIFIERS])
def test_qualifiers(text: str, expected: list) -> None:
    assert qualifiers(text) == expected


OTHER_ASSOCIATIONS: list[tuple[str, list]] = [
    # An association by a name of its own, none of the six's ('Hội Truyền thống Trường Sơn', 'Hội Cựu
    # giáo chức'), is another body, and 'Hội này' after it is that association.
    ("HỘI CỰU CHIẾN BINH XÃ AN BÌNH\nBÁO CÁO\nHội Truyền thống Trường Sơn xã tặng 12 suất quà cho hội viên. "
     "Hội này hiện có 86 hội viên.\n", [("12 suất quà", "other"), ("86 hội viên", "other")]),
    ("HỘI LHPN XÃ AN BÌNH\nBÁO CÁO\nHội Cựu giáo chức xã trao 30 suất học bổng cho con hội viên nghèo.\n",
     [("30 suất", "other")]),
    # A guard: 'Hội này' after one of the six is that one.
    ("HỘI LHPN XÃ AN BÌNH\nBÁO CÁO\nTrong tháng, Hội LHPN xã trao 14 suất quà. Hội này đang quản lý 6 tổ "
     "tiết kiệm và vay vốn.\n", [("14 suất quà", "phunu"), ("6 tổ tiết kiệm và vay vốn", "phunu")]),
]


@pytest.mark.parametrize("text,expected", OTHER_ASSOCIATIONS, ids=[c[0][:60] for c in OTHER_ASSOCIATIONS])
def test_other_associations(text: str, expected: list) -> None:
    assert orgs(text) == expected


def codes(text: str) -> list:
    return [(f["text"], f["indicator_code"]) for f in extract_text(text)["figures"]]


CODES: list[tuple[str, list]] = [
    # A part told after its whole ('…; riêng chi hội X quản lý …') counts what the whole counts, in the
    # same units, when it repeats the whole's verb and says nothing else.
    ("HỘI NÔNG DÂN XÃ AN PHÚ\nHội quản lý nguồn vốn ủy thác Ngân hàng Chính sách xã hội 28,4 tỷ đồng qua 12 tổ "
     "tiết kiệm và vay vốn, cho 540 hộ vay; riêng chi hội Bản Chang quản lý hơn 6,2 tỷ đồng qua 4 tổ với gần "
     "120 hộ.\n",
     [("28,4 tỷ đồng", "du_no_uy_thac"), ("12 tổ tiết kiệm và vay vốn", "to_tk_vv"), ("540 hộ vay", "ho_du_no"),
      ("hơn 6,2 tỷ đồng", "du_no_uy_thac"), ("4 tổ", "to_tk_vv"), ("gần 120 hộ", "ho_du_no")]),
    ("HỘI LHPN XÃ AN PHÚ\nHội quản lý dư nợ ủy thác 19,7 tỷ đồng qua 9 tổ tiết kiệm và vay vốn. Riêng chi hội "
     "ấp Tân Hòa quản lý 3,1 tỷ đồng qua 2 tổ.\n",
     [("19,7 tỷ đồng", "du_no_uy_thac"), ("9 tổ tiết kiệm và vay vốn", "to_tk_vv"), ("3,1 tỷ đồng", "du_no_uy_thac"),
      ("2 tổ", "to_tk_vv")]),
    # The branches the members are in ('2.318 hội viên ở 44 chi hội'): how many branches there are.
    ("HỘI CỰU CHIẾN BINH XÃ AN PHÚ\nToàn Hội hiện có 1.318 hội viên ở 27 chi hội.\n",
     [("1.318 hội viên", "tong_hoi_vien"), ("27 chi hội", "chi_hoi")]),
    ("HỘI LHPN XÃ AN PHÚ\nHội có 2.140 hội viên tại 38 chi hội.\n",
     [("2.140 hội viên", "tong_hoi_vien"), ("38 chi hội", "chi_hoi")]),
    # Guards: new members admitted at 12 branches, a model run at 12 branches (where).
    ("HỘI LHPN XÃ AN PHÚ\nHội kết nạp 140 hội viên mới tại 12 chi hội.\n",
     [("140 hội viên", "ket_nap_moi"), ("12 chi hội", None)]),
    # The people sessions were held for attended them ('2 buổi nói chuyện … cho 380 đoàn viên').
    ("HỘI CỰU CHIẾN BINH PHƯỜNG A\nHội phối hợp Đoàn Thanh niên phường tổ chức 3 buổi nói chuyện truyền thống "
     "nhân kỷ niệm 79 năm Ngày Thương binh - Liệt sĩ cho 260 đoàn viên, học sinh.\n",
     [("3 buổi", "tuyen_truyen_buoi"), ("260 đoàn viên", "tuyen_truyen_luot_nguoi")]),
    # A guard: the people another act was for.
    ("HỘI NÔNG DÂN XÃ A\nHội tổ chức 3 buổi tuyên truyền. Ngày 5/3, Hội trao 40 suất quà cho 40 hộ nghèo.\n",
     [("3 buổi", "tuyen_truyen_buoi"), ("40 suất quà", "suat_qua"), ("40 hộ nghèo", None)]),
    # Models of the organization's own work ('mô hình học tập và làm theo …', 'mô hình chi hội …', 'mô
    # hình tự quản …') are kept as its clubs are, not economic models.
    ("HỘI LHPN HUYỆN A\nCác cấp Hội đang duy trì 412 mô hình học tập và làm theo tư tưởng, đạo đức, phong "
     "cách Hồ Chí Minh.\n", [("412 mô hình", "mo_hinh_cau_lac_bo")]),
    ("HỘI LHPN HUYỆN A\nHội xây dựng 36 mô hình chi hội phụ nữ \"3 sạch\".\n", [("36 mô hình", "mo_hinh_cau_lac_bo")]),
    # A model of farming is an economic model (CONVENTIONS.md 20, issue 15; kept uncoded as a tie before).
    ("HỘI LHPN HUYỆN A\nHội hỗ trợ 36 mô hình chăn nuôi bò của hội viên.\n", [("36 mô hình", "du_an_mo_hinh_kinh_te")]),
    # A guard: the part counts another thing.
    ("HỘI LHPN XÃ AN PHÚ\nHội trao 120 suất quà cho hội viên nghèo; riêng chi hội ấp Mỹ Lợi trao 15 suất học bổng.\n",
     [("120 suất quà", "suat_qua"), ("15 suất", None)]),
]


@pytest.mark.parametrize("text,expected", CODES, ids=[c[0][:60] for c in CODES])
def test_codes(text: str, expected: list) -> None:
    assert codes(text) == expected
