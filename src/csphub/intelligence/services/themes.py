"""Themes: reference data administrators manage (the submission form offers the active ones)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from csphub.accounts.models import User
from csphub.audit.services import audit_record, diff
from csphub.core.roles import Role

from ..models import Theme

# What an administrator edits, and what the audit trail compares before and after.
_EDITABLE = ("name", "description", "order", "active")


def _values(theme: Theme) -> dict[str, Any]:
    return {name: getattr(theme, name) for name in _EDITABLE}


def _require_administrator(user: User) -> None:
    if not user.has_role(Role.ADMINISTRATOR):
        raise ValidationError("Only administrators can manage themes.")


def _check_name(name: str, *, theme: Theme | None = None) -> None:
    others = Theme.objects.filter(name=name)
    if theme is not None:
        others = others.exclude(pk=theme.pk)
    if not name.strip():
        raise ValidationError({"name": "Enter a name"})
    if others.exists():
        raise ValidationError({"name": "A theme with this name already exists"})


def _unique_slug(name: str) -> str:
    """The name as a slug, with -2, -3 … if a theme already has it."""
    base = slugify(name)[:50] or "theme"
    slug, n = base, 2
    while Theme.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def theme_create(
    *, actor: User, name: str, description: str = "", order: int = 100, active: bool = True
) -> Theme:
    """A new theme, its slug made from its name (kept when it is renamed later)."""
    _require_administrator(actor)
    _check_name(name)
    theme = Theme(
        slug=_unique_slug(name), name=name, description=description, order=order, active=active
    )
    theme.save()
    audit_record(
        actor=actor,
        action="created",
        obj=theme,
        summary=f"Theme {theme.name}",
        changes=diff({}, _values(theme)),
    )
    return theme


@transaction.atomic
def theme_update(
    *, theme: Theme, actor: User, name: str, description: str, order: int, active: bool
) -> Theme:
    """Change a theme's name, description, position or whether the form offers it. Its slug
    (in links and the API) stays."""
    _require_administrator(actor)
    _check_name(name, theme=theme)
    theme = Theme.objects.select_for_update().get(pk=theme.pk)
    before = _values(theme)
    theme.name, theme.description, theme.order, theme.active = name, description, order, active
    if not theme.slug:
        theme.slug = _unique_slug(name)
    theme.save()
    audit_record(
        actor=actor,
        action="updated",
        obj=theme,
        summary=f"Theme {theme.name}",
        changes=diff(before, _values(theme)),
    )
    return theme
