"""The one place that touches Django's private model and queryset attributes.

The submission path writes rows without the ORM (csphub.core.sql) and reads the token's user
from a hand-written query; these helpers then leave instances as the ORM itself would have left
them, so the rest of the code treats them as ordinary. Django does not document these
attributes: if an upgrade changes them, this module is what to change (tests/core/test_orm.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from django.db import models

M = TypeVar("M", bound=models.Model)


def instance_mark_saved(instance: models.Model, *, using: str) -> None:
    """After a row was inserted by hand: the instance is saved, in database `using`, as
    Model.save() would have marked it (so a later save() updates rather than inserts)."""
    instance._state.adding = False
    instance._state.db = using


def instance_set_prefetched(
    instance: models.Model, relation: str, queryset: models.QuerySet[M], objects: Iterable[M]
) -> None:
    """Make `instance.<relation>.all()` answer `objects` from memory, as prefetch_related()
    would have: `queryset` is the (unevaluated) query the relation stands for; it is filled
    with `objects` and never run."""
    vars(queryset).update(_result_cache=list(objects), _prefetch_done=True)
    vars(instance).setdefault("_prefetched_objects_cache", {})[relation] = queryset


def instance_set_cached(instance: Any, name: str, value: Any) -> None:
    """Give a `cached_property` its value without computing it (the value is what it would
    have returned)."""
    vars(instance)[name] = value
