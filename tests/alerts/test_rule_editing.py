"""Administrators change the rules and their thresholds on a GOV.UK page: checked, audited."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from csphub.alerts.models import AlertRule, RuleKind
from csphub.alerts.services import RuleInput, alert_rule_update
from csphub.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def rule(kind):
    return AlertRule.objects.filter(kind=kind).order_by("pk").first()


def values(r, **changes):
    data = dict(
        name=r.name,
        active=r.active,
        count=r.count,
        days=r.days,
        description=r.description,
        entity_kinds=r.entity_kinds,
        area_type=r.area_type,
        baseline_days=r.baseline_days,
        alpha=r.alpha,
    )
    data.update(changes)
    return RuleInput(**data)


def refused(r, administrator, **changes):
    with pytest.raises(ValidationError) as caught:
        alert_rule_update(rule=r, actor=administrator, data=values(r, **changes))
    return caught.value.message_dict


def test_the_defaults_are_shipped_one_rule_per_kind_and_area_type(db):
    kinds = sorted(AlertRule.objects.values_list("kind", "area_type"))
    assert kinds == [("area", "lsoa"), ("area", "sector"), ("entity", ""), ("theme_rise", "")]
    assert all(AlertRule.objects.values_list("active", flat=True))


@pytest.mark.parametrize("count", [1, 0, -3])
def test_a_count_below_two_is_refused(administrator, count):
    errors = refused(rule(RuleKind.ENTITY), administrator, count=count)
    assert errors["count"] == ["The number of submissions must be 2 or more"]


@pytest.mark.parametrize("days", [0, 366])
def test_days_outside_one_to_365_are_refused(administrator, days):
    errors = refused(rule(RuleKind.AREA), administrator, days=days)
    assert errors["days"] == ["The number of days must be between 1 and 365"]


@pytest.mark.parametrize("alpha", [0, 0.2, 0.5, -0.01])
def test_a_significance_level_outside_zero_to_point_two_is_refused(administrator, alpha):
    errors = refused(rule(RuleKind.THEME_RISE), administrator, alpha=alpha)
    assert errors["alpha"] == ["The significance level must be more than 0 and less than 0.2"]


def test_a_baseline_outside_one_to_365_days_is_refused(administrator):
    errors = refused(rule(RuleKind.THEME_RISE), administrator, baseline_days=400)
    assert "baseline_days" in errors


def test_an_entity_rule_needs_a_kind_of_entity(administrator):
    errors = refused(rule(RuleKind.ENTITY), administrator, entity_kinds=[])
    assert errors["entity_kinds"] == ["Select at least one kind of entity"]


def test_the_edges_are_accepted(administrator):
    r = rule(RuleKind.THEME_RISE)
    saved = alert_rule_update(
        rule=r, actor=administrator, data=values(r, count=2, days=365, alpha=0.199)
    )
    assert (saved.count, saved.days, saved.alpha) == (2, 365, 0.199)


def test_a_change_is_audited_with_before_and_after(administrator):
    r = rule(RuleKind.ENTITY)
    alert_rule_update(rule=r, actor=administrator, data=values(r, count=5, days=60))
    event = AuditEvent.objects.get(object_type="alertrule", action="updated")
    assert event.actor == administrator
    assert event.changes["count"] == [3, 5]
    assert event.changes["days"] == [30, 60]


def test_the_page_changes_a_rule(verified_client, administrator):
    r = rule(RuleKind.THEME_RISE)
    client = verified_client(administrator)
    page = client.get(reverse("alerts:rule_edit", args=[r.pk])).content.decode()
    assert "Significance level" in page and "Kinds of entity" not in page
    response = client.post(
        reverse("alerts:rule_edit", args=[r.pk]),
        {"name": r.name, "count": "4", "days": "21", "baseline_days": "364", "alpha": "0.005"},
    )
    assert response.status_code == 302
    r.refresh_from_db()
    assert (r.count, r.days, r.baseline_days, r.alpha, r.active) == (4, 21, 364, 0.005, False)
    assert AuditEvent.objects.filter(object_type="alertrule", actor=administrator).exists()


def test_the_page_shows_the_problems_with_an_error_summary(verified_client, administrator):
    r = rule(RuleKind.AREA)
    response = verified_client(administrator).post(
        reverse("alerts:rule_edit", args=[r.pk]),
        {"name": r.name, "count": "1", "days": "500", "area_type": "sector", "active": "on"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "The number of submissions must be 2 or more" in page
    assert "The number of days must be between 1 and 365" in page
    r.refresh_from_db()
    assert (r.count, r.days) == (4, 14)


def test_the_rules_page_lists_every_rule(verified_client, administrator):
    page = verified_client(administrator).get(reverse("alerts:rules")).content.decode()
    for r in AlertRule.objects.all():
        assert r.name in page
    assert "p below 0.01" in page
