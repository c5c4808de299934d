"""The case reference counter's statement (as intelligence's, ADR 0002)."""

from django.db import connection


def case_counter_next(year: int) -> int:
    """Increment `year`'s counter row (creating it at 1) and return its new value; the row stays
    locked to the end of the caller's transaction, so concurrent cases queue for numbers."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO cases_casereferencecounter (year, last_value) VALUES (%s, 1) "
            "ON CONFLICT (year) DO UPDATE "
            "SET last_value = cases_casereferencecounter.last_value + 1 RETURNING last_value",
            [year],
        )
        row = cursor.fetchone()
    assert row is not None
    return int(row[0])
