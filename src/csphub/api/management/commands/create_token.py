"""`csphub create-token USERNAME [--name NAME]`: issue an API token for a user.

Only the token goes to standard output, so a script can capture it:
    TOKEN=$(csphub create-token alice --name "Police RMS")
The token is shown once; only its hash is stored.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from csphub.accounts.models import User
from csphub.api.models import ApiToken

_NAME_MAX: int = ApiToken._meta.get_field("name").max_length or 0


class Command(BaseCommand):
    help = "Issue an API token for a user and print it (shown once; only its hash is stored)."

    def add_arguments(self, parser):
        parser.add_argument("username", help="The user the token acts as")
        parser.add_argument(
            "--name", default="", help="What the token is for, e.g. the partner system using it"
        )

    def handle(self, *args, username: str, name: str, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"There is no user with the username {username!r}.")
        if not user.is_active:
            raise CommandError(
                f"The user {username!r} is not active; a token for them would not work."
            )
        name = name.strip()
        if len(name) > _NAME_MAX:
            raise CommandError(f"--name must be {_NAME_MAX} characters or fewer.")
        token, plaintext = ApiToken.issue(user, name)
        self.stderr.write(
            f"Token {token.prefix}… issued for {user.username}. "
            "Store it now: it is not shown again."
        )
        self.stdout.write(plaintext)
