"""django-axes in front of Django's ModelBackend, and the signed-in user read in one statement.

Axes refuses `authenticate()` calls without a request. Every HTTP login passes its request
(LoginView, admin, API authentication); calls without one come from code with no remote party
(Django's test client `login()`, management commands), where there is no address to throttle.
Those skip the lockout check instead of failing.

Every request loads its user (``get_user``) by primary key: Django builds and compiles that
queryset each time. Here it is compiled once per process and database (the same statement, the
same column conversions), then only run: same row, same ``is_active`` test.
"""

from axes.backends import AxesStandaloneBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db import connections, router

_compiled: dict = {}  # (user model, database alias) -> (sql, field names, compiler, converters)


def user_by_id(user_id):
    """The user with this primary key, as ``User._default_manager.get(pk=user_id)`` returns it, or None."""
    User = get_user_model()
    alias = router.db_for_read(User)
    compiled = _compiled.get((User, alias))
    if compiled is None:
        compiler = User._default_manager.filter(pk=User._meta.pk.to_python(1)).query.get_compiler(alias)
        sql, params = compiler.as_sql()
        if len(params) != 1:  # a default manager that filters more: keep Django's own path
            compiled = (None, None, None, None)
        else:
            columns = [column for column, _, _ in compiler.select]
            compiled = (sql, [column.target.attname for column in columns], compiler, compiler.get_converters(columns))
        _compiled[(User, alias)] = compiled
    sql, names, compiler, converters = compiled
    if sql is None:
        return User._default_manager.filter(pk=user_id).first()
    conn = connections[alias]
    pk = User._meta.pk
    with conn.cursor() as cur:
        cur.execute(sql, [pk.get_db_prep_value(pk.get_prep_value(user_id), conn)])
        rows = cur.fetchall()
    if not rows:
        return None
    if converters:
        rows = list(compiler.apply_converters(rows, converters))
    return User.from_db(alias, names, rows[0])


class LoginThrottleBackend(AxesStandaloneBackend):  # checks logins only: no get_user, sessions name the next backend
    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class AccountBackend(ModelBackend):
    """Django's ModelBackend (username and password), with the user read as above."""

    def get_user(self, user_id):
        user = user_by_id(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
