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
gc.freeze()
# A request allocates tens of thousands of objects that die with it: at Python's default threshold
# (a young-generation collection every 700 net allocations) the collector ran ~1.5 times a request and
# walked the objects still alive mid-request, 4 % of the CPU of benchmarks/pages.py; every 20,000 it
# runs about once per ten requests, mostly between them (issue 21: 0.38 s -> 0.16 s of 8.7 s).
gc.set_threshold(20_000, 20, 20)
