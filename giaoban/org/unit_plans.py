"""One restructuring of the organizations' units typed into the web form, as a plan (a dry run):
merge, split, rename, move under another unit (of another organization too), close with the
subtree, dissolve a level (the children continue under the parent: the district trade unions on
1 July 2025), create. Codes are the units' codes; the served areas are area codes (a commune
trade union serving several communes). The area operations go through the import's checks
(giaoban.org.importer); both give a ChangePlan that the batch pages preview, apply and revert.
"""

from __future__ import annotations

import datetime

from giaoban.org.models import Area, Unit
from giaoban.org.operations import DAY, ChangePlan, PlanError, Planner, Row, fmt_date

KINDS = ("merge", "split", "rename", "move", "close", "dissolve", "create")


def _unit(code: str, date: datetime.date, field: str) -> Unit:
    unit = Unit.objects.valid_on(date).filter(code=code).first()
    if unit is None:
        known = Unit.objects.filter(code=code).exists()
        raise PlanError(f"{field}: {'đơn vị' if known else 'không có đơn vị'} mã '{code}'"
                        + (f" không có hiệu lực ngày {fmt_date(date)}." if known else "."))
    return unit


def _areas(codes: list[str], date: datetime.date) -> list[Area]:
    found = {a.code: a for a in Area.objects.valid_on(date).filter(code__in=codes)}
    missing = [c for c in codes if c not in found]
    if missing:
        raise PlanError(f"Địa bàn phụ trách: không có địa bàn mã {', '.join(repr(c) for c in missing)} "
                        f"có hiệu lực ngày {fmt_date(date)}.")
    return [found[c] for c in codes]


def _serve(planner: Planner, row: Row, areas: list[Area]) -> None:
    """Make a unit created by this plan serve ``areas`` (its area: their lowest common one)."""
    area, served = planner.coverage([planner.row(a).ref for a in areas])
    row.area, row.served = (area.ref if area else None), served


def plan_units(kind: str, date: datetime.date, old_codes: list[str], new_codes: list[str], names: list[str],
               shares: list, new_parent: str = "", served: list[list[str]] | None = None,
               whole_level: tuple[str, int] | None = None) -> ChangePlan:
    """A plan for one operation on units; PlanError (Vietnamese, naming the field) when it
    cannot be carried out. ``served``: per new unit, the area codes it serves (may be empty).
    ``whole_level`` (organization code, unit level): dissolve every unit of that level of the
    organization, instead of listing their codes."""
    served = served or []
    if kind not in KINDS:
        raise PlanError(f"Loại thay đổi '{kind}' không dùng được cho đơn vị.")
    before = date - DAY
    olds = [_unit(code, before, "Mã cũ") for code in old_codes]
    if whole_level and kind == "dissolve" and not olds:
        org, level = whole_level
        olds = list(Unit.objects.valid_on(before).filter(organization__code=org, level=level).order_by("code"))
        if not olds:
            words = dict(Unit.Level.choices).get(level, f"cấp {level}").lower()
            raise PlanError(f"Giải thể một cấp: không có đơn vị {words} nào của tổ chức '{org}' "
                            f"có hiệu lực ngày {fmt_date(before)}.")
    if kind != "create" and not olds:
        raise PlanError("Mã cũ: cần ít nhất một mã đơn vị.")
    parent = _unit(new_parent, date, "Mã cấp trên mới") if new_parent else None
    if parent is None and new_parent == "" and kind in ("move", "create"):
        raise PlanError("Mã cấp trên mới: cần mã đơn vị cấp trên" + (" để chuyển về." if kind == "move" else " của đơn vị mới."))
    areas = [_areas(codes, date) if codes else [] for codes in served]
    p = Planner()
    name = names[0] if names else ""
    if kind == "merge":
        if len(new_codes) != 1:
            raise PlanError("Mã mới: sáp nhập cần đúng một mã đơn vị mới (có thể là mã của một đơn vị cũ).")
        target = next((u for u in olds if u.code == new_codes[0]), None)
        if target is None and Unit.objects.valid_on(before).filter(code=new_codes[0]).exists():
            target = _unit(new_codes[0], before, "Mã mới")
        if target is None and not name:
            raise PlanError(f"Tên mới: cần tên cho đơn vị mới mã '{new_codes[0]}'.")
        new = p.merge(olds, date, target=target, code="" if target else new_codes[0], name=name, parent=parent)
        if areas and areas[0]:
            _serve(p, new, areas[0])
    elif kind == "split":
        if len(olds) != 1:
            raise PlanError("Mã cũ: chia tách cần đúng một mã đơn vị.")
        if len(new_codes) < 2:
            raise PlanError("Mã mới: chia tách cần ít nhất hai mã mới (cách nhau bởi dấu ;).")
        if len(names) != len(new_codes):
            raise PlanError(f"Tên mới: cần {len(new_codes)} tên (cách nhau bởi dấu ;), mỗi mã mới một tên.")
        parts = [{"code": c, "name": n, "share": shares[i] if i < len(shares) else None, "parent": parent}
                 for i, (c, n) in enumerate(zip(new_codes, names))]
        source = p.row(olds[0])
        news = p.split(olds[0], date, parts)
        for i, new in enumerate(news):
            if i < len(areas) and areas[i]:
                _serve(p, new, areas[i])
            elif source.area is not None:
                new.area = source.area
        if source.served and not any(areas):
            p.plan.warnings.append(f"{source.label} phục vụ nhiều địa bàn: hãy ghi địa bàn phụ trách của từng phần "
                                   "(các phần mới đang gắn với địa bàn chung của đơn vị cũ).")
    elif kind == "rename":
        if len(olds) != 1:
            raise PlanError("Mã cũ: đổi tên cần đúng một mã đơn vị.")
        code = new_codes[0] if new_codes and new_codes[0] != olds[0].code else ""
        new = p.rename(olds[0], date, name=name, code=code)
        if areas and areas[0]:
            _serve(p, new, areas[0])
    elif kind == "move":
        for old in olds:
            p.move(old, date, parent, name=name if len(olds) == 1 else "")
    elif kind == "close":
        for old in olds:
            p.close_node(old, date)
    elif kind == "dissolve":
        for old in olds:
            p.dissolve(old, date)
    else:  # create
        if len(new_codes) != 1 or not name:
            raise PlanError("Thành lập đơn vị cần đúng một mã mới và tên mới.")
        if not areas or not areas[0]:
            raise PlanError("Địa bàn phụ trách: cần mã địa bàn của đơn vị mới.")
        level = max(a.level for a in areas[0])
        new = p.create_node("unit", date, code=new_codes[0], name=name, parent=parent, level=min(level, Unit.Level.GRASSROOTS),
                            organization=parent.organization_id)
        _serve(p, new, areas[0])
    return p.plan
