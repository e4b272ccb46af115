"""Meetings (hội nghị giao ban), their attendees and documents, and the tasks they hand out.

A task is followed to the end: assigned units report dated progress; a task not done when its
period closes is carried over (status 'chuyển kỳ sau') into a new task for the next period,
linked by `carried_from`, so the history of each conclusion stays readable.
"""

from django.conf import settings
from django.db import models

from giaoban.org.models import Area, Organization, Unit


class Meeting(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Bản nháp"
        CONFIRMED = "confirmed", "Đã xác nhận"

    title = models.CharField("tên hội nghị", max_length=300, blank=True)
    date = models.DateField("ngày họp", null=True, blank=True)
    period = models.CharField("kỳ được đánh giá", max_length=10)
    area = models.ForeignKey(Area, verbose_name="địa bàn", null=True, blank=True, on_delete=models.PROTECT, related_name="meetings")
    place = models.CharField("địa điểm", max_length=300, blank=True)
    chair_name = models.CharField("người chủ trì", max_length=120, blank=True)
    chair_position = models.CharField("chức vụ người chủ trì", max_length=300, blank=True)
    conclusions = models.TextField("kết luận", blank=True)
    organizations = models.ManyToManyField(Organization, verbose_name="tổ chức dự họp", blank=True, related_name="meetings")
    source_text = models.TextField("văn bản gốc", blank=True)
    # Task candidates read from the text, waiting for a person to confirm or edit them.
    candidates = models.JSONField("nhiệm vụ đề xuất", default=list, blank=True)
    status = models.CharField("trạng thái", max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người tạo", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    class Meta:
        verbose_name = "hội nghị"
        verbose_name_plural = "hội nghị"
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["period"], name="meeting_period_idx")]

    def __str__(self) -> str:
        return self.title or f"Hội nghị kỳ {self.period}"


class MeetingAttendee(models.Model):
    class Role(models.TextChoices):
        CHAIR = "chair", "Chủ trì"
        CONCLUSION = "conclusion", "Kết luận"
        ATTENDEE = "attendee", "Dự họp"

    meeting = models.ForeignKey(Meeting, verbose_name="hội nghị", on_delete=models.CASCADE, related_name="attendees")
    name = models.CharField("họ và tên", max_length=120)
    position = models.CharField("chức vụ", max_length=300, blank=True)
    organization = models.ForeignKey(
        Organization, verbose_name="tổ chức", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField("vai trò", max_length=12, choices=Role.choices, default=Role.ATTENDEE)

    class Meta:
        verbose_name = "đại biểu"
        verbose_name_plural = "đại biểu"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.name} – {self.position}" if self.position else self.name


class MeetingDocument(models.Model):
    class Kind(models.TextChoices):
        REPORT = "report", "Báo cáo tổng hợp"
        MINUTES = "minutes", "Biên bản"
        OTHER = "other", "Khác"

    meeting = models.ForeignKey(Meeting, verbose_name="hội nghị", on_delete=models.CASCADE, related_name="documents")
    file = models.FileField("tệp", upload_to="meetings/%Y/")
    kind = models.CharField("loại", max_length=10, choices=Kind.choices, default=Kind.OTHER)
    uploaded_at = models.DateTimeField("tải lên lúc", auto_now_add=True)

    class Meta:
        verbose_name = "tài liệu hội nghị"
        verbose_name_plural = "tài liệu hội nghị"

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.file.name}"


class Task(models.Model):
    class Status(models.TextChoices):
        TODO = "todo", "Chưa thực hiện"
        IN_PROGRESS = "in_progress", "Đang thực hiện"
        DONE = "done", "Hoàn thành"
        CARRIED = "carried", "Chuyển kỳ sau"

    class Priority(models.TextChoices):
        HIGH = "high", "Cao"
        NORMAL = "normal", "Bình thường"
        LOW = "low", "Thấp"

    OPEN = (Status.TODO, Status.IN_PROGRESS)

    meeting = models.ForeignKey(Meeting, verbose_name="hội nghị", on_delete=models.PROTECT, related_name="tasks")
    text = models.TextField("nội dung nhiệm vụ")
    organizations = models.ManyToManyField(Organization, verbose_name="tổ chức thực hiện", blank=True, related_name="meeting_tasks")
    units = models.ManyToManyField(Unit, verbose_name="đơn vị được giao", blank=True, related_name="meeting_tasks")
    due_period = models.CharField("kỳ phải hoàn thành", max_length=10)
    priority = models.CharField("mức ưu tiên", max_length=10, choices=Priority.choices, default=Priority.NORMAL)
    status = models.CharField("trạng thái", max_length=12, choices=Status.choices, default=Status.TODO)
    carried_from = models.ForeignKey(
        "self", verbose_name="chuyển từ nhiệm vụ", null=True, blank=True, on_delete=models.PROTECT, related_name="carried_to"
    )
    source = models.CharField("lấy từ", max_length=12, blank=True)  # 'tasks' or 'conclusion' paragraph
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người tạo", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    class Meta:
        verbose_name = "nhiệm vụ"
        verbose_name_plural = "nhiệm vụ"
        ordering = ["due_period", "id"]
        indexes = [models.Index(fields=["due_period", "status"], name="task_due_status_idx")]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN


class TaskProgress(models.Model):
    task = models.ForeignKey(Task, verbose_name="nhiệm vụ", on_delete=models.CASCADE, related_name="progress")
    unit = models.ForeignKey(Unit, verbose_name="đơn vị", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    date = models.DateField("ngày")
    note = models.TextField("kết quả thực hiện", blank=True)
    status = models.CharField("trạng thái", max_length=12, choices=Task.Status.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người cập nhật", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("ghi lúc", auto_now_add=True)

    class Meta:
        verbose_name = "tiến độ nhiệm vụ"
        verbose_name_plural = "tiến độ nhiệm vụ"
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"{self.task_id} {self.date}: {self.get_status_display()}"
