"""The roles a CSP Hub user may hold: the vocabulary of the deny-by-default permission checks
(`core.permissions`), so it lives below every domain app. Accounts store them (accounts.models)."""

from django.db import models


class Role(models.TextChoices):
    SUBMITTER = "submitter", "Submitter"
    ANALYST = "analyst", "Intelligence analyst"
    FORUM_MEMBER = "forum_member", "Forum member"
    CASE_OFFICER = "case_officer", "ASB case officer"
    PERFORMANCE_ANALYST = "performance_analyst", "Performance analyst"
    BOARD_MEMBER = "board_member", "Board member"
    ADMINISTRATOR = "administrator", "Administrator"
