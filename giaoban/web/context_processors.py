"""The navigation bar: only the pages that exist in this installation and fit the user's role."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from giaoban.collection import access

# (url name, label, who sees it: "all", "entry", "approve", "province")
NAVIGATION = [
    ("home", gettext_noop("Trang chủ"), "all"),
    ("collection:my_reports", gettext_noop("Báo cáo của tôi"), "entry"),
    ("collection:approvals", gettext_noop("Chờ duyệt"), "approve"),
    ("collection:completeness", gettext_noop("Tiến độ nộp"), "approve"),
    ("analytics:dashboard", gettext_noop("Bảng điều khiển"), "all"),
    ("analytics:pivot", gettext_noop("Bảng tổng hợp"), "all"),
    ("documents:index", gettext_noop("Văn bản"), "province"),
    ("meetings:list", gettext_noop("Hội nghị, nhiệm vụ"), "all"),
    ("extraction:upload", gettext_noop("Đọc số liệu"), "entry"),
    ("org:tree", gettext_noop("Cơ cấu tổ chức"), "province"),
]


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    roles = {"all"}
    if access.has_entry_units(user):
        roles.add("entry")
    if access.has_approvable_units(user):
        roles.add("approve")
    if access.is_province_user(user):
        roles.add("province")
    items = []
    for name, label, who in NAVIGATION:
        if who not in roles:
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        items.append({"url": url, "label": _(label), "active": request.path == url})
    return {"nav_items": items}
