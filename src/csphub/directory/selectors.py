"""Reads for the signposting directory. Every signed-in user may see every shown service."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from csphub.intelligence.models import Theme

from .models import SupportService

SEARCHED_FIELDS = ("organisation", "name", "description", "notes")


def _listed(queryset: QuerySet[SupportService]) -> QuerySet[SupportService]:
    return queryset.order_by("organisation", "name", "pk").prefetch_related(
        Prefetch("themes", queryset=Theme.objects.order_by("order", "name")))


def services_search(*, q: str = "", theme_slug: str = "") -> QuerySet[SupportService]:
    """Shown services matching every word of `q` (in any searched field) and the theme.

    icontains works the same on SQLite and PostgreSQL for the English text we hold.
    """
    services = SupportService.objects.filter(active=True)
    for word in (q or "").split():
        match = Q()
        for field in SEARCHED_FIELDS:
            match |= Q(**{f"{field}__icontains": word})
        services = services.filter(match)
    if theme_slug:
        services = services.filter(pk__in=_with_themes([theme_slug]))
    return _listed(services)


def _with_themes(slugs: list[str]):
    return SupportService.themes.through.objects.filter(theme__slug__in=slugs).values(
        "supportservice_id")


def services_for_themes(themes: Iterable[Theme | str]) -> QuerySet[SupportService]:
    """Shown services with any of `themes` (Theme objects or slugs), each listed once."""
    slugs = [t.slug if isinstance(t, Theme) else str(t) for t in themes]
    return _listed(SupportService.objects.filter(active=True, pk__in=_with_themes(slugs)))


def services_all() -> QuerySet[SupportService]:
    """Every service, shown or not, for administrators."""
    return _listed(SupportService.objects.all())


def service_get(*, pk: int) -> SupportService:
    return get_object_or_404(SupportService, pk=pk)
