"""`csphub send-digest`: the hyphenated name of `send_digest` (same command)."""

from .send_digest import Command  # noqa: F401
