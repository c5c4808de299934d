"""Where the shared data folder is: the real LLR files that the loader, the demo, the
benchmarks and the real-data tests read, kept outside the checkout."""

from __future__ import annotations

import os
from pathlib import Path


def shared_data_dir() -> Path:
    """`CSPHUB_SHARED_DATA`, else `../shared/data` beside the checkout."""
    base = os.environ.get("CSPHUB_SHARED_DATA")
    return Path(base) if base else Path(__file__).resolve().parents[4].parent / "shared" / "data"
