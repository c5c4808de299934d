"""The demo shares a realistic part of its graded intelligence with the forums, once."""

import io

import pytest
from django.core.management import call_command

from csphub.accounts.models import User
from csphub.forums.models import SanitisedVersion
from csphub.forums.selectors import forum_intelligence
from csphub.intelligence.models import Submission
from csphub.redaction import proposals

SMALL = 80


@pytest.fixture(autouse=True)
def no_shared_data(tmp_path, monkeypatch):
    """Use the shipped postcode fixture, not the 36,000-row shared file, to keep this fast."""
    monkeypatch.setenv("CSPHUB_SHARED_DATA", str(tmp_path / "absent"))


def run_load_demo() -> str:
    out = io.StringIO()
    call_command("load_demo", submissions=SMALL, force=True, no_performance=True, stdout=out)
    return out.getvalue()


@pytest.fixture
def demo(db):
    return run_load_demo()


def test_the_demo_approves_sanitised_versions_of_graded_submissions_across_districts(demo):
    versions = SanitisedVersion.objects.select_related("submission", "district", "approved_by")
    assert "sanitised versions approved" in demo
    graded = Submission.objects.filter(graded_at__isnull=False).count()
    assert 0 < versions.count() < graded
    assert versions.values("district").distinct().count() >= 3
    for version in versions:
        assert version.submission.graded_at is not None
        assert version.district_id == version.submission.district_id
        assert version.approved_by.has_role("analyst")
        assert version.submission.graded_at <= version.approved_at
        assert version.postcode_sector is True


def test_no_demo_sanitised_text_holds_the_submissions_structured_details(demo):
    for version in SanitisedVersion.objects.select_related("submission__submitted_by"):
        assert proposals.structured_leaks(version.submission, version.text) == [], (
            version.submission.reference
        )


def test_the_demo_forum_member_sees_sanitised_intelligence_for_charnwood_and_melton(demo):
    forum = User.objects.get(username="demo-forum")
    items = list(forum_intelligence(user=forum))
    assert items
    assert {v.district.name for v in items} <= {"Charnwood", "Melton"}


def test_running_load_demo_again_approves_nothing_more(demo):
    before = list(
        SanitisedVersion.objects.order_by("id").values_list("id", "version", "approved_at")
    )
    output = run_load_demo()
    assert "sanitised versions approved" not in output
    assert (
        list(SanitisedVersion.objects.order_by("id").values_list("id", "version", "approved_at"))
        == before
    )
