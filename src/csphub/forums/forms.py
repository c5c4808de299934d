"""The filter form on the forums' intelligence list. Shape only."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms

from csphub.core.forms import DateInputField
from csphub.geography.models import District
from csphub.intelligence.models import Theme


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

    def __init__(self, *args: Any, districts: Iterable[District] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        district, theme = self.fields["district"], self.fields["theme"]
        if isinstance(district, forms.ChoiceField):
            district.choices = [("", "All your districts")] + [(d.slug, d.name) for d in districts]
        if isinstance(theme, forms.ChoiceField):
            theme.choices = [("", "Any theme")] + [(t.slug, t.name) for t in Theme.objects.all()]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The to date must be the same as or after the from date")
        return cleaned
