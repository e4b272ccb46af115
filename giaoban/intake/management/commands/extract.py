"""`giaoban extract FILE [--format json|table]`: the figures of a narrative report or article."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError, CommandParser

from giaoban.textfigures import ReadError, extract_file
from giaoban.textfigures.numbers_format import format_value

_ORG_LABELS = {"mttq": "MTTQ", "congdoan": "Công đoàn", "phunu": "Phụ nữ", "doan": "Đoàn",
               "nongdan": "Nông dân", "ccb": "CCB", "other": "khác"}
_QUALIFIER_LABELS = {"exact": "", "approx": "khoảng", "over": "hơn", "under": "dưới"}


class Command(BaseCommand):
    help = "Đọc số liệu từ báo cáo hoặc bài viết (.txt, .docx, .pdf, .html)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="tệp cần đọc")
        parser.add_argument("--format", choices=["json", "table"], default="table")

    def handle(self, *args: object, **options: object) -> None:
        path = str(options["file"])
        try:
            result = extract_file(path)
        except ReadError as exc:
            raise CommandError(str(exc)) from exc
        result.pop("text", None)
        if options["format"] == "json":
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=1))
            return
        detail = result.get("period_detail") or {}
        self.stdout.write(f"Tệp: {path}")
        self.stdout.write(f"Kỳ báo cáo: {result['period'] or detail.get('text') or 'không rõ'}")
        self.stdout.write(f"Số liệu: {len(result['figures'])}")
        for f in result["figures"]:
            owner = ", ".join(_ORG_LABELS.get(o, o) for o in f["orgs"]) if f["orgs"] else _ORG_LABELS.get(f["org"] or "", "—")
            qualifier = _QUALIFIER_LABELS.get(f["qualifier"], f["qualifier"])
            value = f"{qualifier} {format_value(f['value'])}".strip()
            self.stdout.write(
                f"{f['start']:>6}  {value:>22} {f['unit'] or '':<12} {owner:<24} "
                f"{f['indicator_code'] or '—':<28} {f['text']}"
            )
