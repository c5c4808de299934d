"""The databases' full-text indexes of the search documents (docs/adr/0007).

PostgreSQL: the tsvector `vector`, written by a trigger from `document` (English stemming),
with a GIN index. SQLite: the FTS5 table `search_fts` (Porter stemming) over `document`, with
the documents table as its content and triggers that keep it in step. Each database gets only
its own; the other's statements do not run.
"""

from django.db import migrations

POSTGRESQL_FORWARD = [
    """
    CREATE TRIGGER search_searchdocument_vector
    BEFORE INSERT OR UPDATE OF document ON search_searchdocument
    FOR EACH ROW EXECUTE FUNCTION
    tsvector_update_trigger(vector, 'pg_catalog.english', document)
    """,
    "CREATE INDEX search_searchdocument_vector_gin ON search_searchdocument USING gin (vector)",
    "UPDATE search_searchdocument SET document = document",
]
POSTGRESQL_BACKWARD = [
    "DROP INDEX IF EXISTS search_searchdocument_vector_gin",
    "DROP TRIGGER IF EXISTS search_searchdocument_vector ON search_searchdocument",
]

SQLITE_FORWARD = [
    """
    CREATE VIRTUAL TABLE search_fts USING fts5(
        document,
        content='search_searchdocument',
        content_rowid='submission_id',
        tokenize='porter unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, document) VALUES (new.submission_id, new.document);
    END
    """,
    """
    CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, document)
        VALUES ('delete', old.submission_id, old.document);
    END
    """,
    """
    CREATE TRIGGER search_fts_update AFTER UPDATE OF document ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, document)
        VALUES ('delete', old.submission_id, old.document);
        INSERT INTO search_fts(rowid, document) VALUES (new.submission_id, new.document);
    END
    """,
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRESQL_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": POSTGRESQL_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        )
    ]
