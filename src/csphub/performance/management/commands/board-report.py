"""`csphub board-report`: see board_report.py (Django finds commands by file name)."""

from .board_report import Command  # noqa: F401
