from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "giaoban.analytics"
    verbose_name = "Tổng hợp, phân tích"
