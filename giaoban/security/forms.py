"""The login form with an account-wide slow-down.

django-axes locks a username from one address after AXES_FAILURE_LIMIT failures. Password
spraying from many addresses stays under that, so failures of one account are also counted
across every address: past GIAOBAN_ACCOUNT_SLOWDOWN_AFTER of them within the cool-off time, the
account takes one attempt every GIAOBAN_ACCOUNT_SLOWDOWN_SECONDS. That slows an attacker to a
few guesses an hour without locking the real owner out (they wait seconds, not the cool-off),
and a refused attempt is not counted as a failure (it never reaches the password check).
"""

from __future__ import annotations

import datetime
import math

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone

from giaoban.security.models import LoginSlowdown

USERNAME_MAX = 150  # Django's User.username; AuthenticationForm sets it on the widget only


def account_failures(username: str) -> int:
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    total = AccessAttempt.objects.filter(username=username, attempt_time__gte=since).aggregate(n=Sum("failures_since_start"))["n"]
    return total or 0


def wait_seconds(username: str) -> int:
    """Seconds this account must still wait before its next attempt (0: go ahead)."""
    if not username or account_failures(username) < settings.GIAOBAN_ACCOUNT_SLOWDOWN_AFTER:
        return 0
    return take_slot(username.lower(), datetime.timedelta(seconds=settings.GIAOBAN_ACCOUNT_SLOWDOWN_SECONDS))


def take_slot(key: str, gap: datetime.timedelta) -> int:
    """Let one attempt through per `gap` for `key`, across every process (the row in the
    database is the one clock); the seconds still to wait when the slot is taken."""
    now = timezone.now()
    if LoginSlowdown.objects.filter(username=key, last_attempt__lte=now - gap).update(last_attempt=now):
        return 0
    try:
        with transaction.atomic():
            LoginSlowdown.objects.create(username=key, last_attempt=now)
        return 0
    except IntegrityError:  # the row exists and its slot is taken (or another process took it just now)
        pass
    last = LoginSlowdown.objects.filter(username=key).values_list("last_attempt", flat=True).first()
    if last is None:  # removed in between (an administrator cleared it): go ahead
        return 0
    return max(1, math.ceil((gap - (now - last)).total_seconds()))


class ThrottledAuthenticationForm(AuthenticationForm):
    slowed_down = False

    def clean(self):
        username = (self.cleaned_data.get("username") or "").strip()
        if len(username) > USERNAME_MAX:
            # no account has such a name; checked before django-axes records it in a column
            # of 255 characters (PostgreSQL refused the insert: a 500)
            raise self.get_invalid_login_error()
        wait = wait_seconds(username)
        if wait:
            self.slowed_down = True
            raise ValidationError(
                f"Tài khoản «{username}» vừa bị thử mật khẩu sai nhiều lần từ nhiều nơi: mỗi lần đăng nhập phải cách nhau "
                f"{settings.GIAOBAN_ACCOUNT_SLOWDOWN_SECONDS} giây. Hãy đợi {wait} giây rồi thử lại.",
                code="slowed_down")
        return super().clean()
