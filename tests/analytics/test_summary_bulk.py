"""A bulk write (raw SQL, no model signals) reaches the summary through collection's
`values_written` signal, which analytics listens to (collection does not import analytics)."""

from decimal import Decimal

from giaoban.analytics.models import Fact
from giaoban.collection import bulk


def test_a_bulk_write_into_a_counted_report_refreshes_the_summary(world):
    report = world.put(world.UP, "2024-Q3", {"buoi": 5})
    assert Fact.objects.get(report_id=report.pk, indicator_id=world.flow.pk).value == Decimal(5)
    result = bulk.write_values([(world.UP.pk, world.flow.pk, "2024-Q3", "7", "", 1)], allow_locked=True)
    assert not result.problems, result.problems
    assert Fact.objects.get(report_id=report.pk, indicator_id=world.flow.pk).value == Decimal(7)


def test_a_bulk_write_into_a_draft_leaves_the_summary_without_it(world):
    report = world.put(world.UP, "2024-Q3", {"buoi": 5}, status="draft")
    result = bulk.write_values([(world.UP.pk, world.flow.pk, "2024-Q3", "7", "", 1)])
    assert not result.problems, result.problems
    assert not Fact.objects.filter(report_id=report.pk).exists()
