"""`{% connected_intelligence submission %}`: the panel of linked reports on the triage page."""

from typing import Any

from django import template

from csphub.intelligence.models import Submission

from .. import selectors

register = template.Library()


@register.inclusion_tag("entities/_panel.html", takes_context=True)
def connected_intelligence(context: template.Context, submission: Submission) -> dict[str, Any]:
    user = context["request"].user
    return {
        "submission": submission,
        "connections": selectors.connections_for(user=user, submission=submission),
        "entities": selectors.entities_of(user=user, submission=submission),
        "linking_done": selectors.linking_done(submission=submission),
        "csrf_token": context.get("csrf_token"),
    }


@register.filter
def reason_text(reason: dict[str, str]) -> str:
    """'same phone +447700900461', 'similar name: Jon Smyth / Jonathan Smith'."""
    kind, value = reason.get("kind", ""), reason.get("value", "")
    words = {
        "phone": "same phone",
        "email": "same email",
        "handle": "same social media handle",
        "vehicle": "same vehicle",
        "address": "same address",
        "person": "matching person",
    }
    return f"{words.get(kind, kind.replace('_', ' '))} {value}".strip()
