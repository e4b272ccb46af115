"""The login form with an account-wide slow-down.

django-axes locks a username from one address after AXES_FAILURE_LIMIT failures. Password
spraying from many addresses stays under that, so failures of one account are also counted
across every address: past GIAOBAN_ACCOUNT_SLOWDOWN_AFTER of them within the cool-off time, the
account takes one attempt every GIAOBAN_ACCOUNT_SLOWDOWN_SECONDS. That slows an attacker to a
few guesses an hour without locking the real owner out (they wait seconds, not the cool-off),
and a refused attempt is not counted as a failure (it never reaches the password check).
"""

from __future__ import annotations

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.utils import timezone


def account_failures(username: str) -> int:
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    total = AccessAttempt.objects.filter(username=username, attempt_time__gte=since).aggregate(n=Sum("failures_since_start"))["n"]
    return total or 0


def wait_seconds(username: str) -> int:
    """Seconds this account must still wait before its next attempt (0: go ahead)."""
    if not username or account_failures(username) < settings.GIAOBAN_ACCOUNT_SLOWDOWN_AFTER:
        return 0
    key = f"login-slowdown:{username.lower()}"
    now = timezone.now().timestamp()
    last = cache.get(key)
    gap = settings.GIAOBAN_ACCOUNT_SLOWDOWN_SECONDS
    if last is not None and now - last < gap:
        return int(gap - (now - last)) + 1
    cache.set(key, now, gap)
    return 0


class ThrottledAuthenticationForm(AuthenticationForm):
    slowed_down = False

    def clean(self):
        username = (self.cleaned_data.get("username") or "").strip()
        wait = wait_seconds(username)
        if wait:
            self.slowed_down = True
            raise ValidationError(
                f"Tài khoản «{username}» vừa bị thử mật khẩu sai nhiều lần từ nhiều nơi: mỗi lần đăng nhập phải cách nhau "
                f"{settings.GIAOBAN_ACCOUNT_SLOWDOWN_SECONDS} giây. Hãy đợi {wait} giây rồi thử lại.",
                code="slowed_down")
        return super().clean()
