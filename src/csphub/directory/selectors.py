"""Reads for the signposting directory. Every signed-in user may see every shown service."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from csphub.geography.models import District
from csphub.intelligence.models import Theme

from .models import SupportService

SEARCHED_FIELDS = ("organisation", "name", "description", "notes")


def _listed(
    queryset: QuerySet[SupportService], district: District | None = None
) -> QuerySet[SupportService]:
    """In name order, or with a district: the services working there first, then those that
    cover the whole partnership area."""
    order = ["organisation", "name", "pk"]
    if district is not None:
        local = SupportService.districts.through.objects.filter(
            supportservice_id=OuterRef("pk"), district_id=district.pk
        )
        queryset = queryset.annotate(local=Exists(local))
        order = ["-local", *order]
    return queryset.order_by(*order).prefetch_related(
        Prefetch("themes", queryset=Theme.objects.order_by("order", "name")),
        Prefetch("districts", queryset=District.objects.order_by("name")),
    )


def _covering(
    services: QuerySet[SupportService], district: District | None
) -> QuerySet[SupportService]:
    """Those that work in `district`: listed for it, or listed for no district (everywhere)."""
    if district is None:
        return services
    listed_here = SupportService.districts.through.objects.filter(district_id=district.pk).values(
        "supportservice_id"
    )
    anywhere = SupportService.districts.through.objects.values("supportservice_id")
    return services.filter(Q(pk__in=listed_here) | ~Q(pk__in=anywhere))


def _matching_word(word: str) -> Q:
    """A service matches a word in its own text or in the name and description of its themes,
    so "cuckooing" finds what helps with "County lines and cuckooing"."""
    match = Q()
    for field in SEARCHED_FIELDS:
        match |= Q(**{f"{field}__icontains": word})
    themes = Theme.objects.filter(Q(name__icontains=word) | Q(description__icontains=word))
    by_theme = SupportService.themes.through.objects.filter(theme__in=themes).values(
        "supportservice_id"
    )
    return match | Q(pk__in=by_theme)


def services_search(
    *, q: str = "", theme_slug: str = "", district: District | None = None
) -> QuerySet[SupportService]:
    """Shown services matching every word of `q` (in their text or their themes'), the theme
    and the district (local ones first).

    icontains works the same on SQLite and PostgreSQL for the English text we hold.
    """
    services = SupportService.objects.filter(active=True)
    for word in (q or "").split():
        services = services.filter(_matching_word(word))
    if theme_slug:
        services = services.filter(pk__in=_with_themes([theme_slug]))
    return _listed(_covering(services, district), district)


def _with_themes(slugs: list[str]):
    return SupportService.themes.through.objects.filter(theme__slug__in=slugs).values(
        "supportservice_id"
    )


def services_for_themes(
    themes: Iterable[Theme | str], district: District | None = None
) -> QuerySet[SupportService]:
    """Shown services with any of `themes` (Theme objects or slugs), each listed once; with a
    district, only those working there, local ones first."""
    slugs = [t.slug if isinstance(t, Theme) else str(t) for t in themes]
    services = SupportService.objects.filter(active=True, pk__in=_with_themes(slugs))
    return _listed(_covering(services, district), district)


def services_all() -> QuerySet[SupportService]:
    """Every service, shown or not, for administrators."""
    return _listed(SupportService.objects.all())


def support_service_get(*, pk: int) -> SupportService:
    return get_object_or_404(SupportService, pk=pk)


# ---- Signposting for each new submission --------------------------------------------------
# Every submission lists the services for its themes, so the answer is kept in memory for a
# short while instead of asking the database each time. Writes in this process clear it at
# once (`signals.py`); other processes see a change within SIGNPOSTING_TTL seconds.

SIGNPOSTING_TTL = 60.0
_signposting_cache: dict[tuple[frozenset[str], int | None], tuple[float, list[dict]]] = {}


def signposting_for(themes: Iterable[Theme | str], district: District | None = None) -> list[dict]:
    """Shown services for `themes` (working in `district`, local first) as plain dicts
    (organisation, name, phone, email, website)."""
    import time

    slugs = frozenset(t.slug if isinstance(t, Theme) else str(t) for t in themes)
    key = (slugs, district.pk if district is not None else None)
    now = time.monotonic()
    hit = _signposting_cache.get(key)
    if hit is not None and now - hit[0] < SIGNPOSTING_TTL:
        return hit[1]
    services = _covering(
        SupportService.objects.filter(active=True, pk__in=_with_themes(sorted(slugs))), district
    )
    order = ["organisation", "name", "pk"]
    if district is not None:
        services = services.annotate(
            local=Exists(
                SupportService.districts.through.objects.filter(
                    supportservice_id=OuterRef("pk"), district_id=district.pk
                )
            )
        )
        order = ["-local", *order]
    values = services.order_by(*order).values("organisation", "name", "phone", "email", "website")
    rows: list[dict] = [dict(row) for row in values]
    _signposting_cache[key] = (now, rows)
    return rows


def signposting_forget() -> None:
    """Empty the signposting cache (after any change to services, their themes or districts)."""
    _signposting_cache.clear()
