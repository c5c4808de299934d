"""The default victim risk assessment (docs/asb-cases.md): a starting point that a partnership
replaces with its own matrix, not an official scoring."""

from django.db import migrations

NAME = "CSP Hub default (2026)"
QUESTIONS = [
    # key, text, weight, vulnerability factor
    ("targeted", "Is the victim targeted because of who they are (race, religion, disability, "
     "sexual orientation, gender identity)?", 3, False),
    ("violence", "Has there been violence, or a threat of violence?", 3, False),
    ("repeat", "Has the victim experienced this or similar behaviour before?", 2, False),
    ("escalating", "Is the behaviour getting worse or more frequent?", 2, False),
    ("property", "Has the victim's home or property been damaged?", 2, False),
    ("fear", "Is the victim afraid to go out, or to stay at home?", 2, False),
    ("health", "Is it affecting the victim's physical or mental health, or their sleep?", 2, False),
    ("children", "Are children in the household affected?", 2, False),
    ("daily_life", "Is it affecting the victim's work, schooling or care of others?", 1, False),
    ("moving", "Has the victim thought about moving home because of it?", 1, False),
    ("disability", "Does the victim have a disability or a long-term illness?", 2, True),
    ("mental_health", "Does the victim have a mental health condition?", 2, True),
    ("alone", "Does the victim live alone, or have little support around them?", 1, True),
    ("age", "Is the victim under 18 or over 75?", 1, True),
]  # fmt: skip


def seed(apps, schema_editor):
    """Idempotent: the test suite seeds again after a transactional test's flush."""
    matrix_model = apps.get_model("cases", "RiskMatrix")
    question_model = apps.get_model("cases", "RiskQuestion")
    if matrix_model.objects.filter(name=NAME).exists():
        return
    matrix = matrix_model.objects.create(
        name=NAME,
        active=True,
        medium_from=8,
        high_from=15,
        high_review_days="14,28,56",
        medium_review_days="28,56",
        standard_review_days="",
        notes="Shipped with CSP Hub: 14 questions, 26 points at most; medium from 8, high from 15.",
    )
    question_model.objects.bulk_create(
        question_model(
            matrix=matrix, key=key, text=text, weight=weight, vulnerability=vulnerable, order=n
        )
        for n, (key, text, weight, vulnerable) in enumerate(QUESTIONS, start=1)
    )


def remove(apps, schema_editor):
    apps.get_model("cases", "RiskMatrix").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]
    operations = [migrations.RunPython(seed, remove)]
