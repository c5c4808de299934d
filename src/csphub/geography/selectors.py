from __future__ import annotations

from django.db.models import QuerySet

from .models import District, Postcode


def postcode_lookup(postcode: str) -> Postcode | None:
    return Postcode.objects.filter(postcode=postcode).first()


def district_for_code(code: str) -> District | None:
    if not code:
        return None
    return District.objects.filter(code=code).first()


def district_list() -> QuerySet[District]:
    return District.objects.order_by("-in_county", "name")
