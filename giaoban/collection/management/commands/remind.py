"""giaoban remind --period 2025-Q3 [--unit CODE] [--dry-run] [--format json]

Reminds the data-entry people of every unit that has not sent the period's report: an in-app
reminder (shown on 'Báo cáo của tôi') and an e-mail when EMAIL_HOST is set and the person has
an address. One reminder per person, unit and period a day.
"""

import json

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from giaoban.collection import completeness as comp
from giaoban.collection.models import Membership, Reminder
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
        missing = [s for s in comp.unit_states(units, p) if s.missing]
        people = {}
        for m in Membership.objects.filter(unit__in=[s.unit for s in missing], role=Membership.Role.ENTRY).select_related("user"):
            people.setdefault(m.unit_id, []).append(m.user)
        today = timezone.localdate()
        email_on = bool(settings.EMAIL_HOST)
        out = []
        with transaction.atomic():
            for s in missing:
                for user in people.get(s.unit.pk, []):
                    days = (s.deadline - today).days
                    when = (f"đã quá hạn {-days} ngày" if days < 0 else "hạn là hôm nay" if days == 0 else f"còn {days} ngày")
                    message = (f"{s.unit.name} chưa gửi báo cáo {p.label_vi}; hạn gửi {s.deadline:%d/%m/%Y} ({when}).")
                    duplicate = Reminder.objects.filter(user=user, unit=s.unit, period=p.code, created_at__date=today).exists()
                    emailed = False
                    if not dry_run and not duplicate:
                        if email_on and user.email:
                            emailed = send_mail(f"[giaoban] Nhắc gửi báo cáo {p.label_vi}", message, None, [user.email],
                                                fail_silently=True) > 0
                        Reminder.objects.create(user=user, unit=s.unit, period=p.code, message=message, emailed=emailed)
                    out.append({"user": user.username, "unit": s.unit.code, "unit_name": s.unit.name, "deadline": s.deadline.isoformat(),
                                "message": message, "created": not dry_run and not duplicate, "emailed": emailed})
        result = {"period": p.code, "dry_run": dry_run, "units_missing": len(missing),
                  "units_without_entry_user": sum(1 for s in missing if s.unit.pk not in people),
                  "reminders": out, "email": email_on}
        if format == "json":
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=1))
            return
        self.stdout.write(f"Kỳ {p.label_vi}: {len(missing)} đơn vị chưa gửi; {len(out)} nhắc nhở"
                          f"{' (chạy thử, không tạo gì)' if dry_run else ''}.")
        for r in out:
            self.stdout.write(f"- {r['user']}: {r['message']}")
