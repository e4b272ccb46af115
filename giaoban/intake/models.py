"""What a person uploaded for reading, what the engine found in it, and what the person decided.

One ExtractionSession per uploaded file. The file, its NFC text and the engine's figures are kept
as they were read, so the highlighted spans can always be shown again; `decisions` holds the
reviewer's choices (accept or not, indicator, value as typed, qualifier, organization) for each
figure, saved on every post, so nothing typed on the review page is lost even when the report
refuses the values.
"""

import uuid

from django.conf import settings
from django.db import models

from giaoban.collection.models import Report
from giaoban.org.models import Unit


def upload_path(instance, filename: str) -> str:
    # The user's file name never reaches the disk path; it is kept in original_name.
    return f"extraction/{instance.unit_id}/{uuid.uuid4().hex}"


class ExtractionSession(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Đang đọc"
        READY = "ready", "Chờ xem xét"
        SAVED = "saved", "Đã nhận vào báo cáo"
        FAILED = "failed", "Không đọc được"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người tải lên", null=True,
                             on_delete=models.SET_NULL, related_name="+")
    unit = models.ForeignKey(Unit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="+")
    period = models.CharField("kỳ báo cáo", max_length=10)
    # The period as the reviewer chose it: explicitly on upload, else the detected one, else the
    # current quarter; `detected_period` is what the text itself says (may be a longer period).
    detected_period = models.CharField("kỳ nêu trong văn bản", max_length=10, blank=True)
    file = models.FileField("tệp", upload_to=upload_path, max_length=255)
    original_name = models.CharField("tên tệp", max_length=255)
    kind = models.CharField("loại tệp", max_length=10)
    size = models.PositiveBigIntegerField("dung lượng", default=0)
    batch = models.UUIDField("đợt tải lên", null=True, blank=True, db_index=True)
    status = models.CharField("trạng thái", max_length=10, choices=Status.choices, default=Status.PENDING)
    error = models.TextField("lỗi", blank=True)
    text = models.TextField("nội dung (NFC)", blank=True)
    figures = models.JSONField("số liệu đọc được", default=list, blank=True)
    decisions = models.JSONField("quyết định của người xem xét", default=dict, blank=True)
    report = models.ForeignKey(Report, verbose_name="báo cáo", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+")
    created_at = models.DateTimeField("tải lên lúc", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)
    saved_at = models.DateTimeField("nhận vào báo cáo lúc", null=True, blank=True)
    saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người nhận", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "lượt đọc số liệu"
        verbose_name_plural = "lượt đọc số liệu"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["unit", "-created_at"], name="extraction_unit_created_idx")]

    def __str__(self) -> str:
        return f"{self.original_name} – {self.unit} – {self.period}"
