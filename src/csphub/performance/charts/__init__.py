"""Charts: `svg` draws the dashboard's server-rendered SVG charts and LSOA map, `board` the
board paper's PNG charts (matplotlib, imported only by the report); `numbers` formats figures
for both the cards and the charts.
"""

from .numbers import format_change, format_count, format_number

__all__ = ["format_change", "format_count", "format_number"]
