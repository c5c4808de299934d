"""Per-process copies of small reference tables that every submission reads (themes, districts).

Each submission would otherwise ask the database for the same few rows. A copy is kept for at
most `ttl` seconds; saving or deleting a row of the table in this process (model signals) drops
it at once, and other processes see the change within `ttl` seconds, as for the signposting
cache in csphub.directory. Bulk updates send no signals: call `forget()` after them. The owning
app connects the signals in its `AppConfig.ready()` (`connect_signals()`), never on import.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from django.db.models import Model

T = TypeVar("T")

REFERENCE_DATA_TTL = 60.0


class ReferenceData(Generic[T]):
    def __init__(
        self,
        name: str,
        load: Callable[[], T],
        *,
        models: tuple[type[Model], ...],
        ttl: float = REFERENCE_DATA_TTL,
    ) -> None:
        self.name = name
        self.ttl = ttl
        self._load = load
        self._held: tuple[float, T] | None = None
        self._models = models
        _ALL.append(self)

    def connect_signals(self) -> None:
        """Drop the copy whenever a row of one of its models is saved or deleted here."""
        from django.db.models.signals import post_delete, post_save

        for model in self._models:
            for signal in (post_save, post_delete):
                signal.connect(
                    self.forget,
                    sender=model,
                    weak=False,
                    dispatch_uid=f"reference-data-{self.name}-{model.__name__}-{id(signal)}",
                )

    def get(self) -> T:
        held, now = self._held, time.monotonic()
        if held is not None and now - held[0] < self.ttl:
            return held[1]
        value = self._load()
        self._held = (now, value)
        return value

    def forget(self, **_kwargs: Any) -> None:
        self._held = None


_ALL: list[ReferenceData[Any]] = []


def forget_all_reference_data() -> None:
    """Drop every copy (tests call this between tests: a rollback sends no signals)."""
    for cache in _ALL:
        cache.forget()
