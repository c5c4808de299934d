"""`csphub kpi-compute`: see kpi_compute.py (Django finds commands by file name)."""

from .kpi_compute import Command  # noqa: F401
