"""A tiny tree for the collection tests: one province, two communes, two organizations.

    phunu-tinh (Hội LHPN tỉnh)      mttq-tinh (Ủy ban MTTQ tỉnh)
      ├─ phunu-a (xã A)               ├─ mttq-a
      └─ phunu-b (xã B)               └─ mttq-b

Users: one per role and place (entry on a commune, approver and viewer at the province,
the province MTTQ, an outsider with no membership, a superuser).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from giaoban.collection.models import Membership, Target
from giaoban.collection.rules import seed_default_rules
from giaoban.org.models import Area, Indicator, Organization, Unit

PASSWORD = "mat-khau-thu-nghiem-123"
PERIOD = "2025-Q3"

INDICATORS = [
    # code, name, unit noun, value type, time aggregation, section, orgs
    ("tuyen_truyen_buoi", "Buổi tuyên truyền", "buổi", "integer", "sum", "Tuyên truyền, giáo dục", ["phunu", "mttq"]),
    ("tuyen_truyen_luot_nguoi", "Lượt người dự tuyên truyền", "lượt người", "integer", "sum", "Tuyên truyền, giáo dục", ["phunu", "mttq"]),
    ("ket_nap_moi", "Hội viên, đoàn viên kết nạp mới", "hội viên", "integer", "sum", "Xây dựng tổ chức", ["phunu"]),
    ("tong_hoi_vien", "Tổng số hội viên, đoàn viên", "hội viên", "integer", "last", "Xây dựng tổ chức", ["phunu"]),
    ("co_so_vung_manh", "Tỷ lệ cơ sở hội trong sạch, vững mạnh", "%", "percent", "last", "Xây dựng tổ chức", ["phunu"]),
    ("du_no_uy_thac", "Dư nợ ủy thác Ngân hàng Chính sách xã hội", "đồng", "money", "last", "Tín dụng chính sách", ["phunu"]),
    ("no_qua_han", "Nợ quá hạn", "đồng", "money", "last", "Tín dụng chính sách", ["phunu"]),
]


@dataclass
class Tree:
    province: Area
    orgs: dict
    units: dict  # "phunu-tinh", "phunu-a", ...
    indicators: dict
    users: dict  # role name → user


def make_user(username, *grants, superuser=False):
    user = get_user_model().objects.create_user(username, password=PASSWORD, first_name=username,
                                                is_superuser=superuser, is_staff=superuser)
    for unit, role in grants:
        Membership.objects.create(user=user, unit=unit, role=role)
    return user


def build_tree() -> Tree:
    province = Area.objects.create(code="12", name="Lai Châu", kind=Area.Kind.PROVINCE, level=Area.Level.PROVINCE)
    communes = {
        "a": Area.objects.create(code="90001", name="Xã A", kind=Area.Kind.COMMUNE, level=Area.Level.COMMUNE, parent=province),
        "b": Area.objects.create(code="90002", name="Xã B", kind=Area.Kind.COMMUNE, level=Area.Level.COMMUNE, parent=province),
    }
    orgs = {
        "mttq": Organization.objects.create(code="mttq", name="Ủy ban Mặt trận Tổ quốc Việt Nam", short_name="MTTQ", sort_order=1),
        "phunu": Organization.objects.create(code="phunu", name="Hội Liên hiệp Phụ nữ", short_name="Hội LHPN", sort_order=2),
    }
    units = {}
    names = {"mttq": ("Ủy ban MTTQ tỉnh Lai Châu", "Ủy ban MTTQ xã {}"), "phunu": ("Hội LHPN tỉnh Lai Châu", "Hội LHPN xã {}")}
    for code, org in orgs.items():
        top = Unit.objects.create(organization=org, code=f"{code}-tinh", name=names[code][0], level=Unit.Level.PROVINCE, area=province)
        units[f"{code}-tinh"] = top
        for key, area in communes.items():
            units[f"{code}-{key}"] = Unit.objects.create(
                organization=org, code=f"{code}-{key}", name=names[code][1].format(key.upper()), level=Unit.Level.COMMUNE,
                area=area, parent=top,
            )
    indicators = {}
    for order, (code, name, noun, vtype, tagg, section, org_codes) in enumerate(INDICATORS, start=1):
        ind = Indicator.objects.create(code=code, name=name, unit_noun=noun, value_type=vtype, time_aggregation=tagg,
                                       section=section, sort_order=order * 10)
        ind.organizations.set([orgs[o] for o in org_codes])
        indicators[code] = ind
    seed_default_rules()
    E, A, V = Membership.Role.ENTRY, Membership.Role.APPROVE, Membership.Role.VIEW
    users = {
        "entry_a": make_user("phunu.a", (units["phunu-a"], E)),
        "entry_b": make_user("phunu.b", (units["phunu-b"], E)),
        "viewer_a": make_user("phunu.a.xem", (units["phunu-a"], V)),
        "approver": make_user("phunu.tinh", (units["phunu-tinh"], E), (units["phunu-tinh"], A), (units["phunu-tinh"], V)),
        "province_viewer": make_user("phunu.tinh.xem", (units["phunu-tinh"], V)),
        "mttq_province": make_user("mttq.tinh", (units["mttq-tinh"], E), (units["mttq-tinh"], A), (units["mttq-tinh"], V)),
        "mttq_entry_a": make_user("mttq.a", (units["mttq-a"], E)),
        "outsider": make_user("nguoi.ngoai"),
        "admin": make_user("quantri", superuser=True),
    }
    Target.objects.create(unit=units["phunu-a"], indicator=indicators["tuyen_truyen_buoi"], year=2025, value=Decimal(40))
    return Tree(province, orgs, units, indicators, users)


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    # PBKDF2 with its full work factor costs ~0.3 s a user on the shared machine.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def tree(db) -> Tree:
    return build_tree()


def login(client, user):
    client.force_login(user)
    return client
