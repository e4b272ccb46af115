"""One report model to one file format; shared by the command and the download views."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from giaoban.docwriter.docx import write_report_docx
from giaoban.docwriter.model import ReportModel
from giaoban.docwriter.news import build_news, write_news_docx
from giaoban.docwriter.pdf import docx_bytes_to_pdf
from giaoban.docwriter.writing import load_phrasing, render_preview_html
from giaoban.docwriter.xlsx import write_report_xlsx

FORMATS = {
    "docx": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pdf": ("pdf", "application/pdf"),
    "html": ("html", "text/html; charset=utf-8"),
    "news": ("txt", "text/plain; charset=utf-8"),
    "news-docx": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
}


def phrasing() -> dict:
    """The deployment's phrasing: settings.GIAOBAN_REPORT_PHRASING, else $GIAOBAN_REPORT_PHRASING."""
    return load_phrasing(getattr(settings, "GIAOBAN_REPORT_PHRASING", None))


def render(model: ReportModel, fmt: str, charts: bool = True) -> tuple[bytes, str, str]:
    """(bytes, file extension, MIME type) of the report in `fmt`."""
    if fmt not in FORMATS:
        raise ValueError(f"Định dạng không hỗ trợ: '{fmt}' (chọn {', '.join(FORMATS)}).")
    words = phrasing()
    ext, mime = FORMATS[fmt]
    if fmt == "docx":
        data = write_report_docx(model, phrasing=words, charts=charts)
    elif fmt == "xlsx":
        data = write_report_xlsx(model, phrasing=words)
    elif fmt == "pdf":
        data = docx_bytes_to_pdf(write_report_docx(model, phrasing=words, charts=charts))
    elif fmt == "html":
        body = render_preview_html(model, words, charts=charts)
        data = ("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Báo cáo "
                f"{model.period_label}</title><style>{PREVIEW_CSS}</style></head><body>{body}</body></html>").encode("utf-8")
    elif fmt == "news":
        data = build_news(model, words).text.encode("utf-8")
    else:
        data = write_news_docx(build_news(model, words))
    return data, ext, mime


# One style sheet for the preview page (linked: the Content-Security-Policy refuses inline style)
# and the downloaded .html file (inline: it is opened from disk).
PREVIEW_CSS = (Path(__file__).resolve().parent / "static" / "documents" / "preview.css").read_text(encoding="utf-8")
