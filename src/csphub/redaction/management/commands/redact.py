"""`csphub redact`: listed by `csphub help`; the console script runs `csphub.sanitise.cli`
directly, without Django (`csphub/manage.py`, STANDALONE), and this command is the same work
for `call_command`."""

from django.core.management.base import BaseCommand, CommandError

from csphub.sanitise import cli


class Command(BaseCommand):
    help = "Redact personal data from a UTF-8 text file or standard input."
    stealth_options = ("stdin",)
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        cli.add_arguments(parser)

    def handle(self, *args, file=None, as_json=False, postcode_sector=False, **options):
        try:
            text = cli.read_text(file, options.get("stdin"))
        except cli.InputError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            cli.render(text, as_json=as_json, postcode_sector=postcode_sector), ending=""
        )
