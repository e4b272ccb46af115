"""DHIS2 dataValueSets, plain Python: periods, payload reading and writing, import summary.

The JSON shape is DHIS2's (`/api/dataValueSets`): an object with optional defaults (`period`,
`orgUnit`, `attributeOptionCombo`, `dataSet`, `completeDate`) and a `dataValues` list whose
items carry `dataElement`, `period`, `orgUnit`, `categoryOptionCombo`, `attributeOptionCombo`,
`value`, `storedBy`, `created`, `lastUpdated`, `comment`, `followup`. The CSV has one value a
row, with or without a header; without one the columns are in DHIS2's order.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any
from xml.sax.saxutils import escape

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as DefusedET

from giaoban.core.cells import csv_field
from giaoban.core.periods import Period, PeriodError

# The columns every DHIS2 data value has, in DHIS2's order; the two layouts differ only after them.
_VALUE_COLUMNS = (
    "dataElement",
    "period",
    "orgUnit",
    "categoryOptionCombo",
    "attributeOptionCombo",
    "value",
    "storedBy",
)
FIELDS = _VALUE_COLUMNS + ("created", "lastUpdated", "comment", "followup")
# DHIS2's own CSV column order, used when a file has no header row.
HEADERLESS_ORDER = _VALUE_COLUMNS + ("lastUpdated", "comment", "followup", "deleted")
_ALIASES = {
    "dataelement": "dataElement", "de": "dataElement", "data_element": "dataElement",
    "period": "period", "pe": "period",
    "orgunit": "orgUnit", "ou": "orgUnit", "org_unit": "orgUnit",
    "categoryoptioncombo": "categoryOptionCombo", "catoptcombo": "categoryOptionCombo", "coc": "categoryOptionCombo",
    "attributeoptioncombo": "attributeOptionCombo", "attroptcombo": "attributeOptionCombo", "aoc": "attributeOptionCombo",
    "value": "value",
    "storedby": "storedBy",
    "created": "created",
    "lastupdated": "lastUpdated", "timestamp": "lastUpdated",
    "comment": "comment",
    "followup": "followup",
    "deleted": "deleted",
}
# DHIS2's built-in "default" category option combo (the same UID on every instance).
DEFAULT_COC = "HllvX50cXC0"
DEFAULT_COMBOS = frozenset({"", "default", DEFAULT_COC})


class PayloadError(ValueError):
    """A payload that cannot be read at all (message in Vietnamese, names the place)."""


# --------------------------------------------------------------------------- periods

_DHIS2_PERIOD = re.compile(r"^(\d{4})(?:(0[1-9]|1[0-2])|Q([1-4])|S([12])|W([1-9]|[1-4]\d|5[0-3]))?$")

# Our period kinds in DHIS2's period syntax; DHIS2 has no nine-month period.
_DHIS2_PERIOD_SHAPES = {"W": "{year}W{index}", "M": "{year}{index:02d}", "Q": "{year}Q{index}", "H": "{year}S{index}",
                        "Y": "{year}"}


def to_dhis2_period(code: str | Period) -> str:
    """Our period code → DHIS2's: 2023-Q3 → 2023Q3, 2023-H1 → 2023S1, 2023-07 → 202307."""
    p = Period.parse(code)
    shape = _DHIS2_PERIOD_SHAPES.get(p.kind)
    if shape is None:
        raise PeriodError(f"Kỳ {p.code} (9 tháng) không có kiểu kỳ tương ứng trong DHIS2.")
    return shape.format(year=p.year, index=p.index)


def from_dhis2_period(code: str) -> str:
    """DHIS2 period → our code: 2023Q3 → 2023-Q3, 2023S1 → 2023-H1, 202307 → 2023-07, 2023 → 2023."""
    m = _DHIS2_PERIOD.match(code.strip()) if isinstance(code, str) else None
    if not m:
        raise PeriodError(
            f"Kỳ DHIS2 không hợp lệ hoặc chưa hỗ trợ: '{code}' (dùng 2026W49, 202307, 2023Q3, 2023S1 hoặc 2023)."
        )
    year, month, quarter, half, week = m.groups()
    if week:
        return Period(int(year), "W", int(week)).code
    if month:
        return Period(int(year), "M", int(month)).code
    if quarter:
        return Period(int(year), "Q", int(quarter)).code
    if half:
        return Period(int(year), "H", int(half)).code
    return Period(int(year), "Y", 1).code


# --------------------------------------------------------------------------- values


@dataclass(slots=True)
class Dhis2Value:
    """One data value as it arrived; `index` is its position (0-based; CSV: data row)."""

    dataElement: str
    period: str
    orgUnit: str
    value: str
    categoryOptionCombo: str = ""
    attributeOptionCombo: str = ""
    storedBy: str = ""
    created: str = ""
    lastUpdated: str = ""
    comment: str = ""
    followup: bool = False
    index: int = 0

    def as_dict(self) -> dict[str, Any]:
        out = {name: getattr(self, name) for name in FIELDS}
        return {k: v for k, v in out.items() if v not in ("", None)}


@dataclass
class DataValueSet:
    values: list[Dhis2Value] | Iterator[Dhis2Value]  # an iterator when parsed with lazy=True
    data_set: str = ""
    complete_date: str = ""


def _text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v).strip()


def _bool(v: Any) -> bool:
    if isinstance(v, bool):
        return v
    return _text(v).lower() in {"true", "1", "yes"}


def parse_json(data: bytes | str | dict, *, lazy: bool = False) -> DataValueSet:
    """Read a DHIS2 dataValueSets JSON document (also accepts a bare list of values).

    With `lazy`, the values are made as they are iterated (a PayloadError may come then): an
    import can write the first ones while the rest are still being read."""
    if isinstance(data, (bytes, bytearray)):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise PayloadError(f"Tệp JSON không phải UTF-8 (byte {exc.start}).") from exc
    if isinstance(data, str) and lazy:
        streamed = _streamed(data)
        if streamed is not None:
            head, raw_values = streamed
            values = _json_values(raw_values, _text(head.get("period")), _text(head.get("orgUnit")),
                                  _text(head.get("attributeOptionCombo")))
            return DataValueSet(values, _text(head.get("dataSet")), _text(head.get("completeDate")))
    if isinstance(data, str):
        data = _loads(data)
    if isinstance(data, list):
        data = {"dataValues": data}
    if not isinstance(data, dict):
        raise PayloadError("JSON phải là một đối tượng có khóa 'dataValues'.")
    items = data.get("dataValues")
    if items is None:
        items = []
    if not isinstance(items, list):
        raise PayloadError("'dataValues' phải là một danh sách.")
    d_period = _text(data.get("period"))
    d_org = _text(data.get("orgUnit"))
    d_aoc = _text(data.get("attributeOptionCombo"))
    values = _json_values(items, d_period, d_org, d_aoc)
    return DataValueSet(values if lazy else list(values), _text(data.get("dataSet")), _text(data.get("completeDate")))


def _loads(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise PayloadError(f"JSON không hợp lệ: dòng {exc.lineno}, cột {exc.colno}: {exc.msg}.") from exc


_ITEM_END = re.compile(r"\}\s*,")  # where one value may end and the next begin
_WS = re.compile(r"\s*")
_SLICE = 1 << 20  # characters of values parsed at a time


def _streamed(text: str) -> tuple[dict, Iterator] | None:
    """A large document's values parsed a slice at a time, so an import starts writing the first
    ones while the rest are still text: (the header, the values), or None when the document is
    not of the shape this reads (the caller then parses it whole). The shape: a bare list, or an
    object whose last member is `dataValues`, so every default (period, orgUnit, …) is known
    before the first value. A slice ends at a `},` where `[slice]` parses: a cut inside a string
    leaves it unterminated and one inside a nested value leaves a bracket open, so a slice that
    parses ends between two values. A document that turns out otherwise is parsed whole, for the
    error's line and column or for the rest of its values."""
    if len(text) < 2 * _SLICE:
        return None  # small: one json.loads is as quick
    end = len(text)
    while end and text[end - 1].isspace():
        end -= 1
    closing = text[end - 1:end]
    if closing == "}":  # an object: its last member must be the values' list
        end -= 1
        while end and text[end - 1].isspace():
            end -= 1
    if not text.startswith("]", end - 1):
        return None
    body_end = end - 1
    i = _WS.match(text).end()  # type: ignore[union-attr]
    head: dict = {}
    if closing == "]" and text.startswith("[", i):
        body_start = i + 1
    elif closing == "}" and text.startswith("{", i):
        # the members before `dataValues`, each read by raw_decode
        decoder, i = json.JSONDecoder(), i + 1
        try:
            while True:
                i = _WS.match(text, i).end()  # type: ignore[union-attr]
                key, i = decoder.raw_decode(text, i)
                i = _WS.match(text, i).end()  # type: ignore[union-attr]
                if not isinstance(key, str) or not text.startswith(":", i):
                    return None
                i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
                if key == "dataValues":
                    if not text.startswith("[", i):
                        return None
                    body_start = i + 1
                    break
                head[key], i = decoder.raw_decode(text, i)
                i = _WS.match(text, i).end()  # type: ignore[union-attr]
                if not text.startswith(",", i):
                    return None  # the object ends without dataValues
                i += 1
        except json.JSONDecodeError:
            return None
    else:
        return None
    if body_end < body_start:
        return None
    return head, _slices(text, body_start, body_end)


def _slices(text: str, start: int, end: int) -> Iterator:
    """The values of text[start:end] (an array's inside), a slice at a time (see _streamed)."""
    done = 0
    while True:
        found = _ITEM_END.search(text, min(start + _SLICE, end), end)
        tries = 0
        while True:
            cut, after = (found.start() + 1, found.end()) if found is not None else (end, end)
            try:
                items = json.loads("[" + text[start:cut] + "]")
            except json.JSONDecodeError:
                items = None
            if items or (items == [] and done == 0 and found is None):  # (only an empty list may be empty)
                break
            tries += 1
            if found is None or tries > 100:  # broken, or no value ends near here: read whole
                yield from _whole(text, done)
                return
            found = _ITEM_END.search(text, found.end(), end)
        done += len(items)
        yield from items
        if found is None:
            return
        start = after


def _whole(text: str, done: int) -> Iterator:
    """The values of the whole document after the first `done` (read by _slices already)."""
    repeated = []

    def members(pairs: list) -> dict:
        if sum(1 for k, _ in pairs if k == "dataValues") > 1:
            repeated.append(True)
        return dict(pairs)

    try:
        doc = json.loads(text, object_pairs_hook=members)
    except json.JSONDecodeError as exc:
        raise PayloadError(f"JSON không hợp lệ: dòng {exc.lineno}, cột {exc.colno}: {exc.msg}.") from exc
    if repeated and done:  # the first values read may belong to the other list: neither is taken
        raise PayloadError("Khóa 'dataValues' xuất hiện nhiều lần trong tài liệu JSON; chỉ được có một danh sách giá trị.")
    values = doc.get("dataValues") if isinstance(doc, dict) else doc
    if not isinstance(values, list):
        raise PayloadError("'dataValues' phải là một danh sách.")
    yield from values[done:]


def _json_values(items: Iterable, d_period: str, d_org: str, d_aoc: str) -> Iterator[Dhis2Value]:
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise PayloadError(f"Phần tử dataValues[{i}] phải là một đối tượng.")
        # Strings (nearly every field of every file) are stripped inline; anything else, or a
        # missing field, goes through _text: a function call per field costs more than the rest.
        get = item.get
        de, pe, ou, val = get("dataElement"), get("period"), get("orgUnit"), get("value")
        if len(item) == 4 and de is not None and pe is not None and ou is not None and val is not None:
            extra = ("", d_aoc, "", "", "", "", False)  # exactly the four core fields
        else:
            coc, aoc, by, cr, lu, cm = (get("categoryOptionCombo"), get("attributeOptionCombo"), get("storedBy"),
                                        get("created"), get("lastUpdated"), get("comment"))
            coc = coc.strip() if coc.__class__ is str else _text(coc)
            aoc = (aoc.strip() if aoc.__class__ is str else _text(aoc)) or d_aoc
            extra = (coc, aoc, _text(by), _text(cr), _text(lu), _text(cm), _bool(get("followup")))
        yield Dhis2Value(
            de.strip() if de.__class__ is str else _text(de),
            (pe.strip() if pe.__class__ is str else _text(pe)) or d_period,
            (ou.strip() if ou.__class__ is str else _text(ou)) or d_org,
            val.strip() if val.__class__ is str else _text(val),
            *extra,
            i,
        )


def parse_csv(data: bytes | str, *, lazy: bool = False, first_row_is_header: bool | None = None) -> DataValueSet:
    """Read DHIS2 dataValueSets CSV, with a header row (any of DHIS2's column names) or without.
    `lazy`: as for parse_json. `first_row_is_header` is DHIS2's firstRowIsHeader: None looks at
    the row (giaoban's own files); True takes it for a header whatever it holds, as DHIS2 does
    (a header-less file loses its first row there too: DHIS2 reads the columns by position);
    False reads every row as data."""
    try:
        dvs = _parse_csv(data, first_row_is_header)
    except csv.Error as exc:  # e.g. a lone carriage return inside an unquoted field
        raise PayloadError(f"Tệp CSV bị hỏng: {exc}.") from exc
    if not lazy:
        dvs.values = list(dvs.values)
    return dvs


def _parse_csv(data: bytes | str, first_row_is_header: bool | None = None) -> DataValueSet:
    if isinstance(data, (bytes, bytearray)):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise PayloadError(f"Tệp CSV không phải UTF-8 (byte {exc.start}).") from exc
    reader = csv.reader(io.StringIO(data))
    rows = iter(reader)
    first = next(rows, None)
    if first is None:
        return DataValueSet([])
    keys = [c.strip().lower().replace(" ", "") for c in first]
    if first_row_is_header is not False and keys and keys[0] in _ALIASES:
        unknown = [first[i] for i, k in enumerate(keys) if k not in _ALIASES]
        if unknown:
            raise PayloadError(f"CSV, dòng 1: cột không nhận ra: {', '.join(unknown)}.")
        columns = [_ALIASES[k] for k in keys]
        missing = {"dataElement", "period", "orgUnit", "value"} - set(columns)
        if missing:
            raise PayloadError(f"CSV, dòng 1: thiếu cột {', '.join(sorted(missing))}.")
        body, line0 = rows, 2
    elif first_row_is_header:
        columns = list(HEADERLESS_ORDER)
        body, line0 = rows, 2
    else:
        columns = list(HEADERLESS_ORDER)
        body, line0 = _chain(first, rows), 1
    pos = {name: i for i, name in enumerate(columns)}
    i_de, i_pe, i_ou, i_v = pos["dataElement"], pos["period"], pos["orgUnit"], pos["value"]
    optional = [(name, pos.get(name)) for name in
                ("categoryOptionCombo", "attributeOptionCombo", "storedBy", "created", "lastUpdated", "comment")]
    i_fu = pos.get("followup")
    width = len(columns)

    def values() -> Iterator[Dhis2Value]:
        try:
            for n, row in enumerate(body):
                if not row or (len(row) == 1 and not row[0].strip()):
                    continue
                if len(row) < 4:
                    raise PayloadError(f"CSV, dòng {line0 + n}: chỉ có {len(row)} cột, cần ít nhất 4.")
                if len(row) < width:
                    row = row + [""] * (width - len(row))
                extra = {name: (row[i].strip() if i is not None else "") for name, i in optional}
                yield Dhis2Value(
                    row[i_de].strip(), row[i_pe].strip(), row[i_ou].strip(), row[i_v].strip(),
                    extra["categoryOptionCombo"], extra["attributeOptionCombo"], extra["storedBy"], extra["created"],
                    extra["lastUpdated"], extra["comment"], _bool(row[i_fu]) if i_fu is not None else False,
                    line0 + n,
                )
        except csv.Error as exc:
            raise PayloadError(f"Tệp CSV bị hỏng: {exc}.") from exc

    return DataValueSet(values())


def _chain(first: list[str], rest: Iterator[list[str]]) -> Iterator[list[str]]:
    yield first
    yield from rest


def parse_payload(data: bytes | str, fmt: str, *, lazy: bool = False, first_row_is_header: bool | None = None) -> DataValueSet:
    fmt = (fmt or "").lower()
    if fmt == "json":
        return parse_json(data, lazy=lazy)
    if fmt == "csv":
        return parse_csv(data, lazy=lazy, first_row_is_header=first_row_is_header)
    if fmt == "xml":
        return parse_xml(data)
    raise PayloadError(f"Định dạng không hỗ trợ: '{fmt}' (dùng json, csv hoặc xml).")


_XML_NS = "http://dhis2.org/schema/dxf/2.0"


def parse_xml(data: bytes | str) -> DataValueSet:
    """Read DHIS2's XML dataValueSet (<dataValueSet …><dataValue …/></dataValueSet>), with or
    without its namespace; defusedxml refuses entity expansion and external entities."""
    try:
        root = DefusedET.fromstring(data.encode("utf-8") if isinstance(data, str) else data)
    except (DefusedET.ParseError, DefusedXmlException, ValueError) as exc:
        raise PayloadError(f"XML không hợp lệ: {exc}.") from exc
    local = lambda tag: tag.rsplit("}", 1)[-1]  # noqa: E731
    if local(root.tag) == "dataValueSets":  # a wrapper around one or more sets: the first one
        sets = [e for e in root if local(e.tag) == "dataValueSet"]
        root = sets[0] if sets else root
    if local(root.tag) not in ("dataValueSet", "dataValueSets"):
        raise PayloadError(f"XML phải có phần tử gốc <dataValueSet>, không phải <{local(root.tag)}>.")
    head = {k: (root.get(k) or "").strip() for k in ("period", "orgUnit", "attributeOptionCombo", "dataSet", "completeDate")}
    items = []
    for el in root.iter():
        if local(el.tag) != "dataValue":
            continue
        item = {k: v for k, v in el.attrib.items()}
        for child in el:  # <dataValue><value>…</value></dataValue> is accepted too
            item.setdefault(local(child.tag), (child.text or "").strip())
        items.append(item)
    dvs = parse_json({**head, "dataValues": items})
    return dvs


def guess_format(filename: str, data: bytes | str) -> str:
    name = (filename or "").lower()
    if name.endswith(".json"):
        return "json"
    if name.endswith(".csv"):
        return "csv"
    if name.endswith(".xml"):
        return "xml"
    head = data[:64].lstrip() if data else ""
    if isinstance(head, bytes):
        head = head.decode("utf-8", "replace")
    head = head.lstrip("\ufeff")
    return "json" if head.startswith(("{", "[")) else "xml" if head.startswith("<") else "csv"


# --------------------------------------------------------------------------- writing


def write_json(values: Iterable[dict[str, Any]], out: IO[str], **header: Any) -> None:
    """Write {"dataValues": [...]} (plus header fields such as dataSet) as JSON, streaming."""
    out.write("{")
    for key, value in header.items():
        if value not in (None, ""):
            out.write(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}, ")
    out.write('"dataValues": [')
    first = True
    for v in values:
        out.write("\n  " if first else ",\n  ")
        out.write(json.dumps(v, ensure_ascii=False))
        first = False
    out.write("\n]}\n")


_QUOTE = {'"': "&quot;"}
# DHIS2's CSV columns, in its order (it reads them by position): no `created`.
CSV_COLUMNS = ("dataElement", "period", "orgUnit", "categoryOptionCombo", "attributeOptionCombo", "value", "storedBy",
               "lastUpdated", "comment", "followup", "deleted")


def write_csv(values: Iterable[dict[str, Any]], out: IO[str], *, header: bool = True) -> None:
    writer = csv.writer(out, lineterminator="\n")
    if header:
        writer.writerow(CSV_COLUMNS)
    for v in values:
        # Comments and user names are people's text: one starting with '=' must not become a
        # formula in the spreadsheet that opens the export (the values stay numbers).
        writer.writerow([csv_field("true" if v.get(f) is True else "false" if v.get(f) is False else v.get(f, ""))
                         for f in CSV_COLUMNS])


def write_xml(values: Iterable[dict[str, Any]], out: IO[str], **header: Any) -> None:
    """DHIS2's XML dataValueSet, streaming."""
    attrs = "".join(f' {k}="{escape(str(v), _QUOTE)}"' for k, v in header.items() if v not in (None, ""))
    out.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<dataValueSet xmlns="{_XML_NS}"{attrs}>\n')
    for v in values:
        items = "".join(f' {k}="{escape(_text(v[k]), _QUOTE)}"' for k in FIELDS if k in v and v[k] not in (None, ""))
        out.write(f"  <dataValue{items}/>\n")
    out.write("</dataValueSet>\n")


# --------------------------------------------------------------------------- import summary


@dataclass
class Conflict:
    """One problem: `object` is the offending code or value, `value` says what is wrong."""

    object: str
    value: str
    property: str = ""
    error_code: str = ""
    indexes: list[int] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"object": self.object, "value": self.value}
        if self.property:
            out["property"] = self.property
        if self.error_code:
            out["errorCode"] = self.error_code
        if self.indexes:
            out["indexes"] = self.indexes[:50]
        return out


@dataclass
class ImportSummary:
    """DHIS2's ImportSummary: counts and conflicts. With `atomic` (atomicMode ALL, giaoban's own
    default) any conflict means nothing was saved: ERROR; without it (DHIS2's default, NONE) the
    valid values were saved and the conflicts name the others: WARNING."""

    imported: int = 0
    updated: int = 0
    ignored: int = 0
    deleted: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    dry_run: bool = False
    description: str = ""
    atomic: bool = True
    fatal: bool = False  # the payload could not be read at all
    import_strategy: str = "CREATE_AND_UPDATE"
    id_scheme: str = "CODE"
    rejected_indexes: list[int] = field(default_factory=list)

    @property
    def status(self) -> str:
        if self.fatal or (self.conflicts and self.atomic):
            return "ERROR"
        return "WARNING" if self.conflicts else "SUCCESS"

    def as_dict(self) -> dict[str, Any]:
        return {
            "responseType": "ImportSummary",
            "status": self.status,
            "description": self.description,
            "importOptions": {"dryRun": self.dry_run, "idScheme": self.id_scheme, "importStrategy": self.import_strategy,
                              "atomicMode": "ALL" if self.atomic else "NONE"},
            "importCount": {
                "imported": self.imported,
                "updated": self.updated,
                "ignored": self.ignored,
                "deleted": self.deleted,
            },
            "conflicts": [c.as_dict() for c in self.conflicts],
            "rejectedIndexes": sorted(set(self.rejected_indexes))[:1000],
            "dataSetComplete": "false",
        }

    def web_message(self) -> tuple[int, dict[str, Any]]:
        """DHIS2 2.41's answer (WebMessageUtils.importSummary): OK with 200; WARNING (conflicts,
        the rest saved) and ERROR (nothing saved) with 409. Returns (HTTP status, body)."""
        status = self.status
        if status == "ERROR":
            code, message = 409, "An error occurred, please check import summary."
        elif status == "WARNING":
            code, message = 409, "One more conflicts encountered, please check import summary."
        else:
            code, message = 200, "Import was successful."
        return code, {
            "httpStatus": "OK" if code == 200 else "Conflict",
            "httpStatusCode": code,
            "status": {"SUCCESS": "OK"}.get(status, status),
            "message": message,
            "response": self.as_dict(),
        }
