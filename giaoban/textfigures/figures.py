"""Finding figures: a number with its scale, qualifier and counted noun, minus the non-figures.

One pass over the digit literals and one over runs of number words. Each candidate is judged by
its neighbours: the word before (an identifier such as 'năm 2023', 'Chỉ thị 05'), the shape
after ('19/10', '05-CT/TW', '2020-2025') and the noun after (a unit, or a time word).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from operator import attrgetter

from . import lexicon as lx
from .normalize import WORD_START, WORD_START_2, by_first_letter, prefix_alternation, trie_alternation
from .numbers import LITERAL_RE, SCALE_WORDS, SCALES, WORD_PARTS, Literal, parse_literal, read_scales, read_word_run, space_grouped_end, words_value

_LETTERS_RE = re.compile(r"[^\W\d_]+")
_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)(:?) *$")
_TWO_WORDS_BEFORE_RE = re.compile(r"([^\W\d_]+ [^\W\d_]+) *$")
_LINE_START_LIST_RE = re.compile(r"(?:^|\n)[ \t]*$")
_NEXT_WORD_RE = re.compile(r" ?([^\W\d_]+)")
# The rest of a noun of people not in the lexicon, after its first syllable: one more syllable at most, then 'viên'.
_AGENT_SUFFIX_RE = re.compile(r"(?: [^\W\d_]+)? viên(?![^\W_])")
_DOC_NUMBER_AFTER_RE = re.compile(r"(?:[-/]\s?[^\W\d_]*[A-ZĐ]|/\d{2,4}/)")
_VAGUE_BEFORE_RE = re.compile(by_first_letter(r"(?<![^\W_])(hàng|vài|mấy|dăm|một vài|gấp|hàng chục|hàng trăm|hàng nghìn|hàng ngàn) *$"))
_CHANGE_BEFORE_RE = re.compile(
    by_first_letter(r"(?<![^\W_])(tăng|giảm|tăng thêm|giảm thêm|tăng được|giảm được|giảm đi|tăng trưởng|nhiều hơn|ít hơn)"
    r"(?: (?:gần|khoảng|hơn|trên|dưới|xấp xỉ))? *$")
)
_SHARE_AFTER_RE = re.compile(r" ?(?:so với )?(chỉ tiêu|kế hoạch|kh\b|nghị quyết|tổng|mục tiêu|cùng kỳ)")
_WORD_NUMBER_START_RE = re.compile(trie_alternation(  # (no word is another's prefix: the same matches)
    "một hai ba bốn năm sáu bảy bẩy tám chín mười trăm nghìn ngàn triệu tỷ tỉ".split(), after_second=WORD_START_2) + r"(?![^\W_])")
_ABBREV_IDENT = {"covid", "sars"}
# Prefixes of a non-figure kept as a phrase, checked on the two words before the number.
# … and on the three words before it: places named by their number ('khu phố 3 báo cáo …', 'Khu vực 2
# hỗ trợ …', 'tổ dân phố 5'), where the number counts nothing; each or all of them ('mỗi khu phố 30
# hộ', 'các khu vực 120 hộ') name none.
_IDENT_PHRASES = {"lần thứ", "tổ dân", "giai đoạn", "nhiệm kỳ", "tiểu khu", "quốc lộ", "tỉnh lộ", "hội nghị",
                  "khu phố", "khu vực", "khu dân cư", "tổ dân phố", "liên tổ"}
_EACH_WORDS = {"mỗi", "từng", "các", "những"}
# The units of a place, before its name ('huyện', 'thị xã', 'thành phố', 'thị trấn': their last word).
_PLACE_UNIT_WORDS = {"huyện", "xã", "phường", "quận", "tỉnh", "phố", "trấn"}
# A body's short name ends the words before a number that counts what it got or gave ('tặng Hội 30 suất
# quà'): no name with a number ('Khu 5'), whatever its capital letter says.
_BODY_WORDS_BEFORE = (" hội", " đoàn", " mặt trận", " công đoàn")
# Two words before a number that name nothing numbered ('tổng số 120 hội viên'); 'thiểu số' and 'đa số' end
# in 'số' without being the 'số' of a numbered name ('Số 5'): 'giúp đồng bào dân tộc thiểu số 240 ngày công',
# 'được đa số 68 hội viên tín nhiệm' (who was helped or agreed, then the figure).
_NOT_IDENT_TWO_WORDS = {"tổng số", "số lượng", "trong số", "thiểu số", "đa số"}
# The kinds of document and programme named by a number ('Đề án 03', 'Kế hoạch 12', 'Chỉ thị 05').
_DOCUMENT_NOUNS = {"đề án", "nghị quyết", "chỉ thị", "quyết định", "kết luận", "thông tư", "công văn", "kế hoạch",
                   "chương trình", "nghị định", "quy định", "tờ trình", "thông báo"}  # ('trong số 45 hộ đăng ký': among so many)

# Shapes checked right after a number (compiled once: this runs for every number).
_MARK_CHARS = {".", ")"}
_LIST_MARK_AFTER = re.compile(r"[.)]\s")
_SUBLIST_MARK_AFTER = re.compile(r"(\.\d+)+[.)]?\s")
_DASH_OR_SLASH_WORD = re.compile(r"[-/]\s?[^\W\d_]")
_SLASH_WORD = re.compile(r"/[^\W\d_]")
_DATE_TAIL = re.compile(r"/\d+/\d+")
_DOC_NUMBER_TAIL = re.compile(r"/\d+/\s?[^\W\d_]")
_DASH_NUMBER_SLASH = re.compile(r"-\d+/")
_YEAR_RANGE_TAIL = re.compile(r" ?[-–] ?((?:19|20)\d\d)(?!\d)")
# What every shape below starts with; most numbers are followed by a space and a word.
_TAIL_HINT = ("-", "/", "–", " -", " –", " đến ", " tới ")  # (str.startswith: one call in C, no regex)
_PAIR_TAIL = re.compile(r"/(\d+(?:[.,]\d+)*)")
_RANGE_TAIL = re.compile(r" ?[-–] ?(\d+(?:[.,]\d+)*)| (?:đến|tới) (\d+(?:[.,]\d+)*)")
_SCALE_WORD = re.compile(r" ?(" + SCALE_WORDS + r")(?![^\W\d_])")
_SCALE_WORD_LOOSE = re.compile(r" ?(" + SCALE_WORDS + ")")
_WORD_END = re.compile(r"(?![^\W_])")
_PER_UNIT = re.compile(r" ?/ ?([^\W\d_]+)")
_TIME_NOUN = re.compile(r" ?(năm|tháng|ngày)")
# A word of count right before 'x/y' with no unit after it: a part of a whole, never a day ('còn 2/8 Ủy ban
# MTTQ xã chậm báo cáo', 'mới có 3/9 Ban Công tác Mặt trận …', 'đạt 5/7 …'); a date follows 'ngày', 'sáng', 'từ' …
_COUNT_WORD_BEFORE_RE = re.compile(by_first_letter(r"(?<![^\W\d_])(?:còn|có|đạt|chỉ)\s$"))
_DAY_ENDS_RE = re.compile(r"\s*(?:$|[,.;:)\n]|(?:là|và|năm|hằng năm)(?![^\W\d_]))")  # ('có 1/6 là …': a day after all)
_DAY_NAMED_BEFORE = re.compile(by_first_letter(r"(?<![^\W\d_])ngày(?![^\W\d_])[^.;:\n\d]*$"))
# A time of the day right before a day/month ('Sáng 15/8 Đoàn xã tổ chức …', 'Chiều 20/10 Hội LHPN huyện trao …'):
# a date, whatever counted noun a body's name after it makes ('Đoàn xã', 'Hội LHPN'); not the light of 'thắp sáng'.
_TIME_OF_DAY_BEFORE_RE = re.compile(by_first_letter(r"(?<![^\W\d_])(?<!thắp )(?<!chiếu )(?:sáng|chiều|tối|trưa|đêm|hôm)(?: (?:ngày|nay|qua))? $"))


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    value: Decimal
    unit: str | None
    unit_category: str | None
    unit_text: str = ""
    qualifier: str = "exact"
    kind: str = "level"
    flags: set[str] = field(default_factory=set)
    unit_end: int = 0  # end of the counted noun (the figure's span may stop earlier for x/y)
    qualifier_start: int | None = None  # the span starts at the qualifier ('gần 3.000 tỷ đồng')

    # (written out, the fields' defaults as above: the dataclass's own __init__ is Python it generates,
    # which the compiled engine would run, interpreted, for every number read; this one is compiled)
    def __init__(self, start: int, end: int, value: Decimal, unit: str | None, unit_category: str | None,
                 unit_text: str = "", qualifier: str = "exact", kind: str = "level", flags: set[str] | None = None,
                 unit_end: int = 0, qualifier_start: int | None = None) -> None:
        self.start = start
        self.end = end
        self.value = value
        self.unit = unit
        self.unit_category = unit_category
        self.unit_text = unit_text
        self.qualifier = qualifier
        self.kind = kind
        self.flags = set() if flags is None else flags
        self.unit_end = unit_end
        self.qualifier_start = qualifier_start


_TIERS_RE = re.compile(r" cấp(?![^\W\d_])")
_GOVERNMENT_BEFORE_RE = re.compile(by_first_letter(r"(?<![^\W\d_])chính quyền(?: địa phương)? $"))


def find_candidates(text: str, key: str) -> list[Candidate]:
    out: list[Candidate] = []
    consumed_until = -1
    for m in LITERAL_RE.finditer(key):
        if m.start() < consumed_until:
            continue
        res = _judge_literal(text, key, m.start(), m.end())
        if res is None:
            continue
        cands, consumed = res
        out.extend(cands)
        if consumed > consumed_until:
            consumed_until = consumed
    if "trong đó" in key:
        out.extend(_sub_items(key, out))
    if " so " in key:
        out.extend(_elided_changes(key, out))
    taken = bytearray(len(key) + 1)  # positions already inside a digit figure
    for c in out:
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
    run_end = -1
    for m in _WORD_NUMBER_START_RE.finditer(key):
        if taken[m.start()] or m.start() < run_end:
            continue  # inside a figure, or inside a run of number words already judged
        if m.group(1) in _ALONE_NO_FIGURE and not _next_is_number_word(key, m.end()):
            continue  # 'năm', 'một' alone are no figure (as _judge_words says), the commonest case
        run = read_word_run(key, m.start())
        run_end = run[0]
        judged = _judge_words(text, key, m.start(), run)
        if judged is not None:
            out.append(judged)
            taken[judged.start:judged.end] = b"\x01" * (judged.end - judged.start)
    out.sort(key=_START)
    return out


_ALONE_NO_FIGURE = {"năm", "một"}
# A figure split by sub-item: '6.840 đoàn viên (trong đó: nữ 4.120, dân tộc thiểu số 215)'. Each item is
# a label of a few words and a bare number, ending the list or followed by the next item.
_SUB_LIST_RE = re.compile(r" \(?trong đó:? ")
_SUB_ITEM_RE = re.compile(r"((?:[^\W\d_]+ ){1,5})(\d{1,3}(?:\.\d{3})*)(?=,(?!\d)|[;)]|\.(?!\d)| và )")
_SUB_ITEM_SEP_RE = re.compile(r"(?:, | và |; )")


def _sub_items(key: str, found: list[Candidate]) -> list[Candidate]:
    """The bare numbers of a sub-item list after a counted figure, counted in the figure's unit."""
    out: list[Candidate] = []
    for m in _SUB_LIST_RE.finditer(key):
        # (the total right before, or after the words that end its noun: '146 hội viên mới (trong đó: …')
        total = next((c for c in found if 0 <= m.start() - c.end <= 12 and not any(
            ch.isdigit() or ch in ";.:" for ch in key[c.end:m.start()])), None)
        if total is None or total.unit is None or total.unit_category in ("money", "percent") or total.unit == "%":
            continue
        pos = m.end()
        while (item := _SUB_ITEM_RE.match(key, pos)) is not None:
            s, e = item.start(2), item.end(2)
            if (lit := parse_literal(key[s:e])) is None:
                break
            out.append(Candidate(s, e, lit.value, total.unit, total.unit_category,
                                 total.unit_text, flags={"sub_item"}, unit_end=e))
            sep = _SUB_ITEM_SEP_RE.match(key, e)
            if sep is None:
                break
            pos = sep.end()
    return out


# A change with its comparison base and its noun left out ('số đoàn viên được giới thiệu … là 37, tăng 9 so với
# quý I', '… kết nạp 64 hội viên, giảm 5 so với cùng kỳ'): a figure of kind change counted in the noun of the
# figure right before it in its sentence (a count of people or things; not money or a share, whose bare
# number may be of another scale). Issue 15, detection misses of the dev part (danang_congdoan_vienchuc_q2_2023).
_ELIDED_CHANGE_RE = re.compile(r"(?:tăng|giảm)(?: thêm)? (\d{1,3}(?:\.\d{3})*) so (?:với|cùng)(?![^\W\d_])")
_SENTENCE_BREAK_RE = re.compile(r"[;:\n.](?!(?<=\.)\d)")  # ('[;:\n]|\.(?!\d)', a set first)
_ELIDED_CATEGORIES = frozenset({"person", "count", "times"})


def _elided_changes(key: str, found: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for m in _ELIDED_CHANGE_RE.finditer(key):
        if m.start() > 0 and key[m.start() - 1].isalpha():
            continue  # (a word ending in the letters)
        s, e = m.span(1)
        if any(c.start <= s < c.end for c in found):
            continue
        prior = max((c for c in found if c.end <= m.start()), key=_START, default=None)
        if prior is None or prior.unit is None or prior.unit_category not in _ELIDED_CATEGORIES \
                or _SENTENCE_BREAK_RE.search(key, prior.end, m.start()) is not None:
            continue
        if (lit := parse_literal(key[s:e])) is None:
            continue
        out.append(Candidate(s, e, lit.value, prior.unit, prior.unit_category, prior.unit_text, kind="change",
                             flags={"unit_from_change"}, unit_end=e))
    return out


_START = attrgetter("start")  # (the sort key, called in C)


def _next_is_number_word(key: str, end: int) -> bool:
    """Whether a run of number words goes on after ``end`` (as ``read_word_run`` reads it)."""
    if not key.startswith(" ", end):
        return False
    m = _LETTERS_RE.match(key, end + 1)
    return m is not None and m.group() in WORD_PARTS


# --- digit literals -------------------------------------------------------------------------------

# The rest of a short quoted name after its opening number: a few words, then the closing quote.
_QUOTED_NAME_AFTER_RE = re.compile(r"(?: [^\W\d_]+){1,5}[\"”]")


# The nouns that a quoted name follows ('mô hình "…"', 'phong trào "…"'), before the opening quote.
_NAME_HEAD_BEFORE_QUOTE_RE = re.compile(
    by_first_letter(r"(?<![^\W\d_])(?:mô hình|chương trình|phong trào|cuộc vận động|câu lạc bộ|clb|đề án|chủ đề|khẩu hiệu|"
    r"cuộc thi|hội thi|chiến dịch|dự án|ngày hội|phiên chợ|công trình|đội hình|tủ sách|sân chơi)[ \t]*$"))


def _inside_quoted_name(key: str, s: int, e: int) -> bool:
    """Whether the number at ``s:e`` stands inside a quoted name (up to sixteen words after it, issue 15: the
    campaigns' long names) after a noun that names one."""
    window = key[s - 60 if s > 60 else 0:s]  # (one copy for both quotes)
    if '"' not in window and "“" not in window:
        return False  # (most numbers: no quote just before)
    line = key.rfind("\n", 0, s) + 1
    q = max(key.rfind('"', line, s), key.rfind("“", line, s))
    if q < 0 or s - q > 60 or key[q + 1:s].count(" ") > 6:
        return False
    if key[q] == '"' and key.count('"', line, q) % 2:
        return False  # a closing quote: the number stands after a quoted name, not inside it
    close = min((i for i in (key.find('"', e, e + 110), key.find("”", e, e + 110)) if i >= 0), default=-1)
    if close < 0 or "\n" in key[e:close] or key[e:close].count(" ") > 16:
        return False
    return _NAME_HEAD_BEFORE_QUOTE_RE.search(key, max(0, q - 24), q) is not None


def _judge_literal(text: str, key: str, s: int, e: int) -> tuple[list[Candidate], int] | None:
    raw = key[s:e]
    prev = key[s - 1] if s > 0 else ""
    if s >= 2 and ((prev == "/" and key[s - 2].isdigit()) or (prev == "-" and key[s - 2].isalnum())):
        # Second half of 'x/y', 'COVID-19', '05-CT/TW', '2020-2025': handled with the first half.
        return None
    if prev == "." and s >= 2 and key[s - 2].isdigit():
        return None
    lit = parse_literal(raw)
    if lit is None:
        return None
    # A list marker at the start of a line: '1. Công tác tuyên truyền', '2) ...'.
    # (both marks start with '.' or ')' right after the number: most numbers have a space there)
    if key[e:e + 1] in _MARK_CHARS and ((lit.plain_digits and _LIST_MARK_AFTER.match(key, e, e + 2))
                                        or _SUBLIST_MARK_AFTER.match(key, e, e + 6)) \
            and _LINE_START_LIST_RE.search(key[max(0, s - 40):s]):
        return None
    if prev in ('"', "“") and _QUOTED_NAME_AFTER_RE.match(key, e) and (s < 2 or not key[s - 2].isalnum()) \
            and (lit.value == 0 or not lx.UNIT_RE.match(key, e + 1)):
        # 'theo nguyên tắc "3 chung"', 'Phiên chợ "0 đồng"': a number opening a short quoted name
        # (unless it counts a thing: '"120 suất quà"').
        return None
    if prev not in ('"', "“") and _inside_quoted_name(key, s, e):
        # 'mô hình "Mỗi chi hội có 1 địa chỉ vì phụ nữ nghèo"': a number inside a short quoted name
        # of a model, a movement or a programme counts nothing.
        return None
    if key.startswith(" cấp", e) and _TIERS_RE.match(key, e) and _GOVERNMENT_BEFORE_RE.search(key, max(0, s - 30), s):
        return None  # 'vận hành chính quyền địa phương 2 cấp': the kind of government, no count
    if _is_identifier(text, key, s) and not _SCALED_MONEY_AFTER_RE.match(key, e) \
            and not (key.endswith(_BODY_WORDS_BEFORE, 0, s - 1) and lx.UNIT_RE.match(key, e + 1)):
        # (a name's number is never followed by millions of đồng: 'hỗ trợ các tổ 120 triệu đồng',
        # 'Dư nợ ủy thác qua Hội 42,6 tỷ đồng' are amounts; nor is a body's name followed by things
        # counted: 'Agribank tặng Hội 30 suất quà', 'trao qua Đoàn 50 chiếc xe đạp')
        return None
    after = key[e:e + 24]
    tail = after.startswith(_TAIL_HINT)  # a dash, a slash or 'đến': the shapes below
    # Document numbers and dates: '05-CT/TW', '123/KH-UBND', '09/2019/NĐ-CP', '1/7/2025'.
    if tail and _DASH_OR_SLASH_WORD.match(after):
        if not _SLASH_WORD.match(after) or text[e + 1:e + 2].isupper():
            return None
    if tail and (_DATE_TAIL.match(after) or _DOC_NUMBER_TAIL.match(after) or _DASH_NUMBER_SLASH.match(after)):
        return None
    # Year ranges: 'nhiệm kỳ 2020-2025', 'giai đoạn 2021 - 2025'.
    if tail and lit.plain_digits and 1900 <= lit.value <= 2100 and _YEAR_RANGE_TAIL.match(after):
        return None
    # Glued letters are only allowed for a unit: '34,5km', '10ha'.
    if e < len(key) and key[e].isalpha():
        um = lx.UNIT_RE.match(key, e)
        if not um or um.start(1) != e:
            return None
    # x/y: a pair of figures ('156/157 chi hội') or a date ('19/10', '9/2023').
    pm = _PAIR_TAIL.match(after) if tail else None
    if pm:
        return _judge_pair(text, key, s, e, lit, e + 1, e + 1 + len(pm.group(1)))
    # Ranges 'từ 10-15 hộ', '10 - 15 hộ', '10 đến 15 hộ'.
    rm = _RANGE_TAIL.match(after) if tail else None
    if rm:
        s2 = e + rm.start(1 if rm.group(1) else 2)
        e2 = e + rm.end(1 if rm.group(1) else 2)
        second = _read_figure(text, key, s2, e2, parse_literal(key[s2:e2]))
        first = _read_figure(text, key, s, e, lit)
        if second is not None and second.unit is not None and first is not None:
            scale_m = _SCALE_WORD.match(key[e2:e2 + 8])
            if first.unit is None and scale_m and not _SCALE_WORD_LOOSE.match(key[e:e + 8]):
                # '40 - 50 triệu đồng': the scale word of the second number is the first's too.
                first.value = first.value * SCALES[scale_m.group(1)]
            if first.unit is None:
                first.unit, first.unit_category, first.unit_text = second.unit, second.unit_category, second.unit_text
                first.unit_end = second.unit_end
                first.end = e
                _finish_value(first, lit, has_scale=False)
            if _non_figure_unit(second) or _non_figure_unit(first):
                return [], e2
            second.qualifier = "exact"
            # (the two ends of a range count one thing and are read alike: engine, the gate and the words before)
            first.flags.add("range_first")
            second.flags.add("range_second")
            return [first, second], e2
    c = _read_figure(text, key, s, e, lit)
    if c is None or c.unit is None or _non_figure_unit(c):
        return None
    if "unknown_unit" in c.flags and lit.plain_digits and e - s <= 2 and _NAME_NUMBER_AFTER_RE.match(key, c.end) \
            and s >= 2 and key[s - 1] == " " and text[_letters_start(key, s - 1):s - 1][:1].isupper():
        # 'Hội Nông dân xã Hòa Tú 1 tặng 120 bình', 'Đoàn Phường 3 trồng 200 cây': a place's name ends with
        # its number, then the verb of the figure that follows; no count of a thing called 'tặng'.
        return None
    if "unknown_unit" in c.flags and lit.plain_digits and e - s <= 3 and _NAME_NUMBER_AFTER_RE.match(key, c.end) \
            and _body_name_before(text, s):
        # 'Bệnh viện Quân y 175 khám cho 300 người', 'Trung tâm Y tế Quân dân y 12 cấp 500 suất thuốc': a body's
        # name of several words, capitalized after its head noun, ends with its number, then the verb of
        # the figure that follows ('Công ty May Việt Tiến 300 công nhân' counts: a counted noun follows).
        return None
    if "unknown_unit" in c.flags and lit.plain_digits and e - s == 4 and c.value == lit.value and 1900 <= lit.value <= 2100:
        # 'Tháng Công nhân 2023 mang …', 'Xuân Giáp Thìn 2024 ấm áp': four bare digits before a word
        # that counts nothing are a year (a count that large is written '2.023').
        return None
    return [c], c.end


# (a body's head noun, capitalized, then a name of one to five words opening with a capital)
_BODY_NAME_BEFORE_RE = re.compile(by_first_letter(r"(?<![^\W\d_])(?:" + "|".join(sorted(lx.BODY_NAME_HEADS, key=len, reverse=True))
                                  + r") (?P<name>[^\W\d_]+(?: [^\W\d_]+){0,4}) $"))
_LEVEL_WORDS = frozenset((*lx.ADMIN_LEVELS.split("|"), "quận"))


def _body_name_before(text: str, s: int) -> bool:
    """A body's name ends right before ``s`` ('Bệnh viện Quân y ', 'Trung tâm Y tế Quân dân y '), no level
    word last ('Bệnh viện Đa khoa tỉnh 200 ca' counts)."""
    m = _BODY_NAME_BEFORE_RE.search(text, max(0, s - 60), s)
    return m is not None and m.group("name")[:1].isupper() and m.group("name").rsplit(" ", 1)[-1].lower() not in _LEVEL_WORDS


_NAME_NUMBER_AFTER_RE = re.compile(r"[^\d.;:\n]{0,60}?\d")  # (after the name's number and its verb: the figure's number)


def _read_figure(text: str, key: str, s: int, e: int, lit: Literal | None) -> Candidate | None:
    if lit is None:
        return None
    pos = e
    # '19 136 hộ': space-grouped thousands.
    # (space_grouped_end returns at once unless 1–3 digits and a space follow)
    # (a group needs a digit after the space: most numbers have a word there, looked at first)
    grouped_end, extra = space_grouped_end(key, e, e - s) \
        if lit.plain_digits and e - s <= 3 and key[e + 1:e + 2].isdecimal() and key.startswith(" ", e) else (e, "")
    value = lit.value
    if extra and lx.UNIT_RE.match(key, grouped_end):
        value = Decimal(key[s:e] + extra)
        lit = Literal(s, grouped_end, value, plain_digits=True)
        pos = grouped_end
    scale_end, seq = read_scales(key, pos)
    has_scale = bool(seq)
    if has_scale:
        v = words_value([lit.value, *seq])
        if v is None:
            return None
        value = v
        pos = scale_end
    c = Candidate(s, pos, value, None, None)
    c.unit_end = pos
    _read_unit(text, key, c, pos, has_scale)
    if c.unit is None and ("tỷ" in seq or "tỉ" in seq):
        # 'tăng 27 tỷ so với đầu năm': thousands of millions of nothing else are đồng.
        c.unit, c.unit_category = "đồng", "money"
    _finish_value(c, lit, has_scale)
    c.qualifier, c.qualifier_start = qualifier_span(key, s)
    if c.unit is not None:
        qa = _qualifier_after(key, c.unit_end)
        if qa:
            c.qualifier = qa
        elif c.qualifier == "exact" and key[s - 3:s] == "từ " and key.find("trở", c.unit_end, c.unit_end + 64) >= 0 \
                and (fm := _FROM_UP_AFTER_RE.match(key, c.unit_end)) is not None:
            # 'kết nạp từ 30 hội viên mới trở lên', 'có từ 70% chi hội xếp loại vững mạnh trở lên':
            # 'từ N … trở lên' is at least N, whatever words stand between.
            c.qualifier = _QUALIFIER_AFTER_MAP[fm.group(1)]
    c.kind = _kind(key, c)
    if c.qualifier_start is not None and key.startswith("vượt", c.qualifier_start) and c.unit is not None \
            and _EXCEEDED_BY_AFTER_RE.match(key, c.unit_end):
        # 'vượt 4,3% so với năm 2019', 'vượt 312 căn so với kế hoạch': by how much it exceeded,
        # an exact difference, not 'more than'.
        c.qualifier, c.qualifier_start, c.kind = "exact", None, "change"
    if lit.odd:
        c.flags.add("odd_separators")
    return c


def _read_unit(text: str, key: str, c: Candidate, pos: int, has_scale: bool) -> None:
    q = pos + (key[pos:pos + 1] == " ")
    lm = lx.LUOT_RE.match(key, pos) if key.startswith("lượt", q) else None
    um = lx.UNIT_RE.match(key, pos)
    if um is None and lm is None and key[q:q + 1] in ('"', "“"):
        um = lx.UNIT_RE.match(key, q + 1)  # 'xây 9 "nhà nhân ái"': the counted noun opens a quoted name
    if lm and (not um or lm.end() >= um.end()):
        person = lm.group(2)
        if person and (person == "hộ" or person.startswith("hộ ")):  # not 'hội viên'
            unit = "lượt hộ"
        elif person == "cử tri":
            unit = "lượt cử tri"
        elif person:
            unit = "lượt người"
        else:
            unit = "lượt"
        c.unit, c.unit_category, c.unit_end = unit, "times", lm.end()
    elif um:
        k = um.group(1)
        entry = lx.UNIT_BY_KEY[k]
        c.unit, c.unit_category, c.unit_end = entry[1], entry[2], um.end()
        if k == "đ" and not has_scale and not _WORD_END.match(key[um.end():um.end() + 1] or " "):
            c.unit = None
    else:
        nm = _NEXT_WORD_RE.match(key, pos)
        if nm and nm.group(1) == "ban" and text[nm.start(1)].isupper() and not _YEAR_AT_RE.fullmatch(key, c.start, pos):
            # 'thành lập 7 Ban Điều hành …': committees counted, whatever their name ('2022 Ban
            # Thường trực …' is a year).
            c.unit, c.unit_category, c.unit_end = "ban", "count", nm.end()
        elif nm and nm.group(1) not in lx.NOT_A_UNIT and not text[nm.start(1)].isupper():
            if nm.group(1) in lx.NON_FIGURE_UNITS:
                c.unit, c.unit_category, c.unit_end = nm.group(1), "time", nm.end()
            else:
                end = nm.end()
                if (vm := _AGENT_SUFFIX_RE.match(key, end)) is not None:
                    end = vm.end()  # '9 kiểm sát viên', '3 hướng dẫn viên': a noun of people ends at 'viên'
                c.unit, c.unit_category, c.unit_end = key[nm.start(1):end], "count", end
                c.flags.add("unknown_unit")
        else:
            c.unit = _unit_from_label(key, c.start)
            if c.unit is not None:
                c.unit_category = "count"
                c.flags.add("unit_from_label")
            elif (fm := _FROM_TO_AFTER_RE.match(key, pos)) and key.endswith("từ ", 0, c.start):
                # 'tăng từ 402 lên 468 chị': the first of the pair counts what the second counts.
                um2 = lx.UNIT_RE.match(key, fm.end())
                nm2 = None if um2 else _NEXT_WORD_RE.match(key, fm.end())
                if um2:
                    entry = lx.UNIT_BY_KEY[um2.group(1)]
                    c.unit, c.unit_category = entry[1], entry[2]
                    c.flags.add("unit_from_pair")
                    if not has_scale and (scale_m := _SCALE_WORD.match(key, fm.end())) is not None:
                        # 'tăng từ 1,2 lên 1,8 tỷ đồng': the second's scale word is the first's too, as
                        # in a range ('từ 30 đến 100 triệu đồng').
                        c.value = c.value * SCALES[scale_m.group(1)]
                elif nm2 and nm2.group(1) not in lx.NOT_A_UNIT and nm2.group(1) not in lx.NON_FIGURE_UNITS \
                        and not text[nm2.start(1)].isupper():
                    c.unit, c.unit_category = nm2.group(1), "count"
                    c.flags.update(("unit_from_pair", "unknown_unit"))
    if c.unit is None:
        return
    # Money per unit '700.000 đồng/suất'; a share of a total '0,19%/tổng dư nợ'.
    if c.unit_category == "money":
        pm = _PER_UNIT.match(key[c.unit_end:c.unit_end + 20])
        if pm:
            c.unit = "đồng/" + pm.group(1)
            c.unit_end += pm.end()
    if c.unit_category == "time":
        return
    c.unit_text = text[c.end:c.unit_end].strip()
    # Extend the span over the counted noun so the text reads '29.774 lượt người'.
    c.end = c.unit_end


_TOTAL_LABEL_RE = re.compile(r"t(?<![^\W\d_].)ổng số ([^\W\d_]+(?: [^\W\d_]+)?) $")  # (the word start after 't': see WORD_START)
_FROM_TO_AFTER_RE = re.compile(r" (?:lên|xuống) [\d][\d.,]*(?= )")  # (not 'từ 30 đến 50 triệu': a range)
# 'số chi hội còn 1.298', 'tổ hội còn 1.245': what remains is counted by the noun before 'còn'.
_REMAINING_LABEL_RE = re.compile(r"([^\W\d_](?<![^\W\d_].)[^\W\d_]*(?: [^\W\d_]+)?) còn $")


# 'Tổng số hội viên: 12.345', 'Số lượng đoàn viên là …' (every match says 'số ': asked first, in C).
_LABEL_WORD = "số "
# (the noun of up to four words: 'câu lạc bộ', 'hợp tác xã', 'công đoàn cơ sở' are units of three words or more)
_LABEL_RE = re.compile(r"(?:tổng )?số (?:lượng )?([^\W\d_]+(?: [^\W\d_]+){0,3})[^.;\n]{0,60}?(?::|là|đạt|lên) *$")
_REMAINING_ENDS = (" còn ", " còn \n")  # (how a match of _REMAINING_LABEL_RE ends its string: asked first)


def _unit_from_label(key: str, s: int) -> str | None:
    """'Tổng số hội viên: 12.345' – the noun comes from the label before the number."""
    before = key[max(0, s - 80):s]
    m = _LABEL_RE.search(before) if _LABEL_WORD in before else None
    if not m:
        # 'Tổng số hội viên 4.126;' – the label right before the number, nothing between.
        m = _TOTAL_LABEL_RE.search(key, max(0, s - 40), s) or (
            _REMAINING_LABEL_RE.search(key, max(0, s - 40), s) if key.endswith(_REMAINING_ENDS, max(0, s - 40), s) else None)
    if not m:
        return None
    words = m.group(1)
    for k, unit, _cat in lx.UNIT_ENTRIES:
        if words == k or words.startswith(k + " "):
            return unit
    return None


def _finish_value(c: Candidate, lit: Literal, has_scale: bool) -> None:
    # '14,917 hộ': a count cannot be fractional, so the comma groups thousands.
    if lit.alt_thousands is not None and not has_scale and c.unit_category in ("person", "count", "times"):
        c.value = lit.alt_thousands
        c.flags.add("comma_thousands")


def _non_figure_unit(c: Candidate) -> bool:
    return c.unit_category == "time" or (c.unit is not None and c.unit in lx.NON_FIGURE_UNITS)


def _judge_pair(text: str, key: str, s: int, e: int, lit: Literal, s2: int, e2: int) -> tuple[list[Candidate], int] | None:
    lit2 = parse_literal(key[s2:e2])
    if lit2 is None:
        return None
    second = _read_figure(text, key, s2, e2, lit2)
    has_unit = second is not None and second.unit is not None and not _non_figure_unit(second)
    both_small = lit.plain_digits and lit2.plain_digits and len(key[s:e]) <= 2 and len(key[s2:e2]) <= 2
    if not has_unit:
        if lit2.plain_digits and 1900 <= lit2.value <= 2100:
            return [], e2  # 'tháng 9/2023', 'Quý III/2023'
        if both_small and 1 <= lit.value <= 31 and 1 <= lit2.value <= 12 \
                and not (_COUNT_WORD_BEFORE_RE.search(key, max(0, s - 12), s) and not _DAY_ENDS_RE.match(key, e2)):
            return [], e2  # '19/10' (but 'còn 2/8 Ủy ban MTTQ xã …': a part of a whole after a word of count)
        if second is None or lit.value > lit2.value:
            return [], e2
    elif both_small and 1 <= lit.value <= 31 and 1 <= lit2.value <= 12 and (
            _TIME_NOUN.match(key[e2:e2 + 6])
            # (a time of the day before it; or a part larger than its whole, no pair: '… 15/8 Đoàn xã tổ chức …')
            or _TIME_OF_DAY_BEFORE_RE.search(key, max(0, s - 16), s) or lit.value > lit2.value
            or (second is not None and "unknown_unit" in second.flags and _DAY_NAMED_BEFORE.search(key, max(0, s - 48), s))):
        # 'Ngày Quốc tế Lao động 1/5 thiết thực', 'ngày sinh Bác 19/5 trang trọng': a day named
        # before a day/month, the word after it no unit.
        return [], e2
    # The first number of a pair carries its own unit when it has one ('8.460 cuộc/260.486 lượt').
    first = Candidate(s, e, lit.value, None, None)
    if second is None:
        return [], e2
    if has_unit:
        first.unit, first.unit_category, first.unit_text = second.unit, second.unit_category, second.unit_text
        _finish_value(first, lit, has_scale=False)
    else:
        second.unit = None
        second.end = e2
        second.flags.add("no_unit")
        first.flags.add("no_unit")
    first.unit_end = e
    first.qualifier = qualifier_before(key, s)
    first.kind = _kind(key, first)
    second.qualifier = "exact"
    first.flags.add("pair")
    second.flags.add("pair")
    return [first, second], max(e2, second.end)


# --- numbers in words --------------------------------------------------------------------------------

_ADMIN_LEVEL_WORDS = frozenset(lx.ADMIN_LEVELS.split("|"))  # (the places a number in words may count)


def _judge_words(text: str, key: str, s: int, run: tuple[int, list[str]]) -> Candidate | None:
    end, words = run  # read_word_run(key, s)
    if not words or words[0] in ("không", "lăm", "mốt", "tư", "linh", "lẻ", "nhăm", "mươi"):
        return None
    # 'hai mươi năm' is twenty years: a trailing 'năm' is the noun, not five.
    if len(words) > 1 and words[-1] == "năm":
        words = words[:-1]
        end = s + len(" ".join(words))
    multipliers = {"mươi", "mười", "trăm", "nghìn", "ngàn", "triệu", "tỷ", "tỉ"}
    if not (set(words) & multipliers) and not (len(words) == 1 and words[0] not in ("năm", "một")):
        return None
    if words[0] in ("nghìn", "ngàn", "triệu", "tỷ", "tỉ", "trăm") and len(words) == 1:
        return None
    if _VAGUE_BEFORE_RE.search(key[max(0, s - 12):s]) or _is_identifier(text, key, s):
        return None
    value = words_value(words)
    if value is None or value == 0:
        return None
    c = Candidate(s, end, value, None, None)
    c.unit_end = end
    _read_unit(text, key, c, end, has_scale=bool(set(words) & {"nghìn", "ngàn", "triệu", "tỷ", "tỉ"}))
    if c.unit is None or _non_figure_unit(c) or ("unknown_unit" in c.flags and c.unit not in _ADMIN_LEVEL_WORDS):
        return None  # ('ba tỉnh', 'hai huyện' count places as '3 tỉnh' does: CONVENTIONS.md 23)
    if len(words) == 1 and c.unit_category not in ("count", "person", "times"):
        return None
    if text[s].isupper() and len(words) == 1 and key[:s].rstrip(" \t")[-1:] not in ("", ".", "!", "?", "\n", ":"):
        return None  # 'Ba Chẽ', a name (a capital is fine at the start of a sentence)
    c.qualifier = qualifier_before(key, s)
    c.kind = _kind(key, c)
    c.flags.add("words")
    return c


# --- context -------------------------------------------------------------------------------------------

@lru_cache(maxsize=256)
def _words_back(key: str, s: int) -> tuple[tuple[str, ...], tuple[int, ...], bool, int]:
    """The three words right before position ``s`` (nearest last) joined by single spaces, their
    starts, whether a colon stands between the nearest and ``s``, and where the look-back
    stopped. Cached: the identifier test, the qualifier and the kind all ask for the same
    position. Word by word, each found by ``_letters_start`` (a search for the space before it and
    one ``str.isalpha``, in C): compiled, 4-5× cheaper than the anchored regex on the reversed
    window before ``s`` it was read with before (issue 15, speed; tests/textfigures/test_words_back.py
    holds the two to each other at every position)."""
    i = s
    while i > 0 and key[i - 1] == " ":
        i -= 1
    colon = i > 0 and key[i - 1] == ":"
    if colon:
        i -= 1
    j1 = _letters_start(key, i)
    if j1 == i:
        return (), (), colon, i
    if j1 == 0 or key[j1 - 1] != " ":
        return (key[j1:i],), (j1,), colon, i
    j2 = _letters_start(key, j1 - 1)
    if j2 == j1 - 1:
        return (key[j1:i],), (j1,), colon, i
    if j2 == 0 or key[j2 - 1] != " ":
        return (key[j2:j1 - 1], key[j1:i]), (j2, j1), colon, i
    j3 = _letters_start(key, j2 - 1)
    if j3 == j2 - 1:
        return (key[j2:j1 - 1], key[j1:i]), (j2, j1), colon, i
    return (key[j3:j2 - 1], key[j2:j1 - 1], key[j1:i]), (j3, j2, j1), colon, i


def _letters_start(key: str, i: int) -> int:
    """Start of the run of letters ending at ``i``: most words end at a space, found in C."""
    lo = i - 32 if i > 32 else 0
    j = key.rfind(" ", lo, i) + 1
    if lo < j < i and key[j:i].isalpha():
        return j
    j = i
    while j > 0 and key[j - 1].isalpha():
        j -= 1
    return j


def _last_words(key: str, s: int, n: int = 2) -> tuple[tuple[str, ...], int, bool]:
    """The ``n`` (≤ 3) words right before ``s``, where the nearest starts, and the colon flag."""
    words, starts, colon, stop = _words_back(key, s)
    return words[-n:], (starts[-1] if starts else stop), colon


_VAGUE_WORDS = {"hàng", "vài", "mấy", "dăm", "gấp"}
_YEAR_AT_RE = re.compile(r"(?:19|20)\d\d(?![\d.,])")  # ('cùng kỳ 2024': the period's year)


_GROUPED_COUNT_AT_RE = re.compile(r"\d{1,3}(?:\.\d{3})+ [^\W\d_]")


def _is_identifier(text: str, key: str, s: int) -> bool:
    three_words, starts, colon, stop = _words_back(key, s)  # (_last_words(key, s), inlined: once per number)
    words = three_words[-2:]
    ws = starts[-1] if starts else stop
    if not words:
        return False
    w = words[-1]
    if colon:
        return w == "số"  # 'Số: 18/QĐ' is a number; 'Tam Đường: 120 hộ' is a figure
    if w in _VAGUE_WORDS:
        return True
    two = " ".join(words) if len(words) == 2 else ""
    if two in _NOT_IDENT_TWO_WORDS or (len(words) == 2 and words[0] == "mỗi"):
        return False  # 'mỗi phần 500.000 đồng', 'mỗi tổ 30 hội viên': each one's amount, no name
    if two == "cùng kỳ" and not _YEAR_AT_RE.match(key, s):
        return False  # 'cao hơn cùng kỳ 310 đoàn viên': the same period compared with, no session named
    if two == "nhiệm kỳ" and len(three_words) == 3 and three_words[0] in ("đầu", "cuối") and not _YEAR_AT_RE.match(key, s):
        return False  # 'ít hơn đầu nhiệm kỳ 90 chi hội': the time compared with, no term named by a number
    if two in _IDENT_PHRASES:
        return not (len(three_words) == 3 and three_words[0] in _EACH_WORDS)
    if two in lx.UNIT_NAME_BEFORE:
        return True  # 'Sư đoàn 304 tặng …', 'Trung đoàn 5 trao …': a unit named by its number
    if two in lx.BODY_NAME_BEFORE and text[starts[-2]:starts[-2] + 1].isupper():
        return True  # 'Bệnh viện 108 tặng …', 'Công ty 28 trao …'
    if len(three_words) == 3 and three_words[0] in _PLACE_UNIT_WORDS and text[ws:ws + 1].isupper() \
            and text[starts[-2]:starts[-2] + 1].isupper() and key[starts[-2] - 1:starts[-2]] == " ":
        # 'huyện Kỳ Sơn 22 nhà', 'huyện Tân Kỳ 140 hội viên', 'quận Ô Môn 45 suất': a place of two
        # capitalized syllables after its unit, then its figure, whatever word (a marker as 'kỳ',
        # 'cửa', 'năm', 'ô' elsewhere) the name is made of.
        return False
    if len(words) == 2 and (words[0] in lx.IDENTIFIER_BEFORE or w in lx.IDENTIFIER_BEFORE) \
            and text[ws:ws + 1].isupper() and text[starts[-2]:starts[-2] + 1].isupper() \
            and key[ws - 1:ws] == " " and _named_as_place(key, two, starts[-2]):
        # 'Kỳ Sơn 22 nhà, Tân Kỳ 14 nhà' after 'các huyện Kỳ Sơn, Tân Kỳ …': a place of two capitalized
        # syllables the text names after its level, then its figure, with no level word before it here
        # (a marker as 'kỳ', 'năm', 'ô', 'cửa' is part of the name; 'Kỳ Họp 3' names no place).
        return False
    if len(three_words) == 3 and " ".join(three_words) in _IDENT_PHRASES:
        return True
    if two in _DOCUMENT_NOUNS and text[ws - 1 - len(words[0]):ws - len(words[0])].isupper():
        # 'theo Đề án 03', 'Nghị quyết 57', 'Chương trình 135': a document or a programme named by
        # its number (written as a name: capitalized; 'thực hiện kế hoạch 3 …' may count).
        return True
    if w == "năm" and _GROUPED_COUNT_AT_RE.match(key, s):
        return False  # 'chỉ tiêu năm 24.000 đoàn viên': a year is never written with a thousands dot
    if w in lx.IDENTIFIER_BEFORE or w in _ABBREV_IDENT:
        return True
    if w in _NUMBERED_PLACE_WORDS and _named_by_number(key, w, s):
        return True
    # 'Vùng 3', 'Khu 5', 'Chỉ thị 05': a capitalized noun right before names the thing.
    orig = text[ws:ws + len(w)]
    if orig[:1].isupper() and key.endswith(" ", 0, ws) and _person_named_before(text, ws + len(w) + 1):
        return False  # 'tặng gia đình bà Bình 2 con bò': a person's name, then what was given; no one is numbered
    if orig[:1].isupper() and ws > 1 and not orig.isupper() and len(words) == 2 and key[ws - 1:ws] == " " \
            and text[ws - 1 - len(words[0])].isupper() and words[0] not in lx.IDENTIFIER_BEFORE:
        # 'Chợ Mới 118 tỷ đồng', 'Huyện đoàn Mỹ Xuyên 28 công trình': a place of two capitalized
        # syllables, then its figure (a name's number follows one noun: 'Khu 5', 'Vùng 3').
        return False
    if orig[:1].isupper() and ws > 0 and key[ws - 1] not in "\n.:" and not key[max(0, ws - 2):ws].endswith(". ") \
            and not _LIST_ITEM_OPENS_RE.search(key, max(0, ws - 8), ws):  # ('- Trao 1 Nhà …': a bullet opens a sentence)
        if orig.isupper() and len(orig) >= 2:
            return False  # all-caps abbreviations ('ĐVTN') are subjects, not names
        return w not in lx.NOT_A_UNIT and w not in _QUALIFIER_WORDS
    return False


# A level's word before a name in the same sentence: the name right after it ('thị xã Cửa Lò') or an item
# of the list it opens ('các huyện Kỳ Sơn, Tân Kỳ và Quỳ Hợp'); 'quận' too.
_LEVEL_BEFORE_NAME_RE = re.compile(by_first_letter(r"(?<![^\W\d_])(?:" + lx.ADMIN_LEVELS + r"|quận)(?![^\W\d_])[^.;:!?\n\d]{0,120}$"))


def _named_as_place(key: str, name: str, at: int) -> bool:
    """Whether the text names ``name`` after a level's word somewhere but at ``at`` (the number's name)."""
    i = key.find(name)
    while i >= 0:
        if i != at and (i == 0 or not key[i - 1].isalpha()) and not key[i + len(name):i + len(name) + 1].isalpha() \
                and _LEVEL_BEFORE_NAME_RE.search(key, max(0, i - 140), i) is not None:
            return True
        i = key.find(name, i + 1)
    return False


# A person's title, then the person's name ('bà Bình', 'ông Hà Văn Tư', 'anh Lò Văn Pọm'), ending at the
# capitalized word right before a number.
_PERSON_TITLES = frozenset(("ông", "bà", "anh", "chị", "cụ", "chú", "cô", "bác", "cháu", "em"))


def _person_named_before(text: str, end: int) -> bool:
    """Whether a title and a name of one to four capitalized words end at ``end`` (the space before the number)."""
    words = text[max(0, end - 40):end - 1].split(" ")
    for i in range(1, min(5, len(words) - 1) + 1):
        if not words[-i][:1].isupper():
            return False
        if words[-i - 1].lower() in _PERSON_TITLES:
            return True
    return False


# Units that old wards and communes were named by number ('phường 6', the southern cities' wards
# before 2025), and a count may follow as well ('Hội Nông dân phường 26 hội viên'): the number is
# the place's name when the text names the place so somewhere, the number closed by a mark, the
# line's end or 'lần thứ' ('Đại hội … phường 6\n', 'phường 6 lần thứ V'); then every 'phường 6'
# of the text is that place ('UBND phường 6 tổ chức …').
_NUMBERED_PLACE_WORDS = {"phường", "xã"}
_SMALL_NUMBER_RE = re.compile(r"\d{1,2}(?![\d]|[.,]\d)")


def _named_by_number(key: str, word: str, s: int) -> bool:
    m = _SMALL_NUMBER_RE.match(key, s)
    if m is None:
        return False
    # (the word start checked after the first letter: the regex engine scans for the letter in C, a
    # look-behind first is tried at every position of the text)
    name = word[0] + r"(?<![^\W\d_].)" + re.escape(word[1:] + " " + m.group())
    return re.search(name + r"(?:[ \t]*(?:[,.;:)](?!\d)|\n|$)| lần thứ)", key) is not None


_QUALIFIER_WORDS = {q for q, _ in lx.QUALIFIERS}
_LIST_ITEM_OPENS_RE = re.compile(r"(?:^|\n)[ \t]*[-+•*–][ \t]+$")


def qualifier_before(key: str, s: int) -> str:
    return qualifier_span(key, s)[0]


_QUALIFIER_MAP = dict(lx.QUALIFIERS)
_QUALIFIER_LAST = {q.rsplit(" ", 1)[-1] for q in _QUALIFIER_MAP}  # the last word of each qualifier


_COMPARED_BEFORE_RE = re.compile(by_first_letter(r"(?<![^\W\d_])(?:cao|thấp|lớn|nhỏ) $"))


def qualifier_span(key: str, s: int) -> tuple[str, int | None]:
    """('approx', start of 'gần') for 'gần 3.000'; longest words first ('trên dưới' is approx)."""
    words, starts, colon, _ = _words_back(key, s)
    if colon or not words or words[-1] not in _QUALIFIER_LAST:
        return "exact", None  # (most numbers: no qualifier ends with the word before them)
    end = starts[-1] + len(words[-1])
    for start in starts:  # longest phrase first
        q = _QUALIFIER_MAP.get(key[start:end])
        if q is not None:
            if key[start:end] == "hơn" and _COMPARED_BEFORE_RE.search(key, max(0, start - 6), start):
                # 'thấp hơn 9% so với …', 'cao hơn 2 bậc': by how much the comparison goes, exact.
                return "exact", None
            if key.startswith("vượt", start) and MET_AND_EXCEEDED_RE.search(key, max(0, start - 16), end + 1):
                # 'đạt và vượt 15 chỉ tiêu', 'hoàn thành và vượt 8/10 chỉ tiêu': 'vượt' is the verb (met
                # and exceeded); the number of targets is exact.
                return "exact", None
            return q, start
    return "exact", None


_QUALIFIER_AFTER_RE = re.compile(r" *(" + "|".join(re.escape(w) for w, _ in lx.QUALIFIERS_AFTER) + ")")
_QUALIFIER_AFTER_MAP = dict(lx.QUALIFIERS_AFTER)
# The words between the measure of 'từ N …' and its 'trở lên' (no number, no punctuation between).
_FROM_UP_AFTER_RE = re.compile(r"(?: [^\W\d_]+){1,7} (" + "|".join(re.escape(w) for w, _ in lx.QUALIFIERS_AFTER)
                               + r")(?![^\W\d_])")


def _qualifier_after(key: str, pos: int) -> str | None:
    """'100 hộ trở lên' → 'over'."""
    if key.find("trở", pos, pos + 12) < 0:  # (both say 'trở': looked for in C first)
        return None
    m = _QUALIFIER_AFTER_RE.match(key[pos:pos + 12])
    return _QUALIFIER_AFTER_MAP[m.group(1)] if m else None


_SCALED_MONEY_AFTER_RE = re.compile(r" (?:triệu|tỷ|tỉ) (?:đồng|đ)(?![^\W\d_])")
# 'đạt và vượt' right before a number: met and exceeded (a verb), not 'more than' nor a difference.
MET_AND_EXCEEDED_RE = re.compile(by_first_letter(r"(?<![^\W\d_])(?:đạt|hoàn thành)(?: và|,| hoặc) vượt $"))
_EXCEEDED_BY_AFTER_RE = re.compile(r" ?(?:so với|so|chỉ tiêu|kế hoạch|mục tiêu)(?![^\W\d_])")
_CHANGE_WORDS = {"tăng", "giảm", "thêm", "trưởng"}
_CHANGE_PAIRS = {"tăng thêm", "giảm thêm", "tăng được", "giảm được", "giảm đi", "tăng trưởng", "nhiều hơn", "ít hơn"}
_CHANGE_PAIR_LAST = {p.rsplit(" ", 1)[1] for p in _CHANGE_PAIRS}  # (asked before the words are joined)


# A comparison, with the time compared with between ('cao hơn Tết năm trước khoảng 400 triệu
# đồng', 'Quỹ tăng trưởng thêm 7,239 tỷ'): the figure is the difference, not the level.
_COMPARE_BEFORE_RE = re.compile(  # (its words' first letters first: scanned for in C, see WORD_START)
    prefix_alternation(("cao hơn", "thấp hơn", "nhiều hơn", "ít hơn", "lớn hơn", "tăng trưởng thêm", "tăng trưởng",
                        "tăng thêm", "giảm thêm"), WORD_START)
    # (what is compared named before its time: 'cao hơn số vận động được năm 2021 gần 600 triệu đồng', 'thấp hơn
    # mức của cùng kỳ 2 điểm')
    + r"(?: (?:số|mức|kết quả)(?: [^\W\d_]+){0,3}(?= (?:năm|cùng|quý|tháng|đầu|cuối|tết)(?![^\W\d_])))?"
    + r"(?: (?:so với|so|với|năm|trước|ngoái|cùng|kỳ|tết|đầu|cuối|quý|tháng|[ivx]+|\d{4}))*"
    r" (?:(?:gần|khoảng|hơn|trên|dưới|xấp xỉ) )?$"
)


def _kind(key: str, c: Candidate) -> str:
    if c.unit == "điểm phần trăm":
        return "change"  # the difference of two shares, whatever word says how it moved
    words = _words_back(key, c.start)[0]  # (the three words before, as _last_words(…, 3) gives them)
    if words and words[-1] in _QUALIFIER_WORDS:
        words = words[:-1]  # 'tăng hơn 12%'
    if words and (words[-1] in ("tăng", "giảm") or (
            words[-1] in _CHANGE_PAIR_LAST and " ".join(words[-2:]) in _CHANGE_PAIRS)):
        return "change"
    lo = c.start - 60 if c.start > 60 else 0
    window = key[lo:c.start]
    # (every comparison says 'hơn', 'tăng' or 'giảm': three scans in C of one copy before the regex)
    if ("hơn" in window or "tăng" in window or "giảm" in window) and _COMPARE_BEFORE_RE.search(key, lo, c.start):
        return "change"  # 'cao hơn năm 2023 trên 67 tỷ', 'tăng trưởng thêm 380 triệu đồng'
    if c.unit == "%":
        return "share"
    return "level"
