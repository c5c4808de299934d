from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm

from csphub.accounts.models import Organisation, OrganisationType
from csphub.core.roles import Role
from csphub.geography.models import District


class SignInForm(AuthenticationForm):
    username = forms.CharField(
        label="Username or email address",
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "username", "spellcheck": "false"}),
    )
    password = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": "Enter a correct username and password. "
        "After 5 wrong attempts the account is locked for 30 minutes.",
        "inactive": "This account is not active. Contact your administrator.",
    }


class SetPasswordForm(forms.Form):
    password1 = forms.CharField(
        label="Create a password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Enter a password"},
        help_text="At least 12 characters, using at least three of: lower-case letters, "
        "capital letters, numbers and symbols. Avoid common passwords.",
    )
    password2 = forms.CharField(
        label="Confirm your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Enter your password again to confirm it"},
    )

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean() or {}
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", "The passwords do not match")
        if p1:
            try:
                password_validation.validate_password(p1, self.user)
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return cleaned


class TokenForm(forms.Form):
    token = forms.CharField(
        label="Security code",
        max_length=7,
        error_messages={"required": "Enter the security code"},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
        help_text="The 6-digit code shown in your authenticator app",
    )

    def clean_token(self):
        token = self.cleaned_data["token"].replace(" ", "")
        if not token.isdigit() or len(token) != 6:
            raise forms.ValidationError("The security code must be 6 numbers")
        return token


class RolesFields(forms.Form):
    """Roles and, for forum members, their districts."""

    roles = forms.MultipleChoiceField(
        label="Roles",
        choices=Role.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one role"},
    )
    forum_districts = forms.ModelMultipleChoiceField(
        label="Forum districts",
        queryset=District.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Only for forum members: the districts whose forums they sit on",
    )
    analyst_districts = forms.ModelMultipleChoiceField(
        label="Districts covered",
        queryset=District.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Only for intelligence analysts: urgent reports for these districts are "
        "emailed to them first. None: the whole partnership.",
    )

    def clean(self):
        cleaned = super().clean() or {}
        if Role.FORUM_MEMBER in (cleaned.get("roles") or []) and not cleaned.get("forum_districts"):
            self.add_error("forum_districts", "Select the districts for a forum member")
        return cleaned


class InviteForm(RolesFields):
    full_name = forms.CharField(label="Full name", max_length=200)
    email = forms.EmailField(
        label="Email address",
        error_messages={
            "required": "Enter an email address",
            "invalid": "Enter an email address in the correct format, like name@example.org",
        },
    )
    job_title = forms.CharField(label="Job title", max_length=200, required=False)
    organisation = forms.ModelChoiceField(
        label="Organisation",
        queryset=Organisation.objects.filter(active=True),
        empty_label="Choose an organisation",
        error_messages={"required": "Choose an organisation"},
    )

    field_order = [
        "full_name",
        "email",
        "job_title",
        "organisation",
        "roles",
        "forum_districts",
        "analyst_districts",
    ]


class UserRolesForm(RolesFields):
    pass


class OrganisationForm(forms.Form):
    name = forms.CharField(
        label="Name", max_length=200, error_messages={"required": "Enter the organisation's name"}
    )
    type = forms.ChoiceField(
        label="Type of organisation",
        choices=OrganisationType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the type of organisation"},
    )
