from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from moderation import conf
from moderation.models import Report, ReportWindow
from moderation.registry import adapter_for_model
from moderation.reports import end_windows


class Command(BaseCommand):
    help = (
        "Delete decided reports after the retention period and reports on content that is gone; "
        "erase the salts of report windows that ran out."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        cutoff = timezone.now() - timedelta(days=conf.report_retention_days())
        decided, _ = Report.objects.filter(decided_at__lt=cutoff).delete()

        orphans = []
        for report in Report.objects.select_related("content_type"):
            model = report.content_type.model_class()
            adapter = adapter_for_model(model) if model else None
            if adapter is None or adapter.get(report.object_id) is None:
                orphans.append(report.pk)
        gone, _ = Report.objects.filter(pk__in=orphans).delete()
        ended = end_windows(
            ReportWindow.objects.filter(is_open=True, closes_at__lte=timezone.now())
        )
        empty, _ = ReportWindow.objects.filter(is_open=False, reports__isnull=True).delete()
        self.stdout.write(
            f"deleted {decided} decided and {gone} orphaned reports; "
            f"ended {ended} report windows, deleted {empty} empty ones"
        )
