from django.conf import settings
from django.db import models


class AuditEntry(models.Model):
    """One recorded change: who, when, what, old → new, why. Never updated, never deleted."""

    at = models.DateTimeField("thời điểm", auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người thực hiện", null=True, blank=True, on_delete=models.SET_NULL
    )
    action = models.CharField("hành động", max_length=40)
    object_type = models.CharField("loại đối tượng", max_length=60)
    object_id = models.CharField("mã đối tượng", max_length=64)
    field = models.CharField("trường", max_length=100, blank=True)
    old_value = models.TextField("giá trị cũ", blank=True)
    new_value = models.TextField("giá trị mới", blank=True)
    reason = models.TextField("lý do", blank=True)
    data = models.JSONField("chi tiết", default=dict, blank=True)

    class Meta:
        verbose_name = "mục nhật ký"
        verbose_name_plural = "nhật ký thay đổi"
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object_idx")]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.action} {self.object_type}#{self.object_id}"
