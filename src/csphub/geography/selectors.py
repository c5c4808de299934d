from __future__ import annotations

from functools import lru_cache

from django.db import connection
from django.db.models import QuerySet

from csphub.core.cache import ReferenceData
from csphub.core.sql import fetch_all, instance_from_row, select_columns

from .models import District, Postcode

_districts = ReferenceData(
    "districts", lambda: {d.code: d for d in District.objects.all()}, models=(District,)
)


def reference_data_connect() -> None:
    """Connect the per-process copy of the districts to the model signals that drop it."""
    _districts.connect_signals()


def postcode_lookup(postcode: str) -> Postcode | None:
    # Every submission with a postcode asks this: one primary-key read without the ORM's query
    # building (a third of a millisecond of CPU each time), prepared on PostgreSQL.
    rows = fetch_all(_postcode_sql(), [postcode])
    if not rows:
        return None
    return instance_from_row(Postcode, rows[0])


@lru_cache(maxsize=1)
def _postcode_sql() -> str:
    q = connection.ops.quote_name
    return (
        f"SELECT {select_columns(Postcode)} FROM {q(Postcode._meta.db_table)} "
        f"WHERE {q('postcode')} = %s"
    )


def postcode_problem(postcode: str, found: Postcode | None) -> str:
    """Why a well-formed postcode cannot place a report in the partnership, or "" if it can.

    Without an imported postcode table nothing can be checked, so nothing is refused. Asked
    only when the look-up did not give a partnership district, so a good postcode costs no
    extra query."""
    from django.conf import settings

    area = settings.CSPHUB_PARTNERSHIP_AREA
    instead = "or leave the postcode blank and describe the place instead"
    if found is not None:
        if district_for_code(found.district_code) is None:
            return f"{postcode} is outside {area}. This portal is for places in {area}: {instead}"
        return ""
    if not Postcode.objects.exists():
        return ""
    outward = postcode.split(" ")[0]
    if Postcode.objects.filter(postcode__startswith=f"{outward} ").exists():
        return f"We could not find {postcode}. Check the postcode, {instead}"
    return (
        f"{postcode} is not a postcode in {area}. Check it; if the place is elsewhere, report it "
        f"to the police for that area. Or leave the postcode blank and describe the place instead"
    )


def district_for_code(code: str) -> District | None:
    if not code:
        return None
    return _districts.get().get(code)


def district_list() -> QuerySet[District]:
    return District.objects.order_by("-in_county", "name")
