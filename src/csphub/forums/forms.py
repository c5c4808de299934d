"""Forms for preparing sanitised intelligence and for filtering the forums' list. Shape only:
the rules live in the services."""

from __future__ import annotations

from django import forms
from django.conf import settings

from csphub.core.forms import DateInputField
from csphub.intelligence.models import Theme

from . import proposals as p


class SanitiseForm(forms.Form):
    keep = forms.MultipleChoiceField(
        label="Redactions to apply",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Untick anything that should stay as written. The numbers match the highlighted text.",
    )
    also_text = forms.CharField(
        label="Also redact this exact text",
        required=False,
        max_length=200,
        help_text="Every place it appears in the information is added to the redactions.",
    )
    also_type = forms.ChoiceField(label="What kind of personal data is it?", required=False)
    postcode_sector = forms.BooleanField(
        label="Show postcodes as their sector instead of removing them",
        required=False,
        help_text="For example, LE11 3** instead of [POSTCODE]. The sector covers a few thousand homes.",
    )
    text = forms.CharField(
        label="Edit the wording if needed",
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        max_length=settings.CSPHUB_MAX_TEXT_LENGTH,
        help_text="This is exactly what forum members will read. Updating the preview replaces your edits.",
        error_messages={
            "max_length": f"The sanitised text must be {settings.CSPHUB_MAX_TEXT_LENGTH:,} "
            "characters or fewer"
        },
    )

    def __init__(self, *args, proposals: list[p.Proposal] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].choices = [
            (x.key, f"{n}. “{x.text}” – {x.type_name}, {x.source_label}")
            for n, x in enumerate(proposals, start=1)
        ]
        self.fields["also_type"].choices = p.type_choices()


class ForumFilterForm(forms.Form):
    district = forms.ChoiceField(label="District", required=False)
    theme = forms.ChoiceField(label="Theme", required=False)
    date_from = DateInputField(
        label="Received from",
        required=False,
        label_for_errors="the from date",
        help_text="For example, 1 4 2026",
    )
    date_to = DateInputField(label="Received to", required=False, label_for_errors="the to date")

    def __init__(self, *args, districts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].choices = [("", "All your districts")] + [
            (d.slug, d.name) for d in districts
        ]
        self.fields["theme"].choices = [("", "Any theme")] + [
            (t.slug, t.name) for t in Theme.objects.all()
        ]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The to date must be the same as or after the from date")
        return cleaned
