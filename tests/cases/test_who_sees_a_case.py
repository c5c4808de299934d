"""Who sees a case: its lead organisation's case officers and those of organisations it is
shared with; nobody else, whatever their role (404, as if it did not exist)."""

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from csphub.cases.models import CaseEvent
from csphub.cases.selectors import case_for, cases_visible_to
from csphub.cases.services import case_share, risk_review
from csphub.core.roles import Role
from tests.cases.conftest import answers
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

OTHER_ROLES = [
    Role.SUBMITTER,
    Role.ANALYST,
    Role.FORUM_MEMBER,
    Role.PERFORMANCE_ANALYST,
    Role.BOARD_MEMBER,
    Role.ADMINISTRATOR,
]


def sees(user, case) -> bool:
    try:
        case_for(user, case.reference)
    except Http404:
        return False
    return cases_visible_to(user).filter(pk=case.pk).exists()


def test_the_lead_organisations_case_officers_see_it(open_case, officer, council):
    case = open_case()
    colleague = UserFactory(organisation=council, roles=[Role.CASE_OFFICER])
    assert sees(officer, case) and sees(colleague, case)


def test_another_organisations_case_officer_does_not_until_it_is_shared(
    open_case, officer, housing_officer, housing
):
    case = open_case()
    assert not sees(housing_officer, case)
    case_share(actor=officer, case=case, organisation=housing)
    assert sees(housing_officer, case)
    assert CaseEvent.objects.filter(case=case, kind="shared").count() == 1


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_no_other_role_sees_a_case_even_in_the_lead_organisation(open_case, council, role):
    case = open_case()
    assert not sees(UserFactory(organisation=council, roles=[role]), case)


def test_a_case_officer_with_no_organisation_sees_none(open_case):
    case = open_case()
    assert not sees(UserFactory(organisation=None, roles=[Role.CASE_OFFICER]), case)


def test_an_unseen_case_cannot_be_worked_on(open_case, housing_officer):
    case = open_case()
    with pytest.raises(ValidationError, match="not your organisation's"):
        risk_review(actor=housing_officer, case=case, answers=answers())


def test_a_partner_it_is_shared_with_works_on_it_but_does_not_share_it_on(
    open_case, officer, housing_officer, housing
):
    case = open_case()
    case_share(actor=officer, case=case, organisation=housing)
    risk_review(actor=housing_officer, case=case, answers=answers())
    with pytest.raises(ValidationError, match="Only the lead organisation"):
        case_share(actor=housing_officer, case=case, organisation=OrganisationFactory())
