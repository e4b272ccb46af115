from django.apps import AppConfig


class IntakeConfig(AppConfig):
    """Uploaded narrative reports read into figures (the web side of `giaoban.textfigures`)."""

    name = "giaoban.intake"
    # The label of the app's first name: its tables (extraction_*) and migration history keep it.
    label = "extraction"
    verbose_name = "Đọc số liệu"
    default_auto_field = "django.db.models.BigAutoField"
