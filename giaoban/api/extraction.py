"""Extraction endpoints: figures read from a text or an uploaded file."""

from __future__ import annotations

from typing import Any

from ninja import File, Router
from ninja.files import UploadedFile

from giaoban.api import schemas as s
from giaoban.core.uploads import UploadError
from giaoban.textfigures import extract_text
from giaoban.intake.service import ExtractionError, check_file, read_document, take_upload_quota

from giaoban.api.core import ERRORS, ApiError

router = Router()


# ---------------------------------------------------------------------------- extraction


@router.post("/extract", response={200: dict[str, Any], ERRORS: s.ErrorOut}, tags=["Đọc số liệu"],
          summary="Đọc số liệu từ một đoạn văn bản")
def extract(request, body: s.ExtractIn):
    return extract_text(body.text)


@router.post("/extract/file", response={200: dict[str, Any], ERRORS | {429}: s.ErrorOut}, tags=["Đọc số liệu"],
          summary="Đọc số liệu từ một tệp (.docx, .pdf, .txt, .html); mỗi người dùng có hạn mức số tệp")
def extract_upload(request, file: File[UploadedFile]):
    try:
        take_upload_quota(request.user, 1)
    except ExtractionError as exc:
        raise ApiError(429, "rate_limited", str(exc)) from exc
    try:
        data, kind = check_file(file)  # size and type by content, zip and XML limits
        return extract_text(read_document(data, kind, file.name or "tệp"))
    except (UploadError, ExtractionError) as exc:
        raise ApiError(400, "unreadable", str(exc)) from exc

