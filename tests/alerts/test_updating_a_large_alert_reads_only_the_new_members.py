"""A live alert keeps growing while it is open; updating it for a new submission looks up only
the finding's own members, so the cost does not grow with everything the alert holds."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from csphub.alerts.models import Alert, RuleKind
from csphub.intelligence.models import Submission
from tests.alerts.support import PHONE, alerts, only, reported
from tests.factories import make_submission

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def entity_rule(db):
    return only(RuleKind.ENTITY)


def test_an_update_never_reads_the_members_outside_the_finding(submitter):
    for _ in range(3):
        reported(submitter, identifiers=[PHONE])
    [alert] = alerts()
    earlier = [make_submission(submitter) for _ in range(12)]
    Submission.objects.filter(pk__in=[s.pk for s in earlier]).update(
        created_at=timezone.now() - timedelta(days=90)
    )
    alert.submissions.add(*earlier)  # held from long ago, outside the rule's window
    with CaptureQueriesContext(connection) as queries:
        fourth = reported(submitter, identifiers=[PHONE])
    statements = [q["sql"] or "" for q in queries.captured_queries]
    reads = [
        sql
        for sql in statements
        if sql.lstrip().upper().startswith("SELECT") and "alerts_alert_submissions" in sql
    ]
    assert reads and all(" IN (" in sql for sql in reads)
    alert = Alert.objects.get(pk=alert.pk)
    assert alert.submissions.count() == 3 + 12 + 1
    assert fourth in alert.submissions.all()
    assert alert.observed_count == 4
