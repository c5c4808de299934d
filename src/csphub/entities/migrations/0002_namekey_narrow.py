"""Name keys gain a narrow (entities/people.py blocking_keys): every person's name is filed
again. Reversed, one row per entity and key is kept, which is what the keys were before."""

from django.db import migrations, models

from csphub.entities import people

BATCH = 5000


def refile(apps, schema_editor):
    entity_model = apps.get_model("entities", "Entity")
    name_key_model = apps.get_model("entities", "NameKey")
    name_key_model.objects.all().delete()
    batch = []
    persons = entity_model.objects.filter(kind="person").values_list("pk", "key")
    for pk, key in persons.iterator(chunk_size=BATCH):
        batch += [
            name_key_model(entity_id=pk, key=k, narrow=n) for k, n in people.blocking_keys(key)
        ]
        if len(batch) >= BATCH:
            name_key_model.objects.bulk_create(batch, ignore_conflicts=True)
            batch = []
    name_key_model.objects.bulk_create(batch, ignore_conflicts=True)


def keep_one_per_key(apps, schema_editor):
    name_key_model = apps.get_model("entities", "NameKey")
    keep = (
        name_key_model.objects.values("entity_id", "key")
        .annotate(first=models.Min("pk"))
        .values("first")
    )
    name_key_model.objects.exclude(pk__in=keep).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("entities", "0001_initial"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="namekey",
            name="namekey_unique_entity_key",
        ),
        migrations.AddField(
            model_name="namekey",
            name="narrow",
            field=models.CharField(blank=True, default="", max_length=8),
        ),
        migrations.AlterField(
            model_name="namekey",
            name="key",
            field=models.CharField(max_length=60),
        ),
        migrations.AddIndex(
            model_name="namekey",
            index=models.Index(fields=["key", "narrow"], name="namekey_key_narrow"),
        ),
        migrations.AddConstraint(
            model_name="namekey",
            constraint=models.UniqueConstraint(
                fields=("entity", "key", "narrow"), name="namekey_unique_entity_key_narrow"
            ),
        ),
        # Last: on PostgreSQL no index may be built after rows are written in the transaction.
        migrations.RunPython(refile, keep_one_per_key, elidable=False),
    ]
