"""`csphub send-digest`: email analysts the day's new and overdue reports (run it daily)."""

from django.core.management.base import BaseCommand

from csphub.intelligence.notifications import digest_send


class Command(BaseCommand):
    help = "Email analysts the reports received since the last digest, and those past their target."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="send even if one went today")

    def handle(self, *args, force: bool = False, **options):
        result = digest_send(force=force)
        if result.skipped:
            self.stdout.write(f"Nothing sent: {result.skipped}. Use --force to send another.")
            return
        self.stdout.write(
            f"Digest of {result.submissions} report(s) queued for "
            f"{len(result.recipients)} analyst(s)."
        )
