from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("", views.index, name="index"),
    path("tai-ve/", views.download, name="download"),
    path("xem-truoc/", views.preview, name="preview"),
]
