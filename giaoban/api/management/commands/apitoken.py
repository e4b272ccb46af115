"""`giaoban apitoken USERNAME --name NAME`: issue an API token (shown once)."""

import json

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from giaoban.api.models import ApiToken


class Command(BaseCommand):
    help = "Tạo mã truy cập API cho một người dùng (mã chỉ hiện một lần), hoặc thu hồi bằng --revoke."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="chương trình", help="tên chương trình dùng mã")
        parser.add_argument("--revoke", metavar="PREFIX", help="thu hồi mã có phần đầu này")
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, **opts):
        user = get_user_model().objects.filter(username=opts["username"]).first()
        if user is None:
            raise CommandError(f"Không tìm thấy người dùng '{opts['username']}'.")
        if opts["revoke"]:
            n = ApiToken.objects.filter(user=user, prefix__startswith=opts["revoke"]).update(is_active=False)
            self.stdout.write(f"Đã thu hồi {n} mã.")
            return
        token, raw = ApiToken.issue(user, opts["name"])
        if opts["format"] == "json":
            self.stdout.write(json.dumps({"token": raw, "name": token.name, "user": user.get_username()}, ensure_ascii=False))
        else:
            self.stdout.write(f"Mã truy cập (chỉ hiện một lần): {raw}")
