from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("tai-len/", views.meeting_upload, name="upload"),
    path("<int:pk>/", views.meeting_detail, name="detail"),
    path("<int:pk>/xac-nhan/", views.meeting_confirm, name="confirm"),
    path("nhiem-vu/<int:pk>/", views.task_detail, name="task"),
]
