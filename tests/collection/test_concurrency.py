"""Two people saving the same report at the same moment (real threads, real transactions):
exactly one save wins, the other gets the conflict message, nothing is overwritten silently."""

import threading
from decimal import Decimal

import pytest

from giaoban.collection import workflow as wf
from giaoban.collection.models import DataValue, Report

from .conftest import PERIOD, build_tree


@pytest.mark.slow
def test_simultaneous_saves_one_wins_one_conflicts(transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    tree = build_tree()
    unit, user = tree.units["phunu-a"], tree.users["entry_a"]
    report = wf.get_or_create_report(unit, PERIOD, user)
    barrier = threading.Barrier(8)
    outcomes = []

    def save(n):
        from django.db import connection as conn

        try:
            mine = Report.objects.get(pk=report.pk)
            barrier.wait()
            wf.save_values(mine, user, {"tuyen_truyen_buoi": {"value": Decimal(n)}}, expected_version=1)
            outcomes.append(("ok", n))
        except wf.ConflictError as exc:
            outcomes.append(("conflict", exc.message))
        except Exception as exc:  # noqa: BLE001 - any other failure is a test failure below
            outcomes.append(("error", repr(exc)))
        finally:
            conn.close()

    threads = [threading.Thread(target=save, args=(n,)) for n in range(1, 9)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    kinds = sorted(k for k, _ in outcomes)
    assert kinds == ["conflict"] * 7 + ["ok"], outcomes
    winner = next(n for k, n in outcomes if k == "ok")
    assert DataValue.objects.get(report=report).value == winner
    assert Report.objects.get(pk=report.pk).version == 2
    assert all("người khác cập nhật" in m for k, m in outcomes if k == "conflict")
