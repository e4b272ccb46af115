"""People named in a meeting text, with their positions.

Two ways of writing them are read:
- 'đồng chí Lò Văn Cương - Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Tỉnh ủy phát biểu …'
  (also 'ông', 'bà', 'đ/c'; the separator may be '-', '–', ',', ':' or '(');
- 'Phó Chủ tịch Ủy ban MTTQ tỉnh Nguyễn Thị Mai chủ trì …' (a title, then a name that starts
  with a common family name).
A person named twice keeps the longest position. Text must be `normalize()`d already.
"""

import re
from collections.abc import Iterator

from ..normalize import by_first_letter, match_key
from ..orgs import Mention, find_mentions, org_of_position

SURNAMES = set(
    "Nguyễn Trần Lê Đèo Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Lò Lường Tòng Giàng "
    "Vàng Sùng Tẩn Lù Hà Đinh Mai Trịnh Đào Cao Lâm Tạ Chu Lương Quàng Điêu Khổng Phùng Tống Kiều "
    "Đoàn Triệu Thào Chẻo Mùa Lầu Pờ Lỳ Hạng Cầm Lừ Bạc Khoàng Nông Vi Lục Ma Đàm Lại Văn Tô Thái "
    "Trương Quách Đồng Doãn Kim Lưu Mạc Tăng Từ Viên Âu Giáp Khúc Tào Hứa Ninh La Sầm Hầu".split()
)
# (The patterns that open a word are written by first letter, normalize.by_first_letter: the regex engine
# scans for those letters in C instead of trying the look-behind at every position.)
_HONORIFIC = re.compile(by_first_letter(r"(?<![^\W\d_])(?:đồng chí|Đồng chí|ĐỒNG CHÍ|đ/c|Đ/c|ông|Ông|bà|Bà)\s+"))
_WORD = re.compile(r"[^\W\d_]+")
# A word that is a family name, found in C (not each word of the text tested in Python).
_SURNAME_RE = re.compile(by_first_letter(r"(?<![^\W\d_])(?:" + "|".join(sorted(SURNAMES)) + r")(?![^\W\d_])"))
_SEPARATOR = re.compile(r"\s*(?:[-–—:,]|\()\s*")
_TITLE_HEAD = re.compile(
    r"(?:Phó |Nguyên )?(?:Ủy viên|Chủ tịch|Bí thư|Trưởng [Bb]an|Trưởng [Pp]hòng|Trưởng|Giám đốc|Chánh|"
    r"Tổng [Bb]iên tập|Thường trực|Đại biểu|Chủ nhiệm|Thư ký)\b"
)
_TITLE_WORDS = {"Phó", "Chủ", "Bí", "Trưởng", "Ủy", "Giám", "Chánh", "Tổng", "Thường", "Đại", "Nguyên", "Tân"}
# Where a position stops: the verb of the sentence, or a second person.
_POSITION_END = re.compile(
    r"\s(?:phát biểu|biểu dương|chủ trì|tham dự|dự hội nghị|đề nghị|nhấn mạnh|ghi nhận|cho biết|yêu cầu|"
    r"kết luận|trình bày|báo cáo|đánh giá|khẳng định|chỉ đạo|thông qua|tham gia|đã\b|cùng\b|và đồng chí|"
    r"và các|và lãnh đạo|thay mặt|trao\b|tặng\b|điều hành|quán triệt|phát động|gợi mở|lưu ý|chúc mừng|"
    r"làm\b|được\b|là\b|có\b|với\b|tại\b|thì\b)"
)


def _name_after(text: str, pos: int, max_words: int = 5) -> tuple[str, int]:
    """Capitalized words starting at pos, separated by single spaces: (name, end)."""
    words: list[str] = []
    end = last = pos
    while len(words) < max_words:
        m = _WORD.match(text, end)
        if not m or not m.group(0)[0].isupper() or m.group(0).isupper() and len(m.group(0)) > 1:
            break
        words.append(m.group(0))
        end = last = m.end()
        if len(m.group(0)) == 1 and text[end : end + 1] in ("'", "’"):
            # 'K' Điểu', 'Y'Bih': a Central Highlands name joins its first letter with an apostrophe
            end += 1
            last = end
            if text[end : end + 1] == " ":
                end += 1
            continue
        if text[end : end + 1] != " ":
            break
        end += 1
    return text[pos:last], last


def _position_after(text: str, pos: int) -> str:
    """The position written after a name: comma-separated parts that start with a capital."""
    stop = len(text)
    for mark in (".", ";", "\n", ")", "(", ":"):
        i = text.find(mark, pos)
        if i != -1:
            stop = min(stop, i)
    segment = text[pos:stop]
    verb = _POSITION_END.search(segment)
    if verb:
        segment = segment[: verb.start()]
    for joined in re.finditer(r"\svà\s+(\w)", segment):
        if joined.group(1).islower():  # 'và chủ tịch Hội 8 huyện' starts other people
            segment = segment[: joined.start()]
            break
    parts = []
    for part in segment.split(","):
        part = part.strip()
        if not part or not part[0].isupper():
            break
        parts.append(part)
    return ", ".join(parts).strip(" -–")


def _role(text: str, start: int, end: int) -> str:
    """'chair' for who chaired, 'conclusion' for who concluded, else 'attendee'."""
    clause_start = max(text.rfind(c, 0, start) for c in ".;\n")
    before = text[clause_start + 1 : start].lower()
    after = text[end : end + 40].lower().lstrip(" ,")
    if "chủ trì:" in before or after.startswith(("chủ trì", "điều hành")):
        return "chair"
    if "kết luận" in before or after.startswith(("phát biểu kết luận", "kết luận")):
        return "conclusion"
    return "attendee"


def _asked(name: str, named: "set[str] | None") -> bool:
    """Whether ``name`` is among the names ``named`` (None: all) as a whole, by its first word or by its last."""
    if named is None:
        return True
    words = name.split()
    return name in named or words[0] in named or words[-1] in named


def _candidates(text: str, named: "set[str] | None") -> Iterator[tuple[str, str, str, int]]:
    for m in _HONORIFIC.finditer(text):
        name, name_end = _name_after(text, m.end())
        if len(name.split()) < 2 or name.split()[0] in _TITLE_WORDS:
            continue  # 'đồng chí Phó Chủ tịch' names a position, not a person
        if not _asked(name, named):
            continue
        sep = _SEPARATOR.match(text, name_end)
        position = _position_after(text, sep.end()) if sep else ""
        end = text.find(position, name_end) + len(position) if position else name_end
        yield name, position, _role(text, m.start(), end), m.start()
    for m in _SURNAME_RE.finditer(text):
        name, name_end = _name_after(text, m.start(), max_words=4)
        if len(name.split()) < 2 or name.split()[0] != m.group(0) or not _asked(name, named):
            continue
        before = text[max(0, m.start() - 160) : m.start()]
        if _HONORIFIC.search(before[-12:]):
            continue
        previous = _WORD.findall(before[-20:])
        if previous and previous[-1][0].isupper() and not previous[-1].isupper() and before.endswith(" "):
            continue  # 'Văn' inside 'Lê Văn Lương' is no family name
        clause_start = max(before.rfind(c) for c in ".;:\n(") + 1
        clause = before[clause_start:]
        head = _TITLE_HEAD.search(clause)
        if not head or not clause.endswith(" "):
            continue
        position = clause[head.start() :].strip(" ,-–")
        if _POSITION_END.search(position):
            # 'Chủ tịch Hội CCB xã đề nghị hỗ trợ xây nhà cho hội viên Nguyễn Văn …': a verb between the
            # title and the name makes the name the verb's object (who is helped, given, named), not the
            # title's holder.
            continue
        yield name, position, _role(text, max(0, m.start() - len(clause)), name_end), m.start()


# An attendee list: 'Dự hội nghị có các đồng chí: Name, position; Name, position; …', 'Thành phần
# gồm các đồng chí: …', 'Dự hội nghị có các ông: …' (a newspaper's 'ông', 'bà'), 'Thư ký: Name.'
_LIST_HEAD = re.compile(by_first_letter(r"(?:các|những) (?:đồng chí|ông, bà|ông bà|ông|bà|vị)\s*:\s*"
                                        r"|(?<![^\W\d_])(?:Thư ký|Chủ trì)\s*:\s*(?=[A-ZĐ][^\W\d_]* [A-ZĐ])"))
# Military and police ranks written before a name ('Thượng tướng Nguyễn Văn Thành, Thứ trưởng …').
_RANK = re.compile(by_first_letter(
    r"(?<![^\W\d_])(?:Đại tướng|Thượng tướng|Trung tướng|Thiếu tướng|Chuẩn Đô đốc|Phó Đô đốc|Đại tá|"
    r"Thượng tá|Trung tá|Thiếu tá|Đại úy|Thượng úy|Trung úy|Thiếu úy)\s+"))
_ITEM_END = re.compile(r";|\.(?=\s|$)|\n")


def _listed(text: str, named: "set[str] | None") -> Iterator[tuple[str, str, str, int]]:
    """People of attendee lists: each item 'Name, position' up to ';' (the list ends at '.')."""
    for head in _LIST_HEAD.finditer(text):
        pos = head.end()
        single = not head.group(0).lower().startswith(("các", "những"))
        while pos < len(text):
            honorific = _HONORIFIC.match(text, pos)
            if honorific:
                pos = honorific.end()
            rank = _RANK.match(text, pos)
            start = rank.end() if rank else pos
            name, name_end = _name_after(text, start)
            if len(name.split()) < 2 or name.split()[0] in _TITLE_WORDS:
                break
            end_m = _ITEM_END.search(text, name_end)
            end = end_m.start() if end_m else len(text)
            if _asked(name, named):
                sep = _SEPARATOR.match(text, name_end, end)
                position = _position_after(text[:end], sep.end()) if sep else ""
                if head.group(0).startswith("Thư ký") and not position:
                    position = "Thư ký"
                yield name, position, _role(text, head.start(), end), start
            if single or not end_m or end_m.group(0) != ";":
                break
            pos = end_m.end()
            while pos < len(text) and text[pos] == " ":
                pos += 1


def _ranked(text: str, named: "set[str] | None") -> Iterator[tuple[str, str, str, int]]:
    for m in _RANK.finditer(text):
        name, name_end = _name_after(text, m.end())
        if len(name.split()) < 2 or name.split()[0] in _TITLE_WORDS or not _asked(name, named):
            continue
        sep = _SEPARATOR.match(text, name_end)
        position = _position_after(text, sep.end()) if sep else ""
        yield name, position, _role(text, m.start(), name_end), m.start()


# A name inside the name of an organization, a school or a street is no attendee ('Đoàn TNCS Hồ Chí
# Minh', 'Trường THPT Lê Quý Đôn', 'phường Phan Đình Phùng').
_INSIDE_A_NAME = re.compile(
    r"(?:TNCS|TNTP|[Tt]rường(?: [A-ZĐ]+)?|[Pp]hố|[Đđ]ường|[Pp]hường|[Xx]ã|[Tt]hành phố|TP\.?|[Tt]ư tưởng|[Bb]ác|"
    r"[Hh]uyện|[Qq]uận|[Cc]ông ty|[Nn]hà văn hóa|[Cc]hi hội|[Cc]âu lạc bộ|CLB)\s+$"
)


_PROVINCE_BEFORE = re.compile(r"(?<![^\W\d_])(?:tỉnh|Tỉnh)\s+$")


def find_people(text: str, mentions: "list[Mention] | None" = None, named: "set[str] | None" = None) -> list[dict]:
    """[{'name', 'position', 'role'}] in order of first mention, one entry per name (``mentions``: the
    text's orgs.find_mentions, when the caller has them; ``named``: when given, only the people one of
    whose names, the whole, its first word or its last, is among these: the others' positions are not read)."""
    people: dict[str, dict] = {}
    found = [*_candidates(text, named), *_listed(text, named), *_ranked(text, named)]
    # 'Đoàn Thanh niên' in a position starts an organization's name, not a person called Đoàn.
    org_starts = {m.start for m in (find_mentions(text, match_key(text)) if mentions is None else mentions)
                  if m.kind == "name"}
    for name, position, role, start in sorted(found, key=lambda c: c[3]):
        if name == "Hồ Chí Minh" or start in org_starts or _INSIDE_A_NAME.search(text, max(0, start - 20), start):
            continue
        if len(name.split()) == 2 and _PROVINCE_BEFORE.search(text, max(0, start - 12), start):
            continue  # 'Liên đoàn Lao động tỉnh Ninh Bình': two words after 'tỉnh' name the province

        entry = people.setdefault(name, {"name": name, "position": "", "role": "attendee"})
        if len(position) > len(entry["position"]):
            entry["position"] = position
        if role == "chair" or (role == "conclusion" and entry["role"] == "attendee"):
            entry["role"] = role
    return list(people.values())


# A person named again in the text by name, after the list of who attended gave the position
# ('Đồng chí Đinh Văn Khải báo cáo: …', 'Bà Thoa cho biết …', 'ông Khải', 'đ/c Tuấn'): the honorific,
# then the full name, the given name (its last word) or the family name (its first word).
# … not where the position is written with it again ('đồng chí Hà Văn Lâm, Ủy viên …': the engine reads
# an apposition itself) nor inside a longer name ('ông Khải' is not 'ông Khải Hoàn').
_APPOSITION_AFTER = re.compile(r"\s*(?:[,(–—-]\s*|\s)[A-ZĐÀ-Ỹ]")
# The form any such mention has: the honorific, then the whole run of words that open with a capital (a name
# is one; within a longer run the name is followed by a capital, _APPOSITION_AFTER, and skipped), a run
# written elsewhere too (where the person's position was given).
_NAME_WORD = r"[A-ZĐÀ-Ỹ][^\W\d_]*(?:['’][^\W\d_]*)*"  # ('Điểu K'Ré', 'K' Điểu')
# (The honorific: '(?i:đồng chí|đ/c|ông|bà)', in any case, its first letter spelt in both cases for
# by_first_letter, which groups the branches by that letter.)
_SPEAKER_HONORIFIC = by_first_letter(r"(?<![^\W\d_])(?:(?:đ|Đ)(?i:ồng chí|/c)|(?:ô|Ô)(?i:ng)|(?:b|B)(?i:à))\s+")
_HONORIFIC_AND_NAME = re.compile(_SPEAKER_HONORIFIC + "(" + _NAME_WORD + "(?: " + _NAME_WORD + r")*)(?![^\W\d_])")


def speaker_spans(text: str, mentions: "list[Mention] | None" = None) -> list[tuple[int, int, str]]:
    """(start, end, org) of each later mention of a person whose position (read by `find_people`)
    names one of the six organizations: the honorific and the name, and the organization of the
    position (orgs.org_of_position). A name shared by people of different organizations is left out.
    Text must be `normalize()`d already."""
    named = [(m.start(), m.end(), m.group(1)) for m in _HONORIFIC_AND_NAME.finditer(text)
             if not _APPOSITION_AFTER.match(text, m.end()) and text[m.end():m.end() + 1] not in ("'", "’")
             and text.count(m.group(1)) > 1]
    if not named:
        return []  # (no mention of that form: the people need not be read, the costly part)
    aliases: dict[str, str | None] = {}
    # (only the people one of these mentions can name: the aliases looked up below are these names)
    for person in find_people(text, mentions, {name for _, _, name in named}):
        org = org_of_position(person["position"]) if person["position"] else None
        if org is None:
            continue
        words = person["name"].split()
        for alias in {person["name"], words[-1], words[0]}:
            aliases[alias] = org if aliases.get(alias, org) == org else None
    # (the name of such a mention is its whole run of capitalized words: the alias itself, looked up)
    return [(start, end, org) for start, end, name in named if (org := aliases.get(name)) is not None]
