"""The search document of each submission: the text analysts search, kept beside the
submission with copies of the columns they filter and sort by (docs/adr/0007).

The full-text index is the database's own: on PostgreSQL the `vector` column (a tsvector kept
by a trigger from `document`, with a GIN index); on SQLite the FTS5 table `search_fts`, kept
by triggers from this table. Both are created by migration 0002; `vector` stays empty on
SQLite.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchDocument(models.Model):
    submission = models.OneToOneField(
        "intelligence.Submission",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="search_document",
    )
    document = models.TextField()
    vector = SearchVectorField(null=True, editable=False)
    # Copies of the submission's, so that filters and sorting need no join (signals.py keeps
    # status and district up to date).
    created_at = models.DateTimeField(db_index=True)
    district = models.ForeignKey(
        "geography.District",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(max_length=25)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        # The newest matches within a district or a status, found without sorting them all
        # (selectors.RANKED_AT_MOST).
        indexes = [
            models.Index(fields=["district", "-created_at"], name="search_district_newest"),
            models.Index(fields=["status", "-created_at"], name="search_status_newest"),
        ]

    def __str__(self) -> str:
        return f"Search document of submission {self.submission_id}"
