from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import devices_for_user, login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from csphub.audit.services import audit_record
from csphub.core.permissions import public, role_required, signed_in

from . import services
from .forms import InviteForm, SetPasswordForm, SignInForm, TokenForm
from .models import Invitation, Role


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        audit_record(actor=form.get_user(), action="signed_in", obj=form.get_user(), request=self.request,
                     summary="Signed in with password")
        return response


login = public(SignInView.as_view())


@public
def logout(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        from django.contrib.auth import logout as auth_logout

        auth_logout(request)
        messages.success(request, "You have signed out.")
    return redirect("accounts:login")


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return "/"
    return target


@signed_in
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Add an authenticator app: show its QR code, then confirm with a first code."""
    import segno

    user = request.user
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            audit_record(actor=user, action="updated", obj=user, request=request,
                         summary="Set up two-factor authentication")
            messages.success(request, "Two-factor authentication is set up.")
            return redirect(_safe_next(request))
        form.add_error("token", "The security code is wrong or has expired. Try the current code.")
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=4, title="QR code for your authenticator app")
    secret = device.bin_key.hex()
    import base64

    secret_b32 = base64.b32encode(device.bin_key).decode().rstrip("=")
    return render(request, "accounts/two_factor_setup.html",
                  {"form": form, "qr_svg": qr_svg, "secret": " ".join(secret_b32[i:i + 4] for i in range(0, len(secret_b32), 4)),
                   "hex_secret": secret})


@signed_in
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for device in devices_for_user(request.user, confirmed=True):
            if device.verify_token(form.cleaned_data["token"]):
                otp_login(request, device)
                return redirect(_safe_next(request))
        form.add_error("token", "The security code is wrong or has expired. Try the current code.")
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": _safe_next(request)})




@public
@sensitive_post_parameters("password1", "password2")
def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    invitation = Invitation.find_usable(token)
    if invitation is None:
        return render(request, "accounts/invitation_invalid.html", status=404)
    form = SetPasswordForm(request.POST or None, user=invitation.user)
    if request.method == "POST" and form.is_valid():
        user = services.invitation_accept(invitation=invitation, password=form.cleaned_data["password1"])
        auth_login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "Your password is set. Welcome to CSP Hub.")
        return redirect("core:home")
    return render(request, "accounts/accept_invitation.html", {"form": form, "invitee": invitation.user})


@role_required(Role.ADMINISTRATOR)
def invite(request: HttpRequest) -> HttpResponse:
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
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, f"Invitation sent to {user.email}.")
            return redirect("accounts:users")
    return render(request, "accounts/invite.html", {"form": form})


@role_required(Role.ADMINISTRATOR)
def users(request: HttpRequest) -> HttpResponse:
    from .models import User

    people = User.objects.select_related("organisation").prefetch_related("roles").order_by("organisation__name", "full_name")
    return render(request, "accounts/users.html", {"people": people})
