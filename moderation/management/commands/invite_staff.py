from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from moderation.invitations import InvitationRefused, do_invite


class Command(BaseCommand):
    help = (
        "Mail a staff member a one-time link to set up their second factor "
        "(expires after KRING_STAFF_INVITATION_HOURS)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email", help="the staff account's verified e-mail address")

    def handle(self, *args: object, email: str, **options: object) -> None:
        try:
            invitation = do_invite(email, settings.WAGTAILADMIN_BASE_URL)
        except InvitationRefused as refused:
            raise CommandError(refused.message) from refused
        # Neither the address nor the link is printed: the mail is the only way to the link.
        self.stdout.write(f"invitation sent, valid until {invitation.expires_at:%Y-%m-%d %H:%M %Z}")
