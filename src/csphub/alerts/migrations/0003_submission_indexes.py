"""Indexes the rules need on submissions, so that evaluating a new submission stays a handful
of index look-ups however many are stored: submissions by LSOA, by postcode (prefix, for the
postcode sector) and by district, each with when they arrived.

They are on intelligence's table but serve only alerts, so alerts creates them (and drops them
if rolled back). On PostgreSQL the postcode index uses varchar_pattern_ops so that
`LIKE 'LE11 3%'` can use it whatever the database's collation."""

from django.db import migrations

TABLE = "intelligence_submission"

INDEXES = {
    "alerts_sub_lsoa_created": "(lsoa_code, created_at)",
    "alerts_sub_district_created": "(district_id, created_at)",
}
POSTCODE = "alerts_sub_postcode_created"


def create(apps, schema_editor):
    postgres = schema_editor.connection.vendor == "postgresql"
    columns = dict(INDEXES)
    columns[POSTCODE] = (
        "(postcode varchar_pattern_ops, created_at)" if postgres else "(postcode, created_at)"
    )
    for name, cols in columns.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {TABLE} {cols}")


def drop(apps, schema_editor):
    for name in [*INDEXES, POSTCODE]:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("alerts", "0002_default_rules"),
        ("intelligence", "0003_assessment_targets_and_digests"),
    ]
    operations = [migrations.RunPython(create, drop)]
