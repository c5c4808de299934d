"""The search form: terms and filters. The checks are the selectors' (shared with the API)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from csphub.core.forms import DateInputField
from csphub.geography.models import District
from csphub.intelligence.models import Status, Theme

from .query import MAX_QUERY_LENGTH
from .selectors import SearchFilters, search_filters, search_terms_or_error

# The selectors' names for the fields, where the form's differ.
_FIELD_NAMES = {"to": "date_to", "from": "date_from"}


def _set_choices(form: forms.BaseForm, name: str, choices: list[tuple[str, str]]) -> None:
    field = form.fields[name]
    if not isinstance(field, forms.ChoiceField):
        raise TypeError(f"{name} is not a choice field")
    field.choices = choices


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search submissions",
        required=False,
        strip=False,
        help_text=(
            "Words, a phone number, a registration, a name or a postcode. Put a phrase in "
            'quotes ("blue car"), write or between alternatives, and -word to leave a word out.'
        ),
        widget=forms.TextInput(attrs={"type": "search", "maxlength": str(MAX_QUERY_LENGTH * 2)}),
    )
    theme = forms.ChoiceField(label="Theme", required=False)
    district = forms.ChoiceField(label="District", required=False)
    status = forms.ChoiceField(label="Status", required=False)
    date_from = DateInputField(
        label="Received from", required=False, label_for_errors="the from date"
    )
    date_to = DateInputField(label="Received to", required=False, label_for_errors="the to date")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_choices(
            self, "theme", [("", "Any theme")] + [(t.slug, t.name) for t in Theme.objects.all()]
        )
        _set_choices(
            self,
            "district",
            [("", "Any district")]
            + [(d.slug, d.name) for d in District.objects.order_by("-in_county", "name")],
        )
        _set_choices(self, "status", [("", "Any status")] + list(Status.choices))

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        try:
            data["terms"] = search_terms_or_error(data.get("q"))
        except ValidationError as error:
            self.add_error("q", error.message_dict["q"])
        try:
            data["filters"] = search_filters(
                theme=data.get("theme") or "",
                district=data.get("district") or "",
                status=data.get("status") or "",
                date_from=data.get("date_from"),
                date_to=data.get("date_to"),
            )
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                self.add_error(_FIELD_NAMES.get(name, name), messages)
        return data

    @property
    def filters(self) -> SearchFilters:
        return self.cleaned_data["filters"]
