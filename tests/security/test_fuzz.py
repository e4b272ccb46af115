"""Fuzzing the ways data comes in (hypothesis; 10,500 generated cases in all, marked slow).

- giaoban.core.uploads on random bytes and on mutated real .docx/.xlsx/PDF/text: the only
  exception ever raised is UploadError, and every accepted Office file opens;
- the extraction engine on generated Vietnamese report text: never raises, offsets stay inside
  the text; the extraction upload path (check_upload → read_document) raises only its own errors;
- the DHIS2 payload parser (JSON and CSV) raises only PayloadError;
- the DHIS2 import and bulk.write_values on generated batches mixing good and bad rows:
  either everything is saved or nothing is (no partial save).
"""

import io
import json
import zipfile
from decimal import Decimal

import docx
import openpyxl
import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from giaoban.core import uploads
from giaoban.core.uploads import UploadError

pytestmark = pytest.mark.slow
FUZZ = dict(deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                                                    HealthCheck.data_too_large])
ALL_KINDS = {"pdf", "docx", "xlsx", "text", "html"}


def _docx() -> bytes:
    d = docx.Document()
    d.add_paragraph("Ủy ban MTTQ xã tổ chức 12 buổi tuyên truyền cho 1.250 lượt người.")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(1, 1).text = "Chỉ tiêu", "29.774"
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _xlsx() -> bytes:
    wb = openpyxl.Workbook()
    wb.active.append(["mttq-03388", "tuyen_truyen_buoi", "2024-Q1", 12])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


SEEDS = [_docx(), _xlsx(), b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF",
         "Hội LHPN xã: 3.456 hội viên".encode(), "<html><body>Tin</body></html>".encode(), "Đoàn".encode("utf-16")]


@st.composite
def mutated(draw):
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["flip", "cut", "insert", "dup"]))
        if not data:
            break
        pos = draw(st.integers(0, len(data) - 1))
        if op == "flip":
            data[pos] ^= draw(st.integers(1, 255))
        elif op == "cut":
            del data[pos:pos + draw(st.integers(1, 4096))]
        elif op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=64))
        else:
            data[pos:pos] = data[pos:pos + draw(st.integers(1, 512))]
    return bytes(data)


@st.composite
def zipped(draw):
    """Zip files with Office-like part names, random content, sometimes a DTD."""
    out = io.BytesIO()
    names = draw(st.lists(st.sampled_from(["[Content_Types].xml", "word/document.xml", "xl/workbook.xml",
                                           "_rels/.rels", "mimetype", "xl/worksheets/sheet1.xml", "a.bin"]),
                          min_size=1, max_size=6, unique=True))
    with zipfile.ZipFile(out, "w", draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]))) as z:
        for n in names:
            body = draw(st.one_of(
                st.binary(max_size=200),
                st.just(b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b "c">]><a>&b;</a>'),
                st.just(b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                        b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                        b'officedocument.wordprocessingml.document.main+xml"/></Types>'),
                st.just(b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                        b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
                        b'officedocument.spreadsheetml.sheet.main+xml"/></Types>'),
                st.text(max_size=100).map(str.encode),
            ))
            z.writestr(n, body)
    return out.getvalue()


def gate(data: bytes):
    try:
        kind = uploads.check_upload(data, "tệp thử.bin", ALL_KINDS, max_bytes=1024 * 1024)
    except UploadError as exc:
        assert "tệp thử.bin" in str(exc)
        return None
    if kind == "docx":
        try:
            uploads.open_docx_safely(data, "x.docx")
        except UploadError:
            pass
    elif kind == "xlsx":
        try:
            uploads.open_xlsx_safely(data, "x.xlsx")
        except UploadError:
            pass
    elif kind in ("text", "html"):
        uploads.read_text(data, "x.txt")
    return kind


@settings(max_examples=1500, **FUZZ)
@given(st.binary(max_size=4096))
def test_uploads_random_bytes(data):
    gate(data)


@settings(max_examples=1500, **FUZZ)
@given(mutated())
def test_uploads_mutated_real_files(data):
    gate(data)


@settings(max_examples=1000, **FUZZ)
@given(zipped())
def test_uploads_generated_zips(data):
    gate(data)


# ---- extraction -----------------------------------------------------------------------------

WORDS = ["Ủy ban MTTQ", "Uỷ ban", "Hội LHPN", "Đoàn TNCS Hồ Chí Minh", "Hội Nông dân", "Hội CCB", "Công đoàn",
         "tổ chức", "buổi", "tuyên truyền", "lượt người", "hội viên", "đoàn viên", "gần", "khoảng", "hơn", "trên",
         "dưới", "tỷ đồng", "triệu đồng", "nghìn", "%", "quý III/2023", "9 tháng", "năm 2024", "xã", "huyện",
         "kết nạp", "giới thiệu", "đảng viên", "cho vay", "dư nợ", ",", ".", ";", ":", "(", ")", "\n", "\n\n"]
NUMBERS = st.one_of(st.integers(0, 10**13).map(str), st.integers(0, 10**9).map(lambda n: f"{n:,}".replace(",", ".")),
                    st.decimals(0, 10**6, places=2, allow_nan=False).map(lambda d: str(d).replace(".", ",")),
                    st.sampled_from(["1,5", "29.774", "0", "-3", "1.000.000.000", "12,", ".5", "1..2", "1,2,3"]))
TEXT = st.lists(st.one_of(st.sampled_from(WORDS), NUMBERS, st.text(max_size=8)), max_size=60).map(" ".join)


@settings(max_examples=2000, **FUZZ)
@given(TEXT)
def test_extraction_engine_never_crashes(text):
    from giaoban.textfigures.engine import extract_text

    result = extract_text(text)
    assert isinstance(result, dict)
    as_json = json.dumps(result, ensure_ascii=False, default=str)  # what the API returns must serialize
    assert as_json
    for fig in result.get("figures", []):
        start, end = fig.get("start"), fig.get("end")
        if isinstance(start, int) and isinstance(end, int):
            assert 0 <= start <= end


@settings(max_examples=500, **FUZZ)
@given(mutated())
def test_extraction_upload_path_raises_only_its_errors(db, data):
    from giaoban.intake.service import ACCEPTED_KINDS, ExtractionError, read_document

    try:
        kind = uploads.check_upload(data, "bao-cao.docx", set(ACCEPTED_KINDS), max_bytes=1024 * 1024)
        read_document(data, kind, "bao-cao.docx")
    except (UploadError, ExtractionError):
        pass


# ---- DHIS2 payloads -------------------------------------------------------------------------

JSONISH = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=12)),
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(st.sampled_from(
        ["dataValues", "dataElement", "orgUnit", "period", "value", "comment", "categoryOptionCombo",
         "attributeOptionCombo", "deleted", "x"]), children, max_size=6)),
    max_leaves=25,
)


@settings(max_examples=1500, **FUZZ)
@given(st.one_of(JSONISH.map(lambda v: json.dumps(v)), st.text(max_size=300), st.binary(max_size=300)))
def test_dhis2_json_parser_only_payload_errors(payload):
    from giaoban.dhis2.format import PayloadError, parse_payload

    try:
        parse_payload(payload, "json")
    except PayloadError:
        pass


CSV_CELLS = st.one_of(st.sampled_from(["mttq-03388", "tuyen_truyen_buoi", "2024Q1", "202401", "12", "", '"', ",", "\n"]),
                      st.text(max_size=10))


@settings(max_examples=1500, **FUZZ)
@given(st.one_of(st.lists(st.lists(CSV_CELLS, max_size=8), max_size=8).map(
    lambda rows: "\n".join(",".join(r) for r in rows)), st.binary(max_size=300)))
def test_dhis2_csv_parser_only_payload_errors(payload):
    from giaoban.dhis2.format import PayloadError, parse_payload

    try:
        parse_payload(payload, "csv")
    except PayloadError:
        pass


# ---- no partial save ------------------------------------------------------------------------

@pytest.fixture
def tree(db):
    from tests.security.tree import build_tree

    return build_tree()


def values_state():
    from giaoban.collection.models import DataValue, Report

    return (sorted(DataValue.objects.values_list("unit_id", "indicator_id", "period", "value")),
            sorted(Report.objects.values_list("unit_id", "period", "status")))


VALUE = st.one_of(st.integers(-5, 10**6).map(str), st.sampled_from(["", "abc", "1,5", "1e3", "NaN", "Infinity", "12.34567",
                                                                     "1" * 20, "7.5", " 3 "]))


@st.composite
def dhis2_values(draw):
    # Mostly valid choices, so that both outcomes (all saved, nothing saved) are common.
    units = ["mttq-03388"] * 4 + ["mttq-03466"] * 3 + ["phunu-03388", "mttq-12", "nope-1", ""]
    periods = ["2024Q1"] * 4 + ["2024Q2"] * 3 + ["202403", "2024", "2024S1", "2019Q1", "bad", ""]
    n = draw(st.integers(1, 8))
    good_value = st.integers(0, 10**6).map(str)
    return [{"dataElement": draw(st.sampled_from(["tuyen_truyen_buoi"] * 3 + ["tuyen_truyen_luot_nguoi"] * 3 + ["khong_co", ""])),
             "orgUnit": draw(st.sampled_from(units)), "period": draw(st.sampled_from(periods)),
             "value": draw(st.one_of(good_value, good_value, good_value, VALUE)), "comment": draw(st.text(max_size=5))}
            for _ in range(n)]


@settings(max_examples=500, **FUZZ)
@given(values=dhis2_values())
def test_dhis2_import_is_all_or_nothing(tree, values):
    from giaoban.collection.models import DataValue
    from giaoban.dhis2.service import import_data_value_set

    with transaction.atomic():
        before = values_state()
        summary = import_data_value_set(json.dumps({"dataValues": values}), "json", user=tree.users["admin"])
        after = values_state()
        if summary.status == "ERROR":
            assert after == before, summary.as_dict()
        else:
            # Every written row is there with its value (the last row for a key wins).
            from giaoban.dhis2.format import from_dhis2_period

            last = {}
            for v in values:
                if v["value"].strip():
                    last[v["orgUnit"], v["dataElement"], from_dhis2_period(v["period"])] = Decimal(v["value"].strip())
            for (unit, ind, period), value in last.items():
                stored = DataValue.objects.get(unit__code=unit, indicator__code=ind, period=period).value
                assert stored == value, (unit, ind, period, value, stored)
        transaction.set_rollback(True)


@st.composite
def bulk_rows(draw, tree):
    unit_ids = [u.pk for u in tree.units.values()] + [999999]
    ind_ids = [i.pk for i in tree.indicators] + [888888]
    periods = ["2024-Q1", "2024-Q2", "2024-01", "2024", "2024-H1", "xx"]
    return [(draw(st.sampled_from(unit_ids)), draw(st.sampled_from(ind_ids)), draw(st.sampled_from(periods)),
             draw(st.one_of(VALUE, st.decimals(-10**6, 10**6, places=4, allow_nan=False))), "", i)
            for i in range(draw(st.integers(1, 10)))]


@settings(max_examples=500, **FUZZ)
@given(data=st.data())
def test_bulk_write_is_all_or_nothing(tree, data):
    from giaoban.collection import bulk
    from giaoban.collection.models import DataValue

    rows = data.draw(bulk_rows(tree))
    with transaction.atomic():
        before = values_state()
        result = bulk.write_values(rows, source="import")
        after = values_state()
        if not result.ok:
            assert after == before
            assert all(p.message for p in result.problems)
        else:
            last = {}
            for unit_id, ind_id, period, value, _, _ in rows:
                if value is None or (isinstance(value, str) and value.strip() == ""):
                    continue
                last[unit_id, ind_id, period] = Decimal(str(value).strip())
            stored = {(u, i, p): v for u, i, p, v in DataValue.objects.values_list("unit_id", "indicator_id", "period", "value")}
            for key, value in last.items():
                assert stored.get(key) == value, (key, value, stored.get(key))
        transaction.set_rollback(True)
