from django.urls import path

from giaoban.intake import views

app_name = "extraction"

urlpatterns = [
    path("", views.upload, name="upload"),
    path("<int:pk>/", views.review, name="review"),
    path("<int:pk>/tep/", views.original, name="original"),
]
