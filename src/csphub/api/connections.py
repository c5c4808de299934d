"""Connected intelligence over the API: a submission's links and an entity's mentions.

Analysts only; for every other token the records do not exist (404), as on the web."""

from __future__ import annotations

from datetime import datetime

from django.http import Http404
from ninja import Field, Router, Schema

from csphub.audit.services import audit_record
from csphub.entities import selectors as entity_selectors
from csphub.intelligence import selectors
from csphub.intelligence.references import is_reference

from .http import ApiRequest
from .schemas import ErrorOut

router = Router(tags=["connected intelligence"])

_ERRORS = {401: ErrorOut, 404: ErrorOut}


class ReasonOut(Schema):
    kind: str = Field(
        description=(
            "phone, email, handle, vehicle, address (a shared value); person (a matched person, "
            "value 'name here / name there'), then the person match's own reasons: same_name, "
            "nickname, similar_surname, same_date_of_birth, same_age_band ..."
        ),
        examples=["phone"],
    )
    value: str = Field(examples=["+447700900461"])


class ConnectionOut(Schema):
    reference: str = Field(examples=["CIP-2026-000123"], description="The other submission")
    score: float = Field(ge=0, le=1, description="How sure the link is, 0 to 1")
    status: str = Field(description="suggested, confirmed or rejected", examples=["suggested"])
    reasons: list[ReasonOut]
    created_at: datetime = Field(description="When the other submission was received")
    decided_by: str | None = Field(None, description="The analyst who confirmed or rejected it")
    decision_reason: str = ""


class MentionOut(Schema):
    reference: str
    field: str = Field(description="Where in the submission: a field, or information for its text")
    start: int | None = Field(None, description="Character span in that text, if from free text")
    end: int | None = None
    text: str = Field(description="The value as the partner wrote it")


class EntityOut(Schema):
    id: int
    kind: str = Field(
        examples=["phone"], description="person, phone, vehicle, email, handle, address or postcode"
    )
    label: str = Field(examples=["+447700900461"])
    details: dict[str, str]
    submission_count: int
    common: bool = Field(description="Seen in so many submissions that it no longer links them")
    mentions: list[MentionOut] = Field(description="The newest 200 mentions")


@router.get(
    "/submissions/{reference}/connections",
    response={200: list[ConnectionOut], **_ERRORS},
    summary="List the submissions linked to a submission, with scores and reasons (analysts)",
)
def get_connections(request: ApiRequest, reference: str):
    if not is_reference(reference):
        raise Http404
    submission = selectors.submission_for_analyst(user=request.auth, reference=reference)
    connections = entity_selectors.connections_for(user=request.auth, submission=submission)
    audit_record(
        actor=request.auth,
        action="viewed",
        obj=submission,
        summary="Viewed connections via API",
        request=request,
    )
    return [
        {
            "reference": c.other.reference,
            "score": c.link.score,
            "status": c.link.status,
            "reasons": [{"kind": r["kind"], "value": r["value"]} for r in c.reasons],
            "created_at": c.other.created_at,
            "decided_by": c.link.decided_by.username if c.link.decided_by else None,
            "decision_reason": c.link.decision_reason,
        }
        for c in connections
    ]


@router.get(
    "/entities/{entity_id}",
    response={200: EntityOut, **_ERRORS},
    summary="Read an entity and the submissions that mention it (analysts)",
)
def get_entity(request: ApiRequest, entity_id: int):
    entity = entity_selectors.entity_for_analyst(user=request.auth, entity_id=entity_id)
    mentions = entity_selectors.mentions_of(entity=entity)[:200]
    audit_record(
        actor=request.auth,
        action="viewed",
        obj=entity,
        summary="Viewed via API",
        request=request,
    )
    return {
        "id": entity.pk,
        "kind": entity.kind,
        "label": entity.label,
        "details": entity.details,
        "submission_count": entity.submission_count,
        "common": entity.common,
        "mentions": [
            {
                "reference": m.submission.reference,
                "field": m.field,
                "start": m.start,
                "end": m.end,
                "text": m.text,
            }
            for m in mentions
        ],
    }
