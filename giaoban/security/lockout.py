"""The page shown when django-axes locks a username+address out (HTTP 429, in Vietnamese)."""

from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from django.http import JsonResponse
from django.shortcuts import render

LOCKOUT_STATUS = 429


def lockout_response(request, original_response=None, credentials=None):
    cool_off = get_cool_off(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "username": get_client_username(request, credentials) or "",
        "cooloff_timedelta": cool_off,
        "cooloff_minutes": int(cool_off.total_seconds() // 60) if cool_off else None,
    }
    wants_json = request.path.startswith("/api/") or "application/json" in request.headers.get("Accept", "")
    if wants_json:
        return JsonResponse(
            {"error": "Đăng nhập sai quá nhiều lần; tài khoản tạm khóa, vui lòng thử lại sau.",
             "cooloff_minutes": context["cooloff_minutes"]},
            status=LOCKOUT_STATUS,
        )
    return render(request, "security/lockout.html", context, status=LOCKOUT_STATUS)


def client_ip(request) -> str:
    """The address a lockout is keyed on. Behind a trusted reverse proxy it is the last entry
    of X-Forwarded-For (the one the proxy appended); entries to its left are client-supplied."""
    from django.conf import settings

    if getattr(settings, "GIAOBAN_BEHIND_PROXY", False):
        forwarded = [p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if p.strip()]
        if forwarded:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR", "")
