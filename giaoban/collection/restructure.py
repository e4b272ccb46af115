"""What collection tells org's restructuring: a batch cannot be reverted once reports, values,
targets or roles name its new units (org cannot import collection; it asks its registry)."""

from giaoban.collection.models import DataValue, Membership, Report, Target
from giaoban.org.operations import register_revert_check


def revert_blockers(unit_ids: list[int]) -> list[str]:
    problems = []
    for Model, label in ((DataValue, "số liệu"), (Report, "báo cáo"), (Target, "chỉ tiêu năm"), (Membership, "phân quyền")):
        n = Model.objects.filter(unit_id__in=unit_ids).count()
        if n:
            problems.append(f"Đã có {n} {label} gắn với đơn vị mới của đợt này.")
    return problems


def connect() -> None:
    register_revert_check("collection", revert_blockers)
