"""The rules CSP Hub starts with (docs/alerts.md). Administrators change them at
/intelligence/alerts/rules/; running this again adds none twice."""

from django.db import migrations

ENTITY_KINDS = ["person", "phone", "vehicle", "email", "handle", "address"]

RULES = [
    {
        "name": "Several reports about one entity",
        "kind": "entity",
        "description": "The same person, phone, vehicle, email, handle or address in several "
        "submissions within a few weeks.",
        "count": 3,
        "days": 30,
        "entity_kinds": ENTITY_KINDS,
    },
    {
        "name": "Several reports in one postcode sector",
        "kind": "area",
        "description": "Several submissions from one postcode sector (e.g. LE11 3).",
        "count": 4,
        "days": 14,
        "area_type": "sector",
    },
    {
        "name": "Several reports in one LSOA",
        "kind": "area",
        "description": "Several submissions from one lower layer super output area.",
        "count": 4,
        "days": 14,
        "area_type": "lsoa",
    },
    {
        "name": "A theme rising in a district",
        "kind": "theme_rise",
        "description": "More reports of a theme in a district in the last four weeks than its "
        "own rate over the previous 26 weeks would give by chance (one-sided Poisson test).",
        "count": 3,
        "days": 28,
        "baseline_days": 182,
        "alpha": 0.01,
    },
]


def seed(apps, schema_editor):
    AlertRule = apps.get_model("alerts", "AlertRule")
    for values in RULES:
        values = dict(values)
        AlertRule.objects.get_or_create(name=values.pop("name"), defaults=values)


class Migration(migrations.Migration):
    dependencies = [("alerts", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
