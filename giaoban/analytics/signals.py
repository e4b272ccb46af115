"""Keep the summary table current: a report's status change or an edit of a counted value
refreshes that report's rows at once (no nightly rebuild)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from giaoban.collection.models import DataValue, Report


@receiver(post_save, sender=Report, dispatch_uid="analytics_report_saved")
def report_saved(sender, instance: Report, raw=False, update_fields=None, **kwargs):
    if raw:
        return
    if update_fields is not None and "status" not in update_fields:
        return  # a save that leaves the status (the values refresh through their own signal)
    from giaoban.analytics.summary import refresh_for_report

    refresh_for_report(instance)


@receiver(post_save, sender=DataValue, dispatch_uid="analytics_value_saved")
@receiver(post_delete, sender=DataValue, dispatch_uid="analytics_value_deleted")
def value_changed(sender, instance: DataValue, raw=False, **kwargs):
    if raw:
        return
    from giaoban.analytics.summary import COUNTED, refresh_for_report

    report = Report.objects.filter(pk=instance.report_id).only("pk", "unit_id", "period", "status").first()
    if report is not None and report.status in COUNTED:
        refresh_for_report(report)
