"""Import of an official list of changes (CSV or .xlsx) into a restructuring plan.

Columns (English or Vietnamese headers, any order): old_code / mã cũ, new_code / mã mới,
effective_date / ngày hiệu lực, kind / loại (merge, split, rename, move, close, create, or
sáp nhập, chia tách, đổi tên, chuyển, giải thể, thành lập), share / tỷ lệ; optional new_name /
tên mới, new_kind / loại địa bàn mới (xã, phường, ...), new_parent / mã cấp trên mới.

Rows with the same new code and date are one merge; rows with the same old code and date of
kind 'split' are one split. Every row is checked before anything is planned, and any error
(unknown code, cycle, shares of a split not adding up to 1, a date before the old unit
existed...) is reported with its row and column: the plan is then empty and nothing is saved.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from giaoban.core import uploads
from giaoban.org.models import Area
from giaoban.org.names import KIND_PREFIXES, name_key
from giaoban.org.operations import DAY, ChangePlan, PlanError, Planner, fmt_date

COLUMNS = {
    # field: (Vietnamese label used in messages, accepted headers)
    "old_code": ("mã cũ", ["old_code", "old code", "mã cũ", "mã đơn vị cũ", "mã địa bàn cũ"]),
    "new_code": ("mã mới", ["new_code", "new code", "mã mới", "mã đơn vị mới", "mã địa bàn mới"]),
    "effective_date": ("ngày hiệu lực", ["effective_date", "effective date", "ngày hiệu lực", "ngày có hiệu lực", "hiệu lực từ"]),
    "kind": ("loại", ["kind", "loại", "loại thay đổi", "hình thức"]),
    "share": ("tỷ lệ", ["share", "tỷ lệ", "tỉ lệ"]),
    "new_name": ("tên mới", ["new_name", "new name", "tên mới"]),
    "new_kind": ("loại địa bàn mới", ["new_kind", "loại địa bàn mới", "loại đơn vị mới"]),
    "new_parent": ("mã cấp trên mới", ["new_parent", "new parent", "mã cấp trên mới", "cấp trên mới", "mã cấp trên"]),
}
REQUIRED = ("old_code", "new_code", "effective_date", "kind")
KINDS = {
    "merge": ["merge", "sáp nhập", "hợp nhất", "nhập"],
    "split": ["split", "chia tách", "tách", "chia", "điều chỉnh một phần"],
    "rename": ["rename", "đổi tên"],
    "move": ["move", "chuyển", "điều chuyển", "chuyển cấp trên", "giữ nguyên"],
    "close": ["close", "giải thể", "bãi bỏ", "đóng", "kết thúc"],
    "create": ["create", "thành lập", "thành lập mới", "tạo mới"],
}
KIND_KEYS = {name_key(word): kind for kind, words in KINDS.items() for word in words}
KIND_LABELS_VI = {"merge": "sáp nhập", "split": "chia tách", "rename": "đổi tên", "move": "chuyển", "close": "giải thể", "create": "thành lập"}
# Planned in this order on each date: new rows first, closings last (after their children moved out).
ORDER = ["create", "merge", "split", "rename", "move", "close"]


@dataclass
class ImportIssue:
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"Dòng {self.row}")
        if self.column:
            where.append(f"cột '{COLUMNS[self.column][0]}'")
        return (", ".join(where) + ": " if where else "") + self.message


class ImportFailed(ValueError):
    def __init__(self, issues: list[ImportIssue]):
        self.issues = issues
        super().__init__("\n".join(str(i) for i in issues))


@dataclass
class ChangeRow:
    line: int
    old_code: str
    new_code: str
    date: datetime.date | None
    kind: str
    share: Decimal | None
    new_name: str
    new_kind: str
    new_parent: str


# ---- reading --------------------------------------------------------------------------

def read_table(data: bytes, filename: str) -> list[tuple[int, list]]:
    """(row number as the user sees it, cells) from a CSV or .xlsx file, told apart by content."""
    if uploads.sniff(data, filename) == uploads.XLSX:
        try:
            book = uploads.open_xlsx_safely(data, filename)  # zip-bomb and XML entity limits
        except uploads.UploadError as exc:
            raise ImportFailed([ImportIssue(None, None, str(exc))]) from None
        sheet = book.worksheets[0]
        return [(i, list(r)) for i, r in enumerate(sheet.iter_rows(values_only=True), start=1)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFailed([ImportIssue(None, None, f"Tệp {filename} không phải văn bản UTF-8 (hãy lưu CSV dạng UTF-8).")]) from None
    first = text.splitlines()[0] if text else ""
    delimiter = ";" if first.count(";") > first.count(",") else ("\t" if first.count("\t") > first.count(",") else ",")
    return [(i, r) for i, r in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1)]


def parse_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value or "").strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    raise ValueError(f"'{text}' không phải ngày (viết 01/07/2025 hoặc 2025-07-01).")


def parse_share(value) -> Decimal | None:
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip().replace(" ", "")
    percent = text.endswith("%")
    text = text.rstrip("%").replace(",", ".")
    try:
        share = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"'{value}' không phải số (viết 0,4 hoặc 40%).") from None
    if percent:
        share /= 100
    if not (0 < share <= 1):
        raise ValueError(f"tỷ lệ {value} phải lớn hơn 0 và không quá 1.")
    return share


# The residential areas' kinds by their words. Not name prefixes (names.KIND_PREFIXES): 'Bản Giang'
# and 'Bản Hon' are communes of Lai Châu, whose names must not lose their first word.
RESIDENTIAL_KINDS = {name_key(label): kind for kind, label in Area.Kind.choices if kind in ("thon", "ban", "to_dan_pho")}


def parse_area_kind(value) -> str:
    text = name_key(str(value or ""))
    if not text:
        return ""
    if text in dict(Area.Kind.choices):
        return text
    if text in KIND_PREFIXES:
        return KIND_PREFIXES[text][0]
    if text in RESIDENTIAL_KINDS:
        return RESIDENTIAL_KINDS[text]
    raise ValueError(f"'{value}' không phải loại địa bàn (xã, phường, thị trấn, huyện, thị xã, thành phố, tỉnh; "
                     "khu dân cư: thôn, bản, tổ dân phố).")


def read_changes(data: bytes, filename: str) -> list[ChangeRow]:
    table = [(n, cells) for n, cells in read_table(data, filename) if any(str(c or "").strip() for c in cells)]
    if not table:
        raise ImportFailed([ImportIssue(None, None, f"Tệp {filename} không có dòng nào.")])
    header_line, header = table[0]
    accepted = {name_key(h): f for f, (_, names) in COLUMNS.items() for h in names}
    index: dict[str, int] = {}
    issues = []
    for i, cell in enumerate(header):
        field = accepted.get(name_key(str(cell or "")).replace("_", " ")) or accepted.get(name_key(str(cell or "")))
        if field:
            index[field] = i
    missing = [COLUMNS[f][0] for f in REQUIRED if f not in index]
    if missing:
        raise ImportFailed([ImportIssue(header_line, None, "thiếu cột " + ", ".join(f"'{m}'" for m in missing)
                                        + " (cần: mã cũ, mã mới, ngày hiệu lực, loại, tỷ lệ).")])
    rows = []
    for line, cells in table[1:]:
        get = lambda f: (cells[index[f]] if f in index and index[f] < len(cells) else None)  # noqa: E731
        text = lambda f: " ".join(str(get(f) or "").split())  # noqa: E731
        kind = KIND_KEYS.get(name_key(text("kind")))
        if kind is None:
            issues.append(ImportIssue(line, "kind", f"'{text('kind')}' không phải loại thay đổi ({', '.join(KIND_LABELS_VI.values())})."))
        date = share = None
        new_kind = ""
        try:
            date = parse_date(get("effective_date"))
        except ValueError as exc:
            issues.append(ImportIssue(line, "effective_date", str(exc)))
        try:
            share = parse_share(get("share"))
        except ValueError as exc:
            issues.append(ImportIssue(line, "share", str(exc)))
        try:
            new_kind = parse_area_kind(get("new_kind"))
        except ValueError as exc:
            issues.append(ImportIssue(line, "new_kind", str(exc)))
        row = ChangeRow(line, text("old_code"), text("new_code"), date, kind or "", share, text("new_name"), new_kind, text("new_parent"))
        if kind and kind != "create" and not row.old_code:
            issues.append(ImportIssue(line, "old_code", "thiếu mã cũ."))
        if kind and kind != "close" and not row.new_code:
            issues.append(ImportIssue(line, "new_code", "thiếu mã mới."))
        rows.append(row)
    if issues:
        raise ImportFailed(issues)
    return rows


# ---- planning -------------------------------------------------------------------------

def find_cycles(rows: list[ChangeRow]) -> list[list[ChangeRow]]:
    """Rows whose codes lead back to themselves on one date (A → B and B → A)."""
    edges = defaultdict(list)
    for r in rows:
        if r.old_code and r.new_code and r.old_code != r.new_code:
            edges[(r.date, r.old_code)].append(r)
    cycles, done = [], set()
    for start in list(edges):
        path, node, seen = [], start, set()
        while node in edges and node not in seen:
            seen.add(node)
            r = edges[node][0]
            path.append(r)
            node = (r.date, r.new_code)
        if node == start and start not in done:
            done |= seen
            cycles.append(path)
    return cycles


def plan_changes(rows: list[ChangeRow], cascade_units: bool = False) -> ChangePlan:
    """A plan for the rows, or ImportFailed listing every problem with its row and column."""
    issues: list[ImportIssue] = []
    for cycle in find_cycles(rows):
        chain = " → ".join([cycle[0].old_code] + [r.new_code for r in cycle])
        issues.append(ImportIssue(cycle[0].line, "new_code", f"vòng lặp giữa các mã {chain} (các dòng {', '.join(str(r.line) for r in cycle)})."))
    versions = defaultdict(list)
    for area in Area.objects.filter(code__in={r.old_code for r in rows} | {r.new_code for r in rows} | {r.new_parent for r in rows}):
        versions[area.code].append(area)

    def valid(code, date):
        return next((a for a in versions.get(code, []) if a.is_valid_on(date)), None)

    old_rows = {}
    for r in rows:
        if not r.old_code:
            continue
        area = valid(r.old_code, r.date - DAY)
        if area is None:
            known = versions.get(r.old_code)
            if not known:
                issues.append(ImportIssue(r.line, "old_code", f"không có địa bàn mã '{r.old_code}'."))
            elif all(a.valid_from > r.date - DAY for a in known):
                first = min(known, key=lambda a: a.valid_from)
                issues.append(ImportIssue(r.line, "effective_date", f"ngày hiệu lực {fmt_date(r.date)} không sau ngày "
                                          f"{first.full_name.lower()[:1]}{first.full_name[1:]} (mã {r.old_code}) bắt đầu có hiệu lực ({fmt_date(first.valid_from)})."))
            else:
                issues.append(ImportIssue(r.line, "old_code", f"địa bàn mã '{r.old_code}' không còn hiệu lực ngày {fmt_date(r.date - DAY)}."))
        else:
            old_rows[r.line] = area
    new_codes = {(r.new_code, r.date) for r in rows if r.kind != "close"}
    for r in rows:
        if r.new_parent and valid(r.new_parent, r.date) is None and (r.new_parent, r.date) not in new_codes:
            issues.append(ImportIssue(r.line, "new_parent", f"không có địa bàn mã '{r.new_parent}' có hiệu lực ngày {fmt_date(r.date)}."))
        if r.kind == "create" and not (r.new_name and r.new_kind and r.new_parent):
            issues.append(ImportIssue(r.line, "new_name", "thành lập mới cần tên mới, loại địa bàn mới và mã cấp trên mới."))

    # Group the rows into operations.
    groups: dict[tuple, list[ChangeRow]] = defaultdict(list)
    for r in rows:
        key = (r.date, r.kind, r.new_code) if r.kind == "merge" else (r.date, r.kind, r.old_code) if r.kind == "split" else (r.date, r.kind, r.line)
        groups[key].append(r)
    used: dict[tuple, ChangeRow] = {}
    for key, members in groups.items():
        for r in members:
            if r.old_code:
                other = used.get((r.date, r.old_code))
                if other is not None and groups.get(_key_of(other)) is not members:
                    issues.append(ImportIssue(r.line, "old_code", f"mã '{r.old_code}' đã có ở dòng {other.line}: mỗi địa bàn cũ chỉ thuộc một thay đổi."))
                used.setdefault((r.date, r.old_code), r)
        if key[1] == "split":
            shares = [r.share for r in members]
            if len(members) < 2:
                issues.append(ImportIssue(members[0].line, "new_code", "chia tách cần ít nhất hai dòng (hai mã mới) cho cùng mã cũ."))
            elif any(s is None for s in shares):
                for r in members:
                    if r.share is None:
                        issues.append(ImportIssue(r.line, "share", "chia tách cần tỷ lệ cho từng phần."))
            elif abs(sum(shares) - 1) > Decimal("0.0001"):
                issues.append(ImportIssue(members[0].line, "share", f"tổng tỷ lệ chia tách mã '{members[0].old_code}' "
                                          f"(các dòng {', '.join(str(r.line) for r in members)}) là {sum(shares).normalize()}, phải bằng 1."))
    if issues:
        raise ImportFailed(sorted(issues, key=lambda i: (i.row or 0)))

    planner = Planner(cascade_units=cascade_units)
    created: dict[tuple[str, datetime.date], object] = {}

    def parent_of(r):
        if not r.new_parent:
            return None
        return created.get((r.new_parent, r.date)) or valid(r.new_parent, r.date)

    ordered = sorted(groups.items(), key=lambda kv: (kv[0][0], ORDER.index(kv[0][1]), kv[1][0].line))
    for (date, kind, _), members in ordered:
        first = members[0]
        try:
            if kind == "merge":
                sources = [old_rows[r.line] for r in members]
                target = next((a for a in sources if a.code == first.new_code), None) or valid(first.new_code, date - DAY)
                name = first.new_name or (sources[0].name if len(sources) == 1 and target is None else "")
                if target is None and not name:
                    raise PlanError(f"cần tên mới cho mã mới '{first.new_code}'.")
                new = planner.merge(sources, date, target=target, code=first.new_code if target is None else "",
                                    name=name, kind=first.new_kind, parent=parent_of(first))
            elif kind == "split":
                parts = []
                for r in members:
                    target = valid(r.new_code, date - DAY) if r.new_code != r.old_code else None
                    parts.append({"target": target, "code": r.new_code, "name": r.new_name or (old_rows[r.line].name if r.new_code == r.old_code else ""),
                                  "kind": r.new_kind, "share": r.share, "parent": parent_of(r)})
                    if target is None and not parts[-1]["name"]:
                        raise PlanError(f"cần tên mới cho mã mới '{r.new_code}'.")
                for new, r in zip(planner.split(old_rows[first.line], date, parts), members):
                    created[(r.new_code, date)] = new
                continue
            elif kind == "rename":
                new = planner.rename(old_rows[first.line], date, name=first.new_name,
                                     code=first.new_code if first.new_code != first.old_code else "", kind=first.new_kind)
            elif kind == "move":
                parent = parent_of(first)
                if parent is None:
                    raise PlanError("chuyển cần mã cấp trên mới.")
                new = planner.move(old_rows[first.line], date, parent, name=first.new_name, kind=first.new_kind)
            elif kind == "close":
                planner.close_node(old_rows[first.line], date)
                continue
            else:
                new = planner.create_node("area", date, code=first.new_code, name=first.new_name, kind=first.new_kind, parent=parent_of(first))
            created[(first.new_code, date)] = new
        except PlanError as exc:
            column = "new_parent" if "cấp trên" in str(exc) or "Vòng lặp" in str(exc) else None
            issues += [ImportIssue(first.line, column, _sentence(e)) for e in exc.errors]
    if issues:
        raise ImportFailed(issues)
    return planner.plan


def _key_of(r: ChangeRow) -> tuple:
    return (r.date, r.kind, r.new_code) if r.kind == "merge" else (r.date, r.kind, r.old_code) if r.kind == "split" else (r.date, r.kind, r.line)


def _sentence(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def plan_file(path_or_bytes, filename: str | None = None, cascade_units: bool = False) -> ChangePlan:
    if isinstance(path_or_bytes, (str, Path)):
        path = Path(path_or_bytes)
        if not path.exists():
            raise ImportFailed([ImportIssue(None, None, f"Không tìm thấy tệp {path}.")])
        return plan_changes(read_changes(path.read_bytes(), path.name), cascade_units)
    return plan_changes(read_changes(path_or_bytes, filename or "tệp tải lên"), cascade_units)
