"""Seed the partnership's districts (ONS LAD codes). Populations are Census 2021 usual
residents rounded to hundreds (docs/domain.md, "The partnership and its areas"); the performance
importers keep yearly figures."""

from django.db import migrations

DISTRICTS = [
    ("E07000129", "Blaby", "blaby", 102_900, True),
    ("E07000130", "Charnwood", "charnwood", 183_900, True),
    ("E07000131", "Harborough", "harborough", 97_600, True),
    ("E07000132", "Hinckley and Bosworth", "hinckley-and-bosworth", 113_700, True),
    ("E07000133", "Melton", "melton", 51_800, True),
    ("E07000134", "North West Leicestershire", "north-west-leicestershire", 104_700, True),
    ("E07000135", "Oadby and Wigston", "oadby-and-wigston", 57_800, True),
    ("E06000016", "Leicester", "leicester", None, False),
    ("E06000017", "Rutland", "rutland", None, False),
]


def seed(apps, schema_editor):
    District = apps.get_model("geography", "District")
    for code, name, slug, population, in_county in DISTRICTS:
        District.objects.get_or_create(
            code=code,
            defaults={"name": name, "slug": slug, "population": population, "in_county": in_county},
        )


class Migration(migrations.Migration):
    dependencies = [("geography", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
