from django.db import models

from giaoban.collection.models import Membership


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


class SingleSignOnGrant(models.Model):
    """The administrator's mapping for single sign-on (OpenID Connect): a person known to the
    identity provider (its subject 'sub', or the e-mail address it vouches for) holds this role on
    this unit. A person with no row is refused, and on each sign-in the person's roles become
    exactly the rows that name them (a row removed here is a role gone at the next sign-in)."""

    identifier = models.CharField("mã người dùng hoặc e-mail ở hệ thống đăng nhập một lần", max_length=254)
    unit = models.ForeignKey("org.Unit", verbose_name="đơn vị", on_delete=models.CASCADE, related_name="sso_grants")
    role = models.CharField("vai trò", max_length=10, choices=Membership.Role.choices)

    class Meta:
        verbose_name = "quyền qua đăng nhập một lần"
        verbose_name_plural = "quyền qua đăng nhập một lần"
        constraints = [models.UniqueConstraint(fields=["identifier", "unit", "role"], name="sso_grant_unique")]

    def save(self, *args, **kwargs):
        self.identifier = self.identifier.strip().lower()
        super().save(*args, **kwargs)

    def __str__(self) -> str:
        return f"{self.identifier} – {self.get_role_display()} – {self.unit}"
