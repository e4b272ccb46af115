"""Who may do what, and where: the permission table (role × action × scope).

One row per right. `role` is a Membership role (or 'admin' for a superuser); `level` the level
the role must be held at ('any' or a Unit.Level name); `scope` what the right reaches from the
unit the role is held on. docs/permissions.md prints this table and the permission matrix test
(tests/security/test_permission_table.py) is generated from it: a right missing here is a right
nobody has.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Right:
    role: str  # entry | approve | view | admin
    action: str
    level: str  # any | province | district | commune
    scope: str
    description: str


VIEW_REPORTS = "view_reports"
ENTER_VALUES = "enter_values"
APPROVE_REPORTS = "approve_reports"
VIEW_MEETINGS = "view_meetings"
MANAGE_MEETINGS = "manage_meetings"
TASK_PROGRESS = "task_progress"
TASK_PROGRESS_ON_BEHALF = "task_progress_on_behalf"
RESTRUCTURE = "restructure"

TABLE: tuple[Right, ...] = (
    Right("view", VIEW_REPORTS, "any", "subtree", "xem báo cáo, số liệu của đơn vị và các đơn vị cấp dưới "
          "(Ủy ban MTTQ cấp tỉnh: mọi tổ chức trên địa bàn)"),
    Right("entry", VIEW_REPORTS, "any", "subtree", "xem báo cáo của đơn vị và cấp dưới"),
    Right("approve", VIEW_REPORTS, "any", "subtree", "xem báo cáo của đơn vị và cấp dưới"),
    Right("entry", ENTER_VALUES, "any", "unit", "nhập số liệu, gửi báo cáo, đính kèm tệp khi báo cáo đang soạn hoặc bị trả lại"),
    Right("approve", APPROVE_REPORTS, "any", "children", "duyệt, trả lại, mở lại, khóa báo cáo của đơn vị trực thuộc cùng tổ chức; nhắc đơn vị trực thuộc chưa gửi"),
    Right("view", VIEW_MEETINGS, "province", "all", "xem hội nghị và mọi nhiệm vụ"),
    Right("entry", VIEW_MEETINGS, "province", "all", "xem hội nghị và mọi nhiệm vụ"),
    Right("approve", VIEW_MEETINGS, "province", "all", "xem hội nghị và mọi nhiệm vụ"),
    Right("approve", MANAGE_MEETINGS, "province", "organization",
          "tạo, xác nhận hội nghị và giao nhiệm vụ; sửa nhiệm vụ của tổ chức mình (Ủy ban MTTQ tỉnh: mọi tổ chức)"),
    Right("entry", TASK_PROGRESS, "any", "assigned", "ghi tiến độ nhiệm vụ được giao cho đơn vị"),
    Right("approve", TASK_PROGRESS, "any", "assigned", "ghi tiến độ nhiệm vụ được giao cho đơn vị"),
    Right("approve", TASK_PROGRESS_ON_BEHALF, "any", "children-assigned",
          "ghi tiến độ thay đơn vị trực thuộc được giao (ghi rõ là cấp trên ghi thay)"),
    Right("admin", RESTRUCTURE, "any", "all", "sắp xếp lại địa bàn, đơn vị (sáp nhập, chia tách, đổi tên, chuyển sang tổ chức khác, giải thể một cấp), mọi tổ chức"),
    Right("approve", RESTRUCTURE, "province", "all-organizations",
          "sắp xếp lại khi giữ quyền duyệt cấp tỉnh của mọi tổ chức có đơn vị bị ảnh hưởng; "
          "'kèm đơn vị' chỉ với các tổ chức mình giữ quyền"),
)


def roles_for(action: str, level: str) -> set[str]:
    """The Membership roles that give `action` when held on a unit of `level`."""
    return {r.role for r in TABLE if r.action == action and r.level in ("any", level) and r.role != "admin"}


def as_markdown() -> str:
    lines = ["| vai trò | quyền | cấp | phạm vi | nội dung |", "|---|---|---|---|---|"]
    lines += [f"| {r.role} | {r.action} | {r.level} | {r.scope} | {r.description} |" for r in TABLE]
    return "\n".join(lines)
