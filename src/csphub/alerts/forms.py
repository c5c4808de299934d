"""Forms of the alerts pages. The service checks the values (alerts/services.py); the forms
only read them, and show only the thresholds the rule's kind uses."""

from __future__ import annotations

from typing import Any

from django import forms

from csphub.entities.models import Kind

from .models import AlertRule, AreaType, RuleKind
from .services import RuleInput


class RuleForm(forms.Form):
    name = forms.CharField(
        label="Name", max_length=120, error_messages={"required": "Enter a name for the rule"}
    )
    description = forms.CharField(
        label="Description (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    count = forms.IntegerField(
        label="Number of submissions",
        error_messages={
            "required": "Enter the number of submissions",
            "invalid": "The number of submissions must be a whole number",
        },
    )
    days = forms.IntegerField(
        label="Within this many days",
        error_messages={
            "required": "Enter the number of days",
            "invalid": "The number of days must be a whole number",
        },
    )
    entity_kinds = forms.MultipleChoiceField(
        label="Kinds of entity it looks at",
        required=False,
        choices=Kind.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Postcodes are usually left out: many households share one",
    )
    area_type = forms.ChoiceField(
        label="Area",
        choices=AreaType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a postcode sector or an LSOA"},
    )
    baseline_days = forms.IntegerField(
        label="Baseline: the days before the window that set the usual rate",
        error_messages={
            "required": "Enter the number of baseline days",
            "invalid": "The baseline must be a whole number of days",
        },
    )
    alpha = forms.FloatField(
        label="Significance level",
        help_text="Alert when the chance of so many reports at the usual rate is below this, "
        "e.g. 0.01 (1 in 100)",
        error_messages={
            "required": "Enter the significance level",
            "invalid": "The significance level must be a number, like 0.01",
        },
    )
    active = forms.BooleanField(label="The rule is on", required=False)

    _BY_KIND = {
        RuleKind.ENTITY: {"entity_kinds"},
        RuleKind.AREA: {"area_type"},
        RuleKind.THEME_RISE: {"baseline_days", "alpha"},
    }
    _OPTIONAL = {"entity_kinds", "area_type", "baseline_days", "alpha"}

    def __init__(self, *args: Any, rule: AlertRule, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {
                "name": rule.name,
                "description": rule.description,
                "count": rule.count,
                "days": rule.days,
                "entity_kinds": rule.entity_kinds,
                "area_type": rule.area_type,
                "baseline_days": rule.baseline_days,
                "alpha": rule.alpha,
                "active": rule.active,
            },
        )
        super().__init__(*args, **kwargs)
        keep = self._BY_KIND[RuleKind(rule.kind)]
        for name in self._OPTIONAL - keep:
            del self.fields[name]
        if rule.kind == RuleKind.THEME_RISE:
            self.fields["count"].label = "Minimum number of reports in the window"
            self.fields["days"].label = "Window: the last this many days"

    def to_input(self) -> RuleInput:
        data = self.cleaned_data
        return RuleInput(
            name=data["name"],
            description=data.get("description", ""),
            active=data.get("active", False),
            count=data["count"],
            days=data["days"],
            entity_kinds=data.get("entity_kinds"),
            area_type=data.get("area_type", ""),
            baseline_days=data.get("baseline_days"),
            alpha=data.get("alpha"),
        )


class AcknowledgeForm(forms.Form):
    reason = forms.CharField(
        label="Note (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="What you are doing about it",
    )


class DismissForm(forms.Form):
    reason = forms.CharField(
        label="Why are you dismissing it?",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say why you are dismissing this alert"},
        help_text="It will not be raised again until new submissions arrive",
    )
