"""The DHIS2 code mapping moved from giaoban.api to giaoban.dhis2 (dhis2 no longer imports the
API edge): the migration keeps the table, its rows and the content type permissions hang on."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from giaoban.dhis2.models import Dhis2Mapping


@pytest.mark.django_db(transaction=True)
def test_the_move_keeps_the_rows_and_the_content_type():
    executor = MigrationExecutor(connection)
    executor.migrate([("dhis2", None)])  # back to before the move (api 0002 goes with it)
    old_apps = executor.loader.project_state([("api", "0001_initial")]).apps
    OldMapping = old_apps.get_model("api", "Dhis2Mapping")
    OldMapping.objects.create(kind="indicator", code="tuyen_truyen_buoi", dhis2_id="f7n9E0hX8qk")
    OldMapping.objects.create(kind="unit", code="phunu-03466", dhis2_id="DiszpKrYNg8")
    ContentType.objects.filter(app_label="dhis2", model="dhis2mapping").delete()
    old_type = ContentType.objects.get_or_create(app_label="api", model="dhis2mapping")[0]

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    assert sorted(Dhis2Mapping.objects.values_list("kind", "code", "dhis2_id")) == [
        ("indicator", "tuyen_truyen_buoi", "f7n9E0hX8qk"), ("unit", "phunu-03466", "DiszpKrYNg8")]
    ContentType.objects.clear_cache()
    assert ContentType.objects.get_for_model(Dhis2Mapping).pk == old_type.pk  # permissions on it kept
    assert not ContentType.objects.filter(app_label="api", model="dhis2mapping").exists()
