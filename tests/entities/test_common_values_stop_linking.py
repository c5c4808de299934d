import pytest

from csphub.entities.models import Entity, Link
from tests.entities.support import linked

pytestmark = pytest.mark.django_db

SWITCHBOARD = {"kind": "phone", "value": "0116 232 3232"}


def test_a_value_in_the_configured_number_of_submissions_becomes_common(submitter, settings):
    settings.CSPHUB_COMMON_VALUE_COUNT = 3
    for _ in range(3):
        linked(submitter, identifiers=[SWITCHBOARD])
    entity = Entity.objects.get(kind="phone")
    assert entity.common
    assert "3 or more" in entity.common_reason


def test_a_common_value_creates_no_new_links_but_its_mentions_are_kept(submitter, settings):
    settings.CSPHUB_COMMON_VALUE_COUNT = 3
    for _ in range(3):
        linked(submitter, identifiers=[SWITCHBOARD])
    links_before = Link.objects.count()
    latest = linked(submitter, identifiers=[SWITCHBOARD])
    assert Link.objects.count() == links_before
    assert latest.mentions.filter(entity__kind="phone").exists()


def test_below_the_count_a_value_still_links(submitter, settings):
    settings.CSPHUB_COMMON_VALUE_COUNT = 3
    linked(submitter, identifiers=[SWITCHBOARD])
    linked(submitter, identifiers=[SWITCHBOARD])
    assert not Entity.objects.get(kind="phone").common
    assert Link.objects.count() == 1
