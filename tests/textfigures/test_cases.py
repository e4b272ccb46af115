"""Table of real-world phrasings: every bug report becomes one more row.

Each row: a sentence and the figures expected in it as (value, unit, qualifier); an empty list
means the numbers in the sentence are not figures (years, dates, ages, decree numbers, ...).
"""

from __future__ import annotations

import pytest

from giaoban.textfigures import extract_text

X, A, O, U = "exact", "approx", "over", "under"

NUMBERS: list[tuple[str, list[tuple[float, str | None, str]]]] = [
    # dot thousands, comma decimals
    ("Hội tổ chức 558 buổi tuyên truyền.", [(558, "buổi", X)]),
    ("thu hút 29.774 lượt người tham dự", [(29774, "lượt người", X)]),
    ("thu hút 13.279 cử tri và tổng hợp 2.129 ý kiến", [(13279, "cử tri", X), (2129, "ý kiến", X)]),
    ("làm mới 34,5km đường giao thông", [(34.5, "km", X)]),
    ("làm mới 34,5 km đường giao thông", [(34.5, "km", X)]),
    ("dư nợ đạt 124,756 tỷ đồng cho 14.367 lượt hộ", [(124756000000, "đồng", X), (14367, "lượt hộ", X)]),
    ("tổng dư nợ 1.386,7 tỷ đồng", [(1386700000000, "đồng", X)]),
    ("có 1.234.567 lượt truy cập", [(1234567, "lượt", X)]),
    ("đạt 82,91% chỉ tiêu", [(82.91, "%", X)]),
    ("nợ quá hạn chiếm 0,19%/tổng dư nợ ủy thác", [(0.19, "%", X)]),
    ("tỷ lệ 93,48%", [(93.48, "%", X)]),
    ("còn khoảng 35%", [(35, "%", A)]),
    ("tăng 3,64% so với năm 2011", [(3.64, "%", X)]),
    ("đạt 100 %", [(100, "%", X)]),
    ("đạt 12 phần trăm", [(12, "%", X)]),
    # comma typed for thousands in a count
    ("với 14,917 hộ còn dư nợ", [(14917, "hộ", X)]),
    ("kết nạp 1,250 hội viên mới", [(1250, "hội viên", X)]),
    ("trên 50,261 tỷ đồng", [(50261000000, "đồng", O)]),
    ("làm 2,125 km đường", [(2.125, "km", X)]),
    # space thousands, bare numbers
    ("với 19 136 lượt người tham gia", [(19136, "lượt người", X)]),
    ("tiếp nhận 1 250 đơn vị máu", [(1250, "đơn vị", X)]),
    ("huy động 3000 ngày công", [(3000, "ngày công", X)]),
    # the counted noun in a 'tổng số …' label right before the number
    ("Tổng số hội viên 2.318; kết nạp mới 46 hội viên.", [(2318, "hội viên", X), (46, "hội viên", X)]),
    ("Kết nạp 19 đoàn viên, tổng số đoàn viên 1.204.", [(19, "đoàn viên", X), (1204, "đoàn viên", X)]),
    ("trồng 12000 cây xanh", [(12000, "cây", X)]),
    # scale words
    ("hơn 86 nghìn hộ", [(86000, "hộ", O)]),
    ("172 ngàn lượt người", [(172000, "lượt người", X)]),
    ("1,5 tỷ đồng", [(1500000000, "đồng", X)]),
    ("gần 3.000 tỷ đồng", [(3000000000000, "đồng", A)]),
    ("238,9 triệu đồng", [(238900000, "đồng", X)]),
    ("hỗ trợ 1.940 triệu đồng", [(1940000000, "đồng", X)]),
    ("trên 4,2 tỷ đồng", [(4200000000, "đồng", O)]),
    ("ủng hộ 2 tỷ 500 triệu đồng", [(2500000000, "đồng", X)]),
    ("vận động được 5 tỉ đồng", [(5000000000, "đồng", X)]),
    ("quyên góp 750 nghìn đồng", [(750000, "đồng", X)]),
    ("kinh phí 1,2 triệu đồng", [(1200000, "đồng", X)]),
    ("trên 180 nghìn lượt người dự", [(180000, "lượt người", O)]),
    # numbers in words
    ("trao ba nghìn suất quà", [(3000, "suất", X)]),
    ("có hai mươi lăm hộ đăng ký", [(25, "hộ", X)]),
    ("xây mới năm trăm ngôi nhà", [(500, "ngôi nhà", X)]),
    ("hỗ trợ một nghìn tỷ đồng", [(1000000000000, "đồng", X)]),
    ("tổ chức hai buổi sinh hoạt", [(2, "buổi", X)]),
    ("tặng mười suất quà", [(10, "suất", X)]),
    ("Ba hội viên được khen thưởng.", [(3, "hội viên", X)]),
    ("vận động được ba trăm triệu đồng", [(300000000, "đồng", X)]),
    ("kết nạp mười lăm đoàn viên", [(15, "đoàn viên", X)]),
    ("hai mươi năm qua, phong trào phát triển", []),
    # x/y pairs, ranges
    ("156/157 chi hội đạt vững mạnh", [(156, "chi hội", X), (157, "chi hội", X)]),
    ("8.460 cuộc/260.486 lượt chị em", [(8460, "cuộc", X), (260486, "lượt người", X)]),
    ("56.538/84.735 hộ gia đình hội viên", [(56538, "hộ", X), (84735, "hộ", X)]),
    ("hoàn thành 4/4 việc phát sinh", [(4, "việc", X), (4, "việc", X)]),
    ("11/11 chi hội sinh hoạt đều", [(11, "chi hội", X), (11, "chi hội", X)]),
    ("có 236 đoàn viên/248 lao động", [(236, "đoàn viên", X), (248, "người", X)]),
    ("đạt từ 123,5% - 530%", [(123.5, "%", X), (530, "%", X)]),
    ("từ 10 - 15 hộ mỗi bản", [(10, "hộ", X), (15, "hộ", X)]),
    ("mỗi nhà 40 - 50 triệu đồng", [(40000000, "đồng", X), (50000000, "đồng", X)]),
    ("2.494/2.668 hộ đạt tỷ lệ 93,48%", [(2494, "hộ", X), (2668, "hộ", X), (93.48, "%", X)]),
    # money per unit
    ("mỗi suất 700.000 đồng/suất", [(700000, "đồng/suất", X)]),
    ("700.000 đồng/suất", [(700000, "đồng/suất", X)]),
    ("hỗ trợ 5 triệu đồng/hộ", [(5000000, "đồng/hộ", X)]),
    ("thu nhập 6,8 triệu đồng/người/tháng", [(6800000, "đồng/người", X)]),
    # qualifiers
    ("trên 224.600 lượt đoàn viên, thanh niên", [(224600, "lượt người", O)]),
    ("gần 1.200 đại biểu", [(1200, "đại biểu", A)]),
    ("đạt trên 2.875 tỷ đồng, chiếm 99,7%", [(2875000000000, "đồng", O), (99.7, "%", X)]),
    ("khoảng 300 hộ", [(300, "hộ", A)]),
    ("xấp xỉ 2,8 tỷ đồng", [(2800000000, "đồng", A)]),
    ("trên dưới 500 người", [(500, "người", A)]),
    ("hơn 30.000 hộ vay", [(30000, "hộ", O)]),
    # 'vượt N chỉ tiêu' says by how much the target was passed (an exact difference), not 'more
    # than N' (as 'vượt 312 căn so với kế hoạch' in the corpus, camau_mttq_nhatam_2025).
    ("vượt 21,5% chỉ tiêu", [(21.5, "%", X)]),
    ("vượt 400 hộ", [(400, "hộ", O)]),
    ("dưới 0,1%", [(0.1, "%", U)]),
    ("chưa đến 20 hộ", [(20, "hộ", U)]),
    ("chưa tới 15 người", [(15, "người", U)]),
    ("ước đạt 6,2 tỷ đồng", [(6200000000, "đồng", A)]),
    ("ít nhất 12 buổi", [(12, "buổi", O)]),
    ("100 hộ trở lên", [(100, "hộ", O)]),
    ("với trên 9.600 lượt đoàn viên", [(9600, "lượt người", O)]),
    ("được hơn 1,25 tỷ đồng", [(1250000000, "đồng", O)]),
    ("có trên 50 tin, bài viết, phóng sự", [(50, "tin bài", O)]),
    ("tối đa 3 người", [(3, "người", U)]),
    ("khoảng gần 400 hộ", [(400, "hộ", A)]),
    # units
    ("130 lượt người", [(130, "lượt người", X)]),
    ("130 người", [(130, "người", X)]),
    ("8.256 ĐVTN tham gia", [(8256, "đoàn viên", X)]),
    ("692 đội hình thanh niên tình nguyện", [(692, "đội hình", X)]),
    ("942 hoạt động tuyên truyền", [(942, "hoạt động", X)]),
    ("412 tin, bài", [(412, "tin bài", X)]),
    ("27 ngôi nhà Mái ấm tình thương", [(27, "ngôi nhà", X)]),
    ("xây 9 căn nhà", [(9, "ngôi nhà", X)]),
    ("1.238 chi hội", [(1238, "chi hội", X)]),
    ("2.037 chi đoàn", [(2037, "chi đoàn", X)]),
    ("1.084 CĐCS", [(1084, "công đoàn cơ sở", X)]),
    ("64 mô hình, câu lạc bộ", [(64, "mô hình", X)]),
    ("27 câu lạc bộ", [(27, "câu lạc bộ", X)]),
    ("9 tổ tiết kiệm và vay vốn", [(9, "tổ", X)]),
    ("397 tổ TK&VV", [(397, "tổ", X)]),
    ("3.240 suất quà", [(3240, "suất", X)]),
    ("540 ngày công", [(540, "ngày công", X)]),
    ("45.300 cây xanh", [(45300, "cây", X)]),
    ("88 điểm tiếp xúc cử tri", [(88, "điểm", X)]),
    ("6.354 lượt cử tri", [(6354, "lượt cử tri", X)]),
    ("412 ý kiến, kiến nghị", [(412, "ý kiến", X)]),
    ("57 cuộc giám sát", [(57, "cuộc", X)]),
    ("12 hội nghị phản biện", [(12, "hội nghị", X)]),
    ("92 dự án", [(92, "dự án", X)]),
    ("14 hợp tác xã", [(14, "hợp tác xã", X)]),
    ("3.120 thẻ hội viên", [(3120, "thẻ", X)]),
    ("12 ha chè", [(12, "ha", X)]),
    ("2.400 m2 đất", [(2400, "m²", X)]),
    ("35 con giống", [(35, "con", X)]),
    ("18 lớp tập huấn", [(18, "lớp", X)]),
    ("1.380 học viên", [(1380, "học viên", X)]),
    ("2.087 hội viên", [(2087, "hội viên", X)]),
    ("1.611 đoàn viên ưu tú", [(1611, "đoàn viên", X)]),
    ("gần 2.000 hội, đoàn viên", [(2000, "hội viên", A)]),
    ("68.412 hộ gia đình", [(68412, "hộ", X)]),
    ("1.032 khu dân cư", [(1032, "khu dân cư", X)]),
    ("5 đơn thư", [(5, "đơn", X)]),
    ("4 vụ việc", [(4, "vụ", X)]),
    ("17.608 đồng chí", [(17608, "người", X)]),
    ("9 sáng kiến", [(9, "sáng kiến", X)]),
    ("21.000 lượt học sinh", [(21000, "lượt người", X)]),
    ("1.050 lượt chị em", [(1050, "lượt người", X)]),
    ("với 241 hộ vay", [(241, "hộ", X)]),
    ("3 đợt hiến máu", [(3, "đợt", X)]),
    # non-figures
    ("năm 2023", []),
    ("Năm 2023, Hội tiếp tục đổi mới.", []),
    ("trong quý III/2023", []),
    ("quý 3 năm 2023", []),
    ("6 tháng đầu năm 2024", []),
    ("9 tháng đầu năm", []),
    ("ngày 19/10", []),
    ("Ngày 20/10, Hội tổ chức mít tinh.", []),
    ("ngày 1/7/2025", []),
    ("ngày 05 tháng 01 năm 2020", []),
    ("tháng 9/2023", []),
    ("kỷ niệm 87 năm thành lập", []),
    ("93 năm Ngày thành lập Hội LHPN Việt Nam (20/10/1930 - 20/10/2023)", []),
    ("phụ nữ từ 18 tuổi trở lên", []),
    ("thanh niên từ 16 đến 30 tuổi", []),
    ("độ tuổi từ 15-49 tuổi", []),
    ("sau 10 năm thực hiện Chỉ thị 05", []),
    ("thực hiện Chỉ thị 05-CT/TW", []),
    ("Nghị định 09/2019/NĐ-CP", []),
    ("Nghị quyết số 22/NQ-CP", []),
    ("Kết luận số 62-KL/TW của Bộ Chính trị", []),
    ("Kế hoạch số 123/KH-UBND", []),
    ("Số: 18/QĐ-MTTQ-UB", []),
    ("nhiệm kỳ 2020-2025", []),
    ("giai đoạn 2021 - 2025", []),
    ("Đại hội lần thứ XIII", []),
    ("lần thứ 5 năm 2025", []),
    ("hàng trăm triệu đồng", []),
    ("hàng nghìn lượt người", []),
    ("hàng chục thanh niên", []),
    ("vài trăm hộ", []),
    ("mô hình 5 không 3 sạch", []),
    ("phòng, chống dịch COVID-19", []),
    ("Vùng 3 Hải quân", []),
    ("Chương trình 135", []),
    ("Quốc lộ 4D", []),
    ("tăng gấp 2 lần", []),
    ("1. Công tác tuyên truyền", []),
    ("2) Xây dựng tổ chức Hội", []),
    ("lúc 8 giờ sáng", []),
    ("Sau hơn 2 tháng triển khai", []),
    ("điều 5 khoản 2", []),
    ("Luật Phòng, chống bạo lực gia đình năm 2022", []),
    ("Tổ 5 phường Tân Phong", []),
    ("bản Nậm Cuổi 2", []),
    ("ông A, 67 tuổi", []),
]

QUALIFIED_KINDS: list[tuple[str, str]] = [
    ("tăng 12% so với cùng kỳ", "change"),
    ("tăng 180 tỷ đồng so với đầu năm 2020", "change"),
    ("giảm 57 hộ so với cuối năm", "change"),
    ("đạt 82,91% chỉ tiêu", "share"),
    ("chiếm 38,2% tổng dư nợ", "share"),
    ("tổ chức 24 buổi", "level"),
    ("tăng thêm 3 chi hội", "change"),
]


def _triples(text: str) -> list[tuple[float, str | None, str]]:
    return [(f["value"], f["unit"], f["qualifier"]) for f in extract_text(text)["figures"]]


@pytest.mark.parametrize("text,expected", NUMBERS, ids=[t for t, _ in NUMBERS])
def test_numbers_units_qualifiers(text: str, expected: list) -> None:
    got = _triples(text)
    assert [(pytest.approx(v), u, q) for v, u, q in expected] == got


@pytest.mark.parametrize("text,kind", QUALIFIED_KINDS)
def test_kind(text: str, kind: str) -> None:
    figures = extract_text(text)["figures"]
    assert len(figures) == 1 and figures[0]["kind"] == kind


def test_table_is_large() -> None:
    assert len(NUMBERS) + len(QUALIFIED_KINDS) >= 150


# Figures in a section of plans are targets, not results (kind 'target'); the results before
# the section and a results heading after it are not.
TARGET_SECTIONS = [
    ("I. KẾT QUẢ\nHội tổ chức 24 buổi tuyên truyền.\nII. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ IV\n"
     "Phấn đấu kết nạp 50 hội viên mới.", ["level", "target"]),
    ("Kết quả: Đoàn tổ chức 12 đội hình tình nguyện.\nNhiệm vụ trọng tâm thời gian tới:\n"
     "- Thành lập mới 3 chi đoàn.\n- Giới thiệu 20 đoàn viên ưu tú cho Đảng.", ["level", "target", "target"]),
    ("3. Chỉ tiêu năm 2025\nVận động 200 triệu đồng xây nhà Đại đoàn kết.\n4. Kết quả thực hiện\n"
     "Đã xây 5 ngôi nhà.", ["target", "level"]),
    ("Trong quý, Hội vận động 8 hộ thoát nghèo.\nPHƯƠNG HƯỚNG NHIỆM VỤ 6 THÁNG CUỐI NĂM\n"
     "Tổ chức 2 lớp tập huấn.\nIII. ĐỀ XUẤT, KIẾN NGHỊ\nĐề nghị hỗ trợ 30 suất quà.", ["level", "target", "level"]),
    ("Hội nghị đã đánh giá kết quả quý III với 558 buổi tuyên truyền. Nhiệm vụ quý IV, các tổ chức "
     "tiếp tục tuyên truyền và phấn đấu giới thiệu 300 đoàn viên ưu tú cho Đảng xem xét kết nạp, "
     "tổ chức các hoạt động chào mừng ngày thành lập.", ["level", "target"]),
    ("Nhiệm vụ quý IV, các tổ chức tiếp tục tuyên truyền, vận động hội viên tham gia các phong trào "
     "thi đua, phấn đấu giới thiệu 300 đoàn viên ưu tú cho Đảng xem xét kết nạp.\nHội LHPN đã tổ chức 12 buổi.",
     ["target", "level"]),
    ("Tổ chức 5 buổi tuyên truyền về kế hoạch năm tới.", ["level"]),
]


@pytest.mark.parametrize("text,kinds", TARGET_SECTIONS)
def test_target_sections(text: str, kinds: list[str]) -> None:
    result = extract_text(text)
    assert [f["kind"] for f in result["figures"]] == kinds
    for section in result["target_sections"]:
        assert 0 <= section["start"] < section["end"] <= len(text)
