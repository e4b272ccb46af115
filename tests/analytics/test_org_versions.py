"""Organizations dated like areas: renamed and re-parented between 2024-Q4 and 2025-Q4, the same
query gives summable series (keys stay), the names of each date (labels follow), and the
roll-up 'MTTQ và các tổ chức chính trị - xã hội' follows who belonged to the MTTQ on the date.

World: province T with communes X1, X2 (valid throughout). Organizations:
  mttq      Ủy ban MTTQ Việt Nam (one version);
  phunu     Hội LHPN, member of the MTTQ until 30/6/2025, under it from 1/7/2025;
  congdoan  'Liên đoàn Lao động' (LĐLĐ), on its own until 30/6/2025; renamed 'Công đoàn'
            and under the MTTQ from 1/7/2025.
Each has a province unit and a unit per commune; the communes report 'buoi'.
"""

import datetime as dt
from decimal import Decimal

import pytest

from giaoban.analytics import engine
from giaoban.collection.models import DataValue, Report
from giaoban.org import identity
from giaoban.org.models import Area, Indicator, Organization, OrganizationVersion, Unit

REFORM = dt.date(2025, 7, 1)
BEFORE = dt.date(2025, 6, 30)
MEMBER, UNDER = OrganizationVersion.Relation.MEMBER, OrganizationVersion.Relation.UNDER

FIGURES = {  # (org, commune) -> (2024-Q4, 2025-Q4)
    ("mttq", "X1"): (10, 11), ("mttq", "X2"): (20, 21),
    ("phunu", "X1"): (100, 110), ("phunu", "X2"): (200, 220),
    ("congdoan", "X1"): (1000, 1100), ("congdoan", "X2"): (2000, 2200),
}


@pytest.fixture
def world(db):
    O = Organization.objects.create
    orgs = {
        "mttq": O(code="mttq", name="Ủy ban Mặt trận Tổ quốc Việt Nam", short_name="MTTQ", sort_order=1),
        "congdoan": O(code="congdoan", name="Công đoàn", short_name="Công đoàn", sort_order=2),
        "phunu": O(code="phunu", name="Hội Liên hiệp Phụ nữ", short_name="Hội LHPN", sort_order=3),
    }
    V = OrganizationVersion.objects.create
    V(organization=orgs["mttq"], name="Ủy ban Mặt trận Tổ quốc Việt Nam", short_name="MTTQ",
      signing_title="TM. BAN THƯỜNG TRỰC", document_symbol="MTTQ-BTT")
    V(organization=orgs["phunu"], valid_to=BEFORE, name="Hội Liên hiệp Phụ nữ", short_name="Hội LHPN",
      parent=orgs["mttq"], relation=MEMBER, signing_title="TM. BAN THƯỜNG VỤ")
    V(organization=orgs["phunu"], valid_from=REFORM, name="Hội Liên hiệp Phụ nữ", short_name="Hội LHPN",
      parent=orgs["mttq"], relation=UNDER, signing_title="TM. BAN THƯỜNG VỤ")
    V(organization=orgs["congdoan"], valid_to=BEFORE, name="Liên đoàn Lao động", short_name="LĐLĐ",
      signing_title="TM. BAN THƯỜNG VỤ", document_symbol="LĐLĐ")
    V(organization=orgs["congdoan"], valid_from=REFORM, name="Công đoàn", short_name="Công đoàn",
      parent=orgs["mttq"], relation=UNDER, signing_title="TM. BAN THƯỜNG VỤ", document_symbol="CĐ")
    T = Area.objects.create(code="T", name="Thử Nghiệm", kind="tinh", level=1)
    areas = {c: Area.objects.create(code=c, name=f"Số {c[1]}", kind="xa", level=3, parent=T) for c in ("X1", "X2")}
    ind = Indicator.objects.create(code="buoi", name="Buổi tuyên truyền", unit_noun="buổi")
    ind.organizations.set(orgs.values())
    units = {}
    for code, org in orgs.items():
        top = Unit.objects.create(organization=org, code=f"{code}-T", name=f"{org.short_name} tỉnh Thử Nghiệm", level=1, area=T)
        units[code, "T"] = top
        for c, area in areas.items():
            units[code, c] = Unit.objects.create(organization=org, code=f"{code}-{c}", name=f"{org.short_name} xã {area.name}",
                                                 level=3, area=area, parent=top)
    for (org, c), values in FIGURES.items():
        for period, value in zip(("2024-Q4", "2025-Q4"), values, strict=True):
            report = Report.objects.create(unit=units[org, c], period=period)
            DataValue.objects.create(report=report, unit=units[org, c], indicator=ind, period=period, value=Decimal(value))
            report.status = Report.Status.APPROVED
            report.save()
    return orgs, units, T


def test_names_and_relations_follow_the_date(world):
    orgs, _, _ = world
    old = identity.organization_as_of(orgs["congdoan"], dt.date(2024, 12, 31))
    new = identity.organization_as_of("congdoan", dt.date(2025, 12, 31))
    assert (old.name, old.short_name, old.parent_id) == ("Liên đoàn Lao động", "LĐLĐ", None)
    assert (new.name, new.short_name, new.parent_id, new.relation) == ("Công đoàn", "Công đoàn", orgs["mttq"].pk, "under")
    assert identity.organization_as_of("phunu", BEFORE).relation == "member"
    assert identity.organization_as_of("phunu", REFORM).relation == "under"
    assert identity.family_ids(orgs["mttq"], dt.date(2024, 12, 31)) == [orgs["mttq"].pk, orgs["phunu"].pk]
    assert sorted(identity.family_ids(orgs["mttq"], REFORM)) == sorted(o.pk for o in orgs.values())
    # an organization found by a name it had
    assert engine.resolve_org("Liên đoàn Lao động") == orgs["congdoan"]
    # ... or by any name the text core knows for it (it was refused: 'Không tìm thấy tổ chức')
    assert engine.resolve_org("Hội LH Phụ nữ") == engine.resolve_org("HLHPN tỉnh") == orgs["phunu"]
    assert engine.resolve_org("LĐLĐ tỉnh") == orgs["congdoan"]
    with pytest.raises(engine.AnalyticsError):
        engine.resolve_org("các tổ chức chính trị - xã hội")  # several: say which


def test_the_same_query_before_and_after_gives_summable_series_with_each_dates_names(world):
    rows = {p: {r.key["org"]: r for r in engine.query("buoi", p, area="T", by="org")} for p in ("2024-Q4", "2025-Q4")}
    # keys stay: one series per organization across the change
    assert set(rows["2024-Q4"]) == set(rows["2025-Q4"]) == {"mttq", "congdoan", "phunu"}
    # labels follow the date
    assert rows["2024-Q4"]["congdoan"].labels["org"] == "LĐLĐ"
    assert rows["2025-Q4"]["congdoan"].labels["org"] == "Công đoàn"
    for p, i in (("2024-Q4", 0), ("2025-Q4", 1)):
        for org in ("mttq", "congdoan", "phunu"):
            assert rows[p][org].value == sum(v[i] for (o, _), v in FIGURES.items() if o == org)
        # summable: the organizations add up to the total of all of them
        total = engine.query("buoi", p, area="T")[0].value
        assert sum(r.value for r in rows[p].values()) == total == sum(v[i] for v in FIGURES.values())
    # the 2025-Q4 row compares with the same organization's 2024-Q4 figure, renamed or not
    for org in ("mttq", "congdoan", "phunu"):
        assert rows["2025-Q4"][org].same_period_last_year.value == rows["2024-Q4"][org].value


def test_the_mttq_roll_up_follows_who_belonged_to_it_on_the_date(world):
    def rollup(period, name):
        return engine.query("buoi", period, area="T", org=name)[0].value

    assert rollup("2024-Q4", identity.SYSTEM_NAME) == 10 + 20 + 100 + 200  # the trade union on its own then
    assert rollup("2025-Q4", identity.SYSTEM_NAME) == 11 + 21 + 110 + 220 + 1100 + 2200
    assert rollup("2025-Q4", "mttq-ctxh") == rollup("2025-Q4", "mttq+")
    # as of a date after the change, the earlier quarter is counted over today's family: comparable
    assert engine.query("buoi", "2024-Q4", area="T", org="mttq-ctxh", as_of="2025-12-31")[0].value == 3330
    done = {r["org"]: r for r in engine.completeness("2025-Q4", area="T", org="mttq-ctxh")}
    assert set(done) == {"mttq", "congdoan", "phunu"} and done["congdoan"]["label"] == "Công đoàn"
    assert engine.completeness("2024-Q4", area="T")[1]["label"] == "LĐLĐ"


def test_issuer_of_a_document_follows_the_date(world):
    _, units, _ = world
    women = units["phunu", "X1"]
    before = identity.issuer_as_of(women, dt.date(2025, 3, 31))
    after = identity.issuer_as_of(women, dt.date(2025, 9, 30))
    assert before.issuing_body == after.issuing_body == "HỘI LHPN XÃ SỐ 1"
    assert before.governing_body == "HỘI LHPN TỈNH THỬ NGHIỆM"  # its own province body
    assert after.governing_body == "MTTQ XÃ SỐ 1"  # the commune's MTTQ committee it is under
    assert (after.place, after.signing_title) == ("Số 1", "TM. BAN THƯỜNG VỤ")
    front = identity.issuer_as_of(units["mttq", "T"], dt.date(2025, 9, 30))
    assert (front.governing_body, front.signing_title, front.document_symbol) == ("", "TM. BAN THƯỜNG TRỰC", "MTTQ-BTT")
    union = identity.issuer_as_of(units["congdoan", "X2"], dt.date(2024, 1, 1))
    assert union.organization.name == "Liên đoàn Lao động" and union.document_symbol == "LĐLĐ"


def test_party_commission_name_follows_the_merger():
    assert identity.party_commission_as_of(dt.date(2023, 10, 5)) == "Ban Dân vận Tỉnh ủy"
    assert identity.party_commission_as_of(dt.date(2025, 10, 8)) == "Ban Tuyên giáo và Dân vận Tỉnh ủy"
