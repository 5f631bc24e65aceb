"""Member accounts: allauth glue, the pseudonym as the only public name, and data export."""

import secrets

from allauth.account.adapter import DefaultAccountAdapter

# Apps add what they hold about a member: callables taking a user, returning (key, data).
EXPORTERS = []


def display_name(user):
    return user.display_name


class AccountAdapter(DefaultAccountAdapter):
    def populate_username(self, request, user):
        # allauth would derive a username from the e-mail address; a random one gives nothing away.
        user.username = f"lid-{secrets.token_hex(6)}"

    def format_email_subject(self, subject):
        # Subjects stay neutral: no site prefix that names what Kring is about.
        return str(subject)


def export_account(user):
    from allauth.account.models import EmailAddress

    data = {
        "account": {
            "pseudonym": user.pseudonym,
            "email": user.email,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
        },
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in EmailAddress.objects.filter(user=user)
        ],
    }
    for exporter in EXPORTERS:
        key, value = exporter(user)
        data[key] = value
    return data
