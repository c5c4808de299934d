"""`GET /api/v1/alerts`: the open emerging-issue alerts, for analysts' systems. Analysts only;
for any other valid token the path does not exist (404), as on the web."""

from __future__ import annotations

from datetime import datetime

from django.http import Http404
from ninja import Field, Router, Schema

from csphub.alerts import selectors
from csphub.alerts.models import Alert, AlertStatus
from csphub.core.roles import Role

from .http import ApiRequest
from .schemas import ErrorOut

router = Router(tags=["alerts"])


class AlertOut(Schema):
    id: int
    rule: str = Field(description="The name of the rule that raised it")
    kind: str = Field(description="entity, area or theme_rise")
    subject: str = Field(description="What it is about, e.g. 'Postcode sector LE11 3'")
    summary: str = Field(description="Why it was raised, in words (with the test for a theme rise)")
    status: str = Field(description="open (this list holds open alerts only)")
    created_at: datetime
    updated_at: datetime
    observed_count: int = Field(description="Submissions in the rule's window")
    expected_count: float | None = Field(description="Theme rise: expected at the usual rate")
    p_value: float | None = Field(description="Theme rise: the one-sided Poisson test's p-value")
    references: list[str] = Field(description="The submissions it concerns, oldest first")


def _out(alert: Alert) -> dict[str, object]:
    return {
        "id": alert.pk,
        "rule": alert.rule.name,
        "kind": alert.rule.kind,
        "subject": alert.subject,
        "summary": alert.summary,
        "status": alert.status,
        "created_at": alert.created_at,
        "updated_at": alert.updated_at,
        "observed_count": alert.observed_count,
        "expected_count": alert.expected_count,
        "p_value": alert.p_value,
        "references": [s.reference for s in alert.submissions.all()],
    }


@router.get(
    "/alerts",
    response={200: list[AlertOut], 401: ErrorOut, 404: ErrorOut},
    summary="List the open emerging-issue alerts (analysts only)",
)
def list_alerts(request: ApiRequest):
    if not request.auth.has_role(Role.ANALYST):
        raise Http404
    alerts = selectors.alerts_for_analyst(user=request.auth, statuses=(AlertStatus.OPEN,))
    return [_out(alert) for alert in alerts]
