import os
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Chạy ứng dụng (gunicorn; --dev dùng máy chủ phát triển của Django)."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default=os.environ.get("GIAOBAN_BIND", "127.0.0.1:8000"))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("GIAOBAN_WORKERS", "3")))
        parser.add_argument("--dev", action="store_true", help="máy chủ phát triển, tự nạp lại mã")

    def handle(self, *args, **options):
        if options["dev"]:
            call_command("runserver", options["bind"])
            return
        self.stdout.write(f"giaoban đang chạy tại http://{options['bind']}/ (Ctrl+C để dừng)")
        self.stdout.flush()
        argv = [
            sys.executable, "-m", "gunicorn", "giaoban.wsgi:application",
            "--bind", options["bind"], "--workers", str(options["workers"]), "--threads", "4",
            "--access-logfile", "-", "--timeout", "120",
        ]
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giaoban.settings")
        # Replace this process so Ctrl+C and service managers talk to gunicorn directly.
        os.execv(sys.executable, argv)
