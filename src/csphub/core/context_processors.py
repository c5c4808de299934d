from django.http import HttpRequest
from django.urls import reverse

from csphub.core.roles import Role


def navigation(request: HttpRequest) -> dict:
    """The service navigation items this user's roles open up."""
    user = getattr(request, "user", None)
    items: list[tuple[str, str]] = []
    if user is not None and user.is_authenticated:
        items.append(("Home", reverse("home")))
        if user.has_role(Role.SUBMITTER):
            items.append(("Submit intelligence", reverse("intelligence:submit_start")))
            items.append(("My submissions", reverse("intelligence:my_submissions")))
        if user.has_role(Role.ANALYST):
            items.append(("Triage queue", reverse("intelligence:queue")))
            items.append(("Alerts", reverse("alerts:list")))
            items.append(("Search", reverse("search:search")))
        if user.has_role(Role.FORUM_MEMBER):
            items.append(("Forum intelligence", reverse("forums:intelligence")))
        if user.has_role(Role.CASE_OFFICER):
            items.append(("ASB cases", reverse("cases:caseload")))
        if user.has_role(
            Role.BOARD_MEMBER,
            Role.FORUM_MEMBER,
            Role.ANALYST,
            Role.PERFORMANCE_ANALYST,
            Role.ADMINISTRATOR,
        ):
            items.append(("Performance", reverse("performance:county")))
        items.append(("Support services", reverse("directory:search")))
        if user.has_role(Role.ADMINISTRATOR):
            items.append(("Administration", reverse("admin_home")))
    path = request.path if request else ""
    nav = [
        {
            "text": text,
            "href": href,
            "active": href != "/" and path.startswith(href) or path == href,
        }
        for text, href in items
    ]
    return {"service_navigation": nav, "Role": Role}
