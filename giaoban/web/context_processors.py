"""The navigation bar: only the pages that exist in this installation and fit the user's role."""

from django.urls import NoReverseMatch, reverse

from giaoban.collection import access

# (url name, label, who sees it: "all", "entry", "approve", "province")
NAVIGATION = [
    ("home", "Trang chủ", "all"),
    ("collection:my_reports", "Báo cáo của tôi", "entry"),
    ("collection:approvals", "Chờ duyệt", "approve"),
    ("collection:completeness", "Tiến độ nộp", "approve"),
    ("analytics:dashboard", "Bảng điều khiển", "all"),
    ("analytics:pivot", "Bảng tổng hợp", "all"),
    ("documents:index", "Văn bản", "province"),
    ("meetings:list", "Hội nghị, nhiệm vụ", "all"),
    ("extraction:upload", "Đọc số liệu", "entry"),
    ("org:tree", "Cơ cấu tổ chức", "province"),
]


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    roles = {"all"}
    if access.entry_units(user).exists():
        roles.add("entry")
    if access.approvable_units(user).exists():
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
        items.append({"url": url, "label": label, "active": request.path == url})
    return {"nav_items": items}
