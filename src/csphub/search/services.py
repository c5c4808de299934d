"""Writing search documents (docs/adr/0007). The database's triggers keep its full-text index
(PostgreSQL tsvector, SQLite FTS5) in step with the documents written here."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import QuerySet

from csphub.audit.services import audit_record
from csphub.intelligence.models import Submission

from . import sql
from .documents import document_text
from .models import SearchDocument

if TYPE_CHECKING:
    from django.http import HttpRequest

    from csphub.accounts.models import User

    from .query import SearchTerms
    from .selectors import SearchFilters

_CHILDREN = ("people", "vehicles", "identifiers")
_COPIED = ("document", "created_at", "district", "status", "updated_at")


def _document_for(submission: Submission) -> SearchDocument:
    return SearchDocument(
        submission=submission,
        document=document_text(submission),
        created_at=submission.created_at,
        district_id=submission.district_id,
        status=submission.status,
    )


@transaction.atomic
def search_document_update(*, submission: Submission) -> SearchDocument:
    """Write the search document of `submission` as it is now in the database (its people,
    vehicles and identifiers included). The submission row is locked meanwhile, so a triage
    change committed at the same moment cannot be overwritten by an older copy."""
    fresh = (
        Submission.objects.select_for_update(of=("self",))
        .prefetch_related(*_CHILDREN)
        .get(pk=submission.pk)
    )
    document = _document_for(fresh)
    SearchDocument.objects.bulk_create(
        [document],
        update_conflicts=True,
        unique_fields=["submission"],
        update_fields=list(_COPIED),
    )
    return document


def search_documents_rebuild(
    *,
    batch_size: int = 1000,
    only_missing: bool = False,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the search documents of every submission (or only of those without one), in
    batches of `batch_size`, each in its own transaction. Returns how many were written."""
    submissions: QuerySet[Submission] = Submission.objects.order_by("pk")
    if only_missing:
        submissions = submissions.filter(search_document__isnull=True)
    written, last_pk = 0, 0
    while True:
        batch = list(submissions.filter(pk__gt=last_pk).prefetch_related(*_CHILDREN)[:batch_size])
        if not batch:
            break
        with transaction.atomic():
            SearchDocument.objects.bulk_create(
                [_document_for(s) for s in batch],
                update_conflicts=True,
                unique_fields=["submission"],
                update_fields=list(_COPIED),
            )
        written += len(batch)
        last_pk = batch[-1].pk
        if progress is not None:
            progress(written)
    return written


def search_document_copy_state(*, submission: Submission) -> None:
    """Bring the copied status and district of `submission`'s document up to date."""
    SearchDocument.objects.filter(pk=submission.pk).update(
        status=submission.status, district_id=submission.district_id
    )


def search_index_rebuild() -> None:
    """Rebuild the database's full-text index from the documents (SQLite FTS5; on PostgreSQL
    the tsvector column is kept row by row and needs no rebuild)."""
    from django.db import connection

    if connection.vendor == "sqlite":
        sql.fts5_rebuild()


def search_audit_record(
    *,
    actor: User,
    terms: SearchTerms,
    filters: SearchFilters,
    count: int,
    request: HttpRequest | None = None,
    via: str = "",
) -> None:
    """Record in the audit trail who searched for what, with which filters, finding how many."""
    described = filters.described()
    summary = f"Searched submissions for “{terms.text}”"
    if described:
        summary += " (" + ", ".join(f"{k} {v}" for k, v in described.items()) + ")"
    audit_record(
        actor=actor,
        action="viewed",
        object_type="search",
        object_id="submissions",
        summary=summary + (f" {via}" if via else ""),
        changes={"query": terms.text, "filters": described, "results": count},
        request=request,
    )
