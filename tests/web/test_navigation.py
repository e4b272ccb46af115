"""The menu is written in Python from links kept per role set, URLconf and language (eight
reverse() and gettext() calls and a template loop on every page before): it must be what the
template loop wrote for every role, mark the page open, follow a new membership at once, and
speak the page's language."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from giaoban.collection.models import Membership
from giaoban.web.context_processors import navigation
from tests.collection.conftest import build_tree, make_user

# the loop as base.html had it
MENU_LOOP = ('{% for item in nav_items %}<li><a href="{{ item.url }}"{% if item.active %} aria-current="page"{% endif %}>'
             '{{ item.label }}</a></li>{% endfor %}')


def _menu(user, path="/"):
    request = RequestFactory().get(path)
    request.user = user
    return navigation(request)


@pytest.mark.django_db
def test_menu_html_is_what_the_template_loop_wrote_for_every_role():
    tree = build_tree()
    seen = set()
    for language in ("vi", "en"):
        with translation.override(language):
            for user in tree.users.values():
                for path in ("/", reverse("collection:completeness"), "/khong-co/"):
                    menu = _menu(user, path)
                    assert str(menu["nav_html"]) == Template(MENU_LOOP).render(Context(menu))
                    seen.add(str(menu["nav_html"]))
    assert len(seen) > 4  # roles and languages give different menus
    # kept per language: the same role set after the Vietnamese menu was kept
    with translation.override("en"):
        assert ">Home</a>" in str(_menu(tree.users["admin"])["nav_html"])
    with translation.override("vi"):
        assert ">Trang chủ</a>" in str(_menu(tree.users["admin"])["nav_html"])
    assert str(_menu(tree.users["admin"], "/")["nav_html"]).count('aria-current="page"') == 1


@pytest.mark.django_db
def test_menu_follows_a_new_membership_on_the_next_page():
    tree = build_tree()
    user = make_user("moi.vao")
    entry = reverse("collection:my_reports")
    assert entry not in str(_menu(user)["nav_html"])
    Membership.objects.create(user=user, unit=tree.units["phunu-a"], role=Membership.Role.ENTRY)
    user = type(user).objects.get(pk=user.pk)  # the next request's user
    assert f'href="{entry}"' in str(_menu(user)["nav_html"])
