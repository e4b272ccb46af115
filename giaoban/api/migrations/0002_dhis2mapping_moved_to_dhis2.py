# Dhis2Mapping now belongs to giaoban.dhis2 (its migration 0001 takes over the same table): forget
# it here without dropping the table.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("api", "0001_initial"),
        ("dhis2", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Dhis2Mapping")],
            database_operations=[],
        ),
    ]
