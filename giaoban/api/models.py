"""API tokens for programs (the DHIS2 code mapping is giaoban.dhis2.models.Dhis2Mapping)."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

TOKEN_PREFIX = "gb_"


def hash_token(raw: str) -> str:
    # Tokens carry 256 random bits, so a plain SHA-256 is enough (no password stretching needed).
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token for a program acting as `user`. Only the hash is stored."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người dùng", on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField("tên", max_length=100, help_text="Chương trình nào dùng mã này")
    token_hash = models.CharField("băm của mã", max_length=64, unique=True, editable=False)
    prefix = models.CharField("đầu mã", max_length=12, editable=False)
    created = models.DateTimeField("tạo lúc", auto_now_add=True)
    last_used = models.DateTimeField("dùng lần cuối", null=True, blank=True, editable=False)
    is_active = models.BooleanField("còn hiệu lực", default=True)

    class Meta:
        verbose_name = "mã truy cập API"
        verbose_name_plural = "mã truy cập API"
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…, {self.user})"

    @classmethod
    def issue(cls, user, name: str) -> tuple["ApiToken", str]:
        """Create a token; the raw value is returned once and never stored."""
        raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, token_hash=hash_token(raw), prefix=raw[:10])
        return token, raw

    @classmethod
    def authenticate(cls, raw: str):
        if not raw or not raw.startswith(TOKEN_PREFIX):
            return None
        token = cls.objects.select_related("user").filter(token_hash=hash_token(raw), is_active=True).first()
        if token is None or not token.user.is_active:
            return None
        now = timezone.now()
        if token.last_used is None or (now - token.last_used).total_seconds() > 60:
            cls.objects.filter(pk=token.pk).update(last_used=now)
        return token.user
