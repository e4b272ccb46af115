"""giaoban report PERIOD --area AREA [--org ORG] [--format docx|xlsx|pdf|html|json] [-o FILE]"""

import dataclasses
import datetime as dt
import json
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from giaoban.analytics.engine import AnalyticsError
from giaoban.core.periods import PeriodError
from giaoban.documents.gather import build_report_model
from giaoban.documents.render import FORMATS, render
from giaoban.docwriter.pdf import ConversionFailed, PdfUnavailable
from giaoban.docwriter.writing import PhrasingError


class Command(BaseCommand):
    help = "Tạo báo cáo tổng hợp của một địa bàn cho một kỳ (Word, Excel, PDF, HTML) và bản thảo tin bài."

    def add_arguments(self, parser):
        parser.add_argument("period", help="kỳ báo cáo, ví dụ 2023-Q3, 2023-9M, 2023")
        parser.add_argument("--area", required=True, help="mã hoặc tên địa bàn, ví dụ 12 hoặc 'Lai Châu'")
        parser.add_argument("--org", help="chỉ một tổ chức: mttq, congdoan, phunu, doan, nongdan, ccb")
        parser.add_argument("--format", default="docx", choices=sorted(FORMATS) + ["json"])
        parser.add_argument("-o", "--output", help="tệp kết quả (mặc định: bao-cao-<địa bàn>-<kỳ>.<đuôi>)")
        parser.add_argument("--date", help="ngày ký báo cáo YYYY-MM-DD (mặc định: hạn báo cáo của kỳ)")
        # No --variant: the layout is the issuing organization's (Decree 30 for the MTTQ and the
        # associations, the Youth Union's own); the Party layout was dropped, as no MTTQ body issues one.
        parser.add_argument("--include-submitted", action="store_true", help="tính cả báo cáo đã gửi, chưa duyệt")
        parser.add_argument("--no-charts", action="store_true", help="không vẽ biểu đồ")

    def handle(self, *args, **opts):
        started = time.perf_counter()
        report_date = None
        if opts["date"]:
            try:
                report_date = dt.date.fromisoformat(opts["date"])
            except ValueError as exc:
                raise CommandError(f"Ngày ký '{opts['date']}' không đúng dạng YYYY-MM-DD.") from exc
        try:
            model = build_report_model(opts["period"], opts["area"], opts["org"], report_date=report_date,
                                       include_submitted=opts["include_submitted"],
                                       area_tables=opts["format"] in ("xlsx", "json"))
        except (AnalyticsError, PeriodError) as exc:
            raise CommandError(str(exc)) from exc
        fmt = opts["format"]
        if fmt == "json":
            self.stdout.write(json.dumps(dataclasses.asdict(model), ensure_ascii=False, default=_json_default, indent=1))
            return
        try:
            data, ext, _mime = render(model, fmt, charts=not opts["no_charts"])
        except (PdfUnavailable, ConversionFailed, PhrasingError) as exc:
            raise CommandError(str(exc)) from exc
        out = Path(opts["output"] or f"bao-cao-{_slug(opts['area'])}-{model.period_code}.{ext}")
        out.write_bytes(data)
        seconds = time.perf_counter() - started
        self.stdout.write(f"Đã ghi {out} ({len(data):,} byte, {seconds:.2f} giây)".replace(",", "."))


def _slug(text: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFD", str(text)).encode("ascii", "ignore").decode().lower()
    return "-".join("".join(c if c.isalnum() else " " for c in plain).split()) or "dia-ban"


def _json_default(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)
