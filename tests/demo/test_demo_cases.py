"""The demo's ASB cases: the case officer's caseload has a high-risk case referred to the JAG
with a warning, a notice and a breach, a medium-risk case overdue for review and a closed one;
made once."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from csphub.accounts.models import User
from csphub.cases.models import Case
from csphub.cases.selectors import cases_due_for_review

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_shared_data(tmp_path, monkeypatch):
    monkeypatch.setenv("CSPHUB_SHARED_DATA", str(tmp_path / "absent"))


def load():
    call_command("load_demo", submissions=20, force=True, no_performance=True, stdout=io.StringIO())


def test_the_demo_case_officer_has_cases_in_every_state():
    load()
    officer = User.objects.get(username="demo-cases")
    cases = {c.title: c for c in Case.objects.all()}
    high = cases["Harassment of a family on Ash Close"]
    assert high.risk_level == "high" and high.jag_referred_at is not None
    assert [i.type.key for i in high.interventions.all()] == ["cpw", "cpn"]
    assert high.interventions.first().breaches.count() == 1
    assert cases["Graffiti at the canal underpass"].status == "closed"
    due = cases_due_for_review(officer, today=timezone.localdate())
    assert cases["Loud music from a flat on Market Street"] in due
    load()
    assert Case.objects.count() == 3
