# Dhis2Mapping moved from giaoban.api: its table (api_dhis2mapping) and rows stay where they are;
# only Django's idea of which app owns it changes, and its content type follows (so permissions
# given on it are kept).

from django.db import migrations, models


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="dhis2", model="dhis2mapping").exists():
        ContentType.objects.filter(app_label="api", model="dhis2mapping").update(app_label="dhis2")


def restore_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="api", model="dhis2mapping").exists():
        ContentType.objects.filter(app_label="dhis2", model="dhis2mapping").update(app_label="api")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("api", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Dhis2Mapping",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("kind", models.CharField(choices=[("indicator", "Chỉ tiêu (dataElement)"), ("unit", "Đơn vị (orgUnit)"), ("org", "Tổ chức (attributeOptionCombo)")], max_length=10, verbose_name="loại")),
                        ("code", models.CharField(max_length=60, verbose_name="mã của hệ thống")),
                        ("dhis2_id", models.CharField(max_length=60, verbose_name="mã DHIS2 (UID hoặc code)")),
                    ],
                    options={
                        "verbose_name": "ánh xạ mã DHIS2",
                        "verbose_name_plural": "ánh xạ mã DHIS2",
                        "ordering": ["kind", "code"],
                        "db_table": "api_dhis2mapping",
                        "constraints": [models.UniqueConstraint(fields=("kind", "code"), name="dhis2mapping_code_unique"), models.UniqueConstraint(fields=("kind", "dhis2_id"), name="dhis2mapping_dhis2_unique")],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, restore_content_type),
    ]
