"""The engine cache's stamp table (giaoban.analytics.cache): plain SQL, no model, so that backups
and restores skip it; its triggers are installed after every migrate (apps.py)."""

from django.db import migrations


def create(apps, schema_editor):
    from giaoban.analytics.cache import create_table

    create_table(schema_editor.connection)


def drop(apps, schema_editor):
    from giaoban.analytics.cache import drop_table

    drop_table(schema_editor.connection)


class Migration(migrations.Migration):

    dependencies = [
        ('analytics', '0002_facttotal'),
    ]

    operations = [
        migrations.RunPython(create, drop),
    ]
