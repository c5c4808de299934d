import csv
import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from csphub.accounts.models import Organisation, OrganisationType, User
from csphub.core.roles import Role
from csphub.demo import builder, content
from csphub.demo.builder import FIXTURE_POSTCODES, load_demo, plan_submissions
from csphub.demo.clusters import cluster_drafts
from csphub.geography.models import District, Postcode
from csphub.geography.postcodes import normalise_postcode
from csphub.intelligence.models import Message, Status, Submission, Theme
from csphub.urgency import assess as find_immediate_risk

SMALL = 60
CLUSTERS = len(cluster_drafts(timezone.now(), {}))  # the connected reports beside the plan
DEMO_ROLES = {
    "demo-submitter": {Role.SUBMITTER},
    "demo-analyst": {Role.ANALYST},
    "demo-forum": {Role.FORUM_MEMBER},
    "demo-cases": {Role.CASE_OFFICER},
    "demo-perf": {Role.PERFORMANCE_ANALYST},
    "demo-board": {Role.BOARD_MEMBER},
    "demo-admin": {Role.ADMINISTRATOR},
}


@pytest.fixture(autouse=True)
def no_shared_data(tmp_path, monkeypatch):
    """Use the shipped fixture, not the 36,000-row shared file, to keep these tests fast."""
    monkeypatch.setenv("CSPHUB_SHARED_DATA", str(tmp_path / "absent"))


def run_load_demo(**options) -> str:
    """The performance data has its own tests (test_performance_demo_data.py); skipped here for
    speed."""
    out = io.StringIO()
    options.setdefault("no_performance", True)
    call_command("load_demo", submissions=SMALL, force=True, stdout=out, **options)
    return out.getvalue()


@pytest.fixture
def demo(db):
    return run_load_demo()


def test_load_demo_creates_the_seven_demo_accounts_with_their_roles(demo):
    for username, roles in DEMO_ROLES.items():
        user = User.objects.get(username=username)
        assert set(user.role_set) == roles
        assert user.is_demo and user.is_active
        assert user.full_name and user.email.endswith("@example.org")
        assert user.check_password(content.DEMO_PASSWORD)
    forum = User.objects.get(username="demo-forum")
    assert set(forum.forum_memberships.values_list("district__name", flat=True)) == {
        "Charnwood",
        "Melton",
    }
    assert User.objects.get(username="demo-submitter").organisation.type == OrganisationType.COUNCIL
    assert User.objects.get(username="demo-analyst").organisation.name == "Leicestershire Police"


def test_load_demo_makes_partner_organisations_of_every_type_and_a_second_analyst(demo):
    assert set(Organisation.objects.values_list("type", flat=True)) == set(OrganisationType.values)
    assert User.objects.filter(is_demo=True, roles__role=Role.SUBMITTER).count() >= 15
    assert User.objects.filter(is_demo=True, roles__role=Role.ANALYST).count() == 2
    submitting_organisations = Submission.objects.values("organisation").distinct().count()
    assert submitting_organisations >= 8


def test_running_load_demo_twice_adds_no_submissions_users_or_postcodes(demo):
    counts = (
        Submission.objects.count(),
        User.objects.count(),
        Organisation.objects.count(),
        Postcode.objects.count(),
        Message.objects.count(),
    )
    output = run_load_demo()
    assert f"already loaded ({SMALL + CLUSTERS}); none added" in output
    assert counts == (
        Submission.objects.count(),
        User.objects.count(),
        Organisation.objects.count(),
        Postcode.objects.count(),
        Message.objects.count(),
    )


def test_the_demo_plan_is_the_same_for_the_same_seed_and_differs_for_another():
    now = datetime(2026, 6, 3, 10, 0, tzinfo=ZoneInfo("Europe/London"))
    postcodes = {"E07000130": ["LE11 1HB", "LE11 3QF"], "E06000016": ["LE1 5YA"]}
    first = plan_submissions(seed=7, count=SMALL, now=now, postcodes=postcodes)
    again = plan_submissions(seed=7, count=SMALL, now=now, postcodes=postcodes)
    other = plan_submissions(seed=8, count=SMALL, now=now, postcodes=postcodes)
    assert first == again
    assert [p.data["information"] for p in first] != [p.data["information"] for p in other]


@pytest.mark.django_db
def test_the_loaded_submissions_are_the_plan_in_order_of_creation():
    now = timezone.now() - timedelta(hours=1)
    load_demo(submissions=SMALL, now=now, performance=False)
    expected = plan_submissions(
        seed=builder.DEFAULT_SEED,
        count=SMALL,
        now=timezone.localtime(now),
        postcodes=builder._live_postcodes(),
    )
    connected = {data["information"] for _, _, data in cluster_drafts(now, {})}
    loaded = [
        s for s in Submission.objects.order_by("created_at", "id") if s.information not in connected
    ]
    assert [s.information for s in loaded] == [p.data["information"] for p in expected]
    assert [s.created_at for s in loaded] == [p.created_at for p in expected]
    references = [s.reference for s in loaded]
    for earlier, later in zip(references, references[1:], strict=False):
        if earlier[4:8] == later[4:8]:
            assert int(later[-6:]) == int(earlier[-6:]) + 1


def test_demo_submissions_cover_every_district_and_theme(demo):
    assert set(Submission.objects.values_list("district__code", flat=True)) == set(
        District.objects.values_list("code", flat=True)
    )
    assert set(
        Theme.objects.filter(submissions__isnull=False).values_list("slug", flat=True)
    ) == set(content.THEME_WEIGHTS)
    assert Submission.objects.filter(lsoa_code__gt="").exists()  # placed by a real postcode lookup
    assert Submission.objects.filter(vehicles__isnull=False).exists()
    assert Submission.objects.filter(identifiers__kind="phone").exists()
    assert Submission.objects.filter(people__role="subject").exists()


@pytest.mark.parametrize("count", [12, 20, 60])
def test_even_a_small_demo_plan_covers_every_district_and_theme(count):
    now = datetime(2026, 8, 14, 16, 0, tzinfo=ZoneInfo("Europe/London"))
    for seed in range(20):
        plans = plan_submissions(seed=seed, count=count, now=now, postcodes={})
        assert {p.district_code for p in plans} == set(content.DISTRICT_WEIGHTS)
        assert {t for p in plans for t in p.data["themes"]} == set(content.THEME_WEIGHTS)
        assert sum(p.urgent for p in plans) >= 1


def test_some_demo_submissions_are_flagged_urgent_by_the_real_detection(demo):
    urgent = Submission.objects.filter(urgent=True)
    assert urgent.count() >= 1
    assert all(s.urgent_reasons for s in urgent)


def test_only_the_planned_reports_trip_the_immediate_risk_detection():
    now = datetime(2026, 3, 4, 11, 0, tzinfo=ZoneInfo("Europe/London"))
    for seed in range(5):
        for plan in plan_submissions(seed=seed, count=400, now=now, postcodes={}):
            texts = [
                plan.data["information"],
                plan.data["place_description"],
                *(p["description"] for p in plan.data["people"]),
            ]
            assert bool(find_immediate_risk(*texts)) == plan.urgent, plan.data["information"]


def test_demo_statuses_are_varied_and_consistent(demo):
    statuses = set(Submission.objects.values_list("status", flat=True))
    assert len(statuses) >= 3 and Status.CLOSED in statuses
    for submission in Submission.objects.filter(status=Status.GRADED):
        assert submission.grading and submission.graded_at and submission.assigned_to
    for submission in Submission.objects.filter(status=Status.CLOSED):
        assert submission.outcome and submission.closed_at >= submission.created_at
    for submission in Submission.objects.filter(status=Status.AWAITING_INFORMATION):
        assert submission.messages.last().from_analyst
    old = Submission.objects.filter(created_at__lt=timezone.now() - timedelta(days=180))
    assert old.filter(status__in=[Status.GRADED, Status.CLOSED]).count() >= 0.9 * old.count()
    assert Message.objects.filter(from_analyst=False).exists()  # some originators answered


def test_triage_timestamps_are_backdated_after_the_submission(demo):
    for message in Message.objects.select_related("submission"):
        assert message.submission.created_at < message.created_at <= timezone.now()
    for submission in Submission.objects.exclude(graded_at=None):
        assert submission.created_at < submission.graded_at <= timezone.now()


def test_the_demo_sends_no_email(demo):
    assert mail.outbox == []


def test_postcodes_come_from_the_shipped_fixture_when_the_shared_data_is_absent(demo):
    assert "postcodes-demo.csv" in demo
    assert Postcode.objects.count() == 72


def test_a_failing_directory_import_is_a_warning_not_a_failure(db, monkeypatch):
    def broken(*args, **kwargs):
        raise CommandError("import-directory is not ready")

    monkeypatch.setattr(builder, "call_command", broken)
    output = run_load_demo()
    assert (
        "Warning: the support directory was not imported (import-directory is not ready)" in output
    )
    assert Submission.objects.count() == SMALL + CLUSTERS


@pytest.mark.django_db
def test_load_demo_refuses_to_run_with_debug_off_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("load_demo", submissions=1, stdout=io.StringIO())
    assert not User.objects.filter(username="demo-admin").exists()


def test_the_shipped_postcode_fixture_is_well_formed():
    with open(FIXTURE_POSTCODES, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == [
        "postcode",
        "lsoa_code",
        "district_code",
        "district_name",
        "latitude",
        "longitude",
        "terminated",
    ]
    by_district = {}
    for row in rows:
        assert normalise_postcode(row["postcode"]) == row["postcode"]
        assert "E01025000" <= row["lsoa_code"] <= "E01028999"
        assert row["terminated"] in ("yes", "no")
        if row["terminated"] == "no":
            assert 52.3 < float(row["latitude"]) < 53.0 and -1.6 < float(row["longitude"]) < -0.4
        by_district.setdefault(row["district_code"], []).append(row)
    assert set(by_district) == set(content.DISTRICT_WEIGHTS)
    assert all(len(rows) == 8 for rows in by_district.values())
    assert len({r["postcode"] for r in rows}) == len(rows)
