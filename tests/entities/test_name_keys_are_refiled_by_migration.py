"""Migration entities 0002 files every known person's name again with its narrows, and going
back leaves one row per entity and key, as the keys were."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from csphub.entities import people

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("entities", "0001_initial")]
AFTER = [("entities", "0002_namekey_narrow")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_names_are_refiled_forwards_and_deduplicated_backwards():
    apps = migrate(BEFORE)
    entity_model = apps.get_model("entities", "Entity")
    name_key_model = apps.get_model("entities", "NameKey")
    now = "2026-01-01T00:00:00Z"
    kevin = entity_model.objects.create(
        kind="person", key="kevin dunn", label="Kevin Dunn", first_seen=now, last_seen=now
    )
    phone = entity_model.objects.create(
        kind="phone", key="+447700900461", label="+447700900461", first_seen=now, last_seen=now
    )
    name_key_model.objects.create(entity_id=kevin.pk, key="TN:k")  # as 0001 filed it
    try:
        apps = migrate(AFTER)
        name_key_model = apps.get_model("entities", "NameKey")
        filed = set(name_key_model.objects.values_list("entity_id", "key", "narrow"))
        assert filed == {(kevin.pk, k, n) for k, n in people.blocking_keys("kevin dunn")}
        assert not name_key_model.objects.filter(entity_id=phone.pk).exists()

        apps = migrate(BEFORE)
        name_key_model = apps.get_model("entities", "NameKey")
        keys = list(name_key_model.objects.values_list("key", flat=True))
        assert sorted(keys) == sorted({k for k, _ in people.blocking_keys("kevin dunn")})
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
