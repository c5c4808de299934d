"""`GET /api/v1/submissions/{reference}/similar`: the submissions worded most like one.

Analysts only; for anyone else, and for a reference that does not exist, 404.
"""

from __future__ import annotations

from datetime import datetime

from django.http import Http404
from ninja import Field, Router, Schema

from csphub.audit.services import audit_record
from csphub.intelligence.references import is_reference
from csphub.intelligence.selectors import submission_for_analyst
from csphub.similar.selectors import similar_submissions

from .http import ApiRequest
from .schemas import DistrictOut, ErrorOut

router = Router(tags=["submissions"])


class SimilarOut(Schema):
    reference: str
    similarity: float = Field(
        ..., description="Cosine similarity of the two texts' embeddings, 0 to 1"
    )
    created_at: datetime
    district: DistrictOut | None


@router.get(
    "/submissions/{reference}/similar",
    response={200: list[SimilarOut], 401: ErrorOut, 404: ErrorOut},
    summary="Submissions worded like this one, most similar first (analysts only)",
)
def list_similar(request: ApiRequest, reference: str):
    if not is_reference(reference):
        raise Http404
    submission = submission_for_analyst(user=request.auth, reference=reference)
    similar = similar_submissions(user=request.auth, submission=submission)
    audit_record(
        actor=request.auth,
        action="viewed",
        obj=submission,
        summary=f"Listed {len(similar)} similar reports via API",
        request=request,
    )
    return [
        {
            "reference": item.reference,
            "similarity": round(item.similarity, 4),
            "created_at": item.created_at,
            "district": None
            if item.district is None
            else {"code": item.district.code, "name": item.district.name},
        }
        for item in similar
    ]
