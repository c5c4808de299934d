"""Sent once a submission's mentions and links are stored, so that apps above (alerts) can look
at them without entities importing them. Receivers get `outcome` (services.LinkOutcome)."""

from django.dispatch import Signal

links_ready = Signal()
