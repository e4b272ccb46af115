"""Keep the summary table current: a report's status change or an edit of a counted value
refreshes that report's rows at once (no nightly rebuild)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from giaoban.analytics.summary import COUNTED, rebuild, refresh_for_report
from giaoban.collection.models import DataValue, Report
from giaoban.collection.signals import values_written


@receiver(post_save, sender=Report, dispatch_uid="analytics_report_saved")
def report_saved(sender, instance: Report, raw=False, update_fields=None, **kwargs):
    if raw:
        return
    if update_fields is not None and "status" not in update_fields:
        return  # a save that leaves the status (the values refresh through their own signal)
    refresh_for_report(instance)


@receiver(post_save, sender=DataValue, dispatch_uid="analytics_value_saved")
@receiver(post_delete, sender=DataValue, dispatch_uid="analytics_value_deleted")
def value_changed(sender, instance: DataValue, raw=False, **kwargs):
    if raw:
        return
    if getattr(instance, "report_row_locked", False) and DataValue.report.is_cached(instance):
        # collection.workflow.save_values holds the report's row locked and gave it to the value:
        # its status is the database's (no query per value saved inside the write transaction)
        report = instance.report
    else:
        report = Report.objects.filter(pk=instance.report_id).only("pk", "unit_id", "period", "status").first()
    if report is not None and report.status in COUNTED:
        refresh_for_report(report)


@receiver(values_written, dispatch_uid="analytics_values_written")
def values_bulk_written(sender, report_ids: set[int], **kwargs):
    """A bulk write (raw SQL, no model signals): refresh the counted reports, or rebuild the
    whole summary when there are many."""
    counted = list(Report.objects.filter(pk__in=report_ids, status__in=COUNTED))
    if len(counted) > 500:
        rebuild()
    else:
        for report in counted:
            refresh_for_report(report)
