"""Pages: forum members read the sanitised intelligence for their districts. Analysts prepare
it on the sanitise page (`csphub.redaction`)."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from csphub.accounts.http import AuthenticatedHttpRequest
from csphub.audit.services import audit_record
from csphub.core.permissions import role_required
from csphub.core.roles import Role

from . import selectors
from .forms import ForumFilterForm

PAGE_SIZE = 20


@role_required(Role.FORUM_MEMBER)
def intelligence(request: AuthenticatedHttpRequest) -> HttpResponse:
    districts = list(selectors.forum_districts(user=request.user))
    form = ForumFilterForm(request.GET or None, districts=districts)
    filters: dict[str, Any] = {}
    if form.is_bound and form.is_valid():
        filters = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
    versions = selectors.forum_intelligence(user=request.user, **filters)
    page = Paginator(versions, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "forums/intelligence.html",
        {
            "form": form,
            "page": page,
            "items": [selectors.sanitised_item(v) for v in page.object_list],
            "districts": districts,
            "query": query.urlencode(),
            "filtered": bool(filters),
        },
    )


@role_required(Role.FORUM_MEMBER)
def intelligence_detail(request: AuthenticatedHttpRequest, reference: str) -> HttpResponse:
    version = selectors.sanitised_for_forum_member(user=request.user, reference=reference)
    audit_record(
        actor=request.user,
        action="viewed",
        object_type="sanitised_version",
        object_id=reference,
        summary=f"Forum member viewed sanitised version {version.version}",
        request=request,
    )
    return render(
        request, "forums/intelligence_detail.html", {"item": selectors.sanitised_item(version)}
    )
