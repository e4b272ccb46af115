"""The session and the signed-in user are read on every request in one plain statement each
(giaoban/security/sessions.py, backends.user_by_id): what they read must be what Django's own
querysets read, seen at once. A session deleted or expired, a user made inactive or given a new
password elsewhere ends the next request's login; the user's fields come back converted as the
ORM converts them."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from giaoban.org import stamp
from giaoban.security.backends import user_by_id

pytestmark = pytest.mark.django_db
PASSWORD = "mat-khau-dung-2024"


@pytest.fixture
def user():
    user = get_user_model().objects.create_user("canbo.xa", password=PASSWORD, first_name="Lò Thị", email="a@b.vn")
    user.last_login = timezone.now() - timedelta(days=2)
    user.save()
    return user


def signed_in(client, user):
    r = client.post(reverse("login"), {"username": user.username, "password": PASSWORD}, REMOTE_ADDR="10.0.0.9")
    assert r.status_code == 302
    assert client.get(reverse("collection:my_reports")).status_code == 200
    return client


def logged_out(client) -> bool:
    r = client.get(reverse("collection:my_reports"))
    return r.status_code == 302 and reverse("login") in r.url


def test_the_user_reads_as_the_orm_reads_it(user):
    plain = get_user_model().objects.get(pk=user.pk)
    fast = user_by_id(user.pk)
    fields = [f.attname for f in get_user_model()._meta.concrete_fields]
    assert {f: getattr(fast, f) for f in fields} == {f: getattr(plain, f) for f in fields}
    assert fast.last_login.tzinfo is not None and not fast._state.adding and fast._state.db == plain._state.db
    assert user_by_id(user.pk + 1000) is None


def test_a_request_reads_session_stamp_and_user_in_two_statements(client, user):
    signed_in(client, user)
    with CaptureQueriesContext(connection) as ctx:
        client.get(reverse("collection:my_reports"))
    sessions = [q["sql"] for q in ctx.captured_queries if "django_session" in q["sql"]]
    users = [q for q in ctx.captured_queries if 'FROM "auth_user"' in q["sql"]]
    stamps = [q for q in ctx.captured_queries if "analytics_cachestamp" in q["sql"]]
    assert len(sessions) == 1 and len(users) == 1
    assert len(stamps) == 1 and "analytics_cachestamp" in sessions[0]  # the stamp rides in the session's statement


def test_the_stamp_read_with_the_session_sees_another_process_write(client, user):
    """Another process's write to a watched table renews the stamp (its trigger): the next
    request must drop what the cache kept, though it read the stamp with its session."""
    signed_in(client, user)
    kept = stamp.entries()
    kept["marker"] = True
    with connection.cursor() as cur:  # as another process's trigger would, without this one's execute wrapper
        cur.execute("UPDATE analytics_cachestamp SET stamp = 424242 WHERE id = 1")
    assert client.get(reverse("collection:my_reports")).status_code == 200
    assert stamp._state["stamp"] == 424242 and "marker" not in stamp.entries()


def test_a_session_deleted_elsewhere_ends_the_login_at_once(client, user):
    signed_in(client, user)
    Session.objects.all().delete()  # logout in another browser, or the administrator's purge
    assert logged_out(client)


def test_an_expired_session_ends_the_login(client, user):
    signed_in(client, user)
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    assert logged_out(client)


def test_a_user_made_inactive_is_logged_out_on_the_next_request(client, user):
    signed_in(client, user)
    get_user_model().objects.filter(pk=user.pk).update(is_active=False)
    assert logged_out(client)


def test_a_new_password_set_elsewhere_ends_other_sessions(client, user):
    signed_in(client, user)
    user.set_password("mat-khau-moi-2025")
    user.save()
    assert logged_out(client)


def test_the_session_still_carries_its_data(client, user):
    signed_in(client, user)
    session = client.session
    session["dau-vet"] = "có dấu"
    session.save()
    assert client.session["dau-vet"] == "có dấu"
    assert client.get(reverse("home")).status_code == 200


def test_a_session_signed_in_before_this_release_stays_signed_in(client, user):
    """Sessions written before giaoban named its own backend name Django's ModelBackend, which
    AccountBackend is: the people signed in then stay signed in after the upgrade (a deploy that
    signs everyone out breaks every open entry page's autosave)."""
    signed_in(client, user)
    session = client.session
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session.save()
    assert not logged_out(client)
