"""The analyst's sanitise form. Shape only: the rules live in the services."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.conf import settings

from . import proposals as p


class SanitiseForm(forms.Form):
    keep = forms.MultipleChoiceField(
        label="Redactions to apply",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Untick anything that should stay as written. "
        "The numbers match the highlighted text.",
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
        help_text="For example, LE11 3** instead of [POSTCODE]. "
        "The sector covers a few thousand homes.",
    )
    text = forms.CharField(
        label="Edit the wording if needed",
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        max_length=settings.CSPHUB_MAX_TEXT_LENGTH,
        help_text="This is exactly what forum members will read. "
        "Updating the preview replaces your edits.",
        error_messages={
            "max_length": f"The sanitised text must be {settings.CSPHUB_MAX_TEXT_LENGTH:,} "
            "characters or fewer"
        },
    )

    def __init__(self, *args: Any, proposals: Sequence[p.Proposal] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        keep, also_type = self.fields["keep"], self.fields["also_type"]
        if isinstance(keep, forms.ChoiceField):
            keep.choices = [
                (x.key, f"{n}. “{x.text}” – {x.type_name}, {x.source_label}")
                for n, x in enumerate(proposals, start=1)
            ]
        if isinstance(also_type, forms.ChoiceField):
            also_type.choices = p.type_choices()
