"""`{% sanitised_status submission %}`: the "share with forums" panel on the triage page."""

from django import template

from csphub.core.roles import Role

from ..models import SanitisedVersion

register = template.Library()


@register.inclusion_tag("forums/_triage_share.html", takes_context=True)
def sanitised_status(context, submission):
    user = context["request"].user
    latest = None
    if user.has_role(Role.ANALYST):
        latest = (
            SanitisedVersion.objects.filter(submission=submission)
            .select_related("approved_by", "district")
            .order_by("-version")
            .first()
        )
    return {"submission": submission, "latest": latest}
