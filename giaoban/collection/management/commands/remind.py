"""giaoban remind --period 2025-Q3 [--unit CODE] [--dry-run] [--format json]

Reminds the data-entry people of every unit that has not sent the period's report (the same as
the completeness page's 'Nhắc' buttons: giaoban.collection.reminders).
"""

import json

from django.core.management.base import BaseCommand, CommandError

from giaoban.collection import completeness as comp
from giaoban.collection import reminders
from giaoban.core.periods import Period, PeriodError
from giaoban.org.models import Unit


class Command(BaseCommand):
    help = "Nhắc các đơn vị chưa gửi báo cáo của một kỳ (trong ứng dụng và qua thư điện tử nếu có máy chủ SMTP)."

    def add_arguments(self, parser):
        parser.add_argument("--period", required=True, help="Kỳ báo cáo, ví dụ 2025-Q3")
        parser.add_argument("--unit", help="Chỉ nhắc trong cây của đơn vị có mã này")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ liệt kê, không tạo nhắc nhở")
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, period, unit=None, dry_run=False, format="text", **options):
        try:
            p = Period.parse(period)
        except PeriodError as exc:
            raise CommandError(str(exc)) from None
        units = Unit.objects.all()
        if unit:
            root = Unit.objects.filter(code=unit).order_by("-valid_from").first()
            if root is None:
                raise CommandError(f"Không có đơn vị mã '{unit}'.")
            units = units.filter(path__startswith=root.path)
        result = reminders.remind(comp.unit_states(units, p), p, dry_run=dry_run)
        out = result["reminders"]
        if format == "json":
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=1))
            return
        self.stdout.write(f"Kỳ {p.label_vi}: {result['units_missing']} đơn vị chưa gửi; {len(out)} nhắc nhở"
                          f"{' (chạy thử, không tạo gì)' if dry_run else ''}.")
        for r in out:
            self.stdout.write(f"- {r['user']}: {r['message']}")
