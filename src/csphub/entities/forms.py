from django import forms

from .models import LinkStatus

REASON_MAX = 1000


class LinkDecisionForm(forms.Form):
    status = forms.ChoiceField(
        label="Are these reports about the same thing?",
        choices=[
            (LinkStatus.CONFIRMED, "Yes, they are connected"),
            (LinkStatus.REJECTED, "No, they are not connected"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the reports are connected"},
    )
    reason = forms.CharField(
        label="Why?",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=REASON_MAX,
        error_messages={
            "required": "Say why, for the record",
            "max_length": "The reason must be 1,000 characters or fewer",
        },
    )


class UndoForm(forms.Form):
    reason = forms.CharField(
        label="Why undo it?",
        required=False,
        max_length=REASON_MAX,
        error_messages={"max_length": "The reason must be 1,000 characters or fewer"},
    )


class CommonForm(forms.Form):
    common = forms.BooleanField(required=False)
    reason = forms.CharField(
        label="Why?",
        max_length=200,
        error_messages={
            "required": "Say why, for the record",
            "max_length": "The reason must be 200 characters or fewer",
        },
    )
