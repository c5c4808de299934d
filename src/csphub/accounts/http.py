"""Typing for views behind a sign-in check (`core.permissions`): their request's user is a CSP
Hub user, never anonymous. Annotate such a view's request with `AuthenticatedHttpRequest`."""

from django.http import HttpRequest

from csphub.accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    user: User
