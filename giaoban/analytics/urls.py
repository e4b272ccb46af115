from django.urls import path

from giaoban.analytics import views

app_name = "analytics"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("bang-tong-hop/", views.pivot_view, name="pivot"),
]
