"""`csphub import-postcodes`: the hyphenated name of `import_postcodes` (same command)."""

from .import_postcodes import Command  # noqa: F401
