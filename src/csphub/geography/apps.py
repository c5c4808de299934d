from django.apps import AppConfig


class GeographyConfig(AppConfig):
    name = "csphub.geography"
    label = "geography"

    def ready(self) -> None:
        from .selectors import reference_data_connect

        reference_data_connect()
