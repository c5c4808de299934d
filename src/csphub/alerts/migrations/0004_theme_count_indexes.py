"""Indexes that let the theme-rise rule count a district's reports of a theme from the indexes
alone. At a million reports the count read 21,000 submissions of the district and 91,000 rows
of the theme from the tables (166 ms, EXPLAIN ANALYZE in benchmarks/link.py's database); with
these it reads only the two indexes (38 ms).

- submissions by district and when they arrived, carrying the id (it replaces
  alerts_sub_district_created; SQLite's indexes carry the row id already);
- the submission-theme rows by theme, then submission.

PostgreSQL builds them CONCURRENTLY, so a live database keeps taking reports meanwhile."""

from django.db import migrations

SUBMISSIONS = "intelligence_submission"
THEMES = "intelligence_submission_themes"
OLD = "alerts_sub_district_created"
DISTRICT = "alerts_sub_district_created_id"
THEME = "alerts_theme_submission"


def _concurrently(schema_editor) -> str:
    return "CONCURRENTLY " if schema_editor.connection.vendor == "postgresql" else ""


def create(apps, schema_editor):
    postgres = schema_editor.connection.vendor == "postgresql"
    how = _concurrently(schema_editor)
    district = "(district_id, created_at) INCLUDE (id)" if postgres else "(district_id, created_at)"
    schema_editor.execute(f"CREATE INDEX {how}IF NOT EXISTS {DISTRICT} ON {SUBMISSIONS} {district}")
    schema_editor.execute(f"DROP INDEX {how}IF EXISTS {OLD}")
    schema_editor.execute(
        f"CREATE INDEX {how}IF NOT EXISTS {THEME} ON {THEMES} (theme_id, submission_id)"
    )


def drop(apps, schema_editor):
    how = _concurrently(schema_editor)
    schema_editor.execute(
        f"CREATE INDEX {how}IF NOT EXISTS {OLD} ON {SUBMISSIONS} (district_id, created_at)"
    )
    schema_editor.execute(f"DROP INDEX {how}IF EXISTS {DISTRICT}")
    schema_editor.execute(f"DROP INDEX {how}IF EXISTS {THEME}")


class Migration(migrations.Migration):
    atomic = False  # CREATE INDEX CONCURRENTLY cannot run in a transaction
    dependencies = [("alerts", "0003_submission_indexes")]
    operations = [migrations.RunPython(create, drop)]
