"""Request and response shapes of the JSON API (pydantic, through django-ninja)."""

import datetime
from typing import Any

from ninja import Field, Schema


class ErrorOut(Schema):
    """Every error has this shape: a stable code, a Vietnamese message, optional details."""

    code: str = Field(..., examples=["forbidden"])
    message: str = Field(..., examples=["Bạn không có quyền với đơn vị này."])
    details: list[dict[str, Any]] = []


class MeOut(Schema):
    username: str
    full_name: str
    is_superuser: bool
    memberships: list[dict[str, str]]


class OrganizationOut(Schema):
    code: str
    name: str
    short_name: str


class AreaOut(Schema):
    code: str
    name: str
    kind: str
    level: int
    parent: str | None
    valid_from: datetime.date
    valid_to: datetime.date | None


class UnitOut(Schema):
    code: str
    name: str
    organization: str
    level: int
    area: str | None
    parent: str | None
    valid_from: datetime.date
    valid_to: datetime.date | None


class IndicatorOut(Schema):
    code: str
    name: str
    unit_noun: str
    value_type: str
    unit_aggregation: str
    time_aggregation: str
    section: str
    organizations: list[str]


class PeriodOut(Schema):
    code: str
    dhis2: str | None
    kind: str
    label_vi: str
    start: datetime.date
    end: datetime.date
    deadline: datetime.date
    is_cumulative: bool


class ValueOut(Schema):
    unit: str
    indicator: str
    period: str
    value: str = Field(..., description="Số dạng chuỗi, dấu chấm thập phân (ví dụ 29774 hoặc 12.5)")
    qualifier: str
    source: str
    comment: str
    updated_at: datetime.datetime


class ReportOut(Schema):
    id: int
    unit: str
    unit_name: str
    period: str
    status: str
    status_label: str
    version: int
    submitted_at: datetime.datetime | None
    approved_at: datetime.datetime | None
    returned_reason: str
    allowed_actions: list[str]


class ReportDetailOut(ReportOut):
    highlights: str
    limitations: str
    proposals: str
    next_tasks: str
    values: list[ValueOut]


class ReportCreateIn(Schema):
    unit: str = Field(..., description="Mã đơn vị", max_length=40)
    period: str = Field(..., description="Kỳ: 2023-Q3, 2023-07 hoặc mã DHIS2 2023Q3", max_length=20)


class ReportValuesIn(Schema):
    version: int = Field(..., description="Phiên bản báo cáo đã đọc (chống ghi đè)")
    values: dict[str, float | int | str | None] = Field(
        default_factory=dict, description="Mã chỉ tiêu → giá trị (null: xóa số liệu)"
    )
    narrative: dict[str, str] = Field(default_factory=dict, description="highlights, limitations, proposals, next_tasks")


class ReasonIn(Schema):
    reason: str = Field(..., max_length=2000)


class ApproveIn(Schema):
    version: int = Field(..., ge=0, le=2_147_483_647, description="Phiên bản báo cáo người duyệt đã xem")


class ReturnIn(Schema):
    reason: str = Field(..., max_length=2000)
    version: int = Field(..., ge=0, le=2_147_483_647, description="Phiên bản báo cáo người duyệt đã xem")


class DataValueIn(Schema):
    unit: str = Field(..., max_length=40)
    indicator: str = Field(..., max_length=60)
    period: str = Field(..., max_length=20)
    value: float | int | str | None
    comment: str = Field("", max_length=2000)


class DataValuesIn(Schema):
    values: list[DataValueIn] = Field(..., max_length=100_000)
    dry_run: bool = False


class BulkOut(Schema):
    imported: int
    updated: int
    ignored: int
    dry_run: bool
    batch: str


class ConflictOut(Schema):
    object: str
    value: str
    property: str | None = None
    errorCode: str | None = None
    indexes: list[int] | None = None


class ImportCountOut(Schema):
    imported: int
    updated: int
    ignored: int
    deleted: int


class ImportSummaryOut(Schema):
    responseType: str
    status: str
    description: str
    importOptions: dict[str, Any]
    importCount: ImportCountOut
    conflicts: list[ConflictOut]


class Dhis2ValueOut(Schema):
    dataElement: str
    period: str
    orgUnit: str
    categoryOptionCombo: str | None = None
    attributeOptionCombo: str | None = None
    value: str
    storedBy: str | None = None
    created: str | None = None
    lastUpdated: str | None = None
    comment: str | None = None
    followup: bool | None = None


class DataValueSetOut(Schema):
    dataValues: list[Dhis2ValueOut]


class Dhis2ValueIn(Schema):
    dataElement: str
    period: str | None = None
    orgUnit: str | None = None
    categoryOptionCombo: str | None = None
    attributeOptionCombo: str | None = None
    value: str | float | int | None = None
    comment: str | None = None
    followup: bool | None = None


class DataValueSetIn(Schema):
    dataSet: str | None = None
    completeDate: str | None = None
    period: str | None = None
    orgUnit: str | None = None
    attributeOptionCombo: str | None = None
    dataValues: list[Dhis2ValueIn]


class ExtractIn(Schema):
    text: str = Field(..., max_length=500_000)


# ---------------------------------------------------------------------------- analytics

Number = int | float


class ComparisonOut(Schema):
    period: str
    value: Number | None
    change: Number | None
    change_pct: Number | None
    reconstructed: bool
    reporting_units: int
    expected_units: int
    like: bool = Field(..., description="every expected unit reported in both periods; else the change compares unlike sets")


class AnalyticsRowOut(Schema):
    """One figure of the aggregation engine (as `giaoban query --format json`)."""

    indicator: str
    period: str
    value: Number | None
    qualifier: str = Field(..., description="exact | approx | over | under | mixed")
    qualifiers: dict[str, int]
    reporting_units: int
    expected_units: int
    reconstructed: bool = Field(..., description="dựng lại từ đơn vị/địa bàn trước khi sắp xếp lại")
    key: dict[str, str]
    labels: dict[str, str]
    scope: str
    as_of: str
    target: Number | None
    target_year: Number | None
    progress_pct: Number | None
    band: str | None
    previous: ComparisonOut | None
    same_period_last_year: ComparisonOut | None


class DashboardRowOut(AnalyticsRowOut):
    indicator_name: str
    unit_noun: str


class DashboardOrgOut(Schema):
    org: str
    label: str
    rows: list[DashboardRowOut]


class TrendPointOut(Schema):
    period: str
    label: str
    value: Number | None
    reconstructed: bool
    reporting_units: int
    expected_units: int


class TrendOut(Schema):
    indicator: str
    indicator_name: str
    unit_noun: str
    points: list[TrendPointOut]


class CompletenessOut(Schema):
    org: str
    label: str
    period: str
    expected: int
    draft: int
    returned: int
    submitted: int
    approved: int
    missing: int
    sent: int
    sent_pct: Number | None
    approved_pct: Number | None


class DashboardOut(Schema):
    period: str
    as_of: datetime.date
    area: str | None
    scope: str
    reconstructed: bool
    organizations: list[DashboardOrgOut]
    trends: list[TrendOut]
    completeness: list[CompletenessOut]


# ---------------------------------------------------------------------------- meetings and tasks


class TaskOut(Schema):
    id: int
    meeting: int
    meeting_title: str
    text: str
    organizations: list[str]
    units: list[str]
    due_period: str
    priority: str
    status: str
    status_label: str
    carried_from: int | None
    updated_at: datetime.datetime


class TaskProgressOut(Schema):
    date: datetime.date
    unit: str | None
    status: str
    note: str
    user: str | None
    created_at: datetime.datetime


class TaskDetailOut(TaskOut):
    progress: list[TaskProgressOut]
    can_update: bool
    units_reporting: list[str] = Field(..., description="đơn vị người dùng được ghi tiến độ thay mặt")


class TaskStatusIn(Schema):
    status: str = Field(..., description="todo | in_progress | done", max_length=20)
    note: str = Field("", max_length=5000)
    unit: str | None = Field(None, description="mã đơn vị báo cáo (bỏ trống khi người dùng chỉ có một đơn vị được giao)",
                             max_length=40)


class CandidateOut(Schema):
    text: str
    orgs: list[str]
    due_period: str | None
    source: str
    start: int | None = None
    end: int | None = None


class AttendeeOut(Schema):
    name: str
    position: str
    organization: str | None
    role: str


class MeetingOut(Schema):
    id: int
    title: str
    date: datetime.date | None
    period: str
    area: str | None
    place: str
    chair_name: str
    chair_position: str
    status: str
    status_label: str
    organizations: list[str]
    tasks: int


class MeetingDetailOut(MeetingOut):
    conclusions: str
    candidates: list[CandidateOut]
    attendees: list[AttendeeOut]
    task_list: list[TaskOut]


class MeetingIn(Schema):
    text: str = Field(..., description="Văn bản hội nghị (bài báo, biên bản)", min_length=1, max_length=500_000)
    title: str = Field("", max_length=300)
    area: str | None = Field(None, description="mã địa bàn của hội nghị", max_length=40)
