"""'Dân vận khéo' models are kept from quarter to quarter (a stock): a database made before the
catalogue said so adds them up over the year ('duy trì 14 mô hình' each quarter became 41)."""

from django.db import migrations


def to_stock(apps, schema_editor):
    Indicator = apps.get_model("org", "Indicator")
    Indicator.objects.filter(code="mo_hinh_dan_van_kheo").update(time_aggregation="last")


class Migration(migrations.Migration):
    dependencies = [("org", "0005_org_versions_served_areas_schedules")]
    operations = [migrations.RunPython(to_stock, migrations.RunPython.noop)]
