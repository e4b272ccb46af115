"""PDF (and recalculated spreadsheets) through LibreOffice headless.

Each run uses its own LibreOffice profile directory, so concurrent conversions do not fight over
one profile lock; soffice exits 0 even when it failed, so success means "the output file exists".
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

DEFAULT_TIMEOUT = int(os.environ.get("GIAOBAN_SOFFICE_TIMEOUT", "120"))


class PdfUnavailable(RuntimeError):
    """LibreOffice is not installed here, so no PDF (or recalculation) can be made."""


class ConversionFailed(RuntimeError):
    pass


def soffice_path() -> str | None:
    configured = os.environ.get("GIAOBAN_SOFFICE")
    if configured:
        return configured if os.path.exists(configured) else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(source: str | os.PathLike, out_format: str, outdir: str | os.PathLike | None = None,
            timeout: int = DEFAULT_TIMEOUT) -> Path:
    """`soffice --headless --convert-to FORMAT` of one file; returns the output path."""
    exe = soffice_path()
    if not exe:
        raise PdfUnavailable(
            "Không tạo được tệp PDF: máy chủ chưa cài LibreOffice (lệnh 'soffice'). "
            "Hãy cài gói libreoffice-writer-nogui và libreoffice-calc-nogui, hoặc tải bản Word/Excel."
        )
    source = Path(source)
    if not source.is_file():
        raise ConversionFailed(f"Không tìm thấy tệp cần chuyển đổi: {source}")
    ext = out_format.split(":", 1)[0]
    with tempfile.TemporaryDirectory(prefix="giaoban-soffice-") as work:
        profile = Path(work) / "profile"
        outdir_path = Path(outdir) if outdir else Path(work) / "out"
        outdir_path.mkdir(parents=True, exist_ok=True)
        # Convert a copy under a temporary name so an existing output of the same name in outdir
        # cannot be mistaken for this run's result.
        staged_dir = Path(work) / "in"
        staged_dir.mkdir()
        staged = staged_dir / source.name
        shutil.copyfile(source, staged)
        produced = Path(work) / "produced"
        cmd = [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", out_format, "--outdir", str(produced), str(staged)]
        try:
            proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout,
                                  env={**os.environ, "HOME": work})
        except subprocess.TimeoutExpired as exc:
            raise ConversionFailed(f"LibreOffice không chuyển đổi xong '{source.name}' sau {timeout} giây.") from exc
        result = produced / (staged.stem + "." + ext)
        if not result.is_file() or result.stat().st_size == 0:
            detail = (proc.stderr or proc.stdout or b"").decode("utf-8", "replace").strip()[-400:]
            raise ConversionFailed(
                f"LibreOffice không tạo được tệp {ext.upper()} từ '{source.name}' (mã thoát {proc.returncode}). {detail}"
            )
        target = outdir_path / (source.stem + "." + ext)
        shutil.move(str(result), target)
        if outdir is None:
            # The temporary directory goes away: hand back a file that survives it.
            fd, keep = tempfile.mkstemp(suffix="." + ext, prefix=source.stem + "-")
            os.close(fd)
            shutil.move(str(target), keep)
            return Path(keep)
        return target


def docx_to_pdf(docx_path: str | os.PathLike, outdir: str | os.PathLike | None = None,
                timeout: int = DEFAULT_TIMEOUT) -> Path:
    return convert(docx_path, "pdf", outdir, timeout)


def docx_bytes_to_pdf(data: bytes, name: str = "bao-cao.docx", timeout: int = DEFAULT_TIMEOUT) -> bytes:
    with tempfile.TemporaryDirectory(prefix="giaoban-pdf-") as work:
        src = Path(work) / name
        src.write_bytes(data)
        return docx_to_pdf(src, Path(work) / "out", timeout).read_bytes()


def recalculate_xlsx(xlsx_path: str | os.PathLike, outdir: str | os.PathLike,
                     timeout: int = DEFAULT_TIMEOUT) -> Path:
    """Open the workbook in LibreOffice Calc and save it again: formulas get computed values."""
    return convert(xlsx_path, "xlsx:Calc MS Excel 2007 XML", outdir, timeout)
