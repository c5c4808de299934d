from django import forms

from csphub.core.forms import DateInputField

from .models import AuditAction
from .selectors import audit_object_types, record_type_label


class AuditFilterForm(forms.Form):
    """Filters for the audit trail. Every field is optional; they arrive as GET parameters."""

    actor = forms.CharField(
        label="Username",
        required=False,
        max_length=150,
        help_text="Who did it, for example jsmith@leics.police.uk",
    )
    action = forms.ChoiceField(
        label="Action", required=False, choices=[("", "Any action"), *AuditAction.choices]
    )
    object_type = forms.ChoiceField(label="Type of record", required=False)
    object_id = forms.CharField(
        label="Record reference or ID",
        required=False,
        max_length=60,
        help_text="For example, CIP-2026-000123",
    )
    date_from = DateInputField(
        label="From",
        required=False,
        label_for_errors="the from date",
        help_text="For example, 27 3 2026",
    )
    date_to = DateInputField(
        label="To", required=False, label_for_errors="the to date", help_text="Includes this day"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        types = audit_object_types()
        asked = (self.data.get("object_type") or "").strip() if self.is_bound else ""
        if asked and asked not in types:
            # A link may ask for a type with no events yet: show none, not an error.
            types.append(asked)
        object_type = self.fields["object_type"]
        assert isinstance(object_type, forms.ChoiceField)
        object_type.choices = [
            ("", "Any type"),
            *((t, record_type_label(t)) for t in types if t),
        ]

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The to date must be the same as or after the from date")
        return cleaned

    def selector_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "actor_username": data.get("actor") or "",
            "action": data.get("action") or "",
            "object_type": data.get("object_type") or "",
            "object_id": data.get("object_id") or "",
            "date_from": data.get("date_from"),
            "date_to": data.get("date_to"),
        }

    def description(self) -> str:
        """The filters in words, for the record of an export."""
        parts = [f"{key}={value}" for key, value in self.selector_kwargs().items() if value]
        return ", ".join(parts) if parts else "no filters"
