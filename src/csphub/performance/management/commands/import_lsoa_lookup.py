"""`csphub import-lsoa-lookup FILE [--boundaries GEOJSON]`: LSOA -> district lookup."""

from __future__ import annotations

from csphub.performance.services import boundaries_import, lsoa_lookup_import

from ._base import ImportCommand


class Command(ImportCommand):
    help = (
        "Import the LSOA to district lookup (ONS layout: lsoa_code/LSOA11CD, lsoa_name/LSOA11NM, "
        "district_code/LAD22CD, district_name, police_force). With --boundaries, also attach LSOA "
        "boundaries from a GeoJSON file (longitude/latitude) for the dashboard's map."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV file (optionally gzipped)")
        parser.add_argument("--boundaries", help="GeoJSON FeatureCollection of LSOA boundaries")
        super().add_arguments(parser)

    def handle(self, *args, file: str, boundaries: str | None, no_compute: bool, **options):
        self.run_import(
            lambda: lsoa_lookup_import(path=file), compute=not no_compute and not boundaries
        )
        if boundaries:
            self.stdout.write("Boundaries:")
            self.run_import(lambda: boundaries_import(path=boundaries), compute=not no_compute)
