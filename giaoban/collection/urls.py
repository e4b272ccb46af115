from django.urls import path

from giaoban.collection import views

app_name = "collection"

report = "<int:unit_id>/<str:period>/"

urlpatterns = [
    path("", views.my_reports, name="my_reports"),
    path("cho-duyet/", views.approvals, name="approvals"),
    path("tien-do/", views.completeness, name="completeness"),
    path("tien-do/nhac/", views.remind, name="remind"),
    path("nhac-nho/<int:pk>/da-doc/", views.reminder_read, name="reminder_read"),
    path(report, views.entry, name="entry"),
    path(report + "tu-dong-luu/", views.autosave, name="autosave"),
    path(report + "kiem-tra/", views.check, name="check"),
    path(report + "luoi/", views.grid, name="grid"),
    path(report + "gui/", views.submit, name="submit"),
    path(report + "duyet/", views.approve, name="approve"),
    path(report + "tra-lai/", views.return_report, name="return"),
    path(report + "mo-lai/", views.reopen, name="reopen"),
    path(report + "khoa/", views.lock, name="lock"),
    path(report + "lich-su/<slug:code>/", views.history, name="history"),
    path(report + "tep/", views.attachment_upload, name="attachment_upload"),
    path(report + "tep/<int:pk>/", views.attachment_download, name="attachment_download"),
    path(report + "tep/<int:pk>/go/", views.attachment_remove, name="attachment_remove"),
    path(report + "excel/", views.excel_download, name="excel_download"),
    path(report + "excel/tai-len/", views.excel_upload, name="excel_upload"),
    path(report + "excel-cap-duoi/", views.children_excel_download, name="children_excel_download"),
    path(report + "excel-cap-duoi/tai-len/", views.children_excel_upload, name="children_excel_upload"),
]
