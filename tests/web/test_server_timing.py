"""Server-Timing (giaoban/web/timing.py): the request's wait for a thread of the worker and the
garbage collector's time, beside the time in Django, for benchmarks/load.py's tail figures."""

import gc
import re

from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import path


def _collects(request):
    gc.collect()  # a full collection, as the collector may start in the middle of any request
    return HttpResponse("xong")


urlpatterns = [path("thu-gc/", _collects), path("nhanh/", lambda request: HttpResponse("xong"))]


@override_settings(GIAOBAN_SERVER_TIMING=True, ROOT_URLCONF=__name__)
def test_the_wait_for_a_thread_and_the_requests_ahead_are_in_server_timing():
    response = Client().get("/nhanh/", **{"giaoban.queue": (0.0425, 3)})  # as the worker puts it
    assert 'queue;dur=42.50;desc="3 in"' in response["Server-Timing"]


@override_settings(GIAOBAN_SERVER_TIMING=True, ROOT_URLCONF=__name__)
def test_a_full_collection_during_the_request_is_counted():
    timing = Client().get("/thu-gc/")["Server-Timing"]
    assert re.search(r'gc;dur=[0-9.]+;desc="1 full"', timing), timing
    assert "queue;" not in timing  # not under the app's gunicorn worker: nothing to tell
