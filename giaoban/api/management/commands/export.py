"""`giaoban export dhis2 --period P [--area A] --format json|csv|xml [--id-scheme code|uid|name] [-o FILE]`."""

import io
import sys

from django.core.management.base import BaseCommand, CommandError

from giaoban.core.periods import PeriodError
from giaoban.dhis2.format import to_dhis2_period, write_csv, write_json, write_xml
from giaoban.dhis2.service import export_values, parse_any_period


class Command(BaseCommand):
    help = "Xuất số liệu một kỳ theo dạng dataValueSets của DHIS2 (JSON, CSV hoặc XML)."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=["dhis2"], help="loại dữ liệu (hiện có: dhis2)")
        parser.add_argument("--period", required=True, help="kỳ: 2023-Q3, 2023-07, 2023 (hoặc mã DHIS2 2023Q3)")
        parser.add_argument("--area", help="chỉ các đơn vị trong địa bàn này (mã hoặc tên đúng)")
        parser.add_argument("--org-unit", help="chỉ đơn vị này (mã) và cấp dưới")
        parser.add_argument("--format", choices=["json", "csv", "xml"], default="json")
        parser.add_argument("--id-scheme", choices=["code", "uid", "name"], default="code",
                            help="mã ghi ra: mã của giaoban (mặc định), UID kiểu DHIS2, hoặc tên")
        parser.add_argument("-o", "--output", help="tệp kết quả (mặc định: đầu ra chuẩn)")

    def handle(self, *args, **opts):
        try:
            period = parse_any_period(opts["period"])
        except PeriodError as exc:
            raise CommandError(str(exc)) from exc
        try:
            scheme = None if opts["id_scheme"] == "code" else opts["id_scheme"].upper()
            values = list(export_values(period.code, area=opts["area"], org_unit=opts["org_unit"], children=True,
                                        id_scheme={"dataElement": scheme, "orgUnit": scheme}))
        except LookupError as exc:
            raise CommandError(str(exc)) from exc
        out = io.StringIO()
        try:
            header = {"period": to_dhis2_period(period)}
        except PeriodError:
            header = {}
        if opts["format"] == "csv":
            write_csv(values, out)
        elif opts["format"] == "xml":
            write_xml(values, out, **header)
        else:
            write_json(values, out, **header)
        text = out.getvalue()
        if opts["output"]:
            with open(opts["output"], "w", encoding="utf-8", newline="") as f:
                f.write(text)
            sys.stderr.write(f"Đã xuất {len(values)} số liệu vào {opts['output']}\n")
        else:
            self.stdout.write(text, ending="")
