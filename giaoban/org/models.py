"""Organizations, the administrative tree, each organization's tree of units, and indicators.

Areas and units are effective-dated: a row is one version of a body, valid from `valid_from`
to `valid_to` inclusive (null: still valid). A restructuring never edits old rows' territory;
it closes them and opens new ones, linked by succession rows, so the old tree still answers for
old periods. Identity is (code, valid_from): the 2025 reform reuses codes and names for
different territories.

Subtrees are one indexed query: each row stores its materialized path of ids ("/1/9/57/"), so
"everything under X" is `path LIKE '/1/9/%'`. A row's parent never changes (a move closes the row
and opens a new version), so paths never need rewriting; a closure table would cost a second
table and N×depth rows for the same query.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q

from giaoban.core.uids import make_uid

BEGINNING = datetime.date(1900, 1, 1)


class ValidityQuerySet(models.QuerySet):
    def valid_on(self, date: datetime.date):
        return self.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=date), valid_from__lte=date)

    def overlapping(self, start: datetime.date, end: datetime.date):
        return self.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=start), valid_from__lte=end)

    def subtree(self, root, include_root: bool = True):
        qs = self.filter(path__startswith=root.path)
        return qs if include_root else qs.exclude(pk=root.pk)


class Organization(models.Model):
    """An organization's identity (its code never changes). `name` and `short_name` are today's;
    what they were on a date, and which organization it belonged to, is in its versions
    (OrganizationVersion; giaoban.org.identity.organization_as_of)."""

    code = models.SlugField("mã", max_length=20, unique=True)
    name = models.CharField("tên", max_length=200)
    short_name = models.CharField("tên ngắn", max_length=100)
    sort_order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        verbose_name = "tổ chức"
        verbose_name_plural = "tổ chức"
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.short_name or self.name


class OrganizationVersion(models.Model):
    """An organization as it stood from `valid_from` to `valid_to`: its names, the organization
    it belonged to and how, and the words its documents are signed with.

    The five socio-political organizations were member organizations of the MTTQ (tổ chức
    thành viên) before 1 July 2025 and are under it (trực thuộc) from that day (Resolution
    60-NQ/TW, Law 97/2025/QH15): two versions each, same parent, another relation. Figures are
    keyed by the organization, never by a version, so series stay summable across the change.
    """

    class Relation(models.TextChoices):
        MEMBER = "member", "Tổ chức thành viên"
        UNDER = "under", "Trực thuộc"

    organization = models.ForeignKey(Organization, verbose_name="tổ chức", on_delete=models.CASCADE, related_name="versions")
    valid_from = models.DateField("hiệu lực từ", default=BEGINNING)
    valid_to = models.DateField("hiệu lực đến", null=True, blank=True)
    name = models.CharField("tên", max_length=200)
    short_name = models.CharField("tên ngắn", max_length=100)
    parent = models.ForeignKey(
        Organization, verbose_name="thuộc tổ chức", null=True, blank=True, on_delete=models.PROTECT, related_name="member_versions"
    )
    relation = models.CharField("quan hệ với tổ chức trên", max_length=10, choices=Relation.choices, blank=True)
    signing_title = models.CharField("thẩm quyền ký", max_length=100, blank=True, help_text="Ví dụ: TM. BAN THƯỜNG TRỰC")
    document_symbol = models.CharField("ký hiệu văn bản", max_length=40, blank=True, help_text="Ví dụ: MTTQ-BTT (số …/BC-MTTQ-BTT)")

    objects = ValidityQuerySet.as_manager()

    class Meta:
        verbose_name = "phiên bản tổ chức"
        verbose_name_plural = "phiên bản tổ chức"
        ordering = ["organization__sort_order", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "valid_from"], name="org_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.name} (từ {self.valid_from:%d/%m/%Y})"

    def is_valid_on(self, date: datetime.date) -> bool:
        return self.valid_from <= date and (self.valid_to is None or self.valid_to >= date)


class TreeNode(models.Model):
    """Shared shape of Area and Unit: effective dates and the materialized path."""

    valid_from = models.DateField("hiệu lực từ", default=BEGINNING)
    valid_to = models.DateField("hiệu lực đến", null=True, blank=True)
    path = models.CharField("đường dẫn", max_length=255, editable=False, db_index=True, default="")
    # The DHIS2-style id of this version (giaoban.core.uids); a new version gets a new one.
    uid = models.CharField("mã DHIS2 (UID)", max_length=11, unique=True, null=True, blank=True, editable=False)

    objects = ValidityQuerySet.as_manager()

    class Meta:
        abstract = True

    def is_valid_on(self, date: datetime.date) -> bool:
        return self.valid_from <= date and (self.valid_to is None or self.valid_to >= date)

    def save(self, *args, **kwargs):
        if not self.uid:
            self.uid = make_uid(self._meta.model_name, self.code, self.valid_from)
        super().save(*args, **kwargs)
        parent_path = self.parent.path if self.parent_id else "/"
        path = f"{parent_path}{self.pk}/"
        if path != self.path:
            self.path = path
            type(self).objects.filter(pk=self.pk).update(path=path)

    def ancestors(self):
        ids = [int(x) for x in self.path.strip("/").split("/") if x][:-1]
        by_id = {n.pk: n for n in type(self).objects.filter(pk__in=ids)}
        return [by_id[i] for i in ids if i in by_id]

    @property
    def depth(self) -> int:
        return self.path.count("/") - 1


class Area(TreeNode):
    class Kind(models.TextChoices):
        PROVINCE = "tinh", "Tỉnh"
        CITY = "thanh_pho_tw", "Thành phố"
        DISTRICT = "huyen", "Huyện"
        PROVINCIAL_CITY = "thanh_pho", "Thành phố"
        TOWN = "thi_xa", "Thị xã"
        COMMUNE = "xa", "Xã"
        WARD = "phuong", "Phường"
        TOWNSHIP = "thi_tran", "Thị trấn"
        VILLAGE = "thon", "Thôn"
        HAMLET = "ban", "Bản"
        STREET_GROUP = "to_dan_pho", "Tổ dân phố"

    class Level(models.IntegerChoices):
        PROVINCE = 1, "Cấp tỉnh"
        DISTRICT = 2, "Cấp huyện"
        COMMUNE = 3, "Cấp xã"
        RESIDENTIAL = 4, "Khu dân cư"  # optional: thôn, bản, tổ dân phố under a commune

    code = models.CharField("mã hành chính", max_length=20, db_index=True)
    name = models.CharField("tên", max_length=200)
    kind = models.CharField("loại", max_length=20, choices=Kind.choices)
    level = models.PositiveSmallIntegerField("cấp", choices=Level.choices)
    parent = models.ForeignKey(
        "self", verbose_name="trực thuộc", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    class Meta:
        verbose_name = "địa bàn"
        verbose_name_plural = "địa bàn"
        ordering = ["level", "code", "valid_from"]
        constraints = [models.UniqueConstraint(fields=["code", "valid_from"], name="area_code_version_unique")]
        indexes = [models.Index(fields=["path"], name="area_path_like_idx", opclasses=["varchar_pattern_ops"])]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        # a dict, not get_kind_display(), which flattens the choices again on every call: the
        # dashboard's area box names 250 areas a page
        return f"{_AREA_KINDS.get(self.kind, self.kind)} {self.name}"


_AREA_KINDS = dict(Area.Kind.choices)

class Unit(TreeNode):
    """One organization's body at one place ('Hội LHPN xã Bum Nưa', 'Tỉnh đoàn Lai Châu')."""

    class Level(models.IntegerChoices):
        PROVINCE = 1, "Cấp tỉnh"
        DISTRICT = 2, "Cấp huyện"
        COMMUNE = 3, "Cấp xã"
        GRASSROOTS = 4, "Cơ sở"  # a residential area's MTTQ working group, a workplace union

    organization = models.ForeignKey(Organization, verbose_name="tổ chức", on_delete=models.PROTECT, related_name="units")
    code = models.CharField("mã", max_length=40, db_index=True)
    name = models.CharField("tên", max_length=255)
    level = models.PositiveSmallIntegerField("cấp", choices=Level.choices)
    area = models.ForeignKey(
        Area, verbose_name="địa bàn", null=True, blank=True, on_delete=models.PROTECT, related_name="units"
    )
    parent = models.ForeignKey(
        "self", verbose_name="đơn vị cấp trên", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    # Who signs the unit's consolidated report: the name under the signature, and the title when
    # it is not the head's own ('KT. CHỦ TỊCH / PHÓ CHỦ TỊCH'; empty: the head of the body signs).
    signer_name = models.CharField("người ký báo cáo", max_length=120, blank=True)
    signer_title = models.CharField("chức danh ký", max_length=120, blank=True,
                                    help_text="Ví dụ: KT. CHỦ TỊCH / PHÓ CHỦ TỊCH (dấu / tách dòng). Để trống: người đứng đầu ký.")
    # The areas a unit serves when they are several (a commune trade union for three communes):
    # `area` is then the lowest area containing them all, where the unit is counted once.
    served_areas = models.ManyToManyField(
        Area, verbose_name="các địa bàn phụ trách", blank=True, related_name="served_by_units"
    )

    class Meta:
        verbose_name = "đơn vị"
        verbose_name_plural = "đơn vị"
        ordering = ["organization__sort_order", "level", "name"]
        constraints = [models.UniqueConstraint(fields=["code", "valid_from"], name="unit_code_version_unique")]
        indexes = [models.Index(fields=["path"], name="unit_path_like_idx", opclasses=["varchar_pattern_ops"])]

    def __str__(self) -> str:
        return self.name


class Succession(models.Model):
    """A predecessor → successor link of a restructuring (merge, split, rename, move).

    `share` is the part of the predecessor that went into the successor (1 for a merge; the
    agreed shares for a split), used to reconstruct the successor's values for old periods.
    """

    class Kind(models.TextChoices):
        MERGE = "merge", "Sáp nhập"
        SPLIT = "split", "Chia tách"
        RENAME = "rename", "Đổi tên"
        MOVE = "move", "Chuyển cấp trên"

    kind = models.CharField("loại thay đổi", max_length=10, choices=Kind.choices, default=Kind.MERGE)
    share = models.DecimalField("tỷ lệ", max_digits=7, decimal_places=6, default=1)
    effective_date = models.DateField("ngày hiệu lực")

    class Meta:
        abstract = True


class AreaSuccession(Succession):
    predecessor = models.ForeignKey(Area, verbose_name="địa bàn cũ", on_delete=models.PROTECT, related_name="successions")
    successor = models.ForeignKey(Area, verbose_name="địa bàn mới", on_delete=models.PROTECT, related_name="predecessions")

    class Meta:
        verbose_name = "kế thừa địa bàn"
        verbose_name_plural = "kế thừa địa bàn"
        constraints = [models.UniqueConstraint(fields=["predecessor", "successor"], name="area_succession_unique")]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor}"


class UnitSuccession(Succession):
    predecessor = models.ForeignKey(Unit, verbose_name="đơn vị cũ", on_delete=models.PROTECT, related_name="successions")
    successor = models.ForeignKey(Unit, verbose_name="đơn vị mới", on_delete=models.PROTECT, related_name="predecessions")

    class Meta:
        verbose_name = "kế thừa đơn vị"
        verbose_name_plural = "kế thừa đơn vị"
        constraints = [models.UniqueConstraint(fields=["predecessor", "successor"], name="unit_succession_unique")]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor}"


class Indicator(models.Model):
    class ValueType(models.TextChoices):
        INTEGER = "integer", "Số nguyên"
        DECIMAL = "decimal", "Số thập phân"
        MONEY = "money", "Tiền (đồng)"
        PERCENT = "percent", "Tỷ lệ (%)"

    class UnitAggregation(models.TextChoices):
        SUM = "sum", "Cộng"
        AVERAGE = "average", "Trung bình"
        NONE = "none", "Không cộng dồn"

    class TimeAggregation(models.TextChoices):
        SUM = "sum", "Cộng các kỳ (chỉ số phát sinh)"
        LAST = "last", "Giá trị cuối kỳ (chỉ số tồn)"
        AVERAGE = "average", "Trung bình các kỳ"

    class ParentChildRule(models.TextChoices):
        CHILDREN_ELSE_PARENT = "children_else_parent", "Tổng cấp dưới nếu có, nếu không lấy số của cấp trên"
        PARENT_ONLY = "parent_only", "Chỉ lấy số của đơn vị cấp trên"
        PARENT_PLUS_CHILDREN = "parent_plus_children", "Cộng cả cấp trên và cấp dưới"

    code = models.SlugField("mã", max_length=60, unique=True)
    name = models.CharField("tên chỉ tiêu", max_length=255)
    unit_noun = models.CharField("đơn vị tính", max_length=40)
    value_type = models.CharField("kiểu giá trị", max_length=10, choices=ValueType.choices, default=ValueType.INTEGER)
    unit_aggregation = models.CharField(
        "tổng hợp theo đơn vị", max_length=10, choices=UnitAggregation.choices, default=UnitAggregation.SUM
    )
    time_aggregation = models.CharField(
        "tổng hợp theo thời gian", max_length=10, choices=TimeAggregation.choices, default=TimeAggregation.SUM
    )
    parent_child_rule = models.CharField(
        "khi cấp trên và cấp dưới cùng báo cáo",
        max_length=30,
        choices=ParentChildRule.choices,
        default=ParentChildRule.CHILDREN_ELSE_PARENT,
    )
    organizations = models.ManyToManyField(Organization, verbose_name="tổ chức báo cáo", related_name="indicators")
    section = models.CharField("nhóm", max_length=120, blank=True)
    sort_order = models.PositiveIntegerField("thứ tự", default=0)
    synonyms = models.JSONField("cách viết khác trong văn bản", default=list, blank=True)
    description = models.TextField("mô tả", blank=True)
    is_active = models.BooleanField("đang dùng", default=True)
    uid = models.CharField("mã DHIS2 (UID)", max_length=11, unique=True, null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "chỉ tiêu"
        verbose_name_plural = "chỉ tiêu"
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.unit_noun})"

    def save(self, *args, **kwargs):
        if not self.uid:
            self.uid = make_uid("indicator", self.code)
        super().save(*args, **kwargs)

    @property
    def is_stock(self) -> bool:
        return self.time_aggregation == self.TimeAggregation.LAST


class ChangeBatch(models.Model):
    """One restructuring as a user prepared it: a plan (rows to close, rows to create, links),
    previewed, applied in one transaction, then confirmed, or reverted while not yet confirmed.

    `plan` is the plan as previewed (giaoban.org.operations.ChangePlan.to_dict); `result` holds
    what apply did (ids created, rows closed with their former end date, links) so revert can
    undo exactly that.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Đang soạn"
        PREVIEWED = "previewed", "Đã xem trước"
        APPLIED = "applied", "Đã áp dụng (chưa xác nhận)"
        CONFIRMED = "confirmed", "Đã xác nhận"
        REVERTED = "reverted", "Đã hoàn tác"

    title = models.CharField("nội dung", max_length=255)
    source = models.CharField("nguồn", max_length=255, blank=True)
    status = models.CharField("trạng thái", max_length=10, choices=Status.choices, default=Status.DRAFT)
    plan = models.JSONField("kế hoạch thay đổi", default=dict, blank=True)
    result = models.JSONField("kết quả áp dụng", default=dict, blank=True)
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người tạo", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    applied_at = models.DateTimeField("áp dụng lúc", null=True, blank=True)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người áp dụng", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    closed_at = models.DateTimeField("xác nhận/hoàn tác lúc", null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người xác nhận/hoàn tác", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "đợt sắp xếp"
        verbose_name_plural = "đợt sắp xếp"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_status_display()})"


class ReportingSchedule(models.Model):
    """A reporting regime (chế độ báo cáo): which indicators the units of one level (of one
    organization, or of every one) report, how often, and by when.

    For example the residential areas' MTTQ working groups report a few brief figures every week
    (as the national platform 'Mặt trận số' asks), communes monthly, organizations quarterly.
    Where no schedule names a unit's level, the unit reports every indicator of its organization
    by quarter or month, as before schedules existed. An indicator is reported by a unit for one
    frequency only, so weeks, months and quarters add up without counting anything twice
    (giaoban.core.periods.Period.stored_parts).
    """

    class Frequency(models.TextChoices):
        WEEK = "W", "Hằng tuần"
        MONTH = "M", "Hằng tháng"
        QUARTER = "Q", "Hằng quý"

    code = models.SlugField("mã", max_length=60, unique=True)
    name = models.CharField("tên", max_length=255)
    frequency = models.CharField("kỳ báo cáo", max_length=1, choices=Frequency.choices)
    organization = models.ForeignKey(
        Organization, verbose_name="tổ chức (để trống: mọi tổ chức)", null=True, blank=True, on_delete=models.CASCADE,
        related_name="schedules",
    )
    unit_level = models.PositiveSmallIntegerField("cấp đơn vị", choices=Unit.Level.choices)
    indicators = models.ManyToManyField(Indicator, verbose_name="chỉ tiêu", related_name="schedules")
    deadline_days = models.PositiveSmallIntegerField(
        "hạn gửi (số ngày sau kỳ)", null=True, blank=True,
        help_text="Để trống: hạn theo Nghị định 09/2019 (ngày 20 tháng cuối kỳ); kỳ tuần: ngày sau khi tuần kết thúc.",
    )
    is_active = models.BooleanField("đang áp dụng", default=True)

    class Meta:
        verbose_name = "chế độ báo cáo"
        verbose_name_plural = "chế độ báo cáo"
        ordering = ["unit_level", "frequency", "code"]

    def __str__(self) -> str:
        return self.name
