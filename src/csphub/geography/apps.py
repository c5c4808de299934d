from django.apps import AppConfig


class GeographyConfig(AppConfig):
    name = "csphub.geography"
    label = "geography"
