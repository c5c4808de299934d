"""Pages: analysts prepare sanitised versions; forum members read them."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from csphub.audit.services import audit_record
from csphub.core.forms import add_service_errors
from csphub.core.permissions import role_required
from csphub.core.roles import Role
from csphub.intelligence import selectors as intelligence_selectors
from csphub.intelligence.models import Submission

from . import proposals as p
from . import selectors, services
from .forms import ForumFilterForm, SanitiseForm

PAGE_SIZE = 20


# ---- Analysts: prepare a sanitised version -----------------------------------------------


def _render_sanitise(
    request: HttpRequest,
    submission: Submission,
    *,
    form: SanitiseForm,
    proposals: list[p.Proposal],
    kept: set[str],
    status: int = 200,
) -> HttpResponse:
    audit_record(
        actor=request.user,
        action="viewed",
        obj=submission,
        request=request,
        summary="Analyst viewed the full text to prepare a sanitised version",
    )
    versions = list(
        selectors.sanitised_versions_for_analyst(user=request.user, submission=submission)
    )
    return render(
        request,
        "forums/sanitise.html",
        {
            "submission": submission,
            "form": form,
            "segments": p.segments(submission.information, proposals, kept),
            "proposals": proposals,
            "kept_count": len(kept),
            "added": [x.key for x in proposals if x.source == p.SOURCE_ANALYST],
            "versions": versions,
            "latest": versions[0] if versions else None,
        },
        status=status,
    )


@role_required(Role.ANALYST)
def sanitise(request: HttpRequest, reference: str) -> HttpResponse:
    submission = intelligence_selectors.submission_for_analyst(
        user=request.user, reference=reference
    )
    information = submission.information
    if request.method != "POST":
        # A fresh proposal every time: "Start again" undoes everything the analyst changed.
        proposals = p.propose(submission)
        kept = {x.key for x in proposals}
        draft = p.preview(information, proposals, postcode_sector=False)
        form = SanitiseForm(
            initial={"keep": sorted(kept), "text": draft.text, "also_type": "PERSON"},
            proposals=proposals,
        )
        return _render_sanitise(request, submission, form=form, proposals=proposals, kept=kept)

    action = request.POST.get("action", "preview")
    added = [x for x in (p.parse_key(k, information) for k in request.POST.getlist("added")) if x]
    kept_keys = set(request.POST.getlist("keep"))
    also_text = request.POST.get("also_text", "").strip()
    also_type = request.POST.get("also_type", "")
    field_errors: dict[str, str] = {}
    added_phrase = False
    if also_text:
        new = p.phrase_proposals(information, also_text, also_type)
        if also_type not in dict(p.type_choices()):
            field_errors["also_type"] = "Select what kind of personal data it is"
        elif len(also_text) > 200:
            field_errors["also_text"] = "The text to redact must be 200 characters or fewer"
        elif not new:
            field_errors["also_text"] = f"“{also_text}” does not appear in the information text"
        elif action == "approve":
            field_errors["also_text"] = (
                "Add this text to the redactions, or clear it, before approving"
            )
        else:
            added += new
            kept_keys |= {x.key for x in new}
            added_phrase = True

    proposals = p.propose(submission, added=added)
    chosen = [x for x in proposals if x.key in kept_keys]
    kept = {x.key for x in chosen}
    postcode_sector = request.POST.get("postcode_sector") in ("on", "true", "1")
    draft = p.preview(information, chosen, postcode_sector=postcode_sector)

    data = request.POST.copy()
    data.setlist("keep", sorted(kept))
    if added_phrase:
        data["also_text"] = ""
    if action != "approve":
        data["text"] = draft.text
    form = SanitiseForm(data, proposals=proposals)
    form.is_valid()
    for name, message in field_errors.items():
        form.add_error(name, message)

    if action == "approve" and form.is_valid():
        try:
            version = services.sanitised_version_approve(
                submission=submission,
                actor=request.user,
                spans=draft.spans,
                text=form.cleaned_data["text"],
                postcode_sector=postcode_sector,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            where = version.district.name if version.district_id else None
            messages.success(
                request,
                f"Sanitised version {version.version} approved. "
                + (
                    f"Forum members for {where} can now read it."
                    if where
                    else "The submission has no district, so no forum can read it."
                ),
            )
            return redirect("intelligence:triage_detail", reference=submission.reference)
    status = 400 if form.errors else 200
    return _render_sanitise(
        request, submission, form=form, proposals=proposals, kept=kept, status=status
    )


# ---- Forum members: read sanitised intelligence -------------------------------------------


@role_required(Role.FORUM_MEMBER)
def intelligence(request: HttpRequest) -> HttpResponse:
    districts = list(selectors.forum_districts(user=request.user))
    form = ForumFilterForm(request.GET or None, districts=districts)
    filters: dict = {}
    if form.is_bound and form.is_valid():
        filters = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
    versions = selectors.forum_intelligence(user=request.user, **filters)
    page = Paginator(versions, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "forums/intelligence.html",
        {
            "form": form,
            "page": page,
            "items": [selectors.sanitised_item(v) for v in page.object_list],
            "districts": districts,
            "query": query.urlencode(),
            "filtered": bool(filters),
        },
    )


@role_required(Role.FORUM_MEMBER)
def intelligence_detail(request: HttpRequest, reference: str) -> HttpResponse:
    version = selectors.sanitised_for_forum_member(user=request.user, reference=reference)
    audit_record(
        actor=request.user,
        action="viewed",
        object_type="sanitised_version",
        object_id=reference,
        summary=f"Forum member viewed sanitised version {version.version}",
        request=request,
    )
    return render(
        request, "forums/intelligence_detail.html", {"item": selectors.sanitised_item(version)}
    )
