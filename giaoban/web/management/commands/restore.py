import json

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from giaoban.security.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = ("Khôi phục từ tệp sao lưu vào cơ sở dữ liệu trống (đã chạy migrate), trong một giao dịch. "
            "--force: xóa và thay toàn bộ dữ liệu hiện có.")

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--force", action="store_true", help="thay cả khi cơ sở dữ liệu đã có dữ liệu")
        parser.add_argument("--database", default="default")
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, **options):
        try:
            result = restore_backup(options["file"], using=options["database"], force=options["force"])
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        except DatabaseError as exc:
            raise CommandError(f"Khôi phục thất bại, không có gì được ghi ({exc}). Cơ sở dữ liệu đã được tạo bảng "
                               "(giaoban migrate) chưa?") from exc
        if options["format"] == "json":
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=1))
            return
        self.stdout.write(
            f"Đã khôi phục {result['total_objects']} bản ghi và {result['media_files']} tệp "
            f"(bản sao lưu lúc {result['created_at']}, từ {result['source_database']})."
        )
