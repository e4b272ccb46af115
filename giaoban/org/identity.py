"""Who an organization and a unit were on a date: names, the organization above, the issuing body
and signing words of a document, the Party commission it reported to.

The one place that answers "what was it called then" (reports, meetings, the dashboard's labels
all ask here):

* :func:`organization_as_of` ``(org, date) -> OrgIdentity``: name, short name, parent
  organization and relation, signing title, document symbol on the date.
* :func:`issuer_as_of` ``(unit, date) -> Issuer``: the header of a document the unit issues on
  the date (governing body above, issuing body, place, signing title, symbol).
* :func:`family_ids` ``(org, date)``: the organization and those under it or members of it on
  the date ("MTTQ và các tổ chức chính trị - xã hội").
* :func:`party_commission_as_of` ``(date)``: 'Ban Dân vận Tỉnh ủy' or, after the 2025 merger,
  'Ban Tuyên giáo và Dân vận Tỉnh ủy'.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from giaoban.org.models import BEGINNING, Organization, OrganizationVersion, Unit

SYSTEM_NAME = "MTTQ và các tổ chức chính trị - xã hội"
SYSTEM_CODE = "mttq-ctxh"  # the roll-up of the MTTQ with every organization of its system

# The provincial propaganda and mass-mobilization commissions merged into one in early 2025
# (most provinces in February-March). Lai Châu's own date is not confirmed: 1 March 2025 is an
# assumption, the one thing to change when it is known.
PARTY_COMMISSION_MERGED = datetime.date(2025, 3, 1)


@dataclass(frozen=True)
class OrgIdentity:
    """An organization as it stood on a date (a version, or the organization row without one)."""

    id: int
    code: str
    name: str
    short_name: str
    parent_id: int | None = None
    relation: str = ""  # "member" | "under" | ""
    signing_title: str = ""
    document_symbol: str = ""
    valid_from: datetime.date = BEGINNING
    valid_to: datetime.date | None = None


def _identity(org: Organization, version: OrganizationVersion | None) -> OrgIdentity:
    if version is None:
        return OrgIdentity(org.pk, org.code, org.name, org.short_name)
    return OrgIdentity(org.pk, org.code, version.name, version.short_name or version.name, version.parent_id,
                       version.relation, version.signing_title, version.document_symbol, version.valid_from,
                       version.valid_to)


def organizations_as_of(date: datetime.date) -> dict[int, OrgIdentity]:
    """Every organization as it stood on ``date`` (two queries), in sort order."""
    versions = {v.organization_id: v for v in OrganizationVersion.objects.valid_on(date)}
    return {o.pk: _identity(o, versions.get(o.pk)) for o in Organization.objects.order_by("sort_order", "code")}


def organization_as_of(org: Organization | str, date: datetime.date) -> OrgIdentity:
    """The name, short name, parent and signing words of ``org`` (object or code) on ``date``."""
    if not isinstance(org, Organization):
        org = Organization.objects.get(code=org)
    return _identity(org, OrganizationVersion.objects.valid_on(date).filter(organization=org).first())


def family_ids(org: Organization | int, date: datetime.date) -> list[int]:
    """``org`` and every organization below it on ``date`` (members and those under it, at any
    depth), ``org`` first."""
    root = org.pk if isinstance(org, Organization) else org
    children: dict[int, list[int]] = {}
    for org_id, parent_id in OrganizationVersion.objects.valid_on(date).exclude(parent=None).values_list(
            "organization_id", "parent_id"):
        children.setdefault(parent_id, []).append(org_id)
    out, todo = [root], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in out:
                out.append(child)
                todo.append(child)
    return out


@dataclass(frozen=True)
class Issuer:
    """The header and signature words of a document a unit issues on a date (Decree 30/2020):
    the governing body (cơ quan chủ quản) over the issuing body, the place before the date, the
    signing title ('TM. BAN THƯỜNG TRỰC') and the document symbol ('BC-MTTQ-BTT' → 'MTTQ-BTT')."""

    governing_body: str
    issuing_body: str
    place: str
    signing_title: str
    document_symbol: str
    organization: OrgIdentity
    unit_id: int


def _unit_on(unit: Unit, date: datetime.date) -> Unit:
    """The version of ``unit`` valid on ``date`` (same code), else ``unit`` itself."""
    if unit.is_valid_on(date):
        return unit
    return Unit.objects.valid_on(date).filter(code=unit.code).select_related("area", "parent").first() or unit


def issuer_as_of(unit: Unit, date: datetime.date) -> Issuer:
    """What a document of ``unit`` dated ``date`` is headed and signed with.

    The governing body is the unit of the organization above, at the same area, when the
    organization is under another on the date (a commune's Women's Union under the commune's
    MTTQ committee from 1 July 2025); otherwise the unit's own parent unit; none at the top."""
    unit = _unit_on(unit, date)
    org = organization_as_of(unit.organization, date)
    governing = None
    if org.relation == OrganizationVersion.Relation.UNDER and org.parent_id and unit.area_id:
        governing = (Unit.objects.valid_on(date).filter(organization_id=org.parent_id, area_id=unit.area_id)
                     .order_by("level").first())
    if governing is None and unit.parent_id:
        parent = Unit.objects.filter(pk=unit.parent_id).first()
        governing = _unit_on(parent, date) if parent else None
    place = unit.area.name if unit.area_id else ""
    return Issuer(
        governing_body=governing.name.upper() if governing else "",
        issuing_body=unit.name.upper(),
        place=place,
        signing_title=org.signing_title,
        document_symbol=org.document_symbol,
        organization=org,
        unit_id=unit.pk,
    )


def party_commission_as_of(date: datetime.date, level: str = "Tỉnh ủy") -> str:
    """The Party committee's commission the MTTQ system reports to on ``date``."""
    if date >= PARTY_COMMISSION_MERGED:
        return f"Ban Tuyên giáo và Dân vận {level}"
    return f"Ban Dân vận {level}"
