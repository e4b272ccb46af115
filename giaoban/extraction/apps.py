from django.apps import AppConfig


class ExtractionConfig(AppConfig):
    name = "giaoban.extraction"
    verbose_name = "Đọc số liệu"
    default_auto_field = "django.db.models.BigAutoField"
