"""Which of the six organizations a meeting text (or a task's subject) names.

Matching runs on `fold()`ed text. 'đoàn viên' and 'Liên đoàn Lao động' do not name the Youth
Union; 'MTTQ và các tổ chức chính trị - xã hội' and 'các cơ quan, đơn vị' name all six.
"""

import re

ORG_CODES = ["mttq", "congdoan", "phunu", "doan", "nongdan", "ccb"]
_ORG_PATTERNS = {
    "mttq": r"\bmttq\b|mặt trận tổ quốc|\bmặt trận\b|\bmttqvn\b",
    "congdoan": r"công đoàn|liên đoàn lao động|\blđlđ\b",
    "phunu": r"hội (?:liên hiệp |lh )?phụ nữ|\bhội lhpn\b|\blhpn\b|\bphụ nữ các cấp\b",
    "doan": r"(?<!liên )\b(?:tỉnh|huyện|thành|thị|xã|phường) đoàn\b|đoàn tncs|đoàn thanh niên|\bđoàn tn\b|\bđvtn\b",
    "nongdan": r"hội nông dân|\bhnd\b|nông dân các cấp",
    "ccb": r"cựu chiến binh|\bccb\b",
}
_ORG_RE = {code: re.compile(p) for code, p in _ORG_PATTERNS.items()}
# Phrases that stand for every organization of the front.
_ALL_RE = re.compile(
    r"các tổ chức chính trị\s*-\s*xã hội|các đoàn thể chính trị\s*-\s*xã hội|các cơ quan,\s*đơn vị"
    r"|các đoàn thể|các tổ chức thành viên|các cơ quan, đơn vị"
)


def orgs_named(folded: str) -> list[str]:
    """Organization codes named in the text, in the canonical order."""
    return [code for code in ORG_CODES if _ORG_RE[code].search(folded)]


def says_all(folded: str) -> bool:
    return bool(_ALL_RE.search(folded))


def orgs_of_subject(folded_subject: str) -> list[str]:
    """Assignees of a task from its subject: all six for the collective phrases, else those named."""
    if says_all(folded_subject):
        return list(ORG_CODES)
    return orgs_named(folded_subject)
