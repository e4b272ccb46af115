from django.db import models


class LoginSlowdown(models.Model):
    """When an account under slow-down last had a login attempt let through.

    A row in the database, not the cache: the cache is per process (local memory), so each of
    gunicorn's workers would have let its own attempt through every interval. One conditional
    UPDATE takes the slot, so two processes racing for it cannot both win."""

    username = models.CharField(max_length=150, unique=True)
    last_attempt = models.DateTimeField()

    class Meta:
        verbose_name = "giãn cách đăng nhập"
        verbose_name_plural = "giãn cách đăng nhập"

    def __str__(self) -> str:
        return f"{self.username} @ {self.last_attempt:%Y-%m-%d %H:%M:%S}"
