"""`csphub link-submissions`: (re)link existing submissions, oldest first, as the worker would
have linked each as it arrived. For a backlog imported without the worker, or after a change
to the linking rules. Safe to run again: rejected links stay rejected."""

from __future__ import annotations

from datetime import date, datetime, time

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from csphub.entities.services import submission_link
from csphub.intelligence.models import Submission


class Command(BaseCommand):
    help = "Link existing submissions (connected intelligence), oldest first."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--since", help="Only submissions received on or after YYYY-MM-DD")
        parser.add_argument(
            "--unlinked", action="store_true", help="Only submissions not linked yet"
        )

    def handle(self, *args: object, **options: object) -> None:
        submissions = Submission.objects.order_by("created_at", "pk")
        if since := options.get("since"):
            try:
                day = date.fromisoformat(str(since))
            except ValueError:
                raise CommandError(
                    f"--since must be a date like 2026-04-01, not {since!r}"
                ) from None
            start = timezone.make_aware(datetime.combine(day, time.min))
            submissions = submissions.filter(created_at__gte=start)
        if options.get("unlinked"):
            submissions = submissions.filter(mentions__isnull=True)
        ids = list(submissions.values_list("pk", flat=True).distinct())
        links = 0
        for count, pk in enumerate(ids, start=1):
            links += len(submission_link(submission_id=pk).linked)
            if count % 1000 == 0:
                self.stdout.write(f"{count:,} of {len(ids):,} linked")
        self.stdout.write(f"Linked {len(ids):,} submissions ({links:,} connections found).")
