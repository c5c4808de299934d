from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "csphub.api"
    label = "api"
