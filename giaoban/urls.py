from django.contrib import admin
from django.urls import include, path

from giaoban.api.endpoints import api
from giaoban.api.dhis2_api import dhis2_path

admin.site.site_header = "giaoban – Quản trị"
admin.site.site_title = "giaoban"
admin.site.index_title = "Quản trị hệ thống"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("api/<path:rest>", dhis2_path, name="dhis2_path"),  # /api/41/…, ….json, and JSON 404s under /api/
    path("meetings/", include("giaoban.meetings.urls")),
    path("documents/", include("giaoban.documents.urls")),
    path("bao-cao/", include("giaoban.collection.urls")),
    path("to-chuc/", include("giaoban.web.org_urls")),
    path("doc-so-lieu/", include("giaoban.intake.urls")),
    path("phan-tich/", include("giaoban.analytics.urls")),
    path("", include("giaoban.web.urls")),
]
