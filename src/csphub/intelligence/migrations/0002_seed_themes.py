"""Seed the portal's themes (docs/domain.md). Administrators may add, rename or retire them."""

from django.db import migrations

THEMES = [
    ("community-cohesion", "Community cohesion and tension"),
    ("hate-crime", "Hate crime and hate incidents"),
    ("exploitation-modern-slavery", "Exploitation, modern slavery and human trafficking"),
    ("county-lines", "County lines and cuckooing"),
    ("knife-crime-serious-violence", "Knife crime and serious violence"),
    ("vulnerability", "Vulnerability (adults and children at risk)"),
    ("domestic-sexual-abuse", "Domestic and sexual abuse"),
    ("radicalisation-prevent", "Radicalisation (Prevent)"),
    ("anti-social-behaviour", "Anti-social behaviour"),
    ("cybercrime-scams", "Cybercrime and scams"),
    ("general-crime", "General crime"),
]


def seed(apps, schema_editor):
    Theme = apps.get_model("intelligence", "Theme")
    for order, (slug, name) in enumerate(THEMES, start=1):
        Theme.objects.get_or_create(slug=slug, defaults={"name": name, "order": order * 10})


class Migration(migrations.Migration):
    dependencies = [("intelligence", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
