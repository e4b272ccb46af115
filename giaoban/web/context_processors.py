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


def _menu(roles: frozenset) -> tuple[list[tuple[str, str]], dict]:
    """(url, label) of the menu for these roles, and its HTML by the link that is the current page
    (None: none is): eight reverse() and gettext() calls a page before, and the escaping of each link."""
    key = (get_resolver(get_urlconf()), get_script_prefix(), get_language(), roles)
    menu = _KEPT.get(key)
    if menu is None:
        links = []
        for name, label, who in NAVIGATION:
            if who not in roles:
                continue
            try:
                url = reverse(name)
            except NoReverseMatch:
                continue
            links.append((url, _(label)))
        html = {current: mark_safe("".join(f'<li><a href="{escape(url)}"{_CURRENT if url == current else ""}>{escape(label)}</a></li>'
                                           for url, label in links))
                for current in [None, *(url for url, _label in links)]}
        menu = links, html
        if len(_KEPT) < 1000:  # a few role sets × languages; test settings that swap URLconfs add some
            _KEPT[key] = menu
    return menu


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
    links, html = _menu(frozenset(roles))
    items = [{"url": url, "label": label, "active": request.path == url} for url, label in links]
    return {"nav_items": items, "nav_html": html.get(request.path, html[None])}
