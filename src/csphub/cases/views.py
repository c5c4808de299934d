"""The case officer's pages: the caseload and a case. Case officers only (404 for anyone
else), a case only to the organisations that lead it or share it; every view of a case is on
the audit trail."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from csphub.accounts.http import AuthenticatedHttpRequest
from csphub.audit.services import audit_record
from csphub.core.permissions import role_required
from csphub.core.roles import Role

from . import selectors
from .models import CaseStatus


@role_required(Role.CASE_OFFICER)
def caseload(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    cases = (
        selectors.cases_visible_to(request.user)
        .filter(status=CaseStatus.OPEN)
        .select_related("district", "officer", "lead_organisation")
        .order_by("next_review_due", "-opened_at")
    )
    return render(
        request,
        "cases/caseload.html",
        {
            "today": today,
            "mine": [c for c in cases if c.officer_id == request.user.pk],
            "others": [c for c in cases if c.officer_id != request.user.pk],
            "reviews_due": list(selectors.cases_due_for_review(request.user, today=today)),
            "ending": list(selectors.interventions_ending(request.user, today=today)),
        },
    )


@role_required(Role.CASE_OFFICER)
def case_detail(request: AuthenticatedHttpRequest, reference: str) -> HttpResponse:
    case = selectors.case_for(request.user, reference)
    audit_record(
        actor=request.user,
        action="case.viewed",
        obj=case,
        summary=f"Viewed {case.reference}",
        request=request,
    )
    return render(
        request,
        "cases/detail.html",
        {
            "case": case,
            "today": timezone.localdate(),
            "parties": case.parties.select_related("person"),
            "incidents": case.incidents.all(),
            "assessments": case.assessments.select_related("assessed_by"),
            "interventions": case.interventions.select_related(
                "type", "subject__person"
            ).prefetch_related("breaches"),
            "events": case.events.select_related("actor"),
            "shared_with": case.shared_with.all(),
        },
    )
