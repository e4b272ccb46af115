"""Background jobs on the database queue: real worker processes (`giaoban worker`, `giaoban serve`)
on the test database, killed with SIGKILL in the middle of a job, on SQLite and PostgreSQL."""

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from giaoban.jobs.models import Job
from giaoban.jobs.queue import recover, start
from giaoban.jobs.worker import run_pending
from tests.conftest import free_port
from tests.jobs.work import fail, quick, stall_once

PROJECT_ROOT = Path(__file__).resolve().parents[2]
LEASE = 1.5  # seconds: short, so a dead worker's job is taken back quickly


def database_url() -> str:
    """The test database, for processes started by the test."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def environment(attempts: int) -> dict:
    return {**os.environ, "DATABASE_URL": database_url(), "GIAOBAN_JOB_LEASE": str(LEASE),
            "GIAOBAN_JOB_ATTEMPTS": str(attempts), "PYTHONPATH": str(PROJECT_ROOT), "GIAOBAN_JOBS_INLINE": "0"}


def spawn_worker(name: str, attempts: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "giaoban", "worker", "--interval", "0.2", "--worker-id", name],
                            env=environment(attempts), cwd=PROJECT_ROOT)


def wait_until(condition, seconds: float = 30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"not reached in {seconds} s")


def status(job: Job) -> Job:
    job.refresh_from_db()
    return job


@pytest.fixture
def user(transactional_db):
    return get_user_model().objects.create_user("viec.nen", password="x-giaoban-1")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        process.wait(timeout=30)


@pytest.mark.slow
def test_a_killed_workers_job_is_run_again_by_another_worker(user, tmp_path):
    stalled = start(user, "test", "Việc bị dừng giữa chừng", stall_once, str(tmp_path / "started"))
    waiting = start(user, "test", "Việc xếp sau", quick, "việc thứ hai")
    first = spawn_worker("may-1", attempts=2)
    try:
        wait_until(lambda: status(stalled).done == 1)
        assert status(stalled).status == "running" and stalled.worker == "may-1" and stalled.attempts == 1
        # One worker process runs one job at a time: the second waits for a free worker.
        assert status(waiting).status == "queued"
        first.send_signal(signal.SIGKILL)
        first.wait()
    finally:
        stop(first)
    assert status(stalled).status == "running"  # nobody knows yet: no worker alive

    second = spawn_worker("may-2", attempts=2)
    try:
        wait_until(lambda: status(stalled).status == "done" and status(waiting).status == "done")
    finally:
        stop(second)
    assert stalled.attempts == 2 and stalled.worker == "may-2"
    assert stalled.message == "Xong ở lần chạy lại." and stalled.done == stalled.total == 2
    assert waiting.message == "Đã làm: việc thứ hai"
    # The queue's own record of the first run tells why it ended.
    lost = DBTaskResult.objects.get(worker_ids=["may-1"], status=TaskResultStatus.FAILED)
    assert lost.exception_class_path == "giaoban.jobs.queue.WorkerLost"
    assert "«may-1» đã dừng khi đang chạy việc này (lần chạy 1/2" in lost.traceback


@pytest.mark.slow
def test_a_killed_workers_job_fails_with_the_reason_when_no_attempt_remains(user, tmp_path):
    job = start(user, "test", "Việc bị dừng giữa chừng", stall_once, str(tmp_path / "started"))
    first = spawn_worker("may-1", attempts=1)
    try:
        wait_until(lambda: status(job).done == 1)
        first.send_signal(signal.SIGKILL)
        first.wait()
    finally:
        stop(first)
    second = spawn_worker("may-2", attempts=1)
    try:
        wait_until(lambda: status(job).status == "failed")
    finally:
        stop(second)
    assert job.message.startswith("Lỗi: Máy chạy nền «may-1» đã dừng khi đang chạy việc này (lần chạy 1/1")
    assert job.message.endswith("việc chưa xong.") and job.finished_at is not None
    assert job.attempts == 1  # not run again


def test_a_late_heartbeat_keeps_the_job(user, settings):
    """recover() takes a job back only if no heartbeat came since it read the row."""
    settings.GIAOBAN_JOB_LEASE = 60
    job = start(user, "test", "Việc đang chạy", quick, "x")
    Job.objects.filter(pk=job.pk).update(status="running", worker="may-1", attempts=1,
                                         heartbeat_at=job.created_at)
    assert recover(now=job.created_at) == []  # within the lease
    later = job.created_at + __import__("datetime").timedelta(seconds=61)
    assert recover(now=later) == [(str(job.pk), "retried")]
    assert status(job).status == "queued" and "đang chạy lại" in job.message
    run_pending()
    assert status(job).status == "done" and job.attempts == 2


def test_a_failing_job_keeps_its_message_and_the_worker_goes_on(user):
    broken = start(user, "test", "Việc lỗi", fail)
    after = start(user, "test", "Việc sau", quick, "vẫn chạy")
    run_pending()
    assert status(broken).status == "failed" and broken.message == "Lỗi: tệp thiếu cột «Đơn vị»"
    assert status(after).status == "done"


def test_work_must_be_importable_by_its_name(user):
    def local(progress):
        return {}

    with pytest.raises(ValueError, match="module-level function"):
        start(user, "test", "Việc", local)


def test_an_uploaded_input_is_handed_to_the_work_and_dropped_after(user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    job = start(user, "test", "Đọc tệp", read_input, input_file=("bieu-mau.txt", "Hội LHPN".encode()))
    stored = tmp_path / job.input_file.name
    assert stored.read_bytes() == "Hội LHPN".encode()
    run_pending()
    assert status(job).message == "Đã đọc: Hội LHPN"
    assert not job.input_file and not stored.exists()


def read_input(progress, fileobj) -> dict:
    return {"message": "Đã đọc: " + fileobj.read().decode()}



def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.mark.slow
def test_serve_runs_the_workers_beside_the_web_server_and_stops_them_with_it(user):
    job = start(user, "test", "Việc khi chạy serve", quick, "serve")
    port = free_port()
    serve = subprocess.Popen([sys.executable, "-m", "giaoban", "serve", "--bind", f"127.0.0.1:{port}",
                              "--workers", "1", "--job-workers", "2"], env=environment(2), cwd=PROJECT_ROOT,
                             stdout=subprocess.DEVNULL)
    try:
        wait_until(lambda: status(job).status == "done", 60)

        def answers() -> bool:
            try:
                return urllib.request.urlopen(f"http://127.0.0.1:{port}/dang-nhap/", timeout=5).status == 200
            except OSError:
                return False

        wait_until(answers, 60)
        started = children(serve.pid)
        assert len(started) == 3  # gunicorn and two workers
    finally:
        serve.send_signal(signal.SIGINT)  # Ctrl+C
        serve.wait(timeout=60)
    for pid in started:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
