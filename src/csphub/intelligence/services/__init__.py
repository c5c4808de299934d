"""Writes for community intelligence. Views, forms, the API and commands all call these.

Every service is atomic: it either does all of its work or, on bad input, raises
ValidationError (a message per field) and leaves nothing behind.

- submissions: intake (checking what a submitter tells us, numbering and storing it)
- storage: the two ways a submission's rows are written (one statement on PostgreSQL, the ORM
  elsewhere; docs/adr/0005)
- emails: the acknowledgement and the note of a new message
- triage: the analysts' work on a submission, its thread and notes
- themes: the themes administrators manage
"""

from .submissions import (
    MAX_ITEMS,
    CleanSubmission,
    SubmissionInput,
    SubmissionResult,
    submission_create,
    submission_validate,
    urgent_reasons_text,
)
from .themes import theme_create, theme_update
from .triage import (
    message_send,
    note_add,
    submission_assign,
    submission_close,
    submission_grade,
    submission_set_district,
    submission_set_status,
)

__all__ = [
    "MAX_ITEMS",
    "CleanSubmission",
    "SubmissionInput",
    "SubmissionResult",
    "message_send",
    "note_add",
    "submission_assign",
    "submission_close",
    "submission_create",
    "submission_grade",
    "submission_set_district",
    "submission_set_status",
    "submission_validate",
    "theme_create",
    "theme_update",
    "urgent_reasons_text",
]
