"""`csphub export-directory`: the hyphenated name of `export_directory` (same command)."""

from .export_directory import Command  # noqa: F401
