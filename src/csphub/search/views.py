"""The analysts' search page."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from csphub.accounts.http import AuthenticatedHttpRequest
from csphub.core.permissions import role_required
from csphub.core.roles import Role

from .forms import SearchForm
from .selectors import submissions_search
from .services import search_audit_record

PAGE_SIZE = 20


@role_required(Role.ANALYST)
def search(request: AuthenticatedHttpRequest) -> HttpResponse:
    searched = "q" in request.GET
    form = SearchForm(request.GET if searched else None)
    context: dict = {"form": form, "searched": searched}
    if searched and form.is_valid():
        terms = form.cleaned_data["terms"]
        results = submissions_search(user=request.user, terms=terms, filters=form.filters)
        page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
        search_audit_record(
            actor=request.user,
            terms=terms,
            filters=form.filters,
            count=results.count(),
            request=request,
        )
        query = request.GET.copy()
        query.pop("page", None)
        context.update(
            {"page": page, "results": results, "terms": terms, "query": query.urlencode()}
        )
    return render(request, "search/search.html", context, status=200)
