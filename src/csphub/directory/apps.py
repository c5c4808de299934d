from django.apps import AppConfig


def _connect_signals() -> None:
    from . import signals

    signals.connect()


class DirectoryConfig(AppConfig):
    name = "csphub.directory"
    label = "directory"

    def ready(self) -> None:
        _connect_signals()
        # Intelligence (a lower layer) asks the directory which services to signpost on the
        # submission's confirmation page through its registry.
        from csphub.intelligence.signposting import register_signposting

        from .selectors import services_for_themes

        register_signposting(services_for_themes)
