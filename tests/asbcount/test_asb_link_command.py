"""`csphub asb-link`: the police's and the case system's incidents held are linked, counted
once per district, and the pairs written out as CSV."""

import csv
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from csphub.asbcount.models import Link, LinkRun
from csphub.cases.models import Incident, PoliceAsbIncident
from csphub.cases.services import case_open
from tests.cases.conftest import answers
from tests.factories import district

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(officer):
    """Two police incidents; the case records one of them (by number) and one of its own."""
    charnwood = district("charnwood")
    case = case_open(
        actor=officer, title="Noise at 12 Ash Close", subject_type="household",
        category="nuisance", district=charnwood, answers=answers(),
    )  # fmt: skip
    when = timezone.now() - timedelta(days=3)
    for number, minutes in (("LP-1", 0), ("LP-2", 600)):
        PoliceAsbIncident.objects.create(
            incident_number=number, reported_at=when + timedelta(minutes=minutes),
            latitude=52.77, longitude=-1.20, postcode="LE11 3AA", district=charnwood,
            category="nuisance", description="loud music",
        )  # fmt: skip
    for source, number, days in (("S-1", "LP-1", 0), ("S-2", "", 2)):
        Incident.objects.create(
            case=case, source_id=source, police_incident_number=number,
            occurred_at=when + timedelta(days=days), reported_at=when + timedelta(days=days),
            description="music", district=charnwood, logged_by=officer,
        )  # fmt: skip
    return case


def test_the_count_takes_each_incident_once(held, capsys):
    call_command("asb_link")
    run = LinkRun.objects.get()
    assert (run.police_count, run.case_count, run.exact_links) == (2, 2, 1)
    assert run.combined == 4 - run.links
    charnwood = next(row for row in run.by_district if row["district"] == "Charnwood")
    assert charnwood["police"] == 2 and charnwood["cases"] == 2
    assert charnwood["combined"] == 4 - charnwood["links"]
    assert "One ASB count: " in capsys.readouterr().out


def test_the_pairs_are_exported_with_the_case_system_s_ids(held, tmp_path):
    out = tmp_path / "pairs.csv"
    call_command("asb_link", "--export", str(out))
    rows = list(csv.reader(out.open()))
    assert rows[0] == ["police_incident_number", "case_incident_id", "match_probability"]
    assert ["LP-1", "S-1", "1.0000"] in rows


def test_a_second_run_replaces_the_pairs_and_keeps_the_figures(held):
    call_command("asb_link")
    call_command("asb_link")
    assert LinkRun.objects.count() == 2
    newest = LinkRun.objects.latest()
    assert set(Link.objects.values_list("run", flat=True)) == {newest.pk}
