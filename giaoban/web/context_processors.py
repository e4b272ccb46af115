"""The navigation bar: only the pages that exist in this installation and fit the user's role."""

from django.urls import NoReverseMatch, get_resolver, get_script_prefix, get_urlconf, reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext as _

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


_CURRENT = ' aria-current="page"'
_KEPT: dict = {}  # (URLconf, script prefix, language, roles) → the menu's links: they cannot change in a process


def _links(roles: frozenset) -> list[tuple[str, str]]:
    """(url, label) of the menu for these roles: eight reverse() and gettext() calls a page before."""
    key = (get_resolver(get_urlconf()), get_script_prefix(), get_language(), roles)
    links = _KEPT.get(key)
    if links is None:
        links = []
        for name, label, who in NAVIGATION:
            if who not in roles:
                continue
            try:
                url = reverse(name)
            except NoReverseMatch:
                continue
            links.append((url, _(label)))
        if len(_KEPT) < 1000:  # a few role sets × languages; test settings that swap URLconfs add some
            _KEPT[key] = links
    return links


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": [], "nav_html": ""}
    roles = {"all"}
    if access.has_entry_units(user):
        roles.add("entry")
    if access.has_approvable_units(user):
        roles.add("approve")
    if access.is_province_user(user):
        roles.add("province")
    items = [{"url": url, "label": label, "active": request.path == url} for url, label in _links(frozenset(roles))]
    # the menu as HTML: through the template engine its loop was a tenth of a small page's work
    html = "".join(f'<li><a href="{escape(i["url"])}"{_CURRENT if i["active"] else ""}>{escape(i["label"])}</a></li>'
                   for i in items)
    return {"nav_items": items, "nav_html": mark_safe(html)}
