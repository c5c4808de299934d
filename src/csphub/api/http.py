"""Typing for API endpoints: ninja puts what the endpoint's authentication returned (ApiTokenAuth:
the token's user) on the request as `auth`. Annotate an authenticated endpoint's request with
`ApiRequest`."""

from django.http import HttpRequest

from csphub.accounts.models import User


class ApiRequest(HttpRequest):
    auth: User
