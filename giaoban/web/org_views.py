"""Pages of the organization tree: the tree as of a date, and restructuring batches (upload a
list or compose an operation → preview → apply → confirm or revert). An edge: the pages check
collection's roles, which org, the lowest app, cannot import."""

import datetime

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from giaoban.collection import access, restructure
from giaoban.collection.models import Membership
from giaoban.jobs.queue import start as start_job
from giaoban.org import coverage, lineage, operations, unit_plans
from giaoban.org.importer import ChangeRow, ImportFailed, parse_area_kind, parse_date, parse_share, plan_changes, read_changes
from giaoban.org.models import Area, ChangeBatch, Organization, Unit
from giaoban.org.operations import PlanError

MAX_UPLOAD = 5 * 1024 * 1024


def can_restructure(user) -> bool:
    """Superusers and province-level approvers."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    return access.is_province_user(user) and Membership.objects.filter(
        user=user, role=Membership.Role.APPROVE, unit__level=Unit.Level.PROVINCE).exists()


def restructure_orgs(user) -> set[int] | None:
    """The organizations whose units the user may restructure (None: every organization, and
    the areas): an administrator, or a province approver of every organization, holds all."""
    if getattr(user, "is_superuser", False):
        return None
    mine = set(Membership.objects.filter(user=user, role=Membership.Role.APPROVE, unit__level=Unit.Level.PROVINCE)
               .values_list("unit__organization_id", flat=True))
    return None if mine >= set(Organization.objects.values_list("pk", flat=True)) else mine


def check_plan_scope(user, plan) -> None:
    """PlanError unless the user holds the restructuring right for every organization the plan
    touches. An area change (and 'cascade units' with it) concerns every organization."""
    orgs = restructure_orgs(user)
    if orgs is None:
        return
    rows = [*plan.closes, *[r.to_dict() for r in plan.creates], *plan.links]
    if any(r.get("model") == "area" for r in rows):
        raise PlanError(["Sắp xếp địa bàn ảnh hưởng đơn vị của mọi tổ chức: chỉ quản trị hệ thống hoặc người giữ quyền "
                         "duyệt cấp tỉnh của tất cả các tổ chức được thực hiện."])
    unit_ids = [r["id"] for r in plan.closes if r.get("model") == "unit"]
    touched = set(Unit.objects.filter(pk__in=unit_ids).values_list("organization_id", flat=True))
    touched |= {r.organization for r in plan.creates if r.model == "unit" and r.organization}
    others = touched - orgs
    if others:
        names = ", ".join(Organization.objects.filter(pk__in=others).values_list("short_name", flat=True))
        raise PlanError([f"Bạn không giữ quyền sắp xếp đơn vị của: {names}. Không có thay đổi nào được lưu."])


def require_restructurer(request):
    if not can_restructure(request.user):
        raise PermissionDenied("Chỉ quản trị hệ thống và cán bộ duyệt cấp tỉnh được sắp xếp địa bàn, đơn vị.")


def as_of(request) -> datetime.date:
    try:
        return parse_date(request.GET.get("ngay")) if request.GET.get("ngay") else datetime.date.today()
    except ValueError:
        return datetime.date.today()


@login_required
def tree(request):
    if not access.is_province_user(request.user):
        raise PermissionDenied("Trang này dành cho cán bộ cấp tỉnh.")
    date = as_of(request)
    organizations = list(Organization.objects.all())
    org_code = request.GET.get("to_chuc", "")
    organization = next((o for o in organizations if o.code == org_code), None)
    model = Unit if organization else Area
    roots = model.objects.valid_on(date).filter(parent=None)
    if organization:
        roots = roots.filter(organization=organization)
    rows = []
    for root in roots:
        for node, depth in lineage.build_tree(root, date).walk():
            rows.append({"node": node, "depth": depth, "depth_class": min(depth, 9),
                         "label": node.full_name if model is Area else node.name})
    # a unit serving several areas: under each area it serves, and its areas beside it
    served = coverage.served_map([r["node"].pk for r in rows], date) if model is Area else {}
    serving = {}
    if model is Unit:
        through = Unit.served_areas.through
        for unit_id, area in ((t.unit_id, t.area) for t in through.objects.filter(
                unit_id__in=[r["node"].pk for r in rows]).select_related("area")):
            serving.setdefault(unit_id, []).append(area.full_name)
    for r in rows:
        r["served_by"] = served.get(r["node"].pk, [])
        r["serves"] = sorted(serving.get(r["node"].pk, []))
    return render(request, "org/tree.html", {
        "date": date, "rows": rows, "organizations": organizations, "organization": organization,
        "can_restructure": can_restructure(request.user),
    })


def compose_rows(post) -> list[ChangeRow]:
    """One operation typed into the form, as rows of the import format (so both paths share
    one set of checks). Several old codes for a merge; several new codes, names and shares
    (separated by ';') for a split."""
    kind = post.get("kind", "")
    split = lambda name: [x.strip() for x in post.get(name, "").replace(",", ";").split(";") if x.strip()]  # noqa: E731
    date = parse_date(post.get("effective_date"))
    new_kind = parse_area_kind(post.get("new_kind"))
    olds, news = split("old_codes"), split("new_codes")
    names = [x.strip() for x in post.get("new_names", "").split(";") if x.strip()]
    shares = [x.strip() for x in post.get("shares", "").split(";") if x.strip()]
    rows, line = [], 0
    if kind == "split":
        if len(olds) != 1:
            raise ValueError("Chia tách cần đúng một mã cũ.")
        for i, code in enumerate(news):
            line += 1
            rows.append(ChangeRow(line, olds[0], code, date, kind, parse_share(shares[i]) if i < len(shares) else None,
                                  names[i] if i < len(names) else "", new_kind, post.get("new_parent", "").strip()))
        return rows
    for code in olds or [""]:
        line += 1
        rows.append(ChangeRow(line, code, news[0] if news else "", date, kind, None, names[0] if names else "",
                              new_kind, post.get("new_parent", "").strip()))
    return rows


def compose_unit_plan(post) -> operations.ChangePlan:
    """One operation on the organizations' units typed into the form (codes are unit codes)."""
    def split(name):
        return [x.strip() for x in post.get(name, "").replace(",", ";").split(";") if x.strip()]

    def parts(name):
        return [x.strip() for x in post.get(name, "").split(";") if x.strip()]

    date = parse_date(post.get("effective_date"))
    shares = [parse_share(x) for x in parts("shares")]
    # served areas: the parts of a split separated by ';', the areas of one part by ','
    served = [[c.strip() for c in part.split(",") if c.strip()] for part in post.get("served", "").split(";")]
    level = post.get("level", "").strip()
    whole_level = (post.get("level_org", "").strip(), int(level)) if level.isdigit() and post.get("level_org") else None
    return unit_plans.plan_units(post.get("kind", ""), date, split("old_codes"), split("new_codes"), parts("new_names"),
                                 shares, post.get("new_parent", "").strip(), [s for s in served if s], whole_level=whole_level)


@login_required
def batches(request):
    require_restructurer(request)
    errors = []
    if request.method == "POST":
        cascade = request.POST.get("cascade_units") == "on"
        title = request.POST.get("title", "").strip()
        try:
            if request.POST.get("mode") == "upload":
                upload = request.FILES.get("file")
                if upload is None:
                    raise ImportFailed([])
                if upload.size > MAX_UPLOAD:
                    raise ValueError(f"Tệp {upload.name} quá lớn (tối đa 5 MB).")
                plan = plan_changes(read_changes(upload.read(), upload.name), cascade)
                source = upload.name
            elif request.POST.get("target") == "unit":
                plan = compose_unit_plan(request.POST)
                source = "biểu mẫu (đơn vị)"
            else:
                if request.POST.get("kind") == "dissolve":
                    raise PlanError("Giải thể một cấp chỉ dùng cho đơn vị; với địa bàn hãy dùng sáp nhập hoặc chuyển cấp trên.")
                plan = plan_changes(compose_rows(request.POST), cascade)
                source = "biểu mẫu"
            check_plan_scope(request.user, plan)
            batch = operations.save_preview(plan, request.user, title=title, source=source)
            return redirect("org:batch", pk=batch.pk)
        except ImportFailed as exc:
            errors = [str(i) for i in exc.issues] or ["Chưa chọn tệp danh sách thay đổi."]
        except (ValueError, PlanError) as exc:
            errors = getattr(exc, "errors", None) or [str(exc)]
    return render(request, "org/batches.html", {
        "batches": ChangeBatch.objects.select_related("created_by")[:50], "errors": errors, "post": request.POST,
        "kinds": [("merge", "Sáp nhập"), ("split", "Chia tách"), ("rename", "Đổi tên"), ("move", "Chuyển cấp trên"),
                  ("close", "Giải thể (cả các đơn vị trực thuộc)"),
                  ("dissolve", "Giải thể một cấp (đơn vị trực thuộc chuyển lên cấp trên)"), ("create", "Thành lập mới")],
        "targets": [("area", "Địa bàn (xã, phường, khu dân cư...)"), ("unit", "Đơn vị của tổ chức")],
        "organizations": Organization.objects.all(), "levels": [c for c in Unit.Level.choices if c[0] > Unit.Level.PROVINCE],
        "today": datetime.date.today(),
    })


@login_required
def batch(request, pk):
    require_restructurer(request)
    item = get_object_or_404(ChangeBatch, pk=pk)
    plan = operations.ChangePlan.from_dict(item.plan)
    blockers = operations.revert_blockers(item) if item.status == ChangeBatch.Status.APPLIED else []
    return render(request, "org/batch.html", {"batch": item, "lines": plan.lines(), "summary": plan.summary(),
                                              "warnings": plan.warnings, "blockers": blockers,
                                              "impact": restructure.impact(plan) if item.status == ChangeBatch.Status.PREVIEWED else []})


BACKGROUND_LINES = 40  # batches with more lines than this are applied as a background job


def _apply_job(progress, batch_id: int, user_id: int) -> dict:
    item = ChangeBatch.objects.get(pk=batch_id)
    lines = len(operations.ChangePlan.from_dict(item.plan).lines())
    progress(0, lines, f"Đang áp dụng {lines} dòng thay đổi (làm trọn một lần: lỗi thì không dòng nào được lưu)…")
    try:
        operations.apply(item, get_user_model().objects.get(pk=user_id))
    except PlanError as exc:
        raise RuntimeError("chưa áp dụng dòng nào:\n" + "\n".join(exc.errors[:50])) from None
    progress(lines, lines, "Đã áp dụng.")
    return {"result_url": reverse("org:batch", args=[batch_id]),
            "message": "Đã áp dụng. Kiểm tra cây địa bàn rồi xác nhận, hoặc hoàn tác nếu có sai sót."}


@login_required
@require_POST
def batch_action(request, pk, action):
    require_restructurer(request)
    item = get_object_or_404(ChangeBatch, pk=pk)
    do = {"apply": operations.apply, "confirm": operations.confirm, "revert": operations.revert}.get(action)
    if do is None:
        raise PermissionDenied("Thao tác không hợp lệ.")
    try:
        check_plan_scope(request.user, operations.ChangePlan.from_dict(item.plan))
    except PlanError as exc:
        raise PermissionDenied(" ".join(exc.errors)) from None
    if action == "apply" and len(operations.ChangePlan.from_dict(item.plan).lines()) > BACKGROUND_LINES:
        # A big batch (a whole province's communes) takes a while: a job with a progress bar.
        job = start_job(request.user, "org-apply", f"Áp dụng đợt sắp xếp «{item.title or item.pk}»", _apply_job,
                        item.pk, request.user.pk)
        return redirect("job", job_id=job.pk)
    try:
        do(item, request.user)
        done = {"apply": "Đã áp dụng. Kiểm tra cây địa bàn rồi xác nhận, hoặc hoàn tác nếu có sai sót.",
                "confirm": "Đã xác nhận đợt sắp xếp.", "revert": "Đã hoàn tác: các dòng mới đã xóa, các dòng cũ mở lại."}
        messages.success(request, done[action])
    except PlanError as exc:
        for e in exc.errors:
            messages.error(request, e)
    return redirect("org:batch", pk=item.pk)
