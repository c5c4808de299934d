"""Form pieces shared across apps: the GOV.UK date input."""

from __future__ import annotations

from datetime import date

from django import forms


class DateInputWidget(forms.Widget):
    """Three boxes (day, month, year), as the GOV.UK date input pattern asks."""

    template_name = "govuk/date_input_widget.html"
    parts = ("day", "month", "year")

    def value_from_datadict(self, data, files, name):
        return {part: (data.get(f"{name}-{part}") or "").strip() for part in self.parts}

    def value_omitted_from_data(self, data, files, name):
        return not any(f"{name}-{part}" in data for part in self.parts)

    def format_value(self, value):
        if isinstance(value, date):
            return {"day": value.day, "month": value.month, "year": value.year}
        if isinstance(value, str) and value:
            try:
                parsed = date.fromisoformat(value)
                return {"day": parsed.day, "month": parsed.month, "year": parsed.year}
            except ValueError:
                return {}
        return value or {}


class DateInputField(forms.Field):
    widget = DateInputWidget

    def __init__(self, *, label_for_errors: str = "the date", future: bool = False, **kwargs):
        """`future` admits dates after today (when an order ends, say)."""
        self.label_for_errors = label_for_errors
        self.future = future
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, date):
            return value
        if not value or not any(value.values()):
            return None
        missing = [part for part in ("day", "month", "year") if not value.get(part)]
        name = self.label_for_errors
        if missing:
            raise forms.ValidationError(
                f"{name[0].upper()}{name[1:]} must include a {' and '.join(missing)}"
            )
        try:
            day, month, year = int(value["day"]), int(value["month"]), int(value["year"])
        except ValueError:
            raise forms.ValidationError(
                f"{name[0].upper()}{name[1:]} must be a real date"
            ) from None
        if year < 1000:
            raise forms.ValidationError("Year must include 4 numbers")
        try:
            return date(year, month, day)
        except ValueError:
            raise forms.ValidationError(
                f"{name[0].upper()}{name[1:]} must be a real date"
            ) from None

    def validate(self, value):
        if value is None and self.required:
            raise forms.ValidationError(f"Enter {self.label_for_errors}")
        if value is not None and not self.future and value > date.today():
            raise forms.ValidationError(
                f"{self.label_for_errors[0].upper()}{self.label_for_errors[1:]} "
                "must be today or in the past"
            )


def add_service_errors(form: forms.Form, exc: forms.ValidationError) -> None:
    """Show a service's ValidationError on the form: each message on its field, and any that
    belongs to no field (or a plain, field-less error) at the top of the form."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for field, errors in exc.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)
