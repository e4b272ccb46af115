"""The Content-Security-Policy header built once from the settings, not on every response.

django-csp's middleware builds the policy string from ``CONTENT_SECURITY_POLICY`` twice a
response (the policy and the report-only one: copies, sorts and joins of every directive), ~50 µs
a request (issue 21). The policy of a response without a view's own changes (``@csp_update`` and
the like) and without a nonce is the settings' alone, so it is kept; every settings change (tests'
override_settings) empties what is kept. Everything else, exemptions and excluded prefixes
included, is django-csp's own (tests/security/test_csp_policy.py).
"""

from csp import middleware
from django.core.signals import setting_changed

_built = middleware.build_policy
_kept: dict[bool, str] = {}  # report_only → the policy from the settings alone


def build_policy(config=None, update=None, replace=None, nonce=None, report_only: bool = False) -> str:
    if config is None and update is None and replace is None and nonce is None:
        policy = _kept.get(report_only)
        if policy is None:
            policy = _kept[report_only] = _built(report_only=report_only)
        return policy
    return _built(config=config, update=update, replace=replace, nonce=nonce, report_only=report_only)


def _forget(**kwargs):
    _kept.clear()


def install() -> None:
    """The middleware looks build_policy up in its module at each response."""
    middleware.build_policy = build_policy
    setting_changed.connect(_forget, dispatch_uid="giaoban.security.csp_policy")
