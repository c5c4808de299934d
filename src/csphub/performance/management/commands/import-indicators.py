"""`csphub import-indicators`: see import_indicators.py (Django finds commands by file name)."""

from .import_indicators import Command  # noqa: F401
