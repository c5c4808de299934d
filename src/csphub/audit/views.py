"""The audit trail, for administrators: read and export only. Nothing here changes an event."""

from __future__ import annotations

import csv
import json
from typing import Any

from django.core.paginator import Paginator
from django.db.models import Max
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from csphub.core.csv import csv_cell
from csphub.core.permissions import role_required
from csphub.core.roles import Role

from .forms import AuditFilterForm
from .models import AuditAction, AuditEvent
from .selectors import audit_events, record_type_label
from .services import audit_record

PER_PAGE = 50


def _show(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "(empty)"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, (list, tuple)):
        return ", ".join(_show(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def change_rows(changes: Any) -> list[tuple[str, str, str]]:
    """(field, before, after) for display. Changes are recorded as {field: [before, after]}."""
    if not isinstance(changes, dict):
        return [("", "", _show(changes))] if changes else []
    rows = []
    for field, value in changes.items():
        if isinstance(value, (list, tuple)) and len(value) == 2:
            before, after = value
        elif isinstance(value, dict) and {"before", "after"} <= set(value):
            before, after = value["before"], value["after"]
        else:
            before, after = None, value
        rows.append((str(field), _show(before), _show(after)))
    return rows


FOLD_SECONDS = 120


def fold_views(events: list) -> list:
    """Drop each "viewed" event that follows, within two minutes, the same person's change to
    the same record (every analyst action re-opens the page and records a view); the change is
    marked as viewed instead. Newest first in, newest first out."""
    kept = []
    for i, event in enumerate(events):
        if event.action == AuditAction.VIEWED:
            earlier = next(
                (
                    e
                    for e in events[i + 1 : i + 6]
                    if e.object_id == event.object_id and e.actor_username == event.actor_username
                ),
                None,
            )
            if (
                earlier is not None
                and earlier.action != AuditAction.VIEWED
                and (event.at - earlier.at).total_seconds() <= FOLD_SECONDS
            ):
                earlier.folded_view = True
                continue
        kept.append(event)
    return kept


def _filtered(request: HttpRequest) -> tuple[AuditFilterForm, Any]:
    form = AuditFilterForm(request.GET)
    if form.is_valid():
        return form, audit_events(**form.selector_kwargs())
    return form, AuditEvent.objects.none()


@role_required(Role.ADMINISTRATOR)
@require_GET
def audit_log(request: HttpRequest) -> HttpResponse:
    form, events = _filtered(request)
    # The actor and their organisation come in the same query. The foreign key has no database
    # constraint, so a removed user's events join to nothing and show no actor.
    events = events.select_related("actor__organisation")
    page = Paginator(events, PER_PAGE).get_page(request.GET.get("page"))
    labels = dict(AuditAction.choices)
    events_on_page = list(page.object_list)
    for event in events_on_page:
        event.change_rows = change_rows(event.changes)
        event.action_label = labels.get(event.action, event.action)
        event.record_label = record_type_label(event.object_type)
        person = event.actor
        event.actor_name = person.display_name if person and person.full_name else ""
        event.actor_organisation = (
            person.organisation.name if person and person.organisation else ""
        )
    shown = (
        events_on_page
        if form.is_valid() and form.cleaned_data.get("action")
        else fold_views(events_on_page)
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/log.html",
        {
            "form": form,
            "page": page,
            "events": shown,
            "page_range": page.paginator.get_elided_page_range(
                page.number, on_each_side=2, on_ends=1
            ),
            "ellipsis": page.paginator.ELLIPSIS,
            "filter_query": query.urlencode(),
            "filtered": any(v for k, v in request.GET.items() if k != "page"),
        },
    )


class _Echo:
    def write(self, value: str) -> str:
        return value


def _cell(value: Any) -> str:
    return str(csv_cell(value))


@role_required(Role.ADMINISTRATOR)
@require_GET
def audit_export(request: HttpRequest) -> HttpResponseBase:
    """The filtered events as CSV. The export is itself recorded on the trail."""
    form, events = _filtered(request)
    if not form.is_bound or not form.is_valid():
        return redirect(f"{reverse('audit:log')}?{request.GET.urlencode()}")
    # Export what existed when asked, not the record of this export or anything added meanwhile.
    last_id = AuditEvent.objects.aggregate(last=Max("id"))["last"] or 0
    events = events.filter(id__lte=last_id)
    count = events.count()
    audit_record(
        actor=request.user,
        action=AuditAction.EXPORTED,
        object_type="auditevent",
        object_id="",
        request=request,
        summary=f"Exported {count} audit event(s) as CSV ({form.description()})",
    )
    writer = csv.writer(_Echo())

    def rows():
        yield writer.writerow(
            [
                "at",
                "actor_username",
                "action",
                "object_type",
                "object_id",
                "summary",
                "changes",
                "ip_address",
            ]
        )
        for event in events.iterator(chunk_size=2000):
            yield writer.writerow(
                [
                    _cell(timezone.localtime(event.at).isoformat()),
                    _cell(event.actor_username),
                    _cell(event.action),
                    _cell(event.object_type),
                    _cell(event.object_id),
                    _cell(event.summary),
                    _cell(
                        json.dumps(event.changes, ensure_ascii=False, sort_keys=True)
                        if event.changes
                        else ""
                    ),
                    _cell(event.ip_address),
                ]
            )

    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="csphub-audit-{stamp}.csv"'
    response["Cache-Control"] = "no-store"
    return response
