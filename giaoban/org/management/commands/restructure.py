"""`giaoban restructure import FILE [--dry-run] [--cascade-units] [--format json]`, and
`restructure list`, `restructure confirm ID`, `restructure revert ID`."""

import json
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from giaoban.org import operations
from giaoban.org.importer import ImportFailed, plan_file
from giaoban.org.models import ChangeBatch
from giaoban.org.operations import PlanError


class Command(BaseCommand):
    help = "Sắp xếp địa bàn, đơn vị: nhập danh sách thay đổi (CSV/xlsx), xem trước, áp dụng, xác nhận hoặc hoàn tác."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["import", "list", "confirm", "revert"])
        parser.add_argument("target", nargs="?", help="tệp danh sách thay đổi (import) hoặc số đợt (confirm, revert)")
        parser.add_argument("--dry-run", action="store_true", help="chỉ liệt kê những gì sẽ thay đổi, không lưu")
        parser.add_argument("--cascade-units", action="store_true", help="áp dụng cả cho đơn vị của các tổ chức gắn với địa bàn")
        parser.add_argument("--user", help="tên đăng nhập người thực hiện (ghi vào nhật ký)")
        parser.add_argument("--title", default="", help="nội dung đợt sắp xếp")
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, **options):
        self.as_json = options["format"] == "json"
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"Không có người dùng '{options['user']}'.")
        action = options["action"]
        if action == "list":
            return self.list_batches()
        if not options["target"]:
            raise CommandError("Thiếu tệp (import) hoặc số đợt (confirm, revert).")
        if action == "import":
            return self.do_import(options["target"], options, user)
        batch = ChangeBatch.objects.filter(pk=options["target"]).first() if options["target"].isdigit() else None
        if batch is None:
            raise CommandError(f"Không có đợt sắp xếp số {options['target']}.")
        try:
            batch = (operations.confirm if action == "confirm" else operations.revert)(batch, user)
        except PlanError as exc:
            raise CommandError("\n".join(exc.errors)) from None
        self.emit({"batch": batch.pk, "status": batch.status}, f"Đợt {batch.pk}: {batch.get_status_display()}.")

    def emit(self, data, text):
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) if self.as_json else text)

    def list_batches(self):
        batches = list(ChangeBatch.objects.all()[:200])
        data = [{"id": b.pk, "title": b.title, "status": b.status, "created_at": b.created_at.isoformat(),
                 "summary": b.plan.get("summary", {})} for b in batches]
        text = "\n".join(f"{b.pk}\t{b.get_status_display()}\t{b.created_at:%d/%m/%Y %H:%M}\t{b.title}" for b in batches) or "Chưa có đợt sắp xếp nào."
        self.emit(data, text)

    def do_import(self, path, options, user):
        started = time.monotonic()
        try:
            plan = plan_file(path, cascade_units=options["cascade_units"])
        except ImportFailed as exc:
            if self.as_json:
                self.stdout.write(json.dumps({"ok": False, "errors": [
                    {"row": i.row, "column": i.column, "message": str(i)} for i in exc.issues]}, ensure_ascii=False, indent=1))
            raise CommandError(f"Không lưu gì: {len(exc.issues)} lỗi trong {path}:\n" + "\n".join(str(i) for i in exc.issues)) from None
        data = {"ok": True, "dry_run": options["dry_run"], **plan.to_dict()}
        batch = None
        if not options["dry_run"]:
            try:
                batch = operations.apply(plan, user, title=options["title"] or f"Nhập danh sách thay đổi {path}", source=str(path))
            except PlanError as exc:
                raise CommandError("\n".join(exc.errors)) from None
            data["batch"] = batch.pk
            data["status"] = batch.status
        data["seconds"] = round(time.monotonic() - started, 2)
        s = plan.summary()
        head = (f"{'Xem trước (không lưu)' if batch is None else f'Đã áp dụng, đợt số {batch.pk} (xác nhận: giaoban restructure confirm {batch.pk})'}: "
                f"{s['operations']} thao tác; địa bàn: đóng {s['areas_closed']}, tạo {s['areas_created']}; "
                f"đơn vị: đóng {s['units_closed']}, tạo {s['units_created']}; {s['area_links'] + s['unit_links']} liên kết kế thừa.")
        self.emit(data, "\n".join([head, *plan.lines()]))
