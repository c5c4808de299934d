"""`csphub import-directory`: the hyphenated name of `import_directory` (same command)."""

from .import_directory import Command  # noqa: F401
