"""Run the linkage over the police's and the case system's incidents, keep its pairs, and
write them out (`csphub asb-link [--export FILE]`). The engine is plain Python
(asbcount/engine.py); this reads the rows, stores what it found and counts by district."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from csphub.cases.models import Incident, PoliceAsbIncident
from csphub.core.csv import csv_cell
from csphub.geography.models import District

from . import engine
from .models import Link, LinkRun

EXPORT_COLUMNS = ("police_incident_number", "case_incident_id", "match_probability")
UNCERTAIN_KEPT = 500  # pairs kept for review: the closest calls first


def _naive_utc(values: list) -> pl.Series:
    return pl.Series(
        [v.astimezone(UTC).replace(tzinfo=None) if v else None for v in values],
        dtype=pl.Datetime("us"),
    )


def _frame(rows: list[tuple], columns: tuple[str, ...]) -> pl.DataFrame:
    data = {name: [row[i] for row in rows] for i, name in enumerate(columns)}
    frame = pl.DataFrame(
        {
            name: _naive_utc(values)
            if name == "reported_at"
            else pl.Series(values, dtype=pl.Float64)
            if name in ("latitude", "longitude")
            else pl.Series([v or None for v in values], dtype=pl.Utf8)
            for name, values in data.items()
        }
    )
    return frame


POLICE_READ = ("unique_id", "reported_at", "latitude", "longitude", "postcode", "category",
               "description")  # fmt: skip
CASE_READ = (*POLICE_READ, "police_incident_number")


def asb_link(*, threshold: float | None = None, now: datetime | None = None) -> LinkRun:
    """Link every police ASB incident held to every case incident, and keep the result as the
    newest run (the pairs of earlier runs are dropped; their figures stay)."""
    threshold = settings.CSPHUB_ASB_LINK_THRESHOLD if threshold is None else threshold
    started = now or timezone.now()
    police_rows = list(
        PoliceAsbIncident.objects.values_list(
            "incident_number", "reported_at", "latitude", "longitude", "postcode", "category",
            "description",
        ).iterator(chunk_size=20000)
    )  # fmt: skip
    case_rows = [
        (str(pk), *rest)
        for pk, *rest in Incident.objects.values_list(
            "pk", "reported_at", "latitude", "longitude", "postcode", "category",
            "description", "police_incident_number",
        ).iterator(chunk_size=20000)
    ]  # fmt: skip
    result = engine.link(
        _frame(police_rows, POLICE_READ), _frame(case_rows, CASE_READ), threshold=threshold
    )
    return _store(result, threshold=threshold, started=started)


@transaction.atomic
def _store(result: engine.Linkage, *, threshold: float, started: datetime) -> LinkRun:
    police_pk = dict(PoliceAsbIncident.objects.values_list("incident_number", "pk"))
    run = LinkRun.objects.create(
        started_at=started,
        police_count=result.police_count,
        case_count=result.case_count,
        exact_links=result.exact,
        model_links=result.linked - result.exact,
        threshold=threshold,
        prior=result.prior,
        parameters=result.parameters,
        timings={k: round(v, 2) for k, v in result.timings.items()},
    )
    uncertain = result.uncertain.head(UNCERTAIN_KEPT)
    doubtful = set(
        zip(uncertain["police_id"].to_list(), uncertain["case_id"].to_list(), strict=True)
    )
    rows = [
        Link(
            run=run,
            police_incident_id=police_pk[p],
            case_incident_id=int(c),
            match_probability=probability,
            match_weight=weight,
            exact=exact,
            linked=True,
            uncertain=(p, c) in doubtful,
        )
        for p, c, probability, weight, exact in result.pairs.iter_rows()
    ]
    rows += [
        Link(
            run=run,
            police_incident_id=police_pk[p],
            case_incident_id=int(c),
            match_probability=probability,
            match_weight=weight,
            linked=False,
            uncertain=True,
        )
        for p, c, probability, weight, _exact, linked in uncertain.iter_rows()
        if not linked
    ]
    Link.objects.filter(run__lt=run.pk).delete()
    Link.objects.bulk_create(rows, batch_size=5000)
    run.by_district = _by_district(run)
    run.finished_at = timezone.now()
    run.save(update_fields=["by_district", "finished_at"])
    return run


def _by_district(run: LinkRun) -> list[dict]:
    """Police, case-managed and combined counts per district. A linked pair counts where the
    case system placed it (an address), or where the police did when it did not."""
    police = Counter(PoliceAsbIncident.objects.values_list("district_id", flat=True))
    cases = Counter(Incident.objects.values_list("district_id", flat=True))
    links = Counter(
        case or police_district
        for case, police_district in Link.objects.filter(run=run, linked=True).values_list(
            "case_incident__district_id", "police_incident__district_id"
        )
    )
    names = dict(District.objects.values_list("pk", "name"))
    order = sorted(set(police) | set(cases), key=lambda pk: (pk is None, names.get(pk, "")))
    return [
        {
            "district": names.get(pk, "Not placed in a district"),
            "district_id": pk,
            "police": police[pk],
            "cases": cases[pk],
            "links": links[pk],
            "combined": police[pk] + cases[pk] - links[pk],
        }
        for pk in order
    ]


def asb_link_export(run: LinkRun, path: Path) -> int:
    """The linked pairs as CSV; the case incident is named by the case system's own id when it
    was imported, else by CSP Hub's (case reference and incident number)."""
    pairs = (
        Link.objects.filter(run=run, linked=True)
        .select_related("police_incident", "case_incident__case")
        .order_by("police_incident__incident_number")
    )
    count = 0
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(EXPORT_COLUMNS)
        for link in pairs.iterator(chunk_size=5000):
            incident = link.case_incident
            writer.writerow(
                [
                    csv_cell(link.police_incident.incident_number),
                    csv_cell(incident.source_id or f"{incident.case.reference}/{incident.pk}"),
                    f"{link.match_probability:.4f}",
                ]
            )
            count += 1
    return count
