"""Dashboard and pivot pages through Django's test client, including access out of scope."""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model

from giaoban.collection.models import Membership


@pytest.fixture
def data(world):
    w = world
    w.put(w.U1, "2024-Q4", {"buoi": 40})
    w.put(w.U2, "2024-Q4", {"buoi": 4})
    w.put(w.U3, "2024-Q4", {"buoi": 50})
    w.put(w.UN, "2025-Q4", {"buoi": 60})
    return w


def login(client, username, unit=None, superuser=False):
    user = get_user_model().objects.create_user(username, password="x" * 12, is_superuser=superuser)
    if unit is not None:
        Membership.objects.create(user=user, unit=unit, role="view")
    client.force_login(user)
    return user


def test_dashboard_for_admin(client, data):
    login(client, "admin", superuser=True)
    r = client.get("/phan-tich/", {"period": "2025-Q4", "area": "N"})
    assert r.status_code == 200
    html = r.content.decode()
    assert "Hội LHPN" in html and "Buổi tuyên truyền" in html
    assert "44*" in html            # 2024-Q4 of the merged commune, reconstructed
    assert "<svg" in html


def test_dashboard_out_of_scope_is_forbidden(client, data):
    login(client, "xa.bon", unit=data.US1)
    assert client.get("/phan-tich/", {"period": "2025-Q4"}).status_code == 200     # own area by default
    assert client.get("/phan-tich/", {"period": "2025-Q4", "area": "N"}).status_code == 403
    assert client.get("/phan-tich/bang-tong-hop/", {"period": "2025-Q4", "area": "P", "indicator": "buoi"}).status_code == 403


def test_anonymous_is_sent_to_login(client, data):
    assert client.get("/phan-tich/").status_code == 302


def test_pivot_and_exports(client, data):
    login(client, "admin", superuser=True)
    params = {"period": "2024-Q4", "area": "D", "rows": "area", "cols": "org", "indicator": "buoi"}
    r = client.get("/phan-tich/bang-tong-hop/", params)
    assert r.status_code == 200 and "Phường Ba" in r.content.decode()
    rows = list(csv.reader(io.StringIO(client.get("/phan-tich/bang-tong-hop/", {**params, "export": "csv"}).content.decode("utf-8-sig"))))
    assert rows[1:] == [["Phường Một", "40", "40"], ["Xã Hai", "4", "4"], ["Phường Ba", "50", "50"], ["Tổng", "94", "94"]]
    xlsx = client.get("/phan-tich/bang-tong-hop/", {**params, "export": "xlsx"})
    ws = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    assert [c.value for c in ws[ws.max_row]] == ["Tổng", 94, 94]


def test_pivot_error_in_vietnamese(client, data):
    login(client, "admin", superuser=True)
    r = client.get("/phan-tich/bang-tong-hop/", {"period": "2024-Q9"})
    assert "không hợp lệ" in r.content.decode()


def test_dashboard_defaults_to_the_latest_quarter_with_approved_reports(client, data):
    # Today's previous quarter has no reports in this data: the page opens on 2025-Q4.
    from giaoban.analytics.views import default_period

    assert default_period().code == "2025-Q4"
    login(client, "admin2", superuser=True)
    assert "Quý IV/2025" in client.get("/phan-tich/").content.decode()


def _suggested(html: str) -> set[str]:
    import re

    box = re.search(r'<datalist id="area-options">(.*?)</datalist>', html, re.S).group(1)
    return set(re.findall(r'<option value="[^"]+" data-code="([^"]+)">', box))  # names offered, codes checked


def test_area_box_suggests_the_tree_of_the_period_within_scope(client, data):
    login(client, "admin", superuser=True)
    # 2025-Q4: the province and its communes standing then; the former district and its communes are gone
    assert _suggested(client.get("/phan-tich/", {"period": "2025-Q4", "area": "P"}).content.decode()) == {"P", "N", "S1", "S2"}
    # 2024-Q4 on the province: the district of then and its communes
    assert _suggested(client.get("/phan-tich/", {"period": "2024-Q4", "area": "P"}).content.decode()) >= {"P", "D", "C1", "C2", "C3"}
    # a commune's user sees only their commune suggested (nothing above or beside it)
    client.logout()
    login(client, "xa.bon", unit=data.US1)
    html = client.get("/phan-tich/bang-tong-hop/", {"period": "2025-Q4", "indicator": "buoi"}).content.decode()
    assert _suggested(html) == {"S1"}
