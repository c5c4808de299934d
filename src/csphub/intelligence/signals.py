"""Signals intelligence sends for the apps above it, which connect to them in their
AppConfig.ready() (a lower app never imports a higher one)."""

from django.dispatch import Signal

# Sent by the worker, in the submission's follow-up task (intelligence/follow_up.py), once a new
# submission and all its rows (themes, people, vehicles, identifiers) are committed, whichever
# way they were written: the one-statement insert on PostgreSQL sends no post_save
# (docs/adr/0005). Arguments: `submission`, the saved instance, and `submission_id`. Receivers
# do their work there; each runs even if another fails.
submission_stored = Signal()

# Sent when triage has saved a change to a submission, inside the service's transaction (so a
# receiver's writes commit or roll back with it). Arguments: `submission`, and `fields`, the
# names of the fields saved. Model signals are not used: Submission must keep no save signal
# receivers (tests/intelligence/test_fast_path_models.py).
submission_changed = Signal()
