"""Forms only collect input; the services validate it, so the rules live in one place."""

from __future__ import annotations

from django import forms

from csphub.geography.models import District
from csphub.intelligence.selectors import themes_active

from .services import MAX_IMPORT_BYTES


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search",
        required=False,
        max_length=200,
        help_text="For example, an organisation, a service or a kind of help",
    )
    theme = forms.ChoiceField(label="Theme", required=False)
    district = forms.ModelChoiceField(
        label="Where",
        required=False,
        queryset=District.objects.order_by("-in_county", "name"),
        to_field_name="slug",
        empty_label="Anywhere",
        help_text="Services working there come first",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        theme = self.fields["theme"]
        if isinstance(theme, forms.ChoiceField):
            theme.choices = [("", "All themes")] + [(t.slug, t.name) for t in themes_active()]
        self.fields["theme"].error_messages["invalid_choice"] = "Select a theme from the list"
        self.fields["district"].error_messages["invalid_choice"] = "Select a district from the list"


class ServiceForm(forms.Form):
    """Field names match support_service_create/support_service_update so their errors land on
    the fields."""

    organisation = forms.CharField(label="Organisation", required=False)
    name = forms.CharField(
        label="Name of the service",
        required=False,
        help_text="For example, Sexual and Domestic Violence Helpline",
    )
    description = forms.CharField(
        label="What the service does", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    themes = forms.ModelMultipleChoiceField(
        label="Themes",
        required=False,
        queryset=themes_active(),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        help_text="Staff see this service when they look for help on these themes",
    )
    districts = forms.ModelMultipleChoiceField(
        label="Where it works",
        required=False,
        queryset=District.objects.order_by("-in_county", "name"),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave all unticked for a service that covers the whole partnership area",
    )
    phone = forms.CharField(label="Telephone (optional)", required=False)
    email = forms.CharField(
        label="Email address (optional)",
        required=False,
        widget=forms.EmailInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
    )
    website = forms.CharField(
        label="Website (optional)",
        required=False,
        widget=forms.URLInput(attrs={"spellcheck": "false"}),
    )
    notes = forms.CharField(
        label="Notes for staff (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, what to put in the subject line of an email",
    )
    active = forms.BooleanField(
        label="Show this service in the directory", required=False, initial=True
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].error_messages["invalid_choice"] = "Select themes from the list"


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Upload an Open Referral UK JSON file",
        required=True,
        error_messages={"required": "Select a JSON file", "empty": "The selected file is empty"},
        help_text="A JSON list of services, up to 2MB. Services are matched by their id: "
        "new ids are added and existing ones updated.",
        widget=forms.FileInput(attrs={"accept": ".json,application/json"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError("The selected file must be smaller than 2MB")
        return upload
