"""`csphub load-performance-data`: see load_performance_data.py (Django finds commands by file name)."""

from .load_performance_data import Command  # noqa: F401
