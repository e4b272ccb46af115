"""One report model to one file format; shared by the command and the download views."""

from __future__ import annotations

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


PREVIEW_CSS = """
.report-preview{font-family:"Times New Roman",Tinos,"Liberation Serif",serif;font-size:14pt;max-width:21cm;margin:0 auto;padding:1.5cm 1.5cm 2cm 3cm;background:#fff;color:#000;line-height:1.35}
.report-head{display:grid;grid-template-columns:6.3cm 1fr;text-align:center;font-size:13pt}
.report-preview h1{text-align:center;font-size:14pt;margin:1.2em 0 0}
.report-preview .summary{text-align:center;margin-top:0}
.report-preview h2,.report-preview h3{font-size:14pt;text-indent:1.27cm;margin:.6em 0 .3em}
.report-preview p{text-align:justify;text-indent:1.27cm;margin:0 0 6pt}
.report-preview p.caption{text-align:center;text-indent:0;font-size:12pt}
.report-preview table{border-collapse:collapse;width:100%;font-size:11pt;margin-bottom:8pt}
.report-preview th,.report-preview td{border:1px solid #444;padding:2px 4px}
.report-preview td:nth-child(n+4){text-align:right}
.report-preview figure{margin:6pt 0;text-align:center}.report-preview svg{max-width:100%;height:auto}
@media (max-width:700px){.report-preview{padding:.5cm;font-size:12pt}.report-head{grid-template-columns:1fr}.report-preview table{display:block;overflow-x:auto}}
"""
