"""PostgreSQL: the data values partitioned by the year of their period (docs/scaling.md,
giaoban/collection/partitions.py). SQLite: nothing changes."""

from django.db import migrations

from giaoban.collection.partitions import partition_table


def forward(apps, schema_editor):
    partition_table("collection_datavalue", schema_editor.connection)


class Migration(migrations.Migration):

    dependencies = [
        ('collection', '0004_datavalue_fewer_indexes'),
    ]

    # reversing leaves the table partitioned (same columns and keys; the forward step skips it then)
    operations = [migrations.RunPython(forward, migrations.RunPython.noop, elidable=False)]
