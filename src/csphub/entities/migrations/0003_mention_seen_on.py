"""Mentions keep the day their report was received, so that a name block's candidates are read
without the submissions (entities/sql.py person_candidates). Filled from the submissions: at a
million reports on PostgreSQL, one UPDATE of about three million rows."""

from django.db import migrations, models

POSTGRESQL = (
    "UPDATE entities_mention m SET seen_on = (s.created_at AT TIME ZONE 'UTC')::date "
    "FROM intelligence_submission s WHERE s.id = m.submission_id"
)
SQLITE = (
    "UPDATE entities_mention SET seen_on = (SELECT date(s.created_at) "
    "FROM intelligence_submission s WHERE s.id = entities_mention.submission_id)"
)


def seen_on_fill(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    schema_editor.execute(POSTGRESQL if vendor == "postgresql" else SQLITE)


class Migration(migrations.Migration):
    dependencies = [
        ("entities", "0002_namekey_narrow"),
        ("intelligence", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="mention",
            name="seen_on",
            field=models.DateField(null=True),
        ),
        migrations.RunPython(seen_on_fill, migrations.RunPython.noop, elidable=False),
        migrations.AlterField(
            model_name="mention",
            name="seen_on",
            field=models.DateField(
                help_text="The day the report was received (UTC): an age is as of then. Kept "
                "here so that a name block's candidates are read without the submissions."
            ),
        ),
    ]
