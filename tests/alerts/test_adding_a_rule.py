"""Administrators add rules of their own beside the shipped ones (a second entity rule for
vehicles with a shorter window, say): checked like a change, audited, in force at once."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from csphub.alerts.models import AlertRule, RuleKind
from csphub.alerts.services import RuleInput, alert_rule_create
from csphub.audit.models import AuditEvent
from tests.alerts.support import alerts, reported

pytestmark = pytest.mark.django_db

VAN = {"registration": "AB12 CDE", "make": "Ford"}


def vehicles_in_a_week(**changes):
    data = dict(name="A vehicle twice in a week", active=True, count=2, days=7)
    data.update(entity_kinds=["vehicle"])
    data.update(changes)
    return RuleInput(**data)


def test_an_added_rule_raises_alerts_from_then_on(administrator, submitter):
    AlertRule.objects.update(active=False)
    rule = alert_rule_create(kind=RuleKind.ENTITY, actor=administrator, data=vehicles_in_a_week())
    reported(submitter, vehicles=[VAN])
    reported(submitter, vehicles=[VAN])
    [alert] = alerts()
    assert alert.rule == rule
    assert alert.entity.kind == "vehicle"


def test_adding_a_rule_is_audited(administrator):
    rule = alert_rule_create(kind=RuleKind.ENTITY, actor=administrator, data=vehicles_in_a_week())
    event = AuditEvent.objects.get(object_type="alertrule", action="created")
    assert event.actor == administrator
    assert event.object_id == str(rule.pk)
    assert event.changes["count"] == [None, 2]


def test_a_rule_needs_a_name_of_its_own(administrator):
    taken = AlertRule.objects.order_by("pk").first().name
    with pytest.raises(ValidationError) as caught:
        alert_rule_create(
            kind=RuleKind.ENTITY, actor=administrator, data=vehicles_in_a_week(name=taken.upper())
        )
    assert caught.value.message_dict["name"] == ["Another rule already has this name"]
    assert not AuditEvent.objects.filter(object_type="alertrule", action="created").exists()


def test_a_new_rule_is_checked_like_a_change(administrator):
    with pytest.raises(ValidationError) as caught:
        alert_rule_create(
            kind=RuleKind.THEME_RISE,
            actor=administrator,
            data=RuleInput(name="Fast rise", active=True, count=1, days=400, alpha=0.5),
        )
    assert set(caught.value.message_dict) == {"count", "days", "baseline_days", "alpha"}
    assert not AlertRule.objects.filter(name="Fast rise").exists()


def test_the_form_starts_from_the_shipped_thresholds_of_its_kind(verified_client, administrator):
    page = verified_client(administrator).get(reverse("alerts:rule_create", args=["theme_rise"]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Add an alert rule" in html
    assert 'value="182"' in html and 'value="0.01"' in html
    assert "Kinds of entity" not in html


def test_the_page_adds_a_rule_and_lists_it(verified_client, administrator):
    client = verified_client(administrator)
    response = client.post(
        reverse("alerts:rule_create", args=["area"]),
        {"name": "Busy LSOA", "count": "6", "days": "7", "area_type": "lsoa", "active": "on"},
    )
    assert response.status_code == 302
    rule = AlertRule.objects.get(name="Busy LSOA")
    assert (rule.kind, rule.area_type, rule.count, rule.days) == ("area", "lsoa", 6, 7)
    assert "Busy LSOA" in client.get(reverse("alerts:rules")).content.decode()


def test_the_page_shows_what_is_wrong(verified_client, administrator):
    response = verified_client(administrator).post(
        reverse("alerts:rule_create", args=["entity"]),
        {"name": "", "count": "3", "days": "30", "active": "on"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "govuk-error-summary" in html and "Enter a name for the rule" in html


def test_a_kind_that_does_not_exist_is_404(verified_client, administrator):
    url = reverse("alerts:rule_create", args=["weather"])
    assert verified_client(administrator).get(url).status_code == 404
