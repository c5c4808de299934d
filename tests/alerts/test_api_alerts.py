"""GET /api/v1/alerts: the open alerts, each naming the references it concerns."""

import pytest

from csphub.alerts.models import Alert, RuleKind
from csphub.alerts.services import alert_acknowledge
from csphub.api.models import ApiToken
from tests.alerts.support import PHONE, in_use_for_a_year, only, reported

pytestmark = pytest.mark.django_db


def get(client, user):
    token = ApiToken.issue(user)[1]
    return client.get("/api/v1/alerts", headers={"Authorization": f"Bearer {token}"})


def test_open_alerts_are_listed_with_their_references(client, analyst, submitter):
    only(RuleKind.ENTITY)
    made = [reported(submitter, identifiers=[PHONE]) for _ in range(3)]
    alert = Alert.objects.get()
    [item] = get(client, analyst).json()
    assert item["id"] == alert.pk
    assert item["rule"] == "Several reports about one entity"
    assert item["kind"] == "entity"
    assert item["status"] == "open"
    assert item["summary"] == alert.summary
    assert item["created_at"]
    assert item["references"] == [s.reference for s in made]
    assert item["p_value"] is None


def test_a_theme_rise_carries_its_test(client, analyst, submitter):
    only(RuleKind.THEME_RISE)
    in_use_for_a_year(submitter)
    for _ in range(3):
        reported(submitter)
    [item] = get(client, analyst).json()
    assert item["kind"] == "theme_rise"
    assert item["observed_count"] == 3
    assert item["expected_count"] == pytest.approx(0.0769, 1e-3)
    assert 0 < item["p_value"] < 0.01


def test_acknowledged_alerts_are_not_open_and_not_listed(client, analyst, submitter):
    only(RuleKind.ENTITY)
    for _ in range(3):
        reported(submitter, identifiers=[PHONE])
    alert_acknowledge(alert=Alert.objects.get(), user=analyst)
    assert get(client, analyst).json() == []


def test_the_openapi_document_describes_the_endpoint(client):
    document = client.get("/api/v1/openapi.json").json()
    operation = document["paths"]["/api/v1/alerts"]["get"]
    assert operation["security"] == [{"ApiTokenAuth": []}]
    assert set(operation["responses"]) >= {"200", "401", "404"}
    schema = document["components"]["schemas"]["AlertOut"]
    assert {"id", "rule", "kind", "summary", "status", "created_at", "references"} <= set(
        schema["properties"]
    )
