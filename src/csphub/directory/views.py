from django.http import HttpResponse

from csphub.core.permissions import signed_in


@signed_in
def search(request):
    return HttpResponse("todo")
