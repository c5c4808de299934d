"""The signposting directory of support services, with Open Referral UK import and export."""

from pathlib import Path

# The services from the partnership's "Community Safety Support Messages" leaflet, as ORUK JSON.
# `csphub load-demo` imports it with call_command("import_directory", LEAFLET_SERVICES).
LEAFLET_SERVICES = Path(__file__).resolve().parent / "data" / "leaflet-services.json"
