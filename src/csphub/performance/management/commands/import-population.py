"""`csphub import-population`: see import_population.py (Django finds commands by file name)."""

from .import_population import Command  # noqa: F401
