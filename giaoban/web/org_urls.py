from django.urls import path

from giaoban.web import org_views as views

app_name = "org"

urlpatterns = [
    path("", views.tree, name="tree"),
    path("sap-xep/", views.batches, name="batches"),
    path("sap-xep/<int:pk>/", views.batch, name="batch"),
    path("sap-xep/<int:pk>/<str:action>/", views.batch_action, name="batch_action"),
]
