from django.apps import AppConfig


class IntelligenceConfig(AppConfig):
    name = "csphub.intelligence"
    label = "intelligence"

    def ready(self) -> None:
        from .selectors import reference_data_connect

        reference_data_connect()
