"""`csphub create-token`: the hyphenated name of `create_token` (same command)."""

from .create_token import Command  # noqa: F401
