"""giaoban query --indicator CODE --period PERIOD --area AREA [--as-of DATE] [--by …] [--format json|table]"""

import json

from django.core.management.base import BaseCommand, CommandError

from giaoban.analytics import engine
from giaoban.analytics.summary import rebuild
from giaoban.core.numbers import format_vn_number, format_vn_percent

QUALIFIER_WORD = {"approx": "khoảng ", "over": "hơn ", "under": "dưới ", "mixed": "~"}


class Command(BaseCommand):
    help = "Tra cứu số liệu tổng hợp của một chỉ tiêu theo kỳ, địa bàn hoặc đơn vị (cây tổ chức tại một ngày)."

    def add_arguments(self, parser):
        parser.add_argument("--indicator", help="mã hoặc đúng tên chỉ tiêu (bỏ trống khi --by indicator)")
        parser.add_argument("--period", help="kỳ: 2024-Q4, 2025-H1, 2025-9M, 2025, 2025-07")
        parser.add_argument("--area", help="mã hoặc đúng tên địa bàn, ví dụ 'phường Đoàn Kết'")
        parser.add_argument("--unit", help="mã hoặc đúng tên đơn vị")
        parser.add_argument("--org", help="mã tổ chức: mttq, congdoan, phunu, doan, nongdan, ccb")
        parser.add_argument("--as-of", dest="as_of", help="cây tổ chức tại ngày (mặc định: cuối kỳ)")
        parser.add_argument("--by", choices=["org", "area", "unit", "period", "indicator"])
        parser.add_argument("--include-submitted", action="store_true", help="tính cả báo cáo đã gửi, chưa duyệt")
        parser.add_argument("--format", choices=["json", "table"], default="table")
        parser.add_argument("--rebuild", action="store_true", help="dựng lại bảng tổng hợp từ số liệu (sau khi nạp hàng loạt)")

    def handle(self, *args, **o):
        if o["rebuild"]:
            n = rebuild()
            self.stderr.write(f"Đã dựng lại bảng tổng hợp: {n} số liệu.")
            if not o["period"]:
                return
        if not o["period"]:
            raise CommandError("Thiếu --period (ví dụ --period 2024-Q4).")
        if not o["indicator"] and o["by"] != "indicator":
            raise CommandError("Thiếu --indicator (mã hoặc tên chỉ tiêu), hoặc dùng --by indicator.")
        try:
            rows = engine.query(
                o["indicator"], o["period"], area=o["area"], unit=o["unit"], org=o["org"], as_of=o["as_of"],
                by=o["by"], include_submitted=o["include_submitted"],
            )
        except engine.AnalyticsError as e:
            raise CommandError(str(e)) from None
        if o["format"] == "json":
            self.stdout.write(json.dumps([r.to_dict() for r in rows], ensure_ascii=False, indent=2))
            return
        if not rows:
            self.stdout.write("Không có số liệu.")
            return
        first = rows[0]
        self.stdout.write(f"{first.scope} – kỳ {first.period} – cây tổ chức tại {first.as_of}")
        head = ["", "Chỉ tiêu", "Kỳ", "Giá trị", "Đơn vị báo cáo", "% đạt", "Cùng kỳ", "So cùng kỳ"]
        lines = [head]
        for r in rows:
            label = " / ".join(r.labels.values()) or first.scope
            value = "—" if r.value is None else QUALIFIER_WORD.get(r.qualifier, "") + format_vn_number(r.value.normalize())
            if r.reconstructed:
                value += " (*)"
            last = r.same_period_last_year
            lines.append([
                label, r.indicator, r.period, value, f"{r.reporting_units}/{r.expected_units}",
                "" if r.progress_pct is None else format_vn_percent(r.progress_pct),
                "" if not last or last.value is None else format_vn_number(last.value.normalize()),
                "" if not last or last.change_pct is None else format_vn_percent(last.change_pct),
            ])
        widths = [max(len(str(line[i])) for line in lines) for i in range(len(head))]
        for line in lines:
            self.stdout.write("  ".join(str(c).ljust(w) for c, w in zip(line, widths)).rstrip())
        if any(r.reconstructed for r in rows):
            self.stdout.write("(*) số liệu dựng lại từ các đơn vị, địa bàn trước khi sắp xếp lại.")
