"""Writes for sanitised intelligence: approving a sanitised version. Keyword-only, atomic,
audited. The model, `SanitisedVersion`, lives in `csphub.forums`, which reads it."""

from __future__ import annotations

from typing import TypeGuard

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from csphub import sanitise
from csphub.accounts.models import User
from csphub.audit.services import audit_record, diff
from csphub.core.roles import Role
from csphub.forums.models import SanitisedVersion
from csphub.intelligence import validation as v
from csphub.intelligence.models import Submission

from . import proposals as p

MAX_SPANS = 2_000
MAX_LABEL_LENGTH = 60


def _snapshot(version: SanitisedVersion | None) -> dict:
    if version is None:
        return {}
    return {
        "version": version.version,
        "text": version.text,
        "redactions": len(version.spans),
        "postcode_sector": version.postcode_sector,
        "district": version.district.name if version.district is not None else None,
    }


def _whole_number(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _clean_span(number: int, span: object, information: str) -> dict | str:
    """One redaction as {start, end, type, label}, or the message saying why it is not valid."""
    if not isinstance(span, dict):
        return f"Redaction {number} is not valid"
    start, end, kind = span.get("start"), span.get("end"), span.get("type")
    known = sanitise.LABELS.get(kind) if isinstance(kind, str) else None
    label = span.get("label") or known or f"[{kind}]"
    if not (_whole_number(start) and _whole_number(end)):
        return f"Redaction {number} must have a whole-number start and end"
    if not 0 <= start < end <= len(information):
        return f"Redaction {number} is not within the information text"
    if kind not in sanitise.TYPES:
        return f"Redaction {number} has an unknown type: {kind}"
    if not isinstance(label, str) or len(label) > MAX_LABEL_LENGTH:
        return f"Redaction {number} has a label that is not valid"
    return {"start": start, "end": end, "type": kind, "label": label}


def _clean_spans(spans: object, information: str, errors: dict) -> list[dict]:
    """Check each redaction lies within the information text, has a known type and overlaps
    no other."""
    if not isinstance(spans, (list, tuple)):
        errors.setdefault("spans", []).append("Send the redactions as a list")
        return []
    if len(spans) > MAX_SPANS:
        errors.setdefault("spans", []).append(f"Apply no more than {MAX_SPANS:,} redactions")
        return []
    clean: list[dict] = []
    for number, span in enumerate(spans, start=1):
        checked = _clean_span(number, span, information)
        if isinstance(checked, str):
            errors.setdefault("spans", []).append(checked)
        else:
            clean.append(checked)
    clean.sort(key=lambda s: (s["start"], s["end"]))
    for a, b in zip(clean, clean[1:], strict=False):
        if b["start"] < a["end"]:
            errors.setdefault("spans", []).append(
                f"Redactions overlap at characters {b['start']} to {a['end']}; "
                "keep only one of them"
            )
            break
    return clean


def _check_nothing_left(
    submission: Submission, information: str, spans: list[dict], text: str, errors: dict
) -> None:
    """The approved text must not still say what was marked for redaction, nor any structured
    detail."""
    left = []
    for span in spans:
        marked = information[span["start"] : span["end"]]
        if p.occurrences(text, marked) and marked not in left:
            left.append(marked)
    for marked in left[:5]:
        errors.setdefault("text", []).append(
            f"The text still contains “{marked}”, which is marked for redaction. "
            "Update the preview or edit the text"
        )
    for kind, value in p.structured_leaks(submission, text)[:5]:
        if value in left:
            continue
        errors.setdefault("text", []).append(
            f"The text contains “{value}” ({p.type_name(kind).lower()}) from the submission's "
            "details, which is never shared with forums. Redact it"
        )


@transaction.atomic
def sanitised_version_approve(
    *, submission: Submission, actor: User, spans: list[dict], text: str, postcode_sector: bool
) -> SanitisedVersion:
    """Approve a sanitised version of the submission's information text for its district's forum.

    `spans` are the redactions applied ({start, end, type, label}, offsets into the information
    text); `text` is the sanitised text as the analyst finally edited it. The new version is
    numbered after the newest one, which stays as history.
    """
    if not actor.has_role(Role.ANALYST):
        raise ValidationError("Only intelligence analysts can approve a sanitised version.")
    locked = (
        Submission.objects.select_for_update().select_related("submitted_by").get(pk=submission.pk)
    )
    errors: dict[str, list[str]] = {}
    information = locked.information
    clean_spans = _clean_spans(spans, information, errors)
    text = v.clean_text(
        text if isinstance(text, str) else "",
        field="text",
        errors=errors,
        required=True,
        max_length=settings.CSPHUB_MAX_TEXT_LENGTH,
        label="the sanitised text",
    )
    if not isinstance(postcode_sector, bool):
        errors.setdefault("postcode_sector", []).append(
            "Select whether to show the postcode sector"
        )
    if not errors:
        _check_nothing_left(locked, information, clean_spans, text, errors)
    if errors:
        raise ValidationError(errors)

    previous = locked.sanitised_versions.select_related("district").order_by("-version").first()
    now = timezone.now()
    version = SanitisedVersion.objects.create(
        submission=locked,
        version=(previous.version + 1) if previous else 1,
        text=text,
        spans=clean_spans,
        postcode_sector=postcode_sector,
        district_id=locked.district_id,
        approved_by=actor,
        approved_at=now,
        created_at=now,
    )
    version = SanitisedVersion.objects.select_related("district").get(pk=version.pk)
    audit_record(
        actor=actor,
        action="created",
        obj=version,
        object_type="sanitised_version",
        object_id=locked.reference,
        summary=f"Sanitised version {version.version} approved for sharing with forums",
        changes=diff(_snapshot(previous), _snapshot(version)),
    )
    return version
