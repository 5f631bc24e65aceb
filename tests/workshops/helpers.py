"""Reading what a registrant receives: the links in their mails."""

import re

from django.core import mail

JOIN_URL = "https://vergaderen.example/geheime-kamer-42"
LINK = re.compile(r"https?://[^\s\"<>]+")


def mails_to(address):
    return [message for message in mail.outbox if address in message.to]


def joins_to(client, message):
    """Where the personal join link in `message` takes its holder (a redirect's target)."""
    response = client.get(link_in(message, "/meedoen/"))
    assert response.status_code == 302, response.status_code
    return response["Location"]


def link_in(message, part):
    """The first link in a mail's text part whose path contains `part`, as a site path."""
    for url in LINK.findall(message.body):
        if part in url:
            return "/" + url.split("://", 1)[1].split("/", 1)[1]
    raise AssertionError(f"no link with {part!r} in: {message.body}")
