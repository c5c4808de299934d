"""`csphub import-police`: see import_police.py (Django finds commands by file name)."""

from .import_police import Command  # noqa: F401
