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
