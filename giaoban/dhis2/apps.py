from django.apps import AppConfig


class Dhis2Config(AppConfig):
    name = "giaoban.dhis2"
    verbose_name = "Trao đổi DHIS2"
