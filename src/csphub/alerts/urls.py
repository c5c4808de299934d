from django.urls import path

from . import views

app_name = "alerts"
urlpatterns = [
    path("", views.alert_list, name="list"),
    path("<int:alert_id>", views.alert_detail, name="detail"),
    path("<int:alert_id>/acknowledge", views.alert_acknowledge, name="acknowledge"),
    path("<int:alert_id>/dismiss", views.alert_dismiss, name="dismiss"),
    path("rules/", views.rule_list, name="rules"),
    path("rules/<int:rule_id>", views.rule_edit, name="rule_edit"),
    path("rules/new/<slug:kind>", views.rule_create, name="rule_create"),
]
