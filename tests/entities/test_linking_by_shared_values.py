import pytest

from csphub.entities.models import Link, LinkStatus
from tests.entities.support import PHONE, linked

pytestmark = pytest.mark.django_db


def link_between(a, b):
    low, high = sorted((a.pk, b.pk))
    return Link.objects.get(low_id=low, high_id=high)


def test_two_reports_of_one_phone_written_differently_are_linked_with_the_phone_as_reason(
    submitter,
):
    first = linked(submitter, identifiers=[PHONE])
    second = linked(submitter, information="Calls come from +44 7700 900461 late at night.")
    link = link_between(first, second)
    assert link.status == LinkStatus.SUGGESTED
    assert {"kind": "phone", "value": "+447700900461"} in link.reasons
    assert link.score == pytest.approx(0.9)


def test_a_vehicle_registration_links_reports_however_it_is_spaced(submitter):
    first = linked(
        submitter, vehicles=[{"registration": "ab12 cde", "make": "Ford", "colour": "Black"}]
    )
    second = linked(submitter, vehicles=[{"registration": "AB12CDE"}])
    assert {"kind": "vehicle", "value": "AB12CDE"} in link_between(first, second).reasons


def test_an_address_links_a_field_and_a_free_text_mention(submitter):
    first = linked(submitter, place_description="Flat 2, 14 High Street", postcode="LE11 3AA")
    second = linked(
        submitter,
        information="Flat 2, 14 High St, Loughborough LE11 3AA has people coming and going.",
    )
    assert any(r["kind"] == "address" for r in link_between(first, second).reasons)


def test_several_shared_values_give_a_higher_score_than_one(submitter):
    first = linked(submitter, identifiers=[PHONE, {"kind": "email", "value": "Dealer@Example.com"}])
    second = linked(submitter, identifiers=[PHONE])
    third = linked(submitter, identifiers=[PHONE, {"kind": "email", "value": "dealer@example.com"}])
    assert link_between(first, third).score > link_between(first, second).score


def test_a_shared_postcode_alone_does_not_link(submitter):
    first = linked(submitter, postcode="LE11 3AA")
    second = linked(submitter, postcode="LE11 3AA")
    assert not Link.objects.filter(low_id=first.pk, high_id=second.pk).exists()


def test_reports_with_nothing_in_common_are_not_linked(submitter):
    linked(submitter, identifiers=[PHONE])
    linked(submitter, identifiers=[{"kind": "phone", "value": "07700 900999"}])
    assert not Link.objects.exists()


def test_linking_again_changes_nothing(submitter):
    first = linked(submitter, identifiers=[PHONE])
    second = linked(submitter, identifiers=[PHONE])
    from csphub.entities.services import submission_link

    submission_link(submission_id=second.pk)
    submission_link(submission_id=first.pk)
    assert Link.objects.count() == 1
    assert second.mentions.count() == 1
    assert second.mentions.get().entity.submission_count == 2
