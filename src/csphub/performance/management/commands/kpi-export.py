"""`csphub kpi-export`: see kpi_export.py (Django finds commands by file name)."""

from .kpi_export import Command  # noqa: F401
