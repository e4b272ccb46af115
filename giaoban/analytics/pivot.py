"""Pivot tables: rows and columns chosen among org | area | unit | period | indicator, with
margins computed by the engine (not by adding cells: a stock, an average or a parent's own
figure does not add up), and export to .csv and .xlsx."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal

from giaoban.analytics import engine
from giaoban.core.cells import csv_field, xlsx_text
from giaoban.org.models import Indicator, Organization

DIMENSIONS = {"org": "Tổ chức", "area": "Địa bàn", "unit": "Đơn vị", "period": "Kỳ", "indicator": "Chỉ tiêu"}


@dataclass
class PivotTable:
    rows_dim: str
    cols_dim: str
    row_headers: list[tuple[str, str]]
    col_headers: list[tuple[str, str]]
    cells: dict = field(default_factory=dict)  # (row key, col key) -> Decimal | None
    reconstructed: set = field(default_factory=set)
    row_totals: dict = field(default_factory=dict)
    row_units: dict = field(default_factory=dict)  # row key -> units whose reports are in the row's figure
    col_totals: dict = field(default_factory=dict)
    total: Decimal | None = None
    title: str = ""

    def matrix(self) -> list[list]:
        """Header row, body rows and the total row, as plain values (for exports)."""
        head = [DIMENSIONS[self.rows_dim] + " \\ " + DIMENSIONS[self.cols_dim], *[label for _, label in self.col_headers], "Tổng"]
        out = [head]
        for rk, rl in self.row_headers:
            out.append([rl, *[self.cells.get((rk, ck)) for ck, _ in self.col_headers], self.row_totals.get(rk)])
        out.append(["Tổng", *[self.col_totals.get(ck) for ck, _ in self.col_headers], self.total])
        return out

    def marked(self) -> set[tuple[int, int]]:
        """(row, column) positions in :meth:`matrix` of figures rebuilt from former units ('*')."""
        rows = {rk: i for i, (rk, _) in enumerate(self.row_headers, start=1)}
        cols = {ck: j for j, (ck, _) in enumerate(self.col_headers, start=1)}
        return {(rows[rk], cols[ck]) for rk, ck in self.reconstructed if rk in rows and ck in cols}


RECONSTRUCTED_NOTE = "* Số liệu dựng lại từ các đơn vị, địa bàn trước khi sắp xếp lại."


def _marks(table: PivotTable) -> set[tuple[int, int]]:
    return table.marked() if hasattr(table, "reconstructed") else set()  # a table built by hand has none


def _grid(dims: list[str], f: dict) -> tuple[dict, dict]:
    """(cells keyed by the dims' values, labels per dim) from one engine pass."""
    period = engine.parse_period(f["period"])
    as_of = engine.parse_date(f.get("as_of")) or period.end
    org = engine.resolve_org(f.get("org") or None)
    area = engine.resolve_area(f["area"], as_of) if f.get("area") else None
    unit = engine.resolve_unit(f["unit"], as_of) if f.get("unit") else None
    node = engine.Node.of(area or unit)
    if "indicator" in dims:
        inds = [engine.resolve_indicator(i) for i in f.get("indicators") or []] or list(Indicator.objects.filter(is_active=True))
    else:
        if not f.get("indicator"):
            raise engine.AnalyticsError("Chọn một chỉ tiêu (hoặc đặt 'Chỉ tiêu' làm hàng hoặc cột).")
        inds = [engine.resolve_indicator(f["indicator"])]
    targets = [(node.code, node)]
    for d in ("area", "unit"):
        if d in dims:
            targets = [(c.code, c) for c in engine._children(node, d, as_of, org)]
    periods = engine._base_periods(period) if "period" in dims else [period]
    cells = engine.compute(targets, inds, periods, bool(f.get("include_submitted")), "org" in dims,
                           [org.pk] if org else None, f.get("within"))
    out = {}
    for (rk, org_id, ind, per), cell in cells.items():
        values = {"area": rk, "unit": rk, "org": org_id, "indicator": ind, "period": per}
        out[tuple(values[d] for d in dims)] = cell
    labels = {
        "area": [(c, n.label) for c, n in targets], "unit": [(c, n.label) for c, n in targets],
        "period": [(p.code, p.label_vi) for p in periods], "indicator": [(i.code, i.name) for i in inds],
        "org": [(o.pk, o.short_name) for o in Organization.objects.all() if not org or o.pk == org.pk],
    }
    return out, labels


def pivot(rows_dim: str, cols_dim: str, filters: dict) -> PivotTable:
    """filters: period (required), indicator (or indicators when one axis is 'indicator'),
    area | unit, org, as_of, include_submitted, within (an access scope)."""
    for d in (rows_dim, cols_dim):
        if d not in DIMENSIONS:
            raise engine.AnalyticsError(f"Chiều '{d}' không có (chọn: {', '.join(DIMENSIONS)}).")
    if rows_dim == cols_dim:
        raise engine.AnalyticsError("Hàng và cột phải là hai chiều khác nhau.")
    if {rows_dim, cols_dim} == {"area", "unit"}:
        raise engine.AnalyticsError("Không thể chọn cùng lúc địa bàn và đơn vị làm hàng và cột.")
    body, labels = _grid([rows_dim, cols_dim], filters)
    by_indicator = "indicator" in (rows_dim, cols_dim)  # different indicators never add up
    row_margin = _grid([rows_dim], filters)[0] if not by_indicator or rows_dim == "indicator" else {}
    col_margin = _grid([cols_dim], filters)[0] if not by_indicator or cols_dim == "indicator" else {}
    total = _grid([], filters)[0] if not by_indicator else {}
    t = PivotTable(rows_dim, cols_dim, labels[rows_dim], labels[cols_dim])
    present_rows = {k[0] for k in body}
    present_cols = {k[1] for k in body}
    if rows_dim in ("org",):
        t.row_headers = [h for h in t.row_headers if h[0] in present_rows]
    if cols_dim in ("org",):
        t.col_headers = [h for h in t.col_headers if h[0] in present_cols]
    for (rk, ck), cell in body.items():
        t.cells[rk, ck] = engine._dec(cell.total)
        if cell.reconstructed:
            t.reconstructed.add((rk, ck))
    t.row_totals = {k[0]: engine._dec(c.total) for k, c in row_margin.items()}
    t.row_units = {k[0]: c.count for k, c in row_margin.items()}
    t.col_totals = {k[0]: engine._dec(c.total) for k, c in col_margin.items()}
    t.total = engine._dec(next(iter(total.values())).total) if total else None
    return t


def _plain(v):
    if isinstance(v, Decimal):
        v = v.normalize()
        return int(v) if v == v.to_integral_value() else float(v)
    return v


def to_csv(table: PivotTable) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf)
    marks = _marks(table)
    for i, line in enumerate(table.matrix()):
        # Labels are names from the database: one that starts like a formula stays text.
        # A rebuilt figure keeps its '*' as on the page (a CSV has no cell format to carry it).
        writer.writerow(["" if v is None else f"{_plain(v)}*" if (i, j) in marks else csv_field(_plain(v))
                         for j, v in enumerate(line)])
    if marks:
        writer.writerow([RECONSTRUCTED_NOTE])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")  # BOM: Excel opens Vietnamese correctly


def to_xlsx(table: PivotTable) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Tổng hợp"
    if table.title:
        ws.append([table.title])
        ws["A1"].font = Font(bold=True)
    first = ws.max_row + 1 if table.title else 1
    for i, line in enumerate(table.matrix()):
        ws.append([_plain(v) for v in line])
        if i == 0:
            for cell in ws[ws.max_row]:
                cell.font = Font(bold=True)
    for row in ws.iter_rows():
        for cell in row:
            xlsx_text(cell)
    marks = _marks(table)
    for row in ws.iter_rows(min_row=2, min_col=2):
        for cell in row:
            if isinstance(cell.value, int | float):
                # a rebuilt figure stays a number (sums work) and shows its '*' as on the page
                star = (cell.row - first, cell.column - 1) in marks
                cell.number_format = '#,##0.##"*"' if star else "#,##0.##"
    if marks:
        ws.append([])
        ws.append([RECONSTRUCTED_NOTE])
    ws.column_dimensions["A"].width = 36
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
