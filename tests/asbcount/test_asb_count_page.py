"""The one ASB count page: figures for those who read the dashboard and for case officers;
pairs to review only for case officers and only of cases they may see; with street-level
data alone, the sources side by side and why they cannot be combined."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from csphub.cases.models import Incident, PoliceAsbIncident
from csphub.cases.services import case_open
from csphub.core.roles import Role
from csphub.performance.models import CrimeCount, Lsoa
from tests.cases.conftest import answers
from tests.factories import OrganisationFactory, UserFactory, district

pytestmark = pytest.mark.django_db

URL = reverse("asbcount:count")


@pytest.fixture
def linked(officer):
    charnwood = district("charnwood")
    case = case_open(
        actor=officer, title="Noise at 12 Ash Close", subject_type="household",
        category="nuisance", district=charnwood, answers=answers(),
    )  # fmt: skip
    when = timezone.now() - timedelta(days=3)
    PoliceAsbIncident.objects.create(
        incident_number="LP-1", reported_at=when, postcode="LE11 3AA", district=charnwood,
        category="nuisance", description="loud music",
    )  # fmt: skip
    Incident.objects.create(
        case=case, police_incident_number="LP-1", occurred_at=when, reported_at=when,
        description="music", district=charnwood, logged_by=officer,
    )  # fmt: skip
    call_command("asb_link")
    return case


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (Role.SUBMITTER, 404),
        (Role.FORUM_MEMBER, 200),
        (Role.ANALYST, 200),
        (Role.PERFORMANCE_ANALYST, 200),
        (Role.BOARD_MEMBER, 200),
        (Role.CASE_OFFICER, 200),
        (Role.ADMINISTRATOR, 200),
    ],
)
def test_who_may_read_the_count(verified_client, role, status):
    user = UserFactory(roles=[role], organisation=OrganisationFactory())
    assert verified_client(user).get(URL).status_code == status


def test_the_count_shows_each_district_once_counted(verified_client, linked):
    reader = UserFactory(roles=[Role.PERFORMANCE_ANALYST])
    page = verified_client(reader).get(URL).content.decode()
    assert "Charnwood" in page and "1 by police incident number" in page
    assert "Pairs to review" not in page  # incident-level pairs are for case officers only


def test_the_dashboard_panel_gives_a_district_s_count_and_the_county_s(linked):
    from django.template import Context, Template

    district_panel = Template('{% load asbcount %}{% asb_count_panel "Charnwood" %}')
    county_panel = Template("{% load asbcount %}{% asb_count_panel %}")
    for panel in (district_panel, county_panel):
        html = panel.render(Context({}))
        assert "ASB incidents, counted once" in html and "Distinct incidents" in html
    assert "counted once" not in Template(
        '{% load asbcount %}{% asb_count_panel "Nowhere" %}'
    ).render(Context({}))


def test_review_pairs_only_of_cases_the_officer_may_see(verified_client, linked, officer):
    from csphub.asbcount.models import Link

    Link.objects.update(uncertain=True)
    assert linked.reference in verified_client(officer).get(URL).content.decode()
    stranger = UserFactory(roles=[Role.CASE_OFFICER], organisation=OrganisationFactory())
    page = verified_client(stranger).get(URL).content.decode()
    assert linked.reference not in page and "No uncertain pairs" in page


def test_street_level_data_alone_is_shown_beside_the_cases_and_not_added(verified_client):
    charnwood = district("charnwood")
    Lsoa.objects.create(
        code="E01025700", name="Charnwood 001A", district_code=charnwood.code,
        district_name=charnwood.name,
    )  # fmt: skip
    CrimeCount.objects.create(
        month=date(2026, 9, 1), lsoa_code="E01025700", category="Anti-social behaviour", count=41
    )
    reader = UserFactory(roles=[Role.PERFORMANCE_ANALYST])
    page = verified_client(reader).get(URL).content.decode()
    assert "side by side" in page and "cannot be added together" in page
    assert "41" in page and "September 2026 to September 2026" in page
