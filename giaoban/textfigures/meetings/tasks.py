"""Task candidates from the task and conclusion paragraphs of a meeting text.

A task paragraph opens with a forward-looking lead ('Nhiệm vụ quý IV, …', 'Thời gian tới, …',
'Phương hướng, nhiệm vụ năm 2024: …'); the conclusion runs from the first paragraph that says
'kết luận' (photo captions aside). Each sentence of these is split on ';' and bullet lines; a
sentence that says 'đề nghị/yêu cầu … cần …' gives its subject ('các cơ quan, đơn vị cần') to
every item. An item without a subject of its own ('đẩy mạnh …', 'tăng cường …') takes the
paragraph's subject, so each candidate reads as a complete sentence.

Text must be `normalize()`d; offsets are offsets into it.
"""

import re
from dataclasses import dataclass, field

from giaoban.core.periods import Period

from ..normalize import by_first_letter, match_key
from ..orgs import ORG_CODES, orgs_named, orgs_of_subject
from ..orgs import find_mentions as find_org_mentions
from .periods import find_mentions, is_after

VERB_LEADS = (
    "tập trung|đẩy mạnh|tăng cường|tiếp tục|phối hợp|quan tâm|chú trọng|nâng cao|làm tốt|rà soát|duy trì|"
    "phát huy|chỉ đạo|đổi mới|triển khai|thực hiện|tổ chức|vận động|tuyên truyền|hướng dẫn|theo dõi|"
    "kiểm tra|giám sát|chuẩn bị|hoàn thành|củng cố|phấn đấu|đôn đốc|nắm bắt|nắm chắc|bám sát|nghiên cứu|"
    "xây dựng|tham mưu|tham gia|đánh giá|hỗ trợ|giúp đỡ|khẩn trương|quyết liệt|chủ động|kịp thời|sớm|"
    "cần|phải|nghiêm túc|thường xuyên|đặc biệt|ưu tiên|cụ thể hóa|phát động|lựa chọn|biểu dương|khen thưởng|tổng hợp|"
    "ra quân|hòa giải"
)
_VERB_AT_START = re.compile(rf"^(?:{VERB_LEADS})\b")
# (not inside a body's name: 'Ban Kiểm tra Hội huyện giám sát …', 'Ban Tổ chức - Kiểm tra Huyện đoàn hướng dẫn …')
_VERB_ANYWHERE = re.compile(by_first_letter(rf"(?<![^\W\d_])(?<!các )(?<!những )(?<!công tác )(?<!ban )(?<!- )(?:{VERB_LEADS})\b"))
_TASK_LEAD = re.compile(
    r"phương hướng|nhiệm vụ|thời gian tới|kế hoạch|trọng tâm|\btới\b|sắp tới|tiếp theo"
)
# (not the request a task follows nor the share a body was given, inside the task: 'giải quyết cho hội
# viên vay vốn theo đề nghị của các chi hội', 'hoàn thành chỉ tiêu được giao')
# Nor a word of a thing or of another verb: 'hoàn thiện hồ sơ đề nghị khen thưởng', 'danh sách đề nghị',
# 'bàn giao 15 căn nhà', 'chuyển giao kỹ thuật', 'giao ban', 'giao lưu'.
_DIRECTIVE = re.compile(by_first_letter(r"(?<![^\W\d_])(?<!theo )(?<!được )(?<!hồ sơ )(?<!danh sách )(?<!tờ trình )(?<!bàn )(?<!chuyển )"
                        r"(?:đề nghị|yêu cầu|giao(?! ban| lưu| thông| dịch| nhận))\b"))
_NEEDS = re.compile(r"\s(?:cần|phải)\s")
_BULLET = re.compile(r"^\s*(?:[-+•*–]|\d{1,2}[.)]|[a-zđ][.)]|(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười) là,?)\s+", re.I)
_HEADING = re.compile(r"^\s*(?:[IVX]+|[A-Z]|\d{1,2})[.)/]\s+\S")
_SENTENCE_END = re.compile(r"(?:\.{3}|…|\.)(?=\s+[^\W\d_]*[A-ZĐÀ-Ỹ]|\s*$)|(?<=[:])\s*$")
_CAPTION_MAX_WORDS = 30
_RESULTS_HEADING = re.compile(r"\s*(?:[ivx]+[.)/]\s+|\d{1,2}[.)/]\s+|[a-zđ][.)]\s+)?(?:kết quả|hạn chế|tồn tại|tình hình|đánh giá)"
                              r"(?![^\W\d_])")
_RESULTS_LABEL = re.compile(r"\s*(?:[ivx]+[.)/]\s+|\d{1,2}[.)/]\s+|[a-zđ][.)]\s+)?(?:kết quả|hạn chế|tồn tại)"
                            r"(?![^\W\d_])[^:.;]{0,40}:")
_TASKS_LABEL = re.compile(r"\s*(?:[ivx]+|\d{1,2})[.)/]\s+(?:nhiệm vụ|phương hướng)(?![^\W\d_])[^:.;]{0,60}:")
_NUMBERED = re.compile(r"\s*(?:[ivx]+|\d{1,2})[.)/]\s+")
_TASK_HEADING_WORDS = re.compile(r"nhiệm vụ|phương hướng|kế hoạch|đề nghị|yêu cầu|giải pháp")
_CONCLUSION = re.compile(r"kết luận|phát biểu chỉ đạo|chỉ đạo hội nghị")
_TRAILING = " \t.;:,…-–"
# 'Đồng chí Lò Văn Pọm đề nghị …', 'Đồng chí Chủ tịch đề nghị, trong 6 tháng cuối năm, …': the one
# who chairs asks for things; the paragraph holds tasks even without the word 'kết luận'.
# So do 'Đồng chí Bí thư Huyện đoàn giao: …', '… giao nhiệm vụ …', '… giao cho …' (not 'giao lưu').
# After the chair's 'đề nghị …; …' in a conclusion paragraph, a further sentence whose subject is a
# body ('Ban Tổ chức - Kiểm tra Huyện đoàn hướng dẫn …', 'Công đoàn xã phối hợp …') is one more task
# of the same list, though it repeats no directive word; a report of what was done ('… đã …') is not.
_BODY_SUBJECT = re.compile(
    r"^(?:các |những |mỗi )?(?:ban|văn phòng|thường trực|ủy ban|ủy viên|hội(?! nghị| thảo| thi)|đoàn|công đoàn|mặt trận|"
    r"liên đoàn|cơ quan|chi hội|chi đoàn|cơ sở|cấp ủy|cấp hội|tổ|câu lạc bộ)\b"
)
# The lead of a conclusion up to its colon ('Đồng chí chủ trì kết luận: …', 'Kết luận hội nghị, đồng chí Chủ
# tịch nêu: …', 'Kết luận: …', 'Phát biểu chỉ đạo, đồng chí … lưu ý: …'): what follows, split on ';', is the
# list of what the chair asks, each item one task when it has a task's verb (a report of what was done,
# '… đã …', is none), though no directive word ('đề nghị', 'yêu cầu', 'cần') is said.
_CONCLUSION_LEAD = re.compile(r"[^;:]{0,120}?(?:kết luận|chỉ đạo)[^;:]{0,80}:")
_WITH_OPENINGS = ("cùng ", "với ", "và ", "phối hợp ")
_DONE_NEAR_START = re.compile(by_first_letter(r"(?<![^\W\d_])(?:đã|vừa|được|(?<!chuẩn )bị)(?![^\W\d_])"))
_DONE_BEFORE_VERB = re.compile(by_first_letter(r"(?<![^\W\d_])(?:đã|đang|vừa|được|bị)$"))
# (or the standing body itself: 'Thường trực Ủy ban MTTQ tỉnh yêu cầu: …', 'Ban Thường vụ Hội đề nghị …')
_SPEAKER_ASKS = re.compile(r"^(?:[^.;]{0,40}, )?(?:đồng chí|đ/c|ông|bà|thường trực|ban thường trực|ban thường vụ)\b"
                           r"[^.;:]{0,60}?(?<![^\W\d_])"
                           r"(?:đề nghị|yêu cầu|giao(?= ?:| nhiệm vụ| cho))\b")


@dataclass
class Candidate:
    text: str
    orgs: list[str]
    due_period: Period | None
    source: str  # 'tasks' or 'conclusion'
    start: int
    end: int

    def as_dict(self) -> dict:
        return {
            "text": self.text,
            "orgs": self.orgs,
            "due_period": self.due_period.code if self.due_period else None,
            "source": self.source,
            "start": self.start,
            "end": self.end,
        }


@dataclass
class Paragraph:
    start: int
    end: int
    text: str
    kind: str = "other"  # tasks, conclusion, caption, other
    sentences: list[tuple[int, int]] = field(default_factory=list)


def paragraphs(text: str) -> list[Paragraph]:
    out = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped)
            out.append(Paragraph(start, start + len(stripped), stripped))
        pos += len(line) + 1
    return out


def _is_caption(p: Paragraph) -> bool:
    """A photo caption: one short sentence that asks nothing of anyone."""
    words = p.text.split()
    if len(words) > _CAPTION_MAX_WORDS or ";" in p.text or ". " in p.text or p.text.endswith(":"):
        return False
    folded = match_key(p.text)
    return not (_DIRECTIVE.search(folded) or _NEEDS.search(folded))


def _lead(folded: str) -> str:
    """The opening clause of a paragraph, up to the first comma or colon (at most 12 words)."""
    m = re.match(r"^([^,:;.]{1,90})[,:]", folded)
    if not m or len(m.group(1).split()) > 12:
        return ""
    return m.group(1)


def _lead_period(lead: str, reviewed: Period | None, year: int | None) -> Period | None:
    for m in find_mentions(lead):
        period = m.period(year)
        if is_after(period, reviewed):
            return period
    return None


def _opens_with_body_acting(p: Paragraph, folded: str) -> bool:
    """The paragraph's first sentence has a body for subject and a task's verb ('Huyện đoàn tổ chức …')."""
    spans = _sentences(p.text, 0, len(p.text))
    return bool(spans) and _body_acts(p.text, folded, *spans[0])


def _assesses(text: str, folded: str, reviewed: Period | None, year: int | None) -> bool:
    """A heading or a labelled item of the assessment of the period reviewed (see classify), asking nothing."""
    if _DIRECTIVE.search(folded) or _NEEDS.search(folded):
        return False
    if (_RESULTS_LABEL.match(folded) or (len(text.split()) <= 14 and _RESULTS_HEADING.match(folded))) \
            and not _TASK_HEADING_WORDS.search(folded[:60]):
        return True
    number = _NUMBERED.match(folded)
    if number is None or reviewed is None:
        return False
    lead = _lead(folded[number.end():])
    periods = [m.period(year) for m in find_mentions(lead)] if lead else []
    return reviewed is not None and bool(periods) and all(c == reviewed for c in periods)


_DONE_OPENS = re.compile(by_first_letter(r"(?<![^\W\d_])(?:đã|vừa)(?![^\W\d_])"))  # (not 'được': 'chỉ tiêu được giao')
_REVIEWED_LEAD = re.compile(r"\s*(?:[-+•*–]\s*)?(?:trong (?:tháng|quý|tuần|năm|kỳ)(?: qua)?|từ đầu năm(?: đến nay)?|"
                            r"đến nay|đến hết|giai đoạn \d{4}|thời gian qua|vừa qua)(?![^\W\d_])")


def _reports(folded: str, reviewed: Period | None, year: int | None) -> bool:
    """A sentence of a conclusion that tells what was done: led by the period reviewed ('Trong tháng, …',
    'Quý I năm 2024, …', 'Từ đầu năm đến nay, …') or saying 'đã' / 'vừa' before its verb."""
    if _REVIEWED_LEAD.match(folded) or _DONE_OPENS.search(folded, 0, 40):
        return True
    lead = _lead(folded.lstrip(" -+•*–"))
    periods = [m.period(year) for m in find_mentions(lead)] if lead else []
    return reviewed is not None and bool(periods) and all(c == reviewed for c in periods)


def classify(paras: list[Paragraph], reviewed: Period | None, year: int | None) -> None:
    """Mark task, conclusion and caption paragraphs (in place)."""
    section = None  # a heading or a conclusion sets the kind of the paragraphs after it
    asked = False  # the paragraph before was the chair's request ('Đồng chí đề nghị …; …') or a task after it
    for p in paras:
        folded = match_key(p.text)
        was_asked, asked = asked, False
        if _assesses(p.text, folded, reviewed, year):
            # 'I. KẾT QUẢ 9 THÁNG NĂM 2024', 'Kết quả quý I.', 'II. Hạn chế', '1. Kết quả quý III: …', '2. Tồn tại:
            # …', '1. Quý I năm 2024, các cấp Hội đã hoàn thành tốt nhiệm vụ. Cụ thể:' inside a conclusion: the part
            # that assesses the period reviewed, not what is asked; it and its items are no tasks (up to a heading or
            # a lead of tasks).
            section = None
            continue
        # After the chair's request, a line of its own whose subject is a body acting ('Tỉnh đoàn
        # chuẩn bị …', 'Hội Nông dân tỉnh phối hợp … rà soát …') is one more task of the same list.
        if (was_asked and section == "conclusion" and not _BULLET.match(p.text) and not _HEADING.match(p.text)
                and _opens_with_body_acting(p, folded)):
            p.kind = "tasks"
            asked = True
            continue
        if _BULLET.match(p.text) and not _HEADING.match(p.text) or (_BULLET.match(p.text) and section):
            if section:
                p.kind = section
                continue
        lead = _lead(folded)
        heading = bool(_HEADING.match(p.text)) or (len(p.text.split()) <= 14 and p.text.endswith(":"))
        if heading and section and not re.search(r"kết luận|nhiệm vụ|phương hướng|đề nghị|yêu cầu", folded):
            section = None
        lead_periods = [m.period(year) for m in find_mentions(lead)] if lead else []
        if lead_periods and all(c == reviewed for c in lead_periods):
            forward = False
        elif lead_periods:
            forward = any(is_after(c, reviewed) for c in lead_periods)
        else:
            forward = bool(lead and _TASK_LEAD.search(lead) and "thực hiện nhiệm vụ" not in lead and "kết quả" not in lead)
        if _is_caption(p) and not heading and not forward:
            p.kind = "caption"
            continue
        if (_CONCLUSION.search(folded[:200]) or _SPEAKER_ASKS.search(folded)) and not folded.startswith(("thảo luận", "đại biểu")):
            p.kind = section = "conclusion"
            asked = bool(_DIRECTIVE.search(folded))
            continue
        if heading and re.search(r"nhiệm vụ|phương hướng|kết luận|đề nghị|kiến nghị", folded) and "kết quả" not in folded:
            p.kind = section = "conclusion" if "kết luận" in folded else "tasks"
            continue
        if forward:
            p.kind = section = "tasks"
            continue
        if section == "conclusion" and (_DIRECTIVE.search(folded) or _NEEDS.search(folded)):
            p.kind = "conclusion"
            continue
        section = None if heading else section
        if section and not heading and p.kind == "other" and section == "tasks" and (
                _VERB_AT_START.match(folded) or _DIRECTIVE.match(folded)):
            p.kind = "tasks"  # '2. Nhiệm vụ tháng 3 / Đề nghị các tổ chức tiếp tục …; …'
    _before_the_tasks_item(paras)


def _before_the_tasks_item(paras: list[Paragraph]) -> None:
    """'1. Hội có 1.186 hội viên …; trong quý kết nạp 14 hội viên mới. / … / 5. Nhiệm vụ quý IV: các chi hội …':
    in a conclusion whose numbered list has an item labelled for the tasks, the numbered items before it that
    ask nothing are the assessment of the period reviewed, no tasks (in place)."""
    label_at = None
    for i in range(len(paras) - 1, -1, -1):
        p = paras[i]
        if p.kind != "conclusion" or not _NUMBERED.match(p.text):
            if p.kind not in ("conclusion", "tasks"):
                label_at = None
            continue
        folded = match_key(p.text)
        if _TASKS_LABEL.match(folded):
            label_at = i
        elif label_at is not None and not (_DIRECTIVE.search(folded) or _NEEDS.search(folded)):
            p.kind = "other"


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    pos = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.end() - pos > 1:
            spans.append((pos, m.end()))
        pos = m.end()
    if end - pos > 1:
        spans.append((pos, end))
    return spans


def _strip_span(text: str, start: int, end: int, chars: str = _TRAILING) -> tuple[int, int]:
    while start < end and text[start] in chars + "\n":
        start += 1
    while end > start and text[end - 1] in chars + "\n":
        end -= 1
    return start, end


def _skip_time_leads(text: str, folded: str, pos: int, end: int) -> int:
    """Skip leading clauses such as 'Nhiệm vụ quý IV,' or ', trong quý IV,' or 'thời gian tới,'."""
    while True:
        while pos < end and text[pos] in " ,:":
            pos += 1
        m = re.match(r"([^,:;]{1,60})[,:]", folded[pos:end])
        if not m:
            return pos
        clause = m.group(1)
        if len(clause.split()) <= 9 and (find_mentions(clause) or _TASK_LEAD.search(clause)) and not _VERB_ANYWHERE.search(clause):
            pos += m.end()
            continue
        return pos


_TIME_AFTER_SUBJECT = re.compile(
    r"\s+(?:trong\s+|từ nay đến\s+)?(?:\d+ tháng (?:đầu|cuối) năm|sáu tháng (?:đầu|cuối) năm|những tháng cuối năm|"
    r"quý [ivx\d]+|thời gian tới|năm \d{4})(?:\s+(?:năm\s+)?\d{4})?$"
)


def _split_subject(text: str, folded: str, pos: int, end: int) -> tuple[str, int]:
    """(subject, where the predicate starts). Subject '' when the sentence opens with its verb."""
    if _VERB_AT_START.match(folded[pos:end]):
        return "", pos
    needs = _NEEDS.search(folded, pos, min(end, pos + 120))
    verb = _VERB_ANYWHERE.search(folded, pos, min(end, pos + 120))
    if needs and (not verb or needs.start() <= verb.start() + 1):
        subject = text[pos : needs.end()].strip()
        return subject, needs.end()
    if not verb:
        return "", pos
    subject = text[pos : verb.start()].strip(" ,")
    if len(subject.split()) > 14 or ";" in subject:
        return "", pos
    when = _TIME_AFTER_SUBJECT.search(match_key(subject))
    if when and when.start() > 0:  # 'các cấp bộ Đoàn 6 tháng cuối năm tiếp tục …': the time is no subject
        subject = subject[: when.start()]
    return subject, verb.start()


def _body_acts(text: str, folded: str, start: int, end: int) -> bool:
    """A sentence whose own subject is a body and whose verb is a task's ('Văn phòng Hội hướng dẫn …')."""
    pos = start
    while pos < end and text[pos] in " ,":
        pos += 1
    subject, pred = _split_subject(text, folded, pos, end)
    if not subject or pred <= pos:
        return False
    key = match_key(subject)
    if _DONE_BEFORE_VERB.search(key.rstrip()):
        return False
    return bool(orgs_of_subject(subject) or _BODY_SUBJECT.match(key))


def _named_opening(item: str) -> list[str]:
    """The one of the six whose name opens ``item`` ('Công đoàn xã thăm …', 'Còn Đoàn xã …'), else []."""
    key = match_key(item)
    first = next(iter(find_org_mentions(item, key)), None)
    if first is None or first.kind != "name" or first.org not in ORG_CODES:
        return []
    return [first.org] if key[: first.start].strip() in ("", "còn") else []


def _sentence_case(s: str) -> str:
    s = re.sub(r"\s+", " ", s).strip(_TRAILING)
    s = re.sub(r"\.{2,}$|…$", "", s).strip(_TRAILING)
    return (s[:1].upper() + s[1:] + ".") if s else s


def _compose(subject: str, item: str) -> str:
    if subject and (item[:1].islower() or _VERB_AT_START.match(match_key(item))):
        if subject.lower().endswith((" cần", " phải")) and re.match(r"(?:cần|phải)\b", match_key(item)):
            subject = subject.rsplit(" ", 1)[0]
        return _sentence_case(subject + " " + item[:1].lower() + item[1:])
    return _sentence_case(item)


def _lower_subject(subject: str) -> str:
    """Subject as written inside a sentence: lower-case its first word unless it is a name."""
    first = subject.split(" ", 1)[0]
    if first.lower() in {"các", "những", "mỗi", "từng", "mọi", "cấp", "cán", "đồng"}:
        return subject[:1].lower() + subject[1:]
    return subject


def candidates(
    text: str,
    paras: list[Paragraph],
    reviewed: Period | None,
    year: int | None,
    default_orgs: list[str],
) -> list[Candidate]:
    folded = match_key(text)
    due_default = reviewed.following() if reviewed else None
    out: list[Candidate] = []
    subject = ""
    due = due_default
    previous_kind = None
    for p in paras:
        if p.kind not in ("tasks", "conclusion"):
            previous_kind = None
            continue
        bullet = _BULLET.match(p.text)
        if (_HEADING.match(p.text) and len(p.text.split()) <= 14 and _TASK_LEAD.search(match_key(p.text))
                and not _VERB_ANYWHERE.search(match_key(p.text)) and not _DIRECTIVE.search(match_key(p.text))):
            subject = ""  # (a new list: the subject of the items before it does not carry into it)
            continue  # the heading 'Nhiệm vụ tháng 3' opens the tasks; it is none itself
        if not bullet or previous_kind != p.kind:
            if not bullet:
                subject, due = "", due_default
        previous_kind = p.kind
        body_start = p.start + (bullet.end() if bullet else 0)
        asked = False  # a directive sentence has opened this paragraph's list of tasks
        for s_start, s_end in _sentences(text, body_start, p.end):
            sentence_folded = folded[s_start:s_end]
            directive = _DIRECTIVE.search(sentence_folded)
            if directive and ";" in sentence_folded[: directive.start()]:
                # '…: các chi hội tổ chức …; Ban Thường vụ rà soát, đề nghị hỗ trợ …': a directive word
                # inside a later item of the list is that item's verb, not the sentence's lead.
                directive = None
            is_task_sentence = bool(
                p.kind == "tasks"
                or bullet
                or directive
                or _NEEDS.search(sentence_folded)
                or _VERB_AT_START.match(sentence_folded.lstrip())
            )
            concluded = None  # the colon that ends a conclusion's lead, when the items after it are the tasks
            if not is_task_sentence and p.kind == "conclusion" and ";" in sentence_folded \
                    and ("kết luận" in sentence_folded or "chỉ đạo" in sentence_folded):
                concluded = _CONCLUSION_LEAD.match(folded, s_start, s_end)
                if concluded is not None:
                    # (the list holds tasks when it is said for a period ahead or its first item asks for work)
                    first = _skip_time_leads(text, folded, concluded.end(), s_end)
                    first_end = text.find(";", first, s_end)
                    if not (_lead_period(folded[concluded.end():first], reviewed, year)
                            or _VERB_AT_START.match(folded, first) or _body_acts(text, folded, first, first_end)):
                        concluded = None
                is_task_sentence = concluded is not None
            if not is_task_sentence and asked and p.kind == "conclusion":
                is_task_sentence = _body_acts(text, folded, s_start, s_end)
            if is_task_sentence and p.kind == "conclusion" and not directive and not _NEEDS.search(sentence_folded) \
                    and _reports(sentence_folded, reviewed, year):
                continue  # ('Trong tháng, các cơ sở Hội kết nạp 412 hội viên', 'Hội đã trao …': what was done)
            asked = asked or bool(directive)
            if not is_task_sentence:
                continue
            lead_end = s_start + directive.end() if directive else concluded.end() if concluded else s_start
            lead_due = _lead_period(folded[s_start : lead_end + 60], reviewed, year) \
                if directive or concluded or p.kind == "tasks" else None
            pos = _skip_time_leads(text, folded, lead_end, s_end)
            if lead_due and not bullet:
                due = lead_due
            own_subject, pred = _split_subject(text, folded, pos, s_end)
            if own_subject:
                subject = _lower_subject(own_subject) if directive else own_subject
                pos_item = pred
            else:
                pos_item = pos
            item_start = pos_item
            # ';' splits the predicate into items; the first item keeps its subject.
            pieces = []
            cursor = item_start
            for m in re.finditer(r";", text[item_start:s_end]):
                pieces.append((cursor, item_start + m.start()))
                cursor = item_start + m.end()
            pieces.append((cursor, s_end))
            if pieces and text[pieces[-1][0] : pieces[-1][1]].strip(_TRAILING) == "":
                pieces.pop()
            if pieces and text[pieces[-1][0] : pieces[-1][1]].rstrip().endswith(":"):
                # 'đề nghị các cấp Hội tập trung một số nhiệm vụ sau:' introduces bullet lines
                continue
            for i_start, i_end in pieces:
                i_start, i_end = _strip_span(text, i_start, i_end)
                item = text[i_start:i_end]
                if len(item.split()) < 3:
                    continue
                if concluded and _DONE_NEAR_START.search(folded, i_start, min(i_end, i_start + 50)):
                    continue  # (after a conclusion's lead, a report of what was done is no task)
                # '…: Hội Cựu chiến binh xã vận động …; các đoàn thể phường tuyên truyền …': a later item with one
                # of the six for its own subject is that body's task, not the first item's subject's ('cùng các
                # đoàn thể vận động …' is the subject's work with them).
                own_orgs: list[str] = []
                if i_start != pos_item and not folded.startswith(_WITH_OPENINGS, i_start):
                    if _body_acts(text, folded, i_start, i_end):
                        own_orgs = orgs_of_subject(_split_subject(text, folded, i_start, i_end)[0])
                    else:  # ('…; Công đoàn xã thăm đoàn viên ốm đau': its name opens the item, whatever the verb)
                        own_orgs = _named_opening(item)
                sentence = _sentence_case(item) if own_orgs else _compose(subject, item)
                span_start = pos if (own_subject and i_start == pred and not directive) else i_start
                orgs = own_orgs or (orgs_of_subject(subject) if subject else [])
                if not orgs:
                    orgs = orgs_named(item) or list(default_orgs)
                out.append(Candidate(sentence, orgs, due, "conclusion" if p.kind == "conclusion" else "tasks", span_start, i_end))
    return out
