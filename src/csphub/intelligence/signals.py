"""Signals intelligence sends to the apps above it.

`submission_created` is sent by `submission_create` for each new submission, whichever way it
was stored: the one-statement insert on PostgreSQL sends no `post_save` (ADR 0005), so apps
above must not listen for that. It is sent inside the caller's transaction, with
`submission` (numbered, with its themes in memory); a receiver whose work needs the row
committed (a background task) defers it with `transaction.on_commit`. A receiver connects in
its app's `AppConfig.ready()`; an error in one is not caught.
"""

from django.dispatch import Signal

submission_created = Signal()
