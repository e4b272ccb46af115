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


# Digits that str.isdigit() takes and int() refuses (found by tests/security/test_web_fuzz.py).
NOT_ASCII_DIGITS = ["¹", "²³", "٣", "１２"]


@pytest.mark.parametrize("text", NOT_ASCII_DIGITS)
def test_a_version_or_unit_in_other_digits_is_not_500(tree, client, text):
    client.force_login(tree.users["approve_p"])
    unit = tree.units["mttq_a2"]
    for name in ("collection:approve", "collection:return"):
        r = client.post(reverse(name, args=[unit.pk, "2024-Q1"]), {"version": text, "reason": "Thiếu số liệu"})
        assert r.status_code < 500, (name, text, r.status_code)
    tree.reports["mttq_a2"].refresh_from_db()
    assert tree.reports["mttq_a2"].status == "submitted"  # a garbled version is a conflict: nothing approved
    r = client.get(reverse("collection:completeness"), {"unit": text, "period": "2024-Q1"})
    assert r.status_code == 404
    client.force_login(tree.users["entry_a1"])
    r = client.post(reverse("extraction:upload"), {"unit": text, "period": "2024-Q1"})
    assert r.status_code in (400, 404)


def test_parse_id_takes_only_ascii_digits():
    from giaoban.core.numbers import parse_id

    assert parse_id("42") == 42 and parse_id(" 7 ") == 7
    assert [parse_id(t) for t in NOT_ASCII_DIGITS + ["", None, "-1", "1.0", "9" * 19]] == [None] * 9
