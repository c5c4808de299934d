from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "csphub.cases"
    label = "cases"
    verbose_name = "ASB case management"
