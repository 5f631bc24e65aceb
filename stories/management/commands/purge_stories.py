from django.core.management.base import BaseCommand

from stories.retention import ADDRESS_DAYS, DECLINED_DAYS, purge


class Command(BaseCommand):
    help = (
        f"Erase stories declined more than {DECLINED_DAYS} days ago and forget authors' addresses "
        f"older than {ADDRESS_DAYS} days. Run daily."
    )

    def handle(self, *args, **options):
        erased, forgotten = purge()
        self.stdout.write(f"stories erased: {erased}, addresses forgotten: {forgotten}")
