from django.http import HttpResponse

from csphub.core.permissions import signed_in


@signed_in
def submit_start(request, *args, **kwargs):
    return HttpResponse("todo")


@signed_in
def submit_step(request, *args, **kwargs):
    return HttpResponse("todo")


@signed_in
def submit_check(request, *args, **kwargs):
    return HttpResponse("todo")


@signed_in
def submit_urgent(request, *args, **kwargs):
    return HttpResponse("todo")


@signed_in
def submit_confirmation(request, *args, **kwargs):
    return HttpResponse("todo")


@signed_in
def my_submissions(request, *args, **kwargs):
    return HttpResponse("todo")


@signed_in
def my_submission(request, *args, **kwargs):
    return HttpResponse("todo")


@signed_in
def queue(request, *args, **kwargs):
    return HttpResponse("todo")


@signed_in
def triage_detail(request, *args, **kwargs):
    return HttpResponse("todo")


@signed_in
def triage_assign(request, *args, **kwargs):
    return HttpResponse("todo")


@signed_in
def triage_status(request, *args, **kwargs):
    return HttpResponse("todo")


@signed_in
def triage_grade(request, *args, **kwargs):
    return HttpResponse("todo")


@signed_in
def triage_close(request, *args, **kwargs):
    return HttpResponse("todo")


@signed_in
def triage_message(request, *args, **kwargs):
    return HttpResponse("todo")


@signed_in
def triage_note(request, *args, **kwargs):
    return HttpResponse("todo")


@signed_in
def themes_manage(request, *args, **kwargs):
    return HttpResponse("todo")


@signed_in
def theme_edit(request, *args, **kwargs):
    return HttpResponse("todo")

