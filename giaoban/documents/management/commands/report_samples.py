"""giaoban report_samples [--outdir docs/samples]: from the demo data (`giaoban demo --until
2026-Q3` first) the Lai Châu 2023-Q3 province report (Word, PDF, Excel), a commune's and the
Women's Union's 2026-Q3 reports, the 2023-Q3 news draft, and the first page of each report as
PNG. Each report is dated by default (the period's deadline) and prints its page count."""

import shutil
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from giaoban.analytics.engine import AnalyticsError
from giaoban.documents.gather import build_report_model
from giaoban.documents.render import phrasing
from giaoban.docwriter.docx import write_report_docx
from giaoban.docwriter.news import build_news, write_news_docx
from giaoban.docwriter.pdf import PdfUnavailable, docx_to_pdf
from giaoban.docwriter.xlsx import write_report_xlsx

# (file stem, period, area code, organization): 12 is tỉnh Lai Châu (GSO code), 03388 phường
# Đoàn Kết (one of the 38 communes formed on 1/7/2025).
SAMPLES = [
    ("bao-cao-lai-chau-2023-Q3", "2023-Q3", "12", None),
    ("bao-cao-phuong-doan-ket-2026-Q3", "2026-Q3", "03388", None),
    ("bao-cao-hoi-lhpn-lai-chau-2026-Q3", "2026-Q3", "12", "phunu"),
]
NEWS = ("tin-bai-lai-chau-2023-Q3", "2023-Q3", "12")
MAX_PAGES = 12


def _pages(pdf: Path) -> int | None:
    if not shutil.which("pdfinfo"):
        return None
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, timeout=60).stdout
    return next((int(line.split()[-1]) for line in out.splitlines() if line.startswith("Pages:")), None)


class Command(BaseCommand):
    help = ("Tạo lại các tệp mẫu trong docs/samples/ (báo cáo quý III/2023 tỉnh Lai Châu, báo cáo quý III/2026 "
            "của phường Đoàn Kết và của Hội LHPN tỉnh, tin bài, ảnh trang đầu).")

    def add_arguments(self, parser):
        parser.add_argument("--outdir", default=str(Path(settings.BASE_DIR) / "docs" / "samples"))

    def handle(self, *args, **opts):
        out = Path(opts["outdir"])
        out.mkdir(parents=True, exist_ok=True)
        words = phrasing()
        docs = []
        for stem, period, area, org in SAMPLES:
            try:
                model = build_report_model(period, area, org, area_tables=stem.endswith("2023-Q3"))
            except AnalyticsError as exc:
                raise CommandError(f"{exc} Hãy chạy 'giaoban demo --until 2026-Q3' để nạp dữ liệu mẫu Lai Châu trước.") from exc
            if not model.sections:
                raise CommandError(f"Chưa có số liệu {period} của {area}: hãy chạy 'giaoban demo --until 2026-Q3' trước.")
            path = out / f"{stem}.docx"
            write_report_docx(model, path, phrasing=words)
            if model.area_rows:
                write_report_xlsx(model, out / f"{stem}.xlsx", phrasing=words)
            docs.append(path)
            self.stdout.write(f"Đã ghi {path.name} (ngày {model.report_date:%d/%m/%Y}).")
        stem, period, area = NEWS
        news = build_news(build_report_model(period, area, area_tables=False), words)
        (out / f"{stem}.txt").write_text(news.text, encoding="utf-8")
        write_news_docx(news, out / f"{stem}.docx")
        self.stdout.write(f"Đã ghi tin bài ({news.word_count} chữ).")
        try:
            if not shutil.which("pdftoppm"):
                raise PdfUnavailable("Chưa cài poppler-utils (pdftoppm) nên không vẽ được ảnh trang.")
            for path in docs:
                with tempfile.TemporaryDirectory(prefix="giaoban-samples-") as work:
                    pdf = docx_to_pdf(path, work)
                    subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", str(pdf), str(Path(work) / "trang")],
                                   check=True, timeout=120)
                    png = sorted(Path(work).glob("trang*.png"))[0]
                    shutil.copyfile(png, out / f"{path.stem}-trang-1.png")
                    shutil.copyfile(pdf, out / f"{path.stem}.pdf")
                    pages = _pages(pdf)
                note = f"{pages} trang" if pages is not None else "số trang: chưa có pdfinfo"
                if pages is not None and pages > MAX_PAGES:
                    self.stderr.write(f"{path.name}: {pages} trang, quá {MAX_PAGES} trang.")
                self.stdout.write(f"Đã ghi {path.stem}.pdf ({note}) và ảnh trang đầu.")
        except PdfUnavailable as exc:
            self.stderr.write(str(exc))
