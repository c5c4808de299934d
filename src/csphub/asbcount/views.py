"""The one ASB count: police, case-managed and combined ASB per district, with what the model
learnt. Figures for everyone who reads the dashboard and for case officers; the pairs to
review only for case officers, and only of cases they may see."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from csphub.accounts.http import AuthenticatedHttpRequest
from csphub.core.permissions import role_required
from csphub.core.roles import Role

from . import selectors

COUNT_ROLES = (
    Role.BOARD_MEMBER,
    Role.FORUM_MEMBER,
    Role.ANALYST,
    Role.PERFORMANCE_ANALYST,
    Role.CASE_OFFICER,
    Role.ADMINISTRATOR,
)


@role_required(*COUNT_ROLES)
def asb_count(request: AuthenticatedHttpRequest) -> HttpResponse:
    run = selectors.link_run_latest()
    context: dict = {"run": run}
    if run is not None:
        context["review"] = list(selectors.pairs_to_review(request.user, run))
        context["may_review"] = request.user.has_role(Role.CASE_OFFICER)
        context["weights"] = [{**p, "match_weight": p["match_weight"]} for p in run.parameters]
    if not selectors.police_incidents_held():
        context["side_by_side"], context["span"] = selectors.sources_side_by_side()
    return render(request, "asbcount/count.html", context)
