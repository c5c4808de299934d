from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "csphub.directory"
    label = "directory"

    def ready(self) -> None:
        # Intelligence (a lower layer) asks the directory which services to signpost on the
        # submission's confirmation page through its registry.
        from csphub.intelligence.signposting import register_signposting

        from .selectors import services_for_themes

        register_signposting(services_for_themes)
