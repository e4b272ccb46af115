"""Run long work in a background thread and let the page poll its progress.

`start(user, kind, title, work, *args)` saves a Job and runs `work(progress, *args)` in a
thread with its own database connection; `work` calls `progress(done, total, message)` as it
goes and returns a dict that may hold `result_url`, `message`, or `result_file` (name, bytes).
A failure is kept on the job with its message: nothing is hidden from the user.
"""

import logging
import threading

from django.core.files.base import ContentFile
from django.db import close_old_connections, connections
from django.utils import timezone

from giaoban.web.models import Job

log = logging.getLogger(__name__)


def start(user, kind: str, title: str, work, *args, run_inline: bool = False) -> Job:
    job = Job.objects.create(user=user, kind=kind, title=title)
    if run_inline:
        _run(job.pk, work, args, own_connection=False)
        job.refresh_from_db()
        return job
    thread = threading.Thread(target=_run, args=(job.pk, work, args), daemon=True, name=f"job-{job.pk}")
    thread.start()
    return job


def _run(job_id, work, args, own_connection: bool = True) -> None:
    if own_connection:
        close_old_connections()
    Job.objects.filter(pk=job_id).update(status=Job.Status.RUNNING)

    def progress(done: int, total: int, message: str = "") -> None:
        Job.objects.filter(pk=job_id).update(done=done, total=total, message=message)

    try:
        result = work(progress, *args) or {}
        job = Job.objects.get(pk=job_id)
        job.status = Job.Status.DONE
        job.message = result.get("message", job.message)
        job.result_url = result.get("result_url", "")
        if result.get("result_file"):
            name, content = result["result_file"]
            job.result_file.save(name, ContentFile(content), save=False)
        job.finished_at = timezone.now()
        job.save()
    except Exception as exc:  # the user sees the failure on the job page
        log.exception("job %s failed", job_id)
        Job.objects.filter(pk=job_id).update(
            status=Job.Status.FAILED, message=f"Lỗi: {exc}", finished_at=timezone.now()
        )
    finally:
        if own_connection:  # a thread's connections are its own; the caller's are not
            connections.close_all()
