"""Background jobs on a database queue, with their progress on the Job row the page polls.

`start(user, kind, title, work, *args)` saves a Job and puts it on the queue; a `giaoban worker`
process (started by `giaoban serve` and `make run`) runs `work(progress, *args)`. `work` is a
module-level function; `args` are JSON values (ids and codes, not objects: the job may run in
another process, after a restart). It calls `progress(done, total, message)` as it goes and
returns a dict that may hold `result_url`, `message`, or `result_file` (name, bytes). An upload
the work reads is kept as the job's `input_file` and handed to it as its first argument after
`progress`. A failure is kept on the job with its message: nothing is hidden from the user.

The queue is django-tasks' database backend (django-tasks-db), the backport of Django 6's task
framework: it runs on SQLite and PostgreSQL alike (procrastinate needs PostgreSQL; Celery or RQ
need a broker server that an office machine does not have), its rows live in our database
(backed up, no second service), and its API is the one Django 6 ships. It does not notice a
worker that died mid-task (its task stays 'running'), so this module adds a lease: the worker
process beats `heartbeat_at` on its running job every few seconds (`worker.Worker`), and
`recover()` (run when a worker starts and then every lease) takes back the jobs whose heartbeat
is older than `GIAOBAN_JOB_LEASE`: queued again while attempts remain (`GIAOBAN_JOB_ATTEMPTS`),
else failed with the reason. How many jobs run at once is the number of worker processes
(`GIAOBAN_JOB_WORKERS`): each runs one job at a time.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import TaskContext, task
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from giaoban.jobs.models import Job

log = logging.getLogger(__name__)

INLINE_WORKER = "inline"


def start(user, kind: str, title: str, work, *args, input_file: tuple[str, bytes] | None = None) -> Job:
    path = f"{work.__module__}.{work.__qualname__}"
    try:
        found = import_string(path)
    except ImportError:
        found = None
    if found is not work:  # a worker process finds the work again by this name
        raise ValueError(f"a job's work must be a module-level function, not {path}")
    job = Job(user=user, kind=kind, title=title, work=path, args=list(args))
    if input_file is not None:
        name, data = input_file
        job.input_file.save(name, ContentFile(data), save=False)
    job.save()
    if settings.GIAOBAN_JOBS_INLINE:
        execute(job.pk, INLINE_WORKER)
        job.refresh_from_db()
        return job
    _enqueue(job.pk)
    job.refresh_from_db()
    return job


def _enqueue(job_id) -> None:
    result = run_job.enqueue(str(job_id))
    Job.objects.filter(pk=job_id).update(task_id=result.id)


@task(takes_context=True)
def run_job(context: TaskContext, job_id: str) -> None:
    """The queue's task: one job, on the worker that claimed it."""
    execute(job_id, context.task_result.worker_ids[-1])


def execute(job_id, worker_id: str) -> None:
    """Run a queued job here and keep its outcome on its row; a job not queued is left alone."""
    now = timezone.now()
    claimed = Job.objects.filter(pk=job_id, status=Job.Status.QUEUED).update(
        status=Job.Status.RUNNING, worker=worker_id, attempts=F("attempts") + 1, heartbeat_at=now)
    if not claimed:
        return  # done already, or failed by recover() while it waited
    job = Job.objects.get(pk=job_id)

    def progress(done: int, total: int, message: str = "") -> None:
        Job.objects.filter(pk=job_id).update(done=done, total=total, message=message, heartbeat_at=timezone.now())

    try:
        work = import_string(job.work)
        if job.input_file:
            with job.input_file.open("rb") as fileobj:
                result = work(progress, fileobj, *job.args) or {}
        else:
            result = work(progress, *job.args) or {}
        job.refresh_from_db()
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
        Job.objects.filter(pk=job_id).update(status=Job.Status.FAILED, message=f"Lỗi: {exc}",
                                             finished_at=timezone.now())
    _drop_input(job)


def _drop_input(job: Job) -> None:
    """An upload is kept only while its job may still run."""
    if job.input_file:
        job.input_file.delete(save=False)
        Job.objects.filter(pk=job.pk).update(input_file="")


def heartbeat(worker_id: str) -> int:
    """Tell that `worker_id` is alive: its running job's lease starts again."""
    return Job.objects.filter(worker=worker_id, status=Job.Status.RUNNING).update(heartbeat_at=timezone.now())


class WorkerLost(Exception):
    """Recorded on the queue's task whose worker stopped without finishing it."""


def recover(now=None) -> list[tuple[str, str]]:
    """Take back the running jobs whose worker fell silent for the lease: queue them again while
    attempts remain, else fail them with the reason. Returns (job id, 'retried' | 'failed')."""
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=settings.GIAOBAN_JOB_LEASE)
    # Jobs of the thread-run era never beat: running and older than the lease, they are lost.
    stale = Job.objects.filter(Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, created_at__lt=cutoff),
                               status=Job.Status.RUNNING)
    outcomes = []
    for job in stale:
        since = f"{timezone.localtime(job.heartbeat_at or job.created_at):%H:%M:%S %d/%m/%Y}"
        if job.work:
            lost = (f"Máy chạy nền «{job.worker}» đã dừng khi đang chạy việc này "
                    f"(lần chạy {job.attempts}/{settings.GIAOBAN_JOB_ATTEMPTS}, không báo sống từ {since})")
        else:  # started as a thread before the queue: nothing to run it again with
            lost = f"Máy chủ đã khởi động lại khi đang chạy việc này (bắt đầu lúc {since})"
        retry = bool(job.work) and job.attempts < settings.GIAOBAN_JOB_ATTEMPTS
        with transaction.atomic():
            # Only if nothing wrote to it since it was read: a late heartbeat wins.
            taken = Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING, heartbeat_at=job.heartbeat_at).update(
                status=Job.Status.QUEUED if retry else Job.Status.FAILED, worker="",
                message=f"{lost}: đang chạy lại." if retry else f"Lỗi: {lost}; việc chưa xong.",
                finished_at=None if retry else now)
            if not taken:
                continue
            if job.task_id:
                DBTaskResult.objects.filter(pk=job.task_id, status=TaskResultStatus.RUNNING).update(
                    status=TaskResultStatus.FAILED, finished_at=now,
                    exception_class_path=f"{WorkerLost.__module__}.{WorkerLost.__qualname__}", traceback=lost)
            if retry:
                transaction.on_commit(lambda pk=job.pk: _enqueue(pk))
        if not retry:
            _drop_input(job)
        log.warning("job %s: %s (%s)", job.pk, lost, "retried" if retry else "failed")
        outcomes.append((str(job.pk), "retried" if retry else "failed"))
    return outcomes
