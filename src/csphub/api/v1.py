"""REST API v1 for partners' systems, mounted at /api/v1/.

Endpoints stay thin: shapes live in schemas.py, token checks in auth.py, error handling in
errors.py, and the work is done by the intelligence services and selectors, as for the web.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.http import Http404
from ninja import Header, NinjaAPI

from csphub.audit.services import audit_record
from csphub.core.roles import Role
from csphub.forums import selectors as forum_selectors
from csphub.intelligence import selectors
from csphub.intelligence.references import is_reference
from csphub.intelligence.services import submission_create

from . import alerts, connections, search, similar
from .auth import ApiTokenAuth
from .errors import install_error_handlers
from .http import ApiRequest
from .schemas import (
    ErrorOut,
    SanitisedOut,
    SubmissionCreatedOut,
    SubmissionIn,
    SubmissionOut,
    ThemeOut,
    submission_created_body,
)

api = NinjaAPI(
    title="CSP Hub API",
    version="1",
    description=(
        "Submit community intelligence to the Community Safety Partnership from partners' "
        "systems. Authenticate with `Authorization: Bearer <token>`; ask an administrator for "
        'a token. Errors look like `{"detail": "...", "errors": {"field": ["message"]}}`.'
    ),
    urls_namespace="api",
    auth=ApiTokenAuth(),
    # Swagger UI would be loaded from a CDN (ninja is not an installed app): no docs page.
    docs_url=None,
)
install_error_handlers(api)

_AUTH_ERRORS = {401: ErrorOut}
_IDEMPOTENCY_KEY = re.compile(r"[\x20-\x7e]*")


@api.get(
    "/themes",
    response={200: list[ThemeOut], **_AUTH_ERRORS},
    tags=["themes"],
    summary="List the active intelligence themes",
)
def list_themes(request: ApiRequest):
    return selectors.themes_active()


@api.post(
    "/submissions",
    auth=ApiTokenAuth(Role.SUBMITTER),
    response={
        201: SubmissionCreatedOut,
        400: ErrorOut,
        403: ErrorOut,
        422: ErrorOut,
        **_AUTH_ERRORS,
    },
    tags=["submissions"],
    summary="Submit intelligence (submitters only)",
)
def create_submission(
    request: ApiRequest,
    payload: SubmissionIn,
    idempotency_key: str = Header(
        "",
        alias="Idempotency-Key",
        description="Any unique string up to 200 characters (a UUID is ideal). A retry with "
        "the same key returns the first submission instead of creating another.",
    ),
):
    result = submission_create(
        submitted_by=request.auth,
        data=payload.to_input(),
        idempotency_key=_clean_idempotency_key(idempotency_key),
    )
    # Built directly rather than validated through SubmissionCreatedOut (see
    # submission_created_body); the schema still documents it.
    answer = api.create_response(request, submission_created_body(result.submission), status=201)
    if not result.created:
        answer["Idempotent-Replayed"] = "true"
    return answer


@api.get(
    "/submissions/{reference}",
    response={200: SubmissionOut, 404: ErrorOut, **_AUTH_ERRORS},
    tags=["submissions"],
    summary="Read a submission (its originator and analysts only)",
)
def get_submission(request: ApiRequest, reference: str):
    if not is_reference(reference):
        raise Http404
    submission = selectors.submission_visible_to(user=request.auth, reference=reference)
    audit_record(
        actor=request.auth,
        action="viewed",
        obj=submission,
        summary="Viewed via API",
        request=request,
    )
    return submission


@api.get(
    "/submissions/{reference}/sanitised",
    response={200: SanitisedOut, 404: ErrorOut, **_AUTH_ERRORS},
    tags=["submissions"],
    summary=(
        "Read the sanitised version of a submission (forum members of its district and analysts)"
    ),
)
def get_sanitised(request: ApiRequest, reference: str):
    if not is_reference(reference):
        raise Http404
    version = forum_selectors.sanitised_for_forum_member(user=request.auth, reference=reference)
    audit_record(
        actor=request.auth,
        action="viewed",
        object_type="sanitised_version",
        object_id=reference,
        summary=f"Viewed sanitised version {version.version} via API",
        request=request,
    )
    item = forum_selectors.sanitised_item(version)
    return {
        "reference": item.reference,
        "version": item.version,
        "text": item.text,
        "themes": item.themes,
        "district": item.district,
        "approved_at": item.approved_at,
    }


def _clean_idempotency_key(value: str) -> str:
    value = (value or "").strip()
    if not _IDEMPOTENCY_KEY.fullmatch(value):
        raise ValidationError(
            {
                "idempotency_key": (
                    "Idempotency-Key must use printable ASCII characters only, like a UUID"
                )
            }
        )
    return value


# Feature routers, each in its own module.
api.add_router("", connections.router)
api.add_router("", alerts.router)
api.add_router("", search.router)
api.add_router("", similar.router)
