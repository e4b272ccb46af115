from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "giaoban.jobs"
    verbose_name = "Việc chạy nền"
