"""Restructuring operations on areas and units: plan (a dry run), apply, revert, confirm.

Every operation has an effective date D. It never edits an old row's territory: rows that change
are closed (valid_to = D − 1) and new versions open on D, linked by successions with a kind and a
share, so values reported against old rows stay where they are and lineage rebuilds them for the
new rows. A row's parent never changes: when a row is replaced, its open children get new
versions under the replacement too (a 'move' link, share 1), recursively.

With `cascade_units`, an area change is carried to the organizations' units tied to the changed
areas: each such unit is closed and linked to the unit of the replacing area (created if needed,
its code and name derived from the old one: 'phunu-03389' → 'phunu-03388', 'Hội LHPN phường
Quyết Tiến' → 'Hội LHPN phường Đoàn Kết').

A Planner works on a simulated state, so several operations in one batch see each other (an
import closes 106 communes, then the 8 districts left empty). `Planner.plan` is a ChangePlan that
lists exactly the rows to close, the rows to create and the links to add; `apply` carries it
out in one transaction and records it in the audit trail; `revert` undoes it while not yet
confirmed and no report was made against the new rows.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone

from giaoban import audit
from giaoban.org.models import Area, AreaSuccession, ChangeBatch, Unit, UnitSuccession
from giaoban.textfigures.normalize import lower_first

DAY = datetime.timedelta(days=1)
MODELS = {"area": Area, "unit": Unit}
EDGES = {"area": AreaSuccession, "unit": UnitSuccession}
KIND_LABELS = dict(Area.Kind.choices)
LINK_LABELS = dict(AreaSuccession.Kind.choices)
SHARE_TOLERANCE = Decimal("0.000001")
# Sent inside apply's transaction with batch, plan, ids ({(model, plan ref): new id}) and user:
# the apps above the tree (collection: the roles on units that continue) follow the change.
applied = Signal()


class PlanError(ValueError):
    """The operations cannot be carried out; `errors` are Vietnamese sentences."""

    def __init__(self, errors):
        self.errors = [errors] if isinstance(errors, str) else list(errors)
        super().__init__("\n".join(self.errors))


def fmt_date(d: datetime.date | None) -> str:
    return f"{d:%d/%m/%Y}" if d else "nay"



def to_share(value) -> Decimal:
    try:
        share = Decimal(str(value))
    except InvalidOperation:
        raise PlanError(f"Tỷ lệ '{value}' không phải là số.") from None
    if not (0 < share <= 1):
        raise PlanError(f"Tỷ lệ {value} phải lớn hơn 0 và không quá 1.")
    return share.quantize(SHARE_TOLERANCE)


@dataclass
class Row:
    """One row as the plan sees it: an existing row (ref = its id) or a new one (ref = 'n1')."""

    model: str
    ref: int | str
    code: str
    name: str
    valid_from: datetime.date
    valid_to: datetime.date | None
    parent: int | str | None
    kind: str = ""
    level: int = 0
    organization: int | None = None
    area: int | str | None = None
    path: str = ""
    # The areas a unit serves when they are several (org.coverage): area refs, as `area`.
    served: list = field(default_factory=list)

    @property
    def is_new(self) -> bool:
        return isinstance(self.ref, str)

    @property
    def label(self) -> str:
        return lower_first(f"{KIND_LABELS.get(self.kind, '')} {self.name}".strip()) if self.model == "area" else self.name

    def is_valid_on(self, date: datetime.date) -> bool:
        return self.valid_from <= date and (self.valid_to is None or self.valid_to >= date)

    @classmethod
    def of(cls, obj) -> "Row":
        if isinstance(obj, Area):
            return cls("area", obj.pk, obj.code, obj.name, obj.valid_from, obj.valid_to, obj.parent_id, obj.kind, obj.level, path=obj.path)
        return cls("unit", obj.pk, obj.code, obj.name, obj.valid_from, obj.valid_to, obj.parent_id, "", obj.level,
                   obj.organization_id, obj.area_id, obj.path, sorted(a.pk for a in obj.served_areas.all()))

    def to_dict(self) -> dict:
        d = asdict(self)
        d["valid_from"] = self.valid_from.isoformat()
        d["valid_to"] = self.valid_to.isoformat() if self.valid_to else None
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Row":
        d = dict(d)
        d["valid_from"] = datetime.date.fromisoformat(d["valid_from"])
        d["valid_to"] = datetime.date.fromisoformat(d["valid_to"]) if d["valid_to"] else None
        return cls(**d)


@dataclass
class ChangePlan:
    """Exactly what apply will do: rows to close, rows to create (in order), links to add."""

    operations: list[str] = field(default_factory=list)
    closes: list[dict] = field(default_factory=list)  # model, id, code, label, valid_from, old_valid_to, valid_to
    creates: list[Row] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)  # model, predecessor, successor, kind, share, effective_date
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> dict:
        count = lambda items, model: sum(1 for x in items if (x.model if isinstance(x, Row) else x["model"]) == model)  # noqa: E731
        return {
            "operations": len(self.operations),
            "areas_closed": count(self.closes, "area"), "areas_created": count(self.creates, "area"),
            "units_closed": count(self.closes, "unit"), "units_created": count(self.creates, "unit"),
            "area_links": count(self.links, "area"), "unit_links": count(self.links, "unit"),
        }

    def to_dict(self) -> dict:
        return {"operations": self.operations, "closes": self.closes, "creates": [r.to_dict() for r in self.creates],
                "links": self.links, "warnings": self.warnings, "summary": self.summary()}

    @classmethod
    def from_dict(cls, d: dict) -> "ChangePlan":
        return cls(list(d.get("operations", [])), list(d.get("closes", [])), [Row.from_dict(r) for r in d.get("creates", [])],
                   list(d.get("links", [])), list(d.get("warnings", [])))

    def label_of(self, model: str, ref) -> str:
        for r in self.creates:
            if r.model == model and r.ref == ref:
                return f"{r.label} (mới, mã {r.code})"
        for c in self.closes:
            if c["model"] == model and c["id"] == ref:
                return f"{c['label']} (mã {c['code']})"
        obj = MODELS[model].objects.filter(pk=ref).first()
        return f"{Row.of(obj).label} (mã {obj.code})" if obj else f"#{ref}"

    def lines(self) -> list[str]:
        """The plan in Vietnamese, one change a line (the dry run's output)."""
        what = {"area": "địa bàn", "unit": "đơn vị"}
        out = [f"Thao tác: {op}" for op in self.operations]
        for c in self.closes:
            out.append(f"Đóng {what[c['model']]} {c['label']} (mã {c['code']}, từ {fmt_date(datetime.date.fromisoformat(c['valid_from']))}): "
                       f"hiệu lực đến {fmt_date(datetime.date.fromisoformat(c['valid_to']))}")
        labels = {(r.model, r.ref): r for r in self.creates}
        for r in self.creates:
            parent = labels.get((r.model, r.parent))
            parent_label = parent.label if parent else (self.label_of(r.model, r.parent) if r.parent else "không có")
            line = f"Tạo {what[r.model]} {r.label} (mã {r.code}) từ {fmt_date(r.valid_from)}, trực thuộc {parent_label}"
            if r.served:
                area_labels = {x.ref: x for x in self.creates if x.model == "area"}
                line += "; phục vụ " + ", ".join(
                    area_labels[a].label if a in area_labels else self.label_of("area", a).split(" (mã")[0] for a in r.served)
            out.append(line)
        for link in self.links:
            out.append(f"Kế thừa ({LINK_LABELS.get(link['kind'], link['kind'])}, tỷ lệ {link['share']}): "
                       f"{self.label_of(link['model'], link['predecessor'])} → {self.label_of(link['model'], link['successor'])}")
        out += [f"Lưu ý: {w}" for w in self.warnings]
        return out


class Planner:
    """Builds a ChangePlan from operations, each checked against the tree as the earlier
    operations of the same plan left it."""

    def __init__(self, cascade_units: bool = False):
        self.cascade_units = cascade_units
        self.plan = ChangePlan()
        self.rows: dict[tuple[str, int | str], Row] = {}
        self.counter = 0
        self.unit_for_area: dict[tuple[int, int | str], Row] = {}  # (organization, area ref) -> new unit
        self.replaced: dict[tuple[str, int | str], list[tuple[Row, Decimal, str]]] = {}
        self.handled: set[tuple[str, int | str]] = set()  # rows an operation of this plan closed
        self._continued: dict[tuple[str, int], bool] = {}
        self._indexes: dict[tuple[str, datetime.date], tuple[dict, dict]] = {}
        self._taken: dict[tuple[str, datetime.date], set[str]] = {}  # codes already starting on a date
        self.new_by_parent: dict[tuple[str, int | str], list[Row]] = {}
        self.new_by_area: dict[int | str, list[Row]] = {}
        self._serving: dict[tuple[datetime.date, int | str], list[Row]] = {}  # (date, area ref) -> units serving it

    # ---- the simulated state ------------------------------------------------------------
    def row(self, obj, model: str | None = None) -> Row:
        if isinstance(obj, Row):
            return obj
        if isinstance(obj, (Area, Unit)):
            key = ("area" if isinstance(obj, Area) else "unit", obj.pk)
            if key not in self.rows:
                self.rows[key] = Row.of(obj)
            return self.rows[key]
        key = (model or "area", obj)
        if key not in self.rows:
            if isinstance(obj, str):
                raise PlanError(f"Không có dòng mới '{obj}' trong kế hoạch.")
            self.rows[key] = Row.of(MODELS[key[0]].objects.get(pk=obj))
        return self.rows[key]

    def is_open(self, row: Row, date: datetime.date) -> bool:
        """Whether a change effective `date` may close `row`: it existed the day before, no
        operation of this plan closed it yet, and it continues past that day. A row whose end
        is already set to the day before (a tree loaded with its end dates known) counts as open
        unless a succession already continues it."""
        if (row.model, row.ref) in self.handled or row.valid_from > date - DAY:
            return False
        if row.valid_to is None or row.valid_to >= date:
            return True
        return row.valid_to == date - DAY and not row.is_new and not self.continued(row.model, [row.ref]).get(row.ref)

    def continued(self, model: str, ids: list[int]) -> dict[int, bool]:
        """{id: whether a succession already leads out of it} (one query for the missing ones)."""
        missing = [i for i in ids if (model, i) not in self._continued]
        if missing:
            have = set(EDGES[model].objects.filter(predecessor_id__in=missing).values_list("predecessor_id", flat=True))
            for i in missing:
                self._continued[(model, i)] = i in have
        return {i: self._continued[(model, i)] for i in ids}

    def open_rows(self, candidates: list[Row], date: datetime.date) -> list[Row]:
        self.continued(candidates[0].model if candidates else "area",
                       [r.ref for r in candidates if not r.is_new and r.valid_to == date - DAY])
        return [r for r in candidates if self.is_open(r, date) or (r.is_new and r.is_valid_on(date) and (r.model, r.ref) not in self.handled)]

    def index(self, model: str, date: datetime.date) -> tuple[dict, dict]:
        """Existing rows valid the day before `date`, by parent and by area: one query per
        (model, date) instead of one per node."""
        key = (model, date)
        if key not in self._indexes:
            qs = MODELS[model].objects.valid_on(date - DAY)
            qs = qs.order_by("organization__sort_order", "code").prefetch_related("served_areas") if model == "unit" else qs.order_by("code")
            by_parent, by_area = {}, {}
            rows = [self.row(obj) for obj in qs]
            for r in rows:
                by_parent.setdefault(r.parent, []).append(r)
                if model == "unit":
                    by_area.setdefault(r.area, []).append(r)
                    for served in r.served:
                        self._serving.setdefault((date, served), []).append(r)
            self.continued(model, [r.ref for r in rows if r.valid_to == date - DAY])
            self._indexes[key] = (by_parent, by_area)
        return self._indexes[key]

    def children(self, row: Row, date: datetime.date) -> list[Row]:
        found = [] if row.is_new else list(self.index(row.model, date)[0].get(row.ref, []))
        found += self.new_by_parent.get((row.model, row.ref), [])
        return self.open_rows(found, date)

    def units_of(self, area: Row, date: datetime.date) -> list[Row]:
        found = [] if area.is_new else list(self.index("unit", date)[1].get(area.ref, []))
        found += self.new_by_area.get(area.ref, [])
        return self.open_rows(found, date)

    def is_under(self, row: Row, ancestor: Row) -> bool:
        """Whether `row` is `ancestor` or lies in its subtree (following plan-created parents)."""
        seen = 0
        while row is not None and seen < 100:
            if row.ref == ancestor.ref:
                return True
            if not row.is_new:
                return ancestor.path != "" and not ancestor.is_new and row.path.startswith(ancestor.path)
            row = self.row(row.parent, row.model) if row.parent is not None else None
            seen += 1
        return False

    # ---- primitives ---------------------------------------------------------------------
    def close(self, row: Row, date: datetime.date) -> None:
        self.check_open([row], date)
        self.handled.add((row.model, row.ref))
        if row.is_new:
            row.valid_to = date - DAY
            return
        self.plan.closes.append({
            "model": row.model, "id": row.ref, "code": row.code, "label": row.label, "valid_from": row.valid_from.isoformat(),
            "old_valid_to": row.valid_to.isoformat() if row.valid_to else None, "valid_to": (date - DAY).isoformat(),
        })
        row.valid_to = date - DAY

    def create(self, model: str, date: datetime.date, *, code: str, name: str, parent: Row | None, kind: str = "",
               level: int = 0, organization: int | None = None, area: Row | None = None, served: list | None = None) -> Row:
        code, name = (code or "").strip(), " ".join((name or "").split())
        if not code or not name:
            raise PlanError("Đơn vị/địa bàn mới cần có mã và tên.")
        if parent is not None and (not parent.is_valid_on(date) or (parent.model, parent.ref) in self.handled):
            raise PlanError(f"Cấp trên {parent.label} (mã {parent.code}) không có hiệu lực ngày {fmt_date(date)}.")
        if (model, date) not in self._taken:
            self._taken[(model, date)] = set(MODELS[model].objects.filter(valid_from=date).values_list("code", flat=True))
        if code in self._taken[(model, date)]:
            raise PlanError(f"Đã có {'địa bàn' if model == 'area' else 'đơn vị'} mã '{code}' bắt đầu hiệu lực ngày {fmt_date(date)}.")
        if model == "area" and kind not in KIND_LABELS:
            raise PlanError(f"Loại địa bàn '{kind}' không hợp lệ.")
        self.counter += 1
        row = Row(model, f"n{self.counter}", code, name, date, None, parent.ref if parent else None, kind,
                  level or (parent.level + 1 if parent else 1), organization, area.ref if area else None, served=list(served or []))
        self.rows[(model, row.ref)] = row
        self.plan.creates.append(row)
        self._taken[(model, date)].add(code)
        self.new_by_parent.setdefault((model, row.parent), []).append(row)
        if row.area is not None:
            self.new_by_area.setdefault(row.area, []).append(row)
        return row

    def version(self, row: Row, date: datetime.date, parent: Row | None = "same", **changes) -> Row:
        parent_row = (self.row(row.parent, row.model) if row.parent is not None else None) if parent == "same" else parent
        area = changes.pop("area", "same")
        area_row = (self.row(row.area, "area") if row.area is not None else None) if area == "same" else area
        fields = {"code": row.code, "name": row.name, "kind": row.kind, "level": row.level, "organization": row.organization}
        fields.update({k: v for k, v in changes.items() if v})
        served = []
        if row.served and area == "same":
            # a unit serving several areas keeps serving them, under their new versions if this plan replaced them
            area_row, served = self.coverage(self.successors_of(row.served, date), fallback=area_row)
        return self.create(row.model, date, parent=parent_row, area=area_row, served=served, **fields)

    # ---- units serving several areas (org.coverage) ------------------------------------
    def successors_of(self, area_refs: list, date: datetime.date) -> list:
        """The areas valid on `date` that took over `area_refs` in this plan (unchanged ones kept)."""
        out: list = []
        for ref in area_refs:
            heirs = [r for r, _, _ in self.replaced.get(("area", ref), [])]
            for new in (self.successors_of([h.ref for h in heirs], date) if heirs else [ref]):
                if new not in out:
                    out.append(new)
        return out

    def coverage(self, area_refs: list, fallback: Row | None = None) -> tuple[Row | None, list]:
        """(area, served) of a unit serving `area_refs`: one area is the unit's own; several sit at
        their lowest common area and are listed as served (as coverage.serve does)."""
        refs = [r for r in area_refs if r is not None]
        if not refs:
            return fallback, []
        if len(refs) == 1:
            return self.row(refs[0], "area"), []
        chains = []
        for ref in refs:
            chain, row = [], self.row(ref, "area")
            while row is not None and len(chain) < 100:
                chain.append(row.ref)
                row = self.row(row.parent, "area") if row.parent is not None else None
            chains.append(chain[::-1])
        common = None
        for refs_at_depth in zip(*chains):
            if len(set(refs_at_depth)) != 1:
                break
            common = refs_at_depth[0]
        if common is None:
            raise PlanError("Các địa bàn không cùng thuộc một tỉnh: một đơn vị không phụ trách được.")
        return self.row(common, "area"), sorted(refs, key=str)

    def serving(self, area: Row, date: datetime.date) -> list[Row]:
        """Open units that serve `area` among several."""
        if area.is_new:
            return []
        self.index("unit", date)
        return self.open_rows(list(self._serving.get((date, area.ref), [])), date)

    def link(self, predecessor: Row, successor: Row, kind: str, share, date: datetime.date) -> None:
        self.plan.links.append({"model": predecessor.model, "predecessor": predecessor.ref, "successor": successor.ref,
                                "kind": kind, "share": str(Decimal(share).quantize(SHARE_TOLERANCE).normalize()),
                                "effective_date": date.isoformat()})
        self.replaced.setdefault((predecessor.model, predecessor.ref), []).append((successor, Decimal(share), kind))

    def move_children(self, old: Row, new: Row, date: datetime.date, only: list[Row] | None = None,
                      organization: int | None = None) -> list[tuple[Row, Row]]:
        """New versions of `old`'s open children under `new` (of `organization` when given);
        returns (old child, new child) pairs."""
        moved = []
        for child in (only if only is not None else self.children(old, date)):
            self.close(child, date)
            copy = self.version(child, date, parent=new, organization=organization)
            self.link(child, copy, "move", 1, date)
            moved.append((child, copy))
            moved += self.move_children(child, copy, date, organization=organization)
        return moved

    def check_open(self, rows: list[Row], date: datetime.date) -> None:
        for r in rows:
            if r.is_new and r.is_valid_on(date) and (r.model, r.ref) not in self.handled:
                continue
            if self.is_open(r, date):
                continue
            if r.valid_from > date - DAY:
                raise PlanError(f"Ngày hiệu lực {fmt_date(date)} không sau ngày {r.label} (mã {r.code}) bắt đầu có hiệu lực ({fmt_date(r.valid_from)}).")
            if (r.model, r.ref) in self.handled:
                raise PlanError(f"{r.label} (mã {r.code}) đã có trong một thay đổi khác của kế hoạch này.")
            if not r.is_new and r.valid_to == date - DAY:
                raise PlanError(f"{r.label} (mã {r.code}) đã được sắp xếp từ {fmt_date(date)} (đã có đơn vị kế thừa).")
            raise PlanError(f"{r.label} (mã {r.code}) không còn hiệu lực ngày {fmt_date(date)}.")

    # ---- operations ---------------------------------------------------------------------
    def merge(self, sources, date: datetime.date, target=None, *, code: str = "", name: str = "", kind: str = "",
              parent=None, area=None) -> Row:
        """Several rows into one: a new row (code, name, kind, parent) or a new version of an
        existing `target` (which is closed too: its territory grows)."""
        rows = [self.row(s) for s in sources]
        target_row = self.row(target) if target is not None else None
        if target_row is not None and all(target_row.ref != r.ref for r in rows):
            rows.append(target_row)
        if not rows:
            raise PlanError("Sáp nhập cần ít nhất một đơn vị cũ.")
        if len({r.model for r in rows}) > 1 or (rows[0].model == "unit" and len({r.organization for r in rows}) > 1):
            raise PlanError("Chỉ sáp nhập được các đơn vị cùng loại, cùng tổ chức.")
        self.check_open(rows, date)
        model = rows[0].model
        parent_row = self.row(parent, model) if parent is not None else None
        if parent_row is None:
            parents = {r.parent for r in rows}
            if len(parents) != 1:
                raise PlanError("Các đơn vị cũ thuộc nhiều cấp trên khác nhau: cần chỉ rõ cấp trên của đơn vị mới.")
            parent_row = self.row(parents.pop(), model) if rows[0].parent is not None else None
        for r in rows:
            if parent_row is not None and self.is_under(parent_row, r):
                raise PlanError(f"Vòng lặp: cấp trên mới {parent_row.label} nằm trong {r.label}.")
        for r in rows:
            self.close(r, date)
        area_row = self.row(area, "area") if area is not None else None
        if target_row is not None:
            new = self.version(target_row, date, parent=parent_row, name=name, code=code, kind=kind,
                               **({"area": area_row} if area_row else {}))
        else:
            base = rows[0]
            served: list = []
            if model == "unit" and area_row is None:
                # two commune unions become one serving both communes (counted once, at their common area)
                areas = self.successors_of([a for r in rows for a in (r.served or [r.area])], date)
                area_row, served = self.coverage(areas)
            new = self.create(model, date, code=code, name=name, parent=parent_row, kind=kind or base.kind, level=base.level,
                              organization=base.organization, area=area_row, served=served)
        for r in rows:
            self.link(r, new, "merge", 1, date)
        pairs = [(r, new) for r in rows]
        for r in rows:
            pairs += self.move_children(r, new, date)
        self.plan.operations.append(f"Sáp nhập {', '.join(f'{r.label} ({r.code})' for r in rows)} thành {new.label} ({new.code}) từ {fmt_date(date)}")
        self.after(pairs, date)
        return new

    def split(self, source, date: datetime.date, parts: list[dict]) -> list[Row]:
        """One row into several. Each part: {'target': existing row, or 'code'/'name'/'kind'/
        'parent'/'area' of a new one; 'share': the part of the source's territory; 'children':
        the sub-units that go there}. Without shares, each part weighs its number of sub-units."""
        row = self.row(source)
        self.check_open([row], date)
        if len(parts) < 2:
            raise PlanError(f"Chia tách {row.label} cần ít nhất hai phần.")
        open_children = self.children(row, date)
        assigned: dict = {}
        for i, part in enumerate(parts):
            for child in part.get("children") or []:
                child = self.row(child, row.model)
                if child.ref in assigned:
                    raise PlanError(f"{child.label} được giao cho hai phần.")
                if all(c.ref != child.ref for c in open_children):
                    raise PlanError(f"{child.label} không phải đơn vị trực thuộc {row.label} ngày {fmt_date(date)}.")
                assigned[child.ref] = i
        missing = [c.label for c in open_children if c.ref not in assigned]
        if missing:
            raise PlanError(f"Chưa giao cho phần nào: {', '.join(missing)} (trực thuộc {row.label}).")
        shares = [part.get("share") for part in parts]
        if all(s is None or s == "" for s in shares):
            if not open_children:
                raise PlanError(f"Chia tách {row.label}: cần tỷ lệ của từng phần (không có đơn vị trực thuộc để chia theo).")
            counts = [sum(1 for v in assigned.values() if v == i) for i in range(len(parts))]
            shares = [Decimal(n) / Decimal(len(open_children)) for n in counts]
            self.plan.warnings.append(f"Tỷ lệ chia tách {row.label} tính theo số đơn vị trực thuộc: "
                                      + ", ".join(f"{s:.4f}" for s in shares))
            if any(s == 0 for s in shares):
                raise PlanError(f"Chia tách {row.label}: có phần không nhận đơn vị trực thuộc nào và không có tỷ lệ.")
        elif any(s is None or s == "" for s in shares):
            raise PlanError(f"Chia tách {row.label}: cần tỷ lệ cho tất cả các phần hoặc không phần nào.")
        else:
            shares = [to_share(s) for s in shares]
        total = sum(shares)
        if abs(total - 1) > Decimal("0.0001"):
            raise PlanError(f"Tổng tỷ lệ chia tách {row.label} là {total.normalize()}, phải bằng 1.")
        self.close(row, date)
        pairs, news = [], []
        for i, (part, share) in enumerate(zip(parts, shares)):
            parent = part.get("parent")
            parent_row = self.row(parent, row.model) if parent is not None else (self.row(row.parent, row.model) if row.parent is not None else None)
            area_row = self.row(part["area"], "area") if part.get("area") is not None else None
            if part.get("target") is not None:
                target = self.row(part["target"])
                self.check_open([target], date)
                self.close(target, date)
                new = self.version(target, date, name=part.get("name", ""), **({"area": area_row} if area_row else {}))
                self.link(target, new, "merge", 1, date)
                pairs += [(target, new)] + self.move_children(target, new, date)
            else:
                new = self.create(row.model, date, code=part.get("code", ""), name=part.get("name", ""), parent=parent_row,
                                  kind=part.get("kind") or row.kind, level=row.level, organization=row.organization, area=area_row)
            self.link(row, new, "split", share, date)
            pairs.append((row, new))
            mine = [c for c in open_children if assigned.get(c.ref) == i]
            pairs += self.move_children(row, new, date, only=mine)
            news.append(new)
        self.plan.operations.append(f"Chia tách {row.label} ({row.code}) thành " + ", ".join(
            f"{n.label} ({n.code}, tỷ lệ {s.normalize()})" for n, s in zip(news, shares)) + f" từ {fmt_date(date)}")
        self.after(pairs, date)
        return news

    def rename(self, node, date: datetime.date, name: str, code: str = "", kind: str = "") -> Row:
        row = self.row(node)
        self.check_open([row], date)
        if not (name or code or kind):
            raise PlanError("Đổi tên cần tên mới.")
        self.close(row, date)
        new = self.version(row, date, name=name, code=code, kind=kind)
        self.link(row, new, "rename", 1, date)
        pairs = [(row, new)] + self.move_children(row, new, date)
        self.plan.operations.append(f"Đổi tên {row.label} ({row.code}) thành {new.label} ({new.code}) từ {fmt_date(date)}")
        self.after(pairs, date)
        return new

    def move(self, node, date: datetime.date, new_parent, name: str = "", kind: str = "") -> Row:
        """A row under another parent; a unit under a unit of another organization joins that
        organization with its whole subtree (its figures stay with its old rows)."""
        row = self.row(node)
        parent = self.row(new_parent, row.model)
        self.check_open([row], date)
        if self.is_under(parent, row):
            raise PlanError(f"Vòng lặp: không thể chuyển {row.label} vào {parent.label}, vốn nằm trong chính nó.")
        if row.parent == parent.ref and not (name or kind):
            raise PlanError(f"{row.label} đã trực thuộc {parent.label}.")
        organization = parent.organization if row.model == "unit" and parent.organization != row.organization else None
        self.close(row, date)
        new = self.version(row, date, parent=parent, name=name, kind=kind, organization=organization)
        self.link(row, new, "move", 1, date)
        pairs = [(row, new)] + self.move_children(row, new, date, organization=organization)
        self.plan.operations.append(f"Chuyển {row.label} ({row.code}) về trực thuộc {parent.label} từ {fmt_date(date)}"
                                    + (" (sang tổ chức khác)" if organization else ""))
        self.after(pairs, date)
        return new

    def dissolve(self, node, date: datetime.date) -> list[Row]:
        """Dissolve a level: the row closes on the day before ``date`` (its history and reports stay
        with it) and its open children continue directly under its parent (the district trade
        unions dissolved on 1 July 2025, their commune unions now under the province's).
        Returns the children's new versions."""
        row = self.row(node)
        self.check_open([row], date)
        if row.parent is None:
            raise PlanError(f"{row.label} không có cấp trên để nhận các đơn vị trực thuộc; hãy dùng 'giải thể' kèm đơn vị.")
        parent = self.row(row.parent, row.model)
        self.check_open([parent], date)
        pairs = self.move_children(row, parent, date)
        self.close(row, date)
        self.plan.operations.append(
            f"Giải thể {row.label} ({row.code}) từ {fmt_date(date)}; {len([p for p in pairs if p[1].parent == parent.ref])} "
            f"đơn vị trực thuộc chuyển về {parent.label}")
        return [new for old, new in pairs if new.parent == parent.ref]

    def close_node(self, node, date: datetime.date) -> None:
        """Close a row and everything still open under it (a dissolution: no successor)."""
        row = self.row(node)
        self.check_open([row], date)
        closed = []

        def close_tree(r):
            self.close(r, date)
            closed.append(r)
            for child in self.children(r, date):
                close_tree(child)

        close_tree(row)
        self.plan.operations.append(f"Giải thể {row.label} ({row.code}) từ {fmt_date(date)}"
                                    + (f", cùng {len(closed) - 1} đơn vị trực thuộc" if len(closed) > 1 else ""))
        if self.cascade_units and row.model == "area":
            for area in closed:
                for unit in self.units_of(area, date):
                    self.close_node(unit, date)

    def create_node(self, model: str, date: datetime.date, *, code: str, name: str, parent=None, kind: str = "",
                    level: int = 0, organization=None, area=None) -> Row:
        parent_row = self.row(parent, model) if parent is not None else None
        org_id = getattr(organization, "pk", organization)
        if model == "unit" and org_id is None:
            org_id = parent_row.organization if parent_row else None
            if org_id is None:
                raise PlanError("Đơn vị mới cần thuộc một tổ chức.")
        new = self.create(model, date, code=code, name=name, parent=parent_row, kind=kind, level=level,
                          organization=org_id, area=self.row(area, "area") if area is not None else None)
        self.plan.operations.append(f"Thành lập {new.label} ({new.code}) từ {fmt_date(date)}")
        if self.cascade_units and model == "area" and parent_row is not None:
            for parent_unit in self.units_of(parent_row, date):
                template = Unit.objects.filter(organization_id=parent_unit.organization, area__level=new.level).select_related("area").first()
                code_, name_ = derive_unit_identity(template, Row.of(template.area) if template else None, new, parent_unit)
                self.create("unit", date, code=code_, name=name_, parent=parent_unit, level=template.level if template else new.level,
                            organization=parent_unit.organization, area=new)
        return new

    # ---- units follow their areas -------------------------------------------------------
    def after(self, pairs: list[tuple[Row, Row]], date: datetime.date) -> None:
        if not (self.cascade_units and pairs and pairs[0][0].model == "area"):
            return
        seen, replaced_units = set(), []
        for old_area, _ in pairs:
            if old_area.ref in seen:
                continue
            seen.add(old_area.ref)
            targets = self.replaced.get(("area", old_area.ref), [])
            for unit in self.units_of(old_area, date):
                if unit.served:
                    continue  # a unit serving several areas is not the area's own unit: below
                self.close(unit, date)
                replaced_units.append(unit)
                for new_area, share, kind in targets:
                    new_unit = self.unit_for_area.get((unit.organization, new_area.ref))
                    if new_unit is None:
                        parent = self.parent_unit(unit, new_area, date)
                        code, name = derive_unit_identity(unit, old_area, new_area, parent)
                        new_unit = self.create("unit", date, code=code, name=name, parent=parent, level=unit.level,
                                               organization=unit.organization, area=new_area)
                        self.unit_for_area[(unit.organization, new_area.ref)] = new_unit
                    self.link(unit, new_unit, kind, share, date)
        # Units serving a replaced area among several (a commune trade union for three communes):
        # a new version serving the replacing areas, the same body (a 'move' link, share 1).
        # Such a unit sitting at a replaced area (their lowest common one) too, with its own identity.
        for old_area in {a.ref: a for a, _ in pairs}.values():
            sitting = [u for u in self.units_of(old_area, date) if u.served]
            for unit in self.serving(old_area, date) + sitting:
                if (unit.model, unit.ref) in self.handled:
                    continue
                if unit.is_new:
                    unit.served = self.successors_of(unit.served, date)
                    continue
                self.close(unit, date)
                parent = self.row(unit.parent, "unit") if unit.parent is not None else None
                if parent is not None and ("unit", parent.ref) in self.handled:
                    heirs = self.replaced.get(("unit", parent.ref))
                    parent = max(heirs, key=lambda t: t[1])[0] if heirs else None
                new_unit = self.version(unit, date, parent=parent)
                self.link(unit, new_unit, "move", 1, date)
                self.move_children(unit, new_unit, date)
        # Units under a replaced unit that no area change reached (grassroots, non-geographic).
        self.adopt_orphans(replaced_units, date)

    def adopt_orphans(self, units: list[Row], date: datetime.date) -> None:
        for old in units:
            targets = self.replaced.get(("unit", old.ref))
            if not targets:
                continue
            orphans = self.children(old, date)
            if not orphans:
                continue
            heir = max(targets, key=lambda t: t[1])[0]
            if len(targets) > 1:
                self.plan.warnings.append(f"Các đơn vị trực thuộc {old.label} được chuyển về {heir.label} (phần lớn nhất).")
            self.move_children(old, heir, date, only=orphans)

    def parent_unit(self, unit: Row, new_area: Row, date: datetime.date) -> Row | None:
        """The unit of the same organization at the new area's parent area, else the old parent
        (or its replacement)."""
        if new_area.parent is not None:
            made = self.unit_for_area.get((unit.organization, new_area.parent))
            if made is not None:
                return made
            parent_area = self.row(new_area.parent, "area")
            for u in self.units_of(parent_area, date):
                if u.organization == unit.organization:
                    return u
        if unit.parent is None:
            return None
        parent = self.row(unit.parent, "unit")
        if parent.is_valid_on(date) and ("unit", parent.ref) not in self.handled:
            return parent
        heirs = self.replaced.get(("unit", parent.ref))
        return max(heirs, key=lambda t: t[1])[0] if heirs else None


def derive_unit_identity(unit, old_area: Row | None, new_area: Row, parent: Row | None) -> tuple[str, str]:
    """Code and name of an organization's unit for `new_area`, following the old unit's pattern."""
    if unit is None:
        prefix = parent.name.split(" ")[0] if parent else ""
        return f"{parent.code.rsplit('-', 1)[0]}-{new_area.code}" if parent else new_area.code, f"{prefix} {lower_first(new_area.label)}".strip()
    code, name = unit.code, unit.name
    if old_area is not None and code.endswith(old_area.code):
        code = code[: len(code) - len(old_area.code)] + new_area.code
    elif old_area is not None:
        code = f"{code}@{new_area.code}"
    if old_area is not None:
        for old_label, new_label in ((lower_first(old_area.label), lower_first(new_area.label)), (old_area.label, new_area.label)):
            if old_label in name:
                return code, name.replace(old_label, new_label)
    return code, f"{name} ({lower_first(new_area.label)})"


# ---- apply, revert, confirm ---------------------------------------------------------------

def _batch_for(plan, user, title: str, source: str) -> ChangeBatch:
    if isinstance(plan, ChangeBatch):
        return plan
    batch = ChangeBatch.objects.create(title=title or "; ".join(plan.operations)[:255] or "Sắp xếp",
                                       source=source, status=ChangeBatch.Status.PREVIEWED,
                                       plan=plan.to_dict(), created_by=user if getattr(user, "is_authenticated", False) else None)
    return batch


def save_preview(plan: ChangePlan, user, title: str = "", source: str = "") -> ChangeBatch:
    """Store a plan as a previewed batch, to be applied later."""
    return _batch_for(plan, user, title, source)


def apply(plan, user, title: str = "", source: str = "") -> ChangeBatch:
    """Carry out a plan (or a previewed batch) in one transaction; record it in the audit trail."""
    actor = user if getattr(user, "is_authenticated", False) else None
    with transaction.atomic():
        batch = _batch_for(plan, user, title, source)
        batch = ChangeBatch.objects.select_for_update().get(pk=batch.pk)
        if batch.status not in (ChangeBatch.Status.DRAFT, ChangeBatch.Status.PREVIEWED):
            raise PlanError(f"Đợt sắp xếp này đang ở trạng thái '{batch.get_status_display()}', không áp dụng lại được.")
        plan = ChangePlan.from_dict(batch.plan)
        errors = []
        for c in plan.closes:
            old = datetime.date.fromisoformat(c["old_valid_to"]) if c["old_valid_to"] else None
            updated = MODELS[c["model"]].objects.filter(pk=c["id"], valid_to=old).update(
                valid_to=datetime.date.fromisoformat(c["valid_to"]))
            if updated != 1:
                errors.append(f"{c['label']} (mã {c['code']}) đã thay đổi kể từ khi xem trước: hãy lập lại kế hoạch.")
        if errors:
            raise PlanError(errors)
        ids: dict[tuple[str, str], int] = {}

        def resolve(model, ref):
            return ids[(model, ref)] if isinstance(ref, str) else ref

        created = {"area": [], "unit": []}
        for r in plan.creates:
            Model = MODELS[r.model]
            if Model.objects.filter(code=r.code, valid_from=r.valid_from).exists():
                raise PlanError(f"Đã có mã '{r.code}' bắt đầu hiệu lực ngày {fmt_date(r.valid_from)}: hãy lập lại kế hoạch.")
            fields = {"code": r.code, "name": r.name, "level": r.level, "valid_from": r.valid_from, "valid_to": r.valid_to,
                      "parent_id": resolve(r.model, r.parent) if r.parent is not None else None}
            if r.model == "area":
                fields["kind"] = r.kind
            else:
                fields.update(organization_id=r.organization, area_id=resolve("area", r.area) if r.area is not None else None)
            obj = Model.objects.create(**fields)
            if r.model == "unit" and r.served:
                obj.served_areas.set([resolve("area", a) for a in r.served])
            ids[(r.model, r.ref)] = obj.pk
            created[r.model].append(obj.pk)
        links = {"area": [], "unit": []}
        for link in plan.links:
            edge = EDGES[link["model"]].objects.create(
                predecessor_id=resolve(link["model"], link["predecessor"]), successor_id=resolve(link["model"], link["successor"]),
                kind=link["kind"], share=Decimal(link["share"]), effective_date=datetime.date.fromisoformat(link["effective_date"]))
            links[link["model"]].append(edge.pk)
        batch.result = {"created": created, "links": links, "closed": plan.closes,
                        "ids": {f"{m}:{ref}": pk for (m, ref), pk in ids.items()}}
        batch.status = ChangeBatch.Status.APPLIED
        batch.applied_at, batch.applied_by = timezone.now(), actor
        batch.save()
        audit.record(user, "org.apply", batch, new=batch.title, **plan.summary())
        applied.send(sender=ChangeBatch, batch=batch, plan=plan, ids=ids, user=user)
        for c in plan.closes:
            audit.record(user, "org.close", object_type=f"org.{c['model']}", object_id=c["id"], field="valid_to",
                         old=c["old_valid_to"], new=c["valid_to"], batch=batch.pk)
        for r in plan.creates:
            audit.record(user, "org.create", object_type=f"org.{r.model}", object_id=ids[(r.model, r.ref)],
                         new=f"{r.code} {r.name}", batch=batch.pk, valid_from=r.valid_from.isoformat())
    return batch


# Apps built on org tell why a batch's new units cannot be deleted (reports, values, roles …
# made against them): name → function(batch, new unit ids) → messages. Registered in their ready().
RevertCheck = Callable[[ChangeBatch, list[int]], list[str]]
REVERT_CHECKS: dict[str, RevertCheck] = {}


def register_revert_check(name: str, check: RevertCheck) -> None:
    REVERT_CHECKS[name] = check


def revert_blockers(batch: ChangeBatch) -> list[str]:
    """Why a batch cannot be reverted (empty: it can)."""
    if batch.status != ChangeBatch.Status.APPLIED:
        return [f"Chỉ hoàn tác được đợt đã áp dụng và chưa xác nhận (trạng thái hiện tại: {batch.get_status_display()})."]
    problems = []
    unit_ids = batch.result.get("created", {}).get("unit", [])
    area_ids = batch.result.get("created", {}).get("area", [])
    for check in REVERT_CHECKS.values():
        problems.extend(check(batch, unit_ids))
    for model, ids in (("area", area_ids), ("unit", unit_ids)):
        Model, Edge = MODELS[model], EDGES[model]
        mine = set(batch.result.get("links", {}).get(model, []))
        others = Edge.objects.filter(predecessor_id__in=ids).exclude(pk__in=mine) | Edge.objects.filter(successor_id__in=ids).exclude(pk__in=mine)
        if others.exists():
            problems.append(f"Một đợt sắp xếp sau đã dùng {('địa bàn' if model == 'area' else 'đơn vị')} mới của đợt này.")
        if Model.objects.filter(parent_id__in=ids).exclude(pk__in=ids).exists():
            problems.append(f"Đã có {('địa bàn' if model == 'area' else 'đơn vị')} khác trực thuộc đơn vị mới của đợt này.")
    if Unit.objects.filter(area_id__in=area_ids).exclude(pk__in=unit_ids).exists():
        problems.append("Đã có đơn vị của tổ chức gắn với địa bàn mới của đợt này.")
    for c in batch.result.get("closed", []):
        if not MODELS[c["model"]].objects.filter(pk=c["id"], valid_to=datetime.date.fromisoformat(c["valid_to"])).exists():
            problems.append(f"{c['label']} (mã {c['code']}) đã thay đổi sau đợt này.")
    return problems


def revert(batch: ChangeBatch, user) -> ChangeBatch:
    """Delete what the batch created and reopen what it closed; refused once confirmed or when
    reports were made against the new rows."""
    with transaction.atomic():
        batch = ChangeBatch.objects.select_for_update().get(pk=batch.pk)
        problems = revert_blockers(batch)
        if problems:
            raise PlanError(problems)
        result = batch.result
        for model in ("unit", "area"):
            EDGES[model].objects.filter(pk__in=result["links"][model]).delete()
        for model in ("unit", "area"):
            # Children before parents: deepest paths first.
            for obj in sorted(MODELS[model].objects.filter(pk__in=result["created"][model]), key=lambda o: -o.depth):
                obj.delete()
        for c in result["closed"]:
            old = datetime.date.fromisoformat(c["old_valid_to"]) if c["old_valid_to"] else None
            MODELS[c["model"]].objects.filter(pk=c["id"]).update(valid_to=old)
        batch.status = ChangeBatch.Status.REVERTED
        batch.closed_at, batch.closed_by = timezone.now(), user if getattr(user, "is_authenticated", False) else None
        batch.save()
        audit.record(user, "org.revert", batch, old=ChangeBatch.Status.APPLIED, new=ChangeBatch.Status.REVERTED,
                     created=result["created"], reopened=[f"{c['model']}:{c['id']}" for c in result["closed"]])
    return batch


def confirm(batch: ChangeBatch, user) -> ChangeBatch:
    with transaction.atomic():
        batch = ChangeBatch.objects.select_for_update().get(pk=batch.pk)
        if batch.status != ChangeBatch.Status.APPLIED:
            raise PlanError(f"Chỉ xác nhận được đợt đã áp dụng (trạng thái hiện tại: {batch.get_status_display()}).")
        batch.status = ChangeBatch.Status.CONFIRMED
        batch.closed_at, batch.closed_by = timezone.now(), user if getattr(user, "is_authenticated", False) else None
        batch.save()
        audit.record(user, "org.confirm", batch, old=ChangeBatch.Status.APPLIED, new=ChangeBatch.Status.CONFIRMED)
    return batch
