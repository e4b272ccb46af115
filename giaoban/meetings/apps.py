from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "giaoban.meetings"
    verbose_name = "Hội nghị, nhiệm vụ"
