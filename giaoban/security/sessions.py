"""Django's database sessions, with the read that every request makes done in one plain statement.

Django's ``SessionStore.load`` builds and compiles a queryset on every request (about a fifth of a
page's ORM work on the lightest pages, issue 21); this reads the same row under the same condition
(the key, not yet expired) from the same database the router names for sessions, and decodes it
the same way. Writes, key rotation, logout and ``clearsessions`` are Django's own.

Every page also reads the cache stamp (giaoban.org.stamp, once a request): when sessions and the
stamp are read from the same database (no replica), the stamp comes back in the session's
statement, one round trip instead of two, as ``stamp.entries_and`` lets the engine do.
"""

from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.sessions.backends import db
from django.db import connections, router
from django.utils import timezone

from giaoban.org import stamp


_DJANGO_MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
_ACCOUNT_BACKEND = "giaoban.security.backends.AccountBackend"


class SessionStore(db.SessionStore):
    def load(self):
        model = self.model
        conn = connections[router.db_for_read(model)]
        quote = conn.ops.quote_name
        sql = (f"(SELECT {quote('session_data')} FROM {quote(model._meta.db_table)}"
               f" WHERE {quote('session_key')} = %s AND {quote('expire_date')} > %s)")
        params = [self.session_key, conn.ops.adapt_datetimefield_value(timezone.now())]
        if stamp.read_connection() is conn:
            _, (data,) = stamp.entries_and(sql, params)
        else:
            with conn.cursor() as cur:
                cur.execute(f"SELECT {sql}", params)
                data = cur.fetchone()[0]
        if data is None:
            self._session_key = None  # as Django's: a missing or expired session starts anew
            return {}
        session = self.decode(data)
        # Sessions signed in before giaoban named its own backend name Django's, which ours is:
        # read so, they stay signed in across the upgrade (Django drops a backend not listed).
        if session.get(BACKEND_SESSION_KEY) == _DJANGO_MODEL_BACKEND:
            session[BACKEND_SESSION_KEY] = _ACCOUNT_BACKEND
        return session
