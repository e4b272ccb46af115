"""Analytics endpoints: the engine's rows (with `reconstructed`), scoped as the dashboard page:
each role sees its own subtree's figures only; an area outside the user's is 403, a unit the user
may not see is 404, never a figure."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from giaoban.analytics import summary
from giaoban.api.models import ApiToken
from giaoban.collection.models import DataValue, Membership, Report
from giaoban.org.models import Area, AreaSuccession, Unit, UnitSuccession
from tests.api.conftest import auth

Q3 = "2023-Q3"
REFORM = datetime.date(2025, 7, 1)


@pytest.fixture
def client():
    return Client()


@pytest.fixture
def approved(world):
    """Every report approved (only approved reports count) and the summary table built."""
    Report.objects.update(status=Report.Status.APPROVED)
    summary.rebuild()
    return world


def get(client, world, user, url, **params):
    return client.get(url, {k: v for k, v in params.items() if v is not None}, **auth(world, user))


def values(response, key=None) -> dict:
    assert response.status_code == 200, response.content
    rows = response.json()
    return {(r["key"].get(key) if key else r["indicator"]): r["value"] for r in rows}


def assert_error(response, status):
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"code", "message", "details"} and body["message"]
    assert "value" not in response.content.decode()


def test_superuser_sees_the_province_by_organization(client, approved):
    w = approved
    r = get(client, w, w.admin, "/api/analytics/query", indicator="tuyen_truyen_buoi", period=Q3, area="12", by="org")
    # phunu: 12 + 7; mttq: the commune's 30 (the province's own 3 counts only when no commune reported)
    assert values(r, "org") == {"phunu": 19, "mttq": 30}
    row = r.json()[0]
    assert row["reconstructed"] is False and row["as_of"] == "2023-09-30" and row["previous"]["period"] == "2023-Q2"
    # The whole country when no area is named; DHIS2 period codes are read too.
    assert values(get(client, w, w.admin, "/api/analytics/query", indicator="tuyen_truyen_buoi", period="2023Q3")) == {
        "tuyen_truyen_buoi": 49}


def test_each_role_sees_only_its_subtree(client, approved):
    w = approved
    q = dict(indicator="tuyen_truyen_buoi", period=Q3)
    # Entry user of phunu Đoàn Kết: defaults to their area, and only their unit's figures in it
    # (the MTTQ unit of the same commune reported 30: not theirs).
    assert values(get(client, w, w.entry, "/api/analytics/query", **q, by="org"), "org") == {"phunu": 12}
    assert values(get(client, w, w.entry, "/api/analytics/query", **q, area="03388")) == {"tuyen_truyen_buoi": 12}
    assert values(get(client, w, w.outsider, "/api/analytics/query", **q)) == {"tuyen_truyen_buoi": 30}
    assert values(get(client, w, w.viewer, "/api/analytics/query", **q, unit="phunu-03466")) == {"tuyen_truyen_buoi": 7}
    # The province approver of phunu sees phunu's whole tree, not MTTQ's.
    assert values(get(client, w, w.approver, "/api/analytics/query", **q, area="12", by="org"), "org") == {"phunu": 19}
    # The province MTTQ oversees every organization in its area.
    front = get_user_model().objects.create_user("mttq.tinh")
    Membership.objects.create(user=front, unit=w.units["mttq", "12"], role=Membership.Role.VIEW)
    w.tokens[front.username] = ApiToken.issue(front, "t")[1]
    assert values(get(client, w, front, "/api/analytics/query", **q, by="org"), "org") == {"phunu": 19, "mttq": 30}


def test_out_of_scope_areas_and_units_are_refused(client, approved):
    w = approved
    q = dict(indicator="tuyen_truyen_buoi", period=Q3)
    for user, area in ((w.entry, "03466"), (w.entry, "12"), (w.viewer, "03388"), (w.outsider, "12")):
        assert_error(get(client, w, user, "/api/analytics/query", **q, area=area), 403)
        assert_error(get(client, w, user, "/api/analytics/dashboard", period=Q3, area=area), 403)
        assert_error(get(client, w, user, "/api/analytics/completeness", period=Q3, area=area), 403)
    for user, unit in ((w.entry, "phunu-03466"), (w.viewer, "phunu-03388"), (w.outsider, "phunu-03388"),
                       (w.entry, "mttq-03388"), (w.entry, "khong-co")):
        assert_error(get(client, w, user, "/api/analytics/query", **q, unit=unit), 404)
    # A superuser is told what is wrong with a name.
    r = get(client, w, w.admin, "/api/analytics/query", **q, unit="khong-co")
    assert r.status_code == 400 and "khong-co" in r.json()["message"]
    # A user without any membership sees nothing.
    nobody = get_user_model().objects.create_user("khong.quyen")
    w.tokens[nobody.username] = ApiToken.issue(nobody, "t")[1]
    assert_error(get(client, w, nobody, "/api/analytics/query", **q), 403)
    assert_error(get(client, w, nobody, "/api/analytics/dashboard", period=Q3), 403)


def test_bad_questions_are_400_in_vietnamese(client, approved):
    w = approved
    for params in (dict(indicator="tuyen_truyen_buoi", period="2023-Q9"), dict(period=Q3),
                   dict(indicator="khong-co", period=Q3), dict(indicator="tuyen_truyen_buoi", period=Q3, org="khong-co"),
                   dict(indicator="tuyen_truyen_buoi", period=Q3, area="12", unit="phunu-12"),
                   dict(indicator="tuyen_truyen_buoi", period="2023-07", by="period")):
        r = get(client, w, w.admin, "/api/analytics/query", **params)
        assert r.status_code == 400, (params, r.content)
    assert get(client, w, w.admin, "/api/analytics/query", indicator="tuyen_truyen_buoi", period=Q3, by="tinh").status_code == 422


def test_submitted_reports_count_only_when_asked(client, world):
    w = world
    Report.objects.filter(unit=w.units["phunu", "03388"]).update(status=Report.Status.SUBMITTED)
    summary.rebuild()
    q = dict(indicator="tuyen_truyen_buoi", period=Q3)
    assert values(get(client, w, w.entry, "/api/analytics/query", **q)) == {"tuyen_truyen_buoi": None}
    assert values(get(client, w, w.entry, "/api/analytics/query", **q, include_submitted="true")) == {"tuyen_truyen_buoi": 12}


def test_a_merged_commune_is_reconstructed_from_its_predecessors(client, approved):
    w = approved
    end = REFORM - datetime.timedelta(days=1)
    Area.objects.filter(pk__in=[w.area_a.pk, w.area_b.pk]).update(valid_to=end)
    merged = Area.objects.create(code="03500", name="Hợp Nhất", kind=Area.Kind.COMMUNE, level=Area.Level.COMMUNE,
                                 parent=w.province, valid_from=REFORM)
    unit = Unit.objects.create(organization=w.phunu, code="phunu-03500", name="Hội LHPN xã Hợp Nhất", level=Unit.Level.COMMUNE,
                               area=merged, parent=w.units["phunu", "12"], valid_from=REFORM)
    for old in ("03388", "03466"):
        Unit.objects.filter(pk=w.units["phunu", old].pk).update(valid_to=end)
        AreaSuccession.objects.create(predecessor=Area.objects.get(code=old), successor=merged, share=1, effective_date=REFORM,
                                      kind="merge")
        UnitSuccession.objects.create(predecessor=w.units["phunu", old], successor=unit, share=1, effective_date=REFORM,
                                      kind="merge")
    r = get(client, w, w.admin, "/api/analytics/query", indicator="tuyen_truyen_buoi", period=Q3, area="03500",
            as_of=REFORM.isoformat(), org="phunu")
    assert r.status_code == 200, r.content
    [row] = r.json()
    assert row["value"] == 19 and row["reconstructed"] is True and row["as_of"] == "2025-07-01"
    dash = get(client, w, w.admin, "/api/analytics/dashboard", period=Q3, area="03500", as_of=REFORM.isoformat()).json()
    assert dash["reconstructed"] is True and dash["area"] == "03500"


def test_dashboard_and_completeness_are_scoped(client, approved):
    w = approved
    dash = get(client, w, w.admin, "/api/analytics/dashboard", period=Q3, area="12")
    assert dash.status_code == 200, dash.content
    body = dash.json()
    assert {o["org"] for o in body["organizations"]} == {"mttq", "phunu"}
    phunu = next(o for o in body["organizations"] if o["org"] == "phunu")
    assert {r["indicator"]: r["value"] for r in phunu["rows"]}["tuyen_truyen_buoi"] == 19
    assert len(body["trends"]) >= 1 and len(body["trends"][0]["points"]) == 8
    assert {c["org"]: c["expected"] for c in body["completeness"]} == {"mttq": 3, "phunu": 3}

    mine = get(client, w, w.entry, "/api/analytics/dashboard", period=Q3).json()
    assert mine["area"] == "03388" and {o["org"] for o in mine["organizations"]} == {"phunu"}
    assert {c["org"]: (c["expected"], c["approved"]) for c in mine["completeness"]} == {"phunu": (1, 1)}
    assert "29774" not in str(mine) and "30" not in {str(r["value"]) for o in mine["organizations"] for r in o["rows"]}

    comp = get(client, w, w.approver, "/api/analytics/completeness", period=Q3, area="12").json()
    assert comp == [{"org": "phunu", "label": "Hội LHPN", "period": Q3, "expected": 3, "draft": 0, "returned": 0,
                     "submitted": 0, "approved": 2, "missing": 1, "sent": 2, "sent_pct": pytest.approx(66.6667),
                     "approved_pct": pytest.approx(66.6667)}]


def test_values_are_read_from_the_database_not_hard_coded(client, approved):
    """Changing a stored figure changes the answer (the summary follows the report)."""
    w = approved
    dv = DataValue.objects.get(unit=w.units["phunu", "03388"], indicator=w.sessions, period=Q3)
    dv.value = Decimal("40")
    dv.save()
    summary.rebuild()
    assert values(get(client, w, w.entry, "/api/analytics/query", indicator="tuyen_truyen_buoi", period=Q3)) == {
        "tuyen_truyen_buoi": 40}
