import json
import time

from django.core.management.base import BaseCommand

from giaoban.collection.models import DataValue, Report, Target
from giaoban.demo.load import DEMO_PASSWORD, load_demo
from giaoban.org.models import Area, Indicator, Organization, Unit


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu tỉnh Lai Châu (chạy lại không tạo bản trùng)."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument("--if-empty", action="store_true", help="chỉ nạp khi cơ sở dữ liệu chưa có tổ chức nào")
        parser.add_argument("--until", metavar="PERIOD",
                            help="quý cuối của dữ liệu mẫu, ví dụ 2026-Q3 (mặc định: quý gần nhất đã kết thúc)")

    def handle(self, *args, **options):
        started = time.monotonic()
        as_json = options["format"] == "json"
        if options["if_empty"] and Organization.objects.exists():
            if not as_json:
                self.stdout.write("Cơ sở dữ liệu đã có dữ liệu: không nạp dữ liệu mẫu.")
                self.stdout.write(f"Đăng nhập bằng tài khoản mẫu (ví dụ admin, phunu.tinh, phunu.doanket), mật khẩu: {DEMO_PASSWORD}")
            return
        accounts = load_demo(stdout=None if as_json else self.stdout, until=options["until"])

        summary = {
            "areas": Area.objects.count(),
            "units": Unit.objects.count(),
            "indicators": Indicator.objects.count(),
            "reports": Report.objects.count(),
            "data_values": DataValue.objects.count(),
            "targets": Target.objects.count(),
            "seconds": round(time.monotonic() - started, 2),
            "password": DEMO_PASSWORD,
            "accounts": [{"username": u, "description": d} for u, d in accounts],
        }
        if as_json:
            self.stdout.write(json.dumps(summary, ensure_ascii=False, indent=1))
            return
        self.stdout.write(
            f"Xong trong {summary['seconds']} giây: {summary['areas']} địa bàn, {summary['units']} đơn vị, "
            f"{summary['indicators']} chỉ tiêu, {summary['data_values']} số liệu."
        )
        self.stdout.write(f"Tài khoản mẫu (mật khẩu chung: {DEMO_PASSWORD}):")
        for username, description in accounts:
            self.stdout.write(f"  {username:<20} {description}")
