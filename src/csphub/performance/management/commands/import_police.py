"""`csphub import-police PATH...`: police recorded crime and ASB (data.police.uk layout)."""

from __future__ import annotations

from tqdm import tqdm

from csphub.performance.services import police_import

from ._base import ImportCommand


class Command(ImportCommand):
    help = (
        "Import police recorded crime and ASB in the data.police.uk street-level layout: a "
        "downloaded "
        "archive (zip with YYYY-MM/ folders), CSV or gzipped CSV files, or folders of them. Each "
        "month "
        "in the files replaces what was stored for that month; the import is all or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="+", help="Zip archives, CSV or CSV.gz files, or folders"
        )
        super().add_arguments(parser)

    def handle(self, *args, paths: list[str], no_compute: bool, **options):
        with tqdm(
            unit=" rows",
            unit_scale=True,
            desc="Reading",
            file=self.stderr._out,
            disable=options.get("verbosity", 1) == 0,
        ) as bar:

            def progress(name: str, rows: int) -> None:
                bar.set_postfix_str(name[-40:], refresh=False)
                bar.update(rows)

            self.run_import(
                lambda: police_import(paths=paths, progress=progress), compute=not no_compute
            )
