"""The case reference counter's statement (as intelligence's, ADR 0002)."""

from django.db import connection

from csphub.core.sql import counter_upsert

from .models import CaseReferenceCounter


def case_counter_next(year: int) -> int:
    """Increment `year`'s counter row (creating it at 1) and return its new value; the row stays
    locked to the end of the caller's transaction, so concurrent cases queue for numbers."""
    with connection.cursor() as cursor:
        cursor.execute(counter_upsert(CaseReferenceCounter), [year])
        row = cursor.fetchone()
    assert row is not None
    return int(row[0])
