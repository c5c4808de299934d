"""`{% similar_reports submission %}`: the "similar reports" panel on the triage page."""

from typing import Any

from django import template

from csphub.intelligence.models import Submission

from .. import selectors

register = template.Library()


@register.inclusion_tag("similar/_triage_similar.html", takes_context=True)
def similar_reports(context: template.Context, submission: Submission) -> dict[str, Any]:
    similar = selectors.similar_submissions(user=context["request"].user, submission=submission)
    return {"submission": submission, "similar": similar}
