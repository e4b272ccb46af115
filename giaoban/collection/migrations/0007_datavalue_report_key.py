"""PostgreSQL: a data value's keys to its report and to its unit become one foreign key,
(report_id, unit_id, period) → the report's (id, unit_id, period): the value's unit and period are
its report's (stronger than before: they could differ), its unit exists as its report's does
(the report's own key), and a new row costs one key trigger instead of two (the import's database
CPU, docs/scaling.md). SQLite keeps the two keys (its keys are checked once, at the commit).

The model keeps both ForeignKeys (the ORM's joins and on_delete=PROTECT are unchanged); only the
database's constraints differ."""

from django.db import migrations, models

TABLE = "collection_datavalue"
KEY = "collection_datavalue_report_unit_period_fk"


def _single_keys(cursor) -> list[str]:
    """The names of the table's foreign keys on report_id alone and on unit_id alone."""
    cursor.execute(
        "SELECT c.conname FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
        "WHERE c.conrelid = %s::regclass AND c.contype = 'f' AND cardinality(c.conkey) = 1 "
        "AND a.attname IN ('report_id', 'unit_id')", [TABLE])
    return [name for (name,) in cursor.fetchall()]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for name in _single_keys(cursor):  # on a partitioned table, its partitions' copies go too
            cursor.execute(f'ALTER TABLE {TABLE} DROP CONSTRAINT "{name}"')
        cursor.execute(
            f"ALTER TABLE {TABLE} ADD CONSTRAINT {KEY} FOREIGN KEY (report_id, unit_id, period) "
            "REFERENCES collection_report (id, unit_id, period) DEFERRABLE INITIALLY DEFERRED")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    model = apps.get_model("collection", "DataValue")
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {TABLE} DROP CONSTRAINT IF EXISTS {KEY}")
        have = _single_keys(cursor)
    if not have:
        for name in ("report", "unit"):
            field = model._meta.get_field(name)
            schema_editor.execute(schema_editor._create_fk_sql(model, field, "_fk_%(to_table)s_%(to_column)s"))


class Migration(migrations.Migration):

    dependencies = [
        ('collection', '0006_peertop'),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='report',
            constraint=models.UniqueConstraint(fields=('id', 'unit', 'period'), name='report_id_unit_period_key'),
        ),
        migrations.RunPython(forward, backward, elidable=False),
    ]
