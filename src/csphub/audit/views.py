from django.http import HttpResponse

from csphub.accounts.models import Role
from csphub.core.permissions import role_required


@role_required(Role.ADMINISTRATOR)
def audit_log(request):
    return HttpResponse("todo")
