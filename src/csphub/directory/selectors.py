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


# ---- Signposting for each new submission --------------------------------------------------
# Every submission lists the services for its themes, so the answer is kept in memory for a
# short while instead of asking the database each time. Writes in this process clear it at
# once (signals below); other processes see a change within SIGNPOSTING_TTL seconds.

SIGNPOSTING_TTL = 60.0
_signposting_cache: dict[frozenset[str], tuple[float, list[dict]]] = {}


def signposting_for(themes: Iterable[Theme | str]) -> list[dict]:
    """Shown services for `themes` as plain dicts (organisation, name, phone, email, website)."""
    import time

    key = frozenset(t.slug if isinstance(t, Theme) else str(t) for t in themes)
    now = time.monotonic()
    hit = _signposting_cache.get(key)
    if hit is not None and now - hit[0] < SIGNPOSTING_TTL:
        return hit[1]
    rows = list(
        SupportService.objects.filter(active=True, pk__in=_with_themes(sorted(key)))
        .order_by("organisation", "name", "pk")
        .values("organisation", "name", "phone", "email", "website")
    )
    _signposting_cache[key] = (now, rows)
    return rows


def signposting_forget(**_kwargs) -> None:
    _signposting_cache.clear()


def _connect_signals() -> None:
    from django.db.models.signals import m2m_changed, post_delete, post_save

    for signal in (post_save, post_delete):
        signal.connect(signposting_forget, sender=SupportService, dispatch_uid=f"signposting-{signal}")
        signal.connect(signposting_forget, sender=Theme, dispatch_uid=f"signposting-theme-{signal}")
    m2m_changed.connect(signposting_forget, sender=SupportService.themes.through,
                        dispatch_uid="signposting-m2m")


_connect_signals()
