"""DHIS2 dataValueSets: period conversion, reading, the round trip, the documentation's example,
atomic refusal of unknown codes."""

import io
import json

import pytest
from django.core.management import call_command

from giaoban.dhis2.models import Dhis2Mapping
from giaoban.audit.models import AuditEntry
from giaoban.collection.models import DataValue, Report
from giaoban.core.periods import PeriodError
from giaoban.dhis2.format import PayloadError, from_dhis2_period, parse_csv, parse_json, to_dhis2_period
from giaoban.dhis2.service import export_values, import_data_value_set
from tests.api.conftest import snapshot


@pytest.mark.parametrize(
    "ours, theirs",
    [("2023-Q3", "2023Q3"), ("2023-H1", "2023S1"), ("2023-H2", "2023S2"), ("2023-07", "202307"), ("2023-12", "202312"), ("2023", "2023"), ("2026-W49", "2026W49"), ("2026-W01", "2026W1")],
)
def test_period_conversion_both_ways(ours, theirs):
    assert to_dhis2_period(ours) == theirs
    assert from_dhis2_period(theirs) == ours


@pytest.mark.parametrize("bad", ["2023Q5", "202313", "2023S3", "2023W54", "2023W53", "Q3", ""])
def test_bad_dhis2_periods_are_refused(bad):
    with pytest.raises(PeriodError):
        from_dhis2_period(bad)


def test_nine_months_has_no_dhis2_period():
    with pytest.raises(PeriodError, match="9 tháng"):
        to_dhis2_period("2023-9M")


def test_json_header_defaults_apply_to_values():
    dvs = parse_json({"period": "201401", "orgUnit": "OU", "dataValues": [{"dataElement": "a", "value": 1},
                                                                         {"dataElement": "b", "value": "2", "period": "201402"}]})
    assert [(v.dataElement, v.period, v.orgUnit, v.value) for v in dvs.values] == [("a", "201401", "OU", "1"), ("b", "201402", "OU", "2")]


def test_csv_with_dhis2_header_names_and_without_header():
    with_header = 'dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup\n' \
                  'de1,202307,ou1,,,"5",admin,2023-08-01,"a, b",false\n'
    without = 'de1,202307,ou1,,,5,admin,2023-08-01,"a, b",false\n'
    for text in (with_header, without):
        (v,) = parse_csv(text).values
        assert (v.dataElement, v.period, v.orgUnit, v.value, v.comment) == ("de1", "202307", "ou1", "5", "a, b")


def test_malformed_payloads_name_the_place():
    with pytest.raises(PayloadError, match="dòng 1"):
        parse_json('{"dataValues": [}')
    with pytest.raises(PayloadError, match="dòng 2"):
        parse_csv("dataElement,period,orgUnit,value\nonly,two\n")


def test_a_large_json_file_read_a_slice_at_a_time_gives_what_a_whole_read_gives(monkeypatch):
    """An import reads a large JSON file's values a slice at a time (the first ones are written
    while the rest are still text). Cuts that fall inside a string or a nested value, defaults
    before the values, a bare list, broken files (the same error, line and column) and values that
    are not objects read exactly as one json.loads would; two value lists are refused."""
    from giaoban.dhis2 import format as dhis2_format

    monkeypatch.setattr(dhis2_format, "_SLICE", 16)  # a cut every few values
    items = [{"dataElement": "a},{b", "period": "202401", "orgUnit": "ou", "value": "1"},
             {"dataElement": "c", "orgUnit": 'x"},{"y', "value": 2, "comment": "}, {\"dataElement\": \"z\"}"},
             {"dataElement": "d", "value": "3", "nested": {"a": [1, {"b": "},"}]}, "followup": True},
             {"dataElement": "e", "value": "4"}] * 3
    documents = [json.dumps({"dataSet": "ds", "period": "202402", "orgUnit": "ou0", "dataValues": items}, indent=1),
                 json.dumps(items), json.dumps({"dataValues": items, "period": "202403"}),
                 json.dumps({"dataValues": []}), json.dumps({"dataValues": items})[:-40] + "}",
                 json.dumps({"dataValues": items}).replace('"e", "value"', '"e" "value"'),
                 json.dumps({"dataValues": items}).replace("}, {", "}, ,{", 1),
                 json.dumps({"dataValues": [*items, 7]})]

    def read(text, lazy):
        try:
            dvs = parse_json(text, lazy=lazy)
            return [(v.as_dict(), v.index) for v in dvs.values], dvs.data_set
        except PayloadError as exc:
            return str(exc)

    assert all(dhis2_format._streamed(text) is not None for text in documents[:2])  # read in slices
    for text in documents:
        assert read(text, True) == read(text, False), text
    assert read(documents[0], True)[0][1] == ({"dataElement": "c", "period": "202402", "orgUnit": 'x"},{"y', "value": "2",
                                               "comment": '}, {"dataElement": "z"}', "followup": False}, 1)
    assert "dòng" in read(documents[4], True)
    twice = json.dumps({"dataValues": items})[:-1] + ', "dataValues": []}'
    assert "'dataValues' xuất hiện nhiều lần" in read(twice, True)


def test_a_refusal_in_a_later_chunk_leaves_nothing_of_the_earlier_ones(world, monkeypatch):
    """A large import is written a chunk at a time in one transaction: the first chunk is in the
    table when a row of the second is refused (its report approved meanwhile), and the refusal
    undoes it: nothing saved, no report made, the Vietnamese message naming the row and field."""
    from giaoban.collection import bulk
    from giaoban.dhis2 import format as dhis2_format

    monkeypatch.setattr(dhis2_format, "_SLICE", 64)
    monkeypatch.setattr(bulk, "FIRST_CHUNK_SIZE", 2)
    merged = []
    merge = bulk._ChunkWriter._merge
    monkeypatch.setattr(bulk._ChunkWriter, "_merge", lambda self, keyed: (merged.append(len(keyed)), merge(self, keyed)))
    report = world.reports["phunu", "03388", "2023-Q3"]
    Report.objects.filter(pk=report.pk).update(status=Report.Status.APPROVED)
    before, reports = snapshot(), Report.objects.count()
    values = [{"dataElement": "tuyen_truyen_buoi", "orgUnit": "phunu-03388", "period": f"2024{m:02d}", "value": str(m)}
              for m in range(1, 13)]
    values.insert(7, {"dataElement": "tuyen_truyen_luot", "orgUnit": "phunu-03388", "period": "2023Q3", "value": "9"})
    text = json.dumps({"dataValues": values}, indent=1)
    summary = import_data_value_set(text, "json", source_name="lon.json").as_dict()
    assert summary["status"] == "ERROR"
    assert merged == [2]  # the first chunk was written, then the second refused
    (conflict,) = summary["conflicts"]
    assert (conflict["property"], conflict["object"], conflict["indexes"]) == ("period", "phunu-03388/2023-Q3", [7])
    assert "Báo cáo của đơn vị phunu-03388 kỳ 2023-Q3 đã duyệt; không ghi được số liệu" in conflict["value"]
    assert snapshot() == before
    assert Report.objects.count() == reports
    assert not Report.objects.filter(period__startswith="2024-").exists()


def _empty_database():
    DataValue.objects.all().delete()
    Report.objects.all().delete()


@pytest.mark.parametrize("fmt", ["json", "csv", "xml"])
def test_round_trip_export_then_import_into_empty_database(world, fmt, tmp_path):
    before = {row for row in snapshot() if row[2] in ("2023-Q3", "2023-07")}
    assert len(before) == 10
    path = tmp_path / f"q3.{fmt}"
    call_command("export", "dhis2", "--period", "2023Q3", "--format", fmt, "-o", str(path))
    _empty_database()
    out = io.StringIO()
    call_command("import", "dhis2", str(path), "--format", "json", stdout=out)
    summary = json.loads(out.getvalue())
    assert summary["status"] == "SUCCESS", summary
    assert summary["importCount"] == {"imported": 10, "updated": 0, "ignored": 0, "deleted": 0}
    assert snapshot() == before
    assert Report.objects.filter(status=Report.Status.DRAFT).count() == 5
    # importing the same file again changes nothing
    out = io.StringIO()
    call_command("import", "dhis2", str(path), "--format", "json", stdout=out)
    assert json.loads(out.getvalue())["importCount"] == {"imported": 0, "updated": 0, "ignored": 10, "deleted": 0}


def test_export_filters_by_area_and_never_shows_out_of_scope_units(world):
    in_area = list(export_values("2023-Q3", area="03466"))
    assert {v["orgUnit"] for v in in_area} == {"phunu-03466"}
    seen = list(export_values("2023-Q3", user=world.viewer))
    assert {v["orgUnit"] for v in seen} == {"phunu-03466"}


def test_documentation_example_with_mapped_uids(world):
    """The shape of the dataValueSets example in DHIS2's web API documentation."""
    Dhis2Mapping.objects.create(kind="indicator", code="tuyen_truyen_buoi", dhis2_id="f7n9E0hX8qk")
    Dhis2Mapping.objects.create(kind="indicator", code="tuyen_truyen_luot", dhis2_id="Ix2HsbDMLea")
    Dhis2Mapping.objects.create(kind="indicator", code="du_no", dhis2_id="eY5ehpbEsB7")
    Dhis2Mapping.objects.create(kind="unit", code="phunu-03466", dhis2_id="DiszpKrYNg8")
    payload = """{
      "dataSet": "pBOMPrpg1QX",
      "completeDate": "2014-02-03",
      "period": "201401",
      "orgUnit": "DiszpKrYNg8",
      "attributeOptionCombo": "HllvX50cXC0",
      "dataValues": [
        { "dataElement": "f7n9E0hX8qk", "value": "12" },
        { "dataElement": "Ix2HsbDMLea", "value": "14" },
        { "dataElement": "eY5ehpbEsB7", "value": "16", "comment": "Ghi chú" }
      ]
    }"""
    summary = import_data_value_set(payload, "json").as_dict()
    assert summary["status"] == "SUCCESS", summary
    assert summary["importCount"]["imported"] == 3
    stored = {(v.indicator.code, v.unit.code, v.period, int(v.value), v.comment)
              for v in DataValue.objects.filter(period="2014-01").select_related("indicator", "unit")}
    assert stored == {("tuyen_truyen_buoi", "phunu-03466", "2014-01", 12, ""), ("tuyen_truyen_luot", "phunu-03466", "2014-01", 14, ""),
                      ("du_no", "phunu-03466", "2014-01", 16, "Ghi chú")}
    # exported with the same UIDs
    exported = {(v["dataElement"], v["orgUnit"], v["period"], v["value"]) for v in export_values("201401")}
    assert ("f7n9E0hX8qk", "DiszpKrYNg8", "201401", "12") in exported


def test_unknown_codes_refuse_the_whole_payload_with_one_conflict_each(world):
    before = snapshot()
    audits = AuditEntry.objects.count()
    payload = {"period": "2023Q4", "dataValues": [
        {"dataElement": "tuyen_truyen_buoi", "orgUnit": "phunu-03388", "value": "5"},  # valid
        {"dataElement": "khong_co", "orgUnit": "phunu-03388", "value": "1"},
        {"dataElement": "khong_co", "orgUnit": "phunu-03466", "value": "2"},
        {"dataElement": "tuyen_truyen_buoi", "orgUnit": "XXXX", "value": "3"},
        {"dataElement": "tuyen_truyen_buoi", "orgUnit": "phunu-03388", "period": "2023Q9", "value": "3"},
    ]}
    summary = import_data_value_set(json.dumps(payload), "json").as_dict()
    assert summary["status"] == "ERROR"
    assert summary["importCount"] == {"imported": 0, "updated": 0, "ignored": 5, "deleted": 0}
    conflicts = {c["object"]: c for c in summary["conflicts"]}
    assert set(conflicts) == {"khong_co", "XXXX", "2023Q9"}
    assert conflicts["khong_co"]["indexes"] == [1, 2] and conflicts["khong_co"]["property"] == "dataElement"
    assert "khong_co" in conflicts["khong_co"]["value"]
    assert snapshot() == before
    assert not Report.objects.filter(period="2023-Q4").exists()
    assert AuditEntry.objects.count() == audits


def test_a_file_broken_after_valid_rows_saves_nothing_and_names_the_line(world):
    """The values are read while the first ones are written: a short row near the end still
    refuses the whole file, with its line."""
    before = snapshot()
    lines = ["dataElement,period,orgUnit,value"]
    lines += [f"tuyen_truyen_buoi,2024{m:02d},phunu-03388,{m}" for m in range(1, 13)]
    lines += ["tuyen_truyen_buoi,2024Q4"]
    summary = import_data_value_set("\n".join(lines) + "\n", "csv", source_name="cut.csv").as_dict()
    assert summary["status"] == "ERROR"
    (conflict,) = summary["conflicts"]
    assert conflict["object"] == "cut.csv" and "dòng 14" in conflict["value"]
    assert snapshot() == before
    assert not Report.objects.filter(period__startswith="2024-").exists()


def test_bad_values_and_rules_refuse_everything(world):
    cases = [
        ({"dataElement": "tuyen_truyen_buoi", "orgUnit": "phunu-03388", "period": "2023Q4", "value": "mười"}, "mười"),
        ({"dataElement": "tuyen_truyen_buoi", "orgUnit": "phunu-03388", "period": "2023Q4", "value": "2.5"}, "2.5"),  # integer
        ({"dataElement": "tuyen_truyen_buoi", "orgUnit": "phunu-03400", "period": "2023Q4", "value": "1"}, "phunu-03400"),  # closed unit
        ({"dataElement": "tuyen_truyen_buoi", "orgUnit": "phunu-03388", "period": "2023S2", "value": "1"}, "2023-H2"),  # derived period
        ({"dataElement": "tuyen_truyen_buoi", "orgUnit": "phunu-03388", "period": "2023Q4", "value": "1",
          "categoryOptionCombo": "Prlt0C1RF0s"}, "Prlt0C1RF0s"),
    ]
    for bad, offending in cases:
        ok = {"dataElement": "tuyen_truyen_luot", "orgUnit": "phunu-03388", "period": "2023Q4", "value": "10"}
        summary = import_data_value_set({"dataValues": [ok, bad]}).as_dict()
        assert summary["status"] == "ERROR", bad
        assert [c["object"] for c in summary["conflicts"]] == [offending], summary
        assert not DataValue.objects.filter(period="2023-Q4").exists()


def test_approved_reports_are_refused_unless_allowed(world):
    report = world.reports["phunu", "03388", "2023-Q3"]
    Report.objects.filter(pk=report.pk).update(status=Report.Status.APPROVED)
    payload = {"dataValues": [{"dataElement": "tuyen_truyen_buoi", "orgUnit": "phunu-03388", "period": "2023Q3", "value": "13"}]}
    summary = import_data_value_set(payload).as_dict()
    assert summary["status"] == "ERROR" and "đã duyệt" in summary["conflicts"][0]["value"]
    summary = import_data_value_set(payload, allow_locked=True).as_dict()
    assert summary["importCount"]["updated"] == 1
    value = DataValue.objects.get(unit__code="phunu-03388", indicator__code="tuyen_truyen_buoi", period="2023-Q3")
    assert value.value == 13 and value.source == DataValue.Source.IMPORT
    entry = AuditEntry.objects.get(action="value.bulk_update", object_id=str(value.pk))
    assert (entry.old_value, entry.new_value) == ("12", "13")


def test_dry_run_counts_but_saves_nothing(world):
    payload = {"period": "2023Q4", "orgUnit": "phunu-03388", "dataValues": [
        {"dataElement": "tuyen_truyen_buoi", "value": "5"}, {"dataElement": "tuyen_truyen_luot", "value": ""}]}
    summary = import_data_value_set(payload, dry_run=True).as_dict()
    assert summary["status"] == "SUCCESS" and summary["importOptions"]["dryRun"] is True
    assert summary["importCount"] == {"imported": 1, "updated": 0, "ignored": 1, "deleted": 0}
    assert not DataValue.objects.filter(period="2023-Q4").exists()
    assert not Report.objects.filter(period="2023-Q4").exists()


def test_import_respects_the_users_entry_scope(world):
    payload = {"period": "2023Q4", "dataValues": [
        {"dataElement": "tuyen_truyen_buoi", "orgUnit": "phunu-03388", "value": "5"},
        {"dataElement": "tuyen_truyen_buoi", "orgUnit": "phunu-03466", "value": "5"}]}
    summary = import_data_value_set(payload, user=world.entry).as_dict()
    # phunu-03466 is not visible to this user: reported as unknown, nothing saved
    assert [c["object"] for c in summary["conflicts"]] == ["phunu-03466"]
    summary = import_data_value_set(payload, user=world.viewer).as_dict()
    assert [c["object"] for c in summary["conflicts"]] == ["phunu-03388"]  # not visible either
    assert not DataValue.objects.filter(period="2023-Q4").exists()
    ok = {"period": "2023Q4", "dataValues": payload["dataValues"][:1]}
    assert import_data_value_set(ok, user=world.entry).status == "SUCCESS"


def test_command_line_export_with_dhis2_uids_imports_back(world, tmp_path):
    path = tmp_path / "q3.json"
    call_command("export", "dhis2", "--period", "2023Q3", "--id-scheme", "uid", "-o", str(path))
    values = json.loads(path.read_text(encoding="utf-8"))["dataValues"]
    assert {v["orgUnit"] for v in values} >= {world.units["phunu", "03388"].uid}
    before = {row for row in snapshot() if row[2] in ("2023-Q3", "2023-07")}
    _empty_database()
    out = io.StringIO()
    call_command("import", "dhis2", str(path), "--format", "json", stdout=out)
    assert json.loads(out.getvalue())["importCount"]["imported"] == 10
    assert snapshot() == before
