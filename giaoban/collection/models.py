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
        constraints = [models.UniqueConstraint(fields=["unit", "period"], name="report_unit_period_unique")]
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

    report = models.ForeignKey(Report, verbose_name="báo cáo", on_delete=models.PROTECT, related_name="values")
    unit = models.ForeignKey(Unit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="+")
    indicator = models.ForeignKey(Indicator, verbose_name="chỉ tiêu", on_delete=models.PROTECT, related_name="values")
    period = models.CharField("kỳ", max_length=10)
    value = models.DecimalField("giá trị", max_digits=20, decimal_places=4)
    qualifier = models.CharField("độ chính xác", max_length=10, choices=Qualifier.choices, default=Qualifier.EXACT)
    source = models.CharField("nguồn", max_length=12, choices=Source.choices, default=Source.FORM)
    # For extracted values: file name, text span, offsets; for imports: the batch.
    source_detail = models.JSONField("chi tiết nguồn", default=dict, blank=True)
    comment = models.TextField("ghi chú", blank=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="người cập nhật"
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
