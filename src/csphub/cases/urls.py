from django.urls import path

from . import views

app_name = "cases"
urlpatterns = [
    path("", views.caseload, name="caseload"),
    path("<str:reference>", views.case_detail, name="detail"),
]
