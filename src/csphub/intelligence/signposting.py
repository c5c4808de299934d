"""Support services to signpost a submitter to, on the confirmation page.

The services are the directory's, and the directory is a layer above intelligence: it may
import intelligence, never the other way round. So intelligence asks through this registry and
the directory registers its answer at start-up (DirectoryConfig.ready()). Without a provider
(the directory app not installed) nothing is signposted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from csphub.geography.models import District

from .models import Theme

# (themes, the report's district or None) -> the services to list, in order, each with the
# attributes the directory's services list shows (organisation, name, phone, email, website …).
SignpostingProvider = Callable[[Sequence[Theme], District | None], Iterable[Any]]

_providers: list[SignpostingProvider] = []


def register_signposting(provider: SignpostingProvider) -> None:
    """Answer signposting_for() with `provider` (registering the same one again changes
    nothing; a different one takes its place)."""
    _providers[:] = [provider]


def signposting_for(themes: Sequence[Theme], district: District | None) -> Iterable[Any]:
    """The services to signpost for `themes` in `district`, or none without a provider."""
    if not _providers:
        return []
    return _providers[0](themes, district)
