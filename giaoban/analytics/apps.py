from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "giaoban.analytics"
    verbose_name = "Tổng hợp, phân tích"

    def ready(self):
        from giaoban.analytics import signals  # noqa: F401  (connects the receivers)
