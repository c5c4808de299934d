"""Forms of the case pages. The services check the values (cases/services.py); the forms only
read them. The risk questions come from the active matrix, one yes-or-no field each."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any

from django import forms
from django.utils import timezone

from csphub.accounts.models import Organisation
from csphub.core.forms import DateInputField
from csphub.geography.models import District

from .models import (
    Case,
    CaseParty,
    Category,
    Intervention,
    InterventionType,
    PartyRole,
    RiskMatrix,
    SubjectType,
)

YES_NO = [("yes", "Yes"), ("no", "No")]


class _RiskQuestions(forms.Form):
    def __init__(self, *args: Any, matrix: RiskMatrix, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.matrix = matrix
        for question in matrix.questions.all():
            self.fields[f"q_{question.key}"] = forms.ChoiceField(
                label=question.text,
                choices=YES_NO,
                widget=forms.RadioSelect,
                error_messages={"required": f"Answer: {question.text}"},
            )

    def question_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name.startswith("q_")]

    def answers(self) -> dict[str, bool]:
        return {
            name.removeprefix("q_"): value == "yes"
            for name, value in self.cleaned_data.items()
            if name.startswith("q_")
        }


class CaseOpenForm(_RiskQuestions):
    title = forms.CharField(
        label="Short title",
        max_length=200,
        help_text="For example, Noise and threats at 12 Ash Close",
        error_messages={"required": "Enter a short title for the case"},
    )
    subject_type = forms.ChoiceField(
        label="What is the case about?",
        choices=SubjectType.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select whether the case is about a person, a household or a place"
        },
    )
    category = forms.ChoiceField(
        label="ASB category",
        choices=Category.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the ASB category: personal, environmental or nuisance"},
    )
    asb_type = forms.CharField(label="Type of ASB (optional)", required=False, max_length=100)
    district = forms.ModelChoiceField(
        label="District",
        queryset=District.objects.order_by("name"),
        empty_label="Select a district",
        error_messages={"required": "Select the district"},
    )
    location = forms.CharField(label="Where (optional)", required=False, max_length=300)
    postcode = forms.CharField(label="Postcode (optional)", required=False, max_length=8)

    field_order = [
        "title",
        "subject_type",
        "category",
        "asb_type",
        "district",
        "location",
        "postcode",
    ]


class RiskReviewForm(_RiskQuestions):
    pass


class _CaseForm(forms.Form):
    """A form about one case: its choices (perpetrators, interventions) come from the case."""

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.case = case


def _at(day: date, clock: str) -> datetime:
    hours, minutes = (int(part) for part in clock.split(":")) if clock else (0, 0)
    return timezone.make_aware(datetime.combine(day, time(hours, minutes)))


class _Clock(forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            required=False,
            max_length=5,
            help_text="24-hour clock, for example 21:30 (optional)",
            **kwargs,
        )

    def clean(self, value: Any) -> str:
        value = super().clean(value).strip()
        if value and not re.fullmatch(r"([01]?\d|2[0-3]):[0-5]\d", value):
            raise forms.ValidationError("Enter the time as hours and minutes, like 21:30")
        return value


class IncidentForm(_CaseForm):
    occurred_on = DateInputField(
        label="When did it happen?", label_for_errors="the day it happened"
    )
    occurred_time = _Clock(label="At what time?")
    reported_on = DateInputField(
        label="When was it reported?", label_for_errors="the day it was reported"
    )
    reported_time = _Clock(label="At what time was it reported?")
    description = forms.CharField(
        label="What happened",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Describe what happened"},
    )
    reported_by = forms.CharField(
        label="Who reported it (optional)", required=False, max_length=200
    )
    police_incident_number = forms.CharField(
        label="Police incident number (optional)", required=False, max_length=40
    )

    def times(self) -> tuple[datetime, datetime]:
        """With no time given, an incident happened at the start of its day, and was reported
        then or, on the same day, when it happened."""
        data = self.cleaned_data
        occurred = _at(data["occurred_on"], data["occurred_time"])
        if data["reported_time"]:
            return occurred, _at(data["reported_on"], data["reported_time"])
        return occurred, max(occurred, _at(data["reported_on"], ""))


class PersonForm(_CaseForm):
    name = forms.CharField(
        label="Name", max_length=200, error_messages={"required": "Enter the person's name"}
    )
    role = forms.ChoiceField(
        label="Their part in the case",
        choices=PartyRole.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select victim, perpetrator, witness or other"},
    )
    date_of_birth = DateInputField(
        label="Date of birth (optional)",
        required=False,
        label_for_errors="the date of birth",
        help_text="Needed for interventions with an age rule, such as a civil injunction",
    )


class CloseForm(_CaseForm):
    reason = forms.CharField(
        label="Why is the case closing?",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=300,
        error_messages={"required": "Give the reason the case is closed"},
    )
    victim_satisfaction = forms.TypedChoiceField(
        label="How satisfied is the victim? (optional)",
        choices=[
            ("5", "Very satisfied"),
            ("4", "Satisfied"),
            ("3", "Neither satisfied nor dissatisfied"),
            ("2", "Dissatisfied"),
            ("1", "Very dissatisfied"),
        ],
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
    )


class _PartyChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.person.name)


class _InterventionChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return intervention_label(obj)


class InterventionForm(_CaseForm):
    type = forms.ModelChoiceField(
        label="Intervention",
        queryset=InterventionType.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": "Select the intervention"},
    )
    subject = _PartyChoice(
        label="Issued to (optional)",
        queryset=CaseParty.objects.none(),
        required=False,
        empty_label="No one (an area or a premises)",
        help_text="Add the person to the case as a perpetrator first",
    )
    issued_on = DateInputField(label="Issued on", label_for_errors="the day it was issued")
    starts_on = DateInputField(
        label="Starts on (optional)",
        required=False,
        label_for_errors="the day it starts",
        future=True,
        help_text="Leave blank if it starts the day it is issued",
    )
    ends_on = DateInputField(
        label="Ends on (optional)", required=False, label_for_errors="the day it ends", future=True
    )
    hours = forms.IntegerField(
        label="Hours (closure notices only)",
        required=False,
        min_value=1,
        error_messages={"invalid": "Enter the hours as a whole number, like 24"},
    )
    extended = forms.BooleanField(
        label="Extended (a closure notice to 48 hours, a closure order to 6 months)",
        required=False,
    )
    terms = forms.CharField(
        label="Terms and conditions (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    conviction_recorded = forms.BooleanField(
        label="A conviction is recorded (needed for a Criminal Behaviour Order)", required=False
    )
    consultation_recorded = forms.BooleanField(
        label="The consultation is recorded (needed for a Public Spaces Protection Order)",
        required=False,
    )

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, case=case, **kwargs)
        type_field = self.fields["type"]
        subject_field = self.fields["subject"]
        assert isinstance(type_field, forms.ModelChoiceField)
        assert isinstance(subject_field, forms.ModelChoiceField)
        type_field.queryset = InterventionType.objects.filter(active=True)
        subject_field.queryset = case.parties.filter(role=PartyRole.PERPETRATOR).select_related(
            "person"
        )


class BreachForm(_CaseForm):
    intervention = _InterventionChoice(
        label="Which intervention was breached?",
        queryset=Intervention.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": "Select the intervention that was breached"},
    )
    occurred_on = DateInputField(
        label="When was it breached?", label_for_errors="the day of the breach"
    )
    evidence = forms.CharField(
        label="Evidence",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Describe the evidence of the breach"},
    )
    action_taken = forms.CharField(
        label="Action taken (optional)", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, case=case, **kwargs)
        field = self.fields["intervention"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = case.interventions.select_related("type", "subject__person")


def intervention_label(intervention: Intervention) -> str:
    whom = f" to {intervention.subject.person.name}" if intervention.subject else ""
    return f"{intervention.type.name[:1].upper()}{intervention.type.name[1:]}{whom}, issued " + (
        f"{intervention.issued_on:%-d %b %Y}"
    )


class ShareForm(_CaseForm):
    organisation = forms.ModelChoiceField(
        label="Share with",
        queryset=Organisation.objects.none(),
        empty_label="Select an organisation",
        help_text="Its case officers will see the case and work on it",
        error_messages={"required": "Select the organisation to share the case with"},
    )

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, case=case, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = (
            Organisation.objects.exclude(pk=case.lead_organisation_id)
            .exclude(pk__in=case.shared_with.values("pk"))
            .order_by("name")
        )
