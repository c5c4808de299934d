"""`latest_sanitised_version_for_analyst`: what the triage page's share panel shows."""

import pytest

from csphub.core.roles import Role
from csphub.forums.selectors import latest_sanitised_version_for_analyst
from tests.factories import UserFactory
from tests.sanitised_support import approve, make_originator, make_rich_submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def submission():
    return make_rich_submission(make_originator())


def test_nothing_before_a_version_is_approved(submission, analyst):
    assert latest_sanitised_version_for_analyst(user=analyst, submission=submission) is None


def test_the_newest_version_for_an_analyst(submission, analyst):
    approve(submission, analyst)
    second = approve(submission, analyst)
    latest = latest_sanitised_version_for_analyst(user=analyst, submission=submission)
    assert latest == second and latest.version == 2


def test_nothing_for_anyone_who_is_not_an_analyst(submission, analyst):
    approve(submission, analyst)
    member = UserFactory(username="member", roles=[Role.FORUM_MEMBER])
    assert latest_sanitised_version_for_analyst(user=member, submission=submission) is None
