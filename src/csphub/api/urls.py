"""URLs of API v1. Every view states who may use it (see csphub.core.permissions): the
OpenAPI document is public, each operation needs a bearer token (checked by ninja, see
auth.py), and any other path under /api/v1/ answers a JSON 404."""

from functools import wraps

from django.http import HttpRequest, JsonResponse
from django.urls import path, re_path, reverse

from csphub.core.permissions import ACCESS_ATTRIBUTE, public

from .v1 import api

app_name = "api"

# URL names of ninja's own views that need no token.
_PUBLIC_NAMES = {"openapi-json"}


@public
def index(request: HttpRequest) -> JsonResponse:
    return JsonResponse(
        {
            "name": api.title,
            "version": api.version,
            "openapi": request.build_absolute_uri(reverse("api:openapi-json")),
        }
    )


@public
def not_found(request: HttpRequest, rest: str = "") -> JsonResponse:
    return JsonResponse({"detail": "Not found."}, status=404)


def _json_method_not_allowed(view):
    """ninja answers a method a path does not take with a plain-text 405; say it in JSON."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and not response["Content-Type"].startswith(
            "application/json"
        ):
            allowed = response.get("Allow", "")
            replaced = JsonResponse(
                {"detail": f"Method not allowed here. Use {allowed}."}, status=405
            )
            replaced["Allow"] = allowed
            return replaced
        return response

    return wrapper


def _stated(patterns: list) -> list:
    # ninja's own root view answers an HTML 404; ours says what this is. It keeps the name
    # "api-root", by which ninja finds the prefix for the OpenAPI document.
    patterns = [p for p in patterns if p.name != "api-root"]
    patterns.append(path("", index, name="api-root"))
    for pattern in patterns:
        if hasattr(pattern.callback, ACCESS_ATTRIBUTE):
            continue
        if pattern.name in _PUBLIC_NAMES:
            setattr(pattern.callback, ACCESS_ATTRIBUTE, "public")
        else:  # an operation: ninja checks the bearer token (auth.py) before it runs
            pattern.callback = _json_method_not_allowed(pattern.callback)
            setattr(pattern.callback, ACCESS_ATTRIBUTE, "api_token")
    return patterns


urlpatterns = [
    *_stated(api.urls[0]),
    re_path(r"^(?P<rest>.+)$", not_found, name="not_found"),
]
