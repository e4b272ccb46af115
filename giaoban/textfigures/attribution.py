"""Whose figure is it: the actor of the clause.

The text is cut into sentences and clauses. An organization named at the start of a clause (after
introductory words such as 'Trong quý III,' or 'Trong đó,') is the subject; it holds for the rest
of the sentence and is carried to following sentences that name no new subject ('Tổ chức được
942 hoạt động…'). Names joined by commas or 'và' form an enumeration: the figure then belongs to
all of them (org None, orgs [...]). 'Hội', 'các cấp Hội' refer back to the association in focus.
A document whose heading names one organization gives that organization as the default.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from .lexicon import ADMIN_LEVELS, RESIDENTIAL_USUAL, alternation
from .normalize import LETTER_START, WORD_START, by_first_letter, prefix_alternation
from .meetings.people import speaker_spans
from .numbers import DIGIT_WORDS
from .orgs import GROUPS, HOI_ORGS, ORG_CODES, Mention, find_mentions

_ABBREVIATIONS = {"tp", "ths", "ts", "pgs", "gs", "bs", "ks", "th", "tt", "v.v", "st", "đ/c", "mr", "ms", "ông", "bà"}
# A place after a name, never a number: in 'Hội Nông dân phường 26 hội viên; Hội CCB phường 12
# hội viên' each item of the enumeration has its own organization.
_PLACE = r"(?: (?:" + ADMIN_LEVELS + r"|tp\.?|cơ sở|các cấp|việt nam|trường|khối)(?: [^\s\d,;.:()][^\s,;.:()]*){0,3})?"
_CHAIN_SEP_RE = re.compile("(" + _PLACE + r")(?:, | và |, và | cùng với | cùng |; )$")
# The Youth Union's names that carry their level ('Huyện đoàn Đất Đỏ', 'Thành đoàn Vĩnh Yên') take the
# place's own name right after them, with no level word before it.
_LEVEL_IN_NAME = frozenset(("tỉnh đoàn", "huyện đoàn", "thành đoàn", "thị đoàn"))
_NAMED_PLACE_SEP_RE = re.compile(r"((?: [^\s\d,;.:()][^\s,;.:()]*){1,3})(?:, | và |, và | cùng với | cùng |; )$")
# The words of a place after a name are place nouns or the place's own capitalized name ('tỉnh Khánh
# Hòa', 'Việt Nam tỉnh Bình Định'); a word in lower case is the clause going on ('Liên đoàn Lao động
# tỉnh cho biết, Công ty …'): what follows the comma is no item of a list with the name.
_PLACE_NOUN_WORDS = frozenset(("tỉnh", "huyện", "thành", "phố", "tp", "tp.", "xã", "phường", "thị", "trấn", "cơ", "sở",
                               "các", "cấp", "việt", "nam", "trường", "khối"))


def _place_named(text: str, key: str, start: int, end: int) -> bool:
    """Whether text[start:end] (the place words after a name) names a place, word by word."""
    return all(m.group() in _PLACE_NOUN_WORDS or text[m.start()].isupper() for m in _WORD_RE.finditer(key, start, end))


_WORD_RE = re.compile(r"[^\s,;]+")
# A rank in a ranking of bodies ('dẫn đầu', 'xếp sau', 'xếp thứ hai', 'đứng hạng ba', 'xếp vị trí thứ hai', 'tiếp theo').
_RANK_ORDINAL = r"(?:hai|ba|tư|năm|sáu|bảy|tám|chín|mười|nhì|\d+)"
_RANK = (r"(?:dẫn đầu|đứng đầu|xếp đầu|tiếp đến|tiếp theo|kế đến|kế tiếp|tiếp sau|(?:xếp|đứng) (?:ngay )?sau|"
         r"(?:xếp|đứng) (?:ở )?(?:vị trí |hạng )?(?:thứ )?" + _RANK_ORDINAL + ")")
# Words that may stand before the subject of a clause (regexes).
_INTRO_WORDS = (
    "tiếp đến", "sau đó là", "trong đó", "đối với", "đồng thời", "bên cạnh đó", "ngoài ra", "riêng", "còn", "theo đó",
    "tiếp đó", "cùng với đó", "đặc biệt", "nổi bật", "đáng chú ý", "qua đó", "từ đó", "mặt khác", "tương tự", "sau đó",
    "cụ thể", "nhìn chung", "nhờ đó", "nhờ", "rồi đến", "rồi",
    # the body an official acts for ('Thay mặt Hội CCB huyện, ông … trao 12 suất quà', 'Ông …, thay mặt Ủy ban MTTQ tỉnh trao …')
    "thay mặt",
    # A ranking, whatever rank it names ('Dẫn đầu là …', 'xếp sau là …', 'xếp thứ hai là …', 'đứng hạng ba là …',
    # 'Xếp sau về quy mô là Liên đoàn Lao động tỉnh, …', 'Tiếp theo trong bảng xếp hạng là Tỉnh đoàn'): the body
    # named after it is the subject of what follows.
    _RANK + r"(?: (?:về|trong|theo|ở) [^\W\d_]+(?: [^\W\d_]+){0,4})? là",
    r"(?:xếp|đứng)(?: (?:ở )?(?:vị trí |hạng )?thứ " + _RANK_ORDINAL + r")? (?:ngay )?sau",
    r"(?:xếp|đứng) (?:ở )?(?:vị trí |hạng )?thứ " + _RANK_ORDINAL,
    # the last of a ranking or a list ('Sau cùng là Hội CCB huyện với 5 lớp', 'kế đó là …', 'Đứng cuối là …')
    "sau cùng là", "cuối cùng là", "kế đó là", r"(?:xếp|đứng) cuối(?: cùng)?(?: bảng)? là",
    # the next of a ranking or a list ('kế đến Hội LHPN tỉnh 986 tỷ đồng', 'Kế tiếp là Tỉnh đoàn với …')
    "kế đến(?: là)?", "kế tiếp(?: là)?",
    # the body a paragraph is about, as its topic ('Ở Hội Phụ nữ, các cấp Hội kết nạp …', 'Về Hội Nông dân xã:
    # …', 'Ở Tỉnh đoàn, các cơ sở Đoàn …'), as 'Đối với …' and 'Về phía …'
    "ở", "về",
    # the body a sentence turns to ('Với Hội Nông dân huyện, năm nay đã mở 5 lớp', 'Còn với Hội CCB, …')
    "còn với", "với",
    r"trong quý(?: [ivx\d]+)?(?:/\d+)?", r"trong năm(?: \d+)?", r"năm \d+", r"quý [ivx\d]+(?:/\d+)?", r"tháng \d+(?:/\d+)?",
    r"\d+ tháng(?: đầu năm| qua| cuối năm)?(?: \d+)?", "thời gian qua", "vừa qua", "(?:nhiệm kỳ|năm|quý|tháng|tuần) qua",
    r"nhiệm kỳ \d+ - \d+", "các cấp", "cấp", "ban thường vụ", "ban thường trực", "thường trực", "ban chấp hành", "ban chỉ đạo",
    "cơ quan", "lãnh đạo", "đại diện", "các đơn vị", "các", "toàn thể", "toàn", "mỗi", "nhiều", "một số", "một",
    # a body's branch ('Theo Chi nhánh Ngân hàng Chính sách xã hội tỉnh, …', 'Chi nhánh NHCSXH huyện giải ngân …')
    "chi nhánh",
    "ban tổ chức,? (?:gồm|bao gồm|là)", "theo báo cáo của", "báo cáo của", "theo", "tại hội nghị", "tại buổi làm việc",
    "về phía", "phía",
    # an emulation cluster, then the bodies in it ('Cụm thi đua Khối An ninh Công an tỉnh, Agribank …')
    r"(?:cụm|khối) thi đua(?: (?:khối|cụm) [^\W\d_]+(?: [^\W\d_]+)?)?",
    # ('Sau hợp nhất, tổ chức Hội có 149 hội cơ sở', 'Hiện nay tổ chức Đoàn có 64 chi đoàn': the body itself)
    "tổ chức", "hiện nay", "hiện tại", "hiện",
    # ('Đại hội đại biểu MTTQ xã … hiệp thương cử 47 ủy viên': the body whose congress it is)
    "đại hội đại biểu", "đại hội",
    r"[a-zđ]\)", r"\d+(?:\.\d+)*[.)]", r"[ivx]+[.)]", "[-+•*–]",
)


def _by_first_letter(alternatives: tuple[str, ...]) -> str:
    """An alternation of regexes, those that open with a letter grouped under it: at each place
    the regex engine tests one letter per group instead of every alternative. (Only asked whether
    a whole string matches: the order of the alternatives does not change that.)"""
    groups: dict[str, list[str]] = {}
    rest = []
    for a in alternatives:
        if a[0].isalpha() and a[1:2] not in ("?", "*", "+", "{"):
            groups.setdefault(a[0], []).append(a[1:])
        else:
            rest.append(a)
    return "|".join([c + "(?:" + "|".join(tails) + ")" for c, tails in groups.items()] + rest)


_INTRO_RE = re.compile(r"^(?:(?:" + _by_first_letter(_INTRO_WORDS) + r")[\s,:]*)*$")
# 'Xếp sau Hội Nông dân về dư nợ là Hội LHPN với 498 tỷ đồng': the body after 'xếp sau' is the one
# ranked above, the subject is the body after 'là'.
_RANKED_AFTER = r"(?:[\-+•*–]\s*)?(?:xếp|đứng)(?: (?:ở )?(?:vị trí |hạng )?thứ " + _RANK_ORDINAL + ")? (?:ngay )?sau"
_RANKED_AFTER_RE = re.compile(_RANKED_AFTER)  # ('Đứng thứ hai sau Hội LHPN về dư nợ là Hội CCB …')
_RANKED_SUBJECT_RE = re.compile(_RANKED_AFTER + r" [^,;:]{1,120}? là")
# An official's title opening the sentence, then the body and the person's name ('Phó Bí thư Thành
# Đoàn Nguyễn Tư Thiện trao 20 phần quà cho công nhân của Công ty …'): the official acts for the body.
_OFFICIAL_FIRST = frozenset("-+•*–đpbctg")  # (the first letters it may open with: asked first)
_OFFICIAL_OPENING_RE = re.compile(r"(?:[\-+•*–]\s*)?(?:đồng chí )?(?:phó )?(?:bí thư|chủ tịch|trưởng ban|giám đốc)(?: thường trực)?")
# Matched at a sentence's start (pattern.match(key, start, end)).
_INTRO_PREP_RE = re.compile(r"[\s\-+•*–]*(với|trong|qua|từ|sau|nhân|dịp|tính đến|bằng|thông qua|có|gần|hơn|trên|khoảng)(?![^\W\d_])")
_OWNER_BEFORE_RE = re.compile(  # (first letters first: scanned for in C, see WORD_START)
    # ('được X trao …': the agent of a passive gives, as 'do X trao' does)
    prefix_alternation(("của", "qua", "do", "thuộc", "theo báo cáo của", "được"), WORD_START) + r" *$")
# The approval or direction of a body ('chủ trương của Tỉnh ủy', 'sự chỉ đạo của UBND tỉnh'): that
# body is not the owner of what the sentence's subject then does.
# The call of a body ('Hưởng ứng lời kêu gọi của Ủy ban MTTQ tỉnh, các doanh nghiệp ủng hộ …') too: who
# answers it gives.
_BORROWED_BEFORE_RE = re.compile(r"vay(?![^\W\d_])[^,;:.\n]*$")  # (a loan taken, earlier in the clause)
_LEAVE_OF_RE = re.compile(by_first_letter(r"(?<![^\W\d_])(?:chủ trương|sự chỉ đạo|chỉ đạo|sự lãnh đạo|ý kiến chỉ đạo|sự đồng ý|phê duyệt|"
                          r"lời kêu gọi|kêu gọi|lời phát động|"
                          # (a body's proposal, opinion or request: 'theo đề nghị của Ủy ban MTTQ xã', 'như ý kiến của bà
                          # …', 'theo yêu cầu của UBND xã': who asked owns nothing of what the text's body then does)
                          r"ý kiến|đề nghị|kiến nghị|đề xuất|yêu cầu|"
                          # ('theo số liệu của UBND xã, toàn xã còn 318 hộ cận nghèo': the source cited owns nothing)
                          r"số liệu|thống kê|kết quả rà soát|"
                          # A body's act or document ('góp ý dự thảo quyết định của UBND huyện', 'quán triệt Chỉ thị
                          # của Ban Bí thư', 'phản biện dự thảo nghị quyết của HĐND tỉnh'): the body owns the
                          # document the clause's verb acts on, not what the clause's own subject does.
                          r"dự thảo|(?:nghị quyết|quyết định|chỉ thị|kết luận|nghị định|thông tư|luật|công văn|văn bản|"
                          r"quy định|tờ trình)(?: (?:số )?\d[\w/.\-]*)?) *$"))
_PLACE_SUBJECT_RE = re.compile(r"(?:^|[,:;] |\n)[\s\-+•*–]*(?:toàn |cả )?(?:" + ADMIN_LEVELS + r")"
                               r" (?:đã|còn|cũng|tiếp tục|đang|vừa)(?![^\W\d_])"
                               # ('Từ nguồn Quỹ, xã khởi công 3 căn nhà': the place's own verb of building or giving)
                               r"|(?:[,;] |\n)[\s\-+•*–]*(?:" + ADMIN_LEVELS + r") (?:khởi công|bàn giao|xây mới|xây dựng|làm mới|"
                               r"sửa chữa|hỗ trợ|trao|tặng)(?![^\W\d_])"
                               # ('…; toàn xã vận động Quỹ "Vì người nghèo" được …': the whole place raised it)
                               r"|(?<![^\W\d_])(?:toàn|cả) (?:" + ADMIN_LEVELS + r")"
                               r" (?:vận động|quyên góp|huy động|tiếp nhận)(?![^\W\d_])")
# … and the same place, or the body's congress or conference, opening the sentence ('Huyện đã xây mới 30 nhà',
# 'Đại hội bầu 41 ủy viên', 'Hội nghị hiệp thương cử 35 ủy viên'): '^' above is the text's start only, since
# the search starts inside the text.
_LEADER_OPENS_RE = re.compile(r"[\s\-+•*–]*(?:(?:toàn |cả )?(?:" + ADMIN_LEVELS + r")"
                              r" (?:đã|còn|cũng|tiếp tục|đang|vừa)|(?:đại hội|hội nghị)(?! (?:đảng|toàn quốc|thể dục|thể thao))"
                              # (its standing board, bare: 'Thường trực Ủy ban đã tiếp 9 lượt công dân')
                              r"|(?:ban )?thường trực(?: ủy ban)?)"
                              r"(?![^\W\d_])")
# (not the Youth Union's committee of a level, named by it: 'Ở Tỉnh đoàn, …', 'Tại Huyện đoàn, …' name a body)
_LOCAL_ASIDE_RE = re.compile(r"[\s\-+•*–]*(?:ở|tại) (?:" + ADMIN_LEVELS + r"|thôn|bản|ấp)(?![^\W\d_])(?! đoàn(?![^\W\d_]))")
# A topic phrase that opens a sentence and names one of the six ('Ở Hội Nông dân huyện, …', 'Tại Hội LHPN xã,
# …', 'Về công tác Đoàn, …', 'Về phong trào phụ nữ, …'): the body it names owns the sentence, as after 'Về
# phía …' or 'Đối với …' (not a place where the work was done: the name closes the phrase, with its place).
_TOPIC_OPENING_RE = re.compile(r"(?:[\-+•*–]\s*)?(?:ở|tại|về(?: (?:công tác|phong trào|hoạt động(?: của)?))?)")
_TOPIC_CLOSE_RE = re.compile(_PLACE + ",")
# A paragraph that opens with a label of its own ('Tiếp nhận ý kiến cử tri: …', 'Phương hướng tháng tới: …')
# or a topic ('Về công tác tuyên truyền, …'): an item of the report (see Attributor._label_ends).
_LABEL_OPEN_RE = re.compile(r"[ \t]*[^\W\d_][^,.;:()\"“\n]{1,60}:(?:[ \t]|$)|[ \t]*về(?: [^\W\d_]+){1,6}, ")
# A period's number in a heading ('tháng 11', 'quý III/2025', 'năm 2026', '6 tháng đầu năm'): no count.
_PERIOD_NUMBER_RE = re.compile(r"(?:\d+ tháng|(?:tháng|quý|năm|tuần|khóa|nhiệm kỳ|giai đoạn|đợt|lần thứ|ngày) [\divx]+)"
                               r"(?:[/.\-–]\d+)*(?: - \d+)?")
# Another body's verb of giving right after its name ('Công ty May Tiến Thành tặng …', 'Bộ Chỉ huy Quân sự tỉnh
# trao tặng …'), and what says more of the gift at the next sentence's start ('Mỗi suất trị giá …').
_DONOR_GIVES_RE = re.compile(r"[^,;:.\d\n]{0,60}? (?:(?:cũng|đã|còn|vừa|tiếp tục|trực tiếp) )*(?:trao tặng|tặng|trao|"
                             r"ủng hộ|hỗ trợ|gửi tặng|tài trợ|góp|đóng góp)(?P<more> thêm)?(?![^\W\d_])")
_GIFT_VALUE_OPENS_RE = re.compile(r"[\s\-+•*–]*(?:mỗi|tổng trị giá|trị giá|tổng giá trị|giá trị|tổng số tiền|số quà|"
                                  r"các suất|mỗi suất|phần quà|suất quà)(?![^\W\d_])")
# A body named right after a verb of working with another ('Tỉnh đoàn phối hợp với Hội tổ chức …').
_WITH_BEFORE_RE = re.compile(by_first_letter(r"(?<![^\W\d_])(?:phối hợp(?: với)?|cùng(?: với)?|với) $"))
# A verb of raising with those it calls on, then a comma ('vận động hội viên, doanh nghiệp …', 'kêu gọi
# các nhà hảo tâm, …'): the body after the comma is one more of them.
_CALLED_ON_BEFORE_RE = re.compile(by_first_letter(r"(?<![^\W\d_])(?:vận động|kêu gọi|huy động|động viên)(?: [^\W\d_]+){1,4}"
                                  r"(?:, [^\W\d_]+(?: [^\W\d_]+){0,3})*, $"))
_PARTNER_BEFORE_RE = re.compile(r"phối hợp (?:với )?$")
# An item of an enumeration ends before 'và' ('… Huyện đoàn 2 cuộc và'), and the next body is followed
# by its own figure ('Liên đoàn Lao động huyện 1 cuộc').
_ITEM_BEFORE_AND_RE = re.compile(r"\d(?: [^\W\d_]+){1,3} và$")
_FIGURE_AFTER_NAME_RE = re.compile(_PLACE + r" (?:với )?(?:(?:hơn|trên|gần|khoảng) )?\d")
# An item that opens with the partner it works with ('- Phối hợp Ủy ban MTTQ tỉnh trao …').
_PARTNER_OPENS_RE = re.compile(r"[\s\-+•*–]*phối hợp(?![^\W\d_])")
_RESET_WORDS = ("nhân dân", "người dân", "cấp ủy", "các cấp ủy", "chính quyền", "đồng chí", "ông", "bà", "anh", "chị")
_RESET_SUBJECT_RE = re.compile(r"[\s\-+•*–]*(" + "|".join(_RESET_WORDS) + r")(?![^\W\d_])")
# A line that opens with an assessment label ('Hạn chế: …', 'Tồn tại: …', 'Khó khăn, hạn chế: …') sums
# up the report's own work: the body of the line before does not carry into it.
_ASSESSMENT_WORDS = r"(?:hạn chế|tồn tại|khó khăn|bất cập|vướng mắc)"
_ASSESSMENT_LABEL_RE = re.compile(
    rf"[\s\-+•*–]*(?:\d{{1,2}}[.)] )?(?:những |một số )?{_ASSESSMENT_WORDS}(?:,? (?:và )?{_ASSESSMENT_WORDS})*:"
)
# A sentence about one person ('Ông Nông Văn Thắng … nuôi 120 con lợn', 'Anh Võ Văn Tư cho biết …')
# or the people at large ('Nhân dân đóng góp 4,6 tỷ đồng'): no organization's figure.
# … also after where it happens and as a household ('Ở xóm Trung Thành, gia đình bà Trần Thị Thảo vay …').
# (where: a place of the area, not an event: 'Tại Ngày hội, ông …, thay mặt Ủy ban MTTQ tỉnh trao …' acts for the body)
_STORY_OPENING = (r"(?:(?:ở|tại) (?:xã|phường|thị trấn|thôn|bản|ấp|xóm|khóm|làng|buôn|tổ|khu phố|huyện)(?![^\W\d_])"
                  r"[^.;:\n]{1,80}?, )?(?:gia đình )?")
_PERSON_SUBJECT_RE = re.compile(r"[\s\-+•*–]*" + _STORY_OPENING + r"(?:ông|bà(?! rịa)|anh|chị|cụ|em)(?= [^\W\d_])")  # (Bà Rịa, a province)
_PEOPLE_SUBJECT_RE = re.compile(r"[\s\-+•*–]*(?:nhân dân|người dân)(?: (?:trong|ở|tại|của|toàn|các)(?: [^\W\d_]+){1,3})?"
                                r"(?= (?:đã |đóng góp|góp|hiến|ủng hộ))")
# The state budget as the subject ('Ngân sách tỉnh hỗ trợ mỗi căn 60 triệu đồng', 'Ngân sách nhà nước cấp
# cho mỗi tổ hòa giải 2 triệu đồng'): the state's money, another body's, not the text's body's.
_BUDGET_SUBJECT_RE = re.compile(r"[\s\-+•*–]*(?:nguồn )?ngân sách(?: (?:nhà nước|trung ương|" + ADMIN_LEVELS + r"|"
                                r"địa phương|các cấp))*(?= (?:đã |cũng |còn )?(?:hỗ trợ|cấp|chi|bố trí|đầu tư|phân bổ)(?![^\W\d_]))")
# Households as the subject ('Nhiều hộ trồng cam có thu nhập trên 1 tỷ đồng') and the area's
# production ('Toàn huyện có 8.400 ha cam'): no organization's figure.
# A statistic cited from its source ('theo số liệu của Công an huyện, khoảng 2.600 thanh niên …'): the
# figures no body in the sentence claims are the area's (convention 5), not the body carried before.
_CITED_OPEN_RE = re.compile(r"[\s\-+•*–]*theo (?:số liệu|thống kê)(?: [^,;:\n]{1,60})?, ")
_HOUSEHOLDS_SUBJECT_RE = re.compile(r"[\s\-+•*–]*(?:nhiều|các|một số) (?:hộ|gia đình)(?![^\W\d_])")
# The words the two openings above start with (asked in C first: see _opening_at).
_CITED_WORD, _HOUSEHOLDS_WORDS = "theo ", ("nhiều ", "các ", "một số ")
# The area's own statistics ('Hiện huyện còn 1.208 hộ nghèo, chiếm 38,2%', 'số hộ nghèo toàn tỉnh còn
# 24.512 hộ', 'Xã … mới có 36 thôn, bản'): no organization's figure.
_AREA_LEVELS = ADMIN_LEVELS + "|quận|" + alternation(RESIDENTIAL_USUAL)
# … but not the members' poor households, said as a share of the members' ('toàn tỉnh còn 52 hộ nghèo, chiếm 0,21% số
# hộ hội viên'): the body's result (asked after 'số hộ ' is found after the statistic)
MEMBERS_BASE_RE = re.compile(by_first_letter(r"(?<![^\W\d_])số hộ (?:hội viên|đoàn viên|cựu chiến binh|ccb)(?![^\W\d_])"))
# The Front and its organizations as one subject also past the Front's committee of a residential area
# and a body outside the six between them ('Ban Công tác Mặt trận làng cùng Ban Nhân dân làng và các đoàn
# thể vận động …', 'Ban Công tác Mặt trận thôn cùng các đoàn thể …'): the six jointly, the outside body
# left out (CONVENTIONS.md 22, 1, 8). Asked only between the Front and a group of its organizations.
_FRONT_AND_GROUP_GAP_RE = re.compile(r"(?: (?:" + _AREA_LEVELS + r")(?: (?!cùng |và )[^\s\d,;.:()][^\s,;.:()]*){0,3})?"
                                     r" (?:cùng(?: với)?(?: [^\d,;.:()\n]{1,40}? và)?|và)(?: cả)? ")
_AREA_STAT_RE = re.compile(
    r"(?:(?:toàn |cả )?(?:" + ADMIN_LEVELS + r")(?: vẫn)? còn [\d.,]+ hộ nghèo|"
    # (the area that lowers its poor households, as its subject: 'năm 2022 toàn tỉnh giảm 2.860 hộ nghèo', 'năm tới,
    # huyện phấn đấu giảm thêm 300 hộ nghèo'; not a body's name ending in its level, 'Hội Nông dân xã giảm 12 hộ nghèo')
    r"(?:toàn |cả |(?:(?<=[,;:] )|(?<=\. )|(?<=\n))(?:(?:năm (?:nay|qua|tới|\d{4})|trong năm(?: \d{4})?|(?:6|sáu) tháng"
    r"(?: đầu năm| cuối năm)?),? )?)(?:" + ADMIN_LEVELS + r")(?: (?:đã|cũng|tiếp tục|phấn đấu|dự kiến|sẽ))*"
    r" giảm(?: được)?(?: thêm)? [\d.,]+ hộ (?:cận )?nghèo|"
    # (… of a village too: 'số hộ nghèo của thôn giảm còn 32 hộ', 'tỷ lệ hộ cận nghèo của bản còn 4,6%')
    r"số hộ (?:cận )?nghèo (?:toàn |của |cả )?(?:" + _AREA_LEVELS + r")(?![^\W\d_])|"
    r"tỷ lệ hộ (?:cận )?nghèo (?:toàn |của |cả )?(?:" + _AREA_LEVELS + r")(?![^\W\d_])|"
    # (not the organization's own units: 'Toàn tỉnh có 92,1% cơ sở Đoàn được xếp loại vững mạnh')
    r"toàn (?:" + ADMIN_LEVELS + r") có [\d.,]+ ?% (?!cơ sở (?:hội|đoàn)|chi hội|chi đoàn|tổ hội|hội viên|đoàn viên)|"
    r"toàn (?:" + ADMIN_LEVELS + r") có [\d.,]+ (?:ha|héc-ta|tấn|tạ|km2|con)(?![^\W\d_])|"
    # (the size of a place, whoever cites it: 'Theo Ủy ban nhân dân xã …, xã có diện tích tự nhiên rộng nhất cả nước với
    # hơn 1.100 km2', 'Xã có diện tích tự nhiên 212 km2 với 9.800 nhân khẩu')
    r"(?<![^\W\d_])(?:" + _AREA_LEVELS + r")(?: [^\W\d_]+){0,4}? (?:hiện )?có (?:tổng )?diện tích(?: tự nhiên)?"
    r"[^.;:\d\n]{0,50}?[\d.,]+ ?(?:km2|km²|ha|héc-ta)(?![^\W\d_])|"
    # the Party's members in the area, whoever cites them ('Toàn huyện hiện có 9.860 đảng viên')
    r"toàn (?:" + ADMIN_LEVELS + r")(?: hiện)? có [\d.,]+ đảng viên(?![^\W\d_]))"
)


def _may_state_area(key: str, s: int, e: int) -> bool:
    """Whether the sentence s..e says the words every branch of _AREA_STAT_RE says: ' có ' with 'toàn ' or 'diện
    tích', or 'nghèo' and ' hộ ' with ' còn ', ' giảm ', 'số hộ ' or 'tỷ lệ hộ ' (found in C; the regex tries its
    branches at every position of the sentence, most of which open with no letter it could scan for)."""
    if key.find(" có ", s, e) >= 0 and (key.find("toàn ", s, e) >= 0 or key.find("diện tích", s, e) >= 0):
        return True
    return key.find("nghèo", s, e) >= 0 and key.find(" hộ ", s, e) >= 0 and (
        key.find(" còn ", s, e) >= 0 or key.find(" giảm ", s, e) >= 0 or key.find("số hộ ", s, e) >= 0
        or key.find("tỷ lệ hộ ", s, e) >= 0)


# A sentence that sums up after an enumeration of organizations ('Hội LHPN …; Hội Nông dân …; Hội
# CCB …; còn Đoàn Thanh niên …. So với đầu năm, dư nợ ủy thác tăng thêm 845 tỷ đồng') speaks of
# them all.
_SUMMARY_OPEN_RE = re.compile(r"[\s\-+•*–]*(?:so với|tổng cộng|tính chung|nhìn chung|như vậy|cộng chung|chung cả)(?![^\W\d_])")
# An event or a programme as the subject that opens a sentence naming no body ('Ngày hội hiến máu … tiếp
# nhận 1.180 đơn vị máu', 'Chương trình … thu hút 640 lượt người', 'Hội thi … có 24 đội tham gia'): the
# event is the text's own body's, which organized it, not the partners named together in the sentence
# before ('Đoàn Thanh niên và Hội LHPN xã cùng ra mắt …') nor a donor or a person carried from it.
_EVENT_SUBJECT_RE = re.compile(r"[\s\-+•*–]*(?:ngày hội|chương trình|hội thi|cuộc thi|hội diễn|hội trại|liên hoan|"
                               r"lễ|buổi lễ|lễ hội|đêm|chuyến|đợt|phiên|hội chợ|tuần lễ|giải (?:đấu|bóng|chạy|thể thao)|"
                               r"chiến dịch|cuộc vận động|hoạt động)(?![^\W\d_])")
# … and so is the house it built or handed over, as the subject after a donor's or a person's sentence
# ('Gia đình ông … ở trong căn nhà dột nát. Ngôi nhà mới rộng 80 m2, trị giá 80 triệu đồng', '… góp 640 ngày
# công. Mỗi ngôi nhà mới có diện tích 45 m2').
_HOUSE_SUBJECT_RE = re.compile(r"[\s\-+•*–]*(?:mỗi |các |những )?(?:ngôi|căn) nhà(?![^\W\d_])")
# … and one that states a figure of the whole after such an enumeration, a noun qualified by the whole
# area before its first number ('Tỷ lệ nợ quá hạn toàn tỉnh chỉ còn 0,18%', 'Tổng dư nợ chung của cả huyện
# đạt …'): the bodies listed hold it jointly (an area's own statistic stays nobody's: _AREA_STAT_RE).
_WHOLE_OF_LIST_RE = re.compile(r"[\s\-+•*–]*[^\W\d_]+(?: [^\W\d_]+){0,7}? (?:(?:của )?(?:toàn|cả) (?:" + ADMIN_LEVELS
                               + r")|chung(?: (?:của )?(?:toàn|cả) (?:" + ADMIN_LEVELS + r"))?)(?![^\W\d_])[^\d,;:\n]{0,30}?\d")
_MIXED_UNITS = {"hội, đoàn viên", "hội viên, đoàn viên", "đoàn viên, hội viên"}
# A numbered heading ('III. PHƯƠNG HƯỚNG QUÝ II', '2. Chăm lo Tết'): the subject of the paragraph
# before it does not carry into the section it opens.
# A figure, its noun (a quoted name at most) and 'do': the passive's agent that follows is the figure's.
_AGENT_AFTER_REACH = 48
_AGENT_AFTER_GAP_RE = re.compile(r"[\d.,]+(?: [^\W\d_]+| [\"“][^\"”\n]{1,30}[\"”]){0,4} (?:đều |được )?do ")
_ITEM_MARK_RE = re.compile(r"[ \t]*([ivxlc]+|\d+(?:\.\d+)*|[a-zđ])[.)][ \t]+")
# A dash item of a list ('- Quỹ "Vì người nghèo": …', '+ Tuần tới: …'), as a week's figures are sent.
_BULLET_MARK_RE = re.compile(r"[ \t]*([-+•–*])[ \t]+")


def _mark_kind(mark: str) -> str:
    """'III' and 'IV' are of one list, '2' and '3' of another, '2.1' and '2.2' of a third, 'a)' and
    'b)' of a fourth."""
    if mark[0] in "ivxlc" and (len(mark) > 1 or mark in "iv"):
        return "roman"  # ('c)', 'l)' are letters; 'i.' and 'v.' are taken for Roman numerals)
    return "letter" if mark.isalpha() else str(mark.count("."))


_NUMBERED_HEADING_RE = re.compile(r"[ \t]*(?:[ivxlc]+|\d+(?:\.\d+)*|[a-zđ])[.)][ \t]+[^\n]{1,110}$")
# The funds name their owner: 'Quỹ "Vì người nghèo"' is the MTTQ's, 'Quỹ Hỗ trợ nông dân' the
# Farmers' Union's; a later 'Quỹ' at the head of a clause is the fund last named ('Quỹ còn hỗ trợ
# 1.420 học sinh').
# The funds of other bodies, written in lower case too ('Quỹ khuyến học của thôn trao 9 suất học bổng',
# the Study Promotion Association's), are theirs.
_FUND_RE = re.compile(r"quỹ(?: [\"“']?(vì người nghèo|đền ơn đáp nghĩa|hỗ trợ nông dân|htnd|khuyến học|khuyến tài|"
                      r"bảo trợ trẻ em|phòng,? chống thiên tai)[\"”']?)?(?![^\W\d_])")
_FUND_ORG = {"vì người nghèo": "mttq", "đền ơn đáp nghĩa": "mttq", "hỗ trợ nông dân": "nongdan", "htnd": "nongdan",
             "khuyến học": "other", "khuyến tài": "other", "bảo trợ trẻ em": "other", "phòng chống thiên tai": "other",
             "phòng, chống thiên tai": "other"}


# An organizing committee of several organizations ('Ban tổ chức gồm Ủy ban MTTQ phường, Hội LHPN
# phường và Đoàn phường') is those organizations jointly, and so is 'Ban tổ chức' later on.
# ('Ban Tổ chức, gồm LĐLĐ tỉnh, Tỉnh đoàn và Hội LHPN tỉnh, dựng …': the apposition names it too.)
_COMMITTEE_RE = re.compile(r"ban tổ chức(?!,? (?:gồm|bao gồm|là)(?![^\W\d_]))(?![^\W\d_])")
_COMMITTEE_WORDS = "ban tổ chức"  # (what every naming of a committee says: looked for once per text)
_COMMITTEE_NAMED_RE = re.compile(_COMMITTEE_WORDS + r",? (?:gồm|bao gồm|là) $")


def _with_committees(key: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with each later 'Ban tổ chức' added as a reference to the committee named."""
    if "ban tổ chức" not in key:
        return mentions
    refs = [Mention(m.start(), m.end(), "", "committee") for m in _COMMITTEE_RE.finditer(key)]
    return sorted(mentions + refs, key=lambda m: m.start) if refs else mentions


# A body that is none of the six, named by what kind of body it is rather than by a name the table
# knows ('Một nhóm thiện nguyện ở thị trấn gửi tặng …', 'Các nhà chùa trong xã góp …', 'Hợp tác xã
# rau sạch … bao tiêu …', 'Nhà trường hỗ trợ thêm …'), as the subject of a verb of giving or doing:
# the giver is another body (not the text's body carried on). Groups and clubs are the
# organizations' own models unless they say they are a charity's or business people's.
_OTHER_HEADS = (r"(?:nhóm|câu lạc bộ|clb)(?= (?:thiện nguyện|từ thiện|nhân ái|nhân đạo|doanh nhân|doanh nghiệp|phật tử)"
                r"(?![^\W\d_]))|hợp tác xã|htx|nhà chùa|chùa|nhà thờ|giáo xứ|giáo họ|hội thánh|tịnh xá|thánh thất|"
                r"nhà trường|cửa hàng|siêu thị|hộ kinh doanh|cơ sở sản xuất|cơ sở kinh doanh|tiểu thương|thương lái|"
                r"đơn vị tài trợ|tổ chức từ thiện|quỹ từ thiện|hiệp hội|doanh nhân|chủ doanh nghiệp|đoàn từ thiện|"
                r"đoàn thiện nguyện")
_GIVING_VERBS = (r"tặng|trao|trao tặng|gửi|gửi tặng|ủng hộ|hỗ trợ|tài trợ|góp|đóng góp|quyên góp|hiến|bao tiêu|"
                 r"thu mua|xây|xây dựng|sửa chữa|cấp|cho vay|nhận đỡ đầu|đỡ đầu|khám|phát|mua|chi")
_OTHER_SUBJECT_RE = re.compile(
    r"[\s\-+•*–]*(?:[^,;:.\d\n]{1,40}, )?(?:(?:một|các|nhiều|những|một số|\d+) )?"
    r"(?P<head>" + _OTHER_HEADS + r")(?![^\W\d_])(?P<rest>[^,;:.()\d\n]{0,60}?) "
    r"(?:(?:cũng|đã|còn|tiếp tục|đều|thường xuyên|đều đặn|vừa|mỗi tháng|hằng tháng|hàng tháng|thêm) )*"
    r"(?P<verb>" + _GIVING_VERBS + r")(?![^\W\d_])")
# The policy bank's credit as the subject ('Trong năm, vốn chính sách đã đến với 4.200 lượt hộ nghèo', 'nguồn vốn
# tín dụng chính sách giúp 900 hộ thoát nghèo'): the bank's lending, another body's, not the association the text
# carried on with (the credit entrusted through a body names it: 'Vốn chính sách ủy thác qua Hội …').
_CREDIT_WORDS = "chính sách"  # (what every match says: looked for first)
_CREDIT_SUBJECT_RE = re.compile(
    r"[\s\-+•*–]*(?:[^,;:.\d\n]{1,40}, )?(?P<head>(?:nguồn )?vốn (?:tín dụng |vay )?chính sách|tín dụng chính sách)"
    r"(?P<rest>[^,;:.()\d\n]{0,60}?) (?:(?:cũng|đã|còn|tiếp tục|đều) )*"
    r"(?P<verb>đến với|đến tay|giúp|giúp cho|cho vay|hỗ trợ|tạo|giải ngân|góp phần)(?![^\W\d_])")
# … and as the agent of a passive ('20 tấn gạo do Chùa Phước Hưng trao tặng'), where 'do' names who gave.
_OTHER_AGENT_RE = re.compile(r"d" + LETTER_START + r"o (?P<head>(?:(?:một|các|những) )?(?:" + _OTHER_HEADS + r"))(?![^\W\d_])"
                             r"(?P<rest>[^,;:.()\d\n]{0,60}?) (?:(?:cũng|đã|trực tiếp) )*(?P<verb>" + _GIVING_VERBS + r")(?![^\W\d_])")
# (what the organizations' people and members are called: a body so named is theirs)
_OURS_IN_NAME_RE = re.compile(by_first_letter(r"(?<![^\W\d_])(?:hội viên|đoàn viên|hội|đoàn|phụ nữ|nông dân|thanh niên|cựu chiến binh|ccb|"
                              r"công đoàn|mặt trận)(?![^\W\d_])"))


# The first words of the bodies above, as _OTHER_SUBJECT_RE's subject may open (with its count: 'các', 'một số', …).
_OTHER_FIRST = frozenset(("một", "các", "nhiều", "những", "nhóm", "câu", "clb", "hợp", "htx", "nhà", "chùa", "giáo", "hội",
                          "tịnh", "thánh", "cửa", "siêu", "hộ", "cơ", "tiểu", "thương", "đơn", "tổ", "quỹ", "hiệp", "doanh",
                          "chủ", "đoàn"))


def _subject_words(key: str, s: int, e: int) -> tuple[str | None, ...] | None:
    """The words a subject may open with in the sentence s..e where a regex reads its opening as '[\\s\\-+•*–]*(?:
    [^,;:.\\d\\n]{1,40}, )?' (_OTHER_SUBJECT_RE, _CAMPAIGN_SUBJECT_RE): the first word (see _first_word), and the
    one after the sentence's first ', ' within 40 characters of it (a phrase set off before the subject). None where
    _opening_at gives None; '' for a word with a character that is no letter (a digit, a quote): the regexes decide."""
    at = _opening_at(key, s)
    if at is None:
        return None
    c = key.find(", ", at, min(e, at + 42))  # (ending at most 40 characters past the opening's bullet or space)
    return (_first_word(key, at, e), _first_word(key, c + 2, e)) if c >= 0 else (_first_word(key, at, e),)


def _may_open_any(words: tuple[str | None, ...] | None, first: frozenset[str]) -> bool:
    """Whether a subject that opens with one of ``words`` (see _subject_words) may open with one of ``first``."""
    return words is None or any(w is None or w == "" or w in first for w in words)


def _with_other_subjects(text: str, key: str, sentences: list[tuple[int, int]], mentions: list[Mention],
                         subject_words: list[tuple[str | None, ...] | None]) -> list[Mention]:
    """The mentions with a body of another kind added where it opens a sentence as the subject of a
    verb of giving or doing (see _OTHER_SUBJECT_RE), unless a mention is already there (``subject_words``:
    each sentence's, see _subject_words)."""
    added: list[Mention] = []
    starts = [m.start for m in mentions]
    for (s, e), words in zip(sentences, subject_words):
        m = _OTHER_SUBJECT_RE.match(key, s, e) if _may_open_any(words, _OTHER_FIRST) else None
        if m is None and key.find(_CREDIT_WORDS, s, e) >= 0:
            m = _CREDIT_SUBJECT_RE.match(key, s, e)
        if m is None or text[m.start("verb")].isupper() or _OURS_IN_NAME_RE.search(key, m.start("head"), m.end("rest")):
            # (a capitalized 'verb' is a word of the body's own name: 'Hợp tác xã Tân Phát')
            continue
        i = bisect.bisect_left(starts, s)
        if i < len(mentions) and mentions[i].start < m.end("rest"):
            continue  # (a body the table knows is named there: it decides)
        added.append(Mention(m.start("head"), m.end("head"), "other", "name"))
    if " do " in key:
        for m in _OTHER_AGENT_RE.finditer(key):
            i = bisect.bisect_left(starts, m.start("head"))
            if text[m.start("verb")].isupper() or _OURS_IN_NAME_RE.search(key, m.start("head"), m.end("rest")) or (
                    i < len(mentions) and mentions[i].start < m.end("rest")):
                continue
            added.append(Mention(m.start("head"), m.end("head"), "other", "name"))
    return sorted(mentions + added, key=lambda x: x.start) if added else mentions


# Each organization's own campaigns and programmes, named as the subject that opens a sentence
# ('Chiến dịch Mùa hè xanh có 18 đội hình …', 'Chương trình "Mái ấm Công đoàn" năm nay xây mới 6 nhà',
# 'Phong trào "5 không, 3 sạch" có 420 hộ đạt …', 'Ngày hội Đại đoàn kết …'): the figures are the
# organization whose campaign it is, as a fund's are its body's (_FUND_ORG), whatever body the text
# named before. (As the object of another body's verb a campaign names no owner: 'Hội LHPN hưởng ứng
# Tháng Thanh niên, trao …'.)
_CAMPAIGNS = (
    ("mttq", r"ngày hội đại đoàn kết(?: toàn dân tộc)?|(?:ngày|tháng cao điểm) vì người nghèo|"
             r"toàn dân đoàn kết xây dựng (?:đời sống văn hóa|nông thôn mới)|người việt nam ưu tiên dùng hàng việt nam"),
    ("congdoan", r"mái ấm công đoàn|tết sum vầy|bữa cơm công đoàn|tháng công nhân|chuyến xe công đoàn|"
                 r"chợ tết công đoàn|phiên chợ công đoàn"),
    ("phunu", r"5 không,? 3 sạch|năm không,? ba sạch|mẹ đỡ đầu|phụ nữ khởi nghiệp|mái ấm tình thương|"
              r"tiết kiệm vì phụ nữ nghèo"),
    ("doan", r"mùa hè xanh|tiếp sức mùa thi|tháng thanh niên|thanh niên tình nguyện hè|hoa phượng đỏ|xuân tình nguyện|"
             r"kỳ nghỉ hồng|thắp sáng đường quê|ngày chủ nhật xanh|hành quân xanh|gia sư áo xanh|"
             r"tình nguyện hè"),
    ("nongdan", r"nông dân (?:thi đua )?sản xuất,? kinh doanh giỏi"),
    ("ccb", r"nghĩa tình đồng đội|cựu chiến binh giúp nhau giảm nghèo,? làm kinh tế giỏi|cựu chiến binh gương mẫu"),
)
_CAMPAIGN_ORG = {f"c{i}": org for i, (org, _) in enumerate(_CAMPAIGNS)}
_CAMPAIGN_SUBJECT_RE = re.compile(
    r"[\s\-+•*–]*(?:[^,;:.\d\n]{1,40}, )?(?P<name>(?:(?:chương trình|chiến dịch|phong trào|cuộc vận động|hoạt động|đợt)"
    r"(?: [^\W\d_\"“']+){0,2}? )?[\"“']?(?:" + "|".join(f"(?P<c{i}>{words})" for i, (_, words) in enumerate(_CAMPAIGNS))
    + r")[\"”']?)(?![^\W\d_])")


# The first words of the campaigns' names and of the words before them ('chương trình', …), as the subject may open.
_CAMPAIGN_FIRST = frozenset(("chương", "chiến", "phong", "cuộc", "hoạt", "đợt", "ngày", "tháng", "toàn", "người", "mái",
                             "tết", "bữa", "chuyến", "chợ", "phiên", "năm", "mẹ", "phụ", "tiết", "mùa", "tiếp", "thanh", "hoa",
                             "xuân", "kỳ", "thắp", "hành", "gia", "tình", "nông", "nghĩa", "cựu"))


def _with_campaign_subjects(key: str, sentences: list[tuple[int, int]], mentions: list[Mention],
                            subject_words: list[tuple[str | None, ...] | None]) -> list[Mention]:
    """The mentions with each campaign that opens a sentence (see _CAMPAIGNS) added as its organization's
    name; the words of an organization inside the campaign's name ('Mái ấm Công đoàn') give way to it
    (``subject_words``: each sentence's, see _subject_words)."""
    found: list[Mention] = []
    for (s, e), words in zip(sentences, subject_words):
        if not _may_open_any(words, _CAMPAIGN_FIRST):
            continue
        m = _CAMPAIGN_SUBJECT_RE.match(key, s, e)
        if m is None:
            continue
        org = next(_CAMPAIGN_ORG[g] for g, v in m.groupdict().items() if v and g in _CAMPAIGN_ORG)
        found.append(Mention(m.start("name"), m.end("name"), org, "name"))
    return _put_in(mentions, found)


_SPEAKER_HONORIFICS = ("đồng chí", "đ/c", " ông ", " bà ", "\nông ", "\nbà ")


def _with_speakers(text: str, mentions: list[Mention], names: list[Mention]) -> list[Mention]:
    """The mentions with each person named again after the position was given ('Đồng chí Đinh Văn Khải
    báo cáo: các cấp Hội …' after 'Đinh Văn Khải, Chủ tịch Hội Nông dân huyện' in the list of who attended)
    added as the name of the body of that person's office (meetings.people.speaker_spans: the meeting
    parser's people, the one resolver of organization names)."""
    found = [Mention(s, e, org, "name") for s, e, org in speaker_spans(text, names)]
    return _put_in(mentions, found)


def _put_in(mentions: list[Mention], found: list[Mention]) -> list[Mention]:
    """The mentions with those ``found`` in the place of the ones they overlap, in order of start."""
    if not found:
        return mentions
    kept = [x for x in mentions if not any(f.start <= x.start < f.end or x.start <= f.start < x.end for f in found)]
    return sorted(kept + found, key=lambda x: x.start)


# The verb of a purpose clause's body, after the rest of its name ('để Hội LHPN tỉnh xây tặng …').
_PURPOSE_VERB_RE = re.compile(r"(?: (?:" + ADMIN_LEVELS + r"|cơ sở|các cấp))? (?:xây|xây dựng|làm|sửa chữa|"
                              r"trao|tặng|hỗ trợ|tổ chức|mua|thực hiện|triển khai)(?![^\W\d_])")
_AGENT_BEFORE_RE = re.compile(by_first_letter(r"(?<![^\W\d_])do $"))
# The verb of giving after the agent of a passive ('… được Công ty Điện lực tỉnh trao tặng …', '… được Quỹ
# "Vì người nghèo" huyện hỗ trợ …'): the rest of the agent's name, no clause mark, then the verb, not of an award.
_PASSIVE_GIVER_VERB_RE = re.compile(r"[^,;:.()\d\n]{0,50}? (?:(?:cũng|đã|trực tiếp|tiếp tục|đến) )*(?:trao tặng|trao|tặng|"
                                    r"gửi tặng|gửi|ủng hộ|hỗ trợ|tài trợ|đóng góp|góp|hiến|cấp|xây dựng|xây|sửa chữa|"
                                    r"bàn giao)(?![^\W\d_])"
                                    # (an award a body receives is its own result: 'được Trung ương Hội tặng 1 cờ thi đua')
                                    r"(?! [^,;:.\n]{0,12}?(?:cờ|bằng khen|giấy khen|huân chương|huy chương|kỷ niệm chương|"
                                    r"danh hiệu)(?![^\W\d_]))")
_VERB_AFTER_RE = re.compile(r" (?:[^\W\d_]+ ){0,2}?(?:sửa chữa|làm|xây dựng|xây|thực hiện|đảm nhận|đảm nhiệm|trồng|"
                            r"quản lý|làm chủ|nuôi|góp|đóng góp|vận động|tặng|trao|hỗ trợ)(?![^\W\d_])")
# A body named as the place of the work ('tại Công ty …', 'ở Trường …'), and the gap to the next body
# of the same list (the rest of a name, no number, no clause of its own).
_PLACE_BEFORE_RE = re.compile(r"(?:t(?<![^\W\d_].)ại|ở(?<![^\W\d_].)) $")  # (the word start after its letter: see WORD_START)
_PLACE_LIST_GAP_RE = re.compile(r"[^\d;:()\n]{0,70}?(?:, | và |, và )")
# 'Ở Hội Phụ nữ, các cấp Hội kết nạp …', 'Ở Tỉnh đoàn: …': the body opening its sentence after 'ở', set off by a
# mark, is the topic of what follows, not a place where the work was done (so is the body with its own
# 'các cấp Hội' after the mark, one chain of mentions).
_TOPIC_END_RE = re.compile(r" ?[,:]")


# Where a body's name ends: a mark, or a space before a word that goes on about the body ('của', 'do', 'trao' …).
# In plain form '[,;:.()]| (?:của|…|cấp)(?![^\W\d_])'; written with the space in the marks' set ('[,;:.() ]',
# then '(?<! )': a mark ends the name at once, a space only before one of the words), as a pattern that opens
# with a set is scanned for in C where two branches are tried at every position (test_scan_prefixes.py
# holds it to the plain form).
_NAME_END_RE = re.compile(r"[,;:.() ](?:(?<! )|(?:của|thuộc|do|đã|đang|vừa|hỗ trợ|trao|tặng|chi|cấp)(?![^\W\d_]))")


def _named_after(key: str, mentions: list[Mention], at: int) -> Mention | None:
    """One of the six organizations named inside the name that starts at ``at`` (up to the verb or
    the punctuation that ends it)."""
    end = _NAME_END_RE.search(key, at, at + 50)
    stop = end.start() if end else at + 50
    i = bisect.bisect_left([x.start for x in mentions], at)
    for x in mentions[i:]:
        if x.start >= stop:
            break
        if x.kind == "name" and x.org in ORG_CODES:
            return x
    return None


# The people of each organization, as a fund's name speaks of them ('Quỹ Hỗ trợ phụ nữ phát triển').
_PEOPLE_OF = (("công đoàn", "congdoan"), ("phụ nữ", "phunu"), ("cựu chiến binh", "ccb"), ("đồng đội", "ccb"),
              ("thanh niên", "doan"), ("nông dân", "nongdan"))


def _people_named_after(key: str, at: int) -> str | None:
    """The organization whose people the name that starts at ``at`` speaks of (bounded as in _named_after,
    but a first word 'Hỗ trợ' opens the name: 'Quỹ Hỗ trợ phụ nữ …')."""
    end = _NAME_END_RE.search(key, at + 1, at + 50)
    name = key[at:end.start() if end else at + 50]
    return next((org for words, org in _PEOPLE_OF if words in name), None)


# A body that runs the fund named right after its verb ('Liên đoàn Lao động tỉnh duy trì Quỹ Trợ vốn cho
# công nhân'): the fund is that body's.
_RUNS_RE = re.compile(r" (?:[^\W\d_]+ ){0,3}?(?:duy trì|thành lập|quản lý|ra mắt|củng cố|điều hành|phát triển) $")


def _runner_before(key: str, mentions: list[Mention], at: int) -> str | None:
    """The organization of the six whose verb of running opens the clause right before the fund at ``at``."""
    i = bisect.bisect_left([x.start for x in mentions], at) - 1
    if i < 0:
        return None
    x = mentions[i]
    return x.org if (x.kind == "name" and x.org in ORG_CODES and at - x.end < 50
                     and _RUNS_RE.fullmatch(key, x.end, at) is not None) else None


# A sentence's end, in plain form '[.!?](?:\s|$)|\n', written with the line break in the marks' set ('(?<=\n)':
# a line break ends it at once, a mark only before a space or the end), to be scanned for in C as _NAME_END_RE.
_SENTENCE_END_RE = re.compile(r"[.!?\n](?:(?<=\n)|\s|$)")


def _with_funds(text: str, key: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with the funds' names added (an organization's words inside a fund's name,
    'nông dân' in 'Quỹ Hỗ trợ nông dân', give way to the fund). A fund of another name ('Quỹ
    Thiện Tâm thuộc Tập đoàn …') is another body's, not the fund last named."""
    funds: list[Mention] = []
    last: str | None = None
    last_end = 0  # (where the fund that named ``last`` ends)
    at = key.find("quỹ")
    while at >= 0:
        m = _FUND_RE.match(key, at) if at == 0 or not key[at - 1].isalnum() else None
        at = key.find("quỹ", at + 3)
        if m is None:
            continue
        if m.group(1):
            org: str | None = _FUND_ORG[m.group(1)]
        elif text[m.end():m.end() + 1] == " " and text[m.end() + 1:m.end() + 2].isupper():
            named = _named_after(key, mentions, m.end())
            if named is None and any(x.start == m.end() + 1 and x.kind == "backref" for x in mentions):
                # 'Quỹ Hội đạt 312 triệu đồng', 'Quỹ Hội các cấp …': the association's own fund, the
                # association 'Hội' speaks of; no other body's.
                continue
            if named is None:
                owner = _people_named_after(key, m.end()) or _runner_before(key, mentions, m.start())
                # ('Quỹ Hỗ trợ phụ nữ phát triển', 'Quỹ Nghĩa tình đồng đội': the fund of the body
                # whose people its name speaks of)
                funds.append(Mention(m.start(), m.end(), owner or "other", "name"))
                if owner is not None:
                    last, last_end = owner, m.end()
                continue
            # 'Quỹ Xã hội công đoàn tỉnh', 'Quỹ Nhà ở "Mái ấm Công đoàn"': the fund of the body its
            # name names.
            last, last_end = named.org, named.end
            funds.append(Mention(m.start(), named.end, named.org, "name"))
            continue
        else:
            org = last
            if org is not None and any(x.kind == "name" and x.org in ORG_CODES and x.org != org and last_end <= x.start < m.start()
                                       and _SENTENCE_END_RE.search(key, x.end, m.start()) is None for x in mentions):
                # '- Hội Nông dân xã: … Quỹ Hỗ trợ nông dân đạt 1,1 tỷ đồng.\n- Hội Cựu chiến binh xã: …; quỹ
                # hội đạt 845 triệu đồng': another body, named in the bare fund's own sentence since the fund
                # was named, speaks of its own fund ('… Hội LHPN tổ chức 3 hội nghị. Quỹ đã giải ngân …' is
                # still the fund named before).
                continue
        if org is None:
            continue
        last, last_end = org, m.end()
        funds.append(Mention(m.start(), m.end(), org, "name"))
    return _put_in(mentions, funds)


# A congress acts for the body whose congress it is: a bare 'Đại hội' ('Đại hội đề ra 9 mục tiêu')
# is the body that held the congress named before ('Ủy ban MTTQ phường … tổ chức Đại hội đại biểu',
# 'Đại hội đại biểu Hội Nông dân xã'). Not the Party's or a sports congress.
_CONGRESS_RE = re.compile(r"đại hội(?: đại biểu)?(?![^\W\d_])")
_NOT_OURS_AFTER_RE = re.compile(r" (?:đảng|toàn quốc|thể dục|thể thao|[xvi]+ của đảng)(?![^\W\d_])")


def _with_congresses(text: str, key: str, mentions: list[Mention], sentences: list[tuple[int, int]]) -> list[Mention]:
    """The mentions with each bare 'Đại hội' added as a mention of the body whose congress it is."""
    if "đại hội" not in key:
        return mentions
    sentence_starts = [a for a, _ in sentences]
    starts = [m.start for m in mentions]
    added: list[Mention] = []
    org: str | None = None
    for c in _CONGRESS_RE.finditer(key):
        if not text[c.start()].isupper() or _NOT_OURS_AFTER_RE.match(key, c.end()):
            continue
        i = bisect.bisect_left(starts, c.end())
        nxt = mentions[i] if i < len(mentions) else None
        if nxt is not None and nxt.start - c.end() <= 1:
            if nxt.kind == "name" and nxt.org not in ("", "hoi"):
                org = nxt.org  # 'Đại hội đại biểu MTTQ xã …': named right after
            continue
        line = sentence_starts[max(0, bisect.bisect_right(sentence_starts, c.start()) - 1)] if sentence_starts else 0
        before = [m for m in mentions[:bisect.bisect_left(starts, c.start())]
                  if m.start >= line and m.kind == "name" and m.org not in ("", "hoi")]
        if before:
            org = before[-1].org  # 'Ủy ban MTTQ phường … tổ chức Đại hội đại biểu lần thứ I'
        if org is not None:
            added.append(Mention(c.start(), c.end(), org, "name"))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


@dataclass(slots=True)
class Actor:
    org: str | None
    orgs: list[str] | None
    source: str  # subject, owner, carried, default, none
    named_at: tuple[int, int] | None = None  # the words that named the organization


@dataclass(slots=True)
class _Subject:
    pos: int
    org: str | None
    orgs: list[str] | None
    end: int = 0
    speaker: bool = False  # the body only tells ('X cho biết, …', 'Theo X, …'): the statement's own owner wins
    agent: bool = False  # an owner named as the agent of a passive ('Quỹ do UBND tỉnh cấp …')
    part: bool = False  # a part or a contrast inside the sentence ('…, trong đó Công đoàn xã …', '…, còn Huyện đoàn …')
    joined: bool = False  # a body that joins the subject for one clause ('…, cùng Ủy ban MTTQ xã làm 1 nhà')
    local: bool = False  # a place's authority acting in this sentence only ('Theo báo cáo của xã, xã đã tiếp nhận …')


# The bank lends through the organizations ('vốn ủy thác Ngân hàng Chính sách xã hội qua Hội'): it
# gives nothing, so the body it lends through holds the loans.
# A bare place as the subject of a verb of doing ('Theo báo cáo của xã, xã đã tiếp nhận 64 đơn thư', 'Đoàn đề
# nghị huyện sớm bàn giao 26 căn'): where the body in focus is named with a place of another level ('Ủy ban MTTQ
# huyện' supervising a commune), the place is that place's authority, another body; of the body's own level
# ('Ủy ban MTTQ huyện … Huyện đã dựng mới 53 ngôi nhà') it is the body itself, as before.
_PLACE_LEVELS = ADMIN_LEVELS + "|quận"
_PLACE_ACTS_RE = re.compile(r"(?P<place>" + prefix_alternation(_PLACE_LEVELS.split("|"), LETTER_START) + r") (?:(?:đã|cũng|đang|vừa|tiếp tục|mới|sớm|"
                            r"khẩn trương|kịp thời|chưa) )*(?:tiếp nhận|giải quyết|xử lý|trả lời|tiếp thu|rà soát|"
                            r"hoàn thành|bàn giao|xây dựng|xây mới|xây|dựng|sửa chữa|cấp|chi|bố trí|phân bổ|đầu tư|"
                            r"huy động|triển khai|thực hiện|ban hành|phê duyệt|tổ chức|hỗ trợ|trao|tặng|thành lập)(?![^\W\d_])")
_PLACE_WORDS = tuple(_PLACE_LEVELS.split("|"))


def place_acts(key: str) -> list[re.Match[str]]:
    """The matches of _PLACE_ACTS_RE in the text, as its finditer gives them, tried only where one of its places
    is written (found by str.find, in C): the regex engine would try its first letters (t, h, x, p, the commonest)
    at every position. A match holds no mark that ends a sentence, so a sentence's are those that start in it."""
    starts: list[int] = []
    for word in _PLACE_WORDS:
        at = key.find(word)
        while at >= 0:
            starts.append(at)
            at = key.find(word, at + 1)
    starts.sort()
    out: list[re.Match[str]] = []
    end = 0
    for at in starts:
        if at >= end and (m := _PLACE_ACTS_RE.match(key, at)) is not None:
            out.append(m)
            end = m.end()
    return out


_ASKS_BEFORE_RE = re.compile(by_first_letter(r"(?<![^\W\d_])(?:đề nghị|yêu cầu|kiến nghị|đôn đốc|giao)$"))
_ASKS_ENDINGS = frozenset(("nghị", " cầu", "giao", " đốc"))  # (the last four letters of those verbs: asked first)
_LEVEL_AFTER_RE = re.compile(r" (" + _PLACE_LEVELS + r")(?![^\W\d_])")
# A lead that asks bodies to carry out a list of tasks ('Đồng chí Trưởng Ban đề nghị Ủy ban MTTQ xã và các tổ
# chức chính trị - xã hội tập trung: - …; - …', 'Hội nghị yêu cầu Hội LHPN huyện thực hiện các nhiệm vụ sau:'):
# the bodies asked are the subject of the items after the colon (CONVENTIONS.md 22), not the one who asks.
_ASKED_LEAD_RE = re.compile(r"[^,;.:()]{0,80}:")
_LEVEL_BEFORE_RE = re.compile(by_first_letter(r"(?<![^\W\d_])(?:" + _PLACE_LEVELS + r"),$"))  # (a list of places before the comma)
_CAUSE_AFTER_RE = re.compile(r"(?: [^\W\d_]+){0,3}? (?:ngừng|dừng|giải thể|phá sản|đóng cửa|thu hẹp|cắt giảm|"
                             r"gặp khó khăn|không còn|chuyển đi|di dời)(?![^\W\d_])")
# The body that launched a movement or a campaign ('phong trào do Mặt trận xã phát động', 'cuộc vận động do Ủy ban
# MTTQ phường khởi xướng'): those who answer it act, not the body after 'do'.
_LAUNCHED_AFTER_RE = re.compile(r"(?: [^\W\d_]+){0,4}? (?:phát động|khởi xướng|phát khởi)(?![^\W\d_])")
# An association's own branches opening a clause as its subject ('…, các chi hội góp 260 ngày công', '; các tổ
# hội vận động …'): the branches of the association in focus, never of the Front or another body before them.
_BRANCHES_ACT = (r"[\s\-+•*–]*(?:các |nhiều |một số )?(?:chi hội|tổ hội)(?! nghề nghiệp)(?: [^\W\d_]+){0,3}? "
                 r"(?:(?:đã|cũng|còn|tiếp tục) )?(?:góp|đóng góp|hiến|ủng hộ|quyên góp|vận động|huy động|tặng|trao|hỗ trợ|"
                 r"giúp|tổ chức|thực hiện|làm|xây|trồng)(?![^\W\d_])")
_BRANCHES_ACT_RE = re.compile(r"[,;:] " + _BRANCHES_ACT)  # (after a clause's mark; at a sentence's start: below)
_BRANCHES_OPEN_RE = re.compile(_BRANCHES_ACT)
_LENDER_RE = re.compile(r"ngân hàng|nhcsxh|phòng giao dịch")
_VIA_BEFORE_RE = re.compile(by_first_letter(r"(?<![^\W\d_])qua *$"))
_GIVES_RE = re.compile(by_first_letter(r"(?<![^\W\d_])(?:tặng|trao|hỗ trợ|ủng hộ|gửi)(?![^\W\d_])"))
_HELD_BEFORE_RE = re.compile(by_first_letter(r"(?<![^\W\d_])(?:số dư|nguồn vốn|vốn|dư nợ|số tiền|quy mô) $"))
_CLAUSE_BREAK_RE = re.compile(r"[,;:.](?!(?<=\.)\d)")  # not the dot of '10.400
_NOBODY = Actor(None, None, "none")  # a sentence that is no organization's: nothing carries over
_A_PERSON = Actor("other", None, "carried")  # a person's own story (see _build)
# An adult named as the subject (not 'Em …', a child helped, nor 'Chị em các bản', the members).
_HELPED_RE = re.compile(by_first_letter(r"(?<![^\W\d_])được (?:[^\W\d_]+ ){0,4}?(?:hỗ trợ|tặng|trao|giúp|xây|sửa chữa|bàn giao)(?![^\W\d_])"))
_GROWN_UP_RE = re.compile(r"[\s\-+•*–]*" + _STORY_OPENING + r"(?:ông|bà|anh|chị(?! em))(?= [^\W\d_])")
# A member named by name ('Hội viên Đỗ Văn Tuấn ở xã Tân Linh vay 100 triệu đồng …', 'Cựu chiến binh
# Nguyễn Văn Hùng nuôi 300 con gà'): one person, as 'Ông …' is, not the members at large.
_MEMBER_WORDS = ("hội viên", "đoàn viên", "đội viên", "cựu chiến binh", "ccb", "nông dân", "thanh niên", "công nhân")
_MEMBER_WORD_RE = re.compile(r"[\s\-+•*–]*(?:" + "|".join(_MEMBER_WORDS) + ")"
                             r"(?: (?:nông dân|phụ nữ|ccb|cựu chiến binh|công đoàn|thanh niên))? ")
# What else such an opening can start with: its bullets and \s (none above U+3000).
_BULLET_OR_SPACE = frozenset("-+•*–" + "".join(chr(i) for i in range(0x3001) if chr(i).isspace()))


def _opening_at(key: str, s: int) -> int | None:
    """Where the sentence at ``s`` opens as a regex '[\\s\\-+•*–]*(?:words)' reads it: ``s``, or past one
    bullet or space (most sentences open with one space); None past more (then the regex decides)."""
    if key[s:s + 1] not in _BULLET_OR_SPACE:
        return s
    return s + 1 if key[s + 1:s + 2] not in _BULLET_OR_SPACE else None


# The first word of a sentence's opening, and the first words each regex of an opening below may open with: one
# lookup in a set instead of a call of the regex, which most sentences fail.
_RESET_FIRST = frozenset(w.split(" ", 1)[0] for w in _RESET_WORDS)
_PERSON_FIRST = frozenset(("ở", "tại", "gia", "ông", "bà", "anh", "chị", "cụ", "em"))  # (_STORY_OPENING, then the person)
_PEOPLE_FIRST = frozenset(("nhân", "người"))
_BUDGET_FIRST = frozenset(("nguồn", "ngân"))
_LOCAL_ASIDE_FIRST = frozenset(("ở", "tại"))


def _first_word(key: str, at: int | None, e: int) -> str | None:
    """The first word of the sentence that opens at ``at`` (see _opening_at) and ends at ``e``, up to a space
    (no word of the sets above is longer than 11 letters); '' where it holds a character that is no letter
    ('ông,', '12'), and None where _opening_at gave None: then each regex decides. (A word of letters up to a space
    is the same word as the regexes' '[^\\W\\d_]+' reads: str.isalpha is true of no digit and no '_'.)"""
    if at is None:
        return None
    stop = at + 12 if at + 12 < e else e
    space = key.find(" ", at, stop)
    word = key[at:space if space >= 0 else stop]
    return word if word.isalpha() else ""


def _may_open(first: str | None, words: frozenset[str]) -> bool:
    """Whether a sentence whose first word is ``first`` (see _first_word) may open with one of ``words``."""
    return first is None or first == "" or first in words


def _may_open_with(key: str, s: int, words: tuple[str, ...] | str) -> bool:
    """Whether the sentence at ``s`` may open with one of ``words`` after bullets and spaces, as a
    regex '[\\s\\-+•*–]*(?:words)' asks: in C, before the regex (``_build`` asks ``_opening_at`` once
    a sentence and each regex's words there)."""
    at = _opening_at(key, s)
    return at is None or key.startswith(words, at)


# (capitalized words that open a body's or a place's name, not a person's)
_NOT_PERSON_WORDS = frozenset(("hội", "đoàn", "công", "ủy", "mặt", "ban", "liên", "chi", "tổ", "trường", "xã", "huyện",
                               "tỉnh", "phường", "thôn", "bản", "ấp", "khu", "thị", "thành", "việt", "hồ"))


def _named_member(text: str, key: str, s: int, e: int) -> int:
    """Where the member word ends when the sentence at ``s`` opens with a member named by name (three
    capitalized words after it, as a full name has: 'Đỗ Văn Tuấn', not a place 'Hòa Vang'), else 0."""
    m = _MEMBER_WORD_RE.match(key, s, e)
    if m is None:
        return 0
    words = key[m.end():min(e, m.end() + 40)].split(" ", 3)
    if len(words) < 3 or words[0] in _NOT_PERSON_WORDS:
        return 0
    at = m.end()
    for w in words[:3]:
        if not text[at:at + 1].isupper():
            return 0
        at += len(w) + 1
    return m.end()
_TELLS_RE = re.compile(r" (?:cho biết|cho hay|chia sẻ|khẳng định|nhấn mạnh|thông tin|kể)(?![^\W\d_])")
# A body or a person that tells what follows ('Ngân hàng Chính sách xã hội thị xã cho biết, …',
# 'Ông …, Phó Chủ tịch LĐLĐ tỉnh cho biết, …'): matched at the end of its name.
_SPEAKER_VERBS = ("cho biết", "cho hay", "thông tin", "chia sẻ", "khẳng định", "nhấn mạnh")
_SPEAKER_AFTER_RE = re.compile(r"[^,.;:\n]{0,40}? (?:" + "|".join(_SPEAKER_VERBS) + r")[ \t]*[,:]")
# (its verb ends within this many characters of where it is matched: 40, a space, the verb)
_SPEAKER_REACH = 41 + max(map(len, _SPEAKER_VERBS))
# An official's office, last in the apposition, before what the official tells: also with a comma
# before the verb and none after it ('Bà …, Phó Chủ tịch Ủy ban MTTQ thành phố, Chủ tịch LĐLĐ thành
# phố, cho biết dịp Tết này …'), with a comma and a colon ('Ông …, Chủ tịch Hội Nông dân huyện, cho biết: …'),
# the office's place in apposition ('…, Chủ tịch Hội Nông dân huyện Tiên Lữ, tỉnh Hưng Yên, cho biết: …') and
# 'thêm' after the verb ('…, thông tin thêm: …'); and one who tells about a group or a model of the body's ('Bà …,
# Chủ tịch Hội LHPN xã, kể về tổ tiết kiệm ở thôn 3: tổ có 30 thành viên', '…, giới thiệu về đội hình …: đội có …').
_OFFICE_TELLS_RE = re.compile(r"[^,.;:\n]{0,40}?(?:, (?:" + ADMIN_LEVELS + r"|quận)(?: [^\W\d_,;:.]+){1,4})*"
                              r"(?:,? (?:" + "|".join(_SPEAKER_VERBS) + r"|(?<!đáng )kể|giới thiệu)"
                              r"(?: thêm| về [^,.;:\n]{1,80}?)?[ \t]*[,:]"
                              r"|,? (?:cho biết|cho hay)(?: thêm)? )")
# An official named by a title of trade or rank, or after 'Theo' ('Bác sĩ Lê Văn An, Giám đốc Trung tâm Y tế
# huyện cho biết, …', 'Thượng tá …, Chỉ huy trưởng … cho biết, …', 'Theo ông …, Giám đốc …, đơn vị đã …'), as
# 'Ông …' is: what the official tells is the office's body's (see _OFFICE_TELLS_RE); group 1: 'theo'.
_TITLED_OPENING_RE = re.compile(r"[\s\-+•*–]*(theo )?(?:bác sĩ|y sĩ|dược sĩ|thầy giáo|cô giáo|thầy|cô|kỹ sư|luật sư|"
                                r"nhà giáo|tiến sĩ|thạc sĩ|(?:đại|thượng|trung|thiếu) (?:tướng|tá|úy)|đồng chí|ông|bà|anh|chị)"
                                r"(?= [^\W\d_])")
_TITLED_FIRST = frozenset(("theo", "bác", "y", "dược", "thầy", "cô", "kỹ", "luật", "nhà", "tiến", "thạc", "đại", "thượng",
                           "trung", "thiếu", "đồng", "ông", "bà", "anh", "chị"))  # (its first words: see _first_word)
# … after 'Theo', the office's words (its place in apposition) up to the comma that closes the opening phrase.
_OFFICE_THEN_CLAUSE_RE = re.compile(r"[^,.;:\n]{0,40}?(?:, (?:" + ADMIN_LEVELS + r"|quận)(?: [^\W\d_,;:.]+){1,4})*, ")
# … and an official whose office the apposition names, then acting for it ('Bà …, Chủ tịch Hội LHPN huyện, đã trao
# 15 suất quà', 'Đồng chí …, Bí thư Huyện đoàn, trao …'): the office's title right before its body, the apposition
# closed by its comma, then a verb of the body's work (not a former office: 'Ông …, nguyên Chủ tịch …, hiến …').
_OFFICE_TITLE_BEFORE_RE = re.compile(r", (?:phó )?(?:chủ tịch|bí thư|trưởng ban|giám đốc)(?: thường trực)? $")
_OFFICE_ACTS_RE = re.compile(r"[^,.;:\n]{0,40}?(?:, (?:" + ADMIN_LEVELS + r"|quận)(?: [^\W\d_,;:.]+){1,4})*, "
                             r"(?:(?:đã|cũng|trực tiếp|đến|tới|về) )*(?:trao tặng|trao|tặng|gửi tặng|thăm|hỗ trợ|bàn giao|"
                             r"phát|ủng hộ|chủ trì|phát động|khởi công)(?![^\W\d_])")
_SPEAKER_WORD = "theo"  # (what every match ends with: asked first, by str.endswith)
_SPEAKER_BEFORE_RE = re.compile(r"(?:^|[\s,])" + _SPEAKER_WORD + "$")


# Who attended: 'Dự lễ có các đồng chí: …', 'Tham dự hội nghị có …', 'Đến dự và chỉ đạo có …', 'Chủ
# trì: …', 'Có mặt …'; its items run on after each ';'.
_ATTENDANCE_RE = re.compile(r"[\s\-+•*–]*(?:(?:đến |về |tới )?(?:tham )?dự(?: và chỉ đạo)?(?: [^\n:;,.]{0,40}?)? (?:có|còn có)"
                            r"|chủ trì|đồng chủ trì|có mặt|thành phần(?: tham dự| dự)?)(?![^\W\d_])")
_ATTENDANCE_WORDS = ("dự", "tham ", "đến ", "về ", "tới ", "chủ trì", "đồng chủ trì", "có mặt", "thành phần")


# A line break, or a mark before spaces and the next sentence's first character (group 1). One
# character set first, which the regex engine scans for in C (an alternation whose first branch is
# a set is tried at every position; tests/textfigures/test_scan_prefixes.py).
def _tells_after(key: str, pos: int, end: int) -> bool:
    """Whether the words at ``pos`` go on to a verb of telling ('… cho biết,'): its verbs are looked
    for in C first, within the regex's reach (most mentions tell nothing)."""
    window = key[pos:pos + _SPEAKER_REACH if pos + _SPEAKER_REACH < end else end]
    return any(map(window.__contains__, _SPEAKER_VERBS)) and _SPEAKER_AFTER_RE.match(key, pos, end) is not None


_BOUNDARY_RE = re.compile(r"[\n.!?…;](?:(?<=\n)|(?=[ \t]+(\S)))")


# The socio-political organizations named as a group by their count ('Tổng số tiền do 5 tổ chức chính trị - xã
# hội vận động', 'Mặt trận cùng 5 tổ chức chính trị - xã hội …') are the bodies themselves, not how many there
# are (as '4 tổ chức hội'); a statement of what the front is made of counts them ('có 5 tổ chức chính trị - xã
# hội trực thuộc', a figure of nobody, CONVENTIONS.md 5), and so does a count of grassroots bodies ('… cơ sở').
_MADE_UP_OF_AFTER_RE = re.compile(r" (?:trực thuộc|cơ sở|cấp cơ sở)(?![^\W\d_])")
_MADE_UP_OF_BEFORE_RE = re.compile(by_first_letter(r"(?<![^\W\d_])(?:có|gồm|gồm có|bao gồm|là) (?:(?:tất cả|cả|đủ) )?$"))


def split_sentences(text: str, key: str) -> list[tuple[int, int]]:
    """Sentence ranges: a line break always ends one; '.', '!', '?', '…' end one before a capital."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY_RE.finditer(text):
        i = m.start()
        c = text[i]
        if c != "\n" and c != ";":
            nxt = m.group(1)
            if not (nxt.isupper() or nxt in "\"'“(-–" or nxt.isdigit()):
                continue
            word = _WORD_BEFORE_DOT_RE.search(key, i - 6, i)  # (a position below 0 counts as 0)
            if word and (word.group(1) in _ABBREVIATIONS or (len(word.group(1)) == 1 and text[i - 1].isupper()
                                                              and not _PERIOD_NUMERAL_RE.search(key, max(0, i - 12), i))):
                continue  # 'TP. Lai Châu', initials 'T. H.' (but 'kết quả quý I. Hội Nông dân …', 'lần thứ I. Các …' end)
        end = i if c == "\n" else i + 1
        if end > start and text[start:end].strip():
            out.append((start, end))
        start = i + 1
    if start < len(text) and text[start:].strip():
        out.append((start, len(text)))
    return out


_WORD_BEFORE_DOT_RE = re.compile(r"([\w/.]+)$")
_PERIOD_NUMERAL_RE = re.compile(by_first_letter(r"(?<![^\W_])(?:quý|khóa|khoá|giai đoạn|phần|mục|lần thứ) [ivx]$"))


_APPOSITION_GAP_RE = re.compile(_PLACE + r", ")
# A phrase that opens a sentence before its subject ('Theo Ủy ban MTTQ huyện, …', 'Hưởng ứng lời kêu
# gọi của Ủy ban MTTQ tỉnh, …', 'Nhờ sự hỗ trợ của …, …'): its comma closes it.
_OPENING_WORDS = ("theo", "hưởng ứng", "thực hiện", "nhờ", "với sự", "được sự", "dưới sự", "căn cứ", "nhân dịp", "dịp",
                  "thông qua")
_OPENING_PHRASE_RE = re.compile(r"[\s\-+•*–]*(?:" + "|".join(_OPENING_WORDS) + ")"
                                r"(?![^\W\d_])[^,.;:\n]*, ")

# … and any phrase a preposition opens before the subject, which may hold a body ('Trong các tổ chức nhận ủy
# thác của NHCSXH, Hội CCB đứng đầu …', 'Từ nguồn vốn của X, …', 'Tại hội nghị của X, …'): its comma closes it.
_CLOSED_OPENING_RE = re.compile(r"[\s\-+•*–]*(?:" + "|".join(_OPENING_WORDS + ("trong", "ngoài", "bên cạnh", "từ", "qua",
                                                                                  "tại", "sau", "về", "là",
                                                                                  "với vai trò")) + ")"
                                r"(?![^\W\d_])[^,.;:\n]*, ")


def _closes_opening(key: str, first: int, nxt: int) -> bool:
    """Whether the comma before ``nxt`` closes an opening phrase that holds the name at ``first``
    ('Theo Ủy ban MTTQ huyện, các tổ chức thành viên đã …': the two are no list; the subject follows)."""
    start = max(key.rfind(".", 0, first), key.rfind(";", 0, first), key.rfind("\n", 0, first), key.rfind(":", 0, first)) + 1
    opening = _CLOSED_OPENING_RE.match(key, start, nxt)
    return opening is not None and opening.end() == nxt


# 'Mặt trận và các tổ chức trực thuộc (Hội LHPN, Đoàn Thanh niên, Hội CCB phường) chăm lo …': the list in
# brackets spells out the organizations joined with the body named first; all of them act (src_af).
_JOINED_GROUP_GAP_RE = re.compile(r" (?:và|cùng|cùng với) (?:các |những )?(?:tổ chức|đoàn thể|hội)[^()\d.;:\n]{0,40}? ?\(")


def _joined_by_list(key: str, here: list[Mention], m: Mention, cs: int, last_hoi: str | None,
                    default: str | None) -> tuple[str | None, list[str] | None] | None:
    """The body before 'và các tổ chức … (' with the bodies the bracket lists, or None."""
    before = [x for x in here if x.end < cs and x.start < m.start]
    if not before:
        return None
    p = before[-1]
    if not _JOINED_GROUP_GAP_RE.fullmatch(key, p.end, cs):
        return None
    p_org, p_orgs = _resolve(p, last_hoi, default)
    m_org, m_orgs = _resolve(m, last_hoi, default)
    named = [*(p_orgs or []), *(m_orgs or []), *(o for o in (p_org, m_org) if o is not None)]
    uniq = sorted({o for o in named if o in ORG_CODES})
    if len(uniq) < 2 or not (p_org in ORG_CODES or p_orgs):
        return None
    return None, uniq


# What a clause says before a body it names as the object of its verb ('Hội Nông dân tỉnh phối hợp với
# UBND tỉnh; UBND tỉnh hỗ trợ …'): a word of the clause's own, not a mark that opens a list item.
_OBJECT_BEFORE_RE = re.compile(r"[^\W\d_]+ $")


def _object_before(key: str, start: int) -> bool:
    """Whether the body named at ``start`` follows a word of its own clause (the object of a verb: a
    semicolon after it closes that clause, so the next body opens its own; no list of the two)."""
    return _OBJECT_BEFORE_RE.search(key, max(0, start - 30), start) is not None


def _merge_chains(text: str, key: str, mentions: list[Mention]) -> list[Mention]:
    """'Hội Nông dân, Hội LHPN, Tỉnh đoàn' → one mention with orgs [nongdan, phunu, doan]."""
    out: list[Mention] = []
    for m in mentions:
        if out and m.kind in ("generic", "group") and key[out[-1].start:out[-1].start + 3] == "quỹ":
            out.append(m)  # 'ngoài quỹ, các cơ quan, đơn vị, doanh nghiệp còn trao …': a fund lists no bodies
            continue
        if (out and m.kind == "group" and out[-1].kind == "name" and key[m.start:m.start + 1].isalpha()
                and not key.startswith("các", m.start) and _APPOSITION_GAP_RE.fullmatch(key, out[-1].end, m.start)):
            # 'Hội LHPN phường X, tổ chức chính trị - xã hội trực thuộc …, đã kết nạp …': an
            # apposition says what the body is; the body stays the subject, alone.
            continue
        if out and m.kind in ("name", "backref", "generic", "group") and out[-1].kind in ("name", "backref", "generic", "chain", "group") \
                and not (out[-1].kind == "name" and key[out[-1].start - 2:out[-1].start - 1].isdigit()
                         and key[out[-1].start - 1:out[-1].start] == " ") \
                and not (key.startswith("quỹ", out[-1].start) and ";" in key[out[-1].end:m.start]):
            # ('ra mắt 5 đội hình tình nguyện; Hội Nông dân xã …': a figure's counted noun that names a
            # youth team is the thing counted, no body of a list with the next clause's subject)
            # ('… ủng hộ Quỹ "Vì người nghèo"; Mặt trận xã phối hợp …': a fund ends its clause; no list)
            gap = key[out[-1].end:m.start]
            sep = _CHAIN_SEP_RE.match(gap) if len(gap) < 40 and "\n" not in gap else None
            if sep is None and len(gap) < 40 and "\n" not in gap and key[out[-1].start:out[-1].end] in _LEVEL_IN_NAME \
                    and m.org != "doan":
                # ('Huyện đoàn Đất Đỏ cùng Hội LHPN huyện trao …'; with the Youth Union's own federation, 'Huyện
                # đoàn Đức Thọ cùng Hội LHTN huyện', nothing joins)
                sep = _NAMED_PLACE_SEP_RE.match(gap)
            if sep is None and m.org == "ctxh" and m.kind == "group" and out[-1].org == "mttq" and len(gap) < 70 \
                    and _FRONT_AND_GROUP_GAP_RE.fullmatch(gap):
                prev = out[-1]
                out[-1] = Mention(prev.start, m.end, "all", "group", list(GROUPS["all"]))  # (as 'Mặt trận và các đoàn thể')
                continue
            if (sep is not None and len(out[-1].orgs or [out[-1].org]) < 8
                    and (sep.end(1) == 0 or _place_named(text, key, out[-1].end, out[-1].end + sep.end(1)))
                    and not (gap.endswith(", ") and _closes_opening(key, out[-1].start, m.start))
                    and not (gap.endswith("; ") and out[-1].kind != "chain" and _object_before(key, out[-1].start))):
                prev = out[-1]
                members = prev.orgs or [prev.org]
                out[-1] = Mention(prev.start, m.end, "chain", "chain", members + (m.orgs or [m.org]))
                continue
        out.append(m)
    return out


def _one_body(org: str, last_hoi: str | None, default: str | None) -> str | None:
    """The organization of one body's mention ('hoi': the association in focus)."""
    if org == "hoi":
        return last_hoi or (default if default in HOI_ORGS else None)
    return org or None


def _resolve(m: Mention, last_hoi: str | None, default: str | None) -> tuple[str | None, list[str] | None]:
    if m.kind == "chain":
        members: list[str | None] = []
        for o in m.orgs or []:
            # 'Hội Nông dân huyện, các cấp Hội …': 'Hội' after an association in the chain is that one
            prior_hoi = next((x for x in reversed(members) if x in HOI_ORGS), None)
            members.append(prior_hoi if o == "hoi" and prior_hoi else _one_body(o, last_hoi, default))
        if "" in (m.orgs or []) and members and members[0] in (None, "other") and "other" in members:
            # 'các cơ quan, đơn vị, doanh nghiệp còn trao …', 'các thôn, ban ngành, đoàn thể, cơ sở tôn
            # giáo góp …': givers led by bodies not of the six are other bodies.
            return "other", None
        if members and members[0] in ORG_CODES and all(
                o in ("", "other") or r == members[0] for o, r in zip((m.orgs or [])[1:], members[1:])):
            # 'Mặt trận, các ban ngành xã đã tặng …': the one organization with the bodies of the area
            # that work with it is the one named first, as with a partner (convention 8).
            return members[0], None
        if any(o is None for o in members) or "" in (m.orgs or []):
            return None, None  # 'MTTQ và các tổ chức chính trị - xã hội': a group, no single body
        uniq = list(dict.fromkeys(o for o in members if o))
        if len(uniq) == 1:
            return uniq[0], None
        if "other" in uniq:  # 'Hội LHPN phối hợp Ngân hàng …' names the partner: the figure is the first's
            first = members[0]
            return (first, None) if first != "other" else ("other", None)
        return None, uniq
    if m.kind == "generic":
        return None, None
    if m.kind == "group":
        return None, list(m.orgs)
    return _one_body(m.org, last_hoi, default), None  # (no helper made per call: most mentions end here)


_CLAUSE_MARK_RE = re.compile(r", |; |: |\(|\)| - ")  # (each branch opens with a literal: scanned for in C)
_MATCH_END = re.Match.end


def _clause_starts(key: str, s: int, e: int, chains: list[Mention]) -> list[int]:
    if not chains:
        return [s, *map(_MATCH_END, _CLAUSE_MARK_RE.finditer(key, s, e))]
    starts = [s]
    for m in _CLAUSE_MARK_RE.finditer(key, s, e):
        p = m.end()
        if chains and any(c.start < p < c.end for c in chains):
            continue
        starts.append(p)
    return starts


# The place a headline may open with before its colon ('Hà Tĩnh: …', 'TP. Cần Thơ: …').
_HEADLINE_PLACE_RE = re.compile(r"[^\W\d_][^:\n\d]{0,40}: ")
_MOVEMENT_RE = re.compile(r"(phong trào|công tác) (phụ nữ|nông dân|thanh niên|thanh thiếu nhi|cựu chiến binh|"
                          r"công nhân|mặt trận|công đoàn|đoàn|hội ccb)")
_REPORT_WORDS_RE = re.compile(r"báo cáo|kết quả")


def document_default(text: str, key: str, mentions: list[Mention]) -> str | None:
    """The organization a report is from: named in its heading, or by far the most mentioned."""
    head = key[:400]
    found: list[Mention] = []
    for m in mentions:  # (in order of position: only the first ones are read)
        if m.start >= 400:
            break
        if m.kind == "name" and m.org not in ("other", "", "hoi"):
            found.append(m)
    # A heading line in capitals ('HỘI LHPN TỈNH LAI CHÂU', 'BAN CHẤP HÀNH ĐOÀN TỈNH') or a title
    # 'Kết quả công tác Hội và phong trào phụ nữ'.
    for m in found:
        line_start = key.rfind("\n", 0, m.start) + 1
        line_end = key.find("\n", m.start, m.start + 200)
        if line_end < 0:
            continue  # a long line is body text, not a heading
        line = text[line_start:line_end]
        if len(line) >= 120:
            continue  # (a long line is no heading: its letters need no counting)
        letters = list(filter(str.isalpha, line))
        if letters and sum(map(str.isupper, letters)) / len(letters) > 0.8 and len(line) < 120:
            return m.org
    # A news item's headline, a short first line, that names one organization only ('Hội LHPN tỉnh Nam Định:
    # dư nợ ủy thác đạt …'): the item is that body's, whatever partners or comparisons its body names.
    first_end = key.find("\n", 0, 200)
    title = [m for m in found if m.start < first_end] if first_end > 0 else []
    if title and len({m.org for m in title}) == 1 and key[:first_end].strip():
        return title[0].org
    tm = _MOVEMENT_RE.search(head)
    if tm and _REPORT_WORDS_RE.search(head):
        return {"phụ nữ": "phunu", "nông dân": "nongdan", "thanh niên": "doan", "thanh thiếu nhi": "doan",
                "cựu chiến binh": "ccb", "công nhân": "congdoan", "mặt trận": "mttq", "công đoàn": "congdoan",
                "đoàn": "doan", "hội ccb": "ccb"}[tm.group(2)]
    counts = Counter(m.org for m in mentions if m.org not in ("", "hoi", "other", "chain") and m.kind not in ("people", "group"))
    total = sum(counts.values())
    if len(counts) == 1 and m_title_names(key, mentions):
        return next(iter(counts))  # the one organization the text names, in its headline or first lines
    if total >= 2:
        org, n = counts.most_common(1)[0]
        if n / total >= 0.75:
            return org
    # A headline that names no body and opens with the people of one organization as its subject ('Phụ nữ xã Bù Đăng
    # nhân rộng mô hình sinh kế', 'Hà Tĩnh: Cựu chiến binh xã … giúp nhau làm kinh tế'): the item is that
    # organization's, when its body names several bodies and none by far the most.
    if first_end > 0 and not title:
        lead = _HEADLINE_PLACE_RE.match(key, 0, first_end)
        at = lead.end() if lead is not None else 0
        opening = next((m for m in mentions if m.start < first_end), None)
        if opening is not None and opening.start == at and opening.kind == "people" and opening.org in ORG_CODES:
            return opening.org
    return None


def m_title_names(key: str, mentions: list[Mention]) -> bool:
    """Whether the first 300 characters name or speak of one of the organizations."""
    return any(m.start < 300 and m.org not in ("", "other") for m in mentions)


class Attributor:
    """Answers 'whose is the figure at position p?' for one text."""

    def __init__(self, text: str, key: str) -> None:
        self.text, self.key = text, key
        self.sentences = split_sentences(text, key)
        named = find_mentions(text, key)
        raw = _with_congresses(text, key, _with_committees(key, _with_funds(text, key, named)), self.sentences)
        # (the words each sentence's subject may open with, asked before two regexes of a sentence's subject)
        self.subject_words = subject_words = [_subject_words(key, s, e) for s, e in self.sentences]
        raw = _with_campaign_subjects(key, self.sentences, _with_other_subjects(text, key, self.sentences, raw, subject_words),
                                      subject_words)
        if any(map(key.__contains__, _SPEAKER_HONORIFICS)):  # (a person named again says 'ông', 'bà', 'đồng chí')
            raw = _with_speakers(text, raw, named)
        # Numbers inside a group's name ('4 tổ chức hội') are no figures.
        # (written out as well: 'Bốn tổ chức hội, đoàn thể nhận ủy thác giữ …', CONVENTIONS.md 23; not where the
        # text says what the front is made of: 'có 5 tổ chức chính trị - xã hội trực thuộc' counts them)
        self.name_spans = [(m.start, m.end) for m in raw if m.kind == "group"
                           and (key[m.start:m.start + 1].isdigit() or key[m.start:m.start + 5].split(" ", 1)[0] in DIGIT_WORDS)
                           and not (m.org == "ctxh" and (_MADE_UP_OF_AFTER_RE.match(key, m.end) or _MADE_UP_OF_BEFORE_RE.search(
                               key, m.start - 16 if m.start > 16 else 0, m.start)))]
        # … and where a group's name opens with its count ('4 tổ chức hội', 'bốn tổ chức hội'): which group.
        self.group_at = {m.start: m.org for m in raw if m.kind == "group"}
        self.mentions = _merge_chains(text, key, raw)
        self.default = document_default(text, key, raw)
        self._by_sentence: list[tuple[int, int, list[_Subject], list[_Subject], Actor | None]] = []
        self._build()
        self._starts = self.sentence_starts = [x[0] for x in self._by_sentence]

    def _build(self) -> None:
        key = self.key
        last_hoi: str | None = self.default if self.default in HOI_ORGS else None
        carried: Actor | None = None
        run_orgs: list[str] = []  # the organizations of an enumeration running over the last sentences
        run_group: set[str] = set()  # … and the group its sentences name ('Trong bốn tổ chức nhận ủy thác, …')
        committee: tuple[str | None, list[str] | None] | None = None  # 'Ban tổ chức gồm …
        mi = 0
        ms = self.mentions
        committees_named = _COMMITTEE_WORDS in key  # (what every committee's naming says, looked for once)
        mention_starts = [m.start for m in ms]  # (sorted: a sentence's mentions found by bisection)
        place_found = place_acts(key)  # (a sentence's bare places acting: found once, by bisection)
        act_starts = [m.start() for m in place_found]
        ai = 0
        # Every statement of the area's own statistics says 'hộ nghèo' or 'hộ cận nghèo', or 'toàn' and ' có ' (scans in C first).
        area_words = " nghèo" in key or (" có " in key and ("toàn " in key or "diện tích" in key))
        # The association that owns the text ('Hội LHPN tỉnh …', 'Hội Liên hiệp Thanh niên …'): a new
        # paragraph's 'Hội' is it again, not the partner association the last paragraph named nor one brought
        # in for a contrast ('…, còn Hội CCB tỉnh quản lý 231 tỷ đồng').
        own_hoi = next((m.org for m in ms if m.kind == "name" and m.org == self.default
                        and key.startswith("hội", m.start)), None)
        attending = False  # inside a list of who attended ('Dự lễ có các đồng chí: …; …; đại diện …')
        # The one body a numbered heading of a report names ('2. Phối hợp với Liên đoàn Lao động tỉnh',
        # '3. Hội Cựu chiến binh'): the section's items without a subject of their own are its results.
        section: Actor | None = None
        headed: Actor | None = None  # … and the one a heading line of its own names ('Hoạt động của Hội CCB xã')
        donor_aside: Actor | None = None  # the body a donor's sentence interrupted, for the next sentence
        place_front = False  # a bare place acted for the Front after its joint lead in the last sentence (CONVENTIONS.md 24)
        for (s, e), words in zip(self.sentences, self.subject_words):
            if own_hoi is not None and s > 0 and key[s - 1] == "\n":
                last_hoi = own_hoi
            hoi_before = last_hoi  # (the association 'Hội' spoke of before this sentence)
            # Where the sentence opens past a bullet or a space (None: past more): a regex of an
            # opening is asked only when the sentence opens with one of its words there (in C).
            opens_at = _opening_at(key, s)
            first = words[0] if words is not None else None  # (the sentence's first word: see _first_word)
            attending = (attending and key[s - 1] == ";") or (
                (opens_at is None or key.startswith(_ATTENDANCE_WORDS, opens_at)) and _ATTENDANCE_RE.match(key, s, e) is not None)
            mi = bisect.bisect_left(mention_starts, s, mi)
            j = bisect.bisect_left(mention_starts, e, mi)
            here = ms[mi:j]
            heading = self._in_numbered_heading(s)
            if heading:
                section = self._section_named(here, last_hoi)
            subjects: list[_Subject] = []
            owners: list[_Subject] = []
            if here:
                # (only the clause starts up to the last mention are ever looked up)
                starts = _clause_starts(key, s, here[-1].start, [m for m in here if m.kind == "chain"])
            place: Mention | None = None  # the last body named as a place ('… tại Công ty A, Công ty B')
            member_named = _named_member(self.text, key, s, e) \
                if opens_at is None or key.startswith(_MEMBER_WORDS, opens_at) else 0
            for m in here:
                if member_named and m.kind == "people" and m.start < member_named:
                    continue  # 'Cựu chiến binh Nguyễn Văn Hùng …': one person, no subject
                if m.kind == "committee":
                    if committee is None and self.default not in ORG_CODES:
                        continue
                    # A committee whose members the text never names, in a body's own text ('Ban Tổ chức trao 30
                    # suất học bổng', 'Tổng kinh phí Ban Tổ chức huy động đạt 85 triệu đồng'): the body organized
                    # it, not the partner named last.
                    org, orgs = committee if committee is not None else (self.default, None)
                else:
                    org, orgs = _resolve(m, last_hoi, self.default)
                    if orgs and committees_named and _COMMITTEE_NAMED_RE.search(key, max(s, m.start - 24), m.start):
                        committee = (org, orgs)
                cs = starts[bisect.bisect_right(starts, m.start) - 1]
                prefix = key[m.start - 160 if m.start - 160 > cs else cs:m.start]
                opening = prefix.strip()
                intro = not opening or _INTRO_RE.match(opening) is not None or (  # (nothing before it: a match, no call)
                    cs == s and opening[:1] in _OFFICIAL_FIRST and _OFFICIAL_OPENING_RE.fullmatch(opening) is not None) or (
                    # ('Ban Tổ chức, gồm LĐLĐ tỉnh, Tỉnh đoàn …, dựng …': the committee's members in apposition)
                    committees_named and opening in ("gồm", "bao gồm") and _COMMITTEE_NAMED_RE.search(key, max(s, m.start - 24), m.start) is not None)
                if not intro and opening[-4:] in _ASKS_ENDINGS and _ASKS_BEFORE_RE.search(opening) is not None \
                        and not opening.endswith(("bàn giao", "chuyển giao")) and (org is not None or orgs) \
                        and _ASKED_LEAD_RE.match(key, m.end, e) is not None:
                    subjects.append(_Subject(m.start, org, orgs, m.end))  # (the bodies a task list's lead asks)
                    continue
                if intro and opening[-3:] == "sau" and _RANKED_AFTER_RE.fullmatch(opening) \
                        and key.find(" là ", m.end, e) >= 0:
                    continue  # (the body ranked above: the subject is named after 'là')
                ranked = not intro and opening[-2:] == "là" and _RANKED_SUBJECT_RE.fullmatch(opening) is not None
                if ranked:
                    intro = True
                topic = cs == starts[0] and opening[:1] in "ởtv-+•*–" and org in ORG_CODES \
                    and m.kind in ("name", "backref", "people") and _TOPIC_OPENING_RE.fullmatch(opening) is not None \
                    and _TOPIC_CLOSE_RE.match(key, m.end) is not None
                if topic:
                    intro = True  # 'Tại Hội LHPN xã, …', 'Về công tác Đoàn, …': the topic's body, no place of the work
                elif (_PLACE_BEFORE_RE.search(prefix[-8:]) and not (intro and (_TOPIC_END_RE.match(key, m.end) or (
                        m.kind == "chain" and "," in key[m.start:m.end])))) or (
                        place is not None and _PLACE_LIST_GAP_RE.fullmatch(key, place.end, m.start)):
                    # 'thành lập 4 công đoàn cơ sở tại Công ty A, Công ty B và …, kết nạp 13 đoàn
                    # viên': the bodies listed where the work was done do not act.
                    place = m
                    continue
                if m.kind == "committee" and committee is None and not intro and not subjects:
                    owners.append(_Subject(m.start, org, orgs, m.end))  # (named inside its clause: its figures)
                elif m.kind == "people" and (cs != starts[0] or not intro):
                    # Members ('đoàn viên thanh niên', 'chị em') are the subject only when they
                    # open the sentence; after a comma they are usually the people counted …
                    if _AGENT_BEFORE_RE.search(prefix[-6:]) and _VERB_AFTER_RE.match(key, m.end):
                        # … but the agent of a passive ('50 cây cầu do thanh niên sửa chữa') did it.
                        owners.append(_Subject(m.start, org, orgs, m.end, agent=True))
                elif opening in ("cùng", "cùng với") and (org in ORG_CODES and m.kind in ("name", "backref")
                                                           or (m.kind == "group" and orgs)) \
                        and ((subjects and cs != starts[0]) or (
                            not subjects and cs == starts[0] and key[s - 1:s] == ";" and carried is not None
                            and carried.source != "none" and (carried.org in ORG_CODES or carried.orgs))):
                    # 'Các cấp Hội vận động hội viên góp 86 triệu đồng, cùng Ủy ban MTTQ xã làm 1 nhà': the
                    # body named with 'cùng' after the subject's clause does that clause's work with it; so does
                    # a group ('…, cùng các đoàn thể giúp xóa 126 nhà tạm'), and after ';' the subject carried
                    # into the clause ('Mặt trận xã tổ chức …; cùng Hội LHPN xã vận động …').
                    lead_org, lead_list = (subjects[-1].org, subjects[-1].orgs) if subjects else \
                        (carried.org, carried.orgs) if carried is not None else (None, None)
                    lead_orgs = {o for o in (lead_list or ([lead_org] if lead_org else [])) if o != "other"}
                    if org in lead_orgs or (orgs and m.kind == "group" and (not lead_orgs or set(orgs) <= lead_orgs)):
                        continue  # (the subject's own body again: nothing joins)
                    joint = sorted(lead_orgs | (set(orgs) if m.kind == "group" and orgs else {org} if org else set()))
                    subjects.append(_Subject(m.start, joint[0] if len(joint) == 1 else None,
                                             joint if len(joint) > 1 else None, m.end, joined=True))
                elif subjects and m.kind == "name" and org in ORG_CODES and prefix.endswith(" để ") \
                        and _PURPOSE_VERB_RE.match(key, m.end, e):
                    # 'Ban Thường trực … phân bổ khoản này để Hội LHPN tỉnh xây tặng 10 căn nhà': the body of
                    # the purpose clause does what follows.
                    subjects.append(_Subject(m.start, org, orgs, m.end))
                elif (subjects and m.kind in ("name", "backref") and org in ORG_CODES
                      and _ITEM_BEFORE_AND_RE.search(opening) is not None and _FIGURE_AFTER_NAME_RE.match(key, m.end)):
                    # 'Hội CCB huyện 3 cuộc, Huyện đoàn 2 cuộc và Liên đoàn Lao động huyện 1 cuộc': the
                    # last item of an enumeration, after 'và', has its own body and its own figure.
                    subjects.append(_Subject(m.start, org, orgs, m.end))
                elif intro and m.org == "other" and cs != starts[0] and key[cs - 2:cs] == ", " \
                        and _CALLED_ON_BEFORE_RE.search(key, max(s, cs - 90), cs) is not None:
                    # 'các cấp Hội đã vận động hội viên, doanh nghiệp đóng góp được 13,2 tỷ đồng': one more of
                    # those the subject's verb of raising calls on, no new subject (the raiser holds what it raised)
                    continue
                elif intro:
                    speaker = _tells_after(key, m.end, e) or \
                        (opening.endswith(_SPEAKER_WORD) and _SPEAKER_BEFORE_RE.search(opening) is not None)
                    part = opening.startswith("trong đó") or (cs != starts[0] and opening == "còn")
                    joined = _joined_by_list(key, here, m, cs, last_hoi, self.default) if cs > 0 and key[cs - 1] == "(" else None
                    if joined is not None:
                        org, orgs = joined
                    subjects.append(_Subject(m.start, org, orgs, m.end, speaker, part=part))
                elif key.startswith(" (", m.end) or key.startswith("(", m.end):
                    # 'chỉ sau Hội LHPN (0,21%)': the figure in brackets after a name is that body's.
                    owners.append(_Subject(m.start, org, orgs, m.end))
                elif key.startswith("quỹ", m.start) and _HELD_BEFORE_RE.search(prefix[-24:]) \
                        and (carried is None or carried.org != org):
                    # 'số dư Quỹ là 4,3 tỷ đồng', 'nguồn vốn Quỹ đạt …': what the fund holds is its body's
                    # (when the text had another body; the same one goes on as it was).
                    owners.append(_Subject(m.start, org, orgs, m.end))
                elif m.org == "other" and _LENDER_RE.match(key, m.start) and _VIA_BEFORE_RE.search(prefix[-12:]):
                    # 'dư nợ ủy thác qua ngân hàng đạt 52 tỷ đồng': the bank the loans go through holds nothing.
                    pass
                elif m.org == "other" and prefix.endswith("vốn do ") and key.startswith("ngân sách", m.start):
                    pass  # 'vốn do ngân sách tỉnh cấp chiếm 246 tỷ đồng': a kind of the fund's capital, no giver acting
                elif (ob := _OWNER_BEFORE_RE.search(prefix[-30:])) and not (
                        ob.group(1) == "của" and _LEAVE_OF_RE.search(prefix, 0, len(prefix) - len(ob.group(0)))) and not (
                        # ('Chị …, hội viên ở xã …, vay 50 triệu đồng từ tổ vay vốn của Hội', 'Ông …, hội viên …, vay 20
                        # triệu đồng của Quỹ': the lender of one member's loan, told as the member's story, owns
                        # nothing of it: the story is the member's, convention 2)
                        ob.group(1) == "của" and _BORROWED_BEFORE_RE.search(prefix) is not None
                        and (bool(member_named) or _PERSON_SUBJECT_RE.match(key, s, e) is not None)):
                    # ('xin chủ trương của Tỉnh ủy vận động …': who approves or directs owns nothing)
                    # 'quà do các nhà hảo tâm trao thông qua Mặt trận', 'doanh nghiệp trao thông
                    # qua Mặt trận 8.200 phần quà': the giver owns, the channel not.
                    giver = [x for x in here if x.start < m.start and x.org == "other" and x.kind == "name"
                             and not _LENDER_RE.match(key, x.start)]
                    if ob.group(1) == "qua" and giver:
                        owners.append(_Subject(giver[-1].start, "other", None, giver[-1].end))
                    elif not (ob.group(1) == "qua" and owners and key[max(cs, m.start - 60):m.start].find("do ") >= 0) \
                            and not (ob.group(1) == "do" and (_CAUSE_AFTER_RE.match(key, m.end)
                                                              or _LAUNCHED_AFTER_RE.match(key, m.end))):
                        # ('giải thể 6 công đoàn cơ sở do doanh nghiệp ngừng hoạt động': 'do' gives the
                        # cause there, not who gave the figure; 'phong trào do Mặt trận xã phát động': who
                        # launched the movement, not who then gives)
                        # ('Hội Nông dân tỉnh được Ngân hàng Agribank hỗ trợ 200 triệu đồng': the agent of a passive of
                        # giving, named between the subject and the figure, gave it, as 'do X hỗ trợ' does)
                        owners.append(_Subject(m.start, org, orgs, m.end, agent=ob.group(1) == "do" or (
                            ob.group(1) == "được" and _PASSIVE_GIVER_VERB_RE.match(key, m.end, e) is not None)))
                if (org in HOI_ORGS or (org == "doan" and m.kind == "name" and key.startswith("hội ", m.start))) \
                        and m.kind in ("name", "backref", "people") and m.org != "other":
                    # ('Hội LHTN Việt Nam tỉnh …; các cấp Hội kết nạp …': the Youth Union's association is
                    # an association too, and what its report calls 'Hội')
                    if not (subjects and subjects[-1].org in HOI_ORGS and _PARTNER_BEFORE_RE.search(prefix[-16:])) \
                            and not (own_hoi is not None and org != own_hoi and m.kind != "backref"
                                     and not any(x.pos == m.start for x in (*subjects[-1:], *owners[-1:]))):
                        # ('Hội phối hợp Hội Nông dân xã …': the association's partner is not what its
                        # report then calls 'Hội'; nor, in an association's own text, another association named
                        # as no subject nor owner: a partner, a recipient, a comparison ('Hội tặng Hội LHPN huyện
                        # 2 máy tính. Trong quý, Hội kết nạp …', '… hơn Hội Nông dân tỉnh 300 tỷ đồng. Hội duy trì …'))
                        last_hoi = org
                elif org == "doan" and m.kind == "name" and key.startswith("hội", m.start):
                    # 'Hội Liên hiệp Thanh niên Việt Nam tỉnh …; … các cấp Hội phát triển mới …': the
                    # youth federation (the Youth Union's) is the association its report calls 'Hội'.
                    last_hoi = org
                elif orgs and len(assoc := [o for o in orgs if o in HOI_ORGS]) == 1:
                    last_hoi = assoc[0]  # 'Hội LHPN cùng Ủy ban MTTQ …; … qua Hội': the one association named
                elif m.kind == "name" and m.org == "other" and "hội" in key[m.start:m.start + 4]:
                    last_hoi = None
            if donor_aside is not None and key[s - 1] != ";":
                if subjects or not _GIFT_VALUE_OPENS_RE.match(key, s, e):
                    if not subjects:
                        carried = donor_aside
                    donor_aside = None
            ai = bisect.bisect_left(act_starts, s, ai)
            aj = bisect.bisect_left(act_starts, e, ai)
            if ai < aj and (acts := self._place_subjects(s, place_found[ai:aj], subjects, carried)):
                subjects = sorted(subjects + acts, key=lambda x: x.pos)
            if last_hoi in HOI_ORGS and (key.find("chi hội", s, e) >= 0 or key.find("tổ hội", s, e) >= 0):
                if (units := self._branch_subjects(s, e, subjects, carried, last_hoi)):
                    subjects = sorted(subjects + units, key=lambda x: x.pos)
            if carried is not None and (carried.org == "other" or carried is _NOBODY) and s > 0 and key[s - 1] == "\n":
                # Another body's sentence does not carry into the next paragraph of a report.
                carried = None
            if carried is not None and carried.named_at is not None and not subjects \
                    and self._opens_sibling_item(s, carried.named_at[0]):
                # '5. … Hội Cựu chiến binh xã tặng 25 suất quà. / 6. Phương hướng …: vận động Quỹ …': a
                # body named inside one numbered item does not carry into the next item of the list; under
                # a heading that named a body, the next item is that body's again.
                carried = section
            elif (carried is not None and not subjects and s > 0 and key[s - 1] == "\n" and self.default in ORG_CODES
                  and carried.named_at is not None and carried.org in ORG_CODES and not carried.orgs
                  and carried.org != self.default and (section is None or section.org != carried.org)
                  and (headed is None or headed.org != carried.org)
                  and self._label_ends(s, e, here, carried.named_at[0])):
                # (under a heading that named the body, its items are that body's: '2. Phối hợp với LĐLĐ tỉnh')
                # 'ỦY BAN MTTQ XÃ … / Hội Cựu chiến binh xã thăm 12 hội viên. / Tiếp nhận ý kiến cử tri: ghi nhận
                # 9 ý kiến': a paragraph that opens with a label of its own is an item of the report, its body's.
                carried = None
            entry_carried = carried
            before_guests = carried
            if subjects and all(x.org not in (None, "other") and not x.orgs for x in subjects):
                if not run_orgs:
                    run_group = set()
                run_orgs.extend(x.org for x in subjects if x.org is not None)
                run_group.update(o for m in here if m.kind == "group" for o in m.orgs)
            elif not subjects and len(run_orgs) >= 3 and len(set(run_orgs)) >= 3 and (
                    _SUMMARY_OPEN_RE.match(key, s, e) or _WHOLE_OF_LIST_RE.match(key, s, e)):
                # ('Trong bốn tổ chức nhận ủy thác, Hội Nông dân …, kế đến là Hội CCB …; Tỉnh đoàn …. Tính chung, dư
                # nợ ủy thác toàn tỉnh đạt …': the whole of the group the list was drawn from, the text's own
                # association, left unnamed in the list, among them)
                listed = set(run_orgs)
                entry_carried = carried = Actor(None, sorted(run_group if listed <= run_group else listed), "carried")
                run_orgs = []
            else:
                run_orgs = []
            if subjects and not (subjects[-1].joined and all(x.joined for x in subjects)):
                # (a body that joined for one clause leaves the subject to the text that goes on; one that joined
                # the subject carried into the clause after ';' leaves the carried one)
                last = subjects[-1] if not subjects[-1].joined else next(x for x in reversed(subjects) if not x.joined)
                aside = carried
                carried = Actor(last.org, last.orgs, "carried", (last.pos, last.end))
                if aside is not None and aside is not _NOBODY and _may_open(first, _LOCAL_ASIDE_FIRST) \
                        and _LOCAL_ASIDE_RE.match(key, s, e):
                    # 'Ở huyện Khoái Châu, Hội Nông dân huyện phối hợp …': an aside about one place;
                    # the text goes on with the subject it had before.
                    carried = aside
                elif (aside is not None and aside.org in ORG_CODES and last.org not in (None, aside.org)
                      and any(x.start > last.end and _resolve(x, last_hoi, self.default)[0] == aside.org
                              and (_GIVES_RE.search(key, last.end, x.start)
                                   or _WITH_BEFORE_RE.search(key, max(last.end, x.start - 16), x.start))
                              for x in here)):
                    # 'Huyện đoàn tổng kết … Ủy ban MTTQ huyện tặng Hội 5 máy tính. Trong năm, đã kết nạp …':
                    # a guest that gives to the text's body (or its people) does not take the text over, nor
                    # one that works with it ('Tỉnh đoàn phối hợp với Hội tổ chức 3 lớp. Cũng trong năm, kết nạp …').
                    carried = aside
                elif last.local:
                    carried = aside  # (the place's authority acted in this sentence; the text goes on with its body)
                elif (aside is not None and aside.org in ORG_CODES and not aside.orgs and last.org == "other"
                      and len(subjects) == 1 and _DONOR_GIVES_RE.match(key, last.end, e) is not None):
                    # 'Hội LHPN tỉnh tổ chức chương trình. Công ty May Tiến Thành tặng 100 suất quà. Cũng tại
                    # chương trình, trao 50 suất học bổng': a donor that gives in a body's text owns its gift, not
                    # the text: the next sentence goes on with the body (the gift's own words after it, 'Mỗi suất
                    # trị giá …', and a ';' that goes on with the donor's list, stay the donor's).
                    donor_aside = aside
                elif (aside is not None and aside.org in ORG_CODES and not aside.orgs and last.org in ORG_CODES
                      and last.org != aside.org and len(subjects) == 1 and key.find(" thêm", last.end, e) >= 0
                      and (gives := _DONOR_GIVES_RE.match(key, last.end, e)) is not None and gives.group("more")):
                    # 'Hội trao 40 suất quà; Hội Nông dân xã góp thêm 12 suất. Hội cũng nhận đỡ đầu 6 trẻ em': another
                    # of the six that gives more after the text's body owns what it adds, as a donor does, but the
                    # text goes on with its body, and a bare 'Hội' speaks of the association it spoke of before.
                    donor_aside = aside
                    last_hoi = hoi_before
                elif last.part:
                    # '… 386 triệu đồng, trong đó Công đoàn xã vận động được 142 triệu đồng. Có 46 khu
                    # dân cư …': a part or a contrast holds for its own sentence only; the next one
                    # without a subject is the document's body's.
                    carried = None
            elif carried is not None and here and key[e:e + 1] == "\n" \
                    and (named := self._heading_names(s, e, here, last_hoi)) is not None \
                    and (carried.org, carried.orgs) != (named.org, named.orgs):
                # 'Hoạt động của Hội Cựu chiến binh', 'Công tác vận động Quỹ "Vì người nghèo"': a heading that
                # names another body than the text had opens that body's section.
                entry_carried = carried = headed = named
            elif heading:
                carried = section
            elif (s == 0 or key[s - 1] == "\n") and _ASSESSMENT_LABEL_RE.match(key, s, e):
                entry_carried = carried = None  # 'Hạn chế: …': the report's own work, from this line on
            elif _may_open(first, _RESET_FIRST) and _RESET_SUBJECT_RE.match(key, s, e):
                carried = None
            elif carried is not None and carried.orgs and (
                    member := next((x for x in owners if x.org in carried.orgs), None)) is not None:
                # 'Hội cùng Ủy ban MTTQ xây 45 nhà … Vốn ủy thác qua Hội đạt …': the text has come
                # back to one of the bodies that worked jointly, and goes on with it.
                carried = Actor(member.org, None, "carried", (member.pos, member.end))
            if (not subjects and entry_carried is not None and entry_carried.orgs and "mttq" in entry_carried.orgs
                    and ((place_front and key[s - 1] == ";")
                         or _PLACE_SUBJECT_RE.search(key, s, e) or _LEADER_OPENS_RE.match(key, s, e))):
                # 'Ủy ban MTTQ xã cùng các tổ chức … vận động được 860 triệu đồng. Với nguồn lực này,
                # xã đã bàn giao 9 căn nhà': the place acts through the body that leads the joint work
                # (CONVENTIONS.md 24), on past ';' to its sentence's end ('Phường đã vận động Quỹ …; hỗ trợ
                # sửa chữa 4 nhà Đại đoàn kết') while no body is named.
                entry_carried = Actor("mttq", None, "carried", entry_carried.named_at)
                place_front = True
            else:
                place_front = False
            if not subjects and section is not None and entry_carried is section and _PARTNER_OPENS_RE.match(key, s, e):
                # '6. Phối hợp với Ủy ban MTTQ tỉnh / - Phối hợp Ủy ban MTTQ tỉnh trao 12 nhà …': an item that
                # opens with its partner is the work of the report's own body (convention 8).
                entry_carried = None
            person = not subjects and (bool(member_named) or (
                _may_open(first, _PERSON_FIRST) and (pm := _PERSON_SUBJECT_RE.match(key, s, e)) is not None
                # ('Gia đình anh Lý A Pao … là một trong những hộ được hỗ trợ': a household the text's body
                # helped, not one's own story; the text goes on with its body)
                and not ("gia đình" in pm.group() and _HELPED_RE.search(key, s, e))))
            tm = _TITLED_OPENING_RE.match(key, s, e) if not subjects and not person and _may_open(first, _TITLED_FIRST) else None
            titled = tm is not None and self.text[tm.end() + 1:tm.end() + 2].isupper()
            after_theo = tm is not None and tm.group(1) is not None
            if (person or titled) and (office := next(
                    (x for x in here if x.org != "" and x.kind == "name"
                     and (_OFFICE_TELLS_RE.match(key, x.end, e) or (
                         _OFFICE_ACTS_RE.match(key, x.end, e) is not None
                         and _OFFICE_TITLE_BEFORE_RE.search(key, max(s, x.start - 30), x.start) is not None) or (
                         after_theo and (oc := _OFFICE_THEN_CLAUSE_RE.match(key, x.end, e)) is not None
                         # (the last office of the apposition: 'Phó Chủ tịch Ủy ban MTTQ phường, Chủ tịch Hội LHPN
                         # phường, dịp Tết hội đã …' speaks as the second)
                         and self.text[oc.end():oc.end() + 1].islower()))),
                    None)) is not None:
                # ('Bà …, Chủ tịch Hội LHPN huyện, đã trao 15 suất quà …': the official acts for the office's body, as one
                # who tells speaks for it)
                # (also an official named by another title or after 'Theo': 'Bác sĩ Lê Văn An, Giám đốc Trung tâm
                # Y tế huyện cho biết, …', 'Theo thượng tá …, Chỉ huy trưởng Ban Chỉ huy Quân sự huyện, đơn vị …')
                # 'Ông Trần Văn Lực, Phó Chủ tịch LĐLĐ tỉnh cho biết, đơn vị đã kết nạp …': the
                # official speaks for the body whose office the apposition names (another body's
                # too: 'Ông …, Giám đốc Sở Lao động tỉnh cho biết, đã giải quyết việc làm cho …').
                org, orgs = _resolve(office, last_hoi, self.default)
                entry_carried = carried = Actor(org, orgs, "carried", (office.start, office.end))
            elif person and (member_named or _GROWN_UP_RE.match(key, s, e)) and not _TELLS_RE.search(key, s, e):
                # 'Ông Phạm Văn Bé, hội viên ở xã Mỹ Thọ, vay 80 triệu đồng nuôi 1.200 con vịt': one
                # person's own work or business, told as a story, is another's (convention 2), and so
                # is what the story goes on with ('Sau ba năm, cơ sở của chị bán ra …').
                entry_carried = carried = _A_PERSON
            elif not subjects and not person and (opens_at is None or key.startswith(_CITED_WORD, opens_at)) \
                    and _CITED_OPEN_RE.match(key, s, e):
                entry_carried = _NOBODY  # (for this sentence only: the text goes on with its body)
            elif person or (not subjects and (opens_at is None or key.startswith(_HOUSEHOLDS_WORDS, opens_at))
                            and _HOUSEHOLDS_SUBJECT_RE.match(key, s, e)):
                entry_carried = carried = _NOBODY
            elif not subjects and ((_may_open(first, _PEOPLE_FIRST) and _PEOPLE_SUBJECT_RE.match(key, s, e))
                                   or (_may_open(first, _BUDGET_FIRST) and _BUDGET_SUBJECT_RE.match(key, s, e)) or (
                    (opens_at is None or key.startswith(_OPENING_WORDS, opens_at))
                    and (lead_in := _OPENING_PHRASE_RE.match(key, s, e)) and _PEOPLE_SUBJECT_RE.match(key, lead_in.end(), e))):
                # ('Hưởng ứng lời kêu gọi của Mặt trận, nhân dân đã đóng góp …': the people after the opening)
                entry_carried = Actor("other", None, "carried")
                carried = None
            if (entry_carried is not None and entry_carried is not _NOBODY and self.default in ORG_CODES
                    and (entry_carried.org == "other" or (entry_carried.orgs is not None and self.default in entry_carried.orgs))
                    and (made := _EVENT_SUBJECT_RE.match(key, s, e) or _HOUSE_SUBJECT_RE.match(key, s, e)) is not None
                    and not any(x.pos < (b.start() if (b := _CLAUSE_BREAK_RE.search(key, made.end(), e)) else e)
                                for x in (*subjects, *owners))):
                # 'Đoàn Thanh niên và Hội LHPN xã cùng ra mắt 1 câu lạc bộ. Ngày hội hiến máu … tiếp nhận
                # 1.180 đơn vị máu', '… Bộ đội Biên phòng góp 640 ngày công. Mỗi ngôi nhà mới rộng 45 m2': the
                # event, the house, is the text's body's (see _EVENT_SUBJECT_RE), up to the body a later clause names.
                entry_carried = Actor(self.default, None, "carried")
                if not subjects:
                    carried = entry_carried
            if area_words and _may_state_area(key, s, e) and (stat := _AREA_STAT_RE.search(key, s, e)) \
                    and not (key.find("số hộ ", stat.end(), e) >= 0 and MEMBERS_BASE_RE.search(key, stat.end(), e)):
                kept = [x for x in subjects if x.pos < stat.start()]
                if kept and _CLAUSE_BREAK_RE.search(key, kept[-1].end, stat.start()):
                    # 'Hội Nông dân huyện giúp 56 hộ thoát nghèo, song tỷ lệ hộ nghèo của huyện vẫn …': the
                    # body's clause before the statistic keeps its figures; the statistic on is nobody's.
                    subjects = [*kept, _Subject(stat.start(), None, None, stat.start())]
                    owners = [x for x in owners if x.pos < stat.start()]
                else:
                    subjects, owners, entry_carried = [], [], _NOBODY
            if attending:
                # The bodies of the guests ('Dự lễ có …; đại diện lãnh đạo Ủy ban MTTQ tỉnh') are not
                # who acts in what follows: the text goes on with the body it had before …
                carried = before_guests
                if before_guests is not None and before_guests is not _NOBODY and before_guests.org != "other":
                    # … and the delegates counted among them ('…, lãnh đạo các ngành và 80 đại biểu') are
                    # the host's, whose congress or meeting it is.
                    subjects, owners, entry_carried = [], [], before_guests
            self._by_sentence.append((s, e, subjects, owners, entry_carried))

    def _place_subjects(self, s: int, acts: list[re.Match[str]], subjects: list[_Subject],
                        carried: Actor | None) -> list[_Subject]:
        """The bare places that act as a clause's subject in the sentence at ``s`` (``acts``: its matches of
        _PLACE_ACTS_RE, see place_acts) where the body in focus there (the sentence's last subject before, else
        the body carried, else the text's) is one of the six last named with a place of another level: each the
        place's authority, for this sentence."""
        key = self.key
        out: list[_Subject] = []
        for m in acts:
            at = m.start()
            cs = max(key.rfind(",", s, at), key.rfind(";", s, at), key.rfind(":", s, at), s - 1) + 1
            before = key[cs:at].strip()
            if (before and (_INTRO_RE.match(before) is None or before.endswith("cấp"))
                    and _ASKS_BEFORE_RE.search(before) is None) or _LEVEL_BEFORE_RE.search(key, s, cs):
                continue  # ('Mặt trận các xã, thị trấn tổ chức …', 'cấp huyện, cấp xã tổ chức …': the places' bodies)
            ref = next((x for x in reversed(subjects) if x.pos < at), None)
            org, orgs = (ref.org, ref.orgs) if ref is not None else (carried.org, carried.orgs) if carried is not None \
                else (self.default, None)
            if orgs or org not in ORG_CODES:
                continue
            # (the level of the body's last naming with a place after it: 'Ủy ban MTTQ huyện', not 'Đoàn giám sát')
            level = next((lv for x in reversed(self.mentions) if x.start < at and x.org == org and x.kind == "name"
                          and (lv := _LEVEL_AFTER_RE.match(key, x.end)) is not None), None)
            if level is None or level.group(1) == m.group("place"):
                continue
            out.append(_Subject(at, "other", None, m.end("place"), local=True))
        return out

    def _branch_subjects(self, s: int, e: int, subjects: list[_Subject], carried: Actor | None,
                         last_hoi: str | None) -> list[_Subject]:
        """The association's branches that open a clause of the sentence s..e as its subject (see _BRANCHES_ACT_RE)
        where the body in force there (the sentence's last subject before, else the body carried) is none of the
        associations: each the association in focus (``last_hoi``), for its clause."""
        out: list[_Subject] = []
        if last_hoi not in HOI_ORGS:
            return out
        opening = _BRANCHES_OPEN_RE.match(self.key, s, e)
        for at in ([s] if opening is not None else []) + [m.start() + 2 for m in _BRANCHES_ACT_RE.finditer(self.key, s, e)]:
            ref = next((x for x in subjects[::-1] if x.pos < at), None)
            org, orgs = (ref.org, ref.orgs) if ref is not None else (carried.org, carried.orgs) if carried is not None \
                else (self.default, None)
            if orgs or org is None or org in HOI_ORGS:
                continue  # (an association's own branches, or joint work: as it was)
            out.append(_Subject(at, last_hoi, None, at))
        return out

    def _heading_names(self, s: int, e: int, here: list[Mention], last_hoi: str | None) -> Actor | None:
        """The one body a heading line names (a line of its own, short, with no final stop), if any."""
        key = self.key
        if not here or (s > 0 and key[s - 1] != "\n") or key[e:e + 1] != "\n" or e - s > 100 \
                or key[:e].rstrip()[-1:] in ".;:,!?":
            return None
        bodies = [m for m in here if m.kind not in ("people", "committee")]
        named = {(org, tuple(orgs or ())) for org, orgs in (_resolve(m, last_hoi, self.default) for m in bodies)}
        if len(named) != 1:
            return None
        org, orgs = next(iter(named))
        m = bodies[-1]
        return Actor(org, list(orgs) if orgs else None, "carried", (m.start, m.end)) if org or orgs else None

    def _section_named(self, here: list[Mention], last_hoi: str | None) -> Actor | None:
        """The one of the six bodies a numbered heading names, if it names one and no other body."""
        bodies = [m for m in here if m.kind not in ("people", "committee")]
        named = {(org, tuple(orgs or ())) for org, orgs in (_resolve(m, last_hoi, self.default) for m in bodies)}
        if len(named) != 1:
            return None
        org, orgs = next(iter(named))
        if orgs or org not in ORG_CODES or org == self.default:
            return None  # (the report's own body's section goes on as the report does)
        m = bodies[-1]
        return Actor(org, None, "carried", (m.start, m.end))

    def _in_numbered_heading(self, s: int) -> bool:
        """Whether the sentence at ``s`` is (part of) a numbered heading line: 'III. Phương hướng
        quý II' (the splitter cuts 'III.' from its title)."""
        key = self.key
        start = key.rfind("\n", 0, s) + 1
        end = key.find("\n", s)
        end = len(key) if end < 0 else end
        return key[end - 1:end] != "." and _NUMBERED_HEADING_RE.match(key, start, end) is not None

    def _label_ends(self, s: int, e: int, here: list[Mention], named: int) -> bool:
        """Whether the paragraph at ``s`` opens with a label or a topic that names no body ('Tiếp nhận phản
        ánh: …', 'Phương hướng tháng tới: …', 'Về công tác hội viên, …') after a paragraph of body text (a line
        closed by its stop, not a heading nor a label over this one) that named the body at ``named``."""
        key = self.key
        lab = _LABEL_OPEN_RE.match(key, s, e)
        if lab is None:
            # … or a heading line of its own that names no body and counts nothing ('Công tác giám sát, phản
            # biện xã hội', 'PHƯƠNG HƯỚNG THÁNG 11'): no final stop, and no number but a period's.
            line = key[s:e].strip()
            if here or key[e:e + 1] != "\n" or not line[:1].isalpha() or len(line) > 100 \
                    or line[-1:] in ".;:!?…," or any(map(str.isdigit, _PERIOD_NUMBER_RE.sub("", line))):
                return False
        elif here and here[0].start < lab.end():
            return False
        n_end = key.find("\n", named, s)
        return n_end >= 0 and key[key.rfind("\n", 0, named) + 1:n_end].rstrip()[-1:] in (".", ";", "!", "?", "…")

    def _opens_sibling_item(self, s: int, named: int) -> bool:
        """Whether the sentence at ``s`` opens a numbered item ('6. …', 'III. …') of the same list as
        the item whose body (not its title line) named the carried body at ``named``."""
        key = self.key
        start = key.rfind("\n", 0, s) + 1
        if s - start <= 4 and (dash := _BULLET_MARK_RE.match(key, start)) is not None and s <= dash.end():
            # '- Các tổ chức: … Hội Nông dân xã lập 1 câu lạc bộ. / - Ý kiến cử tri: tiếp nhận 7 ý kiến':
            # the next dash item of the same list is an item of its own.
            n_start = key.rfind("\n", 0, named) + 1
            there = _BULLET_MARK_RE.match(key, n_start)
            return named < start and there is not None and there.group(1) == dash.group(1)
        if s - start > 8 or (here := _ITEM_MARK_RE.match(key, start)) is None or s > start + here.end() - here.start():
            return False
        if named < start:
            n_start = key.rfind("\n", 0, named) + 1
            there = _ITEM_MARK_RE.match(key, n_start)
            while there is None and n_start > 0 and _BULLET_MARK_RE.match(key, n_start) is not None:
                # '5. Các tổ chức: / - Hội Cựu chiến binh phường có 12 hội viên … / 6. Tiếp nhận phản
                # ánh: …': a dash item belongs to the numbered item its list stands under, and the
                # next numbered item is an item of its own.
                n_start = key.rfind("\n", 0, n_start - 1) + 1
                there = _ITEM_MARK_RE.match(key, n_start)
            return (there is not None and _mark_kind(there.group(1)) == _mark_kind(here.group(1))
                    and not self._in_numbered_heading(named))
        return False

    def lead_actor(self) -> Actor | None:
        """The body the text's first sentence with a subject names: the actor of a news article's lead,
        whom its headline speaks of ('Hơn 500 triệu đồng cho các công trình … / Thành Đoàn Huế tổ chức …')."""
        for _s, _e, subjects, _owners, _carried in self._by_sentence:
            if subjects:
                x = subjects[0]
                return Actor(x.org, x.orgs, "default", (x.pos, x.end)) if (x.org or x.orgs) else None
        return None

    def actor_at(self, pos: int, unit: str | None = None) -> Actor:
        i = bisect.bisect_right(self._starts, pos) - 1
        for s, e, subjects, owners, carried in (self._by_sentence[i],) if i >= 0 else ():  # (the sentence of pos)
            if not (s <= pos < e):
                continue
            # (most sentences have no owner: no generator made for them)
            if owners and (right := next((o for o in owners if o.agent and pos < o.pos <= pos + _AGENT_AFTER_REACH), None)) \
                    is not None and _AGENT_AFTER_GAP_RE.fullmatch(self.key, pos, right.pos):
                # '20 căn do Công ty Xổ số tài trợ, 1 căn do Mặt trận huyện hỗ trợ': the agent of the
                # passive right after a figure gave it, whoever the sentence's subject or first agent is.
                return Actor(right.org, right.orgs, "owner", (right.pos, right.end))
            before = [x for x in subjects if x.pos <= pos]
            if before:
                x = before[-1]
                if x.speaker and (told := [o for o in owners if x.end <= o.pos <= pos and o.org not in (None, "other")]):
                    # 'NHCSXH cho biết, dư nợ ủy thác qua Hội Phụ nữ đạt 318 tỷ đồng': the teller owns nothing.
                    o = told[-1]
                    return Actor(o.org, o.orgs, "owner", (o.pos, o.end))
                agents = [o for o in owners if o.agent and x.end <= o.pos and o.end <= pos]
                if agents and not _CLAUSE_BREAK_RE.search(self.key, agents[-1].end, pos):
                    # 'Quỹ do UBND tỉnh cấp từ ngân sách 20 tỷ đồng': the agent of the passive between
                    # the subject and the figure gave it.
                    o = agents[-1]
                    return Actor(o.org, o.orgs, "owner", (o.pos, o.end))
                return Actor(x.org, x.orgs, "subject", (x.pos, x.end))
            own = [x for x in owners if x.pos <= pos]
            if not own and not subjects:
                # 'hơn 10.400 tỷ đồng vốn chính sách qua các tổ chức hội': the owner after the figure
                own = [x for x in owners if pos < x.pos < pos + 60 and not _CLAUSE_BREAK_RE.search(self.key, pos, x.pos)][:1]
            if own:
                x = own[-1]
                return Actor(x.org, x.orgs, "owner", (x.pos, x.end))
            if subjects and _INTRO_PREP_RE.match(self.key, s, e):
                x = subjects[0]
                return Actor(x.org, x.orgs, "subject", (x.pos, x.end))
            if carried is _NOBODY:
                return Actor(None, None, "none")
            if carried is not None:
                if unit and unit.strip() in _MIXED_UNITS:
                    return Actor(None, None, "none")  # 'hội, đoàn viên': members of several bodies
                return Actor(carried.org, carried.orgs, "carried", carried.named_at)
            break
        if self.default:
            return Actor(self.default, None, "default")
        return Actor(None, None, "none")
