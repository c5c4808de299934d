"""GET /api/v1/search: full-text search over submissions, for analysts only (anyone else gets
404, as if the endpoint were not there). The work is the search app's, as for the web page."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, Paginator
from django.http import Http404
from ninja import Query, Router, Schema

from csphub.core.roles import Role
from csphub.search.selectors import (
    RANKED_AT_MOST,
    search_filters,
    search_terms_or_error,
    submissions_search,
)
from csphub.search.services import search_audit_record

from .errors import INVALID_DETAIL, error_body
from .http import ApiRequest
from .schemas import ErrorOut

router = Router(tags=["search"])

PAGE_SIZE = 20
# `from` is a Python keyword: the parameter is named from_ and takes its name from the alias.
_FROM = Query(None, alias="from", description="received on or after (YYYY-MM-DD)")


class SearchHitOut(Schema):
    reference: str
    snippet: str
    district: str
    themes: list[str]
    status: str
    created_at: datetime


class SearchOut(Schema):
    count: int
    more: bool
    page: int
    pages: int
    results: list[SearchHitOut]


@router.get(
    "/search",
    response={200: SearchOut, 401: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Search submissions (analysts only)",
    description=(
        "Full-text search over every submission's text, place, postcode, people, vehicles "
        'and identifiers. `q` takes words (all must match, by their stem), "a phrase", '
        "`or` and `-word`; at most 500 characters. Filters: `theme` and `district` (slugs), "
        "`status`, `from` and `to` (dates the submission was received, inclusive). "
        "`snippet` is HTML: escaped text with the matches in `<mark>`. Best matches first, "
        f"{PAGE_SIZE} a page. At most the newest {RANKED_AT_MOST} matches are ranked and "
        "returned; `more` is true when more matched (narrow the search to reach older ones). "
        "Every search is recorded in the audit trail."
    ),
)
def search(
    request: ApiRequest,
    q: str = "",
    theme: str = "",
    district: str = "",
    status: str = "",
    from_: date | None = _FROM,
    to: date | None = None,
    page: int = 1,
):
    user = request.auth
    if not user.has_role(Role.ANALYST):
        raise Http404
    try:
        terms = search_terms_or_error(q)
        filters = search_filters(
            theme=theme, district=district, status=status, date_from=from_, date_to=to
        )
        results = submissions_search(user=user, terms=terms, filters=filters)
        paginator = Paginator(results, PAGE_SIZE)
        shown = paginator.page(page)
    except ValidationError as error:
        # Named as the query parameters are (the API's handler renames some for submissions).
        return 422, error_body(INVALID_DETAIL, error.message_dict)
    except EmptyPage:
        return 422, error_body(INVALID_DETAIL, {"page": ["There is no such page of results"]})
    search_audit_record(
        actor=user,
        terms=terms,
        filters=filters,
        count=paginator.count,
        request=request,
        via="via API",
    )
    return {
        "count": paginator.count,
        "more": results.more,
        "page": shown.number,
        "pages": paginator.num_pages,
        "results": [
            {
                "reference": hit.reference,
                "snippet": str(hit.snippet),
                "district": hit.district,
                "themes": hit.themes,
                "status": hit.status,
                "created_at": hit.created_at,
            }
            for hit in shown.object_list
        ],
    }
