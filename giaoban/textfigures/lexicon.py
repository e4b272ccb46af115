"""Words around a number: qualifiers before it, the counted noun after it, and the contexts that
make a number a non-figure (a year, a date, an age, a document number).

All entries are written as people write them and canonicalized once at import (lower case, one
tone placement), so they match the engine's key whatever the input's spelling.
"""

from __future__ import annotations

import re

from .normalize import canonical, prefix_alternation, trie_alternation

# --- administrative levels ---------------------------------------------------------------------
# The levels a place is named by ('huyện Tân Kỳ', 'toàn xã', 'của thị trấn'), before and after the 2025
# merger, as one bare alternation for the engine's and attribution's patterns to wrap in a group with
# whatever a pattern adds ('(?:' + ADMIN_LEVELS + '|thôn|bản|ấp)'; the urban district, 'quận', only where
# a pattern adds it). No word is the start of another, so the order never decides a match.
ADMIN_LEVELS = "tỉnh|thành phố|thị xã|huyện|thị trấn|xã|phường"

# The levels below the commune, the residential areas ('thôn Đông', '46 khu dân cư', 'tổ dân phố 5'): the
# law's 'thôn' and 'tổ dân phố' by all their local names, the villages of the Central Highlands' and the
# Khmer peoples among them ('bon', 'plei', 'sóc'). The one list every pattern and set of them is built from,
# longest first (no word is the start of another, so the order never decides a match); a site that takes
# fewer says which it leaves out and why (residential_levels(without=…)).
RESIDENTIAL_LEVELS = ("khu dân cư", "tổ dân phố", "khu phố", "thôn", "khóm", "làng", "buôn", "plei", "bản", "xóm",
                      "bon", "sóc", "ấp")
# The five the texts list beside the communes and wards ('các xã, phường, thôn, bản, ấp, khu phố, tổ dân phố'),
# the only ones the sites of such lists were written with (to widen one is an engine change, for the snapshot).
RESIDENTIAL_LISTED = ("tổ dân phố", "khu phố", "thôn", "bản", "ấp")
# The villages of the Central Highlands' and the Khmer peoples, rare in the texts: only the sites written
# with them take them.
PEOPLES_VILLAGES = ("bon", "plei", "sóc")


def residential_levels(without: tuple[str, ...] = ()) -> tuple[str, ...]:
    """RESIDENTIAL_LEVELS, longest first, less the words ``without`` (each one of them)."""
    assert all(w in RESIDENTIAL_LEVELS for w in without), without
    return tuple(w for w in RESIDENTIAL_LEVELS if w not in without)


def alternation(words: tuple[str, ...]) -> str:
    """The bare alternation 'w1|w2|…' of plain words, longest first, for a pattern to wrap in its group."""
    assert all(re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)*", w) for w in words), words  # (nothing to escape)
    return "|".join(sorted(words, key=len, reverse=True))


# The residential levels of most of the country: all but the peoples' villages.
RESIDENTIAL_USUAL = residential_levels(without=PEOPLES_VILLAGES)

# --- qualifiers ---------------------------------------------------------------------------------
# Longest first so that 'trên dưới' wins over 'trên' and 'chưa đến' over 'đến'.
_QUALIFIERS_RAW = {
    "approx": ["trên dưới", "xấp xỉ", "khoảng gần", "khoảng", "gần", "ước khoảng", "ước tính",
               "ước đạt", "ước", "chừng", "độ chừng", "tầm"],
    # ('có hơn 4.100 hội viên': 'có' is the verb, whose words say what is counted, not the qualifier)
    "over": ["hơn", "trên", "vượt", "ngoài", "ít nhất", "tối thiểu", "nhiều hơn"],
    "under": ["dưới", "chưa đến", "chưa tới", "chưa đầy", "không quá", "tối đa", "không đến",
              "chưa được"],
}
QUALIFIERS: list[tuple[str, str]] = sorted(
    ((canonical(w), q) for q, ws in _QUALIFIERS_RAW.items() for w in ws), key=lambda t: -len(t[0])
)
# After the unit: '100 hộ trở lên'.
QUALIFIERS_AFTER = [(canonical("trở lên"), "over"), (canonical("trở xuống"), "under")]

# --- units --------------------------------------------------------------------------------------
# category: person (heads), times (lượt), count, money, percent, measure.
# (not 'nhà nông', 'nhà văn': the houses '3 "Nhà nông dân"', the halls 'nhà văn hóa' start so)
_PEOPLE_CALLED_NHA = ["nhà hảo tâm", "mạnh thường quân", "nhà tài trợ", "nhà khoa học", "nhà báo", "nhà giáo",
                      "nhà đầu tư", "nhà doanh nghiệp", "nhà thơ", "nhà sư", "nhà quản lý"]
PERSON_WORDS = [
    "người", "hội viên", "đoàn viên", "cử tri", "đại biểu", "chị em", "phụ nữ", "thanh niên",
    "đoàn viên thanh niên", "ĐVTN", "ĐVTN", "hội viên phụ nữ", "hội viên nông dân", "nông dân",
    "cựu chiến binh", "CCB", "hội viên CCB", "hội viên cựu chiến binh", "đảng viên",
    "đoàn viên công đoàn", "CNVCLĐ", "công nhân", "lao động", "người lao động", "học sinh",
    "sinh viên", "trẻ em", "em", "cháu", "chị", "thiếu nhi", "học viên", "cán bộ", "hội, đoàn viên",
    "hội viên, đoàn viên", "đoàn viên, hội viên", "hội viên, phụ nữ", "đoàn viên, thanh niên",
    "hội viên, nông dân", "công nhân, viên chức, lao động", "viên chức", "người dân", "bệnh nhân",
    "nạn nhân", "tình nguyện viên", "thanh thiếu nhi", "người cao tuổi", "hộ nghèo", "khách mời",
    "tuyên truyền viên", "báo cáo viên", "cộng tác viên", "chiến sĩ", "quân nhân", "đồng chí",
    "gương", "điển hình", "tập thể", "cá nhân",
    # Two-syllable nouns of people whose first syllable alone means something else ('45 ủy viên').
    "ủy viên", "thành viên", "đội viên", "thí sinh", "thiếu niên", "thanh thiếu niên", "giáo viên",
    "nhân viên", "phóng viên", "bác sĩ", "y, bác sĩ", "đối tượng", "nhân khẩu",
    # People counted by their office ('cho 210 bí thư chi đoàn', '95 chi hội trưởng'), not the
    # branches or groups whose name the office carries.
    "bí thư", "bí thư chi đoàn", "bí thư đoàn cơ sở", "chi hội trưởng", "chi hội phó", "tổ trưởng", "tổ phó",
    "trưởng thôn", "trưởng bản", "trưởng ấp", "chủ tịch", "chủ tịch công đoàn cơ sở",
    # People called 'nhà …' ('14 nhà hảo tâm', '25 nhà khoa học'), not houses ('nhà'), and the benefactors' other name.
    *_PEOPLE_CALLED_NHA,
]
# Normalized unit of a person word ('ĐVTN' → 'đoàn viên').
_PERSON_UNIT = {
    "hội viên": "hội viên", "hội viên phụ nữ": "hội viên", "hội viên nông dân": "hội viên",
    "hội viên ccb": "hội viên", "hội viên cựu chiến binh": "hội viên", "hội, đoàn viên": "hội viên",
    "hội viên, đoàn viên": "hội viên", "đoàn viên, hội viên": "đoàn viên", "hội viên, phụ nữ": "hội viên",
    "hội viên, nông dân": "hội viên", "đoàn viên": "đoàn viên", "đoàn viên thanh niên": "đoàn viên",
    "đvtn": "đoàn viên", "đoàn viên, thanh niên": "đoàn viên", "đoàn viên công đoàn": "đoàn viên",
    "cử tri": "cử tri", "đại biểu": "đại biểu", "đảng viên": "đảng viên", "học viên": "học viên",
    "cựu chiến binh": "hội viên", "ccb": "hội viên", "hộ nghèo": "hộ", "tập thể": "tập thể",
    "cá nhân": "cá nhân", "gương": "gương", "điển hình": "điển hình",
    # (counted in their own noun: no indicator counts committee members or club members as such)
    "ủy viên": "ủy viên", "thành viên": "thành viên", "đội viên": "đội viên", "thí sinh": "thí sinh",
    "giáo viên": "giáo viên", "nhân viên": "nhân viên", "phóng viên": "phóng viên", "bác sĩ": "bác sĩ",
    "y, bác sĩ": "bác sĩ", "đối tượng": "đối tượng", "nhân khẩu": "nhân khẩu",
    # The volunteers of a campaign ('hơn 300 tình nguyện viên trực tiếp làm việc ở cơ sở'): counted
    # as such, so that the youth union's volunteering may count them (and nothing counted in plain
    # people does).
    "tình nguyện viên": "tình nguyện viên",
    # (each in its own noun, as the committee members above: no indicator counts them)
    **{canonical(w): canonical(w) for w in _PEOPLE_CALLED_NHA},
}

COUNT_WORDS = [
    "hộ", "hộ gia đình", "hộ hội viên", "hộ vay", "gia đình", "buổi", "cuộc", "hội nghị", "đội hình",
    "đội", "hoạt động", "tin", "bài", "tin bài", "tin, bài", "tin, bài viết", "tin, bài viết, phóng sự",
    "tin, bài, phóng sự", "tin bài, phóng sự", "bài viết", "phóng sự", "ngôi nhà", "căn nhà", "nhà",
    "căn", "chi hội", "chi đoàn", "cơ sở hội", "hội cơ sở", "cơ sở đoàn", "tổ hội", "xã", "phường", "thị trấn",
    # (the residential levels, counted: not 'plei', 'sóc', never units of this list)
    *residential_levels(without=("plei", "sóc")), "KDC", "điểm", "điểm cầu", "điểm thi", "địa bàn", "mô hình", "câu lạc bộ",
    "CLB", "tổ", "nhóm", "tổ hợp tác", "hợp tác xã", "HTX", "dự án", "suất", "suất quà", "phần quà",
    "xuất", "công trình", "phần việc", "công trình, phần việc", "ngày công", "ngày lương", "tháng lương", "cây", "cây xanh", "con",
    "lớp", "lớp học", "ý kiến", "kiến nghị", "ý kiến, kiến nghị", "vụ", "vụ việc", "việc", "thẻ",
    "sổ", "đợt", "lần", "chương trình", "cuộc thi", "giải", "đơn", "đơn thư", "trường hợp",
    "bằng khen", "giấy khen", "chiếc", "xe", "bộ", "tủ sách", "cuốn", "quyển", "hồ sơ", "văn bản",
    "sản phẩm", "đầu sách", "túi", "thùng", "bao", "đội hình thanh niên tình nguyện", "tổ TK&VV",
    "tổ tiết kiệm và vay vốn", "tổ tiết kiệm", "CĐCS", "công đoàn cơ sở", "doanh nghiệp",
    "đơn vị", "cơ quan", "trường", "trạm", "tuyến", "tuyến đường", "cầu", "công trình thanh niên",
    "video", "clip", "pano", "băng rôn", "khẩu hiệu", "tờ rơi", "tài liệu", "ấn phẩm", "lượt",
    "giờ tình nguyện", "chuyến", "bình", "máy", "bữa", "bữa ăn", "suất ăn", "mái ấm", "giếng",
    "bể nước", "chuồng", "con giống", "sáng kiến", "đề tài", "kế hoạch", "hội thi", "giải pháp",
    "nội dung", "chỉ tiêu", "nhiệm vụ", "ý tưởng", "thỏa ước", "bản thỏa ước", "cuộc đối thoại",
    "điểm giao dịch", "tổ vay vốn", "phong trào", "ngày hội", "lượt hộ", "tổ chức",
    # The associations counted by name ('56 Hội CCB cấp xã', '148 Hội CCB xã, phường'): grassroots associations.
    "Hội CCB", "Hội Cựu chiến binh", "Hội Nông dân", "Hội LHPN", "Hội Phụ nữ", "Hội Liên hiệp Phụ nữ",
    # … and the Youth Union's ('bí thư 23 Đoàn xã, thị trấn', '5 Đoàn xã chưa đạt tiến độ').
    "Đoàn xã", "Đoàn phường", "Đoàn thị trấn", "Đoàn xã, phường", "Đoàn xã, thị trấn", "Đoàn xã, phường, thị trấn",
    # Buildings and cards that are not the indicators' houses and membership cards.
    "nhà văn hóa", "nhà vệ sinh", "nhà bán trú", "nhà sinh hoạt cộng đồng", "thẻ bảo hiểm y tế", "thẻ BHYT",
    # Two-syllable nouns whose first syllable alone is no counted noun ('12 gian hàng', not '12 gian').
    "gian hàng", "phiên chợ", "chiến dịch", "mục tiêu", "dự thảo", "vị trí", "chuyên mục", "chung cư",
    "chủ thể", "cây cầu",
    # (farms, and a body's bases without 'hội' / 'đoàn': '16 trang trại', not '16 trang'; 'Hội có 122 cơ sở')
    "trang trại", "gia trại", "cơ sở",
    # The Front's committees in the residential areas ('kiện toàn 26 Ban Công tác Mặt trận ấp').
    "Ban Công tác Mặt trận",
    # … and the residents' committees it guides, counted as 'ban' (CONVENTIONS.md: '172 Ban Thanh tra
    # nhân dân'); any other 'N Ban …' is 'ban' as well (figures._read_unit).
    "Ban Thanh tra nhân dân", "Ban TTND", "Ban Giám sát đầu tư của cộng đồng", "Ban GSĐTCCĐ",
    # Peoples counted ('3 dân tộc cùng sinh sống'), not people ('dân').
    "dân tộc",
    # Nouns whose first syllable is another counted noun or none ('5 công ty', not '5 công'; '4 nhà máy', not
    # houses; '12 hộ kinh doanh', firms, not households; '3 nghị quyết', not '3 nghị'): each in its own noun.
    "công ty", "cửa hàng", "nhà máy", "nhà xưởng", "nhà hàng", "nhà trọ", "nhà nghỉ", "nhà khách", "nhà kho",
    "nhà thuốc", "nhà trẻ", "nhà thờ", "hộ kinh doanh", "nghị quyết", "quyết định", "công văn", "chỉ thị",
    "báo cáo", "thông báo", "tờ trình", "ngân hàng",
    # A rate's change in points of a percent ('tăng 1,8 điểm phần trăm', 'nhích 2,5 điểm %'): not 'điểm', the
    # places counted (where voters are met); always a change (figures._kind).
    "điểm phần trăm", "điểm %",
]
_COUNT_UNIT = {
    "hộ gia đình": "hộ", "hộ hội viên": "hộ", "hộ vay": "hộ", "tin bài": "tin bài", "tin, bài": "tin bài",
    "tin, bài viết": "tin bài", "tin, bài viết, phóng sự": "tin bài", "tin, bài, phóng sự": "tin bài",
    "tin bài, phóng sự": "tin bài", "bài viết": "tin bài", "bài": "tin bài", "tin": "tin bài",
    "căn nhà": "ngôi nhà", "nhà": "ngôi nhà", "căn": "ngôi nhà", "mái ấm": "ngôi nhà",
    "clb": "câu lạc bộ", "htx": "hợp tác xã", "xuất": "suất", "suất quà": "suất", "phần quà": "suất",
    "công trình, phần việc": "công trình", "cây xanh": "cây", "lớp học": "lớp", "kdc": "khu dân cư",
    "ý kiến, kiến nghị": "ý kiến", "kiến nghị": "ý kiến", "vụ việc": "vụ", "đơn thư": "đơn",
    "đội hình thanh niên tình nguyện": "đội hình", "tổ tk&vv": "tổ", "tổ tiết kiệm và vay vốn": "tổ",
    "tổ tiết kiệm": "tổ", "tổ vay vốn": "tổ", "cđcs": "công đoàn cơ sở", "quyển": "cuốn",
    "công trình thanh niên": "công trình", "bữa ăn": "suất", "suất ăn": "suất", "con giống": "con",
    "thẻ bhyt": "thẻ bảo hiểm y tế", "hội ccb": "cơ sở hội", "hội cựu chiến binh": "cơ sở hội",
    "đoàn xã": "đoàn", "đoàn phường": "đoàn", "đoàn thị trấn": "đoàn", "đoàn xã, phường": "đoàn",
    "đoàn xã, thị trấn": "đoàn", "đoàn xã, phường, thị trấn": "đoàn",
    "cây cầu": "cầu", "ban thanh tra nhân dân": "ban", "ban ttnd": "ban", "ban giám sát đầu tư của cộng đồng": "ban",
    "ban gsđtccđ": "ban", "điểm %": "điểm phần trăm", "hội nông dân": "cơ sở hội", "hội lhpn": "cơ sở hội", "hội phụ nữ": "cơ sở hội", "hội liên hiệp phụ nữ": "cơ sở hội", "hội cơ sở": "cơ sở hội",  # (the veterans' word after 2025)
}
# Measure words that count one thing, shared by every indicator: organizations name the thing an
# indicator counts with any of its class ('1.500 phần' of gifts are 'suất', '28.168 cuộc sinh hoạt' are
# 'buổi sinh hoạt'). Not 'nhóm' for 'tổ': a 'nhóm tiết kiệm' is a women's own savings group, no bank's
# 'tổ tiết kiệm và vay vốn'. Houses need none: 'căn', 'ngôi', 'căn nhà'
# are folded into 'ngôi nhà' above. Issue 15: the catalogue's one word per thing left the largest class
# of missing codes on unseen texts (benchmarks/unseen_errors.py, 'code missing: vocabulary').
MEASURE_CLASSES: tuple[tuple[str, ...], ...] = (("buổi", "cuộc"), ("suất", "phần"))
_MEASURE_KIN = {canonical(w): tuple(canonical(o) for o in cls if o != w) for cls in MEASURE_CLASSES for w in cls}


def measure_kin(word: str) -> tuple[str, ...]:
    """The other measure words that count what ``word`` (canonical) counts: 'nhóm' for 'tổ'."""
    return _MEASURE_KIN.get(word, ())


MONEY_WORDS = ["đồng", "nghìn đồng", "ngàn đồng", "triệu đồng", "tỷ đồng", "tỉ đồng", "đ", "vnđ", "vnd"]
MEASURE_WORDS = {
    "km": "km", "ki-lô-mét": "km", "cây số": "km", "m": "m", "mét": "m", "m2": "m²", "m²": "m²",
    "ha": "ha", "héc-ta": "ha", "hecta": "ha", "tấn": "tấn", "tạ": "tạ", "kg": "kg", "lít": "lít",
    "m3": "m³", "m³": "m³",
}
# Units that make the number a non-figure (time, age, ordinal).
NON_FIGURE_UNITS = {
    canonical(w) for w in [
        "năm", "tháng", "ngày", "tuần", "giờ", "phút", "giây", "tuổi", "quý", "thế kỷ", "kỳ",
        "nhiệm kỳ", "thập kỷ", "khóa", "không", "sạch", "có", "bước", "tầng", "thứ", "số",
        "sao",  # a rating ('sản phẩm OCOP 3 sao'), never a count
    ]
}


def _entries() -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    for w in PERSON_WORDS:
        k = canonical(w)
        out.append((k, _PERSON_UNIT.get(k, "người"), "person"))
    for w in COUNT_WORDS:
        k = canonical(w)
        out.append((k, _COUNT_UNIT.get(k, k), "count"))
    for w in MONEY_WORDS:
        out.append((canonical(w), "đồng", "money"))
    for w, u in MEASURE_WORDS.items():
        out.append((canonical(w), u, "measure"))
    out.append(("%", "%", "percent"))
    out.append((canonical("phần trăm"), "%", "percent"))
    return out


UNIT_ENTRIES = sorted(_entries(), key=lambda t: -len(t[0]))
UNIT_BY_KEY: dict[str, tuple[str, str, str]] = {}
for _entry in UNIT_ENTRIES:
    UNIT_BY_KEY.setdefault(_entry[0], _entry)
# A unit after the number: optional space, the word(s), and a word boundary ('34,5km' is fine).
UNIT_RE = re.compile(r" ?" + trie_alternation(k for k, _, _ in UNIT_ENTRIES) + r"(?![^\W_])")  # longest first
# 'lượt' + a person word is a count of participations.
LUOT_RE = re.compile(r" ?(lượt)(?: " + prefix_alternation(canonical(w) for w in sorted(
    PERSON_WORDS + ["hộ", "hộ gia đình", "hộ vay", "người tham gia"], key=len, reverse=True)) + r")?(?![^\W_])")

# Verbs and function words that may follow a bare number without making it a counted noun.
NOT_A_UNIT = {
    canonical(w) for w in [
        "và", "với", "của", "cho", "là", "được", "đã", "đang", "sẽ", "có", "trong", "tại", "theo",
        "so", "thì", "mà", "để", "từ", "đến", "tới", "hoặc", "hay", "các", "những", "này", "đó",
        "trên", "dưới", "hơn", "gần", "khoảng", "lên", "xuống", "ra", "vào", "về", "qua", "nên",
        "không", "chưa", "vẫn", "cũng", "đều", "bị", "do", "vì", "nhưng", "còn", "đạt", "tăng", "giảm",
        "tham", "thu", "nâng", "góp", "chiếm", "bằng", "gồm", "như", "mỗi", "một", "nhằm",
    ]
}

# A word directly before the number that makes it an identifier, not a quantity.
IDENTIFIER_BEFORE = {
    canonical(w) for w in [
        "năm", "tháng", "ngày", "quý", "tuần", "giờ", "thứ", "số", "số:", "điều", "khoản", "mục",
        "chương", "phần", "tổ", "bản", "thôn", "khu", "khóa", "lớp", "phòng", "tầng", "vùng", "đội",
        "xóm", "tiểu khu", "quốc lộ", "tỉnh lộ", "đường", "chỉ thị", "nghị định", "nghị quyết",
        "quyết định", "kết luận", "thông tư", "công văn", "kế hoạch", "hướng dẫn", "chương trình",
        "đề án", "luật", "quy định", "thông báo", "tờ trình", "covid", "top", "kỳ", "trang", "km",
        "nhóm", "lần", "đợt", "giai đoạn", "nhiệm kỳ", "hạng", "khối", "ban", "mẫu", "biểu",
        "phụ lục", "hội nghị lần", "đại hội", "ấp", "cụm", "bảng", "hình", "tổ dân phố", "mã",
        "lô", "xe", "điện thoại", "sđt", "hotline", "ô", "cửa", "dãy", "đoạn", "tiểu đội", "trung đội",
        "quân khu", "đồn", "cột mốc", "mốc",
        "khóm",  # (a place named by its number: 'khóm 3 vận động …')
    ]
}
# Military and other units named by their number, two words before it ('Sư đoàn 304 tặng …',
# 'Trung đoàn 5'): 'đoàn' alone is the Youth Union, whose figures follow it ('Đoàn 30 công trình').
UNIT_NAME_BEFORE = {
    canonical(w) for w in [
        "sư đoàn", "trung đoàn", "lữ đoàn", "tiểu đoàn", "quân đoàn", "binh đoàn", "hải đoàn",
    ]
}
# Bodies named by their number when written as a name ('Bệnh viện 108 tặng …', 'Công ty 28 trao …');
# in lower case they may be given a count ('giới thiệu cho công ty 25 lao động').
BODY_NAME_BEFORE = {canonical(w) for w in ["bệnh viện", "công ty", "nhà máy", "xí nghiệp"]}
# … and the head nouns of bodies whose name is several words after them, capitalized ('Bệnh viện Quân y
# 175', 'Trung tâm Y tế Quân dân y 12', 'Trường Trung cấp nghề 9'), as people write them.
BODY_NAME_HEADS = {"Bệnh viện", "Công ty", "Nhà máy", "Xí nghiệp", "Trường", "Trung tâm", "Viện", "Học viện", "Bệnh xá",
                   "Tập đoàn", "Tổng công ty"}
# Phrases (ending right before the number) that make it an anniversary, a duration or an age.
NON_FIGURE_BEFORE_RE = re.compile(
    r"(kỷ niệm|kỉ niệm|chào mừng|lần thứ|thứ|hàng|vài|mấy|gấp|độ tuổi|từ|đủ|dưới|trên|trong|sau|"
    r"trước|tròn|suốt|gần|hơn|khoảng) ?$"
)
# After the number and its unit: an anniversary ('87 năm thành lập') is already a time unit.
VAGUE_WORDS = {canonical(w) for w in ["hàng", "vài", "mấy", "dăm", "nhiều", "hàng chục", "hàng trăm"]}
