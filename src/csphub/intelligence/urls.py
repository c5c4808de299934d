from django.urls import path

from . import views_submit as submit
from . import views_triage as triage

app_name = "intelligence"
urlpatterns = [
    path("submit/", submit.submit_start, name="submit_start"),
    path("submit/<str:step>", submit.submit_step, name="submit_step"),
    path("submit-check", submit.submit_check, name="submit_check"),
    path("urgent", submit.submit_urgent, name="submit_urgent"),
    path("submitted/<str:reference>", submit.submit_confirmation, name="submit_confirmation"),
    path("mine/", submit.my_submissions, name="my_submissions"),
    path("mine/<str:reference>", submit.my_submission, name="my_submission"),
    path("queue/", triage.queue, name="queue"),
    path("duty", triage.duty, name="duty"),
    path("queue/<str:reference>", triage.triage_detail, name="triage_detail"),
    path("queue/<str:reference>/assign", triage.triage_assign, name="triage_assign"),
    path("queue/<str:reference>/status", triage.triage_status, name="triage_status"),
    path("queue/<str:reference>/district", triage.triage_district, name="triage_district"),
    path("queue/<str:reference>/grade", triage.triage_grade, name="triage_grade"),
    path("queue/<str:reference>/close", triage.triage_close, name="triage_close"),
    path("queue/<str:reference>/message", triage.triage_message, name="triage_message"),
    path("queue/<str:reference>/note", triage.triage_note, name="triage_note"),
    path("themes/", triage.themes_manage, name="themes"),
    path("themes/new", triage.theme_edit, name="theme_new"),
    path("themes/<slug:slug>", triage.theme_edit, name="theme_edit"),
]
