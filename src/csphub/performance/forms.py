"""Forms for the dashboard: choosing a period, and an analyst's data upload."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django import forms

# Police archives for a force are ~17 MB a year of months; leave room for several years.
MAX_UPLOAD_BYTES = 200 * 1024 * 1024
MAX_UPLOAD_LABEL = "200MB"


def period_label(period: dt.date) -> str:
    return f"12 months to {period:%B %Y}"


class PeriodForm(forms.Form):
    period = forms.ChoiceField(label="Period", choices=())

    def __init__(self, *args, periods: list[dt.date], **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["period"]
        if isinstance(field, forms.ChoiceField):
            field.choices = [(f"{p:%Y-%m}", period_label(p)) for p in periods]


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data] if data else single(None, initial)
        return [single(data, initial)]


class UploadForm(forms.Form):
    POLICE, LOOKUP, BOUNDARIES, POPULATION, INDICATORS = (
        "police",
        "lsoa-lookup",
        "boundaries",
        "population",
        "indicators",
    )
    KINDS = [
        (POLICE, "Police recorded crime and ASB (data.police.uk street-level files)"),
        (LOOKUP, "LSOA to district lookup (ONS)"),
        (BOUNDARIES, "LSOA boundaries for the map (GeoJSON)"),
        (POPULATION, "Population estimates by LSOA (ONS mid-year)"),
        (INDICATORS, "Indicator figures (surveys, MARAC, youth justice and other partner data)"),
    ]
    EXTENSIONS = {
        POLICE: (".zip", ".csv", ".csv.gz"),
        LOOKUP: (".csv", ".csv.gz"),
        BOUNDARIES: (".geojson", ".json", ".geojson.gz", ".json.gz"),
        POPULATION: (".csv", ".csv.gz"),
        INDICATORS: (".csv", ".csv.gz"),
    }

    kind = forms.ChoiceField(
        label="What are you uploading?",
        choices=KINDS,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what you are uploading"},
    )
    # The form's field named "files" (the page's input name) shadows BaseForm.files for mypy
    # only: the form metaclass moves declared fields off the class.
    files = MultipleFileField(  # type: ignore[assignment]
        label="Upload the file",
        help_text="Police data: one or more zip archives, CSV or CSV.gz files (each month in them "
        "replaces what was stored for that month). Other kinds: one CSV (or GeoJSON for "
        f"boundaries). Up to {MAX_UPLOAD_LABEL} per file.",
        error_messages={
            "required": "Select a file to upload",
            "empty": "The selected file is empty",
        },
        widget=MultipleFileInput(attrs={"accept": ".zip,.csv,.gz,.geojson,.json"}),
    )
    year = forms.IntegerField(
        label="Year of the mid-year estimate",
        required=False,
        min_value=1991,
        max_value=2100,
        help_text="Population estimates only, for example 2020",
        error_messages={
            "invalid": "Year must be a number, like 2020",
            "min_value": "Year must be 1991 or later",
            "max_value": "Year must be a real year",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind, files = data.get("kind"), data.get("files") or []
        if not kind or not files:
            return data
        if kind != self.POLICE and len(files) > 1:
            self.add_error(
                "files", "Select one file (only police data may be uploaded as several files)"
            )
        allowed = self.EXTENSIONS[kind]
        for upload in files:
            name = Path(upload.name).name.lower()
            if not name.endswith(allowed):
                self.add_error(
                    "files", f"{Path(upload.name).name} must be a {', '.join(allowed)} file"
                )
            elif upload.size > MAX_UPLOAD_BYTES:
                self.add_error(
                    "files", f"{Path(upload.name).name} must be smaller than {MAX_UPLOAD_LABEL}"
                )
        if kind == self.POPULATION and not data.get("year") and "year" not in self.errors:
            self.add_error("year", "Enter the year of the mid-year estimate")
        return data
