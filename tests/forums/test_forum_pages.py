"""The forum members' intelligence pages."""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from csphub.audit.models import AuditEvent
from csphub.core.roles import Role
from csphub.intelligence.models import Submission
from tests.factories import UserFactory, district, make_submission
from tests.sanitised_support import SANITISED, approve, make_originator, make_rich_submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(db):
    return UserFactory(
        username="forum",
        roles=[Role.FORUM_MEMBER],
        forum_districts=[district("charnwood"), district("melton")],
    )


def shared(
    analyst, *, district_code="E07000130", themes=("anti-social-behaviour",), days_ago=1, text=None
):
    submission = make_submission(
        make_originator(f"o{Submission.objects.count()}"),
        district_code=district_code,
        themes=list(themes),
        information=text or "Youths gather by the Co-op.",
    )
    Submission.objects.filter(pk=submission.pk).update(
        created_at=timezone.now() - timedelta(days=days_ago)
    )
    approve(submission, analyst, spans=[])
    return submission


def test_forum_members_see_intelligence_for_their_districts_only(client, member, analyst):
    charnwood = shared(analyst, text="Charnwood item.")
    melton = shared(analyst, district_code="E07000133", text="Melton item.")
    leicester = shared(analyst, district_code="E06000016", text="Leicester item.")
    client.force_login(member)
    response = client.get(reverse("forums:intelligence"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Intelligence for your forums" in html
    assert charnwood.reference in html and melton.reference in html
    assert "Charnwood item." in html and "Melton item." in html
    assert leicester.reference not in html and "Leicester item." not in html
    assert "Community intelligence for Charnwood and Melton" in html


def test_only_approved_intelligence_is_listed_and_only_its_newest_version(client, member, analyst):
    unapproved = make_submission(make_originator())
    item = shared(analyst, text="First wording.")
    approve(item, analyst, spans=[], text="Second wording.")
    client.force_login(member)
    html = client.get(reverse("forums:intelligence")).content.decode()
    assert unapproved.reference not in html
    assert "Second wording." in html and "First wording." not in html
    assert html.count(f">{item.reference}<") == 1


def test_the_list_is_newest_first_and_paginated(client, member, analyst):
    items = [shared(analyst, days_ago=30 - i, text=f"Item number {i}.") for i in range(21)]
    client.force_login(member)
    html = client.get(reverse("forums:intelligence")).content.decode()
    assert "21 items, newest first." in html
    positions = [html.index(s.reference) for s in reversed(items[1:])]
    assert positions == sorted(positions)
    assert items[0].reference not in html
    page_2 = client.get(reverse("forums:intelligence") + "?page=2").content.decode()
    assert items[0].reference in page_2 and items[20].reference not in page_2


def test_the_list_filters_by_district_theme_and_date(client, member, analyst):
    old = shared(analyst, days_ago=40, text="Old Charnwood item.")
    melton = shared(analyst, district_code="E07000133", themes=["county-lines"], days_ago=2)
    recent = shared(analyst, days_ago=3, themes=["hate-crime", "anti-social-behaviour"])
    client.force_login(member)
    url = reverse("forums:intelligence")

    def refs(query):
        html = client.get(url, query).content.decode()
        return {s.reference for s in (old, melton, recent) if s.reference in html}

    assert refs({"district": "melton"}) == {melton.reference}
    assert refs({"district": "charnwood"}) == {old.reference, recent.reference}
    assert refs({"theme": "hate-crime"}) == {recent.reference}
    assert refs({"theme": "county-lines"}) == {melton.reference}
    ten_days_ago = timezone.localdate() - timedelta(days=10)
    assert refs(
        {
            "date_from-day": ten_days_ago.day,
            "date_from-month": ten_days_ago.month,
            "date_from-year": ten_days_ago.year,
        }
    ) == {melton.reference, recent.reference}
    assert refs(
        {
            "date_to-day": ten_days_ago.day,
            "date_to-month": ten_days_ago.month,
            "date_to-year": ten_days_ago.year,
        }
    ) == {old.reference}


def test_the_district_filter_offers_only_the_members_districts(client, member, analyst):
    leicester = shared(analyst, district_code="E06000016")
    client.force_login(member)
    html = client.get(reverse("forums:intelligence")).content.decode()
    options = re.findall(
        r'<option value="([^"]*)"', html.split('name="district"')[1].split("</select>")[0]
    )
    assert options == ["", "charnwood", "melton"]
    response = client.get(reverse("forums:intelligence"), {"district": "leicester"})
    assert response.status_code == 200
    assert leicester.reference not in response.content.decode()
    assert "Select a valid choice" in response.content.decode()


def test_a_forum_member_without_districts_is_told_so(client, analyst):
    shared(analyst)
    lonely = UserFactory(roles=[Role.FORUM_MEMBER])
    client.force_login(lonely)
    html = client.get(reverse("forums:intelligence")).content.decode()
    assert "You are not a member of any district's forum yet" in html
    assert "No sanitised intelligence has been shared with your forums yet." in html


def test_the_detail_page_shows_the_text_and_safe_metadata(client, member, analyst):
    submission = make_rich_submission(make_originator())
    Submission.objects.filter(pk=submission.pk).update(
        source_evaluation="2", intelligence_assessment="B", handling_code="P"
    )
    approve(submission, analyst)
    client.force_login(member)
    response = client.get(reverse("forums:intelligence_detail", args=[submission.reference]))
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert SANITISED in html
    assert "Anti-social behaviour" in html and "Charnwood" in html and "2/B/P" in html
    assert timezone.localtime(submission.created_at).strftime("%-d %B %Y") in html
    for private in (
        "Nowak",
        "07700",
        "someone@example.org",
        "FV19",
        "LE11 3AA",
        "Olivia Originator",
        "Originating Housing Trust",
        "Tall, shaved head",
    ):
        assert private not in html
    event = AuditEvent.objects.filter(action="viewed", object_type="sanitised_version").get()
    assert event.object_id == submission.reference and event.actor == member


def test_the_detail_page_is_not_found_for_another_district_or_before_approval(client, analyst):
    submission = make_submission(make_originator())
    melton_member = UserFactory(roles=[Role.FORUM_MEMBER], forum_districts=[district("melton")])
    charnwood_member = UserFactory(
        roles=[Role.FORUM_MEMBER], forum_districts=[district("charnwood")]
    )
    url = reverse("forums:intelligence_detail", args=[submission.reference])
    client.force_login(charnwood_member)
    assert client.get(url).status_code == 404
    assert (
        client.get(reverse("forums:intelligence_detail", args=["CIP-2099-999999"])).status_code
        == 404
    )
    approve(submission, analyst, spans=[])
    assert client.get(url).status_code == 200
    client.force_login(melton_member)
    assert client.get(url).status_code == 404


def test_forum_members_have_a_navigation_item_and_others_do_not(verified_client, member):
    html = verified_client(member).get(reverse("home")).content.decode()
    assert f'href="{reverse("forums:intelligence")}">Forum intelligence</a>' in html
    for role in (Role.SUBMITTER, Role.ANALYST, Role.BOARD_MEMBER):
        other = verified_client(UserFactory(roles=[role])).get(reverse("home")).content.decode()
        assert "Forum intelligence" not in other
