"""`giaoban meeting parse FILE [--format json|table]`, `giaoban meeting import FILE`,
`giaoban meeting carry-over PERIOD`."""

import json

from django.core.management.base import BaseCommand, CommandError

from giaoban.meetings import services
from giaoban.textfigures.meetings import UnreadableDocument, parse_meeting, read_document


class Command(BaseCommand):
    help = "Hội nghị giao ban: đọc bài viết/biên bản, tạo bản nháp hội nghị, chuyển nhiệm vụ sang kỳ sau."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        p = sub.add_parser("parse", help="Đọc tệp và in kỳ, người, tổ chức, kết luận, nhiệm vụ đề xuất.")
        p.add_argument("file")
        p.add_argument("--format", choices=["json", "table"], default="table")
        i = sub.add_parser("import", help="Tạo bản nháp hội nghị từ tệp.")
        i.add_argument("file")
        i.add_argument("--title", default="")
        i.add_argument("--format", choices=["json", "table"], default="table")
        c = sub.add_parser("carry-over", help="Chuyển nhiệm vụ chưa hoàn thành của kỳ sang kỳ sau.")
        c.add_argument("period")
        c.add_argument("--format", choices=["json", "table"], default="table")

    def handle(self, *args, **options):
        action = options["action"]
        if action == "carry-over":
            try:
                tasks = services.carry_over(options["period"])
            except ValueError as exc:
                raise CommandError(str(exc)) from exc
            if options["format"] == "json":
                self.stdout.write(json.dumps([{"id": t.pk, "text": t.text, "due_period": t.due_period, "carried_from": t.carried_from_id} for t in tasks], ensure_ascii=False, indent=2))
            else:
                self.stdout.write(f"Đã chuyển {len(tasks)} nhiệm vụ sang kỳ sau.")
            return
        try:
            text = read_document(options["file"])
        except UnreadableDocument as exc:
            raise CommandError(str(exc)) from exc
        parsed = parse_meeting(text)
        if action == "parse":
            if options["format"] == "json":
                self.stdout.write(json.dumps(parsed, ensure_ascii=False, indent=2))
            else:
                self.write_table(parsed)
            return
        try:
            meeting = services.create_meeting_draft(parsed, source_text=text, title=options["title"])
        except services.MeetingError as exc:
            raise CommandError(f"{options['file']}: {exc}") from exc
        if options["format"] == "json":
            self.stdout.write(json.dumps({"meeting": meeting.pk, "period": meeting.period, "candidates": len(meeting.candidates)}, ensure_ascii=False))
        else:
            self.stdout.write(f"Đã tạo bản nháp hội nghị #{meeting.pk} (kỳ {meeting.period}) với {len(meeting.candidates)} nhiệm vụ đề xuất.")

    def write_table(self, parsed: dict) -> None:
        w = self.stdout.write
        w(f"Kỳ được đánh giá: {parsed['period'] or '–'}   Kỳ tới: {parsed['next_period'] or '–'}   Ngày họp: {parsed['date'] or '–'}")
        w("Tổ chức: " + (", ".join(parsed["organizations"]) or "–"))
        w("Người:")
        for p in parsed["people"]:
            w(f"  - {p['name']} – {p['position'] or '(không rõ chức vụ)'}" + (f" [{p['role']}]" if p["role"] != "attendee" else ""))
        w(f"Nhiệm vụ đề xuất ({len(parsed['tasks'])}):")
        for n, t in enumerate(parsed["tasks"], start=1):
            w(f"  {n:>2}. [{t['due_period']}] [{','.join(t['orgs'])}] {t['text']}")
