"""Causes of the errors on the dev part of the fresh set src_av (issue 15: joint texts, the figures of several
organizations side by side: giao ban conclusions and minutes, the Ban Dân vận's block reports, the Front's
reports on supervision and on the 'Vì người nghèo' fund), each in new wording. One row per case; every row
failed before its fix, except the guards marked as such (wording that must keep its answer)."""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text


def found(text: str) -> list:
    return [(f["text"], sorted(f["orgs"]) if f.get("orgs") else f["org"], f["indicator_code"])
            for f in extract_text(text)["figures"]]


TOPIC_OPENING: list[tuple[str, list]] = [
    # The body a paragraph is about, as its topic ('Ở …,', 'Về …:'), or the next of a list ('kế đến …'),
    # takes over at once from the body of the sentence before, as 'Đối với …' and 'Về phía …' already did.
    (
        "Hội Nông dân huyện mở 3 lớp tập huấn cho 120 hội viên.\n"
        "Ở Huyện đoàn, quý này ra quân 26 công trình thanh niên.\n",
        [("3 lớp", "nongdan", "lop_tap_huan"), ("120 hội viên", "nongdan", "luot_tap_huan"),
         ("26 công trình thanh niên", "doan", "cong_trinh_thanh_nien")],
    ),
    (
        "Mặt trận phường trao 40 suất quà cho hộ nghèo.\n"
        "Ở Hội Cựu chiến binh phường, các cấp Hội giúp 3 hộ hội viên thoát nghèo.\n",
        [("40 suất quà", "mttq", "suat_qua"), ("3 hộ hội viên", "ccb", "ho_thoat_ngheo")],
    ),
    (
        "Mặt trận xã cùng các tổ chức thành viên tặng 60 suất quà.\n"
        "Về Hội Nông dân xã: kết nạp 14 hội viên mới.\n",
        [("60 suất quà", ["ccb", "congdoan", "doan", "mttq", "nongdan", "phunu"], "suat_qua"),
         ("14 hội viên", "nongdan", "ket_nap_moi")],
    ),
    (
        "Về dư nợ, Hội LHPN tỉnh dẫn đầu với 812 tỷ đồng, kế đến Hội Cựu chiến binh tỉnh với 405 tỷ đồng.\n",
        [("812 tỷ đồng", "phunu", "du_no_uy_thac"), ("405 tỷ đồng", "ccb", "du_no_uy_thac")],
    ),
    # Guards: 'ở' before a body inside a clause says where the work was done; the subject keeps it.
    (
        "Ủy ban MTTQ huyện tổ chức 8 buổi tuyên truyền ở Hội LHPN các xã.\n",
        [("8 buổi", "mttq", "tuyen_truyen_buoi")],
    ),
    (
        "Liên đoàn Lao động huyện thành lập 4 công đoàn cơ sở tại Công ty May An Phú, Công ty Gỗ Hòa Bình, "
        "kết nạp 96 đoàn viên.\n",
        [("4 công đoàn cơ sở", "congdoan", "cdcs_thanh_lap"), ("96 đoàn viên", "congdoan", "ket_nap_moi")],
    ),
]


@pytest.mark.parametrize("text,expected", TOPIC_OPENING, ids=[c[0][-40:] for c in TOPIC_OPENING])
def test_topic_opening(text: str, expected: list) -> None:
    assert found(text) == expected


ENTRUSTED_BY_WHAT_THEY_TAKE: list[tuple[str, list]] = [
    # The associations named by the entrusted loans they take ('các hội, đoàn thể nhận ủy thác') are the four
    # that take them, as 'các tổ chức nhận ủy thác' already was, not the five organizations.
    (
        "Đến cuối quý, các hội, đoàn thể nhận ủy thác của huyện quản lý 418 tỷ đồng với 9.120 hộ vay.\n",
        [("418 tỷ đồng", ["ccb", "doan", "nongdan", "phunu"], "du_no_uy_thac"),
         ("9.120 hộ vay", ["ccb", "doan", "nongdan", "phunu"], "ho_du_no")],
    ),
    (
        "Dư nợ của các hội, đoàn thể nhận ủy thác trên địa bàn thị xã đạt 1.204 tỷ đồng.\n",
        [("1.204 tỷ đồng", ["ccb", "doan", "nongdan", "phunu"], "du_no_uy_thac")],
    ),
    # Guard: the organizations without the words of entrusted lending stay the five.
    (
        "Các hội, đoàn thể của xã vận động hội viên ủng hộ 45 triệu đồng.\n",
        [("45 triệu đồng", ["ccb", "congdoan", "doan", "nongdan", "phunu"], "ho_tro_kinh_phi")],
    ),
]


@pytest.mark.parametrize("text,expected", ENTRUSTED_BY_WHAT_THEY_TAKE,
                         ids=[c[0][-40:] for c in ENTRUSTED_BY_WHAT_THEY_TAKE])
def test_entrusted_by_what_they_take(text: str, expected: list) -> None:
    assert found(text) == expected
