"""The alerts pages: the analysts' list and detail, and the administrators' rules."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from csphub.accounts.http import AuthenticatedHttpRequest
from csphub.core.permissions import role_required
from csphub.core.roles import Role

from . import forms, selectors, services
from .models import AlertRule, AlertStatus, RuleKind
from .services import RuleInput


@role_required(Role.ANALYST)
def alert_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    alerts = list(selectors.alerts_for_analyst(user=request.user))
    return render(
        request,
        "alerts/list.html",
        {
            "open_alerts": [a for a in alerts if a.status == AlertStatus.OPEN],
            "acknowledged_alerts": [a for a in alerts if a.status == AlertStatus.ACKNOWLEDGED],
        },
    )


def _detail(
    request: AuthenticatedHttpRequest,
    alert_id: int,
    *,
    acknowledge_form: forms.AcknowledgeForm | None = None,
    dismiss_form: forms.DismissForm | None = None,
) -> HttpResponse:
    alert = selectors.alert_for_analyst(user=request.user, alert_id=alert_id)
    status = 400 if acknowledge_form or dismiss_form else 200
    return render(
        request,
        "alerts/detail.html",
        {
            "alert": alert,
            "submissions": selectors.alert_submissions(alert),
            "theme_rise": alert.rule.kind == RuleKind.THEME_RISE,
            "acknowledge_form": acknowledge_form or forms.AcknowledgeForm(prefix="ack"),
            "dismiss_form": dismiss_form or forms.DismissForm(prefix="dismiss"),
            "form_in_error": acknowledge_form or dismiss_form,
        },
        status=status,
    )


@role_required(Role.ANALYST)
def alert_detail(request: AuthenticatedHttpRequest, alert_id: int) -> HttpResponse:
    return _detail(request, alert_id)


@role_required(Role.ANALYST)
@require_POST
def alert_acknowledge(request: AuthenticatedHttpRequest, alert_id: int) -> HttpResponse:
    alert = selectors.alert_for_analyst(user=request.user, alert_id=alert_id)
    form = forms.AcknowledgeForm(request.POST, prefix="ack")
    if form.is_valid():
        try:
            services.alert_acknowledge(
                alert=alert, user=request.user, reason=form.cleaned_data["reason"], request=request
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Alert acknowledged. It stays on the list until dismissed.")
            return redirect("alerts:detail", alert.pk)
    return _detail(request, alert_id, acknowledge_form=form)


@role_required(Role.ANALYST)
@require_POST
def alert_dismiss(request: AuthenticatedHttpRequest, alert_id: int) -> HttpResponse:
    alert = selectors.alert_for_analyst(user=request.user, alert_id=alert_id)
    form = forms.DismissForm(request.POST, prefix="dismiss")
    if form.is_valid():
        try:
            services.alert_dismiss(
                alert=alert, user=request.user, reason=form.cleaned_data["reason"], request=request
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Alert dismissed.")
            return redirect("alerts:list")
    return _detail(request, alert_id, dismiss_form=form)


@role_required(Role.ADMINISTRATOR)
def rule_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(
        request,
        "alerts/rules.html",
        {"rules": selectors.rules_for_administrator(user=request.user)},
    )


def _rule_page(
    request: AuthenticatedHttpRequest,
    rule: AlertRule,
    save: Callable[[RuleInput], AlertRule],
    done: str,
) -> HttpResponse:
    """The rule form, for a change or a new rule: `save` is the service that writes it."""
    form = forms.RuleForm(request.POST or None, rule=rule)
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form.to_input())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Rule '{saved.name}' {done}.")
            return redirect("alerts:rules")
    return render(
        request,
        "alerts/rule_edit.html",
        {"form": form, "rule": rule},
        status=400 if form.is_bound and form.errors else 200,
    )


@role_required(Role.ADMINISTRATOR)
def rule_edit(request: AuthenticatedHttpRequest, rule_id: int) -> HttpResponse:
    rule = selectors.rule_for_administrator(user=request.user, rule_id=rule_id)
    return _rule_page(
        request,
        rule,
        lambda data: services.alert_rule_update(
            rule=rule, actor=request.user, data=data, request=request
        ),
        "saved",
    )


@role_required(Role.ADMINISTRATOR)
def rule_create(request: AuthenticatedHttpRequest, kind: str) -> HttpResponse:
    try:
        rule = services.alert_rule_new(kind=kind)
    except ValidationError:
        raise Http404 from None
    return _rule_page(
        request,
        rule,
        lambda data: services.alert_rule_create(
            kind=kind, actor=request.user, data=data, request=request
        ),
        "added",
    )
