"""`csphub import-lsoa-lookup`: see import_lsoa_lookup.py (Django finds commands by file name)."""

from .import_lsoa_lookup import Command  # noqa: F401
