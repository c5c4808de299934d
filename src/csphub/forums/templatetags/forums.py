"""`{% sanitised_status submission %}`: the "share with forums" panel on the triage page."""

from typing import Any

from django import template

from csphub.intelligence.models import Submission

from .. import selectors

register = template.Library()


@register.inclusion_tag("forums/_triage_share.html", takes_context=True)
def sanitised_status(context: template.Context, submission: Submission) -> dict[str, Any]:
    latest = selectors.latest_sanitised_version_for_analyst(
        user=context["request"].user, submission=submission
    )
    return {"submission": submission, "latest": latest}
