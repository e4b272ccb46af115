"""Long work done in the background (imports, batch extraction, report builds), with the
progress a person sees moving on the page."""

import uuid

from django.conf import settings
from django.db import models


class Job(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Đang chờ"
        RUNNING = "running", "Đang chạy"
        DONE = "done", "Xong"
        FAILED = "failed", "Lỗi"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jobs")
    kind = models.CharField("loại việc", max_length=40)
    title = models.CharField("tên việc", max_length=255)
    status = models.CharField("trạng thái", max_length=10, choices=Status.choices, default=Status.QUEUED)
    done = models.PositiveIntegerField("đã xong", default=0)
    total = models.PositiveIntegerField("tổng", default=0)
    message = models.TextField("thông báo", blank=True)
    result_url = models.CharField("kết quả", max_length=500, blank=True)
    result_file = models.FileField("tệp kết quả", upload_to="jobs/%Y/%m/", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "việc chạy nền"
        verbose_name_plural = "việc chạy nền"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return int(100 * self.done / self.total) if self.total else 0
