from django.urls import path

from . import views

app_name = "cases"
urlpatterns = [
    path("", views.caseload, name="caseload"),
    path("open", views.case_open, name="open"),
    path("<str:reference>", views.case_detail, name="detail"),
    path("<str:reference>/review", views.case_review, name="review"),
    path("<str:reference>/incident", views.case_incident, name="incident"),
    path("<str:reference>/person", views.case_person, name="person"),
    path("<str:reference>/intervention", views.case_intervention, name="intervention"),
    path("<str:reference>/breach", views.case_breach, name="breach"),
    path("<str:reference>/share", views.case_share, name="share"),
    path("<str:reference>/close", views.case_close, name="close"),
]
