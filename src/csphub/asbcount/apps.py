from django.apps import AppConfig


class AsbCountConfig(AppConfig):
    name = "csphub.asbcount"
    label = "asbcount"
    verbose_name = "One ASB count"
