"""What a restructuring of units means to the collection, which org's restructuring asks through
its registries (org cannot import collection):

- a batch cannot be reverted once reports, values, targets or roles name its new units (other than
  the roles the batch itself carried over);
- what the preview lists for each unit the plan closes: reports, values, yearly targets and roles,
  which stay with the old row as its history;
- the roles carried to the new versions when the plan is applied.

A unit that continues as a new version (renamed, moved, merged into another, or under its
parent when its level is dissolved) keeps its people: their roles are given on the new version
in the same transaction as the plan (org.operations.applied), recorded in the batch, and
removed with it by a revert. A unit split in several parts does not: which officer goes where
is a decision the preview asks for. Yearly targets are not carried: the old and the new version
both lie in the year, and the target of a subtree is read from the versions of the year
(analytics.engine.yearly_targets), so a copy would count twice.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db.models import Count

from giaoban import audit
from giaoban.collection.models import DataValue, Membership, Report, Target
from giaoban.core.periods import Period, PeriodError
from giaoban.org.models import ChangeBatch
from giaoban.org.operations import ChangePlan, applied, register_revert_check

CARRIED = ("rename", "move", "merge")  # link kinds whose successor is the same body (or holds it whole)


def revert_blockers(batch: ChangeBatch, unit_ids: list[int]) -> list[str]:
    carried = batch.result.get("roles", [])  # the roles the batch itself carried over go with it
    problems = []
    for Model, label in ((DataValue, "số liệu"), (Report, "báo cáo"), (Target, "chỉ tiêu năm"), (Membership, "phân quyền")):
        n = Model.objects.filter(unit_id__in=unit_ids).exclude(pk__in=carried if Model is Membership else []).count()
        if n:
            problems.append(f"Đã có {n} {label} gắn với đơn vị mới của đợt này.")
    return problems


def _counts(Model, unit_ids) -> dict[int, int]:
    return dict(Model.objects.filter(unit_id__in=unit_ids).values_list("unit_id").annotate(n=Count("id")).values_list("unit_id", "n"))


def impact(plan: ChangePlan) -> list[str]:
    """One Vietnamese line per unit the plan closes that holds reports, targets or roles."""
    closes = [c for c in plan.closes if c["model"] == "unit"]
    ids = [c["id"] for c in closes]
    if not ids:
        return []
    reports, values, targets = _counts(Report, ids), _counts(DataValue, ids), _counts(Target, ids)
    roles: dict[int, list[Membership]] = defaultdict(list)
    for m in Membership.objects.filter(unit_id__in=ids).select_related("user").order_by("user__username", "role"):
        roles[m.unit_id].append(m)
    late: dict[int, list[str]] = defaultdict(list)  # reports of periods after the unit ends
    ends = {c["id"]: datetime.date.fromisoformat(c["valid_to"]) for c in closes}
    for unit_id, code in Report.objects.filter(unit_id__in=ids).values_list("unit_id", "period"):  # one query for a province
        try:
            if Period.parse(code).end > ends[unit_id]:
                late[unit_id].append(code)
        except PeriodError:
            pass
    heirs: dict[int, list[tuple[str, str]]] = defaultdict(list)  # old id -> [(kind, successor label)]
    for link in plan.links:
        if link["model"] == "unit" and not isinstance(link["predecessor"], str):
            heirs[link["predecessor"]].append((link["kind"], plan.label_of("unit", link["successor"])))
    out = []
    for c in closes:
        uid = c["id"]
        held = []
        if reports.get(uid):
            held.append(f"{reports[uid]} báo cáo, {values.get(uid, 0)} số liệu")
        if targets.get(uid):
            held.append(f"{targets[uid]} chỉ tiêu năm")
        line = f"{c['label']} (mã {c['code']}): "
        line += ("giữ " + ", ".join(held) + " (lịch sử của đơn vị cũ, không đổi)") if held else "chưa có báo cáo"
        if late.get(uid):
            line += f"; có báo cáo của kỳ sau ngày đơn vị kết thúc ({', '.join(sorted(late[uid]))}): hãy nhập lại cho đơn vị mới"
        people = [f"{m.user.get_username()} ({m.get_role_display().lower()})" for m in roles.get(uid, [])]
        if people:
            carried = [label for kind, label in heirs.get(uid, []) if kind in CARRIED]
            if carried:
                line += f"; phân quyền của {', '.join(people)} chuyển sang {'; '.join(carried)}"
            elif heirs.get(uid):
                line += f"; phân quyền của {', '.join(people)} không tự chuyển khi chia tách: hãy phân quyền cho các đơn vị mới"
            else:
                line += f"; phân quyền của {', '.join(people)} ở lại với đơn vị giải thể"
        out.append(line)
    return out


def carry_roles(sender, batch, plan: ChangePlan, ids: dict, user, **kwargs) -> None:
    """Receiver of org.operations.applied: roles on a unit that continues go with it."""
    def resolve(ref):
        return ids[("unit", ref)] if isinstance(ref, str) else ref

    holders: dict[int, set[tuple[int, str]]] = defaultdict(set)
    old_ids = [link["predecessor"] for link in plan.links if link["model"] == "unit" and not isinstance(link["predecessor"], str)]
    for user_id, unit_id, role in Membership.objects.filter(unit_id__in=old_ids).values_list("user_id", "unit_id", "role"):
        holders[unit_id].add((user_id, role))
    created = []
    for link in plan.links:  # in plan order: a version made and moved again in one plan passes them on
        if link["model"] != "unit" or link["kind"] not in CARRIED:
            continue
        old, new = resolve(link["predecessor"]), resolve(link["successor"])
        for user_id, role in sorted(holders.get(old, ())):
            if (user_id, role) in holders[new]:
                continue
            holders[new].add((user_id, role))
            created.append(Membership.objects.create(user_id=user_id, unit_id=new, role=role))
    if created:
        batch.result = {**batch.result, "roles": [m.pk for m in created]}
        batch.save(update_fields=["result"])
        audit.record(user, "org.carry_roles", batch, new=str(len(created)),
                     roles=[f"{m.user_id}:{m.unit_id}:{m.role}" for m in created])


def connect() -> None:
    register_revert_check("collection", revert_blockers)
    applied.connect(carry_roles, dispatch_uid="collection-carry-roles")
