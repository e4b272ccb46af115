from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "giaoban.web"
    verbose_name = "Giao diện"
