"""django-axes in front of Django's ModelBackend.

Axes refuses `authenticate()` calls without a request. Every HTTP login passes its request
(LoginView, admin, API authentication); calls without one come from code with no remote party
(Django's test client `login()`, management commands), where there is no address to throttle.
Those skip the lockout check instead of failing.
"""

from axes.backends import AxesStandaloneBackend


class LoginThrottleBackend(AxesStandaloneBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
