"""A small fixture tree shared by the security tests.

Two organizations (mttq, phunu); a province and two communes; units at each; one indicator
pair; reports for 2024-Q1 in the communes; one user per role:
  entry_a1   enters for mttq commune A1
  entry_a2   enters for mttq commune A2 (the out-of-scope peer of entry_a1)
  approve_p  approves mttq province's children (A1, A2)
  view_a2    views mttq commune A2 only
  admin      superuser
"""

from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model

from giaoban.collection.models import DataValue, Membership, Report
from giaoban.org.models import Area, Indicator, Organization, Unit

PASSWORD = "mat-khau-kiem-thu-2024"
PERIOD = "2024-Q1"


@dataclass
class Tree:
    orgs: dict
    areas: dict
    units: dict
    indicators: list
    users: dict
    reports: dict


def build_tree(with_reports: bool = True) -> Tree:
    User = get_user_model()
    mttq = Organization.objects.create(code="mttq", name="Ủy ban Mặt trận Tổ quốc Việt Nam", short_name="MTTQ", sort_order=1)
    phunu = Organization.objects.create(code="phunu", name="Hội Liên hiệp Phụ nữ", short_name="Hội LHPN", sort_order=2)
    p = Area.objects.create(code="12", name="Lai Châu", kind=Area.Kind.PROVINCE, level=Area.Level.PROVINCE)
    a1 = Area.objects.create(code="03388", name="Đoàn Kết", kind=Area.Kind.COMMUNE, level=Area.Level.COMMUNE, parent=p)
    a2 = Area.objects.create(code="03466", name="Bum Nưa", kind=Area.Kind.COMMUNE, level=Area.Level.COMMUNE, parent=p)
    units = {}
    units["mttq_p"] = Unit.objects.create(organization=mttq, code="mttq-12", name="Ủy ban MTTQ Việt Nam tỉnh Lai Châu", level=Unit.Level.PROVINCE, area=p)
    units["mttq_a1"] = Unit.objects.create(organization=mttq, code="mttq-03388", name="Ủy ban MTTQ Việt Nam xã Đoàn Kết", level=Unit.Level.COMMUNE, area=a1, parent=units["mttq_p"])
    units["mttq_a2"] = Unit.objects.create(organization=mttq, code="mttq-03466", name="Ủy ban MTTQ Việt Nam xã Bum Nưa", level=Unit.Level.COMMUNE, area=a2, parent=units["mttq_p"])
    units["phunu_p"] = Unit.objects.create(organization=phunu, code="phunu-12", name="Hội LHPN tỉnh Lai Châu", level=Unit.Level.PROVINCE, area=p)
    units["phunu_a1"] = Unit.objects.create(organization=phunu, code="phunu-03388", name="Hội LHPN xã Đoàn Kết", level=Unit.Level.COMMUNE, area=a1, parent=units["phunu_p"])
    for u in units.values():
        u.refresh_from_db()
    indicators = [
        Indicator.objects.create(code="tuyen_truyen_buoi", name="Số buổi tuyên truyền", unit_noun="buổi", sort_order=1),
        Indicator.objects.create(code="tuyen_truyen_luot_nguoi", name="Số lượt người dự tuyên truyền", unit_noun="lượt người", sort_order=2),
    ]
    for ind in indicators:
        ind.organizations.set([mttq, phunu])
    users = {"admin": User.objects.create_superuser("admin", password=PASSWORD)}
    E, A, V = Membership.Role.ENTRY, Membership.Role.APPROVE, Membership.Role.VIEW
    for name, unit, role in [("entry_a1", "mttq_a1", E), ("entry_a2", "mttq_a2", E), ("approve_p", "mttq_p", A),
                             ("view_a2", "mttq_a2", V), ("entry_phunu_a1", "phunu_a1", E)]:
        users[name] = User.objects.create_user(name, password=PASSWORD)
        Membership.objects.create(user=users[name], unit=units[unit], role=role)
    reports = {}
    if with_reports:
        for key, status, base in [("mttq_a1", Report.Status.DRAFT, 10), ("mttq_a2", Report.Status.SUBMITTED, 20),
                                  ("phunu_a1", Report.Status.SUBMITTED, 30)]:
            r = Report.objects.create(unit=units[key], period=PERIOD, status=status, highlights=f"Kết quả nổi bật của {units[key].name}")
            for i, ind in enumerate(indicators):
                DataValue.objects.create(report=r, unit=units[key], indicator=ind, period=PERIOD, value=Decimal(base + i))
            reports[key] = r
    return Tree({"mttq": mttq, "phunu": phunu}, {"p": p, "a1": a1, "a2": a2}, units, indicators, users, reports)
