from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "csphub.alerts"
    label = "alerts"
    verbose_name = "Emerging-issue alerts"

    def ready(self) -> None:
        from csphub.entities.signals import links_ready

        from .receivers import links_ready_evaluate

        links_ready.connect(links_ready_evaluate, dispatch_uid="alerts-evaluate")
