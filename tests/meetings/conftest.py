import datetime

import pytest
from django.contrib.auth import get_user_model

from giaoban.collection.models import Membership
from giaoban.org.models import Area, Organization, Unit

ORGS = [("mttq", "Ủy ban MTTQ"), ("congdoan", "Công đoàn"), ("phunu", "Hội LHPN"),
        ("doan", "Đoàn TNCS"), ("nongdan", "Hội Nông dân"), ("ccb", "Hội CCB")]


@pytest.fixture
def world(db):
    """A province with the six organizations' province units, a district Hội LHPN, and users."""
    province = Area.objects.create(code="12", name="Lai Châu", kind=Area.Kind.PROVINCE, level=Area.Level.PROVINCE)
    district = Area.objects.create(code="105", name="Tam Đường", kind=Area.Kind.DISTRICT, level=Area.Level.DISTRICT, parent=province)
    orgs, units = {}, {}
    for n, (code, name) in enumerate(ORGS):
        orgs[code] = Organization.objects.create(code=code, name=name, short_name=name, sort_order=n)
        units[code] = Unit.objects.create(
            organization=orgs[code], code=f"{code}-12", name=f"{name} tỉnh Lai Châu", level=Unit.Level.PROVINCE, area=province
        )
    units["phunu-tamduong"] = Unit.objects.create(
        organization=orgs["phunu"], code="phunu-105", name="Hội LHPN huyện Tam Đường", level=Unit.Level.DISTRICT,
        area=district, parent=units["phunu"],
    )
    units["closed"] = Unit.objects.create(
        organization=orgs["ccb"], code="ccb-12-old", name="Hội CCB tỉnh (cũ)", level=Unit.Level.PROVINCE, area=province,
        valid_to=datetime.date(2020, 12, 31),
    )
    User = get_user_model()
    users = {}
    for username, unit, role in [
        ("tinh", "mttq", Membership.Role.APPROVE),  # the Front's province approver convenes the briefing
        ("phunu", "phunu", Membership.Role.ENTRY),
        ("tamduong", "phunu-tamduong", Membership.Role.ENTRY),
    ]:
        users[username] = User.objects.create_user(username, password="mat-khau-dai-12345")
        Membership.objects.create(user=users[username], unit=units[unit], role=role)
    users["outsider"] = User.objects.create_user("outsider", password="mat-khau-dai-12345")
    return {"province": province, "orgs": orgs, "units": units, "users": users}
