from django.core.management.base import BaseCommand

from live import conf
from live.services.retention import close_idle, purge


class Command(BaseCommand):
    help = (
        "Close open live rooms where nobody wrote for KRING_LIVE_IDLE_CLOSE_DAYS (default 2) "
        "days, then delete the chat messages, questions, individual votes and participants of "
        "rooms closed more than KRING_LIVE_RETENTION_DAYS (default 30) days ago. Statement "
        "results are kept as numbers. Meant for a daily timer."
    )

    def handle(self, *args: object, **options: object) -> None:
        closed = close_idle()
        if closed:
            self.stdout.write(f"Closed {len(closed)} idle room(s).")
        counts = purge()
        self.stdout.write(
            f"Rooms closed more than {conf.retention_days()} days ago: deleted "
            f"{counts['messages']} chat message(s), {counts['questions']} question(s), "
            f"{counts['votes']} vote(s), {counts['upvotes']} up-vote(s) and "
            f"{counts['participants']} participant(s)."
        )
