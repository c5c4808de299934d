"""What an import did (rows read, accepted, rejected with reasons), shown to the analyst and
kept as an `ImportRun` row with an audit event."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from csphub.accounts.models import User
from csphub.audit.services import audit_record

from ..models import ImportRun


@dataclass
class ImportSummary:
    kind: str
    files: list[str]
    rows_read: int = 0
    accepted: int = 0
    reasons: Counter = field(default_factory=Counter)
    details: list[str] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        return sum(self.reasons.values())

    def lines(self) -> list[str]:
        out = [
            f"Rows read: {self.rows_read:,}",
            f"Accepted:  {self.accepted:,}",
            f"Rejected:  {self.rejected:,}",
        ]
        out += [f"  {count:,} × {reason}" for reason, count in self.reasons.most_common()]
        return out + self.details


def record_run(summary: ImportSummary, user: User | None) -> ImportRun:
    run = ImportRun.objects.create(
        kind=summary.kind,
        files="\n".join(summary.files)[:5000],
        imported_by=user,
        rows_read=summary.rows_read,
        accepted=summary.accepted,
        rejected=summary.rejected,
        reasons=dict(summary.reasons),
        summary="\n".join(summary.details),
    )
    audit_record(
        actor=user,
        action="performance.import",
        obj=run,
        summary=(
            f"{run.get_kind_display()}: {summary.accepted:,} accepted, "
            f"{summary.rejected:,} rejected"
        ),
        changes={"files": summary.files[:50], "reasons": dict(summary.reasons)},
    )
    return run
