"""What intelligence tells the apps above it, without importing them.

`submission_stored` is sent once a new submission has committed, whichever way it was written
(the one-statement insert sends no model signals, ADR 0005). Receivers get `submission_id` and
should only enqueue work for the worker: the submitter is waiting for the confirmation page.
Connect receivers in an `AppConfig.ready()`, never on import.
"""

from django.dispatch import Signal

submission_stored = Signal()
