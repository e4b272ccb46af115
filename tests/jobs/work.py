"""Work for the queue's tests, run by real worker processes (imported by its dotted path)."""

import time
from pathlib import Path


def stall_once(progress, marker: str) -> dict:
    """The first run reports 1/2 and then hangs (the test kills its worker); a run after that finishes."""
    path = Path(marker)
    if not path.exists():
        path.write_text("started")
        progress(1, 2, "Lần chạy đầu: đang chờ bị dừng…")
        time.sleep(120)
    progress(2, 2, "Xong.")
    return {"message": "Xong ở lần chạy lại."}


def quick(progress, text: str) -> dict:
    progress(1, 1, text)
    return {"message": f"Đã làm: {text}", "result_url": "/"}


def fail(progress) -> dict:
    raise RuntimeError("tệp thiếu cột «Đơn vị»")
