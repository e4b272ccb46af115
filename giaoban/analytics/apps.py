from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "giaoban.analytics"
    verbose_name = "Tổng hợp, phân tích"

    def ready(self):
        from django.db.models.signals import post_migrate

        # imported here because they import models, which load after apps.py; signals connects the receivers
        from giaoban.analytics import signals  # noqa: F401
        from giaoban.analytics.models import ReportingLevel
        from giaoban.org import stamp

        stamp.watch(ReportingLevel)

        post_migrate.connect(_install_triggers, sender=self, dispatch_uid="analytics_cache_triggers")


def _install_triggers(sender, using="default", **kwargs):
    """After every migrate: the cache's triggers (SQLite table remakes drop them)."""
    from django.db import connections

    from giaoban.analytics.cache import install_triggers  # it imports models: apps.py loads before them

    install_triggers(connections[using])
