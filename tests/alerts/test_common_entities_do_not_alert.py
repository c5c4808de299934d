"""A value marked common (a switchboard, "Unknown male") never raises an alert."""

import pytest

from csphub.alerts.models import RuleKind
from csphub.entities.models import Entity
from csphub.entities.services import entity_common_set
from tests.alerts.support import PHONE, alerts, only, reported

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def entity_rule(db):
    return only(RuleKind.ENTITY)


def test_a_value_that_becomes_common_as_it_reaches_the_count_raises_no_alert(submitter, settings):
    settings.CSPHUB_COMMON_VALUE_COUNT = 3
    for _ in range(3):
        reported(submitter, identifiers=[PHONE])
    assert Entity.objects.get(kind="phone").common
    assert alerts() == []


def test_a_value_an_analyst_marked_common_raises_no_alert(submitter, analyst):
    reported(submitter, identifiers=[PHONE])
    reported(submitter, identifiers=[PHONE])
    entity_common_set(
        entity=Entity.objects.get(kind="phone"), user=analyst, common=True, reason="Switchboard"
    )
    reported(submitter, identifiers=[PHONE])
    assert alerts() == []
