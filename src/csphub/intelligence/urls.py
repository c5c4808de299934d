from django.urls import path

from . import views

app_name = "intelligence"
urlpatterns = [
    path("submit/", views.submit_start, name="submit_start"),
    path("submit/<str:step>", views.submit_step, name="submit_step"),
    path("submit-check", views.submit_check, name="submit_check"),
    path("urgent", views.submit_urgent, name="submit_urgent"),
    path("submitted/<str:reference>", views.submit_confirmation, name="submit_confirmation"),
    path("mine/", views.my_submissions, name="my_submissions"),
    path("mine/<str:reference>", views.my_submission, name="my_submission"),
    path("queue/", views.queue, name="queue"),
    path("queue/<str:reference>", views.triage_detail, name="triage_detail"),
    path("queue/<str:reference>/assign", views.triage_assign, name="triage_assign"),
    path("queue/<str:reference>/status", views.triage_status, name="triage_status"),
    path("queue/<str:reference>/grade", views.triage_grade, name="triage_grade"),
    path("queue/<str:reference>/close", views.triage_close, name="triage_close"),
    path("queue/<str:reference>/message", views.triage_message, name="triage_message"),
    path("queue/<str:reference>/note", views.triage_note, name="triage_note"),
    path("themes/", views.themes_manage, name="themes"),
    path("themes/new", views.theme_edit, name="theme_new"),
    path("themes/<slug:slug>", views.theme_edit, name="theme_edit"),
]
