from django.db import migrations


def seed(apps, schema_editor):
    from giaoban.collection.rules import seed_default_rules

    seed_default_rules(apps)


class Migration(migrations.Migration):
    dependencies = [("collection", "0002_attachment_validationrule_deadline_reminder"), ("org", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
