"""The interventions of the Anti-social Behaviour, Crime and Policing Act 2014 and local
practice, in their usual escalation, with the rules the case officer's page checks
(docs/asb-cases.md). An administrator adds types as the law changes (Respect Orders)."""

from django.db import migrations

TYPES = [
    dict(key="warning-letter", name="Advice or warning letter", order=10),
    dict(key="abc", name="Acceptable Behaviour Contract", order=20),
    dict(key="cpw", name="Community Protection Warning", order=30, minimum_age=16),
    dict(
        key="cpn", name="Community Protection Notice", order=40, minimum_age=16, appeal_days=21,
        requires_first="cpw",
    ),
    dict(
        key="civil-injunction", name="civil injunction", order=50, minimum_age=10,
        max_days_under_18=365, max_words_under_18="12 months",
    ),
    dict(key="cbo", name="Criminal Behaviour Order", order=60, requires_conviction=True),
    dict(
        key="closure-notice", name="closure notice", order=70, area_based=True, max_hours=24,
        max_hours_extended=48,
    ),
    dict(
        key="closure-order", name="closure order", order=80, area_based=True, max_days=92,
        max_words="3 months", max_days_extended=184, max_words_extended="6 months",
    ),
    dict(
        key="pspo", name="Public Spaces Protection Order", order=90, area_based=True,
        max_days=1096, max_words="3 years", requires_consultation=True,
    ),
]  # fmt: skip


def seed(apps, schema_editor):
    """Idempotent: the test suite seeds again after a transactional test's flush."""
    model = apps.get_model("cases", "InterventionType")
    made = {}
    for values in TYPES:
        values = dict(values)
        first = values.pop("requires_first", None)
        key = values.pop("key")
        made[key], _ = model.objects.get_or_create(
            key=key, defaults={"requires_first": made.get(first), **values}
        )


def remove(apps, schema_editor):
    model = apps.get_model("cases", "InterventionType")
    model.objects.filter(key="cpn").delete()
    model.objects.filter(key__in=[t["key"] for t in TYPES]).delete()


class Migration(migrations.Migration):
    dependencies = [("cases", "0004_interventions")]
    operations = [migrations.RunPython(seed, remove)]
