import json

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from giaoban.security.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Sao lưu toàn bộ dữ liệu (kể cả nhật ký thay đổi, tài khoản) và tệp đã tải lên vào một tệp .tar.gz."

    def add_arguments(self, parser):
        parser.add_argument("file", help="tệp sao lưu sẽ tạo, ví dụ /var/backups/giaoban-$(date +%%F).tar.gz")
        parser.add_argument("--database", default="default")
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, **options):
        try:
            manifest = create_backup(options["file"], using=options["database"])
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        except DatabaseError as exc:
            raise CommandError(f"Không đọc được cơ sở dữ liệu ({exc}). Cơ sở dữ liệu đã được cập nhật chưa "
                               "(giaoban migrate)?") from exc
        summary = {"file": options["file"], "created_at": manifest["created_at"], "total_objects": manifest["total_objects"],
                   "media_files": manifest["media_files"], "counts": manifest["counts"]}
        if options["format"] == "json":
            self.stdout.write(json.dumps(summary, ensure_ascii=False, indent=1))
            return
        self.stdout.write(f"Đã sao lưu {manifest['total_objects']} bản ghi và {manifest['media_files']} tệp vào {options['file']}.")
