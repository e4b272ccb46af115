"""Import of an official list of changes: the real Lai Châu 2025 list, and clear errors."""

import datetime
import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from giaoban.org import lai_chau_areas as lai_chau
from giaoban.demo.load import ORGANIZATIONS, LAST_DAY_BEFORE_REFORM
from giaoban.textfigures.normalize import lower_first
from giaoban.org import lineage, operations
from giaoban.org.importer import ImportFailed, plan_file
from giaoban.org.lai_chau import OUTPUT, render
from giaoban.org.models import BEGINNING, Area, Organization, Unit
from tests.org.factories import make_tree, tree_as_of

pytestmark = pytest.mark.django_db
D = datetime.date
HEADER = "mã cũ,mã mới,ngày hiệu lực,loại,tỷ lệ,tên mới,loại địa bàn mới,mã cấp trên mới\n"


def pre_reform_tree(with_units: bool = True):
    """Lai Châu as of 2025-06-30: the province, 8 districts, 106 communes (and the six
    organizations' units), without anything of 2025."""
    districts, old, _ = lai_chau.load()
    province = Area.objects.create(code="12", name="Lai Châu", kind="tinh", level=1, valid_from=BEGINNING)
    dist = {d.code: Area.objects.create(code=d.code, name=d.name, kind=d.kind, level=2, parent=province,
                                        valid_from=BEGINNING, valid_to=LAST_DAY_BEFORE_REFORM) for d in districts}
    comm = {c.code: Area.objects.create(code=c.code, name=c.name, kind=c.kind, level=3, parent=dist[c.district_code],
                                        valid_from=lai_chau.OLD_COMMUNES_FROM, valid_to=LAST_DAY_BEFORE_REFORM) for c in old}
    if with_units:
        for order, (code, name, short, prov_name, dist_name, comm_name) in enumerate(ORGANIZATIONS):
            org = Organization.objects.create(code=code, name=name, short_name=short, sort_order=order)
            top = Unit.objects.create(organization=org, code=f"{code}-12", name=prov_name.format(p="Lai Châu"), level=1, area=province)
            units = {}
            for dcode, area in dist.items():
                units[dcode] = Unit.objects.create(organization=org, code=f"{code}-{dcode}", level=2, area=area, parent=top,
                                                   name=dist_name.format(d=lower_first(area.full_name)), valid_to=LAST_DAY_BEFORE_REFORM)
            for ccode, area in comm.items():
                Unit.objects.create(organization=org, code=f"{code}-{ccode}", level=3, area=area, parent=units[area.parent.code],
                                    name=comm_name.format(c=lower_first(area.full_name)), valid_from=area.valid_from,
                                    valid_to=LAST_DAY_BEFORE_REFORM)
    return province


def test_shipped_list_is_generated_from_the_demo_tables():
    assert OUTPUT.read_text(encoding="utf-8") == render()


def test_dry_run_of_lai_chau_plans_106_to_38_as_the_demo_has_it():
    pre_reform_tree()
    plan = plan_file(OUTPUT, cascade_units=True)
    _, old, new = lai_chau.load()
    s = plan.summary()
    assert (s["areas_closed"], s["areas_created"], s["area_links"]) == (106 + 8, 38, 106)
    assert (s["units_closed"], s["units_created"], s["unit_links"]) == (6 * (106 + 8), 6 * 38, 6 * 106)
    created = {r.code: r for r in plan.creates if r.model == "area"}
    province_id = Area.objects.get(code="12").pk
    assert {(c.code, c.name, c.kind) for c in new} == {(r.code, r.name, r.kind) for r in created.values()}
    assert all(r.parent == province_id and r.valid_from == lai_chau.REFORM_DATE for r in created.values())
    ids = dict(Area.objects.values_list("pk", "code"))
    preds = {}
    for link in plan.links:
        if link["model"] == "area":
            succ = next(r for r in plan.creates if r.ref == link["successor"])
            preds.setdefault(succ.code, set()).add(ids[link["predecessor"]])
            assert link["share"] == "1"
    assert preds == {c.code: set(c.predecessor_codes) for c in new}
    # Units follow the demo's names: 'Hội LHPN phường Đoàn Kết', code 'phunu-03388', under the province unit.
    units = {(r.code, r.name) for r in plan.creates if r.model == "unit"}
    assert ("phunu-03388", "Hội LHPN phường Đoàn Kết") in units
    assert ("mttq-03433", "Ủy ban MTTQ Việt Nam xã Mường Tè") not in units  # 03433 was thị trấn Mường Tè
    assert len(units) == 228
    assert Area.objects.count() == 1 + 8 + 106  # a dry run saves nothing


def test_applying_lai_chau_list_gives_doan_ket_its_five_predecessors():
    pre_reform_tree(with_units=False)
    batch = operations.apply(plan_file(OUTPUT), None, title="NQ 1670")
    doan_ket = lineage.resolve_area("phường Đoàn Kết", D(2026, 1, 1))
    assert len(lineage.predecessors_at(doan_ket, D(2024, 12, 31))) == 5
    assert tree_as_of("12", D(2026, 1, 1)).count() == 1 + 38
    assert tree_as_of("12", D(2024, 12, 31)).count() == 1 + 8 + 106
    operations.revert(batch, None)
    assert Area.objects.count() == 1 + 8 + 106


def write(tmp_path, body, name="changes.csv", header=HEADER):
    path = tmp_path / name
    path.write_text(header + body, encoding="utf-8")
    return path


def issues(path):
    with pytest.raises(ImportFailed) as err:
        plan_file(path)
    return [str(i) for i in err.value.issues]


def test_unknown_codes_are_reported_with_row_and_column(tmp_path):
    make_tree()
    path = write(tmp_path, "C1,N,2023-01-01,sáp nhập,1,Tân An,xã,D1\nC7,N,2023-01-01,sáp nhập,1,Tân An,xã,D1\nC2,N,2023-01-01,sáp nhập,1,Tân An,xã,D9\n")
    assert issues(path) == [
        "Dòng 3, cột 'mã cũ': không có địa bàn mã 'C7'.",
        "Dòng 4, cột 'mã cấp trên mới': không có địa bàn mã 'D9' có hiệu lực ngày 01/01/2023.",
    ]
    assert Area.objects.count() == 7


def test_cycles_are_reported(tmp_path):
    make_tree()
    path = write(tmp_path, "C1,C2,2023-01-01,merge,1,,,\nC2,C1,2023-01-01,merge,1,,,\n")
    assert any("vòng lặp giữa các mã C1 → C2 → C1" in i for i in issues(path))
    # Moving a district under its own commune is a cycle too.
    path = write(tmp_path, "D1,D1,2023-01-01,move,,,,C1\n", name="move.csv")
    assert any(i.startswith("Dòng 2, cột 'mã cấp trên mới'") and "vòng lặp" in i.lower() for i in issues(path))


def test_split_shares_must_add_up(tmp_path):
    make_tree()
    path = write(tmp_path, "C3,C3a,01/01/2023,chia tách,\"0,4\",Cường Bắc,xã,\nC3,C3b,01/01/2023,chia tách,50%,Cường Nam,xã,\n")
    assert issues(path) == ["Dòng 2, cột 'tỷ lệ': tổng tỷ lệ chia tách mã 'C3' (các dòng 2, 3) là 0.9, phải bằng 1."]
    path = write(tmp_path, "C3,C3a,01/01/2023,chia tách,\"0,4\",Cường Bắc,xã,\nC3,C3b,01/01/2023,chia tách,60%,Cường Nam,xã,\n", name="ok.csv")
    plan = plan_file(path)
    assert sorted(Decimal(link["share"]) for link in plan.links) == [Decimal("0.4"), Decimal("0.6")]


def test_dates_before_the_old_unit_existed(tmp_path):
    make_tree()
    path = write(tmp_path, "C1,C1,2019-05-01,đổi tên,,An Mới,,\n")
    assert issues(path) == [
        "Dòng 2, cột 'ngày hiệu lực': ngày hiệu lực 01/05/2019 không sau ngày xã An (mã C1) bắt đầu có hiệu lực (01/01/2020)."]


def test_bad_cells_and_missing_columns(tmp_path):
    make_tree()
    path = write(tmp_path, "C1,N,32/13/2023,gộp,abc,,,\n")
    assert issues(path) == [
        "Dòng 2, cột 'loại': 'gộp' không phải loại thay đổi (sáp nhập, chia tách, đổi tên, chuyển, giải thể, thành lập).",
        "Dòng 2, cột 'ngày hiệu lực': '32/13/2023' không phải ngày (viết 01/07/2025 hoặc 2025-07-01).",
        "Dòng 2, cột 'tỷ lệ': 'abc' không phải số (viết 0,4 hoặc 40%).",
    ]
    path = write(tmp_path, "C1,N\n", header="mã cũ,mã mới\n", name="short.csv")
    assert issues(path) == ["Dòng 1: thiếu cột 'ngày hiệu lực', 'loại' (cần: mã cũ, mã mới, ngày hiệu lực, loại, tỷ lệ)."]


def test_english_headers_and_xlsx(tmp_path):
    from openpyxl import Workbook

    make_tree()
    book = Workbook()
    sheet = book.active
    sheet.append(["old_code", "new_code", "effective_date", "kind", "share", "new_name", "new_kind", "new_parent"])
    sheet.append(["C1", "N", datetime.datetime(2023, 1, 1), "merge", 1, "Tân An", "xã", None])
    sheet.append(["C2", "N", datetime.datetime(2023, 1, 1), "merge", 1, "Tân An", "xã", None])
    path = tmp_path / "changes.xlsx"
    book.save(path)
    plan = plan_file(path)
    assert [(r.code, r.name, r.parent) for r in plan.creates] == [("N", "Tân An", Area.objects.get(code="D1").pk)]


def test_command_dry_run_json_and_apply(tmp_path):
    make_tree()
    path = write(tmp_path, "C1,N,2023-01-01,sáp nhập,1,Tân An,xã,\nC2,N,2023-01-01,sáp nhập,1,Tân An,xã,\n")
    out = StringIO()
    call_command("restructure", "import", str(path), "--dry-run", "--format", "json", "--cascade-units", stdout=out)
    data = json.loads(out.getvalue())
    assert data["ok"] and data["dry_run"] and data["summary"]["areas_created"] == 1 and data["summary"]["units_created"] == 1
    assert not Area.objects.filter(code="N").exists()
    out = StringIO()
    call_command("restructure", "import", str(path), stdout=out)
    assert "Đã áp dụng" in out.getvalue() and Area.objects.filter(code="N").exists()
    bad = write(tmp_path, "C9,N,2023-01-01,sáp nhập,1,Tân An,xã,\n", name="bad.csv")
    with pytest.raises(CommandError, match="Dòng 2, cột 'mã cũ'"):
        call_command("restructure", "import", str(bad), "--dry-run", stdout=StringIO())
