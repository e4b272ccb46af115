"""The server's 'what changed' comparison: formatting is no change, a field only the officer
changed is saved on a stale version, a field both changed is a conflict with both values."""

from decimal import Decimal

from django.urls import reverse

from giaoban.collection import workflow
from giaoban.collection.models import DataValue, Report

from .conftest import PERIOD, login


def _post(client, tree, data, version):
    url = reverse("collection:autosave", args=[tree.units["phunu-a"].pk, PERIOD])
    return client.post(url, {"version": str(version), **data})


def _report(tree, **values):
    user = tree.users["entry_a"]
    report = workflow.get_or_create_report(tree.units["phunu-a"], PERIOD, user)
    workflow.save_values(report, user, values, expected_version=report.version,
                         narrative={"highlights": "Tổ chức 3 buổi."})
    return report


def test_formatting_is_no_change_even_on_an_old_version(client, tree):
    report = _report(tree, tuyen_truyen_buoi=5, co_so_vung_manh=Decimal("1.5"))
    login(client, tree.users["entry_a"])
    response = _post(client, tree, {"v-tuyen_truyen_buoi": "05", "v-co_so_vung_manh": "1,50",
                                    "highlights": "Tổ chức 3 buổi.\r\n"}, version=1)
    assert response.status_code == 200, response.json()
    report.refresh_from_db()
    assert report.version == 2  # nothing written
    assert response.json()["fields"]["v-tuyen_truyen_buoi"] == "5"


def test_own_change_saved_on_a_stale_version_others_kept(client, tree):
    report = _report(tree, tuyen_truyen_buoi=5)
    login(client, tree.users["entry_a"])
    # the page read 5 for the sessions and nothing for new members; someone saved 5 again meanwhile
    response = _post(client, tree, {"v-ket_nap_moi": "4", "was-v-ket_nap_moi": "",
                                    "v-tuyen_truyen_buoi": "5", "was-v-tuyen_truyen_buoi": "3"}, version=1)
    assert response.status_code == 200, response.json()
    values = dict(DataValue.objects.filter(report=report).values_list("indicator__code", "value"))
    assert values == {"tuyen_truyen_buoi": 5, "ket_nap_moi": 4}


def test_both_changed_is_a_conflict_with_both_values(client, tree):
    report = _report(tree, tuyen_truyen_buoi=7)
    login(client, tree.users["entry_a"])
    response = _post(client, tree, {"v-tuyen_truyen_buoi": "12", "was-v-tuyen_truyen_buoi": "",
                                    "v-ket_nap_moi": "4", "was-v-ket_nap_moi": ""}, version=1)
    assert response.status_code == 409
    body = response.json()
    assert body["conflicts"] == [{"name": "v-tuyen_truyen_buoi", "label": "Buổi tuyên truyền", "mine": "12", "theirs": "7"}]
    values = dict(DataValue.objects.filter(report=report).values_list("indicator__code", "value"))
    assert values == {"tuyen_truyen_buoi": 7, "ket_nap_moi": 4}  # hers saved where nobody else wrote
    # keeping hers: sent again with what is saved now as what the page read
    response = _post(client, tree, {"v-tuyen_truyen_buoi": "12", "was-v-tuyen_truyen_buoi": "7"}, version=body["version"])
    assert response.status_code == 200
    assert DataValue.objects.get(report=report, indicator__code="tuyen_truyen_buoi").value == 12


def test_whole_form_without_script_on_a_stale_version(client, tree):
    report = _report(tree, tuyen_truyen_buoi=7)
    login(client, tree.users["entry_a"])
    url = reverse("collection:entry", args=[tree.units["phunu-a"].pk, PERIOD])
    response = client.post(url, {"version": "1", "v-tuyen_truyen_buoi": "12", "action": "save"})
    assert response.status_code == 409
    html = response.content.decode()
    assert 'data-mine="12"' in html and 'data-theirs="7"' in html
    assert Report.objects.get(pk=report.pk).version == 2


def test_a_sent_report_looks_read_only(client, tree):
    report = _report(tree, tuyen_truyen_buoi=5)
    workflow.submit(report, tree.users["entry_a"])
    login(client, tree.users["entry_a"])
    html = client.get(reverse("collection:entry", args=[tree.units["phunu-a"].pk, PERIOD])).content.decode()
    assert 'class="entry readonly"' in html and "đang chờ cấp trên duyệt: chỉ xem" in html
