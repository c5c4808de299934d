"""`csphub load-demo`: the hyphenated name of `load_demo` (same command)."""

from .load_demo import Command  # noqa: F401
