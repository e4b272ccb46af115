"""PostgreSQL: the data values' foreign keys become the database's set-based key checks
(giaoban/collection/keys.py): the same rules (a value's report with its unit and period, its
indicator, its last editor; a referenced row not deleted nor its key changed while values name it),
checked once per statement with the distinct keys instead of once per row (the import's database
CPU, docs/scaling.md). SQLite keeps its foreign keys.

The model keeps its ForeignKeys (the ORM's joins, on_delete=PROTECT); only the database's
constraints differ."""

from django.db import migrations

from giaoban.collection import keys

TABLE = keys.TABLE


def forward(apps, schema_editor):
    conn = schema_editor.connection
    if conn.vendor != "postgresql":
        return
    with conn.cursor() as cursor:
        cursor.execute("SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass AND contype = 'f'", [TABLE])
        for (name,) in cursor.fetchall():  # on a partitioned table, its partitions' copies go too
            cursor.execute(f'ALTER TABLE {TABLE} DROP CONSTRAINT "{name}"')
    keys.install(conn)


def backward(apps, schema_editor):
    conn = schema_editor.connection
    if conn.vendor != "postgresql":
        return
    keys.uninstall(conn)
    model = apps.get_model("collection", "DataValue")
    with conn.cursor() as cursor:
        cursor.execute(
            f"ALTER TABLE {TABLE} ADD CONSTRAINT {keys.KEYS[0][0]} FOREIGN KEY (report_id, unit_id, period) "
            "REFERENCES collection_report (id, unit_id, period) DEFERRABLE INITIALLY DEFERRED")
    for name in ("indicator", "updated_by"):
        field = model._meta.get_field(name)
        schema_editor.execute(schema_editor._create_fk_sql(model, field, "_fk_%(to_table)s_%(to_column)s"))


class Migration(migrations.Migration):

    dependencies = [
        ('collection', '0007_datavalue_report_key'),
    ]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
