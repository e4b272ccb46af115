"""Every request reads the cache stamp (giaoban.org.stamp) at most once: the pages' engine and
form calls each asked for it (a dashboard 9 times, an autosave 3). Exact: a request that writes a
watched table reads the stamp again after the write."""

from giaoban.org import stamp


class StampOncePerRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with stamp.one_read():
            return self.get_response(request)
