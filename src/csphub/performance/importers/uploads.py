"""Uploaded files as paths for the importers, in a temporary folder gone afterwards."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.core.files.uploadedfile import UploadedFile
from django.utils.text import get_valid_filename


@contextmanager
def saved_uploads(uploads: Iterable[UploadedFile]) -> Iterator[list[Path]]:
    """Each upload under its own name: the readers go by its extension and the summary
    quotes it."""
    with tempfile.TemporaryDirectory(prefix="csphub-upload-") as folder:
        paths = []
        for number, upload in enumerate(uploads):
            name = get_valid_filename(Path(upload.name or "").name) or f"upload-{number}"
            path = Path(folder) / f"{number}" / name
            path.parent.mkdir()
            with path.open("wb") as out:
                for chunk in upload.chunks():
                    out.write(chunk)
            paths.append(path)
        yield paths
