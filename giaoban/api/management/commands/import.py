"""`giaoban import dhis2 FILE [--dry-run] [--format json]`: import a DHIS2 dataValueSets file."""

import json
import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from giaoban.dhis2.format import guess_format
from giaoban.dhis2.service import import_data_value_set


class Command(BaseCommand):
    help = "Nhập số liệu từ tệp dataValueSets của DHIS2 (JSON hoặc CSV). Có lỗi thì không lưu gì."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=["dhis2"], help="loại dữ liệu (hiện có: dhis2)")
        parser.add_argument("file", help="tệp .json hoặc .csv ('-' để đọc từ đầu vào chuẩn)")
        parser.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không lưu")
        parser.add_argument("--input-format", choices=["json", "csv", "xml"], help="định dạng tệp (mặc định: đoán theo đuôi tệp)")
        parser.add_argument("--format", choices=["text", "json"], default="text", help="định dạng kết quả")
        parser.add_argument("--user", help="ghi nhận là người dùng này (mặc định: hệ thống, không giới hạn phạm vi)")
        parser.add_argument("--allow-locked", action="store_true", help="cho phép ghi vào báo cáo đã duyệt/khóa")

    def handle(self, *args, **opts):
        path = opts["file"]
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            p = Path(path)
            if not p.is_file():
                raise CommandError(f"Không tìm thấy tệp '{path}'.")
            data = p.read_bytes()
        fmt = opts["input_format"] or guess_format(path, data)
        user = None
        if opts["user"]:
            user = get_user_model().objects.filter(username=opts["user"]).first()
            if user is None:
                raise CommandError(f"Không tìm thấy người dùng '{opts['user']}'.")
        summary = import_data_value_set(data, fmt, user=user, dry_run=opts["dry_run"],
                                        allow_locked=opts["allow_locked"], source_name=Path(path).name)
        result = summary.as_dict()
        if opts["format"] == "json":
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=1))
        else:
            c = result["importCount"]
            self.stdout.write(f"{result['status']}: {result['description']}")
            self.stdout.write(f"  mới {c['imported']}, cập nhật {c['updated']}, bỏ qua {c['ignored']}")
            for conflict in result["conflicts"]:
                where = f" (vị trí {', '.join(map(str, conflict.get('indexes', [])[:10]))})" if conflict.get("indexes") else ""
                self.stdout.write(f"  - {conflict['object']}: {conflict['value']}{where}")
        if summary.status == "ERROR":
            sys.exit(1)
