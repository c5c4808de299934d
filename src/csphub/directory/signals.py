"""Receivers that keep the signposting cache (`selectors.signposting_for`) fresh: any change to
a support service, a theme, or which themes and districts a service has, empties it.

Connected in `DirectoryConfig.ready()`, never on import.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save

from csphub.intelligence.models import Theme

from . import selectors
from .models import SupportService


def signposting_changed(**_kwargs: Any) -> None:
    selectors.signposting_forget()


def connect() -> None:
    for signal in (post_save, post_delete):
        signal.connect(
            signposting_changed, sender=SupportService, dispatch_uid=f"signposting-{signal}"
        )
        signal.connect(
            signposting_changed, sender=Theme, dispatch_uid=f"signposting-theme-{signal}"
        )
    m2m_changed.connect(
        signposting_changed, sender=SupportService.themes.through, dispatch_uid="signposting-m2m"
    )
    m2m_changed.connect(
        signposting_changed,
        sender=SupportService.districts.through,
        dispatch_uid="signposting-m2m-districts",
    )
