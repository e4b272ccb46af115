"""Long work done in the background (imports, batch extraction, report builds), with the
progress a person sees moving on the page, and the lease that tells a live job from one whose
worker died."""

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
    # The queue's side: what to run, on which worker, and whether that worker is still alive.
    work = models.CharField("hàm thực hiện", max_length=200, blank=True)
    args = models.JSONField("tham số", default=list, blank=True)
    input_file = models.FileField("tệp đầu vào", upload_to="jobs/input/%Y/%m/", blank=True)
    task_id = models.UUIDField("mã trong hàng đợi", null=True, blank=True)
    worker = models.CharField("máy chạy", max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField("số lần chạy", default=0)
    heartbeat_at = models.DateTimeField("lần báo sống cuối", null=True, blank=True)

    class Meta:
        db_table = "web_job"  # the table of the app it came from: moved without copying rows
        verbose_name = "việc chạy nền"
        verbose_name_plural = "việc chạy nền"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "heartbeat_at"], name="job_lease_idx")]

    def __str__(self) -> str:
        return self.title

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return int(100 * self.done / self.total) if self.total else 0
