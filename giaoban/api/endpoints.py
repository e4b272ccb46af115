"""The whole API: the NinjaAPI of api.py with every domain's endpoints registered on it.

The domain modules import api.py (its NinjaAPI, errors and helpers) and register on import; this
module imports them, so api.py need not import them back (no cycle)."""

from giaoban.api import analytics, dhis2_api, meetings  # noqa: F401  (their decorators register on api)
from giaoban.api.api import api

__all__ = ["api"]
