"""What units report: reports per (unit, period), their data values, yearly targets, and who
may do what for which unit."""

from django.conf import settings
from django.db import models

from giaoban.org.models import Indicator, Unit


class Membership(models.Model):
    """A user's role on a unit. Scope: enter for the unit, approve its direct children, view
    its whole subtree."""

    class Role(models.TextChoices):
        ENTRY = "entry", "Nhập liệu"
        APPROVE = "approve", "Duyệt"
        VIEW = "view", "Xem"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người dùng", on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey(Unit, verbose_name="đơn vị", on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField("vai trò", max_length=10, choices=Role.choices)

    class Meta:
        verbose_name = "phân quyền"
        verbose_name_plural = "phân quyền"
        constraints = [models.UniqueConstraint(fields=["user", "unit", "role"], name="membership_unique")]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.unit}"


class Report(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Đang soạn"
        SUBMITTED = "submitted", "Đã gửi"
        APPROVED = "approved", "Đã duyệt"
        RETURNED = "returned", "Bị trả lại"
        LOCKED = "locked", "Đã khóa"

    unit = models.ForeignKey(Unit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="reports")
    period = models.CharField("kỳ báo cáo", max_length=10)
    status = models.CharField("trạng thái", max_length=10, choices=Status.choices, default=Status.DRAFT)
    highlights = models.TextField("kết quả nổi bật", blank=True)
    limitations = models.TextField("hạn chế", blank=True)
    proposals = models.TextField("đề xuất, kiến nghị", blank=True)
    next_tasks = models.TextField("nhiệm vụ kỳ tới", blank=True)
    # Optimistic concurrency: a save carries the version it started from.
    version = models.PositiveIntegerField("phiên bản", default=1)
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)
    submitted_at = models.DateTimeField("gửi lúc", null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="người gửi"
    )
    approved_at = models.DateTimeField("duyệt lúc", null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="người duyệt"
    )
    returned_reason = models.TextField("lý do trả lại", blank=True)

    class Meta:
        verbose_name = "báo cáo"
        verbose_name_plural = "báo cáo"
        ordering = ["-period", "unit"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "period"], name="report_unit_period_unique"),
            # what a data value's one key to its report names on PostgreSQL (migration 0007)
            models.UniqueConstraint(fields=["id", "unit", "period"], name="report_id_unit_period_key"),
        ]
        indexes = [models.Index(fields=["period", "status"], name="report_period_status_idx")]

    def __str__(self) -> str:
        return f"{self.unit} – {self.period}"

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)


class DataValue(models.Model):
    """(unit, indicator, period) → value. Only base periods (quarters, months) are stored;
    half-year, nine-month and year values are derived."""

    class Qualifier(models.TextChoices):
        EXACT = "exact", "Chính xác"
        APPROX = "approx", "Khoảng, gần"
        OVER = "over", "Hơn, trên"
        UNDER = "under", "Dưới"

    class Source(models.TextChoices):
        FORM = "form", "Nhập trên biểu mẫu"
        EXCEL = "excel", "Tải lên Excel"
        IMPORT = "import", "Nhập từ hệ thống khác"
        EXTRACTION = "extraction", "Đọc từ văn bản"
        API = "api", "API"
        DEMO = "demo", "Dữ liệu mẫu"

    # On PostgreSQL the keys are the database's statement-level checks (giaoban/collection/keys.py,
    # migration 0008), not foreign-key constraints: the report and the unit as one key, (report,
    # unit, period) to the report's (id, unit, period) (a value lies in its report's unit and
    # period), the indicator and the last editor; each checked once per statement for its distinct
    # keys. SQLite keeps the foreign keys.
    report = models.ForeignKey(Report, verbose_name="báo cáo", on_delete=models.PROTECT, related_name="values")
    # No single-column indexes on unit and indicator: the unique constraint starts with the unit
    # and datavalue_ind_period_idx with the indicator. Each index slows every write (bulk loads).
    unit = models.ForeignKey(Unit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="+", db_index=False)
    indicator = models.ForeignKey(Indicator, verbose_name="chỉ tiêu", on_delete=models.PROTECT, related_name="values",
                                  db_index=False)
    period = models.CharField("kỳ", max_length=10)
    value = models.DecimalField("giá trị", max_digits=20, decimal_places=4)
    qualifier = models.CharField("độ chính xác", max_length=10, choices=Qualifier.choices, default=Qualifier.EXACT)
    source = models.CharField("nguồn", max_length=12, choices=Source.choices, default=Source.FORM)
    # For extracted values: file name, text span, offsets; for imports: the batch.
    source_detail = models.JSONField("chi tiết nguồn", default=dict, blank=True)
    comment = models.TextField("ghi chú", blank=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)
    # Not indexed: nothing looks values up by their last editor, and users are deactivated rather
    # than deleted (a deletion scans the table once to clear the field).
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="người cập nhật",
        db_index=False,
    )

    class Meta:
        verbose_name = "số liệu"
        verbose_name_plural = "số liệu"
        constraints = [models.UniqueConstraint(fields=["unit", "indicator", "period"], name="datavalue_unique")]
        indexes = [
            models.Index(fields=["indicator", "period", "unit"], name="datavalue_ind_period_idx"),
            models.Index(fields=["period", "unit"], name="datavalue_period_unit_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {self.indicator.code} – {self.period}: {self.value}"

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # the figure as the database holds it: a later save or delete tells the peer tops what it
        # replaced without reading it again (giaoban.collection.peers)
        if "value" in instance.__dict__:
            instance.stored_value = instance.value
        return instance


class PeerTop(models.Model):
    """The figures of one organization, level, indicator and period, kept for the plausibility
    bound (giaoban.collection.peers): how many, the highest and whose it is, and the highest of
    the other units. A commune's peers are every commune of its organization over eight periods
    (~13.600 values read per page before); these rows answer it from a few dozen.
    Kept current in the writer's transaction (giaoban.collection.peers)."""

    organization_id = models.BigIntegerField()
    level = models.PositiveSmallIntegerField()
    indicator_id = models.BigIntegerField()
    period = models.CharField(max_length=10)
    value_count = models.PositiveIntegerField()
    top = models.DecimalField(max_digits=20, decimal_places=4)
    top_unit_id = models.BigIntegerField()
    second = models.DecimalField(max_digits=20, decimal_places=4, null=True)  # the highest of the units but top_unit

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organization_id", "level", "indicator_id", "period"],
                                               name="peertop_key")]


class Target(models.Model):
    unit = models.ForeignKey(Unit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="targets")
    indicator = models.ForeignKey(Indicator, verbose_name="chỉ tiêu", on_delete=models.PROTECT, related_name="targets")
    year = models.PositiveSmallIntegerField("năm")
    value = models.DecimalField("chỉ tiêu năm", max_digits=20, decimal_places=4)

    class Meta:
        verbose_name = "chỉ tiêu năm"
        verbose_name_plural = "chỉ tiêu năm"
        constraints = [models.UniqueConstraint(fields=["unit", "indicator", "year"], name="target_unique")]

    def __str__(self) -> str:
        return f"{self.unit} – {self.indicator.code} – {self.year}: {self.value}"


class ValidationRule(models.Model):
    """A check on the figures of a report, editable in the admin.

    bounds:   min ≤ value ≤ max (either may be empty);
    required: the indicator must have a value before the report is sent;
    relation: value (op) other indicator's value × factor, checked when both are present;
    jump:     value > factor × the median of the unit's last four periods of the same kind
              (a warning that needs a comment before sending).
    """

    class Kind(models.TextChoices):
        BOUNDS = "bounds", "Giới hạn giá trị"
        REQUIRED = "required", "Bắt buộc nhập"
        RELATION = "relation", "Quan hệ giữa hai chỉ tiêu"
        JUMP = "jump", "Tăng đột biến so với các kỳ trước"

    class Operator(models.TextChoices):
        GE = "ge", "≥"
        LE = "le", "≤"
        GT = "gt", ">"
        LT = "lt", "<"
        EQ = "eq", "="

    class Severity(models.TextChoices):
        ERROR = "error", "Lỗi (chặn gửi báo cáo)"
        WARNING = "warning", "Cảnh báo (cần ghi chú)"

    code = models.SlugField("mã quy tắc", max_length=80, unique=True)
    name = models.CharField("tên quy tắc", max_length=255)
    kind = models.CharField("loại", max_length=10, choices=Kind.choices)
    indicator = models.ForeignKey(Indicator, verbose_name="chỉ tiêu", on_delete=models.CASCADE, related_name="rules")
    operator = models.CharField("phép so sánh", max_length=2, choices=Operator.choices, blank=True)
    other_indicator = models.ForeignKey(
        Indicator, verbose_name="chỉ tiêu so sánh", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    min_value = models.DecimalField("giá trị nhỏ nhất", max_digits=20, decimal_places=4, null=True, blank=True)
    max_value = models.DecimalField("giá trị lớn nhất", max_digits=20, decimal_places=4, null=True, blank=True)
    factor = models.DecimalField("hệ số", max_digits=10, decimal_places=4, default=1)
    severity = models.CharField("mức độ", max_length=10, choices=Severity.choices, default=Severity.ERROR)
    organizations = models.ManyToManyField(
        "org.Organization", verbose_name="áp dụng cho tổ chức (để trống: mọi tổ chức)", blank=True, related_name="+"
    )
    message = models.CharField("thông báo riêng", max_length=255, blank=True)
    is_active = models.BooleanField("đang áp dụng", default=True)

    class Meta:
        verbose_name = "quy tắc kiểm tra"
        verbose_name_plural = "quy tắc kiểm tra"
        ordering = ["indicator__sort_order", "code"]

    def __str__(self) -> str:
        return self.name


class Deadline(models.Model):
    """A deadline that replaces the default of the period module for one period (and one
    organization, or every organization when empty)."""

    period = models.CharField("kỳ báo cáo", max_length=10, help_text="Ví dụ: 2025-Q3, 2025-07")
    organization = models.ForeignKey(
        "org.Organization", verbose_name="tổ chức (để trống: mọi tổ chức)", null=True, blank=True, on_delete=models.CASCADE
    )
    due_date = models.DateField("hạn gửi")
    note = models.CharField("ghi chú", max_length=255, blank=True)

    class Meta:
        verbose_name = "hạn gửi báo cáo"
        verbose_name_plural = "hạn gửi báo cáo"
        ordering = ["-period", "organization"]
        constraints = [models.UniqueConstraint(fields=["period", "organization"], name="deadline_period_org_unique")]

    def __str__(self) -> str:
        return f"{self.period} – {self.organization or 'mọi tổ chức'}: {self.due_date:%d/%m/%Y}"


def attachment_path(instance, filename: str) -> str:
    # The user's file name never reaches the disk path; it is kept in original_name.
    import uuid

    return f"collection/{instance.report.unit_id}/{instance.report.period}/{uuid.uuid4().hex}"


class Attachment(models.Model):
    """The unit's original document (Word, PDF) attached to a report."""

    report = models.ForeignKey(Report, verbose_name="báo cáo", on_delete=models.PROTECT, related_name="attachments")
    file = models.FileField("tệp", upload_to=attachment_path, max_length=255)
    original_name = models.CharField("tên tệp", max_length=255)
    content_type = models.CharField("loại tệp", max_length=100)
    size = models.PositiveBigIntegerField("dung lượng")
    uploaded_at = models.DateTimeField("tải lên lúc", auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="người tải lên"
    )
    # Soft delete: nothing a unit sent is ever lost.
    deleted_at = models.DateTimeField("đã gỡ lúc", null=True, blank=True)

    class Meta:
        verbose_name = "tệp đính kèm"
        verbose_name_plural = "tệp đính kèm"
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.original_name


class Reminder(models.Model):
    """An in-app reminder that a report is due (also e-mailed when SMTP is configured)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người nhận", on_delete=models.CASCADE, related_name="reminders")
    unit = models.ForeignKey(Unit, verbose_name="đơn vị", on_delete=models.CASCADE, related_name="+")
    period = models.CharField("kỳ báo cáo", max_length=10)
    message = models.TextField("nội dung")
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    emailed = models.BooleanField("đã gửi thư", default=False)
    read_at = models.DateTimeField("đã đọc lúc", null=True, blank=True)

    class Meta:
        verbose_name = "nhắc nhở"
        verbose_name_plural = "nhắc nhở"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "read_at"], name="reminder_user_unread_idx")]

    def __str__(self) -> str:
        return f"{self.user} – {self.unit} – {self.period}"
