"""Entities 0004: an entity's newest mentions are indexed with what person matching reads
(PostgreSQL: included columns, for an index-only scan), replacing the (entity, submission)
index, and the migration goes back as it came."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

NEW, OLD = "mention_entity_newest", "entities_me_entity__ad9655_idx"


def indexes() -> dict[str, str]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'entities_mention'"
            )
        else:
            cursor.execute(
                "SELECT name, sql FROM sqlite_master "
                "WHERE type = 'index' AND tbl_name = 'entities_mention'"
            )
        return {name: definition or "" for name, definition in cursor.fetchall()}


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([("entities", target)])


def test_the_index_carries_the_name_age_and_day_on_postgresql():
    found = indexes()
    assert NEW in found and OLD not in found
    if connection.vendor == "postgresql":
        assert "INCLUDE (text, age, date_of_birth, seen_on)" in found[NEW]


def test_the_migration_goes_back_to_the_plain_index_and_forward_again():
    try:
        migrate("0003_mention_seen_on")
        found = indexes()
        assert OLD in found and NEW not in found
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    assert NEW in indexes()
