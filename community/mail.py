"""Discreet e-mail: neutral subject and sender, a plain and an HTML part, no remote content.

Mails go out through django-tasks, so a slow mail server never holds up a request.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task


def render_mail(template_prefix, context):
    """Render `<prefix>_subject.txt`, `<prefix>.txt` and `<prefix>.html` into their parts."""
    subject = render_to_string(f"{template_prefix}_subject.txt", context)
    subject = " ".join(subject.split())
    text = render_to_string(f"{template_prefix}.txt", context)
    html = render_to_string(f"{template_prefix}.html", context)
    return subject, text, html


@task()
def send_mail(template_prefix, recipient, context, language=None, attachments=()):
    """Send one mail. `context` and `attachments` (name, content, mimetype) must be JSON-safe."""
    with translation.override(language or settings.LANGUAGE_CODE):
        subject, text, html = render_mail(template_prefix, context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [recipient])
    message.attach_alternative(html, "text/html")
    for name, content, mimetype in attachments:
        message.attach(name, content, mimetype)
    message.send()


def queue_mail(template_prefix, recipient, context, attachments=()):
    """Queue a mail in the current language.

    Call it from transaction.on_commit where a change in the database triggers the mail.
    """
    return send_mail.enqueue(
        template_prefix, recipient, context, translation.get_language(), list(attachments)
    )
