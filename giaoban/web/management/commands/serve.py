import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = ("Chạy ứng dụng (gunicorn; --dev dùng máy chủ phát triển của Django) cùng các tiến trình "
            "chạy việc nền (giaoban worker); dừng cùng nhau.")

    def add_arguments(self, parser):
        parser.add_argument("--bind", default=os.environ.get("GIAOBAN_BIND", "127.0.0.1:8000"))
        parser.add_argument("--workers", type=int, default=None,
                            help="tiến trình gunicorn (mặc định: một tiến trình mỗi lõi CPU, giaoban/web/gunicorn_conf.py)")
        parser.add_argument("--job-workers", type=int, default=settings.GIAOBAN_JOB_WORKERS,
                            help="tiến trình chạy việc nền = số việc chạy cùng lúc (0: không chạy, "
                                 "khi giaoban worker chạy thành dịch vụ riêng)")
        parser.add_argument("--dev", action="store_true", help="máy chủ phát triển, tự nạp lại mã")

    def handle(self, *args, **options):
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giaoban.settings")
        if options["dev"]:
            web = [sys.executable, "-m", "giaoban", "runserver", options["bind"]]
        else:
            # The served app never shows Django's debug pages (settings, paths, SQL, the URL
            # patterns on a 404): DEBUG is off unless asked for; --dev keeps it for development.
            os.environ.setdefault("DEBUG", "0")
            host = options["bind"].rsplit(":", 1)[0].strip("[]")
            if "ALLOWED_HOSTS" not in os.environ and host not in ("", "0.0.0.0", "::", "127.0.0.1", "localhost"):
                os.environ["ALLOWED_HOSTS"] = f"127.0.0.1,localhost,{host}"
            web = [sys.executable, "-m", "gunicorn", "--config", "python:giaoban.web.gunicorn_conf",
                   "--bind", options["bind"], "--access-logfile", "-"]
            if options["workers"]:
                web += ["--workers", str(options["workers"])]
        self.stdout.write(f"giaoban đang chạy tại http://{options['bind']}/ với {options['job_workers']} "
                          "tiến trình việc nền (Ctrl+C để dừng)")
        self.stdout.flush()
        raise SystemExit(supervise(web, options["job_workers"]))


def supervise(web: list[str], job_workers: int) -> int:
    """Run the web server and the job workers side by side until the web server ends or a
    stop signal comes; a worker that dies is started again (its job is recovered by the lease).
    Everything is stopped together: no worker outlives the server it was started with."""
    # Each child leads its own process group: Ctrl+C reaches only this process, which then stops
    # each group once (a second signal would make a worker drop its job), runserver's reloader too.
    worker = [sys.executable, "-m", "giaoban", "worker", "--stop-with", str(os.getpid())]
    stopping = False

    def stop(signum, frame):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    server = subprocess.Popen(web, start_new_session=True)
    workers = [subprocess.Popen(worker, start_new_session=True) for _ in range(job_workers)]
    try:
        while not stopping and server.poll() is None:
            for i, process in enumerate(workers):
                if process.poll() is not None:
                    print(f"giaoban worker {process.pid} dừng (mã {process.returncode}): chạy lại", file=sys.stderr)
                    workers[i] = subprocess.Popen(worker, start_new_session=True)
            time.sleep(0.5)
    finally:
        for process in [server, *workers]:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)  # gunicorn and the workers finish their request or job
        deadline = time.monotonic() + 30
        for process in [server, *workers]:
            try:
                process.wait(timeout=max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:  # a job still running is taken back by the lease later
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
    return server.returncode if server.returncode and server.returncode > 0 else 0
