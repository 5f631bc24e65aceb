"""Member accounts: allauth glue, the pseudonym as the only public name, and data export."""

from __future__ import annotations

import secrets
import smtplib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest

from community.mail import log_refused

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from community.models import User

# Apps add what they hold about a member: callables taking a user, returning (key, data).
EXPORTERS: list[Callable[[User], tuple[str, Any]]] = []


def display_name(user: User) -> str:
    return str(user.display_name)


class AccountAdapter(DefaultAccountAdapter):
    def populate_username(self, request: HttpRequest, user: User) -> None:
        # allauth would derive a username from the e-mail address; a random one gives nothing away.
        user.username = f"lid-{secrets.token_hex(6)}"

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        # allauth sends in the request: a recipient the mail server refuses must not turn the
        # page (a password reset, a sign-up) into a 500, nor put the address in the log.
        try:
            super().send_mail(template_prefix, email, context)
        except smtplib.SMTPRecipientsRefused as error:
            log_refused(template_prefix, error)

    def format_email_subject(self, subject: StrOrPromise) -> str:
        # Subjects stay neutral: no site prefix that names what Kring is about.
        return str(subject)


def export_account(user: User) -> dict[str, Any]:
    from allauth.account.models import EmailAddress

    data: dict[str, Any] = {
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
