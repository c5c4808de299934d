"""Forms for the submission journey and triage. They check shape only; the rules live in
intelligence.validation and the services, shared with the API."""

from __future__ import annotations

from django import forms
from django.conf import settings

from csphub.core.forms import DateInputField
from csphub.geography.models import District

from .models import (
    HandlingCode,
    HowKnown,
    IdentifierKind,
    IntelligenceAssessment,
    Outcome,
    PersonRole,
    SourceEvaluation,
    Status,
    Theme,
)

YES_NO = [("yes", "Yes"), ("no", "No")]


def _set_choices(form: forms.BaseForm, name: str, choices: list[tuple[str, str]]) -> None:
    """Give the form's choice field `name` its choices (known only when the form is made)."""
    field = form.fields[name]
    if not isinstance(field, forms.ChoiceField):
        raise TypeError(f"{name} is not a choice field")
    field.choices = choices


class ThemesForm(forms.Form):
    themes = forms.MultipleChoiceField(
        label="What is your information about?",
        help_text="Select all that apply.",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one theme"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _set_choices(self, "themes", [(t.slug, t.name) for t in Theme.objects.filter(active=True)])


class InformationForm(forms.Form):
    information = forms.CharField(
        label="What do you know?",
        help_text="Describe what you know in your own words: what is happening, who is involved, "
        "and why you are concerned. You can add people, vehicles and phone numbers on later pages.",
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=settings.CSPHUB_MAX_TEXT_LENGTH,
        error_messages={
            "required": "Enter what you know",
            "max_length": (
                f"What you know must be {settings.CSPHUB_MAX_TEXT_LENGTH:,} characters or fewer"
            ),
        },
    )


class WhereForm(forms.Form):
    postcode = forms.CharField(
        label="Postcode",
        required=False,
        max_length=10,
        help_text="For example, LE11 3AA. We use it to find the district and area.",
    )
    place_description = forms.CharField(
        label="Address or description of the place",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, '14 Station Road', 'the alleyway behind the Co-op', "
        "or 'Loughborough bus station'.",
    )
    district = forms.ChoiceField(
        label="District",
        required=False,
        help_text="Choose the district if you do not know the postcode.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _set_choices(
            self,
            "district",
            [("", "I don't know")]
            + [(d.code, d.name) for d in District.objects.order_by("-in_county", "name")],
        )

    def clean_postcode(self):
        from csphub.geography.postcodes import InvalidPostcode, normalise_postcode

        value = self.cleaned_data["postcode"].strip()
        if not value:
            return ""
        try:
            postcode = normalise_postcode(value)
        except InvalidPostcode as exc:
            raise forms.ValidationError(str(exc)) from None
        from csphub.geography.selectors import district_for_code, postcode_lookup, postcode_problem

        found = postcode_lookup(postcode)
        if found is None or district_for_code(found.district_code) is None:
            problem = postcode_problem(postcode, found)
            if problem:
                raise forms.ValidationError(problem)
        return postcode

    def clean(self):
        cleaned = super().clean() or self.cleaned_data
        if not self.errors and not any(
            cleaned.get(k) for k in ("postcode", "place_description", "district")
        ):
            self.add_error(
                "postcode",
                "Enter a postcode, an address or a description of the place, or choose a district",
            )
        return cleaned


class WhenForm(forms.Form):
    KNOWN = [
        ("date", "On a date"),
        ("period", "Over a period of time"),
        ("unknown", "I do not know"),
    ]
    when_known = forms.ChoiceField(
        label="When did it happen?",
        choices=KNOWN,
        widget=forms.RadioSelect,
        error_messages={"required": "Select when it happened"},
    )
    occurred_on = DateInputField(
        label="Date",
        required=False,
        label_for_errors="the date",
        help_text="For example, 27 3 2026",
    )
    occurred_from = DateInputField(
        label="From", required=False, label_for_errors="the start of the period"
    )
    occurred_to = DateInputField(
        label="To",
        required=False,
        label_for_errors="the end of the period",
        help_text="Leave blank if it is still happening",
    )
    when_description = forms.CharField(
        label="Anything else about when (optional)",
        required=False,
        max_length=500,
        help_text="For example, 'most Friday evenings after 9pm'",
    )

    def clean(self):
        cleaned = super().clean() or self.cleaned_data
        known = cleaned.get("when_known")
        if known == "date" and not cleaned.get("occurred_on") and "occurred_on" not in self.errors:
            self.add_error("occurred_on", "Enter the date")
        if (
            known == "period"
            and not cleaned.get("occurred_from")
            and "occurred_from" not in self.errors
        ):
            self.add_error("occurred_from", "Enter the start of the period")
        start, end = cleaned.get("occurred_from"), cleaned.get("occurred_to")
        if known == "period" and start and end and start > end:
            self.add_error("occurred_to", "The end of the period must be after its start")
        return cleaned


class PersonForm(forms.Form):
    name = forms.CharField(label="Name (if known)", required=False, max_length=200)
    role = forms.ChoiceField(
        label="How are they involved?",
        choices=PersonRole.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how the person is involved"},
    )
    age = forms.IntegerField(
        label="Age or approximate age (optional)",
        required=False,
        min_value=0,
        max_value=120,
        error_messages={
            "invalid": "Age must be a whole number",
            "min_value": "Age must be 0 or more",
            "max_value": "Age must be 120 or less",
        },
    )
    date_of_birth = DateInputField(
        label="Date of birth (optional)",
        required=False,
        label_for_errors="the date of birth",
        help_text="For example, 31 3 1990",
    )
    description = forms.CharField(
        label="Description",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Appearance, clothing, nicknames, where they are often seen",
    )

    def clean(self):
        cleaned = super().clean() or self.cleaned_data
        if not cleaned.get("name") and not cleaned.get("description") and "name" not in self.errors:
            self.add_error("name", "Enter the person's name or a description of them")
        return cleaned


class VehicleForm(forms.Form):
    registration = forms.CharField(
        label="Registration number (if known)", required=False, max_length=10
    )
    make = forms.CharField(
        label="Make", required=False, max_length=60, help_text="For example, Ford"
    )
    model = forms.CharField(
        label="Model", required=False, max_length=60, help_text="For example, Fiesta"
    )
    colour = forms.CharField(label="Colour", required=False, max_length=40)

    def clean_registration(self):
        from .validation import normalise_registration

        return normalise_registration(self.cleaned_data["registration"])

    def clean(self):
        cleaned = super().clean() or self.cleaned_data
        if not any(cleaned.get(k) for k in ("registration", "make", "model", "colour")):
            self.add_error("registration", "Enter the registration or describe the vehicle")
        return cleaned


class IdentifierForm(forms.Form):
    kind = forms.ChoiceField(
        label="What is it?",
        choices=IdentifierKind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select whether it is a phone number, email address or social media handle"
        },
    )
    value = forms.CharField(
        label="Phone number, email address or handle",
        max_length=200,
        error_messages={"required": "Enter the phone number, email address or handle"},
    )


class SourceForm(forms.Form):
    how_known = forms.ChoiceField(
        label="How do you know this?",
        choices=HowKnown.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how you know this"},
    )
    may_contact = forms.ChoiceField(
        label="Can an analyst contact you about this information?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if an analyst can contact you"},
    )
    source_disclosable = forms.ChoiceField(
        label="Can you or your organisation be named as the source?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        help_text="If you select no, the source is protected and will not be revealed outside the "
        "analyst team.",
        error_messages={"required": "Select yes if you can be named as the source"},
    )


# ---- Triage ------------------------------------------------------------------------------


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(label="Status", required=False)
    theme = forms.ChoiceField(label="Theme", required=False)
    district = forms.ChoiceField(label="District", required=False)
    urgent = forms.ChoiceField(
        label="Urgency",
        required=False,
        choices=[("", "Any"), ("yes", "Urgent only"), ("no", "Not urgent")],
    )
    assigned = forms.ChoiceField(
        label="Assigned",
        required=False,
        choices=[("", "Anyone"), ("me", "Assigned to me"), ("none", "Not assigned")],
    )
    overdue = forms.ChoiceField(
        label="Target", required=False, choices=[("", "Any"), ("yes", "Overdue only")]
    )
    date_from = DateInputField(
        label="Received from", required=False, label_for_errors="the from date"
    )
    date_to = DateInputField(label="Received to", required=False, label_for_errors="the to date")
    q = forms.CharField(label="Reference", required=False, max_length=20)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _set_choices(self, "status", [("", "Any status")] + list(Status.choices))
        _set_choices(
            self, "theme", [("", "Any theme")] + [(t.slug, t.name) for t in Theme.objects.all()]
        )
        _set_choices(
            self,
            "district",
            [("", "Any district")]
            + [(d.slug, d.name) for d in District.objects.order_by("-in_county", "name")],
        )


class DutyForm(forms.Form):
    on_duty = forms.TypedChoiceField(
        label="Urgent alerts",
        coerce=lambda v: v == "yes",
        choices=[("yes", "On duty: email me urgent reports"), ("no", "Off duty: do not email me")],
        widget=forms.RadioSelect,
    )


class DistrictForm(forms.Form):
    district = forms.ModelChoiceField(
        label="District",
        required=False,
        queryset=District.objects.order_by("-in_county", "name"),
        empty_label="Not known",
        help_text="Which district's partnership and forum this report belongs to",
    )


class AssignForm(forms.Form):
    analyst = forms.ChoiceField(label="Assign to", required=False)

    def __init__(self, *args, analysts=(), **kwargs):
        super().__init__(*args, **kwargs)
        _set_choices(
            self, "analyst", [("", "Nobody")] + [(str(a.pk), a.display_name) for a in analysts]
        )


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label="Move to",
        choices=[
            (Status.RECEIVED, Status.RECEIVED.label),
            (Status.UNDER_ASSESSMENT, Status.UNDER_ASSESSMENT.label),
            (Status.AWAITING_INFORMATION, Status.AWAITING_INFORMATION.label),
        ],
    )


class GradeForm(forms.Form):
    source_evaluation = forms.ChoiceField(
        label="Source evaluation",
        choices=SourceEvaluation.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the source evaluation (1, 2 or 3)"},
    )
    intelligence_assessment = forms.ChoiceField(
        label="Intelligence assessment",
        choices=IntelligenceAssessment.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the intelligence assessment (A to E)"},
    )
    handling_code = forms.ChoiceField(
        label="Handling code",
        choices=HandlingCode.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the handling code (P or C)"},
    )
    handling_conditions = forms.CharField(
        label="Handling conditions",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Required when the handling code is C: who it may be shared with and how",
    )


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(
        label="Outcome",
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the outcome"},
    )
    outcome_notes = forms.CharField(
        label="Notes on the outcome",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="If referred, name the agency",
    )


class MessageForm(forms.Form):
    body = forms.CharField(
        label="Message",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=settings.CSPHUB_MAX_TEXT_LENGTH,
        error_messages={"required": "Enter your message"},
    )


class NoteForm(forms.Form):
    body = forms.CharField(
        label="Note for analysts",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=settings.CSPHUB_MAX_TEXT_LENGTH,
        error_messages={"required": "Enter your note"},
    )


class ThemeForm(forms.ModelForm):
    class Meta:
        model = Theme
        fields = ["name", "description", "order", "active"]
        labels = {
            "name": "Name",
            "description": "Description (optional)",
            "order": "Position in lists",
            "active": "Offer this theme on the submission form",
        }
