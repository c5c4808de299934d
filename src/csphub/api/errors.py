"""One error shape for the whole API: {"detail": "...", "errors": {"field": ["message"]}}.

Field names are the request's, written the way the shared validation writes them:
"themes", "postcode", "people[0].role". Schema errors (wrong type, unknown field) and the
service's ValidationError come out the same; nothing a client sends should cause a 500.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

from django.core.exceptions import NON_FIELD_ERRORS, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as SchemaValidationError

logger = logging.getLogger(__name__)

INVALID_DETAIL = "The request is not valid. See errors for what to correct."


class Responder(Protocol):
    """An error response in the API's one shape."""

    def __call__(
        self,
        request: HttpRequest,
        status: int,
        detail: str,
        errors: dict[str, list[str]] | None = None,
    ) -> HttpResponse: ...


# The service names a few fields differently from the request that carried them.
_SERVICE_FIELD_NAMES = {"district": "district_code"}


def error_body(detail: str, errors: dict[str, list[str]] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"detail": detail}
    if errors is not None:
        body["errors"] = errors
    return body


def field_path(loc: tuple | list) -> str:
    """('people', 0, 'role') -> 'people[0].role'."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path


def schema_error_message(error: dict) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "This field is required"
    if kind == "extra_forbidden":
        return "This field is not recognised; remove it"
    if kind == "string_type":
        return "Must be text (a JSON string)"
    if kind in ("bool_type", "bool_parsing"):
        return "Must be true or false"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return "Must be a whole number"
    if kind == "list_type":
        return "Must be a list"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return "Must be a JSON object"
    if kind == "too_long":  # lists; text lengths are checked with a message of their own
        return f"Must have no more than {ctx.get('max_length', 0):,} items"
    if kind == "value_error" and ctx.get("error"):
        return str(ctx["error"])
    return str(error.get("msg", "Not valid"))


def _schema_errors(exc: SchemaValidationError) -> tuple[dict[str, list[str]], bool]:
    """Errors per field (one message each) and whether the body itself was missing."""
    errors: dict[str, list[str]] = {}
    body_missing = False
    for error in exc.errors:
        loc = list(error.get("loc") or [])
        source = loc.pop(0) if loc else ""
        if source == "body" and loc:
            loc.pop(0)  # the endpoint's parameter name, e.g. "payload"
            if not loc:
                body_missing = body_missing or error.get("type") == "missing"
                errors.setdefault("body", ["Send a JSON object in the request body"])
                continue
        name = field_path(loc) or source or NON_FIELD_ERRORS
        errors.setdefault(name, [schema_error_message(error)])
    return errors, body_missing


def service_errors(exc: DjangoValidationError) -> dict[str, list[str]]:
    if hasattr(exc, "error_dict"):
        return {_SERVICE_FIELD_NAMES.get(k, k): list(v) for k, v in exc.message_dict.items()}
    return {NON_FIELD_ERRORS: list(exc.messages)}


def _responder(api: NinjaAPI) -> Responder:
    def respond(
        request: HttpRequest,
        status: int,
        detail: str,
        errors: dict[str, list[str]] | None = None,
    ) -> HttpResponse:
        return api.create_response(request, error_body(detail, errors), status=status)

    return respond


def _install_validation_handlers(api: NinjaAPI, respond: Responder) -> None:
    """What the request's shape or the service refused: 400 or 422, with the fields."""

    @api.exception_handler(SchemaValidationError)
    def on_schema_error(request: HttpRequest, exc: SchemaValidationError) -> HttpResponse:
        errors, body_missing = _schema_errors(exc)
        if body_missing:
            return respond(request, 400, "The request body is missing. Send a JSON object.", errors)
        return respond(request, 422, INVALID_DETAIL, errors)

    @api.exception_handler(DjangoValidationError)
    def on_service_error(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        return respond(request, 422, INVALID_DETAIL, service_errors(exc))


def _install_http_handlers(api: NinjaAPI, respond: Responder) -> None:
    """Everything else: authentication, HTTP errors, not found, too big, and the unexpected."""

    @api.exception_handler(AuthenticationError)
    def on_unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        response = respond(
            request, 401, "Send a valid API token in the Authorization header: Bearer <token>."
        )
        response["WWW-Authenticate"] = 'Bearer realm="CSP Hub API"'
        return response

    @api.exception_handler(HttpError)
    def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        if exc.status_code == 400:  # ninja could not parse the body
            return respond(
                request,
                400,
                "The request body is not valid JSON.",
                {"body": ["Send a JSON object encoded as UTF-8"]},
            )
        return respond(request, exc.status_code, str(exc))

    @api.exception_handler(Http404)
    def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return respond(request, 404, "Not found.")

    @api.exception_handler(RequestDataTooBig)
    def on_too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
        return respond(request, 413, "The request body is too large.")

    @api.exception_handler(Exception)
    def on_unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.exception("Unexpected error in API request %s %s", request.method, request.path)
        return respond(request, 500, "Something went wrong on our side. Try again later.")


def install_error_handlers(api: NinjaAPI) -> None:
    """Answer every error `api` raises in the one error shape."""
    respond = _responder(api)
    _install_validation_handlers(api, respond)
    _install_http_handlers(api, respond)
