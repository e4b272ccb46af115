"""The whole API: the NinjaAPI of core.py (authentication, errors) with each domain's router,
in the order their endpoints stand in the OpenAPI schema."""

from giaoban.api import analytics, dhis2_api, extraction, meetings, metadata, reports
from giaoban.api.core import api

for domain in (metadata, reports, extraction, analytics, dhis2_api, meetings):
    api.add_router("", domain.router)

__all__ = ["api"]
