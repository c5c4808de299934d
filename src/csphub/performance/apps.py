from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "csphub.performance"
    verbose_name = "Performance dashboard"
    default_auto_field = "django.db.models.BigAutoField"
