from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    """Report documents from the database: the `report` command, downloads, template preview."""

    name = "giaoban.documents"
    verbose_name = "Văn bản báo cáo"
    default_auto_field = "django.db.models.BigAutoField"
