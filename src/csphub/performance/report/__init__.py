"""The quarterly "Safer Communities Performance" paper for the Strategy Board (DOCX and PDF).

`narrative`, `charts`, `document` and the two writers are plain Python; `data` reads the
computed KPIs through the performance selectors. The import of Django code is deferred so the
narrative can be used and tested without Django.
"""

from __future__ import annotations

import datetime as dt

FORMATS = ("docx", "pdf")


def build_board_report(*, period: dt.date, fmt: str) -> bytes:
    """The board paper for the 12 months to `period` as DOCX or PDF bytes.

    Raises ValueError for an unknown format or a period with no computed results.
    """
    from .build import build

    return build(period=period, fmt=fmt)


def report_filename(*, period: dt.date, fmt: str) -> str:
    return f"safer-communities-performance-{period:%Y-%m}.{fmt}"
