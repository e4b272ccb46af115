import logging
import os

from django.core.management.base import BaseCommand
from django.utils.crypto import get_random_string

from giaoban.jobs.worker import Worker


class Command(BaseCommand):
    help = ("Chạy các việc nền trong hàng đợi, từng việc một (giaoban serve tự chạy "
            "GIAOBAN_JOB_WORKERS tiến trình này).")

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=1.0, help="giây chờ giữa hai lần xem hàng đợi trống")
        parser.add_argument("--batch", action="store_true", help="chạy hết các việc đang chờ rồi dừng")
        parser.add_argument("--max-tasks", type=int, default=None)
        parser.add_argument("--worker-id", default="")
        parser.add_argument("--stop-with", type=int, default=None, help="dừng khi tiến trình này (giaoban serve) không còn")

    def handle(self, *args, **options):
        logging.basicConfig(level=logging.INFO if options["verbosity"] else logging.WARNING,
                            format="%(asctime)s worker %(process)d %(levelname)s %(message)s")
        worker = Worker(worker_id=options["worker_id"] or f"{os.uname().nodename[:30]}-{os.getpid()}-{get_random_string(6)}",
                        interval=options["interval"], batch=options["batch"], max_tasks=options["max_tasks"],
                        keeper=not options["batch"], stop_with=options["stop_with"])
        worker.configure_signals()
        worker.run()
