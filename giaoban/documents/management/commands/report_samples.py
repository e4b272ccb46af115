"""giaoban report_samples [--outdir docs/samples]: the Lai Châu 2023-Q3 report, the PNGs of its
first two pages and the news draft, from the demo data (`giaoban demo` first)."""

import datetime as dt
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from giaoban.analytics.engine import AnalyticsError
from giaoban.documents.gather import build_report_model
from giaoban.documents.render import phrasing
from giaoban.reports.docx import write_report_docx
from giaoban.reports.news import build_news, write_news_docx
from giaoban.reports.pdf import PdfUnavailable, docx_to_pdf
from giaoban.reports.xlsx import write_report_xlsx

PERIOD, AREA, REPORT_DATE = "2023-Q3", "12", dt.date(2023, 10, 5)  # 12: tỉnh Lai Châu (GSO code)


class Command(BaseCommand):
    help = "Tạo lại các tệp mẫu trong docs/samples/ (báo cáo quý III/2023 tỉnh Lai Châu, ảnh 2 trang đầu, tin bài)."

    def add_arguments(self, parser):
        parser.add_argument("--outdir", default=str(Path(settings.BASE_DIR) / "docs" / "samples"))

    def handle(self, *args, **opts):
        out = Path(opts["outdir"])
        out.mkdir(parents=True, exist_ok=True)
        try:
            model = build_report_model(PERIOD, AREA, report_date=REPORT_DATE)
        except AnalyticsError as exc:
            raise CommandError(f"{exc} Hãy chạy 'giaoban demo' để nạp dữ liệu mẫu Lai Châu trước.") from exc
        if not model.sections:
            raise CommandError("Chưa có số liệu quý III/2023 của Lai Châu: hãy chạy 'giaoban demo' trước.")
        words = phrasing()
        stem = "bao-cao-lai-chau-2023-Q3"
        docx_path = out / f"{stem}.docx"
        write_report_docx(model, docx_path, phrasing=words)
        write_report_xlsx(model, out / f"{stem}.xlsx", phrasing=words)
        news = build_news(model, words)
        (out / "tin-bai-lai-chau-2023-Q3.txt").write_text(news.text, encoding="utf-8")
        write_news_docx(news, out / "tin-bai-lai-chau-2023-Q3.docx")
        self.stdout.write(f"Đã ghi {docx_path.name}, {stem}.xlsx, tin bài ({news.word_count} chữ).")
        try:
            with tempfile.TemporaryDirectory(prefix="giaoban-samples-") as work:
                pdf = docx_to_pdf(docx_path, work)
                if not shutil.which("pdftoppm"):
                    raise PdfUnavailable("Chưa cài poppler-utils (pdftoppm) nên không vẽ được ảnh trang.")
                subprocess.run(["pdftoppm", "-r", "110", "-png", "-f", "1", "-l", "2", str(pdf), str(Path(work) / "trang")],
                               check=True, timeout=120)
                for i, png in enumerate(sorted(Path(work).glob("trang*.png")), start=1):
                    shutil.copyfile(png, out / f"{stem}-trang-{i}.png")
                shutil.copyfile(pdf, out / f"{stem}.pdf")
            self.stdout.write(f"Đã ghi {stem}.pdf và ảnh 2 trang đầu.")
        except PdfUnavailable as exc:
            self.stderr.write(str(exc))
