"""Read the figures, compose the paper, write it as DOCX or PDF."""

from __future__ import annotations

import datetime as dt

from csphub.performance import selectors

from . import FORMATS
from .data import report_data
from .document import compose


def build(*, period: dt.date, fmt: str, today: dt.date | None = None) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"Unknown report format {fmt!r}: use {' or '.join(FORMATS)}.")
    available = selectors.available_periods()
    if period not in available:
        raise ValueError(unknown_period_message(period, available))
    from django.conf import settings

    document = compose(
        report_data(period=period),
        today=today or dt.date.today(),
        officer=settings.CSPHUB_REPORT_OFFICER,
    )
    if fmt == "docx":
        from .docx_writer import write_docx

        return write_docx(document)
    from .pdf_writer import write_pdf

    return write_pdf(document)


def unknown_period_message(period: dt.date, available: list[dt.date]) -> str:
    if not available:
        return (
            f"No KPIs have been computed for {period:%Y-%m}: no periods are available yet "
            "(import data and run `csphub kpi-compute` first)."
        )
    return (
        f"No KPIs have been computed for {period:%Y-%m}. Periods available: "
        f"{available[-1]:%Y-%m} to {available[0]:%Y-%m}."
    )
