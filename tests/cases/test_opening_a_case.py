"""Opening a case: a reference per year, the first risk assessment with its review date, the
timeline and the audit trail; bad input refused with a clear message and nothing written."""

from datetime import UTC, date, datetime

import pytest
from django.core.exceptions import ValidationError

from csphub.audit.models import AuditEvent
from csphub.cases.models import Case, CaseEvent, RiskAssessment
from csphub.core.roles import Role
from tests.cases.conftest import MEDIUM
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 12, 4, 10, tzinfo=UTC)


def test_a_case_takes_the_next_reference_of_its_year(open_case):
    first, second = open_case(now=NOW), open_case(now=NOW)
    assert (first.reference, second.reference) == ("ASB-2026-00001", "ASB-2026-00002")
    assert open_case(now=datetime(2027, 1, 2, tzinfo=UTC)).reference == "ASB-2027-00001"


def test_the_case_belongs_to_the_officers_organisation_and_is_assessed(open_case, officer):
    case = open_case(*MEDIUM, now=NOW)
    assert case.lead_organisation == officer.organisation and case.officer == officer
    assessment = RiskAssessment.objects.get(case=case)
    assert (assessment.score, assessment.level, assessment.is_review) == (8, "medium", False)
    assert case.risk_level == "medium"
    assert case.next_review_due == date(2027, 1, 1)  # medium: 28 days
    assert case.jag_referred_at is None


def test_the_timeline_and_the_audit_trail_record_the_opening(open_case):
    case = open_case(now=NOW)
    kinds = list(CaseEvent.objects.filter(case=case).values_list("kind", flat=True))
    assert kinds == ["opened", "assessment"]
    assert AuditEvent.objects.filter(action="case.opened", object_id=case.reference).exists()


def test_an_incomplete_assessment_is_refused_and_nothing_is_written(open_case):
    with pytest.raises(ValidationError, match="Answer every question"):
        open_case(answers={"targeted": True})
    assert not Case.objects.exists() and not CaseEvent.objects.exists()


def test_missing_fields_are_named(open_case):
    with pytest.raises(ValidationError) as raised:
        open_case(title=" ", category="loud")
    assert set(raised.value.message_dict) == {"title", "category"}


@pytest.mark.parametrize("roles", [[Role.ANALYST], [Role.SUBMITTER], [Role.ADMINISTRATOR]])
def test_only_case_officers_open_cases(open_case, roles):
    with pytest.raises(ValidationError, match="Only ASB case officers"):
        open_case(actor=UserFactory(roles=roles))
