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
        post_migrate.connect(_year_partitions, sender=self, dispatch_uid="analytics_year_partitions")


def _install_triggers(sender, using="default", **kwargs):
    """After every migrate: the cache's triggers (SQLite table remakes drop them)."""
    from django.db import connections

    from giaoban.analytics.cache import install_triggers  # it imports models: apps.py loads before them

    install_triggers(connections[using])


def _year_partitions(sender, using="default", **kwargs):
    """After every migrate (each deployment), PostgreSQL: this year and the next have their partitions
    in the data-value and summary tables, and a year the default partitions took rows of gets its own
    (giaoban/collection/partitions.py; rebuild() does the same). Nothing on SQLite."""
    import datetime

    from django.db import connections

    from giaoban.collection import partitions  # as the receivers above: apps.py loads before the other apps

    conn = connections[using]
    this_year = datetime.date.today().year
    partitions.ensure_years([this_year, this_year + 1], conn=conn)
    partitions.split_default(conn=conn)
