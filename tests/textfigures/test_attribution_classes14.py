"""Whose figure, decided across sentences: classes of wording the fresh sets showed recurring (issue 15).

Each row is a multi-sentence text of our own for a class, not a sentence of the corpus:

- LABELLED: a paragraph of a body's report that opens with a label of its own ('Tiếp nhận ý kiến cử
  tri: …', 'Phương hướng tháng tới: …', 'Về công tác hội viên, …') is an item of the report, the report's
  body's: a member organization named as the subject of an earlier paragraph does not carry into it
  (src_aa, src_ac, src_aj, src_am: the week's and the month's items of the Front's reports, mended there
  only where the items were numbered or dashed).
- TOPIC: a topic phrase that opens a sentence and names one of the six ('Ở Hội Nông dân huyện, …', 'Tại
  Hội LHPN xã, …', 'Về công tác Đoàn, …') names the sentence's owner, as 'Về phía …' and 'Đối với …' do;
  the text goes on with it.
- PARTNER_GUEST: a body that works with the text's own body as its partner ('Tỉnh đoàn phối hợp với
  Hội tổ chức …') owns that sentence (convention 8) but does not take the text over: the next sentence
  without a subject is the text's body's again, as after a guest that gives to it.
- HOI_IS_OWN: in an association's own text, 'Hội' refers back to that association, not to another one
  named since as a partner, a recipient or a comparison.
- DONOR: a donor that gives in a body's text ('Công ty … tặng 100 suất quà') owns its gift but does not take
  the text over: the next sentence without a subject is the body's again.
- SIGNED (guards, right on main): a report whose heading names no body, signed at its end for one ('TM. BAN THƯỜNG VỤ / HỘI
  CỰU CHIẾN BINH XÃ …'), is that body's.
"""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text

LABELLED: list[tuple[str, list]] = [
    ("ỦY BAN MTTQ VIỆT NAM XÃ AN PHÚ\nHội Cựu chiến binh xã thăm 12 hội viên ốm đau.\n"
     "Tiếp nhận ý kiến cử tri: ghi nhận 9 ý kiến, đã chuyển 6 ý kiến đến Ủy ban nhân dân xã.",
     ["ccb", "mttq", "mttq"]),
    ("ỦY BAN MTTQ PHƯỜNG 3\nHội Nông dân phường tổ chức 2 lớp tập huấn kỹ thuật.\n"
     "Phương hướng tháng tới: tổ chức 4 buổi tuyên truyền ở khu dân cư.", ["nongdan", "mttq"]),
    ("LIÊN ĐOÀN LAO ĐỘNG HUYỆN MỸ XUYÊN\nHội LHPN huyện phối hợp tổ chức 1 buổi tư vấn.\n"
     "Chăm lo đoàn viên: trao 150 suất quà Tết cho đoàn viên khó khăn.", ["phunu", "congdoan"]),
    ("HỘI LHPN XÃ PHÚ LỘC\nHội Nông dân xã mở 1 lớp tập huấn trồng nấm.\n"
     "Về công tác tuyên truyền, tổ chức 14 buổi sinh hoạt chuyên đề.", ["nongdan", "phunu"]),
]

# … and so does a heading line of its own that names no body ('PHƯƠNG HƯỚNG THÁNG 11', 'Công tác giám sát').
HEADED: list[tuple[str, list]] = [
    ("ỦY BAN MTTQ VIỆT NAM XÃ HƯNG THÁI\nKết quả công tác tháng 10 năm 2025\n"
     "Hội Nông dân xã phối hợp Trạm Khuyến nông mở 2 lớp tập huấn.\nPHƯƠNG HƯỚNG THÁNG 11\nTổ chức 18 cuộc họp khu dân cư.",
     ["nongdan", "mttq"]),
    ("ỦY BAN MTTQ VIỆT NAM XÃ HƯNG THÁI\n"
     "Hội Cựu chiến binh xã thăm 15 hội viên ốm đau; tổ chức 2 buổi sinh hoạt chuyên đề.\n"
     "Công tác giám sát, phản biện xã hội\nTổ chức 3 cuộc giám sát việc chi trả chế độ chính sách.",
     ["ccb", "ccb", "mttq"]),
    ("HỘI LHPN HUYỆN LẠC SƠN\nHội Nông dân huyện phối hợp khảo sát 30 hộ trồng dưa.\nKết quả cụ thể như sau:\n"
     "Tổ chức 12 buổi truyền thông về bình đẳng giới.", ["nongdan", "phunu"]),
]

# Residential units that hold the Front's Day of Great Unity are the Front's campaign (as the cultured
# families of convention 10), not the body the sentence before named (src_q, src_ai).
FRONT_DAY: list[tuple[str, list]] = [
    ("Ủy ban MTTQ xã Hòa Bình tổng kết công tác năm 2024.\nHội Liên hiệp Phụ nữ xã giúp 14 hội viên vay vốn.\n"
     "Có 12 khu dân cư đăng ký tổ chức Ngày hội Đại đoàn kết toàn dân tộc.", ["phunu", "mttq"]),
    ("HỘI NÔNG DÂN XÃ AN BÌNH\nHội tổ chức 3 lớp tập huấn. Đến nay, 9/11 thôn đã tổ chức xong Ngày hội Đại đoàn "
     "kết; 100% ấp tổ chức Ngày hội Đại đoàn kết toàn dân tộc.", ["nongdan", "mttq", "mttq", "mttq"]),
    ("Hội Cựu chiến binh phường thăm 8 hội viên. Trong tháng, 5 tổ dân phố tổ chức Ngày hội Đại đoàn kết.",
     ["ccb", "mttq"]),
]

# In an association's own text, 'Hội' is that association again after another association named as no
# subject nor owner: a partner, a recipient, a comparison (src_z, src_ar: 'Hội' read as the one named last).
HOI_IS_OWN: list[tuple[str, list]] = [
    ("HỘI LHPN XÃ YÊN BÌNH\nCác chi hội tổ chức 12 buổi sinh hoạt; phối hợp Hội Nông dân xã tập huấn cho 40 hội viên. "
     "Hội vận động 15 hội viên vay vốn.", ["phunu", "phunu", "phunu"]),
    ("HỘI LHPN TỈNH NINH BÌNH\nDư nợ ủy thác qua Hội đạt 1.200 tỷ đồng, cao nhất trong các tổ chức nhận ủy thác, "
     "trên cả Hội Nông dân tỉnh. Hội duy trì 820 tổ tiết kiệm và vay vốn.", ["phunu", "phunu"]),
    ("HỘI CỰU CHIẾN BINH HUYỆN\nHội tặng Hội LHPN huyện 2 máy tính. Trong quý, Hội kết nạp 28 hội viên.", ["ccb", "ccb"]),
    ("HỘI NÔNG DÂN XÃ ĐÔNG PHÚ\nBan Thường vụ Hội làm việc với Hội Cựu chiến binh xã về 2 mô hình liên kết. "
     "Hội đã hỗ trợ 6 hộ vay vốn.", ["nongdan", "nongdan"]),
]

# A donor that gives in a body's text owns its gift, not the text: the next sentence goes on with the body
# (src_x, src_aa, src_ag, src_ao: a company's or an office's gift carried into the body's next results).
DONOR: list[tuple[str, list]] = [
    ("Hội LHPN tỉnh Hà Nam trao quà Tết cho phụ nữ nghèo\nNgày 20/1, Hội LHPN tỉnh tổ chức chương trình \"Tết yêu "
     "thương\". Công ty May Tiến Thành tặng 100 suất quà. Cũng tại chương trình, trao 50 suất học bổng cho con hội viên.",
     ["other", "phunu"]),
    ("HỘI CỰU CHIẾN BINH TỈNH\nQuý III, Hội thăm 60 hội viên ốm đau. Bộ Chỉ huy Quân sự tỉnh tặng 20 suất quà cho "
     "hội viên. Trong quý, kết nạp 110 hội viên.", ["ccb", "other", "ccb"]),
    ("Đoàn xã Tân Thành ra quân hè. Trạm Y tế xã hỗ trợ 200 liều thuốc. Các đội hình làm mới 3 km đường giao thông.",
     ["other", "doan"]),
]

TOPIC: list[tuple[str, list]] = [
    ("ỦY BAN MTTQ HUYỆN ĐÔNG HẢI\nỞ Hội Nông dân huyện, đã kết nạp 120 hội viên mới. Tổ chức 6 lớp dạy nghề.",
     ["nongdan", "nongdan"]),
    ("ỦY BAN MTTQ HUYỆN ĐÔNG HẢI\nTại Hội LHPN huyện, các cấp hội giúp 40 hội viên vay vốn. Thành lập 3 tổ hợp tác.",
     ["phunu", "phunu"]),
    ("ỦY BAN MTTQ HUYỆN ĐÔNG HẢI\nVề công tác Đoàn, đã ra mắt 4 công trình thanh niên. Kết nạp 85 đoàn viên.",
     ["doan", "doan"]),
    ("BAN DÂN VẬN HUYỆN ỦY\nỞ Liên đoàn Lao động huyện, trong quý đã thăm 200 công nhân.", ["congdoan"]),
]

PARTNER_GUEST: list[tuple[str, list]] = [
    ("Hội LHPN tỉnh Quảng Trị tổng kết năm 2024\nNăm 2024, các cấp Hội tổ chức 1.200 buổi tuyên truyền.\n"
     "Tỉnh đoàn phối hợp với Hội tổ chức 3 lớp kỹ năng.\nCũng trong năm, kết nạp 3.100 hội viên mới.",
     ["phunu", "doan", "phunu"]),
    ("Hội Nông dân xã Hòa Bình tổ chức 9 buổi tập huấn. Trạm Khuyến nông huyện cùng với Hội tổ chức 2 hội thảo. "
     "Trong năm, Quỹ Hỗ trợ nông dân giải ngân 400 triệu đồng; kết nạp 60 hội viên.",
     ["nongdan", "other", "nongdan", "nongdan"]),
]

SIGNED: list[tuple[str, list]] = [
    ("BÁO CÁO\nKết quả công tác quý III năm 2025\nTrong quý, kết nạp 64 hội viên mới, thăm 30 hội viên ốm đau.\n"
     "TM. BAN THƯỜNG VỤ\nCHỦ TỊCH\nHỘI CỰU CHIẾN BINH XÃ TÂN AN", ["ccb", "ccb"]),
    ("BÁO CÁO NHANH\nTuần 12 năm 2026\nTrong tuần, tiếp nhận 35 triệu đồng ủng hộ các hộ khó khăn; trao 40 suất quà.\n"
     "T/M BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM PHƯỜNG HÒA AN\nPHÓ CHỦ TỊCH", ["mttq", "mttq"]),
]

# What must not change: a label that names a body; the report's own body again; a section a heading opens
# for one body; a body's own sentence going on in its paragraph; a partner that is not the text's body; a
# text with no body of its own; a topic phrase that is a place of another kind.
KEPT: list[tuple[str, list]] = [
    ("ỦY BAN MTTQ XÃ AN PHÚ\nHội LHPN xã trao 5 suất quà.\nHội Cựu chiến binh: thăm 12 hội viên ốm đau.", ["phunu", "ccb"]),
    ("ỦY BAN MTTQ XÃ AN PHÚ\nHội Nông dân xã tổ chức 2 lớp tập huấn; kết quả: 60 hội viên tham dự.",
     ["nongdan", "nongdan"]),
    ("ỦY BAN MTTQ TỈNH\n2. Phối hợp với Liên đoàn Lao động tỉnh\nLiên đoàn Lao động tỉnh kết nạp 900 đoàn viên.\n"
     "Chăm lo Tết: trao 3.000 suất quà cho công nhân.", ["congdoan", "congdoan"]),
    ("ỦY BAN MTTQ XÃ AN PHÚ\nBan Thường trực tổ chức 3 cuộc giám sát.\nAn sinh xã hội: trao 40 suất quà.", ["mttq", "mttq"]),
    ("Hội Nông dân xã Tân Phú tổ chức 3 lớp tập huấn.\nCông tác hội viên: kết nạp 46 hội viên mới.", ["nongdan", "nongdan"]),
    ("Hội LHPN xã trao 15 suất quà. Trạm Y tế xã phối hợp với Hội Nông dân xã khám cho 90 người. Tiếp đó, tặng 30 thẻ bảo hiểm y tế.",
     ["phunu", "other", "other"]),
    ("Tại hội nghị, Ban Thường vụ Hội Nông dân tỉnh khen thưởng 12 tập thể. Năm tới, Hội phấn đấu kết nạp 3.000 hội viên.",
     ["nongdan", "nongdan"]),
    ("Hội LHPN huyện tổ chức ngày hội. Tại Trường Tiểu học Kim Đồng, trao 30 suất học bổng cho học sinh nghèo.",
     ["phunu"]),
    ("HỘI NÔNG DÂN XÃ TÂN AN\nBÁO CÁO\nTrong quý, kết nạp 20 hội viên mới.\nTM. BAN THƯỜNG VỤ\nCHỦ TỊCH",
     ["nongdan"]),
    # a sub-heading inside the section a heading opened for one body is that body's
    ("ỦY BAN MTTQ VIỆT NAM XÃ HƯNG THÁI\nHoạt động của Hội Cựu chiến binh xã\nHội Cựu chiến binh xã thăm 15 hội viên.\n"
     "Công tác hội viên\nKết nạp 12 hội viên mới.\nCông tác hội viên: kết nạp 9 hội viên.", ["ccb", "ccb", "ccb"]),
    # 'Hội' after another association named as the subject, or in a text that is no association's
    ("HỘI LHPN XÃ YÊN BÌNH\nHội Nông dân xã tổ chức 3 lớp tập huấn. Hội còn hỗ trợ 9 hộ vay vốn.", ["nongdan", "nongdan"]),
    ("ỦY BAN MTTQ XÃ YÊN BÌNH\nỦy ban MTTQ xã làm việc với Hội Nông dân xã. Hội đã kết nạp 20 hội viên.", ["nongdan"]),
    # what a donor's gift is worth; a donor's list going on after ';'; a text that is no body's
    ("HỘI LHPN XÃ AN BÌNH\nHội thăm 20 hội viên. Công ty Hòa Phát tặng 100 suất quà. Mỗi suất trị giá 500.000 đồng.",
     ["phunu", "other", "other"]),
    ("HỘI NÔNG DÂN XÃ AN BÌNH\nHội tổ chức 3 lớp. Vietcombank tặng 30 suất quà; trao 10 suất học bổng.",
     ["nongdan", "other", "other"]),
    ("Công ty Hòa Phát tặng 100 suất quà cho hộ nghèo. Công ty còn trao 20 suất học bổng.", ["other", "other"]),
    # a body that counts the Day as its own work in its own sentence; bodies that work jointly
    ("Hội Nông dân xã phối hợp tổ chức 5 Ngày hội Đại đoàn kết.", ["nongdan"]),
    ("Mặt trận và các đoàn thể xã vận động 40 triệu đồng. Có 6 thôn tổ chức Ngày hội Đại đoàn kết.",
     [["ccb", "congdoan", "doan", "mttq", "nongdan", "phunu"], ["ccb", "congdoan", "doan", "mttq", "nongdan", "phunu"]]),
]


def _owners(text: str) -> list:
    return [sorted(f["orgs"]) if f["orgs"] else f["org"] for f in extract_text(text)["figures"]]


@pytest.mark.parametrize("text,owners", LABELLED + HEADED + FRONT_DAY + HOI_IS_OWN + DONOR + TOPIC + PARTNER_GUEST + SIGNED + KEPT)
def test_owner_across_sentences(text: str, owners: list) -> None:
    assert _owners(text) == owners
