"""PostgreSQL: the two summary tables partitioned by the year of their period (docs/scaling.md,
giaoban/collection/partitions.py). SQLite: nothing changes."""

from django.db import migrations

from giaoban.collection.partitions import partition_table


def forward(apps, schema_editor):
    for table in ("analytics_fact", "analytics_facttotal"):
        partition_table(table, schema_editor.connection)


class Migration(migrations.Migration):

    dependencies = [
        ('analytics', '0004_fact_area_l4'),
        ('collection', '0005_datavalue_partitions'),
    ]

    # reversing leaves the tables partitioned (same columns and keys; the forward step skips them then)
    operations = [migrations.RunPython(forward, migrations.RunPython.noop, elidable=False)]
