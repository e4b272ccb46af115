"""Bad input at the edge is a 400 with a Vietnamese message, never a 500 (issue 20, finding 6)."""

import pytest
from django.urls import reverse

from giaoban.api.models import ApiToken

from .tree import build_tree

BAD_PERIODS = ["1900-Y", "1900", "0001-Q1", "9999-Q4", "2024-Q9", "2024-13", "x" * 500, "2024-Q1\x00"]
HUGE = "99999999999999999999"


@pytest.fixture
def tree(db):
    return build_tree()


def _token(tree):
    return {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(tree.users['admin'], 't')[1]}"}


@pytest.mark.parametrize("period", BAD_PERIODS)
def test_pages_answer_a_bad_period_with_400_in_vietnamese(tree, client, period):
    client.force_login(tree.users["admin"])
    for name in ("analytics:dashboard", "collection:completeness", "analytics:pivot"):
        r = client.get(reverse(name), {"period": period})
        assert r.status_code == 400, (name, period, r.status_code)
        assert "Kỳ" in r.content.decode() or "kỳ" in r.content.decode(), (name, period)


@pytest.mark.parametrize("period", BAD_PERIODS)
def test_the_analytics_api_answers_a_bad_period_with_400(tree, client, period):
    for path in ("/api/analytics/dashboard", "/api/analytics/completeness", "/api/analytics/query"):
        r = client.get(path, {"period": period, "indicator": "tuyen_truyen_buoi"}, **_token(tree))
        assert r.status_code == 400, (path, period, r.status_code, r.content[:200])
        assert r.json()["message"]


@pytest.mark.parametrize("path", ["/api/reports", "/api/datavalues", "/api/tasks", "/api/meetings"])
@pytest.mark.parametrize("param", ["offset", "limit"])
def test_huge_offsets_and_limits_are_400(tree, client, path, param):
    r = client.get(path, {param: HUGE}, **_token(tree))
    assert r.status_code in (400, 422), (path, param, r.status_code)
    r = client.get(path, {param: "-1"}, **_token(tree))
    assert r.status_code in (400, 422), (path, param, r.status_code)
    assert r.json()["message"]


@pytest.mark.parametrize("path", ["/api/reports/{}", "/api/meetings/{}", "/api/tasks/{}"])
def test_huge_ids_are_not_500(tree, client, path):
    r = client.get(path.format(HUGE), **_token(tree))
    assert r.status_code in (400, 404, 422), (path, r.status_code)


@pytest.mark.parametrize("url", ["/bao-cao/{huge}/2024-Q1/", "/phan-tich/?period=2024-Q1&area={huge}",
                                 "/bao-cao/tien-do/?unit={huge}", "/meetings/{huge}/"])
def test_huge_ids_in_pages_are_not_500(tree, client, url):
    client.force_login(tree.users["admin"])
    r = client.get(url.format(huge=HUGE))
    assert r.status_code in (400, 404), (url, r.status_code)
