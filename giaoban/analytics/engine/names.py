"""Name resolution for the engine's questions: a code or a Vietnamese name to the area, unit,
indicator or organization (as of a date), and the period and date parameters."""

from __future__ import annotations

import datetime

from giaoban.core.periods import Period, PeriodError, parse_reachable
from giaoban.org import identity, lineage
from giaoban.org.models import Area, Indicator, Organization, OrganizationVersion, Unit
from giaoban.org.names import name_key
from giaoban.textfigures.orgs import orgs_named
from giaoban.analytics.engine.base import AnalyticsError


def normalize_name(text: str) -> str:
    """NFC, one tone placement ('hoà' → 'hòa', 'Uỷ' → 'Ủy'), single spaces, lower case."""
    return name_key(text)


def _strictly(resolve, text, on: datetime.date | None):
    """org.lineage's resolver (the one the project has), strict: a version that did not exist
    ``on`` is an error here; its message as the engine's error."""
    try:
        return resolve(text, on, strict=True)
    except lineage.ResolveError as e:
        raise AnalyticsError(str(e)) from None


def resolve_area(text: str | Area, on: datetime.date | None = None) -> Area:
    """An area by code or exact name ('phường Đoàn Kết' or 'Đoàn Kết'), the version valid ``on``."""
    return _strictly(lineage.resolve_area, text, on)


def resolve_unit(text: str | Unit, on: datetime.date | None = None) -> Unit:
    """A unit by code or exact name, the version valid ``on``."""
    return _strictly(lineage.resolve_unit, text, on)


def resolve_indicator(text: str | Indicator) -> Indicator:
    if isinstance(text, Indicator):
        return text
    text = str(text).strip()
    found = Indicator.objects.filter(code=text).first()
    if found:
        return found
    wanted = normalize_name(text)
    matches = [i for i in Indicator.objects.all() if normalize_name(i.name) == wanted]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise AnalyticsError(f"Không tìm thấy chỉ tiêu '{text}' (nhập mã, ví dụ tuyen_truyen_buoi, hoặc đúng tên).")
    listing = "; ".join(f"{i.name} (mã {i.code})" for i in matches)
    raise AnalyticsError(f"Tên chỉ tiêu '{text}' chưa rõ: {listing}. Hãy dùng mã.")


def resolve_org(text: str | Organization | None) -> Organization | None:
    """An organization by code, or by a name it has or had ('Hội Liên hiệp Phụ nữ', 'Hội LHPN')."""
    if text is None or isinstance(text, Organization):
        return text
    text = str(text).strip()
    found = Organization.objects.filter(code=text).first()
    if found:
        return found
    wanted = normalize_name(text)
    for org in Organization.objects.all():
        if wanted in (normalize_name(org.name), normalize_name(org.short_name)):
            return org
    for version in OrganizationVersion.objects.select_related("organization"):
        if wanted in (normalize_name(version.name), normalize_name(version.short_name)):
            return version.organization
    # Any other name or abbreviation of one organization ('Hội LH Phụ nữ', 'Tỉnh đoàn', 'HND'):
    # the text core's one table of organization names.
    named = orgs_named(text)
    if len(named) == 1 and (found := Organization.objects.filter(code=named[0]).first()):
        return found
    codes = ", ".join([*Organization.objects.values_list("code", flat=True), identity.SYSTEM_CODE])
    raise AnalyticsError(f"Không tìm thấy tổ chức '{text}' (các mã: {codes}).")


def resolve_orgs(text, on: datetime.date) -> list[Organization] | None:
    """The organizations a query is about: None for all of them; one; or the roll-up
    'MTTQ và các tổ chức chính trị - xã hội' (code mttq-ctxh; also 'mttq+' for any organization
    with those under it): the organization and those under it or members of it on ``on``."""
    if text is None or text == "":
        return None
    if isinstance(text, list | tuple):
        return [resolve_org(t) for t in text]
    if isinstance(text, str):
        key = normalize_name(text)
        if key in (identity.SYSTEM_CODE, normalize_name(identity.SYSTEM_NAME)):
            root = Organization.objects.filter(code="mttq").first()
            if root is None:
                raise AnalyticsError("Chưa có tổ chức 'mttq' để tổng hợp MTTQ và các tổ chức chính trị - xã hội.")
        elif key.endswith("+"):
            root = resolve_org(text.strip()[:-1])
        else:
            return [resolve_org(text)]
        ids = identity.family_ids(root, on)
        by_id = Organization.objects.in_bulk(ids)
        return [by_id[i] for i in ids]
    return [resolve_org(text)]


def parse_period(text: str | Period) -> Period:
    try:
        return parse_reachable(text)
    except PeriodError as e:
        raise AnalyticsError(str(e)) from None


def parse_date(text: str | datetime.date | None) -> datetime.date | None:
    if text is None or isinstance(text, datetime.date):
        return text
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(str(text).strip(), fmt).date()
        except ValueError:
            continue
    raise AnalyticsError(f"Ngày không hợp lệ: '{text}' (dùng dạng 2026-01-01 hoặc 01/01/2026).")
