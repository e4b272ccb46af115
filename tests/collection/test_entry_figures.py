"""The entry page reads the report's figures, the unit's earlier ones and the year's targets once
(giaoban.collection.entry.page_figures) for its jump rule, its plausibility flags and its rows'
context, which each read them before. The page is the same as the reference path's (each part
reading for itself) on randomized figures, on the database the suite runs on; and it reads them
once."""

from __future__ import annotations

import random
import re
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from giaoban.collection import views
from giaoban.collection.entry import Row, rows_html, stored_values
from giaoban.collection.models import DataValue, Report, Target
from giaoban.org.models import Area, Unit

from .conftest import PERIOD

PERIODS = ["2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3"]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def _page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return CSRF.sub("", response.content.decode())


def _units(tree) -> list[Unit]:
    units = [tree.units["phunu-a"], tree.units["phunu-b"]]
    for i in range(4):
        area = Area.objects.create(code=f"98{i:03d}", name=f"Xã So {i}", kind=Area.Kind.COMMUNE, level=Area.Level.COMMUNE,
                                   parent=tree.province)
        units.append(Unit.objects.create(organization=tree.orgs["phunu"], code=f"phunu-so-{i}", name=f"Hội LHPN xã So {i}",
                                         level=Unit.Level.COMMUNE, area=area, parent=tree.units["phunu-tinh"]))
    return units


def _fill(tree, units, rng) -> None:
    inds = [tree.indicators[c] for c in ("tuyen_truyen_buoi", "tuyen_truyen_luot_nguoi", "ket_nap_moi", "tong_hoi_vien")]
    for unit in units:
        for period in PERIODS:
            report, _ = Report.objects.get_or_create(unit=unit, period=period)
            for ind in inds:
                if rng.random() < 0.75:
                    # mostly ordinary figures, now and then one far above: jumps and peer flags
                    value = rng.choice([3, 5, 8, 12, 20, 40]) * (rng.choice([1, 1, 1, 30, 300]) if period == PERIOD else 1)
                    DataValue.objects.create(report=report, unit=unit, indicator=ind, period=period, value=Decimal(value),
                                             comment=rng.choice(["", "", "đúng: hội nghị lớn"]))
    for ind in inds:
        if rng.random() < 0.7:
            Target.objects.get_or_create(unit=tree.units["phunu-a"], indicator=ind, year=2025,
                                         defaults={"value": Decimal(rng.choice([1, 4, 40, 400]))})


def test_the_entry_page_is_the_reference_one_on_random_figures(tree, client, monkeypatch):
    client.force_login(tree.users["entry_a"])
    url = reverse("collection:entry", args=[tree.units["phunu-a"].pk, PERIOD])
    flagged, units = 0, _units(tree)
    for seed in range(6):
        DataValue.objects.all().delete()
        Target.objects.all().delete()
        _fill(tree, units, random.Random(seed))
        fast = _page(client, url)
        with monkeypatch.context() as m:
            # each part reads for itself, the report's figures as model objects
            m.setattr(views, "page_figures", lambda unit, period, report, inds: (stored_values(report, inds), None, None))
            reference = _page(client, url)
        assert fast == reference, seed
        flagged += fast.count("bất thường:")
    assert flagged  # the flags were there to compare, not only their absence


def test_the_entry_page_reads_the_unit_history_and_the_targets_once(tree, client):
    _fill(tree, _units(tree), random.Random(1))
    client.force_login(tree.users["entry_a"])
    url = reverse("collection:entry", args=[tree.units["phunu-a"].pk, PERIOD])
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    unit = str(tree.units["phunu-a"].pk)
    history = [q["sql"] for q in ctx.captured_queries if "FROM \"collection_datavalue\"" in q["sql"]
               and re.search(rf'"collection_datavalue"\."unit_id" = {unit}\b', q["sql"]) and " IN (" in q["sql"]]
    targets = [q["sql"] for q in ctx.captured_queries if "FROM \"collection_target\"" in q["sql"]]
    assert len(history) == 1, history
    assert len(targets) == 1, targets


def test_a_row_escapes_what_it_shows_as_django_does(tree):
    tricky = """<b>"Hội" & 'Đoàn'</b>"""
    ind = tree.indicators["tuyen_truyen_buoi"]
    row = Row(indicator=ind, value=None, text=tricky, qualifier="exact", comment=tricky, previous=tricky, last_year="—",
              target="—", progress="—", error=tricky, shown=tricky)
    rows_html([("Mục", [row])], editable=True, history_url=None)
    assert row.html.count(escape(tricky)) == 5, row.html  # the text, the note, the previous figure, the error, the reading
    assert tricky not in row.html
