import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "giaoban.settings")
application = get_wsgi_application()

# Import every view now, then move what start-up allocated out of the garbage collector's reach:
# otherwise a full collection now and then walks Django's whole heap in the middle of a request
# (the analytics benchmark's slowest calls were 3-5x its median because of it).
from django.urls import get_resolver  # noqa: E402

get_resolver().url_patterns  # noqa: B018


def _warm() -> None:
    """What a worker's first pages would otherwise each build once, and needs no database: the
    URL resolver's reverse index per language (the first `reverse()` of a process populates it),
    the template engine with its tag libraries, and the project's templates compiled by the
    cached loader. gunicorn loads this module in its master (gunicorn_conf.preload_app), so the
    workers it forks start with them."""
    from pathlib import Path

    from django.conf import settings
    from django.template import TemplateSyntaxError, engines
    from django.template.autoreload import get_template_directories
    from django.template.loader import get_template
    from django.utils import translation

    for code, _ in settings.LANGUAGES:
        with translation.override(code):
            get_resolver().reverse_dict  # noqa: B018
    engines.all()
    package = Path(__file__).resolve().parent
    for directory in get_template_directories():
        if package in directory.resolve().parents:  # the project's own, not Django admin's hundreds
            for path in sorted(directory.rglob("*.html")):
                try:
                    get_template(path.relative_to(directory).as_posix())
                except TemplateSyntaxError:
                    pass  # reported where a page renders it, as without this warm-up


_warm()
gc.freeze()
# A request allocates tens of thousands of objects that die with it: at Python's default threshold
# (a young-generation collection every 700 net allocations) the collector ran ~1.5 times a request and
# walked the objects still alive mid-request, 4 % of the CPU of benchmarks/pages.py; every 20,000 it
# runs about once per ten requests, mostly between them (issue 21: 0.38 s -> 0.16 s of 8.7 s).
gc.set_threshold(20_000, 20, 20)
