import io

import pytest
from django.core.management import call_command

from csphub.entities.models import Entity, Link
from csphub.intelligence.models import Submission


@pytest.fixture(autouse=True)
def no_shared_data(tmp_path, monkeypatch):
    monkeypatch.setenv("CSPHUB_SHARED_DATA", str(tmp_path / "absent"))


@pytest.fixture
def demo(db):
    out = io.StringIO()
    call_command("load_demo", submissions=20, force=True, no_performance=True, stdout=out)
    return out.getvalue()


def reports_mentioning(kind, key):
    entity = Entity.objects.get(kind=kind, key=key)
    return Submission.objects.filter(mentions__entity=entity).distinct()


def test_the_flat_is_reported_by_housing_a_school_and_health_and_the_reports_are_linked(demo):
    flat = Entity.objects.get(kind="address", key__startswith="3|27|ASHBY ROAD|")
    reports = Submission.objects.filter(mentions__entity=flat).distinct()
    organisations = {s.organisation.name for s in reports}
    assert {
        "emh housing",
        "Leicestershire schools",
        "Leicestershire Partnership NHS Trust",
    } <= organisations
    ids = [s.pk for s in reports]
    assert Link.objects.filter(low_id__in=ids, high_id__in=ids).count() >= 3


def test_the_car_is_seen_in_two_districts_and_links_them(demo):
    reports = reports_mentioning("vehicle", "FV68XKT")
    assert {s.district.name for s in reports} == {"Charnwood", "Melton"}
    melton = reports.get(district__name="Melton")
    assert Link.objects.filter(high=melton).exists() or Link.objects.filter(low=melton).exists()


def test_the_loader_says_how_many_reports_it_linked(demo):
    assert "Linked:" in demo
