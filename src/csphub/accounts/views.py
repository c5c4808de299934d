import base64
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from csphub.accounts.http import AuthenticatedHttpRequest, otp_verified
from csphub.accounts.models import User
from csphub.audit.services import audit_record
from csphub.core.forms import add_service_errors
from csphub.core.permissions import public, role_required, signed_in
from csphub.core.roles import Role

from . import selectors, services
from .forms import (
    InviteForm,
    OrganisationForm,
    SetPasswordForm,
    SignInForm,
    TokenForm,
    UserRolesForm,
)

WRONG_CODE = (
    "The security code is wrong or has expired. Enter the code shown in your authenticator app now."
)


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        audit_record(
            actor=form.get_user(),
            action="signed_in",
            obj=form.get_user(),
            request=self.request,
            summary="Signed in with password",
        )
        return response


login = public(sensitive_post_parameters("password")(SignInView.as_view()))


@public
@require_http_methods(["GET", "POST"])
def logout(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        from django.contrib.auth import logout as auth_logout

        auth_logout(request)
        messages.success(request, "You have signed out.")
    return redirect("accounts:login")


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return "/"
    return target


def _url_with_next(name: str, request: HttpRequest) -> str:
    return f"{reverse(name)}?{urlencode({'next': _safe_next(request)})}"


@signed_in
def two_factor_setup(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Add an authenticator app: show its QR code, then confirm with a first code.

    Only for someone with no authenticator app yet. Someone who has one must prove it
    (verify) — otherwise knowing the password would be enough to add a second app.
    """
    import segno

    user = request.user
    if selectors.has_confirmed_device(user):
        if otp_verified(user):
            return redirect(_safe_next(request))
        return redirect(_url_with_next("accounts:two_factor_verify", request))
    device = services.totp_device_start(user=user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.totp_device_confirm(
            user=user, device=device, token=form.cleaned_data["token"], request=request
        ):
            messages.success(request, "Two-factor authentication is set up.")
            return redirect(_safe_next(request))
        form.add_error("token", WRONG_CODE)
    qr_svg = segno.make(device.config_url, error="m").svg_inline(
        scale=4, title="QR code for your authenticator app"
    )
    secret_b32 = base64.b32encode(device.bin_key).decode().rstrip("=")
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_svg": qr_svg,
            "secret": " ".join(secret_b32[i : i + 4] for i in range(0, len(secret_b32), 4)),
            "next": _safe_next(request),
        },
    )


@signed_in
def two_factor_verify(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not selectors.has_confirmed_device(request.user):
        return redirect(_url_with_next("accounts:two_factor_setup", request))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.totp_device_verify(
            user=request.user, token=form.cleaned_data["token"], request=request
        ):
            return redirect(_safe_next(request))
        form.add_error("token", WRONG_CODE)
    return render(
        request, "accounts/two_factor_verify.html", {"form": form, "next": _safe_next(request)}
    )


@public
@sensitive_post_parameters("password1", "password2")
def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    invitation = selectors.invitation_usable(token=token)
    if invitation is None:
        return render(request, "accounts/invitation_invalid.html", status=404)
    form = SetPasswordForm(request.POST or None, user=invitation.user)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept(
                invitation=invitation, password=form.cleaned_data["password1"]
            )
        except ValidationError:
            return render(request, "accounts/invitation_invalid.html", status=404)
        auth_login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "Your password is set. Welcome to CSP Hub.")
        return redirect("home")
    return render(
        request, "accounts/accept_invitation.html", {"form": form, "invitee": invitation.user}
    )


# ---------------------------------------------------------------------------------------------
# Users (administrators only)


@role_required(Role.ADMINISTRATOR)
def invite(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user, _link = services.invitation_create(
                invited_by=request.user,
                email=form.cleaned_data["email"],
                full_name=form.cleaned_data["full_name"],
                job_title=form.cleaned_data["job_title"],
                organisation=form.cleaned_data["organisation"],
                roles=form.cleaned_data["roles"],
                forum_districts=form.cleaned_data["forum_districts"],
                analyst_districts=form.cleaned_data["analyst_districts"],
                request=request,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Invitation sent to {user.email}.")
            return redirect("accounts:users")
    return render(request, "accounts/invite.html", {"form": form})


@role_required(Role.ADMINISTRATOR)
def users(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "accounts/users.html", {"people": selectors.users_for_administration()})


def _user_or_404(pk: int) -> User:
    return selectors.user_for_administration(pk=pk)


@role_required(Role.ADMINISTRATOR)
def user_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = _user_or_404(pk)
    return render(request, "accounts/user_detail.html", {"person": person})


@role_required(Role.ADMINISTRATOR)
def user_roles(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = _user_or_404(pk)
    initial = {
        "roles": [r.role for r in person.roles.all()],
        "forum_districts": [m.district for m in person.forum_memberships.all()],
        "analyst_districts": [c.district for c in person.analyst_coverage.all()],
    }
    form = UserRolesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.user_set_roles(
                user=person,
                roles=form.cleaned_data["roles"],
                forum_districts=form.cleaned_data["forum_districts"],
                analyst_districts=form.cleaned_data["analyst_districts"],
                actor=request.user,
                request=request,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Roles changed for {person.display_name}.")
            return redirect("accounts:user_detail", pk=person.pk)
    return render(request, "accounts/user_roles.html", {"person": person, "form": form})


def _confirm(
    request: AuthenticatedHttpRequest,
    *,
    person: User,
    action,
    heading: str,
    body: str,
    button: str,
    done: str,
    warning: bool = False,
) -> HttpResponse:
    """GET asks the administrator to confirm; POST does it and returns to the person's page."""
    error = ""
    if request.method == "POST":
        try:
            action()
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, done)
            return redirect("accounts:user_detail", pk=person.pk)
    return render(
        request,
        "accounts/confirm.html",
        {
            "heading": heading,
            "body": body,
            "button": button,
            "warning": warning,
            "error": error,
            "cancel_url": reverse("accounts:user_detail", args=[person.pk]),
        },
    )


@role_required(Role.ADMINISTRATOR)
@require_http_methods(["GET", "POST"])
def user_deactivate(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = _user_or_404(pk)
    if services.user_is_invited(person):
        return _confirm(
            request,
            person=person,
            action=lambda: services.user_set_active(
                actor=request.user, user=person, active=False, request=request
            ),
            heading=f"Cancel the invitation to {person.display_name}?",
            body="The link emailed to them will stop working. You can send a new invitation later.",
            button="Cancel invitation",
            done=f"The invitation to {person.email} is cancelled.",
            warning=True,
        )
    return _confirm(
        request,
        person=person,
        action=lambda: services.user_set_active(
            actor=request.user, user=person, active=False, request=request
        ),
        heading=f"Deactivate {person.display_name}'s account?",
        body="They will be signed out and will not be able to sign in. "
        "Their records and the audit trail are kept. You can reactivate the account later.",
        button="Deactivate account",
        done=f"{person.display_name}'s account is deactivated.",
        warning=True,
    )


@role_required(Role.ADMINISTRATOR)
@require_http_methods(["GET", "POST"])
def user_reactivate(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = _user_or_404(pk)
    return _confirm(
        request,
        person=person,
        action=lambda: services.user_set_active(
            actor=request.user, user=person, active=True, request=request
        ),
        heading=f"Reactivate {person.display_name}'s account?",
        body="They will be able to sign in again with their existing password and roles.",
        button="Reactivate account",
        done=f"{person.display_name}'s account is active again.",
    )


@role_required(Role.ADMINISTRATOR)
@require_http_methods(["GET", "POST"])
def user_resend_invitation(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = _user_or_404(pk)
    return _confirm(
        request,
        person=person,
        action=lambda: services.invitation_resend(actor=request.user, user=person, request=request),
        heading=f"Send {person.display_name} a new invitation?",
        body=f"A new link to set a password will be emailed to {person.email}. "
        "Any link sent before will stop working.",
        button="Send new invitation",
        done=f"A new invitation was sent to {person.email}.",
    )


@role_required(Role.ADMINISTRATOR)
@require_http_methods(["GET", "POST"])
def user_reset_two_factor(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = _user_or_404(pk)
    return _confirm(
        request,
        person=person,
        action=lambda: services.user_reset_two_factor(
            actor=request.user, user=person, request=request
        ),
        heading=f"Reset two-factor authentication for {person.display_name}?",
        body="Their authenticator app will stop working for CSP Hub. "
        "The next time they sign in they must set up an authenticator app again. "
        "Only do this once you are sure who is asking, "
        "for example after they have lost their phone.",
        button="Reset two-factor authentication",
        done=f"Two-factor authentication was reset for {person.display_name}.",
        warning=True,
    )


# ---------------------------------------------------------------------------------------------
# Organisations (administrators only)


@role_required(Role.ADMINISTRATOR)
def organisations(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(
        request,
        "accounts/organisations.html",
        {"organisations": selectors.organisations_for_administration()},
    )


@role_required(Role.ADMINISTRATOR)
def organisation_add(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_create(
                actor=request.user,
                name=form.cleaned_data["name"],
                type=form.cleaned_data["type"],
                request=request,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"{organisation.name} was added.")
            return redirect("accounts:organisations")
    return render(request, "accounts/organisation_form.html", {"form": form, "organisation": None})


@role_required(Role.ADMINISTRATOR)
def organisation_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    organisation = selectors.organisation_get(pk=pk)
    form = OrganisationForm(
        request.POST or None, initial={"name": organisation.name, "type": organisation.type}
    )
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_update(
                actor=request.user,
                organisation=organisation,
                name=form.cleaned_data["name"],
                type=form.cleaned_data["type"],
                request=request,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"{organisation.name} was saved.")
            return redirect("accounts:organisations")
    return render(
        request, "accounts/organisation_form.html", {"form": form, "organisation": organisation}
    )


def _organisation_set_active(
    request: AuthenticatedHttpRequest, pk: int, *, active: bool
) -> HttpResponse:
    organisation = selectors.organisation_for_administration(pk=pk)
    if request.method == "POST":
        services.organisation_update(
            actor=request.user, organisation=organisation, active=active, request=request
        )
        messages.success(
            request, f"{organisation.name} is {'active again' if active else 'deactivated'}."
        )
        return redirect("accounts:organisations")
    if active:
        heading = f"Reactivate {organisation.name}?"
        body = "Administrators will be able to invite people from this organisation again."
    else:
        heading = f"Deactivate {organisation.name}?"
        body = (
            "Nobody new can be invited from this organisation. "
            f"Its {organisation.active_users} active account(s) are not changed: "
            "deactivate them separately on the users page if they should no longer sign in."
        )
    return render(
        request,
        "accounts/confirm.html",
        {
            "heading": heading,
            "body": body,
            "warning": not active,
            "button": "Reactivate organisation" if active else "Deactivate organisation",
            "cancel_url": reverse("accounts:organisations"),
        },
    )


@role_required(Role.ADMINISTRATOR)
@require_http_methods(["GET", "POST"])
def organisation_deactivate(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _organisation_set_active(request, pk, active=False)


@role_required(Role.ADMINISTRATOR)
@require_http_methods(["GET", "POST"])
def organisation_reactivate(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _organisation_set_active(request, pk, active=True)
