"""The worker process: django-tasks-db's worker loop, plus the heartbeat of the job it runs and
the recovery of jobs whose worker died (see queue.py)."""

import logging
import os
import threading
import time

from django.conf import settings
from django.db import DatabaseError, connections
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker as DatabaseWorker

from giaoban.jobs import queue

log = logging.getLogger(__name__)


class Worker(DatabaseWorker):
    def __init__(self, *, worker_id: str = "", interval: float = 1.0, batch: bool = False,
                 max_tasks: int | None = None, keeper: bool = True, stop_with: int | None = None):
        super().__init__(queue_names=["default"], interval=interval, batch=batch, backend_name="default",
                         startup_delay=False, max_tasks=max_tasks, excluded_queue_names=[],
                         worker_id=worker_id or f"worker-{get_random_string(12)}")
        self.keeper = keeper
        self.stop_with = stop_with  # the pid of `giaoban serve`: when it is gone, so is this worker
        self._stopped = threading.Event()

    def run(self) -> None:
        queue.recover()  # a job left running by a worker that died before this one started
        if self.keeper:
            threading.Thread(target=self._keep, name=f"{self.worker_id}-keeper", daemon=True).start()
        try:
            super().run()
        finally:
            self._stopped.set()

    def _keep(self) -> None:
        """Beat several times per lease (a long step such as a PDF conversion writes no progress)
        and look for other workers' lost jobs once per lease."""
        lease = settings.GIAOBAN_JOB_LEASE
        last_recovery = time.monotonic()
        while not self._stopped.wait(max(min(lease / 4, 5), 0.2)):
            if self.stop_with and os.getppid() != self.stop_with:
                log.warning("worker %s: giaoban serve is gone, stopping after the current job", self.worker_id)
                self.running = False
            try:
                queue.heartbeat(self.worker_id)
                if time.monotonic() - last_recovery >= lease:
                    last_recovery = time.monotonic()
                    queue.recover()
            except DatabaseError:  # a busy database: the next beat comes before the lease ends
                log.warning("worker %s: heartbeat or recovery failed", self.worker_id, exc_info=True)
        connections.close_all()


def run_pending(worker_id: str = "in-process") -> None:
    """Run every queued job here and return (tests, `giaoban worker --batch`)."""
    Worker(worker_id=worker_id, interval=0, batch=True, keeper=False).run()
